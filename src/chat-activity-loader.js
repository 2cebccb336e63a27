// Loads the component's wasm and starts it: registers <chat-activity> and,
// on the standalone page, mounts the page. An external module (not Trunk's
// inline script) so that pages can run under a strict Content-Security-Policy
// without 'unsafe-inline'. Hosts load it with the tag dist/index.html uses.
import init, * as bindings from './chat-activity.js';

const wasm = await init({ module_or_path: new URL('chat-activity_bg.wasm', import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
