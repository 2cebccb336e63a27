// Page object of a host page embedding <chat-activity> elements (the
// minimal host example): adds elements, reads inside their open shadow roots.

export class HostPage {
  constructor(page, portal) {
    this.page = page;
    this.portal = portal;
  }

  /** Opens a bare host page (the built script, no element yet), recording the component's events. */
  async open() {
    this.errors = [];
    this.page.on('pageerror', (error) => this.errors.push(error));
    await this.page.addInitScript(() => {
      window.__events = [];
      for (const type of ['chat-activity-loaded', 'chat-activity-forbidden', 'chat-activity-unauthorized', 'chat-activity-error']) {
        document.addEventListener(type, (event) => {
          window.__events.push({
            type,
            detail: event.detail,
            bubbles: event.bubbles,
            composed: event.composed,
            target: event.target.id,
          });
        });
      }
      addEventListener('TrunkApplicationStarted', (event) => {
        window.__wasm = event.detail.wasm;
      });
    });
    await this.page.goto(`${this.portal.pages}/examples/bare-host/`);
    await this.page.waitForFunction(() => customElements.get('chat-activity') !== undefined);
  }

  /** Adds `<chat-activity id=…>` with these attributes to the body. */
  async add(id, attributes) {
    await this.page.evaluate(
      ({ id, attributes }) => {
        const element = document.createElement('chat-activity');
        element.id = id;
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        document.querySelector('main').append(element);
      },
      { id, attributes },
    );
    return this.element(id);
  }

  element(id) {
    const host = this.page.locator(`chat-activity#${id}`);
    return {
      host,
      // Playwright's CSS locators pierce open shadow roots.
      region: host.getByRole('region', { name: 'Chat activity' }),
      items: host.getByRole('listitem'),
      next: host.getByRole('button', { name: 'Next page' }),
      alert: host.getByRole('alert'),
      usernames: () => host.locator('.ca-username').allTextContents(),
      rangeText: async () => (await host.locator('.ca-range').textContent()).trim(),
      setAttribute: (name, value) =>
        this.page.evaluate(([id, name, value]) => document.getElementById(id).setAttribute(name, value), [id, name, value]),
      shadowContent: () =>
        this.page.evaluate((id) => {
          const root = document.getElementById(id).shadowRoot;
          return { elements: root.querySelectorAll('*').length, text: root.textContent };
        }, id),
    };
  }

  events(type) {
    return this.page.evaluate((type) => window.__events.filter((e) => !type || e.type === type), type);
  }

  async waitForEvent(type, count = 1) {
    await this.page.waitForFunction(([type, count]) => window.__events.filter((e) => e.type === type).length >= count, [type, count]);
    return this.events(type);
  }
}
