// One mock portal and one browser per test file; a fresh, signed-in
// browser context and a reset mock per test.
import { after, before, beforeEach, afterEach } from 'node:test';
import { startMockPortal } from './mock-portal.mjs';
import { launchChromium, signedInContext } from './browser.mjs';
import { ActivityPage } from '../pages/activity-page.mjs';

export function useActivityPage({ mockArgs = [] } = {}) {
  const fixture = {};
  before(async () => {
    fixture.portal = await startMockPortal({ extraArgs: mockArgs });
    fixture.browser = await launchChromium();
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.portal?.stop();
  });
  beforeEach(async () => {
    await fixture.portal.reset();
    fixture.context = await signedInContext(fixture.browser, fixture.portal, 'maria');
    fixture.page = await fixture.context.newPage();
    fixture.activity = new ActivityPage(fixture.page, fixture.portal);
  });
  afterEach(async () => {
    await fixture.context?.close();
  });
  /** Replaces the signed-in user (none: no session at all), with browser context options. */
  fixture.signInAs = async (user, options = {}) => {
    await fixture.context.close();
    fixture.context = await signedInContext(fixture.browser, fixture.portal, user, options);
    fixture.page = await fixture.context.newPage();
    fixture.activity = new ActivityPage(fixture.page, fixture.portal);
  };
  return fixture;
}
