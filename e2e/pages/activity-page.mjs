// Page object of the standalone page: what a user sees, by role and name.
import assert from 'node:assert/strict';

export class ActivityPage {
  constructor(page, portal) {
    this.page = page;
    this.portal = portal;
    this.region = page.getByRole('region', { name: 'Chat activity' });
    this.items = this.region.getByRole('listitem');
    this.pager = page.getByRole('navigation', { name: 'Pagination' });
    this.previous = this.pager.getByRole('button', { name: 'Previous page' });
    this.next = this.pager.getByRole('button', { name: 'Next page' });
    this.pageSize = this.pager.getByRole('combobox', { name: 'Events per page' });
    this.alert = page.getByRole('alert');
    this.retry = page.getByRole('button', { name: 'Retry' });
  }

  /** Opens the standalone page with this query string (e.g. "?chat_id=1"). */
  async open(search) {
    this.errors = [];
    this.page.on('pageerror', (error) => this.errors.push(error));
    await this.page.goto(`${this.portal.pages}/${search}`);
  }

  /** Waits until the component is mounted, no request is in flight, and rows (or a state) are shown. */
  async settled() {
    await this.page.waitForFunction(() => {
      const region = document.querySelector('[aria-label="Chat activity"]');
      return region !== null && region.getAttribute('aria-busy') === null && region.querySelector('li, [role="alert"], .ca-empty') !== null;
    });
  }

  /** The rows as "username sentence" texts, whitespace folded. */
  async rowTexts() {
    return this.region.locator('li .ca-event-text').evaluateAll((nodes) =>
      nodes.map((node) => node.textContent.replace(/\s+/g, ' ').trim()),
    );
  }

  /** Waits until the rows are those of the API's page at offset/limit. */
  async expectApiPage(chatId, offset, limit) {
    const expected = await this.portal.apiPage(chatId, offset, limit);
    const usernames = expected.events.map((event) => event.user.username);
    await this.page.waitForFunction(
      (names) => {
        const shown = [...document.querySelectorAll('li .ca-username')].map((node) => node.textContent);
        return shown.length === names.length && shown.every((name, i) => name === names[i]);
      },
      usernames,
    );
    return expected;
  }

  async rangeText() {
    return (await this.pager.locator('.ca-range').textContent()).trim();
  }

  searchParams() {
    return new URL(this.page.url()).searchParams;
  }

  assertNoPageErrors() {
    assert.deepEqual(this.errors.map(String), []);
  }
}
