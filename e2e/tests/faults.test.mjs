// Faults: a hung connection times out, a busy service is asked again after
// its Retry-After, and the old page stays visible meanwhile.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';

describe('faults', () => {
  const f = useActivityPage();

  test('a hung request times out after 15 s with a clear message and Retry', async () => {
    await f.page.clock.install();
    await f.portal.setFaults([{ chat_id: 1, hang: true, times: 1 }]);
    await f.activity.open('?chat_id=1');
    await f.page.waitForSelector('[aria-busy="true"]');
    await f.page.clock.runFor(14_000);
    assert.equal(await f.activity.alert.count(), 0, 'still waiting at 14 s');
    await f.page.clock.runFor(1_500);
    await f.activity.alert.getByText("The activity service didn't answer in time.").waitFor();
    await f.activity.retry.click();
    await f.activity.expectApiPage(1, 0, 25);
    f.activity.assertNoPageErrors();
  });

  for (const status of [429, 503]) {
    test(`${status} with Retry-After: a visible countdown, one automatic retry, the old page kept`, async () => {
      await f.page.clock.install();
      await f.activity.open('?chat_id=1&limit=10');
      const first = await f.activity.expectApiPage(1, 0, 10);
      await f.portal.setFaults([{ chat_id: 1, offset: 10, status, retry_after: 3, times: 1 }]);
      await f.activity.next.click();
      await f.activity.alert.getByText(`The activity service is busy (HTTP ${status}).`).waitFor();
      await f.activity.region.getByText('Retrying in 3 s…').waitFor();
      const shown = await f.activity.region.locator('li .ca-username').allTextContents();
      assert.deepEqual(shown, first.events.map((e) => e.user.username), 'the old page stays visible');
      await f.page.clock.runFor(1_000);
      await f.activity.region.getByText('Retrying in 2 s…').waitFor();
      await f.page.clock.runFor(2_500);
      await f.activity.expectApiPage(1, 10, 10);
      const offsets = (await f.portal.requests()).map((r) => r.offset);
      assert.deepEqual(offsets, [0, 10, 10], 'asked again once');
    });
  }

  test('a second busy answer is not retried by itself', async () => {
    // Real time here: the retry is one second away.
    await f.portal.setFaults([{ chat_id: 1, status: 503, retry_after: 1, times: 2 }]);
    await f.activity.open('?chat_id=1');
    await f.activity.alert.waitFor();
    await f.page.waitForTimeout(3_500);
    const seen = await f.portal.requests();
    assert.equal(seen.length, 2, JSON.stringify(seen.map((r) => [r.at_ms, r.query])));
    await f.activity.retry.click();
    await f.activity.expectApiPage(1, 0, 25);
  });
});
