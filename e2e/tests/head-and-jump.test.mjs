// CONTRACT.md "Timeline tools": new events without drift, and jump to date.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** A chat of `count` events, one a minute, the newest a minute ago. */
function timeline(count, start = Date.now()) {
  return Array.from({ length: count }, (_, i) => event(1000 + i, `member${i}`, i % 3 ? 'join' : 'leave', { at: iso(start - (i + 1) * 60_000) }));
}

describe('new events and jump to date', () => {
  const f = useActivityPage();

  /** The page requests made (head checks, limit=1, left out). */
  async function pageRequests() {
    return (await f.portal.requests()).map((r) => r.query).filter((query) => !query.endsWith('&limit=1'));
  }

  test('new events on the first page (element, default page size): the button shows them with one request', async () => {
    await f.portal.putChat(43, { events: timeline(30) });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('first', { 'chat-id': '43', 'api-base': f.portal.api, 'refresh-interval': '1' });
    await h.waitForEvent('chat-activity-loaded');
    await f.portal.clearRequests();
    await f.portal.prependEvents(43, [event(2, 'newcomer-b', 'join', { at: iso(Date.now()) }), event(1, 'newcomer-a', 'join', { at: iso(Date.now() - 1000) })]);
    const button = el.host.getByRole('button', { name: 'Show 2 new events' });
    await button.click();
    await h.waitForEvent('chat-activity-loaded', 2);
    const names = await el.usernames();
    assert.deepEqual(names.slice(0, 3), ['newcomer-b', 'newcomer-a', 'member0']);
    assert.equal(names.length, 25);
    assert.equal(await el.rangeText(), 'Showing 1–25 of 32');
    assert.deepEqual(await pageRequests(), ['offset=0&limit=25'], 'exactly one new request');
    assert.equal(await el.host.getByRole('button', { name: /new event/ }).count(), 0);
  });

  test('the standalone page checks the head every 30 s by default', async () => {
    await f.portal.putChat(45, { events: timeline(30) });
    await f.page.clock.install();
    await f.activity.open('?chat_id=45');
    await f.activity.settled();
    await f.portal.prependEvents(45, [event(1, 'newcomer', 'join', { at: iso(Date.now()) })]);
    await f.page.clock.fastForward('00:20');
    await f.page.waitForTimeout(300);
    assert.deepEqual((await f.portal.requests()).filter((r) => r.query === 'offset=0&limit=1'), [], 'not before 30 s');
    await f.page.clock.fastForward('00:11');
    await f.activity.region.getByRole('button', { name: 'Show 1 new event' }).waitFor();
    assert.equal((await f.portal.requests()).filter((r) => r.query === 'offset=0&limit=1').length, 1);
  });

  test('new events on the first page (standalone page): the button shows them with one request', async () => {
    await f.portal.putChat(44, { events: timeline(30) });
    await f.page.clock.install(); // the default 30 s between checks, fast-forwarded
    await f.activity.open('?chat_id=44');
    await f.activity.settled();
    await f.portal.clearRequests();
    const url = f.page.url();
    await f.portal.prependEvents(44, [event(1, 'newcomer', 'join', { at: iso(Date.now()) })]);
    await f.page.clock.fastForward('00:31');
    await f.activity.region.getByRole('button', { name: 'Show 1 new event' }).click();
    await f.page.waitForFunction(() => document.querySelector('li .ca-username')?.textContent === 'newcomer');
    await f.activity.settled();
    assert.equal(await f.activity.rangeText(), 'Showing 1–25 of 31');
    assert.deepEqual(await pageRequests(), ['offset=0&limit=25'], 'exactly one new request');
    assert.equal(f.page.url(), url, 'still the first page, no new URL');
    assert.equal(await f.page.evaluate(() => document.activeElement?.textContent), 'Chat activity', 'focus on the heading');
    f.activity.assertNoPageErrors();
  });

  test('new events: a head check every refresh interval, a button, and paging on without repeats or gaps', async () => {
    await f.portal.putChat(40, { events: timeline(30) });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('live', { 'chat-id': '40', 'api-base': f.portal.api, 'page-size': '10', 'refresh-interval': '1' });
    await h.waitForEvent('chat-activity-loaded');
    const firstPage = await el.usernames();
    await f.portal.prependEvents(40, [event(2, 'newcomer-b', 'join', { at: iso(Date.now()) }), event(1, 'newcomer-a', 'join', { at: iso(Date.now() - 1000) })]);
    const button = el.host.getByRole('button', { name: 'Show 2 new events' });
    await button.waitFor();
    await el.host.getByRole('status').getByText('2 new events').waitFor();
    const heads = (await f.portal.requests()).filter((r) => r.query === 'offset=0&limit=1');
    assert.ok(heads.length >= 1, 'the head was checked');

    await el.next.click();
    await h.waitForEvent('chat-activity-loaded', 2);
    const secondPage = await el.usernames();
    assert.deepEqual(secondPage, Array.from({ length: 10 }, (_, i) => `member${10 + i}`), 'continues after the page shown');
    assert.ok(firstPage.every((name) => !secondPage.includes(name)));

    await el.host.getByRole('button', { name: 'Show 2 new events' }).click();
    await h.waitForEvent('chat-activity-loaded', 3);
    assert.deepEqual((await el.usernames()).slice(0, 2), ['newcomer-b', 'newcomer-a']);
    assert.equal(await el.host.getByRole('button', { name: /new event/ }).count(), 0);
  });

  test('growth no head check saw: the repeated events are not shown twice', async () => {
    await f.portal.putChat(41, { events: timeline(30) });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('unseen', { 'chat-id': '41', 'api-base': f.portal.api, 'page-size': '10', 'refresh-interval': '0' });
    await h.waitForEvent('chat-activity-loaded');
    await f.portal.prependEvents(41, [event(1, 'sneaky', 'join', { at: iso(Date.now()) })]);
    await el.next.click();
    await h.waitForEvent('chat-activity-loaded', 2);
    // member9 moved onto this page but was shown already: nine events, from member10.
    assert.deepEqual(await el.usernames(), Array.from({ length: 9 }, (_, i) => `member${10 + i}`));
    assert.match(await el.rangeText(), /^Showing 12–20 of 31$/);
    await el.host.getByRole('button', { name: 'Show 1 new event' }).waitFor();
    await f.page.waitForTimeout(1500);
    assert.equal((await f.portal.requests()).filter((r) => r.query === 'offset=0&limit=1').length, 0, 'refresh-interval 0 turns checks off');
  });

  test('head checks pause while the tab is hidden', async () => {
    await f.portal.putChat(42, { events: timeline(5) });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await f.page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await h.add('hidden', { 'chat-id': '42', 'api-base': f.portal.api, 'refresh-interval': '1' });
    await h.waitForEvent('chat-activity-loaded');
    await f.page.waitForTimeout(2500);
    assert.equal((await f.portal.requests()).filter((r) => r.query === 'offset=0&limit=1').length, 0);
  });

  test('jump to date: the page holding the newest event on or before that day, in few requests', async () => {
    const { total } = await f.portal.apiPage(5, 0, 1);
    const target = await f.portal.apiPage(5, Math.floor(total / 2), 1);
    const day = target.events[0].created_at.slice(0, 10);
    await f.signInAs('maria', { timezoneId: 'UTC' });
    await f.activity.open('?chat_id=5&limit=25');
    await f.activity.settled();
    await f.portal.clearRequests();
    await f.activity.region.getByLabel('Jump to date').fill(day);
    await f.page.waitForFunction(() => new URL(location.href).searchParams.get('page') !== null);
    await f.activity.settled();
    const requests = await f.portal.requests();
    const budget = Math.ceil(Math.log2(total)) + 2;
    console.log(`jump to ${day} in a chat of ${total}: ${requests.length} requests (budget ${budget})`);
    assert.ok(requests.length <= budget, `${requests.length} > ${budget}`);
    const times = await f.activity.region.locator('li time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    const endOfDay = `${day}T23:59:59Z`;
    const page = Number(f.activity.searchParams().get('page'));
    const shown = await f.portal.apiPage(5, (page - 1) * 25, 25);
    assert.deepEqual(times, shown.events.map((e) => e.created_at));
    const firstAtOrBefore = shown.events.findIndex((e) => e.created_at <= endOfDay);
    assert.ok(firstAtOrBefore >= 0, 'the page holds an event of that day or before');
    if (firstAtOrBefore === 0 && page > 1) {
      const before = await f.portal.apiPage(5, (page - 1) * 25 - 1, 1);
      assert.ok(before.events[0].created_at > endOfDay, 'the newest such event, not a later one');
    }
    // That event's row is marked as the current one, and in sight.
    const marked = f.activity.region.locator('li[aria-current="true"]');
    assert.equal(await marked.count(), 1);
    assert.equal(await marked.getAttribute('data-index'), String(firstAtOrBefore));
    assert.equal(await marked.evaluate((row) => getComputedStyle(row).borderInlineStartStyle), 'solid', 'marked for the eye too');
    await f.page.waitForFunction(() => {
      const box = document.querySelector('li[aria-current="true"]').getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    // Paging on leaves the mark behind, for good.
    await f.activity.next.click();
    await f.activity.expectApiPage(5, page * 25, 25);
    await f.activity.previous.click();
    await f.activity.expectApiPage(5, (page - 1) * 25, 25);
    await f.activity.settled();
    assert.equal(await marked.count(), 0);
  });

  test('a jump rides out probes that fail for a while, as reads do', async () => {
    const { total } = await f.portal.apiPage(5, 0, 1);
    const target = await f.portal.apiPage(5, Math.floor(total / 2), 1);
    await f.signInAs('maria', { timezoneId: 'UTC' });
    await f.activity.open('?chat_id=5&limit=25');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 5, limit: 1, status: 503, times: 2 }]);
    await f.activity.region.getByLabel('Jump to date').fill(target.events[0].created_at.slice(0, 10));
    await f.page.waitForFunction(() => new URL(location.href).searchParams.get('page') !== null, null, { timeout: 20_000 });
    await f.activity.region.locator('li[aria-current="true"]').waitFor();
    assert.equal(await f.activity.region.locator('.ca-tool-message').count(), 0);
  });

  test('a jump under a filter whose read has not reached that day waits for the read, then lands', async () => {
    await f.signInAs('maria', { timezoneId: 'UTC' });
    await f.activity.open('?chat_id=5');
    await f.activity.settled();
    const kicks = (await f.portal.allEvents(5)).filter((e) => e.action === 'kick');
    const target = kicks[Math.floor(kicks.length * 0.8)];
    const day = target.created_at.slice(0, 10);
    const index = kicks.findIndex((e) => e.created_at <= `${day}T23:59:59Z`);
    await f.portal.setFaults([{ chat_id: 5, limit: 100, delay_ms: 200 }]);
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    await f.activity.region.getByLabel('Jump to date').fill(day);
    await f.activity.region.locator('.ca-jump-busy').waitFor();
    const page = Math.floor(index / 25) + 1;
    await f.page.waitForFunction((p) => new URL(location.href).searchParams.get('page') === String(p), page, { timeout: 60_000 });
    await f.activity.region.locator('li[aria-current="true"]').waitFor();
    assert.equal(await f.activity.region.locator('li[aria-current="true"]').getAttribute('data-index'), String(index % 25));
    assert.equal(await f.activity.region.locator('.ca-tool-message').count(), 0, 'no "no activity" message');
  });

  test('a jump to a busy service gives up after four tries and says why, rather than looking for ever', async () => {
    await f.activity.open('?chat_id=5&limit=25');
    await f.activity.settled();
    const { total } = await f.portal.apiPage(5, 0, 1);
    const target = await f.portal.apiPage(5, Math.floor(total / 2), 1);
    await f.portal.clearRequests();
    await f.portal.setFaults([{ chat_id: 5, limit: 1, status: 429, retry_after: 1 }]);
    await f.activity.region.getByLabel('Jump to date').fill(target.events[0].created_at.slice(0, 10));
    await f.activity.region.locator('.ca-tool-message').getByText(/^Couldn't jump/).waitFor({ timeout: 20_000 });
    assert.equal(await f.activity.region.locator('.ca-jump-busy').count(), 0);
    const probes = (await f.portal.requests()).filter((r) => r.limit === 1).length;
    assert.equal(probes, 4, 'the first try and three more');
  });

  test('a jump waiting for the read lands on a match found in its very last answer', async () => {
    const now = Date.now();
    const day = new Date(now - 3 * 86_400_000).toISOString().slice(0, 10);
    const events = [...timeline(250, now), event(7, 'last_kicked', 'kick', { at: `${day}T12:00:00Z` })];
    await f.portal.putChat(31, { events });
    await f.signInAs('maria', { timezoneId: 'UTC' });
    await f.activity.open('?chat_id=31');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 31, limit: 100, delay_ms: 400 }]);
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    await f.activity.region.getByLabel('Jump to date').fill(day);
    await f.activity.region.locator('li[aria-current="true"]').waitFor({ timeout: 20_000 });
    assert.deepEqual(await f.activity.rowTexts(), ['last_kicked was kicked']);
    assert.equal(await f.activity.region.locator('.ca-tool-message').count(), 0);
  });

  test('a slow jump says it is looking, and stops when the reader pages on', async () => {
    const { total } = await f.portal.apiPage(5, 0, 1);
    const target = await f.portal.apiPage(5, Math.floor(total / 2), 1);
    await f.activity.open('?chat_id=5&limit=25');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 5, limit: 1, delay_ms: 700 }]);
    await f.portal.clearRequests();
    await f.activity.region.getByLabel('Jump to date').fill(target.events[0].created_at.slice(0, 10));
    await f.activity.region.locator('.ca-jump-busy').getByText('Looking for that date…').waitFor();
    await f.activity.region.getByRole('status').getByText('Looking for that date…').waitFor();
    await f.activity.next.click();
    await f.activity.expectApiPage(5, 25, 25);
    await f.activity.region.locator('.ca-jump-busy').waitFor({ state: 'detached' });
    const probes = async () => (await f.portal.requests()).filter((r) => r.limit === 1).length;
    const asked = await probes();
    await f.page.waitForTimeout(2000);
    assert.ok((await probes()) <= asked + 1, 'no probe after the one in flight');
    await f.page.waitForTimeout(1000);
    assert.equal(f.activity.searchParams().get('page'), '2', 'the reader stays where they went');
    assert.ok(asked < Math.ceil(Math.log2(total)), `stopped early (${asked} probes)`);
  });

  test('jump to date typed digit by digit: one search, not one per partial year', async () => {
    // Each digit of the year makes a valid date (0002, 0020, 0202, …): the
    // jump waits for the date to settle.
    const { total } = await f.portal.apiPage(5, 0, 1);
    const target = await f.portal.apiPage(5, Math.floor(total / 3), 1);
    const [year, month, day] = target.events[0].created_at.slice(0, 10).split('-');
    await f.signInAs('maria', { timezoneId: 'UTC', locale: 'en-US' });
    await f.activity.open('?chat_id=5&limit=25');
    await f.activity.settled();
    await f.portal.clearRequests();
    await f.activity.region.getByLabel('Jump to date').focus(); // its first field, the month
    await f.page.keyboard.type(`${month}${day}${year}`, { delay: 120 }); // month, day, year in en-US
    await f.page.waitForFunction(() => new URL(location.href).searchParams.get('page') !== null);
    await f.activity.settled();
    const requests = await f.portal.requests();
    const budget = Math.ceil(Math.log2(total)) + 2;
    assert.ok(requests.length <= budget, `${requests.length} requests > ${budget}`);
    const page = Number(f.activity.searchParams().get('page'));
    const shown = await f.portal.apiPage(5, (page - 1) * 25, 25);
    assert.ok(shown.events.some((e) => e.created_at.slice(0, 10) <= `${year}-${month}-${day}`), 'the page holds that day or before');
    assert.equal(await f.page.evaluate(() => document.activeElement?.getAttribute('type')), 'date', 'focus stays in the date input');
  });

  test('jump to date landing on the page shown: nothing loads, the range is said', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const range = await f.activity.rangeText();
    const today = await f.page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    await f.activity.region.getByLabel('Jump to date').fill(today);
    await f.activity.region.getByRole('status').getByText(range, { exact: true }).waitFor();
    assert.equal(f.activity.searchParams().get('page'), null, 'still the first page');
  });

  test("the date input stops at the viewer's local today, not UTC's", async () => {
    // A zone whose date differs from UTC's now: UTC+14 late in the UTC day, UTC−11 early.
    const timezoneId = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    await f.signInAs('maria', { timezoneId });
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const today = await f.page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    assert.equal(await f.activity.region.getByLabel('Jump to date').getAttribute('max'), today);
  });

  test('jump to date: clear messages for the future and before the first event', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const input = f.activity.region.getByLabel('Jump to date');
    await input.evaluate((el) => el.removeAttribute('max'));
    await input.fill('2999-01-01');
    const message = f.activity.region.locator('.ca-tool-message');
    await message.getByText('That date is in the future').waitFor();
    await input.fill('2001-01-01');
    await message.getByText('The chat has no activity on or before that date.').waitFor();
    await f.activity.region.getByRole('status').getByText('The chat has no activity on or before that date.').waitFor();
    // The message speaks of the view it was given in: it goes when the reader moves on.
    await f.activity.next.click();
    await f.activity.expectApiPage(1, 25, 25);
    assert.equal(await message.count(), 0, 'gone after Next page');
    await input.fill('2001-01-01');
    await message.waitFor();
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    await message.waitFor({ state: 'detached' });
  });
});
