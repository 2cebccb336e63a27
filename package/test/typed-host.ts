// A plain TypeScript host, type-checked against the generated declarations
// (tsc --noEmit in the test command): every attribute and event, and one
// misspelt event name that must not compile.
import 'chat-activity';
import { define, type ChatActivityAttributes, type ChatActivityEventDetail } from 'chat-activity/define';

await define();

const element = document.createElement('chat-activity');
const attributes: Required<ChatActivityAttributes> = {
  'chat-id': '42',
  'api-base': 'https://portal-api.7331.org',
  'page-size': '25',
  'refresh-interval': '30',
  label: 'Rust Beginners activity',
  'heading-level': '3',
  'hide-heading': true,
  tools: 'filter export',
};
for (const [name, value] of Object.entries(attributes)) {
  if (value !== false) element.setAttribute(name, value === true ? '' : String(value));
}

element.addEventListener('chat-activity-loaded', (event) => {
  const { chatId, total, offset, limit }: { chatId: number; total: number; offset: number; limit: number } = event.detail;
  console.log(chatId + total + offset + limit);
});
element.addEventListener('chat-activity-forbidden', (event) => event.detail.chatId.toFixed());
element.addEventListener('chat-activity-unauthorized', (event) => event.detail.chatId.toFixed());
element.addEventListener('chat-activity-error', (event) => `${event.detail.status} ${event.detail.message.trim()}`);
// The events bubble: the document hears them, typed too.
document.addEventListener('chat-activity-loaded', (event) => event.detail.total.toFixed());

// Texts a host replaces, by message id.
element.messages = { 'next-page': 'Weiter', 'showing-range': '{first}–{last} / {total}' };

// @ts-expect-error a message id that does not exist
element.messages = { 'nxt-page': 'Weiter' };

const found: HTMLElementTagNameMap['chat-activity'] | null = document.querySelector('chat-activity');
found?.addEventListener('click', (event) => event.clientX);

const detail: ChatActivityEventDetail<'chat-activity-error'> = { chatId: 1, status: 0, message: 'offline' };
console.log(detail);

// @ts-expect-error a misspelt event name is a plain Event, without detail
element.addEventListener('chat-activity-loded', (event) => event.detail.total);

// @ts-expect-error heading-level is 1 to 6
const wrongLevel: ChatActivityAttributes = { 'heading-level': '7' };
console.log(wrongLevel);
