// Credentials hygiene: the session cookie goes with the activity requests to
// the API base and nowhere else the component sends the browser; avatars
// are fetched as every <img> is, without a referrer, and another site's
// cookies stay home (SameSite); `document.cookie` is never read.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { describe, test, before, after } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';

/** Another site, as an avatar CDN (no CORS headers, as most send none): logs what each request carried. */
async function startAvatarHost() {
  const seen = [];
  const server = createServer((request, response) => {
    seen.push({ path: request.url, cookie: request.headers.cookie ?? null, referer: request.headers.referer ?? null });
    response.writeHead(200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'no-store',
    });
    response.end('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="teal"/></svg>');
  });
  server.listen(0);
  await once(server, 'listening');
  // 127.0.0.1 is another site than the page's localhost.
  return { origin: `http://127.0.0.1:${server.address().port}`, seen, close: () => server.close() };
}

describe('credentials hygiene', () => {
  const f = useActivityPage();
  let cdn;
  before(async () => {
    cdn = await startAvatarHost();
  });
  after(() => cdn.close());

  test("avatars from another site's CDN: shown, no referrer, and that site's cookies are not sent", async () => {
    // Chromium treats a cookie without SameSite as Lax, as most are: a
    // cross-site picture never carries it. (No crossorigin attribute: a
    // picture loads as every <img> does; see the README's security table.)
    await f.context.addCookies([{ name: 'cdn_tracker', value: 'secret', url: cdn.origin, sameSite: 'Lax' }]);
    const events = [1, 2, 3].map((i) =>
      event(200 + i, `pictured${i}`, 'join', { avatar: `${cdn.origin}/avatars/${i}.svg` }),
    );
    await f.portal.putChat(80, { events });
    await f.activity.open('?chat_id=80');
    await f.activity.settled();
    await f.page.waitForFunction(
      () => [...document.querySelectorAll('#chat-activity li img')].filter((img) => img.naturalWidth > 0).length === 3,
    );
    assert.equal(cdn.seen.length, 3, JSON.stringify(cdn.seen));
    for (const request of cdn.seen) {
      assert.equal(request.cookie, null, `no cookie to ${request.path}`);
      assert.equal(request.referer, null, `no referrer to ${request.path}`);
    }
    const api = await f.portal.requests();
    assert.ok(api.length > 0 && api.every((r) => r.had_session_cookie), 'the session cookie goes to the API base');
    console.log(`credentials (avatar origin): ${cdn.seen.length} avatar requests checked, 0 with a cookie or referrer`);
  });

  test('the component never reads document.cookie', async () => {
    await f.page.addInitScript(() => {
      const property = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
      window.__cookieReads = 0;
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() {
          window.__cookieReads += 1;
          return property.get.call(this);
        },
        set(value) {
          property.set.call(this, value);
        },
      });
    });
    await f.activity.open('?chat_id=1&limit=10');
    await f.activity.settled();
    await f.activity.next.click();
    await f.activity.settled();
    await f.activity.previous.click();
    await f.activity.settled();
    assert.equal(await f.page.evaluate(() => window.__cookieReads), 0, 'the component never read it');
    // The probe can see a read: one from the page is counted.
    assert.equal(await f.page.evaluate(() => (document.cookie, window.__cookieReads)), 1, 'the probe counts reads');
  });
});
