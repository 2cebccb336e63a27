// CONTRACT.md "Languages and direction": texts by the nearest lang, plurals
// and numbers by Intl, right-to-left layout, host-replaced texts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';
import { axeViolations } from '../support/axe.mjs';

const LARGE_CHAT = 5;

/** One event of each kind, newest first. */
const EVERY_ACTION = [
  event(1, 'alice', 'join'),
  event(2, 'bob', 'leave'),
  event(3, 'carol', 'kick'),
  event(4, 'dave', 'ban'),
  event(5, 'erin', 'join', { method: 'invite', code: 'Vy8nFKq2' }),
];

/** `n` formatted by the page's own Intl.NumberFormat for `lang`. */
const formatted = (page, lang, n) => page.evaluate(([lang, n]) => new Intl.NumberFormat(lang).format(n), [lang, n]);

/** The texts of an element's rows, whitespace folded. */
const rowTexts = (el) =>
  el.host.locator('li .ca-event-text').evaluateAll((nodes) => nodes.map((node) => node.textContent.replace(/\s+/g, ' ').trim()));

/** Adds `<chat-activity>` inside a wrapper with these attributes (e.g. lang). */
async function addInside(page, id, wrapper, attributes) {
  await page.evaluate(
    ({ id, wrapper, attributes }) => {
      const outer = document.createElement('div');
      outer.id = `${id}-wrapper`;
      for (const [name, value] of Object.entries(wrapper)) outer.setAttribute(name, value);
      const element = document.createElement('chat-activity');
      element.id = id;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      outer.append(element);
      document.querySelector('main').append(outer);
    },
    { id, wrapper, attributes },
  );
  return page.locator(`chat-activity#${id}`);
}

describe('languages and direction', () => {
  const f = useActivityPage();

  test('lang="de": region, heading, pager, select, range, sentences exactly as the contract says', async () => {
    await f.portal.putChat(70, { events: EVERY_ACTION });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('german', { 'chat-id': '70', 'api-base': f.portal.api, lang: 'de' });
    await h.waitForEvent('chat-activity-loaded');
    const region = el.host.getByRole('region', { name: 'Chat-Aktivität', exact: true });
    await region.waitFor();
    assert.equal(await region.getAttribute('lang'), 'de');
    assert.equal(await region.getAttribute('dir'), 'ltr');
    assert.equal(await el.host.getByRole('heading', { level: 2, name: 'Chat-Aktivität', exact: true }).count(), 1);
    const pager = el.host.getByRole('navigation', { name: 'Seitennavigation', exact: true });
    assert.equal(await pager.getByRole('button', { name: 'Vorherige Seite', exact: true }).count(), 1);
    assert.equal(await pager.getByRole('button', { name: 'Nächste Seite', exact: true }).count(), 1);
    assert.equal(await pager.getByRole('combobox', { name: 'Ereignisse pro Seite', exact: true }).count(), 1);
    assert.equal(await el.rangeText(), '1–5 von 5');
    const rows = await rowTexts(el);
    assert.match(rows[0], /^alice ist beigetreten$/);
    assert.match(rows[1], /bob hat den Chat verlassen/);
    assert.match(rows[2], /carol wurde entfernt/);
    assert.match(rows[3], /dave wurde gesperrt/);
    assert.match(rows[4], /erin .*Vy8nFKq2/);
    // The username is isolated from the sentence around it.
    assert.equal(await el.host.locator('li bdi.ca-username').count(), 5);
    assert.deepEqual(h.errors, []);
  });

  test('lang="de" with a host label: the pager is "Seitennavigation: {label}"; the raid tools in German', async () => {
    await f.portal.putChat(75, {
      events: Array.from({ length: 6 }, (_, i) => event(100 + i, `raider${i}`, 'join', { method: 'invite', code: 'raid', at: new Date(Date.now() - (i + 1) * 30_000).toISOString().replace(/\.\d+Z$/, 'Z') })),
    });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('labelled', { 'chat-id': '75', 'api-base': f.portal.api, lang: 'de', label: 'Überfall' });
    await h.waitForEvent('chat-activity-loaded');
    await el.host.getByRole('navigation', { name: 'Seitennavigation: Überfall', exact: true }).waitFor();
    const toggle = el.host.getByRole('button', { name: '6 Beitritte anzeigen', exact: true });
    await toggle.click();
    await el.host.getByRole('button', { name: '6 Beitritte ausblenden', exact: true }).waitFor();
    assert.equal(await el.host.getByRole('button', { name: 'Aktivität von raider0', exact: true }).count(), 1);
  });

  test('lang="de": no activity, chat not found, and a failure with Retry, in German', async () => {
    await f.portal.putChat(71, { events: [] });
    await f.portal.setFaults([{ chat_id: 72, status: 500 }]);
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const empty = await h.add('empty', { 'chat-id': '71', 'api-base': f.portal.api, lang: 'de' });
    const missing = await h.add('missing', { 'chat-id': '987654', 'api-base': f.portal.api, lang: 'de' });
    const failing = await h.add('failing', { 'chat-id': '72', 'api-base': f.portal.api, lang: 'de' });
    await empty.host.getByText('Noch keine Aktivität', { exact: true }).waitFor();
    await missing.alert.waitFor();
    assert.equal((await missing.alert.textContent()).trim(), 'Chat nicht gefunden');
    await failing.alert.waitFor();
    assert.equal(await failing.alert.getByRole('button', { name: 'Erneut versuchen', exact: true }).count(), 1);
  });

  test('lang="ar": Arabic texts, dir="rtl" on the root, rows and pager laid out right to left', async () => {
    await f.portal.putChat(73, { events: EVERY_ACTION });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('arabic', { 'chat-id': '73', 'api-base': f.portal.api, lang: 'ar', 'page-size': '2' });
    await h.waitForEvent('chat-activity-loaded');
    const region = el.host.getByRole('region', { name: 'نشاط الدردشة', exact: true });
    await region.waitFor();
    assert.equal(await region.getAttribute('dir'), 'rtl');
    const pager = el.host.getByRole('navigation', { name: 'ترقيم الصفحات', exact: true });
    const previous = pager.getByRole('button', { name: 'الصفحة السابقة', exact: true });
    const next = pager.getByRole('button', { name: 'الصفحة التالية', exact: true });
    assert.equal(await pager.getByRole('combobox', { name: 'أحداث في كل صفحة', exact: true }).count(), 1);
    const [one, two, five] = await Promise.all([1, 2, 5].map((n) => formatted(f.page, 'ar', n)));
    assert.equal(await el.rangeText(), `${one}–${two} من ${five}`);
    const rows = await rowTexts(el);
    assert.ok(rows[0].includes('انضم') && rows[0].includes('alice'), rows[0]);
    assert.ok(rows[1].includes('غادر'), rows[1]);
    // The exact time a screen reader hears follows the relative one after Arabic's comma.
    const spoken = await el.host.getByRole('listitem').first().locator('.ca-event-body > .ca-visually-hidden').textContent();
    assert.ok(spoken.startsWith('، '), spoken);
    // Right to left: the avatar stands right of the sentence, Previous
    // (first in reading order) right of Next.
    const row = el.host.getByRole('listitem').first();
    const avatar = await row.locator('.ca-avatar').boundingBox();
    const text = await row.locator('.ca-event-text').boundingBox();
    assert.ok(avatar.x > text.x + text.width - 1, `avatar ${avatar.x} right of text ending at ${text.x + text.width}`);
    const [p, n] = [await previous.boundingBox(), await next.boundingBox()];
    assert.ok(p.x > n.x, `Previous (${p.x}) right of Next (${n.x})`);
    // Paging still goes forward with Next.
    await next.click();
    await f.page.waitForFunction(() => document.querySelector('chat-activity#arabic').shadowRoot.querySelector('.ca-username')?.textContent === 'carol');
    // The invite chip keeps its padding at its inline start (the right),
    // and its buttons are each a finger's target (24 × 24 px at least).
    await next.click();
    const chip = el.host.locator('.ca-chip').first();
    await chip.waitFor();
    const [box, code] = [await chip.boundingBox(), await chip.locator('.ca-chip-code').boundingBox()];
    const gap = box.x + box.width - (code.x + code.width);
    assert.ok(gap >= 3, `the code ends ${gap} px from the chip's right end`);
    for (const button of await chip.getByRole('button').all()) {
      const { width, height } = await button.boundingBox();
      assert.ok(width >= 24 && height >= 24, `${await button.getAttribute('aria-label')}: ${width} × ${height}`);
    }
  });

  test('<html lang="ja"> and no lang on the element: Japanese', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await f.page.evaluate(() => document.documentElement.setAttribute('lang', 'ja'));
    const el = await h.add('japanese', { 'chat-id': '1', 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    await el.host.getByRole('region', { name: 'チャットのアクティビティ', exact: true }).waitFor();
    assert.equal(await el.host.getByRole('button', { name: '次のページ', exact: true }).count(), 1);
  });

  test('a language that is not bundled (hi) and a malformed lang: English', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const hindi = await h.add('hindi', { 'chat-id': '1', 'api-base': f.portal.api, lang: 'hi-IN' });
    const broken = await h.add('broken', { 'chat-id': '1', 'api-base': f.portal.api, lang: '!!' });
    await h.waitForEvent('chat-activity-loaded', 2);
    for (const el of [hindi, broken]) {
      const region = el.host.getByRole('region', { name: 'Chat activity', exact: true });
      await region.waitFor();
      assert.equal(await region.getAttribute('lang'), 'en');
      assert.match(await el.rangeText(), /^Showing 1–25 of /);
    }
    assert.deepEqual(h.errors, []);
  });

  test('a lang change on the element or an ancestor takes effect live, keeping the page (no new request)', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const host = await addInside(f.page, 'live', { lang: 'de' }, { 'chat-id': String(LARGE_CHAT), 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    await host.getByRole('region', { name: 'Chat-Aktivität' }).waitFor();
    await host.getByRole('button', { name: 'Nächste Seite' }).click();
    await h.waitForEvent('chat-activity-loaded', 2);
    await f.portal.clearRequests();
    // The ancestor changes.
    await f.page.evaluate(() => document.getElementById('live-wrapper').setAttribute('lang', 'fr'));
    await host.getByRole('region', { name: 'Activité de la discussion', exact: true }).waitFor();
    // The element's own lang wins over its ancestors'.
    await f.page.evaluate(() => document.getElementById('live').setAttribute('lang', 'es'));
    await host.getByRole('button', { name: 'Página siguiente', exact: true }).waitFor();
    assert.equal((await host.locator('.ca-range').textContent()).trim(), `Mostrando 26–50 de ${await formatted(f.page, 'es', 10000)}`);
    await f.page.evaluate(() => document.getElementById('live').removeAttribute('lang'));
    await host.getByRole('button', { name: 'Page suivante', exact: true }).waitFor();
    // dir follows too.
    await f.page.evaluate(() => document.getElementById('live-wrapper').setAttribute('dir', 'rtl'));
    await f.page.waitForFunction(() => document.getElementById('live').shadowRoot.querySelector('section').getAttribute('dir') === 'rtl');
    assert.deepEqual(await f.portal.requests(), [], 'no page was fetched again');
  });

  test('Russian plurals of "Show {n} new events" for 1, 2, 5 and 21 (Intl.PluralRules)', async () => {
    await f.portal.putChat(74, { events: [event(1, 'first', 'join')] });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('russian', { 'chat-id': '74', 'api-base': f.portal.api, lang: 'ru', 'refresh-interval': '1' });
    await h.waitForEvent('chat-activity-loaded');
    let id = 100;
    const arrive = (n) => f.portal.prependEvents(74, Array.from({ length: n }, () => event(id++, `new${id}`, 'join', { at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') })));
    for (const [added, text] of [
      [1, 'Показать 1 новое событие'],
      [1, 'Показать 2 новых события'],
      [3, 'Показать 5 новых событий'],
      [16, 'Показать 21 новое событие'],
    ]) {
      await arrive(added);
      await el.host.getByRole('button', { name: text, exact: true }).waitFor();
    }
  });

  test('an English total of 10,000 reads "10,000"', async () => {
    await f.activity.open(`?chat_id=${LARGE_CHAT}`);
    await f.activity.settled();
    assert.equal(await f.activity.rangeText(), 'Showing 1–25 of 10,000');
  });

  test('a host replaces texts through the messages property; an unusable entry warns once and keeps the bundled text', async () => {
    const warnings = [];
    f.page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await f.page.evaluate((api) => {
      const element = document.createElement('chat-activity');
      element.id = 'replaced';
      element.setAttribute('chat-id', '5');
      element.setAttribute('api-base', api);
      element.messages = {
        'next-page': 'Onward',
        'showing-range': '{first}-{last} / {total}',
        'previous-page': 'Back to {nowhere}',
        'no-such-message': 'x',
        retry: 42,
      };
      document.querySelector('main').append(element);
    }, f.portal.api);
    const el = h.element('replaced');
    await h.waitForEvent('chat-activity-loaded');
    await el.host.getByRole('button', { name: 'Onward', exact: true }).waitFor();
    assert.equal(await el.rangeText(), '1-25 / 10,000');
    assert.equal(await el.host.getByRole('button', { name: 'Previous page', exact: true }).count(), 1, 'bundled text kept');
    const ours = warnings.filter((w) => w.includes('messages['));
    assert.equal(ours.length, 3, ours.join('\n'));
    assert.ok(ours.some((w) => w.includes('"previous-page"') && w.includes('{nowhere}')));
    assert.ok(ours.some((w) => w.includes('"no-such-message"')));
    assert.ok(ours.some((w) => w.includes('"retry"')));
    // A new object replaces the texts in place, and nothing is logged twice.
    await f.page.evaluate(() => {
      document.getElementById('replaced').messages = { 'next-page': 'Further' };
    });
    await el.host.getByRole('button', { name: 'Further', exact: true }).waitFor();
    assert.equal(await el.rangeText(), 'Showing 1–25 of 10,000');
    assert.equal(warnings.filter((w) => w.includes('messages[')).length, 3);
  });

  test('messages set before the element is defined are used (the property is upgraded)', async () => {
    // At DOMContentLoaded the module has run but its wasm is still loading.
    await f.page.addInitScript((api) => {
      addEventListener('DOMContentLoaded', () => {
        window.__definedEarly = customElements.get('chat-activity') !== undefined;
        const element = document.createElement('chat-activity');
        element.id = 'early';
        element.setAttribute('chat-id', '1');
        element.setAttribute('api-base', api);
        element.messages = { 'next-page': 'Early onward' };
        document.querySelector('main').append(element);
      });
    }, f.portal.api);
    await f.page.goto(`${f.portal.pages}/examples/bare-host/`);
    await f.page.locator('chat-activity#early').getByRole('button', { name: 'Early onward', exact: true }).waitFor();
    assert.equal(await f.page.evaluate(() => window.__definedEarly), false, 'set before the definition');
  });

  test('the standalone page speaks the browser’s preferred bundled language, else English', async () => {
    await f.signInAs('maria', { locale: 'de-DE' });
    await f.activity.open('?chat_id=1');
    await f.page.getByRole('region', { name: 'Chat-Aktivität' }).waitFor();
    assert.equal(await f.page.evaluate(() => document.documentElement.lang), 'de');
    assert.equal(await f.page.title(), 'Chat-Aktivität');
    await f.signInAs('maria', { locale: 'hi-IN' });
    await f.activity.open('?chat_id=1');
    await f.activity.settled();
    assert.equal(await f.page.evaluate(() => document.documentElement.lang), 'en');
  });

  for (const [locale, name] of [
    ['de-DE', 'Chat-Aktivität'],
    ['ar', 'نشاط الدردشة'],
  ]) {
    test(`axe: zero violations in ${locale}, loaded, filtered and in error`, async () => {
      await f.signInAs('maria', { locale });
      await f.activity.open('?chat_id=1');
      const region = f.page.getByRole('region', { name });
      await region.locator('li').first().waitFor();
      assert.deepEqual(await axeViolations(f.page), [], 'loaded');
      await region.locator('select').first().selectOption('ban');
      await f.page.waitForFunction(() => !document.querySelector('progress'));
      assert.deepEqual(await axeViolations(f.page), [], 'filtered');
      await f.portal.setFaults([{ chat_id: 1, status: 500 }]);
      await f.activity.open('?chat_id=1');
      await f.page.getByRole('alert').waitFor();
      assert.deepEqual(await axeViolations(f.page), [], 'error');
    });
  }
});
