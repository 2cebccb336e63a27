// CONTRACT.md "Three ways in" 1: the standalone page's URL rules, the API
// base from the page itself, and paging kept in the URL and history.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';
import { signedInContext } from '../support/browser.mjs';
import { shownName } from '../support/mock-portal.mjs';

const PUBLIC_CHAT = 1;

describe('standalone page', () => {
  const f = useActivityPage();

  for (const [search, reason] of [
    ['', 'No chat id was given.'],
    ['?chat_id=', 'No chat id was given.'],
    ['?chat_id=abc', 'decimal digits only'],
    ['?chat_id=-1', 'decimal digits only'],
    ['?chat_id=1.5', 'decimal digits only'],
    ['?chat_id=0', 'between 1 and 9007199254740991'],
    ['?chat_id=9007199254740992', 'between 1 and 9007199254740991'],
  ]) {
    test(`chat_id "${search}" shows a message and asks nothing`, async () => {
      await f.activity.open(search);
      await f.activity.alert.waitFor();
      const message = await f.activity.alert.textContent();
      assert.ok(message.includes(reason), message);
      assert.ok(message.includes('?chat_id=42'), 'says how to fix it');
      await f.page.waitForTimeout(300);
      assert.deepEqual(await f.portal.requests(), []);
      f.activity.assertNoPageErrors();
    });
  }

  test('the page says it is loading until the component starts, and says so if it cannot', async () => {
    // The wasm held back: the page is not blank meanwhile.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await f.page.route('**/chat-activity_bg.wasm', async (route) => { await held; await route.continue(); });
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.page.getByText('Loading activity…').waitFor();
    release();
    await f.activity.settled();
    assert.equal(await f.page.locator('.ca-page-note').count(), 0, 'the component replaced the note');

    // The wasm never comes: a message, not a blank page.
    await f.page.unroute('**/chat-activity_bg.wasm');
    await f.page.route('**/chat-activity_bg.wasm', (route) => route.abort());
    await f.page.reload();
    await f.activity.alert.waitFor();
    assert.match(await f.activity.alert.textContent(), /couldn't be loaded.*reload the page/);
  });

  test('the component is styled by the stylesheet in the wasm, once', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    const styled = await f.page.evaluate(() => ({
      adopted: document.adoptedStyleSheets.length,
      linked: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => new URL(l.href).pathname),
      avatar: getComputedStyle(document.querySelector('.ca-avatar')).borderRadius,
      border: getComputedStyle(document.querySelector('.ca-root')).borderTopStyle,
    }));
    assert.deepEqual(styled, { adopted: 1, linked: ['/page.css'], avatar: '50%', border: 'solid' });
  });

  test('the largest chat id is valid and asked for', async () => {
    await f.activity.open('?chat_id=9007199254740991');
    await f.activity.alert.waitFor();
    assert.equal((await f.activity.alert.textContent()).trim(), 'Chat not found');
    assert.deepEqual((await f.portal.requests()).map((r) => r.chat_id), ['9007199254740991']);
  });

  test('the API base comes from the meta tag, never from the page URL', async () => {
    const elsewhere = [];
    f.page.on('request', (request) => {
      if (!request.url().startsWith(f.portal.api) && !request.url().startsWith(f.portal.pages)) {
        elsewhere.push(request.url());
      }
    });
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&api_base=http://localhost:1&api-base=http://localhost:1`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    const meta = await f.page.locator('meta[name="chat-activity-api-base"]').getAttribute('content');
    assert.equal(meta, f.portal.api);
    assert.equal((await f.portal.requests()).length, 1);
    assert.deepEqual(elsewhere, []);
  });

  test('a history entry per page change: Back, Forward and reload show what the user saw', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&limit=10`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 10);
    const start = await f.page.evaluate(() => history.length);
    await f.activity.next.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 10, 10);
    await f.activity.next.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 20, 10);
    assert.equal(await f.page.evaluate(() => history.length), start + 2);
    assert.equal(f.activity.searchParams().get('page'), '3');
    assert.equal(f.activity.searchParams().get('limit'), '10');

    await f.page.goBack();
    await f.activity.expectApiPage(PUBLIC_CHAT, 10, 10);
    assert.equal(f.activity.searchParams().get('page'), '2');
    await f.page.goForward();
    await f.activity.expectApiPage(PUBLIC_CHAT, 20, 10);
    await f.page.reload();
    await f.activity.expectApiPage(PUBLIC_CHAT, 20, 10);
    assert.equal(await f.activity.rangeText(), `Showing 21–30 of ${(await f.portal.apiPage(PUBLIC_CHAT, 0, 1)).total}`);
  });

  test('a page-size change is a history entry too', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    await f.activity.pageSize.selectOption('50');
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 50);
    assert.equal(f.activity.searchParams().get('limit'), '50');
    await f.page.goBack();
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    assert.equal(await f.activity.pageSize.inputValue(), '25');
  });

  test('paging at the default size is kept in the URL: Next adds an entry; Back, Forward and reload show the page seen', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    const { total } = await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    const length = await f.page.evaluate(() => history.length);
    await f.activity.next.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 25, 25);
    await f.page.waitForURL((url) => url.searchParams.get('page') === '2');
    assert.equal(await f.page.evaluate(() => history.length), length + 1);
    await f.page.goBack();
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    assert.equal(await f.activity.rangeText(), `Showing 1–25 of ${total}`);
    await f.page.goForward();
    await f.activity.expectApiPage(PUBLIC_CHAT, 25, 25);
    await f.page.reload();
    await f.activity.expectApiPage(PUBLIC_CHAT, 25, 25);
    assert.equal(await f.activity.rangeText(), `Showing 26–50 of ${total}`);
  });

  test('a page number without a limit: that page at the default size, the last one partly filled', async () => {
    const { total } = await f.portal.apiPage(PUBLIC_CHAT, 0, 1);
    const last = Math.ceil(total / 25);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&page=${last}`);
    await f.activity.expectApiPage(PUBLIC_CHAT, (last - 1) * 25, 25);
    await f.activity.settled();
    assert.equal(await f.activity.rangeText(), `Showing ${(last - 1) * 25 + 1}–${total} of ${total}`);
    assert.equal(await f.activity.next.isDisabled(), true);
    assert.equal(await f.activity.previous.isDisabled(), false);
    assert.deepEqual((await f.portal.requests()).map((r) => r.query), [`offset=${(last - 1) * 25}&limit=25`]);
    assert.equal(f.page.url(), `${f.portal.pages}/?chat_id=${PUBLIC_CHAT}&page=${last}`, 'a valid URL is left as it is');
  });

  test('the page-size select shows the limit in force, after an off-list size too', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    assert.equal(await f.activity.pageSize.inputValue(), '25', 'the default');
    await f.page.goto(`${f.portal.pages}/?chat_id=${PUBLIC_CHAT}&limit=7&page=3`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 14, 7);
    assert.equal(await f.activity.pageSize.inputValue(), '7', 'an off-list size is shown as it is');
    await f.activity.pageSize.selectOption('10');
    await f.activity.expectApiPage(PUBLIC_CHAT, 10, 10);
    assert.equal(f.activity.searchParams().get('limit'), '10');
    assert.equal(await f.activity.pageSize.inputValue(), '10', 'the select follows the limit in force');
    assert.deepEqual(await f.activity.pageSize.locator('option').allTextContents(), ['10', '25', '50', '100']);
    await f.page.goBack();
    await f.activity.expectApiPage(PUBLIC_CHAT, 14, 7);
    assert.equal(await f.activity.pageSize.inputValue(), '7', 'Back brings the off-list size back');
  });

  test('a filter is kept in the URL: Back leaves it, Forward and reload bring back the page of matches seen', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&limit=10`);
    const { total } = await f.activity.expectApiPage(PUBLIC_CHAT, 0, 10);
    await f.activity.settled();
    const joins = (await f.portal.allEvents(PUBLIC_CHAT)).filter((e) => e.action === 'join');
    const action = f.activity.region.getByLabel('Filter by action');
    const range = (text) => f.page.waitForFunction((t) => document.querySelector('.ca-range')?.textContent === t, text);
    const names = () => f.activity.region.locator('li .ca-username').allTextContents();
    const length = await f.page.evaluate(() => history.length);

    await action.selectOption('join');
    await range(`Showing 1–10 of ${joins.length}`);
    await f.page.waitForURL((url) => url.searchParams.get('action') === 'join' && url.searchParams.get('page') === '1');
    await f.activity.next.click();
    await range(`Showing 11–20 of ${joins.length}`);
    await f.page.waitForURL((url) => url.searchParams.get('page') === '2');
    assert.equal(f.activity.searchParams().get('limit'), '10');
    assert.equal(await f.page.evaluate(() => history.length), length + 2, 'the filter and its page: an entry each');

    await f.page.goBack();
    await range(`Showing 1–10 of ${joins.length}`);
    assert.deepEqual(await names(), joins.slice(0, 10).map((e) => shownName(e.user)));
    await f.page.goBack();
    await range(`Showing 1–10 of ${total}`);
    assert.equal(await action.inputValue(), '', 'Back leaves the filter');
    assert.equal(f.activity.searchParams().has('action'), false);

    await f.page.goForward();
    await f.page.goForward();
    await range(`Showing 11–20 of ${joins.length}`);
    assert.equal(await action.inputValue(), 'join');
    await f.page.reload();
    await range(`Showing 11–20 of ${joins.length}`);
    assert.equal(await action.inputValue(), 'join', 'reload keeps the filter');
    assert.deepEqual(await names(), joins.slice(10, 20).map((e) => shownName(e.user)));
    f.activity.assertNoPageErrors();
  });

  test('the username search is one history entry however many letters are typed; a user filter from a link names the user from the events', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    const all = await f.portal.allEvents(PUBLIC_CHAT);
    const length = await f.page.evaluate(() => history.length);
    const search = f.activity.region.getByLabel('Search username');
    await search.pressSequentially(all[0].user.username.slice(0, 3), { delay: 50 });
    await f.page.waitForURL((url) => url.searchParams.get('search') === all[0].user.username.slice(0, 3));
    assert.equal(await f.page.evaluate(() => history.length), length + 1);
    await f.page.goBack();
    await f.page.waitForFunction(() => !document.querySelector('input[type=search]')?.value);
    assert.equal(f.activity.searchParams().has('search'), false);

    // A link to a user's history: the name is the one in their newest event.
    const user = all[all.length - 1].user;
    const theirs = all.filter((e) => e.user.id === user.id);
    const newestName = shownName(theirs[0].user);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&user=${user.id}`);
    await f.activity.region.getByText(`Only the events of ${newestName}`).waitFor();
    await f.page.waitForFunction((n) => document.querySelector('.ca-range')?.textContent.endsWith(`of ${n}`), theirs.length);
    await f.activity.region.getByRole('button', { name: 'Clear user filter' }).click();
    await f.page.waitForURL((url) => !url.searchParams.has('user'));
    await f.page.goBack();
    await f.activity.region.getByText(`Only the events of ${newestName}`).waitFor();
  });

  test('a filtered page past the matches\' end shows their last page, and the URL says so', async () => {
    const joins = (await f.portal.allEvents(PUBLIC_CHAT)).filter((e) => e.action === 'join').length;
    const last = Math.ceil(joins / 10);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&action=join&limit=10&page=${last + 5}`);
    await f.page.waitForFunction((t) => document.querySelector('.ca-range')?.textContent === t, `Showing ${(last - 1) * 10 + 1}–${joins} of ${joins}`);
    await f.page.waitForURL((url) => url.searchParams.get('page') === String(last));
    assert.equal(await f.activity.next.isDisabled(), true);
  });

  test('a filter whose read fails is dropped in place: the entry is replaced, so Back leaves rather than failing again', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    const length = await f.page.evaluate(() => history.length);
    await f.page.goto(`${f.portal.pages}/?chat_id=999&action=join`);
    await f.activity.alert.waitFor();
    await f.page.waitForURL((url) => !url.searchParams.has('action'));
    assert.equal(await f.page.evaluate(() => history.length), length + 1, 'one entry for the link, none for dropping its filter');
    await f.page.goBack();
    await f.page.waitForURL((url) => url.searchParams.get('chat_id') === String(PUBLIC_CHAT));
    await f.activity.settled();
  });

  test('Back and Forward say the range they show, filtered or not; the same filter chosen again keeps the page', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&limit=10`);
    const { total } = await f.activity.expectApiPage(PUBLIC_CHAT, 0, 10);
    await f.activity.settled();
    const status = f.activity.region.getByRole('status');
    await f.activity.next.click();
    await status.getByText(`Showing 11–20 of ${total}`).waitFor();
    await f.page.waitForURL((url) => url.searchParams.get('page') === '2');
    await f.page.goBack();
    await status.getByText(`Showing 1–10 of ${total}`).waitFor();
    // Leaving a filter by Back says what the chat shows.
    await f.activity.region.getByLabel('Filter by action').selectOption('ban');
    await status.getByText(/^Read all/).waitFor();
    await f.page.waitForURL((url) => url.searchParams.get('action') === 'ban');
    await f.page.goBack();
    await status.getByText(`Showing 1–10 of ${total}`).waitFor();

    const all = await f.portal.allEvents(PUBLIC_CHAT);
    const user = all.find((e) => all.filter((o) => o.user.id === e.user.id).length > 2).user;
    const theirs = all.filter((e) => e.user.id === user.id).length;
    const second = `Showing 3–${Math.min(4, theirs)} of ${theirs}`;
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&limit=2&user=${user.id}`);
    await f.page.waitForFunction((n) => document.querySelector('.ca-range')?.textContent === `Showing 1–2 of ${n}`, theirs);
    await f.activity.next.click();
    await status.getByText(second).waitFor();
    await f.page.waitForURL((url) => url.searchParams.get('page') === '2');
    await f.page.goBack();
    await status.getByText(`Showing 1–2 of ${theirs}`).waitFor();
    await f.page.goForward();
    await status.getByText(second).waitFor();
    // Their own "Activity of" button, on a page of their history: the page stays.
    await f.activity.region.locator('button.ca-user').first().click();
    await f.page.waitForTimeout(300);
    assert.equal(await f.activity.rangeText(), second);
    assert.equal(f.activity.searchParams().get('page'), '2');
  });

  test('a filter in the URL that cannot be meant is dropped from it, and the chat is shown', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}&action=promote&user=x1`);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    await f.page.waitForURL((url) => !url.searchParams.has('action') && !url.searchParams.has('user'));
    assert.equal(await f.activity.region.getByLabel('Filter by action').inputValue(), '');
    f.activity.assertNoPageErrors();
  });

  test('a corrected URL replaces the current entry instead of adding one', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    await f.page.goto(`${f.portal.pages}/?chat_id=${PUBLIC_CHAT}&limit=500&page=0`);
    const length = await f.page.evaluate(() => history.length);
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 100);
    assert.equal(f.activity.searchParams().get('limit'), '100');
    assert.equal(f.activity.searchParams().get('page'), '1');
    assert.equal(await f.page.evaluate(() => history.length), length);
    await f.page.goBack();
    await f.page.waitForURL((url) => !url.searchParams.has('limit'));
  });

  test('signing in on the API origin, then the page reads with that session', async () => {
    const context = await signedInContext(f.browser, f.portal, null);
    const page = await context.newPage();
    const returnTo = `${f.portal.pages}/?chat_id=${PUBLIC_CHAT}`;
    await page.goto(`${f.portal.api}/sign-in?user=tom&return_to=${encodeURIComponent(returnTo)}`);
    await page.waitForURL(returnTo);
    await page.getByRole('listitem').first().waitFor();
    const [request] = await f.portal.requests();
    assert.equal(request.user, 'tom');
    const cookies = await context.cookies(f.portal.api);
    assert.ok(cookies.some((c) => c.name === 'psession' && c.httpOnly));
    assert.equal(await page.evaluate(() => document.cookie), '', 'the session is not readable from script');
    await context.close();
  });
});
