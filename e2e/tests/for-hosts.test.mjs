// CONTRACT.md "For hosts": label, heading-level, hide-heading, tools and
// ::part() styling, as a dashboard that puts elements in cards of its own.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useActivityPage } from '../support/fixture.mjs';
import { HostPage } from '../pages/host-page.mjs';
import { axeViolations } from '../support/axe.mjs';

const TOOL_CONTROLS = ['Jump to date', 'Exact times', 'Filter by action', 'Search username', 'Export CSV', 'Export JSON'];

/** Which of the tools' controls an element shows, by accessible name. */
async function shownTools(el) {
  const control = {
    'Jump to date': el.host.getByLabel('Jump to date'),
    'Exact times': el.host.getByRole('button', { name: 'Exact times' }),
    'Filter by action': el.host.getByLabel('Filter by action'),
    'Search username': el.host.getByLabel('Search username'),
    'Export CSV': el.host.getByRole('button', { name: 'Export CSV' }),
    'Export JSON': el.host.getByRole('button', { name: 'Export JSON' }),
  };
  const shown = [];
  for (const name of TOOL_CONTROLS) if ((await control[name].count()) > 0) shown.push(name);
  return shown;
}

/** Puts an element in a card under the card's own `<h2>` title, as the admin dashboard does. */
async function inCard(page, id, title) {
  await page.evaluate(([id, title]) => {
    const card = document.createElement('article');
    const heading = document.createElement('h2');
    heading.textContent = title;
    const element = document.getElementById(id);
    element.replaceWith(card);
    card.append(heading, element);
  }, [id, title]);
}

describe('for hosts', () => {
  const f = useActivityPage();

  test('a dashboard with two labelled cards: distinct regions, headings and pagers, zero axe violations', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const rust = await h.add('rust', { 'chat-id': '1', 'api-base': f.portal.api, label: 'Rust Beginners', 'heading-level': '3', 'hide-heading': '' });
    const large = await h.add('large', { 'chat-id': '5', 'api-base': f.portal.api, label: 'Large chat', 'heading-level': '3', 'hide-heading': '' });
    await h.waitForEvent('chat-activity-loaded', 2);
    await inCard(f.page, 'rust', 'Rust Beginners');
    await inCard(f.page, 'large', 'Large chat');
    // Moved into its card, each element mounts anew and loads its page again.
    await h.waitForEvent('chat-activity-loaded', 4);
    for (const [el, label] of [[rust, 'Rust Beginners'], [large, 'Large chat']]) {
      assert.equal(await el.host.getByRole('region', { name: label, exact: true }).count(), 1, `region ${label}`);
      assert.equal(await el.host.getByRole('navigation', { name: `Pagination: ${label}`, exact: true }).count(), 1);
      assert.equal(await el.host.getByRole('heading', { level: 3, name: label, exact: true }).count(), 1);
    }
    assert.equal(await f.page.getByRole('region', { name: 'Chat activity' }).count(), 0, 'the default name is replaced');
    const violations = await axeViolations(f.page);
    console.log(`axe, two labelled elements: ${violations.length} violations`);
    assert.deepEqual(violations, []);
  });

  test('two elements without labels are what axe calls non-unique landmarks (what label is for)', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await h.add('one', { 'chat-id': '1', 'api-base': f.portal.api });
    await h.add('two', { 'chat-id': '5', 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded', 2);
    const violations = await axeViolations(f.page);
    assert.ok(violations.some((line) => line.startsWith('landmark-unique')), violations.join('\n'));
  });

  test('defaults: a visible level-2 heading "Chat activity" and every tool', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('plain', { 'chat-id': '1', 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    const heading = el.host.getByRole('heading', { level: 2, name: 'Chat activity', exact: true });
    assert.equal(await heading.count(), 1);
    assert.ok((await heading.boundingBox()).width > 50, 'visible');
    assert.deepEqual(await shownTools(el), TOOL_CONTROLS);
  });

  test('heading-level and hide-heading: the heading at that level, for screen readers only', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('card', { 'chat-id': '1', 'api-base': f.portal.api, label: 'Rust Beginners', 'heading-level': '4', 'hide-heading': '' });
    await h.waitForEvent('chat-activity-loaded');
    const heading = el.host.getByRole('heading', { level: 4, name: 'Rust Beginners', exact: true });
    assert.equal(await heading.count(), 1, 'in the accessibility tree');
    const box = await heading.boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, `not visible: ${JSON.stringify(box)}`);
  });

  test('tools="" shows no tool, tools="filter" only the filter; the timeline and pager stay', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const none = await h.add('none', { 'chat-id': '1', 'api-base': f.portal.api, tools: '' });
    const filter = await h.add('filter', { 'chat-id': '1', 'api-base': f.portal.api, tools: 'filter' });
    await h.waitForEvent('chat-activity-loaded', 2);
    assert.deepEqual(await shownTools(none), []);
    assert.deepEqual(await shownTools(filter), ['Filter by action', 'Search username']);
    for (const el of [none, filter]) {
      assert.equal(await el.items.count(), 25);
      assert.equal(await el.host.getByRole('navigation', { name: 'Pagination' }).count(), 1);
    }
  });

  test('an invalid value: a console warning naming it, and the default', async () => {
    const warnings = [];
    f.page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('odd', { 'chat-id': '1', 'api-base': f.portal.api, tools: 'filter exports', 'heading-level': '9' });
    await h.waitForEvent('chat-activity-loaded');
    assert.deepEqual(await shownTools(el), TOOL_CONTROLS, 'all tools');
    assert.equal(await el.host.getByRole('heading', { level: 2, name: 'Chat activity' }).count(), 1, 'level 2');
    assert.ok(warnings.some((text) => text.includes('"exports" is not a tool')), warnings.join('\n'));
    assert.ok(warnings.some((text) => text.includes('heading-level="9"')), warnings.join('\n'));
    assert.deepEqual(h.errors.map(String), []);
  });

  test('label, heading-level, hide-heading and tools change in place: the page shown stays, no new request', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('live', { 'chat-id': '1', 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    await el.next.click();
    await h.waitForEvent('chat-activity-loaded', 2);
    const names = await el.usernames();
    await f.portal.clearRequests();
    await el.setAttribute('label', 'Rust Beginners');
    await el.setAttribute('heading-level', '3');
    await el.setAttribute('tools', 'export');
    await el.host.getByRole('region', { name: 'Rust Beginners', exact: true }).waitFor();
    await el.host.getByRole('heading', { level: 3, name: 'Rust Beginners' }).waitFor();
    assert.deepEqual(await shownTools(el), ['Export CSV', 'Export JSON']);
    assert.equal(await el.host.getByRole('navigation', { name: 'Pagination: Rust Beginners' }).count(), 1);
    assert.deepEqual(await el.usernames(), names, 'the same page');
    assert.match(await el.rangeText(), /^Showing 26–50 of/);
    await f.page.evaluate(() => document.getElementById('live').removeAttribute('tools'));
    await el.host.getByRole('button', { name: 'Exact times' }).waitFor();
    assert.deepEqual(await f.portal.requests(), [], 'no request');
    assert.equal((await h.events('chat-activity-loaded')).length, 2);
  });

  test('a tool the host takes away takes its state with it: no filter or exact times left on without a control', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    const el = await h.add('taken', { 'chat-id': '1', 'api-base': f.portal.api });
    const [loaded] = await h.waitForEvent('chat-activity-loaded');
    await el.host.getByLabel('Filter by action').selectOption('ban');
    await f.page.waitForFunction(() => {
      const range = document.getElementById('taken').shadowRoot.querySelector('.ca-range')?.textContent ?? '';
      return / of \d+$/.test(range) && !range.endsWith(' of 0') && !document.getElementById('taken').shadowRoot.querySelector('progress');
    });
    assert.notEqual(await el.rangeText(), `Showing 1–25 of ${loaded.detail.total}`, 'filtered');
    await el.host.getByRole('button', { name: 'Exact times' }).click();
    await el.setAttribute('tools', 'jump');
    await f.page.waitForFunction((total) => document.getElementById('taken').shadowRoot.querySelector('.ca-range')?.textContent === `Showing 1–25 of ${total}`, loaded.detail.total);
    const time = el.host.locator('time').first();
    assert.notEqual((await time.textContent()).trim(), (await time.getAttribute('title')).trim(), 'relative times again');
  });

  test('a host stylesheet styles ::part(row), ::part(pager) and the other parts', async () => {
    const h = new HostPage(f.page, f.portal);
    await h.open();
    await f.page.addStyleTag({
      content: `chat-activity::part(row) { background-color: rgb(1, 2, 3); }
        chat-activity::part(pager) { background-color: rgb(4, 5, 6); }
        chat-activity::part(heading) { color: rgb(7, 8, 9); }
        chat-activity::part(avatar) { border-radius: 3px; }`,
    });
    const el = await h.add('styled', { 'chat-id': '1', 'api-base': f.portal.api });
    await h.waitForEvent('chat-activity-loaded');
    const styles = await f.page.evaluate(() => {
      const root = document.getElementById('styled').shadowRoot;
      const style = (selector, property) => getComputedStyle(root.querySelector(selector))[property];
      return {
        row: style('[part~="row"]', 'backgroundColor'),
        pager: style('[part~="pager"]', 'backgroundColor'),
        heading: style('[part~="heading"]', 'color'),
        avatar: style('[part~="avatar"]', 'borderTopLeftRadius'),
        parts: [...new Set([...root.querySelectorAll('[part]')].flatMap((node) => node.getAttribute('part').split(' ')))].sort(),
      };
    });
    assert.equal(styles.row, 'rgb(1, 2, 3)');
    assert.equal(styles.pager, 'rgb(4, 5, 6)');
    assert.equal(styles.heading, 'rgb(7, 8, 9)');
    assert.equal(styles.avatar, '3px');
    assert.deepEqual(styles.parts, ['avatar', 'chip', 'heading', 'pager', 'root', 'row', 'timeline', 'tools']);
    assert.equal(await el.items.count(), 25);
    // A failure's alert is a part too.
    await f.page.addStyleTag({ content: 'chat-activity::part(alert) { outline: 2px solid rgb(9, 9, 9); }' });
    const missing = await h.add('missing', { 'chat-id': '999', 'api-base': f.portal.api });
    await missing.alert.getByText('Chat not found').waitFor();
    const outline = await f.page.evaluate(() => getComputedStyle(document.getElementById('missing').shadowRoot.querySelector('[part~="alert"]')).outlineColor);
    assert.equal(outline, 'rgb(9, 9, 9)');
  });
});
