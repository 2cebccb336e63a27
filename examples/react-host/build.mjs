// Bundles the React host with esbuild into dist/ (served by the mock
// portal at /examples/react-host/), with the package's wasm beside the
// bundle, where the package's `new URL(…, import.meta.url)` looks for it,
// and its catalogs (i18n/).
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const wasm = require.resolve('chat-activity/chat-activity_bg.wasm');
await rm('dist', { recursive: true, force: true });
await mkdir('dist');
await build({
  entryPoints: ['src/main.tsx'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  jsx: 'automatic',
  outfile: 'dist/main.js',
  logLevel: 'warning',
});
await cp(wasm, 'dist/chat-activity_bg.wasm');
// The catalogs of the languages besides English, fetched from beside the
// script (here the bundle) when a viewer's language needs one.
await cp(path.join(path.dirname(wasm), 'i18n'), 'dist/i18n', { recursive: true });
await cp('index.html', 'dist/index.html');
await cp('host.css', 'dist/host.css');
