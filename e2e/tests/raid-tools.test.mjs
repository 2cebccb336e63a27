// CONTRACT.md "Raid tools": collapsed join bursts, a user's history, joins
// via a code, results while reading (four pages at a time, growth, 429,
// Cancel), measured at the mock's request log.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { event, shownName } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';
import { axeViolations } from '../support/axe.mjs';

const LARGE_CHAT = 5;
const RAID_CHAT = 6;
const RENAMED_USER = 2000;

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/** A chat whose newest rows are a raid: 8 joins via "raid" within 3 minutes, a ban among them, then two older events. */
function raidedEvents(now = Date.now()) {
  const joins = Array.from({ length: 8 }, (_, i) =>
    event(100 + i, `raider${i}`, 'join', { method: 'invite', code: 'raid', at: iso(now - (60 + i * 20) * 1000) }),
  );
  return [
    ...joins.slice(0, 4),
    event(50, 'mod_victim', 'ban', { at: iso(now - 135 * 1000) }),
    ...joins.slice(4),
    event(2, 'old_timer', 'leave', { at: iso(now - 3600 * 1000) }),
    event(1, 'first', 'join', { at: iso(now - 7200 * 1000) }),
  ];
}

/** Every event of a chat, as the API has it now (read by the test, not the component; all pages at once). */

/** The rows' "username sentence" texts, and the usernames. */
async function shownRows(region) {
  return region.locator('li.ca-event').evaluateAll((nodes) =>
    nodes.map((node) => node.querySelector('.ca-username').textContent),
  );
}

/** Polls `check` (in node, not the page) until it is true. */
async function until(check, what, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The most activity requests the mock was answering at once. */
function mostInFlight(log) {
  const edges = log.flatMap((r) => [
    [r.at_ms, 1],
    [r.ended_at_ms ?? Number.MAX_SAFE_INTEGER, -1],
  ]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) {
    now += step;
    most = Math.max(most, now);
  }
  return most;
}

describe('raid tools', () => {
  const f = useActivityPage();

  test('a page whose first rows are a burst: one collapsed item, its joins hidden, the ban kept, the pager counting events', async () => {
    await f.portal.putChat(80, { events: raidedEvents() });
    await f.activity.open('?chat_id=80');
    await f.activity.settled();
    const items = f.activity.region.getByRole('listitem');
    assert.equal(await items.count(), 4, 'the burst, the ban among its minutes, two older events');
    const burst = items.first();
    assert.match(await burst.getByRole('note').textContent(), /^Join burst: 8 joins via raid in 3 minutes$/);
    const toggle = burst.getByRole('button', { name: 'Show 8 joins', exact: true });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(await shownRows(f.activity.region), ['mod_victim', 'old_timer', 'first']);
    assert.equal(await f.activity.rangeText(), 'Showing 1–11 of 11');
  });

  test('expanding a burst by keyboard shows its joins in place, each its own item; focus stays; Hide collapses again', async () => {
    await f.portal.putChat(81, { events: raidedEvents() });
    await f.activity.open('?chat_id=81');
    await f.activity.settled();
    const toggle = f.activity.region.getByRole('button', { name: 'Show 8 joins' });
    await toggle.focus();
    await f.page.keyboard.press('Enter');
    const hide = f.activity.region.getByRole('button', { name: 'Hide 8 joins', exact: true });
    await hide.waitFor();
    assert.equal(await hide.getAttribute('aria-expanded'), 'true');
    assert.equal(await f.page.evaluate(() => document.activeElement?.textContent.trim()), 'Hide 8 joins', 'focus stays on the button');
    assert.deepEqual(await shownRows(f.activity.region), [
      'raider0', 'raider1', 'raider2', 'raider3', 'mod_victim', 'raider4', 'raider5', 'raider6', 'raider7', 'old_timer', 'first',
    ]);
    assert.equal(await f.activity.items.count(), 12);
    assert.deepEqual(await axeViolations(f.page), [], 'expanded');
    await f.page.keyboard.press('Space');
    await f.activity.region.getByRole('button', { name: 'Show 8 joins' }).waitFor();
    assert.equal(await f.activity.items.count(), 4);
    assert.deepEqual(await axeViolations(f.page), [], 'collapsed');
  });

  test("joins via a burst's code, from the collapsed burst: the burst is shown open, its joins each an item (the reader asked for them); Hide still closes it", async () => {
    await f.portal.putChat(83, { events: raidedEvents() });
    await f.activity.open('?chat_id=83');
    await f.activity.settled();
    // Collapsed, the burst hides its joins' chips: it has the code's button itself.
    const burst = f.activity.region.getByRole('listitem').first();
    await burst.getByRole('button', { name: 'Show joins via raid', exact: true }).click();
    await f.activity.region.getByRole('button', { name: 'Clear code filter' }).waitFor();
    assert.equal(await burst.getByRole('button', { name: 'Show joins via raid' }).count(), 0, 'filtered by it already');
    const hide = f.activity.region.getByRole('button', { name: 'Hide 8 joins', exact: true });
    await hide.waitFor();
    assert.equal(await hide.getAttribute('aria-expanded'), 'true');
    await f.page.waitForFunction(() => document.querySelectorAll('li.ca-event').length === 8);
    assert.deepEqual(await shownRows(f.activity.region), ['raider0', 'raider1', 'raider2', 'raider3', 'raider4', 'raider5', 'raider6', 'raider7']);
    await hide.click();
    await f.activity.region.getByRole('button', { name: 'Show 8 joins', exact: true }).waitFor();
  });

  test('in an element: the seeded raid is collapsed on the first page', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('raid', { 'chat-id': String(RAID_CHAT), 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    const toggle = el.host.getByRole('button', { name: /^Show \d+ joins$/ });
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.match(await el.host.getByRole('note').first().textContent(), /^Join burst: \d+ joins via Xr4id99z in \d+ minutes?$/);
  });

  test("in an element: a user's history and a code's joins, each with its Clear button", async () => {
    await f.portal.putChat(84, {
      events: [
        event(1, 'alice', 'join', { method: 'invite', code: 'Vy8nFKq2' }),
        event(2, 'bob', 'join', { method: 'invite', code: 'Vy8nFKq2' }),
        event(1, 'alice', 'leave'),
        event(3, 'carol', 'join'),
      ],
    });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('raid-tools', { 'chat-id': '84', 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    await el.host.getByRole('button', { name: 'Activity of alice', exact: true }).first().click();
    await el.host.getByText('Only the events of alice').waitFor();
    await f.page.waitForFunction(() => document.querySelector('chat-activity#raid-tools').shadowRoot.querySelectorAll('li.ca-event').length === 2);
    assert.deepEqual(await el.usernames(), ['alice', 'alice']);
    await el.host.getByRole('button', { name: 'Clear user filter' }).click();
    await el.host.getByRole('button', { name: 'Show joins via Vy8nFKq2' }).first().click();
    await el.host.getByText('Only the joins via Vy8nFKq2').waitFor();
    await f.page.waitForFunction(() => document.querySelector('chat-activity#raid-tools').shadowRoot.querySelectorAll('li.ca-event').length === 2);
    assert.deepEqual(await el.usernames(), ['alice', 'bob']);
    await el.host.getByRole('button', { name: 'Clear code filter' }).click();
    await f.page.waitForFunction(() => document.querySelector('chat-activity#raid-tools').shadowRoot.querySelectorAll('li.ca-event').length === 4);
  });

  test("in an element: a user's history read from the 10,000-event chat, matches shown so far, a 429 paused for, then all of them", async () => {
    await f.portal.setLatency(150);
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('reader', { 'chat-id': String(LARGE_CHAT), 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    const newest = (await f.portal.apiPage(LARGE_CHAT, 0, 1)).events[0];
    await f.portal.setFaults([{ chat_id: LARGE_CHAT, offset: 300, status: 429, retry_after: 1, times: 1 }]);
    await f.portal.clearRequests();
    await el.host.getByRole('button', { name: `Activity of ${newest.user.username}`, exact: true }).first().click();
    await el.host.locator('progress').waitFor();
    assert.match(await el.rangeText(), /^Showing 1–\d+ of \d+ so far$/, 'matches shown while reading');
    await el.host.locator('progress').waitFor({ state: 'detached', timeout: 30_000 });
    const log = await f.portal.requests();
    const refused = log.find((r) => r.offset === 300);
    const again = log.filter((r) => r.offset === 300 || (r.offset < 300 && r.offset + r.limit > 300)).slice(1);
    assert.ok(refused && again.length > 0, 'the refused page was asked again');
    assert.ok(again[0].at_ms - refused.ended_at_ms >= 900, `after Retry-After (${again[0].at_ms - refused.ended_at_ms} ms)`);
    assert.ok(mostInFlight(log) <= 4, `at most 4 in flight (${mostInFlight(log)})`);
    const theirs = (await f.portal.allEvents(LARGE_CHAT)).filter((e) => e.user.id === newest.user.id);
    assert.equal(await el.rangeText(), `Showing 1–${Math.min(25, theirs.length)} of ${theirs.length.toLocaleString('en')}`);
    assert.deepEqual(h.errors, []);
  });

  test("in an element: Cancel ends a user's history read, aborting what is in flight", async () => {
    await f.portal.setLatency(600);
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('cancelled', { 'chat-id': String(LARGE_CHAT), 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    await f.portal.clearRequests();
    await el.host.locator('.ca-user').first().click();
    await el.host.locator('progress').waitFor();
    await el.host.getByRole('button', { name: 'Cancel', exact: true }).click();
    await el.host.locator('progress').waitFor({ state: 'detached' });
    const sentAtCancel = (await f.portal.requests()).length;
    await until(async () => (await f.portal.requests()).every((r) => r.ended !== 'pending'), 'every request to end');
    const log = await f.portal.requests();
    assert.equal(log.length, sentAtCancel, 'nothing sent after Cancel');
    assert.ok(log.some((r) => r.ended === 'closed_by_client'), 'requests in flight were aborted');
    assert.ok(mostInFlight(log) <= 4, `at most 4 in flight (${mostInFlight(log)})`);
  });

  test("a user's history: the username is a button; the user's events by id (renamed: two names), Clear user filter", async () => {
    await f.activity.open(`?chat_id=${RAID_CHAT}`);
    await f.activity.settled();
    const expected = (await f.portal.allEvents(RAID_CHAT)).filter((e) => e.user.id === RENAMED_USER);
    assert.deepEqual([...new Set(expected.map((e) => e.user.username))], ['vera_at_night', 'vera'], 'the seed renamed her');
    await f.activity.region.getByRole('button', { name: 'Activity of vera_at_night', exact: true }).click();
    await f.activity.region.getByText('Only the events of vera_at_night').waitFor();
    await f.page.waitForFunction((n) => document.querySelectorAll('li.ca-event').length === n && !document.querySelector('progress'), expected.length);
    assert.deepEqual(await f.activity.rowTexts(), expected.map((e) => `${shownName(e.user)} ${{ join: e.method === 'invite' ? `joined via invite ${e.invite_code}` : 'joined', leave: 'left', kick: 'was kicked', ban: 'was banned' }[e.action]}`));
    assert.equal(await f.activity.rangeText(), `Showing 1–${expected.length} of ${expected.length}`);
    await f.activity.region.getByRole('button', { name: 'Clear user filter' }).click();
    // Back to the chat's first page, its raid collapsed.
    const { total } = await f.portal.apiPage(RAID_CHAT, 0, 1);
    await f.page.waitForFunction((text) => document.querySelector('.ca-range')?.textContent.trim() === text, `Showing 1–25 of ${total}`);
    await f.activity.region.getByRole('button', { name: /^Show \d+ joins$/ }).waitFor();
  });

  test("a user's history across several pages of the 10,000-event chat, compared with the mock's data for that id", async () => {
    await f.activity.open(`?chat_id=${LARGE_CHAT}&limit=10`);
    await f.activity.settled();
    const first = (await f.portal.apiPage(LARGE_CHAT, 0, 1)).events[0].user;
    await f.activity.region.getByRole('button', { name: `Activity of ${first.username}`, exact: true }).first().click();
    const expected = (await f.portal.allEvents(LARGE_CHAT)).filter((e) => e.user.id === first.id);
    assert.ok(expected.length > 20, `${expected.length} events: several pages`);
    await f.page.waitForFunction(() => !document.querySelector('progress'));
    for (const page of [0, 1, 2]) {
      const rows = expected.slice(page * 10, page * 10 + 10);
      await f.page.waitForFunction(
        (names) => JSON.stringify([...document.querySelectorAll('li .ca-username')].map((n) => n.textContent)) === JSON.stringify(names),
        rows.map((e) => shownName(e.user)),
      );
      const times = await f.activity.region.locator('li time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
      assert.deepEqual(times, rows.map((e) => e.created_at), `page ${page + 1}`);
      assert.equal(await f.activity.rangeText(), `Showing ${page * 10 + 1}–${page * 10 + 10} of ${expected.length.toLocaleString('en')}`);
      await f.activity.next.click();
    }
  });

  test('joins via a code: the chip button, the joins with that code only, Clear code filter; filters combine', async () => {
    const now = Date.now();
    await f.portal.putChat(82, {
      events: [
        event(1, 'alice', 'join', { method: 'invite', code: 'Vy8nFKq2', at: iso(now - 60_000) }),
        event(2, 'bob', 'join', { method: 'vanity', code: 'portal', at: iso(now - 120_000) }),
        event(3, 'anna', 'join', { method: 'invite', code: 'Vy8nFKq2', at: iso(now - 3_600_000) }),
        event(1, 'alice', 'leave', { at: iso(now - 7_200_000) }),
        event(4, 'chris', 'join', { method: 'invite', code: 'Vy8nFKq2', at: iso(now - 9_000_000) }),
      ],
    });
    await f.activity.open('?chat_id=82');
    await f.activity.settled();
    // The button shows a drawn funnel (no text: the name says it), a finger's size.
    const button = f.activity.region.getByRole('button', { name: 'Show joins via Vy8nFKq2', exact: true }).first();
    const drawn = await button.evaluate((b) => {
      const icon = getComputedStyle(b, '::before');
      const box = b.getBoundingClientRect();
      return { funnel: icon.clipPath.startsWith('polygon(') && parseFloat(icon.width) >= 12, target: box.width >= 24 && box.height >= 24, text: b.textContent.trim() };
    });
    assert.deepEqual(drawn, { funnel: true, target: true, text: '' });
    await button.click();
    await f.activity.region.getByText('Only the joins via Vy8nFKq2').waitFor();
    await f.page.waitForFunction(() => document.querySelectorAll('li.ca-event').length === 3);
    assert.deepEqual(await shownRows(f.activity.region), ['alice', 'anna', 'chris']);
    // Combined: the username search narrows the code's joins.
    await f.activity.region.getByLabel('Search username').fill('a');
    await f.page.waitForFunction(() => document.querySelectorAll('li.ca-event').length === 2);
    assert.deepEqual(await shownRows(f.activity.region), ['alice', 'anna']);
    // And a user filter on top: alice's joins via the code.
    await f.activity.region.getByRole('button', { name: 'Activity of alice' }).click();
    await f.page.waitForFunction(() => document.querySelectorAll('li.ca-event').length === 1);
    assert.deepEqual(await axeViolations(f.page), [], 'user, code and username filters active');
    await f.activity.region.getByRole('button', { name: 'Clear code filter' }).click();
    await f.page.waitForFunction(() => document.querySelectorAll('li.ca-event').length === 2, null, { timeout: 5000 });
    assert.deepEqual(await f.activity.rowTexts(), ['alice joined via invite Vy8nFKq2', 'alice left']);
  });

  test("a user's view: the export holds the matches only (named -filtered), from the filter's read unless the chat grew; jump to date pages within them", async () => {
    const now = Date.now();
    const day = 86_400_000;
    await f.portal.putChat(83, {
      events: [
        ...Array.from({ length: 30 }, (_, i) => event(7, 'watched', i % 2 ? 'join' : 'leave', { at: iso(now - i * day - 60_000) })),
        ...Array.from({ length: 30 }, (_, i) => event(100 + i, `other${i}`, 'join', { at: iso(now - i * day - 30_000) })),
      ].sort((a, b) => (a.created_at < b.created_at ? 1 : -1)),
    });
    await f.activity.open('?chat_id=83&limit=10');
    await f.activity.settled();
    await f.activity.region.getByRole('button', { name: 'Activity of watched' }).first().click();
    await f.page.waitForFunction(() => !document.querySelector('progress') && document.querySelector('.ca-range')?.textContent.includes('of 30'));
    await f.portal.clearRequests();
    const [download] = await Promise.all([
      f.page.waitForEvent('download'),
      f.activity.region.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^chat-83-activity-\d{4}-\d{2}-\d{2}-filtered\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    assert.equal(lines.length, 1 + 30);
    assert.ok(lines.slice(1).every((line) => line.split(',')[1] === '7'), 'only the user\'s events');
    // The filter's finished read holds the whole chat: the export asks only whether it grew.
    assert.deepEqual((await f.portal.requests()).map((r) => r.query), ['offset=0&limit=1']);
    // It grew: the next export reads the chat anew and holds the new event.
    await f.portal.prependEvents(83, [event(7, 'watched', 'kick', { at: iso(Date.now()) })]);
    await f.portal.clearRequests();
    const [again] = await Promise.all([
      f.page.waitForEvent('download'),
      f.activity.region.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const fresh = (await readFile(await again.path(), 'utf8')).trim().split('\r\n');
    assert.equal(fresh.length, 1 + 31);
    assert.ok((await f.portal.requests()).some((r) => r.limit === 100), 'read anew');
    // Jump to the day 15 days ago: the user's 16th event (index 15) is the newest on or before it.
    const target = new Date(now - 15 * day);
    const date = `${target.getFullYear()}-${String(target.getMonth() + 1).padStart(2, '0')}-${String(target.getDate()).padStart(2, '0')}`;
    await f.activity.region.getByLabel('Jump to date').fill(date);
    await f.page.waitForFunction(() => document.querySelector('.ca-range')?.textContent.trim() === 'Showing 11–20 of 30');
  });

  test('results while reading: the first matches shown with the first answers, "so far", never more than four requests at once; Cancel aborts them all', async () => {
    await f.portal.setLatency(600);
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    await f.portal.clearRequests();
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    await f.activity.region.locator('li.ca-event').first().waitFor();
    const range = await f.activity.rangeText();
    assert.match(range, /^Showing 1–\d+ of \d+ so far$/);
    const atFirstRow = await f.portal.requests();
    assert.ok(atFirstRow.length < 20, `${atFirstRow.length} of 101 requests sent when the first row showed`);
    await f.page.waitForFunction(() => document.querySelector('progress') !== null);
    await f.activity.region.getByRole('button', { name: 'Cancel', exact: true }).click();
    await f.page.waitForFunction(() => !document.querySelector('progress'));
    const sentAtCancel = (await f.portal.requests()).filter((r) => r.limit === 100 || r.offset > 0).length;
    // Every request in flight was closed by the browser.
    await until(async () => (await f.portal.requests()).every((r) => r.ended !== 'pending'), 'every request to end');
    const log = (await f.portal.requests()).filter((r) => r.limit === 100 || r.offset > 0);
    assert.equal(log.length, sentAtCancel, 'nothing sent after Cancel');
    assert.ok(log.some((r) => r.ended === 'closed_by_client'), 'requests in flight were aborted');
    assert.ok(mostInFlight(log) <= 4, `at most 4 in flight (${mostInFlight(log)})`);
  });

  test('a whole read: four requests at once at the mock, matches equal to the mock data', async () => {
    await f.portal.setLatency(120);
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    await f.portal.clearRequests();
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    await f.page.waitForFunction(() => !document.querySelector('progress') && document.querySelector('li.ca-event'));
    const log = await f.portal.requests();
    assert.equal(mostInFlight(log), 4, 'four at once, never more');
    await f.portal.setLatency(0);
    const kicks = (await f.portal.allEvents(LARGE_CHAT)).filter((e) => e.action === 'kick');
    assert.equal(await f.activity.rangeText(), `Showing 1–25 of ${kicks.length.toLocaleString('en')}`);
    assert.deepEqual(await shownRows(f.activity.region), kicks.slice(0, 25).map((e) => shownName(e.user)));
  });

  test('events added at the head during the read are neither repeated nor skipped', async () => {
    await f.portal.setLatency(250);
    await f.activity.open(`?chat_id=${LARGE_CHAT}&limit=100`);
    await f.activity.settled();
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    let id = 90_000;
    const now = Date.now();
    for (let round = 0; round < 3; round++) {
      await f.page.waitForFunction((n) => Number(document.querySelector('progress')?.value ?? 0) > n, round * 1500);
      await f.portal.prependEvents(LARGE_CHAT, [event(id++, `late_ban_${id}`, 'ban', { at: iso(now + round * 1000) }), event(id++, `late_join_${id}`, 'join', { at: iso(now + round * 1000 + 1) })]);
    }
    await f.page.waitForFunction(() => !document.querySelector('progress'));
    await f.portal.setLatency(0);
    const bans = (await f.portal.allEvents(LARGE_CHAT)).filter((e) => e.action === 'ban');
    assert.equal(await f.activity.rangeText(), `Showing 1–100 of ${bans.length.toLocaleString('en')}`);
    const times = await f.activity.region.locator('li time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    const names = await shownRows(f.activity.region);
    assert.deepEqual(names, bans.slice(0, 100).map((e) => shownName(e.user)));
    assert.deepEqual(times, bans.slice(0, 100).map((e) => e.created_at));
  });

  test('a 429 during the read pauses it for Retry-After, then it goes on to the end', async () => {
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: LARGE_CHAT, offset: 300, status: 429, retry_after: 1, times: 1 }]);
    await f.portal.clearRequests();
    await f.activity.region.getByLabel('Filter by action').selectOption('leave');
    await f.page.waitForFunction(() => !document.querySelector('progress'));
    const log = await f.portal.requests();
    const refused = log.find((r) => r.offset === 300);
    const again = log.filter((r) => r.offset === 300 || (r.offset < 300 && r.offset + r.limit > 300)).slice(1);
    assert.ok(refused && again.length > 0, 'the refused page was asked again');
    assert.ok(again[0].at_ms - refused.ended_at_ms >= 900, `after Retry-After (${again[0].at_ms - refused.ended_at_ms} ms)`);
    const leaves = (await f.portal.allEvents(LARGE_CHAT)).filter((e) => e.action === 'leave');
    assert.equal(await f.activity.rangeText(), `Showing 1–25 of ${leaves.length.toLocaleString('en')}`);
  });
});
