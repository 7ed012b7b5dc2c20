import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
// The API server during `vite` development (npm run dev listens on PORT, 3000 by default).
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: path.join(projectRoot, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(projectRoot, 'dist/web'),
    emptyOutDir: true,
    // A staff app on the municipality's network: one bundle per build is fine, so no warning.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/health': apiServer,
    },
  },
});
