// The raid tools' read, measured (run by scripts/bench.sh after run.mjs):
// on the 10,000-event chat with the mock answering each request in 100 ms
// (a portal's usual latency), the time from choosing a filter to the first
// matching row and to the end of the read, next to the same reader when the
// portal answers one request at a time (the mock queues them: what a
// one-page-at-a-time read costs).
import { launchChromium, signedInContext } from '../e2e/support/browser.mjs';
import { startMockPortal } from '../e2e/support/mock-portal.mjs';

const CHAT = 5;
const LATENCY = 100;
const RUNS = Number(process.env.RAID_RUNS ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const portal = await startMockPortal({ extraArgs: ['--latency-ms', '0'] });
const browser = await launchChromium();

/** One read: ms from the filter's change to its first matching row, and to the read's end. */
async function measure(oneAtATime) {
  await portal.reset();
  const context = await signedInContext(browser, portal, 'maria');
  const page = await context.newPage();
  await page.goto(`${portal.pages}/?chat_id=${CHAT}`);
  await page.waitForFunction(() => document.querySelector('li.ca-event') && !document.querySelector('[aria-busy="true"]'));
  await portal.control('PUT', '/latency', { ms: LATENCY, one_at_a_time: oneAtATime });
  const times = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const select = document.querySelector('select.ca-select');
        const region = document.querySelector('section.ca-root');
        let first = null;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const rows = region.querySelectorAll('li.ca-event[data-action="kick"]');
          if (first === null && rows.length > 0) first = performance.now() - start;
          if (first !== null && !region.querySelector('progress')) {
            observer.disconnect();
            resolve({ first, end: performance.now() - start });
          }
        });
        observer.observe(region, { childList: true, subtree: true, attributes: true });
        select.value = 'kick';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
  );
  await context.close();
  return times;
}

const results = { parallel: { first: [], end: [] }, serial: { first: [], end: [] } };
for (let run = 0; run < RUNS; run++) {
  for (const [kind, serial] of [['parallel', false], ['serial', true]]) {
    const { first, end } = await measure(serial);
    results[kind].first.push(first);
    results[kind].end.push(end);
  }
}
await browser.close();
await portal.stop();

const p = results.parallel;
const s = results.serial;
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(`\n| raid read, chat ${CHAT} (10,000 events), ${LATENCY} ms per answer, median of ${RUNS} | four at a time | one at a time | target |`);
console.log('|---|---|---|---|');
console.log(`| filter chosen → first matching row | ${ms(median(p.first))} | ${ms(median(s.first))} | ≤ 1.5 × ${LATENCY} ms + rendering: ${median(p.first) <= 1.5 * LATENCY + 50 ? 'met' : 'not met'} |`);
console.log(`| filter chosen → read complete | ${ms(median(p.end))} | ${ms(median(s.end))} | ≥ 3× faster: ${(median(s.end) / median(p.end)).toFixed(1)}× ${median(s.end) >= 3 * median(p.end) ? 'met' : 'not met'} |`);
console.log(`\n(rendering allowance 50 ms; ${new Date().toISOString()})`);
