// CONTRACT.md "Timeline tools": day headings, live localized time, invite
// chips, join bursts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';

const iso = (date) => date.toISOString().replace(/\.\d+Z$/, 'Z');
const minutesAgo = (now, minutes) => iso(new Date(now.getTime() - minutes * 60_000));

describe('timeline tools', () => {
  const f = useActivityPage();

  test('day headings by the viewer’s local day: Today, Yesterday, then the full date', async () => {
    // 02:30 UTC on April 5 is still April 4 in New York.
    const now = new Date('2026-04-06T15:00:00Z');
    await f.signInAs('maria', { timezoneId: 'America/New_York' });
    await f.page.clock.install({ time: now });
    await f.portal.putChat(30, {
      events: [
        event(1, 'today', 'join', { at: '2026-04-06T13:00:00Z' }),
        event(2, 'yesterday', 'leave', { at: '2026-04-05T12:00:00Z' }),
        event(3, 'late-evening', 'join', { at: '2026-04-05T02:30:00Z' }),
        event(4, 'earlier', 'ban', { at: '2026-04-04T16:00:00Z' }),
      ],
    });
    await f.activity.open('?chat_id=30');
    await f.activity.settled();
    const headings = await f.activity.region.locator('h3').allTextContents();
    assert.deepEqual(headings, ['Today', 'Yesterday', 'Saturday, April 4, 2026']);
    const underApril4 = await f.activity.region
      .locator('h3:has-text("April 4") + ol .ca-username')
      .allTextContents();
    assert.deepEqual(underApril4, ['late-evening', 'earlier']);
  });

  test('relative times update while the page stays open, from one clock', async () => {
    const now = new Date();
    await f.page.clock.install({ time: now });
    await f.portal.putChat(31, { events: [event(1, 'alice', 'join', { at: minutesAgo(now, 1) })] });
    await f.activity.open('?chat_id=31');
    await f.activity.settled();
    const time = f.activity.items.first().locator('time');
    assert.equal((await time.textContent()).trim(), '1 minute ago');
    await f.page.clock.fastForward('02:00');
    await f.page.waitForFunction(() => document.querySelector('li time').textContent.trim() === '3 minutes ago');
    await f.page.clock.fastForward('01:00:00');
    await f.page.waitForFunction(() => document.querySelector('li time').textContent.trim() === '1 hour ago');
  });

  test('times follow the nearest lang attribute, through the shadow root; a bad lang falls back', async () => {
    const now = new Date();
    await f.portal.putChat(32, { events: [event(1, 'alice', 'join', { at: minutesAgo(now, 181) })] });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await f.page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<div lang="de" id="german"></div><div lang="!!not a tag" id="broken"></div>');
    });
    await f.page.evaluate((api) => {
      for (const id of ['german', 'broken']) {
        const element = document.createElement('chat-activity');
        element.setAttribute('chat-id', '32');
        element.setAttribute('api-base', api);
        document.getElementById(id).append(element);
      }
    }, f.portal.api);
    await h.waitForEvent('chat-activity-loaded', 2);
    await f.page.waitForFunction(() => document.querySelector('#german chat-activity').shadowRoot.querySelector('time')?.textContent.includes('vor 3 Stunden'));
    const broken = await f.page.locator('#broken chat-activity time').textContent();
    assert.equal(broken.trim(), '3 hours ago');
    assert.deepEqual(h.errors, []);
  });

  test('the exact time is reachable by keyboard (Exact times) and by screen readers', async () => {
    await f.signInAs('maria', { timezoneId: 'UTC', locale: 'en-US' });
    await f.portal.putChat(33, { events: [event(1, 'alice', 'join', { at: '2026-04-04T12:30:00Z' })] });
    await f.activity.open('?chat_id=33');
    await f.activity.settled();
    const full = 'Saturday, April 4, 2026 at 12:30:00 PM UTC';
    const row = f.activity.items.first();
    assert.equal(await row.locator('time').getAttribute('title'), full);
    assert.equal((await row.locator('.ca-visually-hidden').textContent()).trim(), `, ${full}`);
    const toggle = f.activity.region.getByRole('button', { name: 'Exact times' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.focus();
    await f.page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal((await row.locator('time').textContent()).trim(), full);
  });

  test('invite chips: Copy invite code puts the code on the clipboard and says so', async () => {
    await f.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: f.portal.pages });
    await f.portal.putChat(34, {
      events: [event(1, 'alice', 'join', { method: 'invite', code: 'Vy8nFKq2' }), event(2, 'bob', 'join', { method: 'vanity', code: 'portal' })],
    });
    await f.activity.open('?chat_id=34');
    await f.activity.settled();
    await f.activity.region.getByRole('button', { name: 'Copy invite code Vy8nFKq2' }).click();
    await f.activity.region.getByRole('status').getByText('Copied invite code Vy8nFKq2').waitFor();
    assert.equal(await f.page.evaluate(() => navigator.clipboard.readText()), 'Vy8nFKq2');
    const copied = await f.activity.region.getByRole('button', { name: 'Copy invite code Vy8nFKq2' }).getAttribute('data-state');
    assert.equal(copied, 'copied');
    await f.activity.region.getByRole('button', { name: 'Copy invite code portal' }).click();
    await f.activity.region.getByRole('status').getByText('Copied invite code portal').waitFor();
    assert.equal(await f.page.evaluate(() => navigator.clipboard.readText()), 'portal');
    // One chip says "Copied" at a time: the one clicked last, for three seconds.
    const states = () => f.activity.region.locator('.ca-chip-copy').evaluateAll((buttons) => buttons.map((b) => b.dataset.state));
    assert.deepEqual(await states(), ['idle', 'copied']);
    await f.page.waitForFunction(() => !document.querySelector('.ca-chip-copy[data-state="copied"]'), null, { timeout: 5000 });
    assert.deepEqual(await states(), ['idle', 'idle']);
  });

  test('invite chips at 280 px wide: the code and the button words stay whole', async () => {
    await f.page.setViewportSize({ width: 280, height: 800 });
    await f.portal.putChat(35, {
      events: [event(1, 'mateo_', 'join', { method: 'vanity', code: 'spring-meetup' })],
    });
    await f.activity.open('?chat_id=35');
    await f.activity.settled();
    const lines = (locator) =>
      locator.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    const chip = f.activity.region.locator('.ca-chip').first();
    assert.equal(await lines(chip.locator('.ca-chip-code')), 1, 'the code on one line');
    assert.equal((await chip.locator('.ca-chip-code').textContent()).trim(), 'spring-meetup');
    const copy = chip.locator('.ca-chip-copy');
    const word = await copy.evaluate((el) => {
      const style = getComputedStyle(el);
      return { height: el.getBoundingClientRect().height, line: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2 };
    });
    assert.ok(word.height < 2 * word.line, `Copy on one line: ${JSON.stringify(word)}`);
    const overflow = await f.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no sideways scrolling');
  });

  test('invite chips: copying the same code again is said again', async () => {
    await f.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: f.portal.pages });
    await f.portal.putChat(34, { events: [event(1, 'alice', 'join', { method: 'invite', code: 'Vy8nFKq2' })] });
    await f.activity.open('?chat_id=34');
    await f.activity.settled();
    const copy = f.activity.region.getByRole('button', { name: 'Copy invite code Vy8nFKq2' });
    const status = f.activity.region.getByRole('status');
    await copy.click();
    await status.getByText('Copied invite code Vy8nFKq2').waitFor();
    // A screen reader reads a live region when it changes: the second copy must change it.
    await status.evaluate((region) => {
      window.__statusChanges = [];
      new MutationObserver(() => window.__statusChanges.push(region.textContent)).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await copy.click();
    await f.page.waitForFunction(() => window.__statusChanges.length > 0);
    assert.equal((await status.textContent()).trim(), 'Copied invite code Vy8nFKq2');
  });
  test('invite chips: a refused clipboard gets a clear message', async () => {
    await f.page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await f.portal.putChat(35, { events: [event(1, 'alice', 'join', { method: 'invite', code: 'abc' })] });
    await f.activity.open('?chat_id=35');
    await f.activity.settled();
    await f.activity.region.getByRole('button', { name: 'Copy invite code abc' }).click();
    await f.activity.region.getByRole('status').getByText("Couldn't copy: the browser refused access to the clipboard.").waitFor();
  });

  test('join bursts: five or more joins via one code within ten minutes get a note', async () => {
    const now = new Date();
    const raid = [0, 1.5, 3, 4.5, 6, 7.5].map((m, i) => event(10 + i, `raider${i}`, 'join', { method: 'invite', code: 'raid42', at: minutesAgo(now, 30 - m) }));
    const calm = [0, 20, 40, 60, 80].map((m, i) => event(20 + i, `calm${i}`, 'join', { method: 'invite', code: 'slow', at: minutesAgo(now, 200 + m) }));
    await f.portal.putChat(36, { events: [...raid.reverse(), event(30, 'leaver', 'leave', { at: minutesAgo(now, 100) }), ...calm] });
    await f.activity.open('?chat_id=36');
    await f.activity.settled();
    const notes = await f.activity.region.getByRole('note').allTextContents();
    assert.deepEqual(notes.map((n) => n.trim()), ['Join burst: 6 joins via raid42 in 8 minutes']);
    // Collapsed (see "Raid tools"); expanded, the burst's joins are marked.
    await f.activity.region.getByRole('button', { name: 'Show 6 joins' }).click();
    const marked = await f.activity.region.locator('li.ca-in-burst .ca-username').allTextContents();
    assert.equal(marked.length, 6);
    assert.ok(marked.every((name) => name.startsWith('raider')));
  });
});
