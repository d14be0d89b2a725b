/**
 * Gzipped size of the sidebar as the content script will carry it: Preact + components/sidebar,
 * minified, plus sidebar.css. DESIGN §8 budget: the whole content script <= 20 kB gzipped.
 *
 *   npx tsx test/ui-gallery/size.ts
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '../../artifacts/ui-gallery/size');

await rm(outDir, { recursive: true, force: true });
await build({
  configFile: false,
  logLevel: 'warn',
  plugins: [preact()],
  build: {
    outDir,
    minify: true,
    modulePreload: false,
    // Not lib mode: lib mode keeps whitespace in ES output; the extension build minifies fully.
    rollupOptions: {
      input: resolve(here, 'size-entry.tsx'),
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: 'sidebar.js', assetFileNames: 'sidebar[extname]' },
    },
  },
});

let total = 0;
for (const f of await readdir(outDir)) {
  const buf = await readFile(join(outDir, f));
  const gz = gzipSync(buf, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(20)} ${(buf.length / 1024).toFixed(1).padStart(6)} kB raw  ${(gz / 1024).toFixed(1).padStart(5)} kB gzip`);
}
console.log(`${'total'.padEnd(20)} ${' '.repeat(14)}${(total / 1024).toFixed(1).padStart(5)} kB gzip (budget for the whole content script: 20 kB)`);
