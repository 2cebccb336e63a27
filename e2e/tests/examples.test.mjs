// CONTRACT.md "Three ways in" 3 through the Leptos host example (typed
// props, Signal chat id, callbacks), and the admin dashboard example.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { useActivityPage } from '../support/fixture.mjs';

describe('example hosts', () => {
  const f = useActivityPage();
  const status = () => f.page.getByRole('status');
  const card = () => f.page.locator('#activity-card');
  const openSettings = (chat) => f.page.goto(`${f.portal.pages}/examples/leptos-host/#chat=${chat}`);

  test('Leptos host: page size prop, and on_loaded with the total', async () => {
    await openSettings(1);
    const { total } = await f.portal.apiPage(1, 0, 1);
    await status().getByText(`${total} activity events in this chat.`).waitFor();
    assert.equal(await card().getByRole('listitem').count(), 10);
    assert.equal(await card().isVisible(), true);
    assert.deepEqual((await f.portal.requests()).map((r) => r.query), ['offset=0&limit=10']);
  });

  test('Leptos host: on_forbidden hides the card; the chat id signal switches chats', async () => {
    await f.signInAs('tom');
    await openSettings(1);
    await status().getByText(/activity events in this chat/).waitFor();
    await f.page.locator('#chat-select').selectOption('2');
    await status().getByText("You can't see this chat's activity.").waitFor();
    assert.equal(await card().isVisible(), false);
    await f.page.locator('#chat-select').selectOption('1');
    await status().getByText(/activity events in this chat/).waitFor();
    assert.equal(await card().isVisible(), true);
    const chats = (await f.portal.requests()).map((r) => r.chat_id);
    assert.deepEqual(chats, ['1', '2', '1']);
  });

  test('Leptos host: on_unauthorized without a session, on_error on a failure', async () => {
    await f.signInAs(null);
    await openSettings(1);
    await status().getByText("Sign in to see this chat's activity.").waitFor();
    assert.equal(await card().isVisible(), false);

    await f.signInAs('maria');
    await f.portal.setFaults([{ chat_id: 1, status: 503 }]);
    await openSettings(1);
    await status().getByText('Activity could not be loaded: The activity service answered with an error (HTTP 503).').waitFor();
  });

  test('React host (the packed package): typed events reach the host; forbidden hides the card', async () => {
    await f.signInAs('tom');
    const errors = [];
    f.page.on('pageerror', (error) => errors.push(String(error)));
    await f.page.goto(`${f.portal.pages}/examples/react-host/`);
    const { total } = await f.portal.apiPage(1, 0, 1);
    await status().getByText(`${total} events; showing from 1.`).waitFor();
    assert.equal(await card().getByRole('listitem').count(), 10, 'page-size passed as an attribute');
    assert.equal(await card().getByRole('region', { name: 'Rust Beginners activity' }).count(), 1);
    await card().getByRole('button', { name: 'Next page' }).click();
    await status().getByText(`${total} events; showing from 11.`).waitFor();
    await f.page.locator('#chat-select').selectOption('2');
    await status().getByText("You can't see this chat's activity.").waitFor();
    assert.equal(await card().count(), 0, 'the card is gone');
    await f.page.locator('#chat-select').selectOption('1');
    await status().getByText(`${total} events; showing from 1.`).waitFor();
    assert.deepEqual((await f.portal.requests()).map((r) => `${r.chat_id}:${r.query}`), [
      '1:offset=0&limit=10',
      '1:offset=10&limit=10',
      '2:offset=0&limit=10',
      '1:offset=0&limit=10',
    ]);
    assert.deepEqual(errors, []);
  });

  test('React host in German: the bundle finds the catalog its build copied beside it', async () => {
    await f.signInAs('tom');
    const warnings = [];
    f.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const catalogs = [];
    f.page.on('response', (response) => {
      if (response.url().includes('/i18n/')) catalogs.push(`${new URL(response.url()).pathname} ${response.status()}`);
    });
    await f.page.goto(`${f.portal.pages}/examples/react-host/`);
    await card().getByRole('button', { name: 'Next page' }).waitFor();
    await f.page.evaluate(() => document.documentElement.setAttribute('lang', 'de'));
    await card().getByRole('button', { name: 'Nächste Seite', exact: true }).waitFor();
    assert.equal(await card().getByRole('navigation', { name: 'Seitennavigation: Rust Beginners activity', exact: true }).count(), 1);
    assert.deepEqual(catalogs, ['/examples/react-host/i18n/de.json 200']);
    assert.deepEqual(warnings, []);
  });

  test('admin dashboard: two elements, events logged, the forbidden card hidden', async () => {
    await f.signInAs('tom');
    await f.page.goto(`${f.portal.pages}/examples/admin-dashboard/`);
    const log = f.page.locator('#event-log');
    await log.getByText('chat-activity-forbidden {"chatId":2}').waitFor();
    await log.getByText(/chat-activity-loaded \{"chatId":1,/).waitFor();
    assert.equal(await f.page.locator('#card-private').isVisible(), false);
    assert.equal(await f.page.locator('#card-public').getByRole('listitem').count(), 5);
    const background = await f.page
      .locator('#card-public chat-activity .ca-root')
      .evaluate((root) => getComputedStyle(root).backgroundColor);
    assert.equal(background, 'rgb(22, 27, 34)', 'the host theme applies through custom properties');
    const card = f.page.locator('#card-public');
    assert.equal(await card.getByRole('region', { name: 'Rust Beginners activity' }).count(), 1, 'named by its label');
    assert.equal(await card.getByRole('heading', { level: 3, name: 'Rust Beginners activity' }).count(), 1);
    assert.equal(await card.getByRole('button', { name: 'Export CSV' }).count(), 1, 'the tools it chose');
    assert.equal(await card.getByLabel('Jump to date').count(), 0);
    const pager = await card.locator('chat-activity .ca-pager').evaluate((nav) => getComputedStyle(nav).borderTopStyle);
    assert.equal(pager, 'dashed', 'styled through ::part(pager)');
  });

  test('admin dashboard at a 280 px viewport: no sideways scrolling', async () => {
    await f.signInAs('maria');
    await f.page.setViewportSize({ width: 280, height: 800 });
    await f.page.goto(`${f.portal.pages}/examples/admin-dashboard/`);
    await f.page.locator('#card-public').getByRole('listitem').first().waitFor();
    const overflow = await f.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
  });

  test('admin dashboard: a card hidden on 403 comes back when set to a chat the user may read', async () => {
    await f.signInAs('tom');
    await f.page.goto(`${f.portal.pages}/examples/admin-dashboard/`);
    await f.page.locator('#event-log').getByText('chat-activity-forbidden {"chatId":2}').waitFor();
    assert.equal(await f.page.locator('#card-private').isVisible(), false);
    await f.page.locator('#card-private chat-activity').evaluate((element) => element.setAttribute('chat-id', '1'));
    await f.page.locator('#card-private').getByRole('listitem').first().waitFor();
    assert.equal(await f.page.locator('#card-private').isVisible(), true);
  });

  test('admin dashboard: an error in its dark theme passes axe, Retry included', async () => {
    await f.signInAs('maria');
    await f.page.route(`${f.portal.api}/v1/portal/chats/1/activity**`, (route) =>
      route.fulfill({ status: 500, body: 'down', headers: { 'access-control-allow-origin': f.portal.pages, 'access-control-allow-credentials': 'true' } }),
    );
    await f.page.goto(`${f.portal.pages}/examples/admin-dashboard/`);
    const retry = f.page.locator('#card-public').getByRole('button', { name: 'Retry' });
    await retry.waitFor();
    const violations = await axeViolations(f.page);
    console.log(`axe, dashboard with an error: ${violations.length} violations`);
    assert.deepEqual(violations, []);
  });
});
