// Credentials hygiene: the session cookie goes with the activity requests to
// the API base and nowhere else the component sends the browser; avatars
// are fetched without cookies or a referrer; `document.cookie` is never read.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { describe, test, before, after } from 'node:test';
import { event } from '../support/mock-portal.mjs';
import { useActivityPage } from '../support/fixture.mjs';

/** Another origin, as an avatar CDN: logs what each request carried. */
async function startAvatarHost() {
  const seen = [];
  const server = createServer((request, response) => {
    seen.push({ path: request.url, cookie: request.headers.cookie ?? null, referer: request.headers.referer ?? null });
    response.writeHead(200, {
      'content-type': 'image/svg+xml',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    response.end('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="teal"/></svg>');
  });
  server.listen(0);
  await once(server, 'listening');
  return { origin: `http://localhost:${server.address().port}`, seen, close: () => server.close() };
}

describe('credentials hygiene', () => {
  const f = useActivityPage();
  let cdn;
  before(async () => {
    cdn = await startAvatarHost();
  });
  after(() => cdn.close());

  test('a cookie on the avatar origin is never sent there; avatars carry no referrer', async () => {
    // Same site as the page (cookies ignore ports), so only the component's
    // `crossorigin="anonymous"` keeps the browser from sending it.
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
