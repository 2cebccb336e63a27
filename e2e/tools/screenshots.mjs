// Regenerates the README's screenshots from the built page and examples:
//   node e2e/tools/screenshots.mjs [NAME…]   (after scripts/setup.sh has built
//   them; names pick some, e.g. `arabic`)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockPortal } from '../support/mock-portal.mjs';
import { launchChromium, signedInContext } from '../support/browser.mjs';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
const portal = await startMockPortal();
const browser = await launchChromium();

const only = process.argv.slice(2);

async function shoot(name, { user = 'maria', url, width = 820, height = 860, colorScheme = 'light', locale, after } = {}) {
  if (only.length > 0 && !only.includes(name)) return;
  const context = await signedInContext(browser, portal, user, locale ? { locale } : {});
  const page = await context.newPage({});
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme });
  await page.goto(`${portal.pages}${url}`);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  await after?.(page);
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  await context.close();
}

try {
  await shoot('owner', { url: '/?chat_id=1&limit=10' });
  await shoot('dark', { url: '/?chat_id=1&limit=10', colorScheme: 'dark' });
  await shoot('narrow', { url: '/?chat_id=1&limit=5', width: 320, height: 760 });
  await shoot('admin-dashboard', { url: '/examples/admin-dashboard/', width: 1100, height: 760 });
  await shoot('tools', {
    url: '/?chat_id=1&limit=10',
    width: 900,
    height: 1000,
    after: async (page) => {
      await page.getByLabel('Filter by action').selectOption('join');
      await page.getByLabel('Search username').fill('a');
      await page.waitForFunction(() => !document.querySelector('progress'));
    },
  });
  await shoot('join-burst', {
    url: '/?chat_id=1&limit=25&page=' + (process.env.BURST_PAGE ?? '1'),
    width: 900,
    height: 900,
    after: async (page) => {
      const { total } = await portal.apiPage(1, 0, 1);
      for (let p = 1; p <= Math.ceil(total / 25); p++) {
        const found = await page.evaluate(() => {
          const note = document.querySelector('[role="note"]');
          note?.scrollIntoView({ block: 'center' });
          return Boolean(note);
        });
        if (found) return;
        await page.getByRole('button', { name: 'Next page' }).click();
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      }
    },
  });
  await shoot('raid', { url: '/?chat_id=6&limit=25', width: 900, height: 1000 });
  await shoot('arabic', { url: '/?chat_id=1&limit=10', locale: 'ar' });
  await shoot('leptos-host', { user: 'tom', url: '/examples/leptos-host/#chat=1', height: 700 });
} finally {
  await browser.close();
  await portal.stop();
}
