// The <chat-activity> element's class. Its lifecycle callbacks are handed
// to Rust (src/custom_element.rs); nothing else lives here.
export function defineChatActivityElement(tag, observed, connected, disconnected, attributeChanged) {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      static get observedAttributes() {
        return observed;
      }

      connectedCallback() {
        connected(this);
      }

      disconnectedCallback() {
        disconnected(this);
      }

      attributeChangedCallback(_name, oldValue, newValue) {
        // Before the first connection, connectedCallback reads every attribute.
        if (oldValue !== newValue && this.isConnected) attributeChanged(this);
      }
    },
  );
}
