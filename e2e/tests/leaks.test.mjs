// Leaks: JS heap and wasm linear memory (after forced GC) have no upward
// trend over 1,000 page switches, 1,000 chat changes and 1,300 mounts (after
// 400 to warm up); an unmounted element leaves no timer and no listener behind.
//
// The memory runs use a browser without V8's optimizing tiers: compiled
// code for the hot loop would otherwise count as "growth".
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';
import { casesTried } from '../support/cases.mjs';
import { launchChromium, signedInContext } from '../support/browser.mjs';
import { HostPage } from '../pages/host-page.mjs';
import { ActivityPage } from '../pages/activity-page.mjs';
import { shownName } from '../support/mock-portal.mjs';

const WASM_PAGE = 65536;

/** Samples memory after forced GC; `assertNoTrend` fails on growth past the first sample. */
class MemoryProbe {
  constructor(page, client) {
    this.page = page;
    this.client = client;
    this.samples = [];
  }

  async sample(label) {
    // The host page's event log (HostPage) is the test's, not the component's.
    await this.page.evaluate(() => window.__events?.splice(0));
    await this.page.waitForTimeout(300);
    for (let i = 0; i < 3; i++) await this.client.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.client.send('Runtime.getHeapUsage');
    const wasm = await this.page.evaluate(() => window.__wasm.memory.buffer.byteLength);
    this.samples.push({ label, js: usedSize, wasm });
  }

  /**
   * Takes `step(n)` `warmUp` times, samples, then 900 more times in three
   * runs, sampling after each (1,000 steps in all with the default warm-up).
   */
  async sampleSteps(step, warmUp = 100) {
    let done = 0;
    for (const n of [warmUp, 300, 300, 300]) {
      await step(n);
      done += n;
      await this.sample(`after ${done}`);
    }
    this.steps = done;
  }

  /**
   * No upward trend from the first sample (after the warm-up) on: over the 900 steps after it
   * the JS heap grows by at most 32 KiB (under 40 bytes a step; measured:
   * a few KiB of noise either way), and wasm memory (which only grows, by
   * 64 KiB pages) by at most one page.
   */
  assertNoTrend(what) {
    const table = this.samples.map((s) => `${s.label}: js ${(s.js / 1024).toFixed(0)} KiB, wasm ${s.wasm / 1024} KiB`);
    console.log(`${what}\n  ${table.join('\n  ')}`);
    const [first] = this.samples;
    const last = this.samples.at(-1);
    assert.ok(last.js - first.js <= 32 * 1024, `${what}: JS heap grew from ${first.js} to ${last.js}`);
    assert.ok(last.wasm - first.wasm <= WASM_PAGE, `${what}: wasm memory grew from ${first.wasm} to ${last.wasm}`);
    casesTried(this.steps, what);
  }
}

describe('leaks', () => {
  // Answers at once: what is measured is memory, over thousands of steps.
  const f = useActivityPage({ mockArgs: ['--latency-ms', '0'] });
  let browser;
  let context;
  let page;
  let probe;

  before(async () => {
    browser = await launchChromium(['--js-flags=--no-opt --no-sparkplug --no-maglev']);
  });
  after(async () => {
    await browser?.close();
  });
  const open = async () => {
    await context?.close();
    context = await signedInContext(browser, f.portal, 'maria');
    page = await context.newPage();
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => {
        window.__wasm = event.detail.wasm;
      });
    });
    probe = new MemoryProbe(page, await context.newCDPSession(page));
    return page;
  };

  test('1,000 page switches: no upward trend in JS heap or wasm memory', async () => {
    const activity = new ActivityPage(await open(), f.portal);
    await activity.open('?chat_id=5&limit=25');
    await activity.settled();
    // In the page: click Next / Previous page, wait for the other page's rows.
    const switches = (n) =>
      page.evaluate(async (n) => {
        const region = document.querySelector('[aria-label="Chat activity"]');
        const button = (name) => [...region.querySelectorAll('.ca-pager button')].find((b) => b.textContent.trim() === name);
        for (let i = 0; i < n; i++) {
          const before = region.querySelector('.ca-range').textContent;
          button(i % 2 === 0 ? 'Next page' : 'Previous page').click();
          while (region.getAttribute('aria-busy') !== null || region.querySelector('.ca-range').textContent === before) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
        }
      }, n);
    await probe.sampleSteps(switches);
    probe.assertNoTrend('page switches (limit 25)');
    await activity.expectApiPage(5, 0, 25);
  });

  test('1,000 chat changes (element attribute): no upward trend in JS heap or wasm memory', async () => {
    const h = new HostPage(await open(), f.portal);
    await h.open();
    await h.add('changing', { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '25' });
    await h.waitForEvent('chat-activity-loaded');
    // In the page: set chat-id to the next of 2, 5, 1; wait for that chat's page.
    const changes = (n) =>
      page.evaluate(async (n) => {
        const element = document.getElementById('changing');
        const chats = [2, 5, 1];
        for (let i = 0; i < n; i++) {
          window.__changes = (window.__changes ?? 0) + 1;
          const chat = chats[(window.__changes - 1) % chats.length];
          await new Promise((resolve) => {
            const loaded = (event) => {
              if (event.detail.chatId === chat) {
                document.removeEventListener('chat-activity-loaded', loaded);
                resolve();
              }
            };
            document.addEventListener('chat-activity-loaded', loaded);
            element.setAttribute('chat-id', String(chat));
          });
        }
      }, n);
    await probe.sampleSteps(changes);
    probe.assertNoTrend('chat changes (limit 25)');
    // The 1,000th change was to chat 2.
    const expected = await f.portal.apiPage(2, 0, 25);
    assert.deepEqual(await h.element('changing').usernames(), expected.events.map((e) => shownName(e.user)));
    assert.deepEqual(h.errors, []);
  });

  test('an unmounted element leaves no timer and no listener behind', async () => {
    await f.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: f.portal.pages });
    // Counts the live timers and the listeners on window and document.
    await f.page.addInitScript(() => {
      const live = { timers: new Map(), listeners: new Map(), serial: 0 };
      window.__live = live;
      const { setTimeout, clearTimeout, setInterval, clearInterval } = window;
      window.setTimeout = function (callback, ...rest) {
        const id = setTimeout.call(window, (...args) => {
          live.timers.delete(id);
          if (typeof callback === 'function') callback(...args);
        }, ...rest);
        live.timers.set(id, { serial: ++live.serial, what: `timeout ${rest[0]} ms` });
        return id;
      };
      window.setInterval = function (...args) {
        const id = setInterval.call(window, ...args);
        live.timers.set(id, { serial: ++live.serial, what: `interval ${args[1]} ms` });
        return id;
      };
      window.clearTimeout = (id) => (live.timers.delete(id), clearTimeout.call(window, id));
      window.clearInterval = (id) => (live.timers.delete(id), clearInterval.call(window, id));
      const { addEventListener, removeEventListener } = EventTarget.prototype;
      const key = (target, type, listener, options) =>
        [target === window ? 'window' : 'document', type, listener, Boolean(typeof options === 'boolean' ? options : options?.capture)];
      const find = (k) => [...live.listeners.keys()].find((other) => other.every((part, i) => part === k[i]));
      EventTarget.prototype.addEventListener = function (type, listener, options) {
        if (this === window || this === document) {
          const k = key(this, type, listener, options);
          if (!find(k)) live.listeners.set(k, { serial: ++live.serial, what: `${k[0]} ${type}` });
        }
        return addEventListener.call(this, type, listener, options);
      };
      EventTarget.prototype.removeEventListener = function (type, listener, options) {
        if (this === window || this === document) {
          const k = find(key(this, type, listener, options));
          if (k) live.listeners.delete(k);
        }
        return removeEventListener.call(this, type, listener, options);
      };
    });
    const h = new HostPage(f.page, f.portal);
    await h.open();
    // Everything an element starts: a load, a page switch, a copied invite
    // code (its label resets on a timer), exact times, a busy service's
    // countdown to its automatic retry.
    const mountUseUnmount = async (id) => {
      const el = await h.add(id, { 'chat-id': '1', 'api-base': f.portal.api, 'page-size': '10' });
      await el.items.nth(9).waitFor();
      await el.next.click();
      await el.host.getByRole('navigation').getByText('Showing 11–20').waitFor();
      await el.host.getByRole('button', { name: /^Copy invite code/ }).first().click();
      await el.host.locator('.ca-chip-copy[data-state="copied"]').waitFor();
      await el.host.getByRole('button', { name: 'Exact times' }).click();
      await f.portal.setFaults([{ chat_id: 1, offset: 20, status: 429, retry_after: 30, times: 1 }]);
      await el.next.click();
      await el.host.getByText(/Retrying in \d+ s/).waitFor();
      await f.portal.setFaults([]);
      await f.page.evaluate((id) => document.getElementById(id).remove(), id);
      await f.page.waitForTimeout(200);
    };
    // The first element installs what all elements share (leptos's
    // delegated event handlers on window); what the second one leaves is a leak.
    await mountUseUnmount('first');
    const mark = await f.page.evaluate(() => window.__live.serial);
    await mountUseUnmount('second');
    const left = await f.page.evaluate((mark) => {
      const since = (records) => [...records.values()].filter((r) => r.serial > mark).map((r) => r.what);
      return { timers: since(window.__live.timers), listeners: since(window.__live.listeners) };
    }, mark);
    assert.deepEqual(left, { timers: [], listeners: [] });
    casesTried(1, 'unmount after every kind of timer');
    assert.deepEqual(h.errors, []);
  });

  test('1,300 mounts and unmounts (400 to warm up): no upward trend in JS heap or wasm memory', async () => {
    const h = new HostPage(await open(), f.portal);
    await h.open();
    const cycles = (n) =>
      page.evaluate(
        async ([n, api]) => {
          for (let i = 0; i < n; i++) {
            const element = document.createElement('chat-activity');
            element.setAttribute('chat-id', '1');
            element.setAttribute('api-base', api);
            document.body.append(element);
            await new Promise((resolve) => setTimeout(resolve, 0));
            element.remove();
          }
        },
        [n, f.portal.api],
      );
    // Each mount is cut short by its removal: the allocator takes longer to
    // reach its working set (wasm memory reaches it within 400 mounts and
    // then stays flat through 4,000).
    await probe.sampleSteps(cycles, 400);
    probe.assertNoTrend('mounts');
    assert.equal(await page.evaluate(() => document.querySelectorAll('chat-activity').length), 0);
    assert.deepEqual(h.errors, []);
  });
});
