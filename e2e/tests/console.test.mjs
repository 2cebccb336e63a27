// A host's error monitoring sees the console: a normal session logs no
// error and no warning, on the standalone page and in the element, with
// the avatar host sending no CORS headers (the mock's default, as most
// image hosts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';

const PUBLIC_CHAT = 1;

/**
 * Records the page's console errors and warnings and its uncaught errors.
 * Left out, and counted: the browser's own report of a seeded avatar that
 * no longer exists (a 404 of `/avatars/deleted/…`, which the row replaces
 * with the initial); the contract asks for no error for a picture that loads.
 */
function recordConsole(page) {
  const logged = { messages: [], missingPictures: 0 };
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const where = message.location()?.url ?? '';
    if (/^Failed to load resource: .* 404/.test(message.text()) && where.includes('/avatars/deleted/')) {
      logged.missingPictures += 1;
      return;
    }
    logged.messages.push(`${message.type()}: ${message.text()} (${where})`);
  });
  page.on('pageerror', (error) => logged.messages.push(`uncaught: ${error}`));
  return logged;
}

const newcomer = () => event(9001, 'newcomer', 'join', { at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });

describe('console', () => {
  const f = useActivityPage();

  test('opening the standalone page logs nothing; the script keeps its subresource integrity', async () => {
    const logged = recordConsole(f.page);
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    await f.page.waitForFunction(() => [...document.querySelectorAll('li img')].every((img) => img.complete));
    assert.deepEqual(logged.messages, []);
    const links = await f.page.locator('link[rel="modulepreload"], link[rel="preload"]').evaluateAll((nodes) =>
      nodes.map((node) => ({ rel: node.rel, href: new URL(node.href).pathname, integrity: node.getAttribute('integrity') })),
    );
    const script = links.find((link) => link.href === '/chat-activity.js');
    assert.match(script?.integrity ?? '', /^sha384-/, 'the browser checks the script module');
    const wasm = links.find((link) => link.href === '/chat-activity_bg.wasm');
    assert.equal(wasm?.integrity, null, 'no integrity where Chromium ignores it (and warns)');
  });

  test('the standalone page: loading, paging, page size, new events, a filter, without a console error or warning', async () => {
    const logged = recordConsole(f.page);
    await f.page.clock.install(); // the default 30 s between head checks, fast-forwarded
    await f.activity.open(`?chat_id=${PUBLIC_CHAT}`);
    await f.activity.settled();
    await f.activity.next.click();
    await f.activity.expectApiPage(PUBLIC_CHAT, 25, 25);
    await f.activity.pageSize.selectOption('50');
    await f.activity.expectApiPage(PUBLIC_CHAT, 0, 50);
    await f.activity.previous.waitFor();
    await f.portal.prependEvents(PUBLIC_CHAT, [newcomer()]);
    await f.page.clock.fastForward('00:31');
    await f.activity.region.getByRole('button', { name: 'Show 1 new event' }).click();
    await f.page.waitForFunction(() => document.querySelector('li .ca-username')?.textContent === 'newcomer');
    await f.activity.region.getByLabel('Filter by action').selectOption('kick');
    await f.page.waitForFunction(() => / of \d+$/.test(document.querySelector('.ca-range')?.textContent ?? '') && !document.querySelector('progress'));
    await f.activity.region.getByLabel('Filter by action').selectOption('');
    await f.activity.settled();
    // Pictures further down load as they come into view.
    await f.page.mouse.wheel(0, 20_000);
    await f.page.waitForFunction(() => [...document.querySelectorAll('li img')].every((img) => img.complete));
    assert.deepEqual(logged.messages, []);
    console.log(`console (standalone page): 0 errors or warnings; ${logged.missingPictures} deleted seeded pictures reported by the browser`);
  });

  test('the element: loading, paging, page size, new events, a filter, without a console error or warning', async () => {
    const logged = recordConsole(f.page);
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('watched', { 'chat-id': String(PUBLIC_CHAT), 'api-base': f.portal.api, 'refresh-interval': '1' });
    await h.waitForEvent('chat-activity-loaded');
    await el.next.click();
    await h.waitForEvent('chat-activity-loaded', 2);
    await el.host.getByRole('combobox', { name: 'Events per page' }).selectOption('50');
    await h.waitForEvent('chat-activity-loaded', 3);
    await f.portal.prependEvents(PUBLIC_CHAT, [newcomer()]);
    await el.host.getByRole('button', { name: 'Show 1 new event' }).click();
    await h.waitForEvent('chat-activity-loaded', 4);
    await el.host.getByLabel('Filter by action').selectOption('ban');
    await f.page.waitForFunction(() => {
      const root = document.getElementById('watched').shadowRoot;
      return / of \d+$/.test(root.querySelector('.ca-range')?.textContent ?? '') && !root.querySelector('progress');
    });
    await f.page.mouse.wheel(0, 20_000);
    await f.page.waitForFunction(() => [...document.getElementById('watched').shadowRoot.querySelectorAll('li img')].every((img) => img.complete));
    assert.deepEqual(logged.messages, []);
    console.log(`console (element): 0 errors or warnings; ${logged.missingPictures} deleted seeded pictures reported by the browser`);
  });
});
