// Races: whatever the order answers come in, the page shown is the last one
// asked for, and its rows are exactly the mock's events for that page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';
import { casesTried } from '../support/cases.mjs';
import { HostPage } from '../pages/host-page.mjs';
import { shownName } from '../support/mock-portal.mjs';

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
    casesTried(20, 'page clicks racing their answers');
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
    casesTried(1, 'page size changed during a load');
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
    assert.deepEqual(await el.usernames(), expected.events.map((e) => shownName(e.user)));
    const loaded = await h.events('chat-activity-loaded');
    assert.deepEqual(loaded.map((e) => e.detail.chatId), [5], 'chat 1 never shown');
    casesTried(1, 'chat changed during a load');
  });
});
