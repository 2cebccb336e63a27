// Loads the component's wasm and starts it: registers <chat-activity> and,
// on the standalone page, mounts the page. An external module (not Trunk's
// inline script) so that pages can run under a strict Content-Security-Policy
// without 'unsafe-inline'. Hosts load it with the tag dist/index.html uses.
import init, * as bindings from './chat-activity.js';

const starting = init({ module_or_path: new URL('chat-activity_bg.wasm', import.meta.url) });
// The first Intl formatter of a page costs Chromium 10 to 20 ms (it loads
// its locale data, for all languages at once). Made here, while the wasm
// compiles off the main thread, it is not made while the first rows wait.
new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const wasm = await starting;
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
