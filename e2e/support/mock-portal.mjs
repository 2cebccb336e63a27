// Starts the mock portal (API origin + page origin) on free ports and
// drives its test controls.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function startMockPortal({ extraArgs = [] } = {}) {
  const binary = process.env.MOCK_PORTAL_BIN ?? path.join(root, 'target/release/mock-portal');
  const child = spawn(
    binary,
    [
      '--api-port', '0',
      '--pages-port', '0',
      '--dist', path.join(root, 'dist'),
      '--examples', path.join(root, 'examples'),
      '--examples', path.join(root, 'e2e/hosts'),
      '--controls',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /^mock-portal ready: api=(\S+) pages=(\S+)/.exec(line);
      if (match) resolve({ api: match[1], pages: match[2] });
    });
    child.once('exit', (code) => reject(new Error(`mock-portal exited with ${code} before it was ready`)));
  });
  const { api, pages } = await ready;
  return new MockPortal(child, api, pages);
}

class MockPortal {
  constructor(child, api, pages) {
    this.child = child;
    this.api = api;
    this.pages = pages;
  }

  async stop() {
    if (this.child.exitCode === null) {
      this.child.kill('SIGTERM');
      await once(this.child, 'exit');
    }
  }

  async control(method, route, body) {
    const response = await fetch(`${this.api}/__control${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  }

  reset() {
    return this.control('POST', '/reset');
  }

  /** A session token for a seeded user (maria, tom, sasha, lena, ines). */
  async session(user) {
    return (await this.control('POST', '/sessions', { user })).token;
  }

  putChat(id, { owner = 'maria', visibility = 'public', events = [], title } = {}) {
    return this.control('PUT', `/chats/${id}`, { owner, visibility, events, title });
  }

  prependEvents(id, events) {
    return this.control('POST', `/chats/${id}/events`, events);
  }

  setFaults(rules) {
    return this.control('PUT', '/faults', rules);
  }

  /** Avatars with `Access-Control-Allow-Origin: *` (true) or, as by default, without CORS headers. */
  /** Milliseconds each activity answer takes from now on (each request on its own), until the next reset. */
  setLatency(ms) {
    return this.control('PUT', '/latency', { ms });
  }

  setAvatarCors(cors) {
    return this.control('PUT', '/avatars', { cors });
  }

  /** The activity requests browsers made (they send an Origin; the tests' own reads do not), oldest first. */
  async requests() {
    return (await this.control('GET', '/requests')).filter((request) => request.origin !== null);
  }

  clearRequests() {
    return this.control('DELETE', '/requests');
  }

  /** What the API itself answers for a page, read with a user's session. */
  async apiPage(chatId, offset, limit, user = 'maria') {
    const token = await this.session(user);
    const response = await fetch(
      `${this.api}/v1/portal/chats/${chatId}/activity?offset=${offset}&limit=${limit}`,
      { headers: { cookie: `psession=${token}` } },
    );
    return response.json();
  }

  /** Every event of a chat as the API answers it, newest first. */
  async allEvents(chatId, user = 'maria') {
    const first = await this.apiPage(chatId, 0, 100, user);
    const offsets = [];
    for (let offset = 100; offset < first.total; offset += 100) offsets.push(offset);
    const rest = await Promise.all(offsets.map((offset) => this.apiPage(chatId, offset, 100, user)));
    return [first, ...rest].flatMap((page) => page.events);
  }
}

/** What draws nothing (src/names.rs `is_invisible`, the same list). */
const INVISIBLE = /^[\s\p{Cc}\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u0300-\u036F\u{1D173}-\u{1D17A}\u{E0000}-\u{E0FFF}]*$/u;

/** The name a row shows for a member: the username, or `#id` when it shows nothing. */
export function shownName(user) {
  return INVISIBLE.test(user.username) ? `#${user.id}` : user.username;
}

/** An event as the API sends it. */
export function event(id, username, action, { method = null, code = null, avatar = null, at } = {}) {
  return {
    user: { id, username, avatar_url: avatar },
    action,
    method,
    invite_code: code,
    created_at: at ?? new Date(Date.now() - id * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}
