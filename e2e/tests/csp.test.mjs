// A strict Content-Security-Policy: the standalone page and both example
// hosts work under it, with no violation reported.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';
import { casesTried } from '../support/cases.mjs';

describe('strict Content-Security-Policy', () => {
  const f = useActivityPage({ mockArgs: ['--csp'] });

  async function openCounting(path) {
    await f.page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await f.page.goto(`${f.portal.pages}${path}`);
    const policy = response.headers()['content-security-policy'];
    assert.match(policy, /default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
    assert.ok(policy.endsWith(`connect-src 'self' ${f.portal.api}`), policy);
  }

  async function violations(label) {
    await f.page.waitForTimeout(300);
    const seen = await f.page.evaluate(() => window.__violations);
    casesTried(1, `CSP ${label}: ${seen.length} violations`);
    return seen;
  }

  test('the standalone page', async () => {
    await openCounting('/?chat_id=1');
    await f.activity.expectApiPage(1, 0, 25);
    await f.activity.next.click();
    await f.activity.expectApiPage(1, 25, 25);
    await f.page.waitForFunction(() => [...document.images].some((image) => image.complete && image.naturalWidth > 0));
    assert.deepEqual(await violations('standalone page'), []);
  });

  test('the admin dashboard (custom elements)', async () => {
    await openCounting('/examples/admin-dashboard/');
    await f.page.locator('#event-log').getByText(/chat-activity-loaded \{"chatId":1,/).waitFor();
    assert.equal(await f.page.locator('#card-public').getByRole('listitem').count(), 5);
    assert.deepEqual(await violations('admin dashboard'), []);
  });

  test('the Leptos host', async () => {
    await openCounting('/examples/leptos-host/#chat=1');
    await f.page.getByRole('status').getByText(/activity events in this chat/).waitFor();
    assert.deepEqual(await violations('Leptos host'), []);
  });
});
