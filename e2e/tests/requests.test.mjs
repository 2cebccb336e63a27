// CONTRACT.md "Requests": the URL, credentials, limits, one request per
// page, page-size changes, races and pages past the end.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';

const PUBLIC_CHAT = 1;

describe('requests', () => {
  const f = useActivityPage();

  test('GET with offset and limit, Accept JSON, and the session cookie across origins', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    const [request, ...more] = await f.portal.requests();
    assert.deepEqual(more, []);
    assert.equal(request.chat_id, '1');
    assert.equal(request.query, 'offset=0&limit=25');
    assert.equal(request.accept, 'application/json');
    assert.equal(request.origin, f.portal.pages, 'a cross-origin request from the page origin');
    assert.notEqual(new URL(f.portal.api).origin, new URL(f.portal.pages).origin);
    assert.equal(request.had_session_cookie, true, 'credentials included');
    assert.equal(request.user, 'maria');
  });

  for (const [asked, sent] of [['500', 100], ['0', 1], ['-3', 1], ['abc', 25], ['2.5', 25], ['30', 30], ['100', 100]]) {
    test(`limit=${asked} in the URL sends limit=${sent} and the select shows it`, async () => {
      await f.activity.open(`?chat_id=${PUBLIC_CHAT}&limit=${asked}`);
      await f.activity.expectApiPage(PUBLIC_CHAT, 0, sent);
      const requests = await f.portal.requests();
      assert.deepEqual(requests.map((r) => r.limit), [sent]);
      assert.equal(await f.activity.pageSize.inputValue(), String(sent));
      assert.equal(await f.activity.eventCount(), sent);
    });
  }

  test('the select offers 10, 25, 50 and 100', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    const options = await f.activity.pageSize.locator('option').allTextContents();
    assert.deepEqual(options.map((o) => o.trim()), ['10', '25', '50', '100']);
  });

  test('one request per page shown at the default page size: mounting, Next, Previous, a page-size change', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    await f.activity.next.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 25, 25);
    await f.activity.previous.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    await f.activity.pageSize.selectOption('50');
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 50);
    await f.activity.settled();
    assert.deepEqual((await f.portal.requests()).map((r) => r.query), [
      'offset=0&limit=25',
      'offset=25&limit=25',
      'offset=0&limit=25',
      'offset=0&limit=50',
    ]);
  });

  test('a page-size change from the second page (default size) shows the page holding its first event', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    await f.activity.next.click();
    const before = await f.activity.expectApiPage(PUBLIC_CHAT, 25, 25);
    await f.activity.pageSize.selectOption('10');
    const after = await f.activity.expectApiPage(PUBLIC_CHAT, 20, 10);
    assert.ok(after.events.some((e) => JSON.stringify(e) === JSON.stringify(before.events[0])));
    assert.equal(f.activity.searchParams().get('page'), '3');
    assert.equal(f.activity.searchParams().get('limit'), '10');
    assert.equal(await f.activity.rangeText(), `Showing 21–30 of ${after.total}`);
  });

  test('one request per page shown: mounting, Next, Previous', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&limit=10`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 10);
    await f.activity.next.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 10, 10);
    await f.activity.next.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 20, 10);
    await f.activity.previous.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 10, 10);
    await f.page.waitForTimeout(300);
    const queries = (await f.portal.requests()).map((r) => r.query);
    assert.deepEqual(queries, [
      'offset=0&limit=10',
      'offset=10&limit=10',
      'offset=20&limit=10',
      'offset=10&limit=10',
    ]);
  });

  test('a page-size change shows the page holding the first event shown before', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&page=4&limit=10`);
    const before = await f.activity.expectApiPage(PUBLIC_CHAT, 30, 10);
    await f.activity.pageSize.selectOption('25');
    const after = await f.activity.expectApiPage(PUBLIC_CHAT, 25, 25);
    const firstBefore = before.events[0];
    assert.ok(after.events.some((e) => JSON.stringify(e) === JSON.stringify(firstBefore)));
    assert.equal(f.activity.searchParams().get('page'), '2');
    assert.equal(f.activity.searchParams().get('limit'), '25');
    assert.equal(await f.activity.rangeText(), `Showing 26–50 of ${after.total}`);
  });

  test('answers in reverse order: the older answer never replaces the newer page', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&limit=10`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 10);
    await f.portal.setFaults([{ chat_id: PUBLIC_CHAT, offset: 10, delay_ms: 1500 }]);
    const aborted = [];
    f.page.on('requestfailed', (request) => aborted.push([new URL(request.url()).search, request.failure()?.errorText]));
    await f.activity.next.click(); // page 2: slow
    await f.activity.next.click(); // page 3: fast, asked for last
    await f.activity.expectApiPage(PUBLIC_CHAT, 20, 10);
    await f.page.waitForTimeout(2000); // the slow answer would have landed by now
    await f.activity.expectApiPage(PUBLIC_CHAT, 20, 10);
    assert.equal(await f.activity.alert.count(), 0, 'the superseded request leaves no trace');
    assert.deepEqual(aborted, [['?offset=10&limit=10', 'net::ERR_ABORTED']], 'the superseded request is aborted');
    const ends = (await f.portal.requests()).map((r) => `${r.query} ${r.ended}`);
    assert.deepEqual(
      ends,
      ['offset=0&limit=10 answered', 'offset=10&limit=10 closed_by_client', 'offset=20&limit=10 answered'],
      'the mock saw the connection of the superseded request closed',
    );
    assert.equal(await f.activity.rangeText(), `Showing 21–30 of ${(await f.portal.apiPage(1, 0, 1)).total}`);
  });

  test('a page past the end shows the last page and replaces the URL', async () => {
    const { total } = await f.portal.apiPage(PUBLIC_CHAT, 0, 1);
    const lastPage = Math.ceil(total / 25);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&page=999`);
    const historyBefore = await f.page.evaluate(() => history.length);
    await f.activity.expectApiPage(PUBLIC_CHAT, (lastPage - 1) * 25, 25);
    await f.page.waitForFunction((page) => new URL(location.href).searchParams.get('page') === String(page), lastPage);
    assert.equal(await f.page.evaluate(() => history.length), historyBefore, 'replaced, not pushed');
    assert.equal(await f.activity.next.isDisabled(), true);
    const offsets = (await f.portal.requests()).map((r) => r.offset);
    assert.deepEqual(offsets, [998 * 25, (lastPage - 1) * 25]);
  });
});
