// CONTRACT.md "Three ways in" 2: the <chat-activity> custom element.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';
import { shownName } from '../support/mock-portal.mjs';

const fixture = JSON.parse(await readFile(new URL('../../tests/fixtures/activity-example.json', import.meta.url)));

describe('custom element', () => {
  const f = useActivityPage();
  const host = () => new HostPage(f.page, f.portal);

  test('a host with default attributes (chat-id and api-base): the first 25 events, the pager, the select at 25', async () => {
    const h = host();
    await h.open();
    const el = await h.add('plain', { 'chat-id': '1', 'api-base': f.portal.api });
    const [loaded] = await h.waitForEvent('chat-activity-loaded');
    const expected = await f.portal.apiPage(1, 0, 25);
    assert.deepEqual(loaded.detail, { chatId: 1, total: expected.total, offset: 0, limit: 25 });
    assert.deepEqual(await el.usernames(), expected.events.map((e) => shownName(e.user)));
    assert.equal(await el.rangeText(), `Showing 1–25 of ${expected.total}`);
    assert.equal(await el.host.getByRole('combobox', { name: 'Events per page' }).inputValue(), '25');
    assert.deepEqual((await f.portal.requests()).map((r) => r.query), ['offset=0&limit=25']);
    assert.equal((await el.host.getByRole('heading', { level: 2 }).textContent()).trim(), 'Chat activity');
    await el.next.click();
    const [, second] = await h.waitForEvent('chat-activity-loaded', 2);
    assert.deepEqual(second.detail, { chatId: 1, total: expected.total, offset: 25, limit: 25 });
    assert.equal(await el.rangeText(), `Showing 26–50 of ${expected.total}`);
    assert.deepEqual(h.errors.map(String), []);
  });

  test('the page-size select shows the limit in force after an off-list page-size', async () => {
    const h = host();
    await h.open();
    const el = await h.add('seven', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '7' });
    await h.waitForEvent('chat-activity-loaded');
    const select = el.host.getByRole('combobox', { name: 'Events per page' });
    assert.equal(await select.inputValue(), '7');
    await select.selectOption('10');
    const [, second] = await h.waitForEvent('chat-activity-loaded', 2);
    assert.equal(second.detail.limit, 10);
    assert.equal(await select.inputValue(), '10');
    assert.equal(await el.items.count(), 10);
  });

  test('attributes: chat-id, api-base and page-size; content in an open shadow root', async () => {
    const h = host();
    await h.open();
    const el = await h.add('a', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '10' });
    await el.items.nth(9).waitFor();
    assert.equal(await el.items.count(), 10);
    const expected = await f.portal.apiPage(1, 0, 10);
    assert.deepEqual(await el.usernames(), expected.events.map((e) => shownName(e.user)));
    assert.deepEqual((await f.portal.requests()).map((r) => r.query), ['offset=0&limit=10']);
    const mode = await f.page.evaluate(() => document.getElementById('a').shadowRoot?.mode);
    assert.equal(mode, 'open');
    assert.equal(await f.page.evaluate(() => document.getElementById('a').children.length), 0, 'no light-DOM content');
  });

  test('page-size out of range is clamped, not a number means 25, each with a console warning; spaces around a number are fine', async () => {
    const warnings = [];
    f.page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const h = host();
    await h.open();
    await h.add('big', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '1000' });
    await h.add('odd', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': 'many', 'refresh-interval': 'often' });
    await h.add('spaced', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': ' 10 ' });
    await h.waitForEvent('chat-activity-loaded', 3);
    const limits = (await f.portal.requests()).map((r) => r.limit).sort((a, b) => a - b);
    assert.deepEqual(limits, [10, 25, 100]);
    assert.deepEqual(warnings.filter((text) => text.includes('<chat-activity>')).map((text) => text.replace(/^.*<chat-activity>: /, '')).sort(), [
      'page-size="1000" is outside 1 to 100; showing 100 events per page',
      'page-size="many" is not a whole number; showing 25 events per page',
      'refresh-interval="often" is not a whole number of seconds up to 2147483 (0 turns the checks off); checking every 30 s',
    ]);
  });

  test('no api-base means the page’s own origin', async () => {
    const h = host();
    await h.open();
    const seen = [];
    await f.page.route(`${f.portal.pages}/v1/portal/chats/24/activity*`, (route) => {
      seen.push(route.request().url());
      route.fulfill({ json: fixture });
    });
    const el = await h.add('same', { 'chat-id': '24' });
    await el.items.nth(2).waitFor();
    assert.deepEqual(seen, [`${f.portal.pages}/v1/portal/chats/24/activity?offset=0&limit=25`]);
  });

  for (const bad of ['', 'abc', '0', '12x', '9007199254740992']) {
    test(`an invalid chat-id "${bad}" shows a message inside the element`, async () => {
      const h = host();
      await h.open();
      const el = await h.add('bad', { 'chat-id': bad, 'api-base': f.portal.api });
      await el.alert.waitFor();
      assert.match(await el.alert.textContent(), /chat-id/);
      await f.page.waitForTimeout(200);
      assert.deepEqual(await f.portal.requests(), []);
    });
  }

  test('chat-activity-loaded: detail { chatId, total, offset, limit }, bubbling and composed', async () => {
    const h = host();
    await h.open();
    await h.add('loaded', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '10' });
    const [event] = await h.waitForEvent('chat-activity-loaded');
    const { total } = await f.portal.apiPage(1, 0, 1);
    assert.deepEqual(event, {
      type: 'chat-activity-loaded',
      detail: { chatId: 1, total, offset: 0, limit: 10 },
      bubbles: true,
      composed: true,
      target: 'loaded',
    });
  });

  test('403: chat-activity-forbidden, and the element keeps no content', async () => {
    await f.signInAs('tom');
    const h = host();
    await h.open();
    const el = await h.add('private', { 'chat-id': '2', 'api-base': f.portal.api });
    const [event] = await h.waitForEvent('chat-activity-forbidden');
    assert.deepEqual(event, { type: 'chat-activity-forbidden', detail: { chatId: 2 }, bubbles: true, composed: true, target: 'private' });
    const content = await el.shadowContent();
    assert.equal(content.text, '');
    assert.ok(content.elements <= 1, 'at most the empty mount point');
    assert.equal(await el.host.evaluate((e) => e.getBoundingClientRect().height), 0);
    assert.equal((await f.portal.requests()).length, 1, 'no retry');
  });

  test('401: chat-activity-unauthorized', async () => {
    await f.signInAs(null);
    const h = host();
    await h.open();
    await h.add('anon', { 'chat-id': '1', 'api-base': f.portal.api });
    const [event] = await h.waitForEvent('chat-activity-unauthorized');
    assert.deepEqual(event.detail, { chatId: 1 });
    assert.equal(event.bubbles && event.composed, true);
  });

  test('chat-activity-error: detail { chatId, status, message }, status 0 without an HTTP answer', async () => {
    const h = host();
    await h.open();
    await f.portal.setFaults([{ chat_id: 1, status: 502, times: 1 }]);
    await h.add('failing', { 'chat-id': '1', 'api-base': f.portal.api });
    const [http] = await h.waitForEvent('chat-activity-error');
    assert.equal(http.detail.chatId, 1);
    assert.equal(http.detail.status, 502);
    assert.match(http.detail.message, /HTTP 502/);
    assert.equal(http.bubbles && http.composed, true);

    await f.page.route(`${f.portal.api}/**`, (route) => route.abort('connectionrefused'));
    await h.add('offline', { 'chat-id': '3', 'api-base': f.portal.api });
    const errors = await h.waitForEvent('chat-activity-error', 2);
    assert.equal(errors[1].detail.status, 0);
    assert.equal(errors[1].detail.chatId, 3);
    assert.equal(typeof errors[1].detail.message, 'string');
  });

  test('several elements on one page work independently', async () => {
    const h = host();
    await h.open();
    const one = await h.add('one', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '5' });
    const three = await h.add('three', { 'chat-id': '5', 'api-base': f.portal.api, 'page-size': '5' });
    await h.waitForEvent('chat-activity-loaded', 2);
    const threeBefore = await three.usernames();
    await one.next.click();
    await f.page.waitForFunction(() => document.getElementById('one').shadowRoot.querySelector('.ca-range')?.textContent.startsWith('Showing 6–10'));
    assert.deepEqual(await three.usernames(), threeBefore);
    assert.match(await three.rangeText(), /^Showing 1–5 of/);
    const queries = (await f.portal.requests()).map((r) => `${r.chat_id}:${r.query}`).sort();
    assert.deepEqual(queries, ['1:offset=0&limit=5', '1:offset=5&limit=5', '5:offset=0&limit=5']);
  });

  test('it never touches the host page’s URL or history', async () => {
    const h = host();
    await h.open();
    const before = await f.page.evaluate(() => [location.href, history.length]);
    const el = await h.add('quiet', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '5' });
    await h.waitForEvent('chat-activity-loaded');
    await el.next.click();
    await h.waitForEvent('chat-activity-loaded', 2);
    await el.host.getByRole('combobox', { name: 'Events per page' }).selectOption('10');
    await h.waitForEvent('chat-activity-loaded', 3);
    assert.deepEqual(await f.page.evaluate(() => [location.href, history.length]), before);
  });

  test('changing an attribute updates the element and returns it to the first page', async () => {
    const h = host();
    await h.open();
    const el = await h.add('change', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '5' });
    await h.waitForEvent('chat-activity-loaded');
    await el.next.click();
    await h.waitForEvent('chat-activity-loaded', 2);
    await el.setAttribute('page-size', '10');
    const [, , third] = await h.waitForEvent('chat-activity-loaded', 3);
    assert.deepEqual(third.detail, { ...third.detail, offset: 0, limit: 10 });
    await el.next.click();
    await h.waitForEvent('chat-activity-loaded', 4);
    await el.setAttribute('chat-id', '4');
    await el.host.getByText('No activity yet').waitFor();
    const [, , , , fifth] = await h.waitForEvent('chat-activity-loaded', 5);
    assert.deepEqual(fifth.detail, { chatId: 4, total: 0, offset: 0, limit: 10 });
    const queries = (await f.portal.requests()).map((r) => `${r.chat_id}:${r.query}`);
    assert.deepEqual(queries, ['1:offset=0&limit=5', '1:offset=5&limit=5', '1:offset=0&limit=10', '1:offset=10&limit=10', '4:offset=0&limit=10']);
  });

  test('removal aborts the request in flight; re-insertion starts again at the first page', async () => {
    const h = host();
    await h.open();
    await f.portal.setFaults([{ chat_id: 1, delay_ms: 1500, times: 1 }]);
    const aborted = [];
    f.page.on('requestfailed', (request) => aborted.push(request.failure()?.errorText));
    await h.add('moving', { 'chat-id': '1', 'api-base': f.portal.api });
    await f.page.waitForFunction(() => document.getElementById('moving').shadowRoot.querySelector('[aria-busy="true"]'));
    const removed = await f.page.evaluate(() => {
      const element = document.getElementById('moving');
      element.remove();
      window.__moving = element;
      return element.shadowRoot.textContent;
    });
    assert.equal(removed, '', 'unmounted');
    // The mock logs a request once its connection is done: on a loaded
    // machine that can take a moment after the browser dropped it.
    let ended = [];
    for (let tries = 0; tries < 30 && ended.length === 0; tries++) {
      await f.page.waitForTimeout(100);
      ended = (await f.portal.requests()).map((r) => r.ended);
    }
    assert.deepEqual(aborted, ['net::ERR_ABORTED']);
    assert.deepEqual(ended, ['closed_by_client'], 'the mock saw it closed');
    await f.page.evaluate(() => document.body.append(window.__moving));
    const [event] = await h.waitForEvent('chat-activity-loaded');
    assert.equal(event.detail.offset, 0);
    assert.equal(await h.element('moving').items.count(), 25);
  });

  test('style isolation: host CSS does not reach in, component CSS does not leak out', async () => {
    const h = host();
    await h.open();
    await f.page.addStyleTag({ content: 'li { display: none !important } * { color: rgb(255, 0, 0) !important; font-size: 40px !important }' });
    await f.page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<ol id="light"><li class="ca-event"><span class="ca-avatar">x</span></li></ol><section id="light-root" class="ca-root">host</section>');
    });
    const el = await h.add('isolated', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '5' });
    await h.waitForEvent('chat-activity-loaded');
    assert.equal(await el.items.first().isVisible(), true);
    const inside = await el.host.locator('.ca-username').first().evaluate((n) => [getComputedStyle(n).color, getComputedStyle(n).fontSize]);
    assert.notEqual(inside[0], 'rgb(255, 0, 0)');
    assert.notEqual(inside[1], '40px');
    const outside = await f.page.evaluate(() => {
      const avatar = getComputedStyle(document.querySelector('#light .ca-avatar'));
      const root = getComputedStyle(document.getElementById('light-root'));
      return { avatarRadius: avatar.borderRadius, rootPadding: root.padding, rootBorder: root.borderTopStyle };
    });
    assert.deepEqual(outside, { avatarRadius: '0px', rootPadding: '0px', rootBorder: 'none' });
  });
});
