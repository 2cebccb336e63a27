// The <chat-activity> element's class. Its lifecycle callbacks are handed
// to Rust (src/custom_element.rs); nothing else lives here.
export function defineChatActivityElement(tag, observed, connected, disconnected, attributeChanged) {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      #messages;

      static get observedAttributes() {
        return observed;
      }

      constructor() {
        super();
        // A host may have set `messages` before this class was defined:
        // that own property would hide the accessor below.
        if (Object.prototype.hasOwnProperty.call(this, 'messages')) {
          const messages = this.messages;
          delete this.messages;
          this.#messages = messages;
        }
      }

      /** Texts replacing the bundled ones: message id → text with {placeholders}. */
      get messages() {
        return this.#messages;
      }

      set messages(value) {
        this.#messages = value;
        if (this.isConnected) attributeChanged(this);
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
