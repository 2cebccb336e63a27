// Loads the component's wasm and starts it: registers <chat-activity> and,
// on the standalone page, mounts the page. An external module (not Trunk's
// inline script) so that pages can run under a strict Content-Security-Policy
// without 'unsafe-inline'. Hosts load it with the tag dist/index.html uses.
try {
  // Imported here rather than statically, so that a script that does not
  // come is caught below too.
  const bindings = await import('./chat-activity.js');
  const starting = bindings.default({ module_or_path: new URL('chat-activity_bg.wasm', import.meta.url) });
  // The first Intl formatter of a page costs Chromium 10 to 20 ms (it loads
  // its locale data, for all languages at once). Made here, while the wasm
  // compiles off the main thread, it is not made while the first rows wait.
  new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const wasm = await starting;
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  // Never a blank page: the standalone page says so. (A host's elements
  // keep whatever the host put in them.)
  const root = document.getElementById('chat-activity');
  if (root) {
    const note = document.createElement('p');
    note.className = 'ca-page-note';
    note.setAttribute('role', 'alert');
    note.textContent = "Chat activity couldn't be loaded. Check your connection and reload the page.";
    root.replaceChildren(note);
  }
  throw error;
}
