// Page object of the standalone page: what a user sees, by role and name.
import assert from 'node:assert/strict';
import { shownName } from '../support/mock-portal.mjs';

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

  /**
   * Waits until the rows are those of the API's page at offset/limit: each
   * row the event at its place (data-index), and with the joins of
   * collapsed bursts ("Show n joins") every event accounted for.
   */
  async expectApiPage(chatId, offset, limit) {
    const expected = await this.portal.apiPage(chatId, offset, limit);
    const usernames = expected.events.map((event) => shownName(event.user));
    await this.page.waitForFunction(
      (names) => {
        const rows = [...document.querySelectorAll('li.ca-event')];
        const collapsed = [...document.querySelectorAll('button.ca-burst-toggle[aria-expanded="false"]')]
          .map((button) => Number(/\d+/.exec(button.textContent)?.[0] ?? 0))
          .reduce((sum, n) => sum + n, 0);
        return (
          rows.length + collapsed === names.length &&
          rows.every((row) => row.querySelector('.ca-username')?.textContent === names[Number(row.dataset.index)])
        );
      },
      usernames,
    );
    return expected;
  }

  /** The events the page accounts for: its event rows and the joins of its collapsed bursts. */
  eventCount() {
    return this.page.evaluate(() => {
      const collapsed = [...document.querySelectorAll('button.ca-burst-toggle[aria-expanded="false"]')]
        .map((button) => Number(/\d+/.exec(button.textContent)?.[0] ?? 0))
        .reduce((sum, n) => sum + n, 0);
      return document.querySelectorAll('li.ca-event').length + collapsed;
    });
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
