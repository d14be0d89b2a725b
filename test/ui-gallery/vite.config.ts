/** UI gallery (not shipped): every state of the sidebar, popup and options with fixture data. */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact()],
  logLevel: 'warn',
  server: { host: '127.0.0.1', strictPort: false, hmr: false },
  build: { outDir: fileURLToPath(new URL('../../artifacts/ui-gallery/site', import.meta.url)), emptyOutDir: true },
});
