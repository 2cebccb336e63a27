// Debian's Chromium, headless, as root on a machine without outside network.
import { chromium } from 'playwright-core';

export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** A fresh browser context signed in to the mock portal as `user` (none: no session). */
export async function signedInContext(browser, portal, user, options = {}) {
  const context = await browser.newContext(options);
  if (user) {
    const token = await portal.session(user);
    await context.addCookies([
      { name: 'psession', value: token, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' },
    ]);
  }
  return context;
}
