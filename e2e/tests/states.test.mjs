// CONTRACT.md "What it shows": the region, rows, avatars, sentences, times,
// the pager, and every state.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';

const PUBLIC_CHAT = 1;
const PRIVATE_CHAT = 2;
const EMPTY_CHAT = 4;
const fixture = JSON.parse(await readFile(new URL('../../tests/fixtures/activity-example.json', import.meta.url)));

describe('what it shows', () => {
  const f = useActivityPage();

  test('a region named Chat activity, busy only while a request is in flight', async () => {
    await f.portal.setFaults([{ chat_id: PUBLIC_CHAT, delay_ms: 800, times: 1 }]);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.page.waitForSelector('section[aria-label="Chat activity"][aria-busy="true"]');
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    await f.activity.settled();
    assert.equal(await f.activity.region.getAttribute('aria-busy'), null);
    assert.equal(await f.activity.region.count(), 1);
    const heading = f.activity.region.getByRole('heading', { level: 2 });
    assert.equal((await heading.textContent()).trim(), 'Chat activity', 'headed by a level-2 heading holding its name');
    f.activity.assertNoPageErrors();
  });

  test('the timeline dims only while a page takes long to come', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    // Every frame's opacity of the shown rows, from the click until the next page is settled.
    const opacities = async (delayMs) => {
      await f.portal.setFaults([{ chat_id: PUBLIC_CHAT, delay_ms: delayMs, times: 1 }]);
      const seen = f.page.evaluate(() => new Promise((resolve) => {
        const seen = [];
        let wasBusy = false;
        const sample = () => {
          const busy = document.querySelector('[aria-label="Chat activity"]').getAttribute('aria-busy') !== null;
          wasBusy ||= busy;
          if (wasBusy) seen.push(Number(getComputedStyle(document.querySelector('.ca-timeline')).opacity));
          if (wasBusy && !busy && document.getAnimations().length === 0) resolve(seen);
          else requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      }));
      await f.activity.next.click();
      return seen;
    };
    const quick = await opacities(100); // with the mock's 80 ms of latency
    assert.deepEqual([...new Set(quick)], [1], 'an answer within 300 ms never dims the rows');
    const slow = await opacities(1500);
    assert.ok(Math.min(...slow) <= 0.61, `a slow answer dims the rows (lowest opacity ${Math.min(...slow)})`);
    assert.equal(slow.at(-1), 1, 'and the next page is shown undimmed');
    f.activity.assertNoPageErrors();
  });

  test('one list item per event, newest first, exactly the API page', async () => {
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    const expected = await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    assert.equal(await f.activity.items.count(), 25);
    const datetimes = await f.activity.region.locator('li time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    assert.deepEqual(datetimes, expected.events.map((e) => e.created_at));
    assert.deepEqual([...datetimes].sort().reverse(), datetimes, 'newest first');
  });

  test('the sentence per action and join method, in English', async () => {
    await f.portal.putChat(20, {
      events: [
        event(1, 'alice', 'join', { method: 'direct' }),
        event(2, 'bob', 'join'),
        event(3, 'carol', 'join', { method: 'carrier-pigeon', code: 'zzz' }),
        event(4, 'dave', 'join', { method: 'vanity', code: 'portal' }),
        event(5, 'erin', 'join', { method: 'invite', code: 'Vy8nFKq2' }),
        event(6, 'frank', 'leave'),
        event(7, 'gina', 'kick'),
        event(8, 'hugo', 'ban'),
        event(9, 'ines', 'mute'),
      ],
    });
    await f.activity.open('?chat_id=20');
    await f.activity.settled();
    assert.deepEqual(await f.activity.rowTexts(), [
      'alice joined',
      'bob joined',
      'carol joined',
      'dave joined via vanity link portal',
      'erin joined via invite Vy8nFKq2',
      'frank left',
      'gina was kicked',
      'hugo was banned',
      'ines mute',
    ]);
    // Each username is its own element, isolated from the sentence
    // (<bdi>: a right-to-left name never reorders it), and bold.
    const names = await f.activity.region.locator('li .ca-username').evaluateAll((nodes) =>
      nodes.map((node) => [node.textContent, node.localName, getComputedStyle(node).unicodeBidi, Number(getComputedStyle(node).fontWeight) >= 600]),
    );
    assert.deepEqual(
      names,
      ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina', 'hugo', 'ines'].map((name) => [name, 'bdi', 'isolate', true]),
    );
  });

  /** The first page's pictures, once each has loaded or failed: { src, loaded }. */
  async function pictures() {
    await f.page.waitForFunction(() => [...document.querySelectorAll('li img.ca-avatar')].every((img) => img.complete));
    return f.activity.region.locator('li img.ca-avatar').evaluateAll((images) =>
      images.map((img) => ({ src: img.getAttribute('src'), loaded: img.naturalWidth > 0, crossorigin: img.getAttribute('crossorigin') })),
    );
  }

  test('avatars load from an image host that sends no CORS headers (the seeded chat, first page)', async () => {
    // The mock's avatars, as most CDNs and buckets, carry no Access-Control-Allow-Origin.
    await f.page.setViewportSize({ width: 1280, height: 4000 }); // every row on screen: none waits for lazy loading
    const consoleErrors = [];
    f.page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const shown = await pictures();
    const served = shown.filter((picture) => !picture.src.includes('/avatars/deleted/'));
    assert.ok(served.length >= 5, `the first page shows pictures: ${JSON.stringify(shown)}`);
    assert.deepEqual(served.filter((picture) => !picture.loaded), [], 'every picture the host serves is shown');
    assert.ok(served.every((picture) => picture.crossorigin === null), 'no crossorigin attribute');
    assert.deepEqual(consoleErrors.filter((text) => /CORS|Access-Control-Allow-Origin/.test(text)), [], 'no CORS error in the console');
    const response = await f.page.request.get(served[0].src);
    assert.equal(response.headers()['access-control-allow-origin'], undefined, 'the host sent no CORS header');
  });

  test('avatars load the same from a host that sends CORS headers', async () => {
    await f.portal.setAvatarCors(true);
    await f.page.setViewportSize({ width: 1280, height: 4000 });
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    const served = (await pictures()).filter((picture) => !picture.src.includes('/avatars/deleted/'));
    assert.ok(served.length >= 5 && served.every((picture) => picture.loaded), JSON.stringify(served));
    const response = await f.page.request.get(served[0].src);
    assert.equal(response.headers()['access-control-allow-origin'], '*', 'the switch is on');
  });

  test('avatars: http(s) pictures exactly, lazy and without referrer; otherwise the initial on a colour', async () => {
    const picture = `${f.portal.api}/avatars/1.svg`;
    await f.portal.putChat(21, {
      events: [
        event(1, 'maria', 'join', { avatar: picture }),
        event(102, 'nobody', 'join'),
        event(103, 'élodie', 'join', { avatar: 'javascript:alert(1)' }),
        event(104, 'dana', 'join', { avatar: 'data:image/png;base64,iVBORw0KGgo=' }),
        event(105, 'gone', 'join', { avatar: `${f.portal.api}/avatars/deleted/105.png` }),
        event(106, '', 'join'),
      ],
    });
    await f.activity.open('?chat_id=21');
    await f.activity.settled();
    const rows = f.activity.items;
    const image = rows.nth(0).locator('img');
    assert.equal(await image.getAttribute('src'), picture);
    assert.equal(await image.getAttribute('loading'), 'lazy');
    assert.equal(await image.getAttribute('referrerpolicy'), 'no-referrer');
    await f.page.waitForFunction(() => document.querySelectorAll('li img').length === 1, null, { timeout: 5000 });
    const fallbacks = await f.activity.region.locator('li .ca-avatar-fallback').evaluateAll((nodes) =>
      nodes.map((n) => ({ text: n.textContent, colour: getComputedStyle(n).backgroundColor })),
    );
    assert.deepEqual(fallbacks.map((f) => f.text), ['N', 'É', 'D', 'G', '?']);
    assert.equal(new Set(fallbacks.map((f) => f.colour)).size, fallbacks.length, 'a colour per user');
  });

  test('names that show nothing: the row names the member by id, with its history button; the avatar takes the first letter that shows', async () => {
    await f.portal.putChat(23, {
      events: [
        event(201, '', 'join'),
        event(202, '\u3164\u200b', 'leave'),
        event(203, '\u202enimda', 'ban'),
      ],
    });
    await f.activity.open('?chat_id=23');
    await f.activity.settled();
    assert.deepEqual(await f.activity.rowTexts(), ['#201 joined', '#202 left', '\u202enimda was banned']);
    const letters = await f.activity.region.locator('li .ca-avatar-fallback').allTextContents();
    assert.deepEqual(letters, ['?', '?', 'N']);
    for (const name of ['#201', '#202', '\u202enimda']) {
      assert.equal(await f.activity.region.getByRole('button', { name: `Activity of ${name}`, exact: true }).count(), 1, name);
    }
    await f.activity.region.getByRole('button', { name: 'Activity of #202', exact: true }).click();
    await f.activity.region.getByText('Only the events of #202').waitFor();
    await f.page.waitForFunction(() => document.querySelector('.ca-range')?.textContent === 'Showing 1–1 of 1');
    assert.deepEqual(await f.activity.rowTexts(), ['#202 left']);
  });

  test('usernames are text, never HTML, and long names stay whole in the text', async () => {
    const hostile = '<img src=x onerror="window.__owned=1"><b>bold</b>';
    const long = 'x'.repeat(300);
    await f.portal.putChat(22, { events: [event(1, hostile, 'join'), event(2, long, 'leave')] });
    await f.activity.open('?chat_id=22');
    await f.activity.settled();
    assert.deepEqual(await f.activity.rowTexts(), [`${hostile} joined`, `${long} left`]);
    assert.equal(await f.activity.region.locator('li b').count(), 0);
    assert.equal(await f.page.evaluate(() => window.__owned), undefined);
    const fits = await f.activity.region.evaluate((region) => region.scrollWidth <= region.clientWidth);
    assert.ok(fits, 'a long name does not widen the component');
  });

  test('time: datetime is created_at, the text is relative, the title the full local date', async () => {
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000 - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await f.portal.putChat(23, { events: [event(1, 'alice', 'join', { at: threeHoursAgo })] });
    await f.activity.open('?chat_id=23');
    await f.activity.settled();
    const time = f.activity.items.first().locator('time');
    assert.equal(await time.getAttribute('datetime'), threeHoursAgo);
    assert.equal((await time.textContent()).trim(), '3 hours ago');
    const title = await time.getAttribute('title');
    const year = String(new Date(threeHoursAgo).getFullYear());
    assert.ok(title.includes(year) && /\d{1,2}:\d{2}/.test(title), title);
  });

  test('time: days count on the calendar, as the day headings do', async () => {
    // 23:00 on the day before yesterday: 25 to 48 hours ago, always "2 days ago".
    const at = new Date();
    at.setDate(at.getDate() - 2);
    at.setHours(23, 0, 0, 0);
    const iso = at.toISOString().replace(/\.\d+Z$/, 'Z');
    await f.portal.putChat(25, { events: [event(1, 'alice', 'join', { at: iso })] });
    await f.activity.open('?chat_id=25');
    await f.activity.settled();
    assert.equal((await f.activity.items.first().locator('time').textContent()).trim(), '2 days ago');
    const heading = (await f.activity.region.locator('.ca-day-heading').first().textContent()).trim();
    assert.ok(heading.includes(String(at.getDate())) && !/yesterday|today/i.test(heading), heading);
  });

  test('the pager: Previous and Next disabled where there is no page, and "Showing a–b of n"', async () => {
    await f.portal.putChat(24, { events: fixture.events });
    await f.activity.open('?chat_id=24');
    await f.activity.settled();
    assert.equal(await f.activity.rangeText(), 'Showing 1–3 of 3');
    assert.equal(await f.activity.previous.isDisabled(), true);
    assert.equal(await f.activity.next.isDisabled(), true);
    assert.deepEqual(await f.activity.rowTexts(), [
      'troublemaker was kicked',
      'troublemaker joined via vanity link portal',
      'alice joined via invite Vy8nFKq2',
    ]);

    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    assert.equal(await f.activity.previous.isDisabled(), true);
    assert.equal(await f.activity.next.isDisabled(), false);
  });

  test('no events at all: "No activity yet" and no pager', async () => {
    await f.activity.open(`?chat_id=${EMPTY_CHAT}`);
    await f.activity.settled();
    await f.activity.region.getByText('No activity yet').waitFor();
    assert.equal(await f.activity.pager.count(), 0);
    assert.equal(await f.activity.items.count(), 0);
  });

  for (const [name, user, chat] of [
    ['403', 'tom', PRIVATE_CHAT],
    ['401', null, PUBLIC_CHAT],
  ]) {
    test(`${name}: hidden completely, in the accessibility tree too, and not retried`, async () => {
      await f.signInAs(user);
      await f.activity.open(`?chat_id=${chat}`);
      await f.page.waitForFunction(() => !document.querySelector('[aria-label="Chat activity"]'));
      await f.page.waitForTimeout(1500);
      const left = await f.page.locator('#chat-activity').evaluate((root) => ({
        elements: root.children.length,
        text: root.textContent,
      }));
      assert.deepEqual(left, { elements: 0, text: '' }, 'nothing visible');
      const tree = await f.page.locator('body').ariaSnapshot();
      assert.ok(!/region|list|navigation|alert|button/.test(tree), tree);
      const requests = await f.portal.requests();
      assert.equal(requests.length, 1, 'no retry');
      assert.equal(requests[0].had_session_cookie, user !== null);
      f.activity.assertNoPageErrors();
    });
  }

  test('404: an alert "Chat not found"', async () => {
    await f.activity.open('?chat_id=999');
    await f.activity.alert.waitFor();
    assert.equal((await f.activity.alert.textContent()).trim(), 'Chat not found');
  });

  test('the tools act on a chat with events: usable on its first page, not after a 404, a failed first load or in an empty chat', async () => {
    const controls = () => [
      f.activity.region.getByLabel('Jump to date'),
      f.activity.region.getByLabel('Filter by action'),
      f.activity.region.getByLabel('Search username'),
      f.activity.region.getByRole('button', { name: 'Export CSV' }),
      f.activity.region.getByRole('button', { name: 'Export JSON' }),
      f.activity.region.getByRole('button', { name: 'Exact times' }),
    ];
    const disabled = () => Promise.all(controls().map((control) => control.isDisabled()));
    const none = controls().map(() => false);
    const all = controls().map(() => true);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    assert.deepEqual(await disabled(), none);

    await f.activity.open('?chat_id=999');
    await f.activity.alert.waitFor();
    assert.deepEqual(await disabled(), all, 'nothing to act on after "Chat not found"');

    await f.activity.open(`?chat_id=${EMPTY_CHAT}`);
    await f.activity.region.getByText('No activity yet').waitFor();
    assert.deepEqual(await disabled(), all, 'nothing to act on in an empty chat');

    await f.portal.setFaults([{ chat_id: PUBLIC_CHAT, status: 500, times: 1 }]);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.alert.waitFor();
    assert.deepEqual(await disabled(), all, 'nothing read yet');
    await f.activity.retry.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    assert.deepEqual(await disabled(), none, 'usable once the chat is read');
  });

  test('a server error: an alert saying what went wrong, and Retry that works', async () => {
    await f.portal.setFaults([{ chat_id: PUBLIC_CHAT, status: 500, times: 1 }]);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.alert.waitFor();
    assert.match(await f.activity.alert.textContent(), /error \(HTTP 500\)/);
    await f.activity.retry.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
    assert.equal(await f.activity.alert.count(), 0);
    f.activity.assertNoPageErrors();
  });

  test('a network failure: an alert and Retry', async () => {
    await f.page.route(`${f.portal.api}/**`, (route) => route.abort('connectionrefused'));
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.alert.waitFor();
    assert.match(await f.activity.alert.textContent(), /Couldn't reach the activity service/);
    await f.page.unroute(`${f.portal.api}/**`);
    await f.activity.retry.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 25);
  });
});
