import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './App.tsx';
import { queryClient } from './data.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { SessionProvider } from './session.tsx';
// Suomi.fi's typeface, bundled: the register loads nothing from outside its own server.
import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import '@fontsource/source-sans-3/700.css';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

// A data router (for useBlocker: the unsaved-changes guard) around the app, whose own <Routes>
// choose the page: one route matches every address.
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <I18nProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    ),
  },
]);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
