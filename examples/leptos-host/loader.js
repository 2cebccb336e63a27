// Starts the example app: an external module, so that the page runs under a
// strict Content-Security-Policy without 'unsafe-inline'.
import init from './leptos-host-example.js';

await init({ module_or_path: new URL('leptos-host-example_bg.wasm', import.meta.url) });
