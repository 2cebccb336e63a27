// The catalogs besides English are not in the wasm: each loads from
// `i18n/` beside the script the first time a component needs it, once per
// page. Nobody sees English flash by while it comes, a missing one leaves
// English and says why, and a live change keeps the texts until it lands.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';

const CHAT = 71;

/** Records the catalog requests the page makes, and the cookies any carried. */
function catalogRequests(page) {
  const seen = { paths: [], cookies: [] };
  page.on('request', async (request) => {
    if (!request.url().includes('/i18n/')) return;
    seen.paths.push(new URL(request.url()).pathname);
    const cookie = await request.headerValue('cookie');
    if (cookie) seen.cookies.push(cookie);
  });
  return seen;
}

/** Holds `i18n/{file}` for `ms` before answering it (as the server would, or with `status`). */
async function holdCatalog(page, file, ms, status = null) {
  await page.route(`**/i18n/${file}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (status) await route.fulfill({ status, body: 'Not Found' });
    else await route.continue();
  });
}

/** Starts noting, every frame, the heading an element shows (none while hidden). */
const noteHeadings = (page, id) =>
  page.evaluate((id) => {
    window.__headings = [];
    const note = () => {
      const root = document.getElementById(id)?.shadowRoot?.querySelector('.ca-root');
      const shown = root && !root.hidden && root.checkVisibility() ? root.querySelector('.ca-title')?.textContent : null;
      if (window.__headings.at(-1) !== shown) window.__headings.push(shown);
      requestAnimationFrame(note);
    };
    note();
  }, id);

/** A host page with one element in `lang` added while its catalog is held `holdMs`, the headings it shows noted every frame. */
async function addWhileHeld(f, { id, lang, holdMs }) {
  await f.portal.putChat(CHAT, { events: [event(1, 'alice', 'join')] });
  await holdCatalog(f.page, `${lang}.json`, holdMs);
  const h = new HostPage(f.page, f.portal);
  await h.open();
  await noteHeadings(f.page, id);
  const el = await h.add(id, { 'chat-id': String(CHAT), 'api-base': f.portal.api, lang });
  return { h, el };
}

describe('catalogs loaded on demand', () => {
  const f = useActivityPage();

  test('an English page loads no catalog; German elements load de.json once between them, without credentials', async () => {
    await f.portal.putChat(CHAT, { events: [event(1, 'alice', 'join')] });
    // A cookie of the page's own site: credentials go to the API base only.
    await f.context.addCookies([{ name: 'page_session', value: 'secret', url: f.portal.pages }]);
    const seen = catalogRequests(f.page);
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const english = await h.add('english', { 'chat-id': String(CHAT), 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    await english.region.waitFor();
    assert.deepEqual(seen.paths, [], 'an English viewer downloads no catalog');

    for (const id of ['de1', 'de2', 'de3']) {
      await h.add(id, { 'chat-id': String(CHAT), 'api-base': f.portal.api, lang: id === 'de3' ? 'de-AT' : 'de' });
    }
    await h.waitForEvent('chat-activity-loaded', 4);
    for (const id of ['de1', 'de2', 'de3']) {
      await h.element(id).host.getByRole('region', { name: 'Chat-Aktivität', exact: true }).waitFor();
    }
    assert.deepEqual(seen.paths, ['/i18n/de.json'], 'one request for the three German elements');
    assert.deepEqual(seen.cookies, [], 'the catalog is fetched without credentials');
    assert.deepEqual(h.errors, []);
  });

  test('while its catalog is on its way an element shows nothing, then German: no English flashes by', async () => {
    const { h, el } = await addWhileHeld(f, { id: 'german', lang: 'de', holdMs: 2000 });
    await h.waitForEvent('chat-activity-loaded');
    // The page has come; the catalog has not: nothing is in the accessibility tree yet.
    assert.equal(await el.host.getByRole('region').count(), 0);
    assert.equal(await el.host.getByRole('listitem').count(), 0);
    await el.host.getByRole('region', { name: 'Chat-Aktivität', exact: true }).waitFor();
    assert.match((await el.host.locator('li .ca-event-text').first().textContent()).trim(), /^alice ist beigetreten$/);
    const headings = await f.page.evaluate(() => window.__headings);
    assert.deepEqual(headings.filter(Boolean), ['Chat-Aktivität'], `headings shown: ${JSON.stringify(headings)}`);
  });

  test('a catalog that cannot be loaded: English, lang="en", one warning that says where it looked', async () => {
    await f.portal.putChat(CHAT, { events: [event(1, 'alice', 'join')] });
    await holdCatalog(f.page, 'ar.json', 0, 404);
    const warnings = [];
    f.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const one = await h.add('one', { 'chat-id': String(CHAT), 'api-base': f.portal.api, lang: 'ar' });
    const two = await h.add('two', { 'chat-id': String(CHAT), 'api-base': f.portal.api, lang: 'ar' });
    await h.waitForEvent('chat-activity-loaded', 2);
    for (const el of [one, two]) {
      await el.region.waitFor();
      const root = el.host.locator('.ca-root');
      assert.equal(await root.getAttribute('lang'), 'en');
      // English reads left to right where no dir says otherwise.
      assert.equal(await root.getAttribute('dir'), 'ltr');
      assert.match((await el.host.locator('li .ca-event-text').first().textContent()).trim(), /^alice joined$/);
    }
    const about = warnings.filter((warning) => warning.includes('i18n/ar.json'));
    assert.equal(about.length, 1, warnings.join('\n'));
    assert.match(about[0], /HTTP 404/);
    assert.match(about[0], /English is shown/);
    assert.deepEqual(h.errors, []);
  });

  test('a catalog that does not come within 3 s: English until it does, then its language', async () => {
    const { el } = await addWhileHeld(f, { id: 'japanese', lang: 'ja', holdMs: 4500 });
    await el.region.waitFor({ timeout: 5000 });
    await el.host.getByRole('region', { name: 'チャットのアクティビティ', exact: true }).waitFor({ timeout: 5000 });
    const headings = await f.page.evaluate(() => window.__headings);
    assert.deepEqual(headings.filter(Boolean), ['Chat activity', 'チャットのアクティビティ'], JSON.stringify(headings));
  });

  test('a live change to a language not loaded yet keeps the texts shown until its catalog arrives', async () => {
    await f.portal.putChat(CHAT, { events: [event(1, 'alice', 'join')] });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('live', { 'chat-id': String(CHAT), 'api-base': f.portal.api, lang: 'de' });
    await el.host.getByRole('region', { name: 'Chat-Aktivität', exact: true }).waitFor();
    await holdCatalog(f.page, 'fr.json', 1000);
    const requests = (await f.portal.requests()).length;
    await el.setAttribute('lang', 'fr');
    await f.page.waitForTimeout(300);
    assert.equal(await el.host.getByRole('region', { name: 'Chat-Aktivität', exact: true }).count(), 1, 'German until French comes');
    await el.host.getByRole('region', { name: 'Activité de la discussion', exact: true }).waitFor();
    assert.equal(await el.host.locator('.ca-root').getAttribute('lang'), 'fr');
    assert.equal((await f.portal.requests()).length, requests, 'no new request to the API');
  });
});
