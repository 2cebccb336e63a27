// Injection corpus: hostile usernames, invite codes and avatar URLs are
// rendered literally; no script runs; nothing breaks out of the component.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { event, shownName } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';
import { casesTried } from '../support/cases.mjs';
import { HostPage } from '../pages/host-page.mjs';

const PROBES = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"></svg>',
  '"><iframe srcdoc="<script>parent.__pwned = 4</script>">',
  "'; window.__pwned = 5; '",
  '<style>* { display: none !important }</style>',
  '</li></ol><h1>forged heading</h1>',
  'javascript:window.__pwned = 6',
  '{{constructor.constructor("window.__pwned = 7")()}}',
  '\u202Egnp.exe',
  'z\u200D\u200Dw\u200Bj',
  'e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
  '\uFFFF\uFFFE noncharacters \u0000 nul',
  'x'.repeat(10_000),
  'w'.repeat(2_000) + ' ' + 'm'.repeat(2_000),
  '=cmd|" /C calc"!A0',
  '',
];

const AVATARS = [
  'javascript:window.__pwned = 8',
  'JaVaScRiPt:window.__pwned = 9',
  'data:text/html,<script>parent.__pwned = 10</script>',
  'data:image/svg+xml,<svg onload="window.__pwned = 11"/>',
  'vbscript:msgbox(1)',
  ' javascript:window.__pwned = 12',
  'http://x" onerror="window.__pwned = 13',
  null,
];

function corpus() {
  return PROBES.map((probe, i) =>
    event(100 + i, probe, i % 2 ? 'join' : 'ban', {
      method: i % 2 ? 'invite' : null,
      code: i % 2 ? probe : null,
      avatar: AVATARS[i % AVATARS.length],
    }),
  );
}

describe('injection corpus', () => {
  const f = useActivityPage();

  async function assertHarmless(root, count) {
    const dialogs = [];
    f.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    await f.page.waitForTimeout(500);
    assert.equal(await f.page.evaluate(() => window.__pwned), undefined, 'no probe ran');
    assert.deepEqual(dialogs, []);
    const result = await root.evaluate((node, count) => {
      const scope = node.shadowRoot ?? node;
      const names = [...scope.querySelectorAll('.ca-username')].map((n) => n.textContent);
      const region = scope.querySelector('[aria-label="Chat activity"]');
      const images = [...scope.querySelectorAll('li img')].map((img) => img.getAttribute('src'));
      return {
        names,
        injected: scope.querySelectorAll('li script, li iframe, li svg, li style, li h1').length,
        items: scope.querySelectorAll('li').length,
        fits: region.scrollWidth <= region.clientWidth + 1,
        images,
        count,
      };
    }, count);
    assert.equal(result.items, count);
    assert.equal(result.injected, 0, 'no element came from the data');
    assert.ok(result.fits, 'nothing wider than the component');
    assert.ok(result.images.every((src) => /^https?:/i.test(src)), `only http(s) avatars: ${result.images}`);
    return result.names;
  }

  test('the standalone page renders every probe literally', async () => {
    const events = corpus();
    await f.portal.putChat(70, { events });
    await f.activity.open('?chat_id=70&limit=100');
    await f.activity.settled();
    const names = await assertHarmless(f.page.locator('#chat-activity'), events.length);
    const expected = events.map((e) => shownName(e.user));
    assert.deepEqual(names, expected);
    casesTried(events.length, 'probes, standalone page');
  });

  test('a lone UTF-16 half escaped in the JSON costs that character, not the page', async () => {
    const events = corpus().slice(0, 5);
    await f.portal.putChat(72, { events });
    await f.portal.setFaults([{ chat_id: 72, body: 'lone_surrogates' }]);
    await f.activity.open('?chat_id=72&limit=100');
    await f.activity.settled();
    const names = await assertHarmless(f.page.locator('#chat-activity'), events.length);
    assert.deepEqual(
      names,
      events.map((e) => `\uFFFD${e.user.username}`),
      'each name read with U+FFFD in place of the unpaired half',
    );
    casesTried(events.length, 'probes with lone surrogates');
  });

  test('the custom element renders every probe literally', async () => {
    const events = corpus();
    await f.portal.putChat(71, { events });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await h.add('hostile', { 'chat-id': '71', 'api-base': f.portal.api, 'page-size': '100' });
    await h.waitForEvent('chat-activity-loaded');
    await assertHarmless(f.page.locator('chat-activity#hostile'), events.length);
    casesTried(events.length, 'probes, custom element');
  });
});
