import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.ts';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));
// The API server during `vite` development (npm run dev listens on PORT, 3000 by default).
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: path.join(projectRoot, 'src/web'),
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(projectRoot, 'dist/web'),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/health': apiServer,
    },
  },
});
