// Faults, one test each: latency (fixed and random), server errors with and
// without Retry-After, a busy service's Retry-After, bodies that are not the
// documented JSON, a hung connection. The old page stays visible while a
// retry runs; nothing panics.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';
import { casesTried } from '../support/cases.mjs';
import { shownName } from '../support/mock-portal.mjs';

describe('faults', () => {
  const f = useActivityPage();

  /** Opens chat 1, 10 a page, and returns its first page as the API has it. */
  const openFirstPage = async () => {
    await f.activity.open('?chat_id=1&limit=10');
    return f.activity.expectApiPage(1, 0, 10);
  };
  const assertShows = async (page, why) => {
    const shown = await f.activity.region.locator('li .ca-username').allTextContents();
    assert.deepEqual(shown, page.events.map((e) => shownName(e.user)), why);
  };

  test('fixed latency: busy meanwhile, the old page kept, then the new page', async () => {
    const first = await openFirstPage();
    await f.portal.setFaults([{ chat_id: 1, offset: 10, delay_ms: 1200 }]);
    await f.activity.next.click();
    await f.page.waitForSelector('section[aria-label="Chat activity"][aria-busy="true"]');
    await assertShows(first, 'the old page stays visible');
    await f.activity.expectApiPage(1, 10, 10);
    await f.activity.settled();
    f.activity.assertNoPageErrors();
    casesTried(1, 'a 1.2 s answer');
  });

  test('random latency on every answer: each page shown is the page asked for', async () => {
    await openFirstPage();
    await f.portal.setFaults([{ chat_id: 1, jitter_ms: 600 }]);
    for (let page = 1; page <= 8; page++) {
      await f.activity.next.click();
      await f.activity.expectApiPage(1, page * 10, 10);
      await f.activity.settled();
    }
    f.activity.assertNoPageErrors();
    casesTried(8, 'pages answered after 0–600 ms');
  });

  // Not busy in the sense of the contract (429 or 503 with Retry-After):
  // an alert and Retry, and no request of its own.
  for (const [status, retryAfter] of [[500], [502], [503], [429], [500, 1], [502, 1]]) {
    const name = `${status} ${retryAfter ? 'with' : 'without'} Retry-After`;
    test(`${name}: an alert and Retry, the old page kept, no automatic retry`, async () => {
      const first = await openFirstPage();
      await f.portal.setFaults([{ chat_id: 1, offset: 10, status, retry_after: retryAfter, times: 1 }]);
      await f.activity.next.click();
      await f.activity.alert.waitFor();
      assert.match(await f.activity.alert.textContent(), new RegExp(`\\(HTTP ${status}\\)`));
      await assertShows(first, 'the old page stays visible');
      await f.page.waitForTimeout(1_500);
      assert.equal(await f.activity.region.getByText(/Retrying in/).count(), 0, 'no countdown');
      assert.deepEqual((await f.portal.requests()).map((r) => r.offset), [0, 10], 'not asked again by itself');
      await f.activity.retry.click();
      await f.activity.expectApiPage(1, 10, 10);
      assert.equal(await f.activity.alert.count(), 0);
      f.activity.assertNoPageErrors();
      casesTried(1, name);
    });
  }

  test('Next after a failed Next asks for the page that failed again, never the one after it; so does Previous count from the page shown', async () => {
    const first = await openFirstPage();
    await f.portal.setFaults([{ chat_id: 1, offset: 10, status: 500, times: 2 }]);
    await f.activity.next.click();
    await f.activity.alert.waitFor();
    await assertShows(first, 'the old page stays visible');
    assert.equal(await f.activity.previous.isDisabled(), true, 'the first page is on screen');
    await f.activity.next.click();
    while ((await f.portal.requests()).length < 3) await f.page.waitForTimeout(50);
    await f.page.waitForFunction(() => document.querySelector('.ca-root')?.getAttribute('aria-busy') !== 'true');
    await f.activity.alert.waitFor();
    await f.activity.next.click();
    await f.activity.expectApiPage(1, 10, 10);
    assert.deepEqual((await f.portal.requests()).map((r) => r.offset), [0, 10, 10, 10]);
  });

  for (const status of [429, 503]) {
    test(`${status} with Retry-After: a visible countdown, one automatic retry, the old page kept`, async () => {
      await f.page.clock.install();
      const first = await openFirstPage();
      await f.portal.setFaults([{ chat_id: 1, offset: 10, status, retry_after: 3, times: 1 }]);
      await f.activity.next.click();
      await f.activity.alert.getByText(`The activity service is busy (HTTP ${status}).`).waitFor();
      await f.activity.region.getByText('Retrying in 3 s…').waitFor();
      await assertShows(first, 'the old page stays visible');
      await f.page.clock.runFor(1_000);
      await f.activity.region.getByText('Retrying in 2 s…').waitFor();
      await f.page.clock.runFor(2_500);
      await f.activity.expectApiPage(1, 10, 10);
      const offsets = (await f.portal.requests()).map((r) => r.offset);
      assert.deepEqual(offsets, [0, 10, 10], 'asked again once');
      casesTried(1, `${status} with Retry-After: 3`);
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
    casesTried(1, '503 with Retry-After twice');
  });

  for (const body of ['not_json', 'wrong_shape', 'truncated']) {
    test(`a body that is not the documented JSON (${body}): an alert and Retry, the old page kept`, async () => {
      const first = await openFirstPage();
      await f.portal.setFaults([{ chat_id: 1, offset: 10, body, times: 1 }]);
      await f.activity.next.click();
      await f.activity.alert.waitFor();
      assert.match(await f.activity.alert.textContent(), /can't read/);
      await assertShows(first, 'the old page stays visible');
      await f.activity.retry.click();
      await f.activity.expectApiPage(1, 10, 10);
      f.activity.assertNoPageErrors();
      casesTried(1, `body ${body}`);
    });
  }

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
    casesTried(1, 'a hung connection');
  });
});
