// The physical floor for the benchmark: no framework, no build step. It
// fetches the same endpoint and renders the same rows and pager, with the
// same classes, so the stylesheet and layout cost the same.
const base = document.querySelector('meta[name="chat-activity-api-base"]').content;
const params = new URLSearchParams(location.search);
const chatId = params.get('chat_id');
const limit = Math.min(100, Math.max(1, Number(params.get('limit')) || 25));
let offset = 0;

const root = document.getElementById('root');
const section = document.createElement('section');
section.className = 'ca-root';
section.setAttribute('aria-label', 'Chat activity');
const list = document.createElement('ol');
list.className = 'ca-timeline';
const nav = document.createElement('nav');
nav.className = 'ca-pager';
nav.setAttribute('aria-label', 'Pagination');
const previous = button('Previous page', () => show(offset - limit));
const range = document.createElement('p');
range.className = 'ca-range';
const next = button('Next page', () => show(offset + limit));
nav.append(previous, range, next);
section.append(list, nav);
root.append(section);

function button(text, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'ca-button';
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

const PHRASES = { leave: 'left', kick: 'was kicked', ban: 'was banned' };

function row(event) {
  const item = document.createElement('li');
  item.className = 'ca-event';
  const url = event.user.avatar_url;
  if (url && /^https?:/i.test(url)) {
    const img = document.createElement('img');
    img.className = 'ca-avatar';
    img.src = url;
    img.alt = '';
    img.width = 40;
    img.height = 40;
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
    item.append(img);
  } else {
    const fallback = document.createElement('span');
    fallback.className = 'ca-avatar ca-avatar-fallback';
    fallback.textContent = (event.user.username[0] ?? '?').toUpperCase();
    item.append(fallback);
  }
  const text = document.createElement('p');
  text.className = 'ca-event-text';
  const name = document.createElement('strong');
  name.className = 'ca-username';
  name.textContent = event.user.username;
  let phrase = PHRASES[event.action] ?? event.action;
  if (event.action === 'join') {
    phrase = event.method === 'invite' ? 'joined via invite' : event.method === 'vanity' ? 'joined via vanity link' : 'joined';
  }
  text.append(name, ` ${phrase}${event.invite_code && event.action === 'join' && event.method !== 'direct' ? ` ${event.invite_code}` : ''}`);
  const time = document.createElement('time');
  time.className = 'ca-time';
  time.dateTime = event.created_at;
  time.textContent = new Date(event.created_at).toLocaleString();
  item.append(text, time);
  return item;
}

async function show(at) {
  const answer = await fetch(`${base}/v1/portal/chats/${chatId}/activity?offset=${at}&limit=${limit}`, {
    credentials: 'include',
    headers: { Accept: 'application/json' },
  });
  const page = await answer.json();
  offset = at;
  list.replaceChildren(...page.events.map(row));
  range.textContent = `Showing ${offset + 1}–${offset + page.events.length} of ${page.total}`;
  previous.disabled = offset === 0;
  next.disabled = offset + limit >= page.total;
}

show(0);
