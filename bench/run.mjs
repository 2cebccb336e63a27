// The benchmark: the component next to a hand-written baseline (bench/pages/
// baseline), in headless Chromium against the mock portal on another origin.
// Prints bytes (raw, gzip -9, brotli 11), time to the first row, page-switch
// time and memory growth, with the ratio component ÷ baseline. Runs A B A B.
//   bash scripts/bench.sh   (builds first)
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { startMockPortal } from '../e2e/support/mock-portal.mjs';
import { launchChromium, signedInContext } from '../e2e/support/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHAT = 5; // 10,000 events
const LIMIT = 100;
const LOADS = Number(process.env.LOADS ?? 15);
const SWITCHES = Number(process.env.SWITCHES ?? 40);
const WARM_UP = Number(process.env.WARM_UP ?? 20);
const MEMORY_SWITCHES = Number(process.env.MEMORY_SWITCHES ?? 300);

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(full)));
    else out.push(full);
  }
  return out;
}

async function bytes(paths) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const file of paths) {
    const data = await readFile(file);
    raw += data.length;
    gzip += zlib.gzipSync(data, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gzip, brotli };
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[Math.floor(sorted.length * 0.1)].toFixed(1)}–${sorted[Math.ceil(sorted.length * 0.9) - 1].toFixed(1)}`;
};

// The baseline is served with the component's stylesheets next to it (the
// standalone page has the component's inside the wasm).
const staged = await mkdtemp(path.join(os.tmpdir(), 'chat-activity-bench-'));
const baselineDir = path.join(staged, 'baseline');
await cp(path.join(root, 'bench/pages/baseline'), baselineDir, { recursive: true });
await cp(path.join(root, 'style/chat-activity.css'), path.join(baselineDir, 'chat-activity.css'));
await cp(path.join(root, 'style/page.css'), path.join(baselineDir, 'page.css'));
// Answers at once, as in the runs BENCHMARKS.md records: the figures are the pages' own work.
const portal = await startMockPortal({ extraArgs: ['--examples', staged, '--latency-ms', '0'] });
const browser = await launchChromium();
// Memory is measured without V8's optimizing tiers, whose compiled code for
// the switching loop would otherwise count as growth on both sides.
const memoryBrowser = await launchChromium(['--js-flags=--no-opt --no-sparkplug --no-maglev']);
const url = {
  component: `${portal.pages}/?chat_id=${CHAT}&limit=${LIMIT}`,
  baseline: `${portal.pages}/examples/baseline/?chat_id=${CHAT}&limit=${LIMIT}`,
};

async function openPage(kind, on = browser) {
  const context = await signedInContext(on, portal, 'maria');
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
    // Resolved by the page itself: polling from the harness (waitForFunction
    // injects Playwright's helper script, about 10 ms of main thread) would
    // compete with the page being measured.
    window.__rowsShown = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (window.__firstRow === undefined && document.querySelector('li.ca-event')) window.__firstRow = performance.now();
        if (document.querySelectorAll('li.ca-event').length === 100) {
          observer.disconnect();
          resolve();
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });
  await page.goto(url[kind]);
  await page.evaluate(() => window.__rowsShown);
  return { context, page };
}

function switchPage(page, label) {
  return page.evaluate((label) => new Promise((resolve) => {
    // Rows may be new elements (the baseline) or updated in place (the
    // component): what counts is that the next page's rows are shown. Text
    // changes count too: a page whose rows all keep their shape changes
    // only texts and attributes.
    const text = () => document.querySelector('.ca-range').textContent + document.querySelector('li.ca-event').textContent;
    // After the rows, the page still lays out, paints and animates them
    // (about 20 ms here). Untimed, but waited for: started at once, the
    // other page's switch would share two cores with it.
    const settled = (took) => setTimeout(async () => {
      await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {})));
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(took), 50)));
    });
    const click = () => {
      const before = text();
      const start = performance.now();
      const observer = new MutationObserver(() => {
        const items = document.querySelectorAll('li.ca-event');
        if (items.length === 100 && text() !== before) {
          observer.disconnect();
          settled(performance.now() - start);
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === label).click();
    };
    // A reader clicks at any moment of a frame. Whether the answer comes
    // before or after the next frame moves a switch by a frame's work, so
    // clicks at a fixed moment (as a loop that waits for frames makes
    // them) would measure one case only, a different one from run to run.
    requestAnimationFrame(() => setTimeout(click, Math.random() * 16.7));
  }), label);
}

async function memory(page, client) {
  await page.waitForTimeout(300);
  for (let i = 0; i < 3; i++) await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory.buffer.byteLength ?? 0);
  return { js: usedSize, wasm, total: usedSize + wasm };
}

const results = { component: { first: [], switch: [] }, baseline: { first: [], switch: [] } };
const kinds = ['component', 'baseline'];

for (let i = 0; i < LOADS; i++) {
  for (const kind of kinds) {
    const { context, page } = await openPage(kind);
    results[kind].first.push(await page.evaluate(() => window.__firstRow));
    await context.close();
  }
}

// The floor is only a floor if it renders what the component renders: the
// rows and the pager of the first page, element for element, with the same
// attributes and texts (relative times aside: the two pages' clocks differ).
async function markup(page) {
  // In front, so that its lazy pictures load (and fail) as on screen.
  await page.bringToFront();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const canon = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const attributes = [...node.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('');
      const inner = node.localName === 'time' ? '(relative time)' : [...node.childNodes].map(canon).join('');
      return `<${node.localName}${attributes}>${inner}</${node.localName}>`;
    };
    return ['.ca-days', 'nav.ca-pager'].map((selector) => canon(document.querySelector(selector))).join('\n');
  });
}

const open = {};
for (const kind of kinds) open[kind] = await openPage(kind);
// (Pictures that fail are replaced on both sides when their error comes.)
let rendered;
for (let tries = 0; tries < 10; tries++) {
  rendered = { component: await markup(open.component.page), baseline: await markup(open.baseline.page) };
  if (rendered.component === rendered.baseline) break;
}
if (rendered.component !== rendered.baseline) {
  let at = 0;
  while (rendered.component[at] === rendered.baseline[at]) at++;
  const around = (text) => text.slice(Math.max(0, at - 200), at + 200);
  await Promise.all([browser.close(), memoryBrowser.close()]);
  await portal.stop();
  await rm(staged, { recursive: true });
  throw new Error(`the baseline does not render what the component renders:\ncomponent: …${around(rendered.component)}…\nbaseline:  …${around(rendered.baseline)}…`);
}
console.log(`markup checked: the baseline renders the component's rows and pager (${rendered.component.length} characters)`);
// Untimed first: both pages' code is compiled for speed only once it has
// run for a while (V8's tiers for JavaScript and for wasm).
for (let i = 0; i < WARM_UP + SWITCHES; i++) {
  for (const kind of kinds) {
    const took = await switchPage(open[kind].page, i % 2 === 0 ? 'Next page' : 'Previous page');
    if (i >= WARM_UP) results[kind].switch.push(took);
  }
}
for (const kind of kinds) {
  await open[kind].context.close();
  const { page, context } = await openPage(kind, memoryBrowser);
  const client = await context.newCDPSession(page);
  const start = await memory(page, client);
  let at100 = start;
  for (let i = 1; i <= MEMORY_SWITCHES; i++) {
    await switchPage(page, i % 2 === 1 ? 'Next page' : 'Previous page');
    if (i === 100) at100 = await memory(page, client);
  }
  const end = await memory(page, client);
  results[kind].memory = end.total - start.total;
  results[kind].memoryParts = `JS ${kb(end.js - start.js)}, wasm ${kb(end.wasm - start.wasm)}`;
  results[kind].trend = end.total - at100.total;
  await context.close();
}

const dist = path.join(root, 'dist');
// What an English viewer loads; a viewer in another language loads one
// catalog (i18n/*.json) besides, measured on its own.
const componentFiles = (await files(dist)).filter((file) => /\.(wasm|js|css|html)$/.test(file));
const catalogs = await Promise.all(
  (await files(path.join(dist, 'i18n'))).map(async (file) => ({ name: path.basename(file), size: await bytes([file]) })),
);
const baselineFiles = await files(baselineDir);
const size = { component: await bytes(componentFiles), baseline: await bytes(baselineFiles) };

await browser.close();
await memoryBrowser.close();
await portal.stop();
await rm(staged, { recursive: true });

const ratio = (a, b) => (b === 0 ? '—' : (a / b).toFixed(2));
const rows = [
  ['bytes, raw', kb(size.component.raw), kb(size.baseline.raw), ratio(size.component.raw, size.baseline.raw)],
  ['bytes, gzip -9', kb(size.component.gzip), kb(size.baseline.gzip), ratio(size.component.gzip, size.baseline.gzip)],
  ['bytes, brotli 11', kb(size.component.brotli), kb(size.baseline.brotli), ratio(size.component.brotli, size.baseline.brotli)],
  [`first row, median of ${LOADS} loads (ms)`, `${median(results.component.first).toFixed(1)} (${spread(results.component.first)})`, `${median(results.baseline.first).toFixed(1)} (${spread(results.baseline.first)})`, ratio(median(results.component.first), median(results.baseline.first))],
  [`page switch, 100 rows, median of ${SWITCHES} (ms)`, `${median(results.component.switch).toFixed(1)} (${spread(results.component.switch)})`, `${median(results.baseline.switch).toFixed(1)} (${spread(results.baseline.switch)})`, ratio(median(results.component.switch), median(results.baseline.switch))],
  [`memory growth over ${MEMORY_SWITCHES} switches`, `${kb(results.component.memory)} (${results.component.memoryParts})`, `${kb(results.baseline.memory)} (${results.baseline.memoryParts})`, ratio(results.component.memory, results.baseline.memory)],
  ['memory change, switch 100 → end', kb(results.component.trend), kb(results.baseline.trend), '—'],
];
console.log(`\n| figure | component | baseline | component ÷ baseline |\n|---|---|---|---|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
const largest = catalogs.reduce((a, b) => (b.size.brotli > a.size.brotli ? b : a));
console.log(`\nBesides, for a viewer in another language, one catalog: ${catalogs.map((c) => `${c.name} ${kb(c.size.brotli)}`).join(', ')} (brotli 11; the largest, ${largest.name}, ${kb(largest.size.brotli)}).`);
console.log(`\nChromium, chat ${CHAT} (10,000 events), limit ${LIMIT}; spread is the 10th–90th percentile. ${new Date().toISOString()}`);
