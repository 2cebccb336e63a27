// The physical floor for the benchmark: no framework, no build step. It
// fetches the same endpoint and renders the same rows and pager as the
// component, element for element (day headings, join-burst notes, avatars or
// their fallback, invite chips, relative and full times from the browser's
// Intl), and does what the component does on a page switch: aria-busy while
// loading, a history entry, focus on the heading. The bench checks that
// both pages render the same markup before it measures anything.
const base = document.querySelector('meta[name="chat-activity-api-base"]').content;
const params = new URLSearchParams(location.search);
const chatId = params.get('chat_id');
const limit = Math.min(100, Math.max(1, Number(params.get('limit')) || 25));
let offset = 0;

const section = document.querySelector('section.ca-root');
const title = section.querySelector('h2');
const loading = section.querySelector('.ca-loading');
const days = document.createElement('div');
days.className = 'ca-days';
days.setAttribute('part', 'timeline');
const nav = document.createElement('nav');
nav.className = 'ca-pager';
nav.setAttribute('part', 'pager');
nav.setAttribute('aria-label', 'Pagination');
const previous = button('Previous page', () => show(offset - limit));
const range = document.createElement('p');
range.className = 'ca-range';
const sizeLabel = document.createElement('label');
sizeLabel.className = 'ca-page-size';
const sizes = document.createElement('select');
sizes.className = 'ca-select';
for (const size of [...new Set([10, 25, 50, 100, limit])].sort((a, b) => a - b)) {
  const option = document.createElement('option');
  option.value = String(size);
  option.textContent = String(size);
  if (size === limit) option.setAttribute('selected', '');
  sizes.append(option);
}
sizeLabel.append('Events per page', sizes);
const next = button('Next page', () => show(offset + limit));
nav.append(previous, range, sizeLabel, next);

function button(text, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'ca-button';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

const lang = document.documentElement.lang || 'en';
const relativeFormat = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
const fullDate = new Intl.DateTimeFormat(lang, { dateStyle: 'full' });
const fullDateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'long' });

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const dayNumber = (date) => Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / (DAY * 1000));

function relativeText(then, now) {
  const seconds = Math.trunc((now - then) / 1000);
  const size = Math.abs(seconds);
  if (size > 30 * DAY) return dateFormat.format(then);
  const [unitSeconds, unit] = [[WEEK, 'week'], [DAY, 'day'], [HOUR, 'hour'], [MINUTE, 'minute']].find(([s]) => size >= s) ?? [1, 'second'];
  const count = unit === 'second' ? 0 : Math.floor(size / unitSeconds);
  let value = seconds >= 0 ? -count : count;
  const calendarDays = dayNumber(now) - dayNumber(then);
  if (unit === 'day' && calendarDays !== 0 && Math.sign(calendarDays) === -Math.sign(value)) value = -calendarDays;
  return relativeFormat.format(value, unit);
}

function dayHeading(day, today) {
  const capitalized = (text) => text[0].toUpperCase() + text.slice(1);
  if (day === today) return capitalized(relativeFormat.format(0, 'day'));
  if (day === today - 1) return capitalized(relativeFormat.format(-1, 'day'));
  const utc = new Date(day * DAY * 1000);
  return fullDate.format(new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()));
}

const PHRASES = { leave: 'left', kick: 'was kicked', ban: 'was banned' };

function sentence(event) {
  if (event.action !== 'join') return { phrase: PHRASES[event.action] ?? event.action };
  if (event.method === 'vanity') return { phrase: 'joined via vanity link', code: event.invite_code, kind: 'vanity' };
  if (event.method === 'invite') return { phrase: 'joined via invite', code: event.invite_code, kind: 'invite' };
  return { phrase: 'joined' };
}

// Five or more joins with one code within ten minutes: a note on the newest.
function joinBursts(events) {
  const byCode = new Map();
  events.forEach((event, index) => {
    const { code, kind } = sentence(event);
    if (code == null) return;
    const key = `${kind} ${code}`;
    if (!byCode.has(key)) byCode.set(key, { code, joins: [] });
    byCode.get(key).joins.push([Date.parse(event.created_at), index]);
  });
  const notes = new Map();
  const inBurst = new Set();
  for (const { code, joins } of byCode.values()) {
    joins.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const runs = [];
    let end = 0;
    for (let start = 0; start < joins.length; start++) {
      end = Math.max(end, start);
      while (end + 1 < joins.length && joins[end + 1][0] - joins[start][0] <= 10 * MINUTE * 1000) end++;
      if (end + 1 - start >= 5) {
        const last = runs[runs.length - 1];
        if (last && last[1] > start) last[1] = Math.max(last[1], end + 1);
        else runs.push([start, end + 1]);
      }
    }
    for (const [from, to] of runs) {
      const run = joins.slice(from, to);
      const seconds = Math.trunc((run[run.length - 1][0] - run[0][0]) / 1000);
      const minutes = Math.floor((seconds + 59) / 60);
      const newest = Math.min(...run.map(([, index]) => index));
      notes.set(newest, `Join burst: ${run.length} joins via ${code} in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
      for (const [, index] of run) inBurst.add(index);
    }
  }
  return { notes, inBurst };
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Pictures that failed to load: their rows show the initial, now and on later pages.
const failedPictures = new Set();
const pictureUsers = new WeakMap();

function avatar(user) {
  const url = user.avatar_url;
  if (url && /^https?:/i.test(url) && !failedPictures.has(url)) {
    const img = element('img', 'ca-avatar');
    img.setAttribute('part', 'avatar');
    img.src = url;
    img.alt = '';
    img.width = 40;
    img.height = 40;
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
    pictureUsers.set(img, user);
    return img;
  }
  const fallback = element('span', 'ca-avatar ca-avatar-fallback', ([...user.username][0] ?? '?').toUpperCase());
  fallback.setAttribute('part', 'avatar');
  fallback.setAttribute('aria-hidden', 'true');
  const hue = Number(((((BigInt(user.id) * 0x9e3779b97f4a7c15n) % (1n << 64n)) >> 32n) * 360n) >> 32n);
  fallback.style.backgroundColor = `hsl(${hue} 65% 30%)`;
  return fallback;
}

function row(event, index, bursts, now) {
  const item = element('li', bursts.inBurst.has(index) ? 'ca-event ca-in-burst' : 'ca-event');
  item.setAttribute('part', 'row');
  item.dataset.action = event.action;
  if (bursts.notes.has(index)) {
    const note = element('p', 'ca-burst', bursts.notes.get(index));
    note.setAttribute('role', 'note');
    item.append(note);
  }
  const main = element('div', 'ca-event-main');
  const body = element('div', 'ca-event-body');
  const text = element('p', 'ca-event-text');
  const { phrase, code, kind } = sentence(event);
  text.append(element('strong', 'ca-username', event.user.username), ' ', phrase);
  if (code != null) {
    const chip = element('span', 'ca-chip');
    chip.setAttribute('part', 'chip');
    chip.dataset.kind = kind;
    const copy = element('button', 'ca-chip-copy');
    copy.type = 'button';
    copy.setAttribute('aria-label', `Copy invite code ${code}`);
    copy.dataset.state = 'idle';
    chip.append(element('code', 'ca-chip-code', code), copy);
    text.append(' ', chip);
  }
  const then = new Date(event.created_at);
  const full = fullDateTime.format(then);
  const time = element('time', 'ca-time', relativeText(then, now));
  time.dateTime = event.created_at;
  time.title = full;
  body.append(text, time, element('span', 'ca-visually-hidden', `, ${full}`));
  main.append(avatar(event.user), body);
  item.append(main);
  return item;
}

function render(events) {
  const now = new Date();
  const today = dayNumber(now);
  const bursts = joinBursts(events);
  const groups = [];
  events.forEach((event, index) => {
    const day = dayNumber(new Date(event.created_at));
    if (groups.length === 0 || groups[groups.length - 1].day !== day) {
      groups.push({ day, list: element('ol', 'ca-timeline') });
    }
    groups[groups.length - 1].list.append(row(event, index, bursts, now));
  });
  days.replaceChildren(...groups.flatMap(({ day, list }) => [element('h3', 'ca-day-heading', dayHeading(day, today)), list]));
}

days.addEventListener('error', (event) => {
  const failed = pictureUsers.get(event.target)?.avatar_url;
  if (failed === undefined) return;
  failedPictures.add(failed);
  for (const picture of days.querySelectorAll('img.ca-avatar')) {
    const user = pictureUsers.get(picture);
    if (user.avatar_url === failed) picture.replaceWith(avatar(user));
  }
}, true);

// Copy buttons: one listener for all rows.
days.addEventListener('click', async (event) => {
  const copy = event.target.closest('.ca-chip-copy');
  if (!copy) return;
  const copied = await navigator.clipboard.writeText(copy.previousElementSibling.textContent).then(() => true, () => false);
  copy.dataset.state = copied ? 'copied' : 'refused';
});

async function show(at, user = true) {
  section.setAttribute('aria-busy', 'true');
  // Dimmed once the load has taken 300 ms, as the component does.
  const dim = setTimeout(() => section.classList.add('ca-busy'), 300);
  if (user) {
    const url = new URL(location.href);
    url.searchParams.set('page', String(at / limit + 1));
    url.searchParams.set('limit', String(limit));
    setTimeout(() => history.pushState(null, '', url));
  }
  const answer = await fetch(`${base}/v1/portal/chats/${chatId}/activity?offset=${at}&limit=${limit}`, {
    credentials: 'include',
    headers: { Accept: 'application/json' },
  });
  const page = await answer.json();
  offset = at;
  render(page.events);
  range.textContent = `Showing ${offset + 1}–${offset + page.events.length} of ${page.total}`;
  previous.disabled = offset === 0;
  next.disabled = offset + limit >= page.total;
  if (!nav.isConnected) {
    loading.remove();
    section.append(days, nav);
  }
  section.removeAttribute('aria-busy');
  clearTimeout(dim);
  section.classList.remove('ca-busy');
  if (user) title.focus();
}

show(0, false);
