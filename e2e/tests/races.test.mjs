// Races: whatever the order answers come in, the page shown is the last one
// asked for, and its rows are exactly the mock's events for that page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';

describe('races', () => {
  const f = useActivityPage();

  test('clicking through 20 pages with random delays shows page 21, exactly', async () => {
    await f.portal.setFaults([{ chat_id: 1, jitter_ms: 400 }]);
    await f.activity.open('?chat_id=1&limit=10');
    await f.activity.settled();
    for (let i = 0; i < 20; i++) {
      await f.activity.next.click();
      await f.page.waitForTimeout(Math.floor(Math.random() * 60));
    }
    await f.portal.setFaults([]);
    await f.activity.expectApiPage(1, 200, 10);
    await f.activity.settled();
    await f.page.waitForTimeout(600);
    await f.activity.expectApiPage(1, 200, 10);
    assert.equal(f.activity.searchParams().get('page'), '21');
    assert.equal(await f.activity.alert.count(), 0);
  });

  test('a page-size change during a load wins over the load', async () => {
    await f.activity.open('?chat_id=1&limit=10');
    await f.activity.settled();
    await f.portal.setFaults([{ chat_id: 1, offset: 10, delay_ms: 1500 }]);
    await f.activity.next.click();
    await f.activity.pageSize.selectOption('50');
    await f.activity.expectApiPage(1, 0, 50);
    await f.page.waitForTimeout(1800);
    await f.activity.expectApiPage(1, 0, 50);
    assert.equal(await f.activity.pageSize.inputValue(), '50');
  });

  test('a chat change during a load (element attribute) shows the new chat only', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await f.portal.setFaults([{ chat_id: 1, delay_ms: 1500 }]);
    const el = await h.add('switching', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '10' });
    await f.page.waitForFunction(() => document.getElementById('switching').shadowRoot.querySelector('[aria-busy="true"]'));
    await el.setAttribute('chat-id', '5');
    await h.waitForEvent('chat-activity-loaded');
    await f.page.waitForTimeout(1800);
    const expected = await f.portal.apiPage(5, 0, 10);
    assert.deepEqual(await el.usernames(), expected.events.map((e) => e.user.username));
    const loaded = await h.events('chat-activity-loaded');
    assert.deepEqual(loaded.map((e) => e.detail.chatId), [5], 'chat 1 never shown');
  });

  test('1,000 page switches: no upward JS heap trend (wasm memory: see BENCHMARKS.md)', async () => {
    await f.activity.open('?chat_id=5&limit=25');
    await f.activity.settled();
    const client = await f.page.context().newCDPSession(f.page);
    const measure = async () => {
      await client.send('HeapProfiler.collectGarbage');
      const { usedSize } = await client.send('Runtime.getHeapUsage');
      return usedSize;
    };
    const switches = async (n) => {
      for (let i = 0; i < n; i++) {
        const next = i % 2 === 0 ? f.activity.next : f.activity.previous;
        await next.click();
        await f.activity.settled();
      }
    };
    await switches(100);
    const early = await measure();
    await switches(400);
    const middle = await measure();
    await switches(500);
    const late = await measure();
    console.log(`JS heap after 100 / 500 / 1000 page switches: ${early} / ${middle} / ${late}`);
    assert.ok(late <= early * 1.15, `grew from ${early} to ${late}`);
  });
});
