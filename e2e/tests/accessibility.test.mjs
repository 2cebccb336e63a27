// Accessibility: axe-core on every state of the standalone page and the
// custom element, and keyboard-only use.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { axeViolations } from '../support/axe.mjs';
import { HostPage } from '../pages/host-page.mjs';

describe('accessibility', () => {
  const f = useActivityPage();

  async function audit(state) {
    const violations = await axeViolations(f.page);
    console.log(`axe, ${state}: ${violations.length} violations`);
    assert.deepEqual(violations, [], state);
  }

  test('axe: zero violations in every state of the standalone page', async () => {
    await f.portal.setFaults([{ chat_id: 1, delay_ms: 1500, times: 1 }]);
    await f.activity.open('?chat_id=1');
    await f.page.waitForSelector('[aria-busy="true"]');
    await audit('loading');
    await f.activity.settled();
    await audit('loaded');
    await f.activity.region.getByRole('button', { name: 'Exact times' }).click();
    await audit('exact times');
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    await f.page.waitForFunction(() => !document.querySelector('progress'));
    await audit('filter open');
    await f.activity.open('?chat_id=4');
    await f.activity.settled();
    await audit('empty');
    await f.portal.setFaults([{ chat_id: 1, status: 500 }]);
    await f.activity.open('?chat_id=1');
    await f.activity.alert.waitFor();
    await audit('error');
    await f.activity.open('?chat_id=abc');
    await f.activity.alert.waitFor();
    await audit('invalid chat id');
  });

  test('axe: zero violations in the custom element, join bursts and new events shown', async () => {
    const now = Date.now();
    const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
    await f.portal.putChat(60, {
      events: Array.from({ length: 6 }, (_, i) => event(10 + i, `raider${i}`, 'join', { method: 'invite', code: 'raid', at: iso(now - (10 - i) * 60_000) })),
    });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await h.add('audited', { 'chat-id': '60', 'api-base': f.portal.api, 'refresh-interval': '1' });
    await h.waitForEvent('chat-activity-loaded');
    await f.portal.prependEvents(60, [event(99, 'late', 'leave', { at: iso(now) })]);
    await f.page.locator('chat-activity').getByRole('button', { name: 'Show 1 new event' }).waitFor();
    await audit('custom element with a burst note and new events');
  });

  test('keyboard only: Tab reaches every control, Enter and Space use them', async () => {
    await f.activity.open('?chat_id=1&limit=10');
    await f.activity.settled();
    const reached = [];
    for (let i = 0; i < 40; i++) {
      await f.page.keyboard.press('Tab');
      const name = await f.page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent?.trim() ?? el.textContent.trim()}` : '';
      });
      reached.push(name);
    }
    for (const control of ['Jump to date', 'Exact times', 'Filter by action', 'Search username', 'Export CSV', 'Export JSON', 'Next page', 'Events per page']) {
      assert.ok(reached.some((name) => name.includes(control)), `${control} not reached: ${reached.join(' | ')}`);
    }
    await f.activity.next.focus();
    await f.page.keyboard.press('Enter');
    await f.activity.expectApiPage(1, 10, 10);
    await f.activity.previous.focus();
    await f.page.keyboard.press('Space');
    await f.activity.expectApiPage(1, 0, 10);
  });

  test('paging keeps the focus on the control used and says the new range; nothing grabs focus on load', async () => {
    await f.portal.putChat(82, { events: Array.from({ length: 25 }, (_, i) => event(100 + i, `member${i}`, 'join')) });
    await f.activity.open('?chat_id=82&limit=10');
    await f.activity.settled();
    const focused = () => f.page.evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === 'SELECT' ? `select:${el.getAttribute('aria-label') ?? el.labels[0].firstChild.textContent.trim()}` : `${el?.tagName.toLowerCase()}:${el?.textContent.trim().slice(0, 40)}`;
    });
    const said = f.activity.region.getByRole('status');
    assert.equal(await focused(), 'body:' + (await f.page.evaluate(() => document.body.textContent.trim().slice(0, 40))), 'nothing grabbed focus on load');
    // Next by keyboard, twice: each time the range is said and the focus
    // stays, so the reader pages on without going back to the pager.
    await f.activity.next.focus();
    await f.page.keyboard.press('Enter');
    await f.activity.expectApiPage(82, 10, 10);
    await said.getByText('Showing 11–20 of 25', { exact: true }).waitFor();
    assert.equal(await focused(), 'button:Next page');
    await f.page.keyboard.press('Enter');
    await f.activity.expectApiPage(82, 20, 10);
    await said.getByText('Showing 21–25 of 25', { exact: true }).waitFor();
    // The last page: Next is disabled and hands the focus to Previous.
    assert.equal(await focused(), 'button:Previous page');
    await f.page.keyboard.press('Enter');
    await f.activity.expectApiPage(82, 10, 10);
    // The page size by arrow keys: each size loads, the select keeps the focus.
    await f.activity.pageSize.focus();
    await f.page.keyboard.press('ArrowDown');
    await f.activity.expectApiPage(82, 0, 25);
    assert.equal(await focused(), 'select:Events per page');
    await said.getByText('Showing 1–25 of 25', { exact: true }).waitFor();
    await f.page.keyboard.press('ArrowDown');
    await f.activity.expectApiPage(82, 0, 50);
    assert.equal(await focused(), 'select:Events per page');
    f.activity.assertNoPageErrors();
  });

  test('two pages: Next hands the focus to Previous, and back (the other button is enabled only once the page changes)', async () => {
    await f.portal.putChat(84, { events: Array.from({ length: 20 }, (_, i) => event(200 + i, `member${i}`, 'join')) });
    await f.activity.open('?chat_id=84&limit=10');
    await f.activity.settled();
    await f.activity.next.focus();
    await f.page.keyboard.press('Enter');
    await f.activity.expectApiPage(84, 10, 10);
    await f.page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Previous page');
    await f.page.keyboard.press('Enter');
    await f.activity.expectApiPage(84, 0, 10);
    await f.page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Next page');
  });

  test('a Retry that fails again: the new Retry button has the focus', async () => {
    await f.portal.setFaults([{ chat_id: 1, status: 500, times: 2 }]);
    await f.activity.open('?chat_id=1');
    await f.activity.region.getByRole('button', { name: 'Retry' }).focus();
    await f.page.keyboard.press('Enter');
    await f.page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Retry' && document.activeElement.isConnected);
    await f.page.keyboard.press('Enter');
    await f.activity.settled();
    await f.page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  });

  test('where the control used goes away (Retry), focus goes to the heading, or to the region when the heading is hidden', async () => {
    await f.portal.setFaults([{ chat_id: 1, status: 500, times: 1 }]);
    await f.activity.open('?chat_id=1');
    await f.activity.region.getByRole('button', { name: 'Retry' }).click();
    await f.activity.settled();
    await f.page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await f.portal.setFaults([{ chat_id: 1, status: 500, times: 1 }]);
    const el = await h.add('hidden-heading', { 'chat-id': '1', 'api-base': f.portal.api, 'hide-heading': '' });
    await el.host.getByRole('button', { name: 'Retry' }).click();
    await h.waitForEvent('chat-activity-loaded');
    await f.page.waitForFunction(() => document.querySelector('chat-activity#hidden-heading').shadowRoot.activeElement?.tagName === 'SECTION');
  });

  test('a control disabled while it has the focus hands it to the heading: Export while a filter reads the chat', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 1, limit: 100, delay_ms: 400 }]);
    const exportCsv = f.activity.region.getByRole('button', { name: 'Export CSV' });
    await exportCsv.focus();
    // The filter chosen by mouse: the focus stays on Export CSV, which then waits for the read.
    await f.activity.region.getByLabel('Filter by action').evaluate((select) => {
      select.value = 'ban';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await f.activity.region.getByRole('progressbar', { name: 'Filter progress' }).waitFor();
    assert.equal(await exportCsv.isDisabled(), true);
    await f.page.waitForFunction(() => document.activeElement?.tagName === 'H2', null, { timeout: 2000 });
  });

  test('a host that switches the element to another chat under the reader\'s focus: the new chat\'s heading takes it', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('switched', { 'chat-id': '1', 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    const headingFocused = () => f.page.waitForFunction(() => document.querySelector('chat-activity#switched').shadowRoot.activeElement?.tagName === 'H2', null, { timeout: 3000 });
    await el.host.getByRole('button', { name: 'Exact times' }).focus();
    await el.setAttribute('chat-id', '2');
    await h.waitForEvent('chat-activity-loaded', 2);
    await headingFocused();
    await el.host.getByRole('button', { name: 'Next page' }).focus();
    await el.setAttribute('chat-id', '999');
    await el.alert.waitFor();
    await headingFocused();
    // Focus elsewhere on the host page stays there.
    await f.page.evaluate(() => { const b = document.createElement('button'); b.id = 'host-button'; b.textContent = 'Host'; document.querySelector('main').prepend(b); b.focus(); });
    await el.setAttribute('chat-id', '1');
    await h.waitForEvent('chat-activity-loaded', 3);
    assert.equal(await f.page.evaluate(() => document.activeElement?.id), 'host-button');
  });

  test('a filter changed once the chat is read: what it shows is said when the reader pauses', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const said = f.activity.region.getByRole('status');
    const filter = f.activity.region.getByLabel('Filter by action');
    await filter.selectOption('ban');
    await said.getByText(/^Read all \d+ events of the chat$/).waitFor();
    await filter.selectOption('leave');
    await said.getByText(/^Showing 1–25 of \d+$/).waitFor({ timeout: 2000 });
    assert.equal((await said.textContent()).trim(), await f.activity.rangeText());
    await f.activity.region.getByLabel('Search username').pressSequentially('no such member', { delay: 30 });
    await said.getByText('No events match the filter').waitFor({ timeout: 2000 });
    await filter.selectOption('');
    await f.activity.region.getByLabel('Search username').fill('');
    await said.getByText(/^Showing 1–25 of \d+$/).waitFor({ timeout: 2000 });
  });

  /** Chat 5 (10,000 events, slow pages of 100), an export started by keyboard: Cancel export has the focus. */
  async function exportByKeyboardFromChat5() {
    await f.portal.setFaults([{ chat_id: 5, limit: 100, delay_ms: 300 }]);
    await f.activity.open('?chat_id=5');
    await f.activity.settled();
    await f.activity.region.getByRole('button', { name: 'Export CSV' }).focus();
    await f.page.keyboard.press('Enter');
    await f.page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Cancel export');
  }

  test('focus follows controls that go away: export, a user history and its Clear button, the filter read\'s Cancel', async () => {
    const active = () => f.page.evaluate(() => {
      const el = document.activeElement;
      return `${el?.tagName.toLowerCase()}:${el?.getAttribute('aria-label') ?? el?.textContent.trim()}`;
    });
    // Export by keyboard: Cancel export takes the focus, and gives it back.
    await exportByKeyboardFromChat5();
    await f.page.keyboard.press('Enter');
    await f.activity.region.getByRole('status').getByText('Export cancelled').waitFor();
    await f.page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Export CSV');
    // A user's history: its Clear button takes the focus; clearing sends it to the heading.
    const user = f.activity.region.locator('button.ca-user').first();
    const name = await user.getAttribute('aria-label');
    await user.focus();
    await f.page.keyboard.press('Enter');
    await f.page.waitForFunction(() => document.activeElement?.textContent.trim() === 'Clear user filter');
    assert.match(await f.activity.region.locator('.ca-active-filter').textContent(), new RegExp(name.replace('Activity of ', '')));
    await f.page.keyboard.press('Enter');
    await f.page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    // What is shown now is said (all events again).
    await f.activity.region.getByRole('status').getByText('Showing 1–25 of 10,000').waitFor();
    // The filter read's Cancel: the focus goes to the heading, not to the page's top.
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    await f.activity.region.getByRole('button', { name: 'Cancel', exact: true }).focus();
    await f.page.keyboard.press('Enter');
    await f.page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    assert.equal(await active(), 'h2:Chat activity');
    assert.equal((await f.activity.region.getByRole('status').textContent()).trim(), 'Showing 1–25 of 10,000');
  });

  test('focus: an export that ends while its buttons wait for a filter read hands the focus to the heading', async () => {
    await exportByKeyboardFromChat5();
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    await f.activity.region.getByRole('progressbar', { name: 'Filter progress' }).waitFor();
    await f.activity.region.getByRole('button', { name: 'Cancel export' }).focus();
    await f.page.keyboard.press('Enter');
    await f.activity.region.getByRole('status').getByText('Export cancelled').waitFor();
    assert.equal(await f.activity.region.getByRole('button', { name: 'Export CSV' }).isDisabled(), true);
    await f.page.waitForFunction(() => document.activeElement?.tagName === 'H2');
  });

  test('axe: zero violations with the export running and a jump message shown', async () => {
    await f.portal.setFaults([{ chat_id: 5, limit: 100, delay_ms: 300 }]);
    await f.activity.open('?chat_id=5');
    await f.activity.settled();
    await f.activity.region.getByRole('button', { name: 'Export CSV' }).click();
    await f.activity.region.getByRole('progressbar', { name: 'Export progress' }).waitFor();
    await audit('export running');
    await f.activity.region.getByRole('button', { name: 'Cancel export' }).click();
    await f.activity.region.getByLabel('Jump to date').fill('2001-01-01');
    await f.activity.region.locator('.ca-tool-message').waitFor();
    await audit('jump message');
    await f.activity.region.getByLabel('Search username').fill('x');
    await f.activity.region.getByRole('progressbar', { name: 'Filter progress' }).waitFor();
    await audit('filter reading');
  });
});
