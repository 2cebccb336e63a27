// CONTRACT.md "Timeline tools": filter and export, which read the whole
// chat in pages of 100 with progress and Cancel.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { event, shownName } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';

const LARGE_CHAT = 5;

describe('filter and export', () => {
  const f = useActivityPage();

  test('filter by action and search username: reads the chat in pages of 100, once, then pages through matches', async () => {
    await f.activity.open('?chat_id=1&limit=10');
    await f.activity.settled();
    await f.portal.clearRequests();
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    const all = await f.portal.allEvents(1);
    const bans = all.filter((e) => e.action === 'ban');
    await f.page.waitForFunction((n) => document.querySelector('.ca-range')?.textContent.endsWith(`of ${n}`), bans.length);
    assert.equal(await f.activity.rangeText(), `Showing 1–10 of ${bans.length}`);
    assert.deepEqual(await f.activity.region.locator('li .ca-username').allTextContents(), bans.slice(0, 10).map((e) => shownName(e.user)));
    // Each page of 100 once (up to four at once, so in any order).
    const reads = (await f.portal.requests()).map((r) => r.query);
    assert.deepEqual(reads.sort(), Array.from({ length: Math.ceil(all.length / 100) }, (_, i) => `offset=${i * 100}&limit=100`).sort());

    await f.activity.next.click();
    assert.deepEqual(await f.activity.region.locator('li .ca-username').allTextContents(), bans.slice(10, 20).map((e) => shownName(e.user)));

    const name = bans[0].user.username.slice(0, 4);
    await f.activity.region.getByLabel('Search username').fill(name);
    const both = bans.filter((e) => e.user.username.toLowerCase().includes(name.toLowerCase()));
    await f.page.waitForFunction((n) => document.querySelector('.ca-range')?.textContent.endsWith(`of ${n}`), both.length);
    await f.activity.region.getByLabel('Filter by action').selectOption('');
    await f.activity.region.getByLabel('Search username').fill('no such member at all');
    await f.activity.region.getByText('No events match the filter').waitFor();
    assert.equal((await f.portal.requests()).length, reads.length, 'read once, kept for the session');
  });

  test('filtering 10,000 events finishes', async () => {
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    await f.page.waitForFunction(() => / of \d+$/.test(document.querySelector('.ca-range')?.textContent ?? '') && !document.querySelector('progress'), null, { timeout: 60_000 });
    const kicks = (await f.portal.allEvents(LARGE_CHAT)).filter((e) => e.action === 'kick').length;
    assert.equal(await f.activity.rangeText(), `Showing 1–25 of ${kicks}`);
  });

  test('filtering 10,000 events shows progress, and Cancel stops the requests at once', async () => {
    await f.portal.setFaults([{ chat_id: LARGE_CHAT, limit: 100, delay_ms: 150 }]);
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    await f.activity.region.getByLabel('Search username').fill('alice');
    const progress = f.activity.region.getByRole('progressbar', { name: 'Filter progress' });
    await f.page.waitForFunction(() => Number(document.querySelector('progress')?.value) >= 300);
    assert.equal(await progress.getAttribute('max'), '10000');
    assert.match(await f.activity.region.locator('.ca-scan-text').textContent(), /Filtering reads the whole chat: [\d,]+ of 10,000 events/);
    await f.activity.region.getByRole('button', { name: 'Cancel', exact: true }).click();
    const atCancel = (await f.portal.requests()).length;
    await f.page.waitForTimeout(1000);
    const after = (await f.portal.requests()).length;
    assert.ok(after <= atCancel + 1, `requests went on after Cancel: ${atCancel} then ${after}`);
    assert.equal(await progress.count(), 0);
  });

  test('a filter chosen again after Cancel goes on where the read stopped: nothing read twice, every match found', async () => {
    await f.portal.setFaults([{ chat_id: LARGE_CHAT, limit: 100, delay_ms: 150 }]);
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    const filter = f.activity.region.getByLabel('Filter by action');
    await filter.selectOption('kick');
    await f.page.waitForFunction(() => Number(document.querySelector('progress')?.value) >= 1000);
    await f.activity.region.getByRole('button', { name: 'Cancel', exact: true }).click();
    await f.activity.region.getByRole('progressbar').waitFor({ state: 'detached' });
    const before = (await f.portal.requests()).map((r) => r.query).filter((q) => q.endsWith('limit=100'));
    await f.portal.clearRequests();
    await f.portal.setFaults([]);
    await filter.selectOption('kick');
    assert.ok(Number(await f.activity.region.getByRole('progressbar', { name: 'Filter progress' }).getAttribute('value')) >= 1000, 'the progress goes on from the events read');
    await f.page.waitForFunction(() => / of [\d,]+$/.test(document.querySelector('.ca-range')?.textContent ?? '') && !document.querySelector('progress'), null, { timeout: 60_000 });
    const kicks = (await f.portal.allEvents(LARGE_CHAT)).filter((e) => e.action === 'kick').length;
    assert.equal(await f.activity.rangeText(), `Showing 1–25 of ${kicks.toLocaleString('en')}`);
    const after = (await f.portal.requests()).map((r) => r.query).filter((q) => q.endsWith('limit=100'));
    assert.ok(!after.includes('offset=0&limit=100'), 'the newest page is not read again');
    assert.ok(after.length + before.length <= 100 + 4, `read twice: ${before.length} requests, then ${after.length}`);
  });

  test('Export CSV: every event, RFC 4180, formulas defused, named after the chat and day', async () => {
    await f.portal.putChat(50, {
      events: [
        event(1, '=HYPERLINK("http://evil")', 'join', { method: 'invite', code: '+code' }),
        event(2, 'comma, "quote"', 'leave', { avatar: 'https://cdn.example.com/a.png' }),
        ...Array.from({ length: 230 }, (_, i) => event(10 + i, `member${i}`, 'join', { method: 'direct' })),
      ],
    });
    await f.activity.open('?chat_id=50');
    await f.activity.settled();
    await f.portal.clearRequests();
    const [download] = await Promise.all([
      f.page.waitForEvent('download'),
      f.activity.region.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const today = new Date().toISOString().slice(0, 10);
    assert.match(download.suggestedFilename(), new RegExp(`^chat-50-activity-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    assert.ok(download.suggestedFilename().includes(today.slice(0, 7)));
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'created_at,user_id,username,action,method,invite_code,avatar_url');
    assert.equal(lines.length, 1 + 232 + 1, 'a row per event and the final line break');
    assert.ok(lines[1].includes(`,1,"'=HYPERLINK(""http://evil"")",join,invite,'+code,`), lines[1]);
    assert.ok(lines[2].includes(',"comma, ""quote""",leave,,,https://cdn.example.com/a.png'), lines[2]);
    // Pages of 100, the first alone, the others together (in any order).
    assert.deepEqual((await f.portal.requests()).map((r) => r.query).sort(), ['offset=0&limit=100', 'offset=100&limit=100', 'offset=200&limit=100']);
    await f.activity.region.getByRole('status').getByText(/Exported 232 events/).waitFor();
  });

  test('Export JSON: the API events, with a progress bar and Cancel export', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const [download] = await Promise.all([
      f.page.waitForEvent('download'),
      f.activity.region.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^chat-1-activity-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(exported, await f.portal.allEvents(1));

    await f.portal.setFaults([{ chat_id: LARGE_CHAT, limit: 100, delay_ms: 150 }]);
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    await f.portal.clearRequests();
    await f.activity.region.getByRole('button', { name: 'Export JSON' }).click();
    const progress = f.activity.region.getByRole('progressbar', { name: 'Export progress' });
    await f.page.waitForFunction(() => Number(document.querySelector('progress[aria-label="Export progress"]')?.value) >= 200);
    await f.activity.region.getByRole('button', { name: 'Cancel export' }).click();
    const atCancel = (await f.portal.requests()).length;
    await f.page.waitForTimeout(1000);
    assert.ok((await f.portal.requests()).length <= atCancel + 1);
    assert.equal(await progress.count(), 0);
    await f.activity.region.getByRole('status').getByText('Export cancelled').waitFor();
  });

  test('no filter left, no read: clearing the filter stops reading the chat', async () => {
    await f.portal.setFaults([{ chat_id: LARGE_CHAT, limit: 100, delay_ms: 200 }]);
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    const filter = f.activity.region.getByLabel('Filter by action');
    await filter.selectOption('ban');
    await f.page.waitForFunction(() => Number(document.querySelector('progress')?.value) >= 400);
    await filter.selectOption('');
    await f.activity.region.getByRole('progressbar').waitFor({ state: 'detached' });
    const atClear = (await f.portal.requests()).length;
    await f.page.waitForTimeout(1000);
    assert.ok((await f.portal.requests()).length <= atClear + 4, 'at most what was in flight');
    assert.equal(await f.activity.region.getByText(/Filtering reads the whole chat/).count(), 0);
  });

  test('what the filter read is refreshed when new events arrive', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('filtered', { 'chat-id': '1', 'api-base': f.portal.api, 'refresh-interval': '1' });
    await h.waitForEvent('chat-activity-loaded');
    await el.host.getByLabel('Search username').fill('newcomer');
    await el.host.getByText('No events match the filter').waitFor();
    await f.portal.prependEvents(1, [event(7, 'newcomer', 'join', { at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') })]);
    await el.host.locator('.ca-username', { hasText: 'newcomer' }).waitFor();
    assert.equal(await el.rangeText(), 'Showing 1–1 of 1');
  });

  test('exporting 10,000 events finishes', async () => {
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    const [download] = await Promise.all([
      f.page.waitForEvent('download', { timeout: 60_000 }),
      f.activity.region.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(exported.length, 10_000);
  });

  test('a flaky API: the filter and the export ride out 503s without Retry-After and finish', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const all = await f.portal.allEvents(1);
    // The 2nd, 3rd and 4th pages of 100 fail once each, as on a flaky network.
    await f.portal.setFaults([100, 200, 300].map((offset) => ({ chat_id: 1, offset, limit: 100, status: 503, times: 1 })));
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    const bans = all.filter((e) => e.action === 'ban').length;
    await f.activity.region.getByRole('status').getByText(`Read all ${all.length} events of the chat`).waitFor({ timeout: 20_000 });
    assert.equal(await f.activity.rangeText(), `Showing 1–25 of ${bans}`);
    assert.equal(await f.activity.region.locator('.ca-tool-message').count(), 0);

    await f.activity.region.getByLabel('Filter by action').selectOption('');
    await f.portal.setFaults([200, 500].map((offset) => ({ chat_id: 1, offset, limit: 100, status: 503, times: 1 })));
    const download = f.page.waitForEvent('download', { timeout: 20_000 });
    await f.activity.region.getByRole('button', { name: 'Export JSON' }).click();
    const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
    assert.deepEqual(exported, all);
  });

  test('a flaky API: a page that fails four times while the others answer does not end the read', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const all = await f.portal.allEvents(1);
    await f.portal.setFaults([{ chat_id: 1, offset: 300, limit: 100, status: 503, times: 4 }]);
    await f.activity.region.getByLabel('Filter by action').selectOption('join');
    await f.activity.region.getByRole('status').getByText(`Read all ${all.length} events of the chat`).waitFor({ timeout: 20_000 });
    assert.equal(await f.activity.rangeText(), `Showing 1–25 of ${all.filter((e) => e.action === 'join').length}`);
    assert.equal(await f.activity.region.locator('.ca-tool-message').count(), 0);
  });

  test('a filter whose read fails for good says why on screen, and it goes when the view changes', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 1, offset: 100, limit: 100, status: 500 }]);
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    const message = f.activity.region.locator('.ca-tool-message');
    // Asked again after pauses of a second or more, then given up.
    await message.waitFor({ timeout: 20_000 });
    const said = 'The filter could not read the chat: The activity service answered with an error (HTTP 500).';
    assert.equal((await message.textContent()).trim(), said);
    assert.equal((await f.activity.region.getByRole('status').textContent()).trim(), said);
    // Given up at its fourth failure in a row with nothing else answered
    // between them: after the other pages' last request, a try and three
    // more (one more where that request's answer came after a failure).
    const reads = (await f.portal.requests()).map((r) => r.query).filter((q) => q.endsWith('&limit=100'));
    const last = reads.slice(reads.findLastIndex((q) => q !== 'offset=100&limit=100') + 1);
    assert.ok(last.length === 4 || last.length === 5, `the first try and three more: ${reads.join(' ')}`);
    assert.equal(await f.activity.region.getByLabel('Filter by action').inputValue(), '', 'the filter is cleared');
    await f.activity.next.click();
    await f.activity.expectApiPage(1, 25, 25);
    assert.equal(await message.count(), 0);
  });

  test('an export that fails for good says why on screen', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 1, offset: 0, limit: 100, status: 500 }]);
    await f.activity.region.getByRole('button', { name: 'Export CSV' }).click();
    const message = f.activity.region.locator('.ca-tool-message');
    await message.waitFor({ timeout: 20_000 });
    assert.equal(
      (await message.textContent()).trim(),
      'Export failed: The activity service answered with an error (HTTP 500).',
    );
    assert.equal(await f.activity.region.getByRole('button', { name: 'Export CSV' }).isVisible(), true);
    // The next export, which works, is not shown beside the old failure.
    await f.portal.setFaults([]);
    const [download] = await Promise.all([
      f.page.waitForEvent('download'),
      f.activity.region.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^chat-1-activity-/);
    assert.equal(await message.count(), 0, 'the old failure is gone');
  });

  test('while the first page of 100 is on its way, the progress counts toward the total already known', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const { total } = await f.portal.apiPage(1, 0, 1);
    const count = total.toLocaleString('en-US');
    await f.portal.setFaults([{ chat_id: 1, offset: 0, limit: 100, delay_ms: 1500 }]);
    await f.activity.region.getByRole('button', { name: 'Export CSV' }).click();
    const exportBar = f.activity.region.getByRole('progressbar', { name: 'Export progress' });
    await exportBar.waitFor();
    assert.equal(await exportBar.getAttribute('max'), String(total));
    assert.equal((await f.activity.region.locator('.ca-export .ca-progress-text').textContent()).trim(), `0 of ${count} events`);
    await f.activity.region.getByRole('button', { name: 'Cancel export' }).click();
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    const filterBar = f.activity.region.getByRole('progressbar', { name: 'Filter progress' });
    await filterBar.waitFor();
    assert.equal(await filterBar.getAttribute('max'), String(total));
    assert.equal(
      (await f.activity.region.locator('.ca-scan-text').first().textContent()).trim(),
      `Filtering reads the whole chat: 0 of ${count} events`,
    );
  });

  test('an export waits for the filter read under way and takes it whole: never two reads at once', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 1, limit: 100, delay_ms: 400 }]);
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    const exportJson = f.activity.region.getByRole('button', { name: 'Export JSON' });
    await f.activity.region.getByRole('progressbar', { name: 'Filter progress' }).waitFor();
    assert.equal(await exportJson.isDisabled(), true, 'while the filter reads the chat');
    await f.activity.region.getByRole('progressbar', { name: 'Filter progress' }).waitFor({ state: 'detached' });
    await f.portal.clearRequests();
    const [download] = await Promise.all([f.page.waitForEvent('download'), exportJson.click()]);
    const bans = (await f.portal.allEvents(1)).filter((e) => e.action === 'ban');
    assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), bans);
    assert.deepEqual((await f.portal.requests()).map((r) => r.query), ['offset=0&limit=1'], 'only the check that the chat has not grown');
  });

  test('an export paused after a failed request says so, and Cancel export ends it at once', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const { total } = await f.portal.apiPage(1, 0, 1);
    await f.portal.setFaults([{ chat_id: 1, offset: 0, limit: 100, status: 500 }]);
    await f.activity.region.getByRole('button', { name: 'Export CSV' }).click();
    await f.activity.region.locator('.ca-export').getByText(/^Reading paused: it goes on in [12] s…$/).waitFor();
    assert.equal(await f.activity.region.getByRole('progressbar', { name: 'Export progress' }).getAttribute('max'), String(total));
    await f.activity.region.getByRole('button', { name: 'Cancel export' }).click();
    await f.activity.region.getByRole('button', { name: 'Export CSV' }).waitFor({ timeout: 500 });
    await f.activity.region.getByRole('status').getByText('Export cancelled').waitFor();
  });

  test('a pause counts down to its end, then the read goes on', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 1, offset: 0, limit: 100, status: 503, retry_after: 3, times: 1 }]);
    const exported = f.page.waitForEvent('download');
    await f.activity.region.getByRole('button', { name: 'Export CSV' }).click();
    const paused = f.activity.region.locator('.ca-export .ca-progress-text').filter({ hasText: 'Reading paused' });
    for (const seconds of [3, 2, 1]) await paused.getByText(`Reading paused: it goes on in ${seconds} s…`).waitFor({ timeout: 1500 });
    await exported;
    assert.equal(await paused.count(), 0);
  });

  test('a pause goes on being shown while answers sent before it come in', async () => {
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    // The second page of 100 fails at once; the others take 600 ms, within the 1 s pause.
    await f.portal.setFaults([
      { chat_id: 1, offset: 100, limit: 100, status: 503, times: 1 },
      { chat_id: 1, limit: 100, delay_ms: 600 },
    ]);
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    const notice = f.activity.region.locator('.ca-scan').getByText(/^Reading paused: it goes on in 1 s…$/);
    await notice.waitFor();
    const before = Number(await f.activity.region.getByRole('progressbar', { name: 'Filter progress' }).getAttribute('value'));
    await f.page.waitForFunction((read) => Number(document.querySelector('progress')?.value) > read, before);
    assert.equal(await notice.count(), 1, 'still paused after the answers in flight came');
    await f.activity.region.getByRole('status').getByText(/^Read all \d+ events of the chat$/).waitFor();
  });
});
