import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './App.tsx';
import { lazyPage } from './components/lazy-page.ts';
import { PageLoad } from './components/PageLoad.tsx';
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

// The public pages (no sign-in, no staff session asked for) are a chunk of their own.
const PublicPages = lazyPage(() => import('./routes/public/PublicPages.tsx'), 'PublicPages');
// The resident's e-service (decision 0032): no staff session either, a chunk of its own.
const ResidentPages = lazyPage(
  () => import('./routes/resident/ResidentPages.tsx'),
  'ResidentPages',
);

// A data router (for useBlocker: the unsaved-changes guard) around the app, whose own <Routes>
// choose the page: one route matches every staff address, another the public pages.
const router = createBrowserRouter([
  {
    path: '/public/*',
    element: (
      <I18nProvider>
        <PageLoad>
          <PublicPages />
        </PageLoad>
      </I18nProvider>
    ),
  },
  {
    path: '/resident/*',
    element: (
      <I18nProvider>
        <PageLoad>
          <ResidentPages />
        </PageLoad>
      </I18nProvider>
    ),
  },
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
