// A React 19 host: the portal's moderation page for one chat at a time.
// React passes the element's attributes and its events (`on` + the
// event's name) natively; the types come from the package.
import 'chat-activity';
import type {} from 'chat-activity/react';
import type { ChatActivityEventMap } from 'chat-activity';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

// As the standalone page: the API origin comes from the page, never its URL.
const apiBase = document.querySelector<HTMLMetaElement>('meta[name="chat-activity-api-base"]')?.content ?? '';

const CHATS = [
  { id: 1, title: 'Rust Beginners' },
  { id: 2, title: 'Design Guild (private)' },
  { id: 5, title: 'Large chat' },
];

function ActivityCard({ chatId, title }: { chatId: number; title: string }) {
  const [hidden, setHidden] = useState(false);
  const [status, setStatus] = useState('Loading…');
  const loaded = (event: ChatActivityEventMap['chat-activity-loaded']) =>
    setStatus(`${event.detail.total} events; showing from ${event.detail.offset + 1}.`);
  if (hidden) {
    return <p role="status">You can't see this chat's activity.</p>;
  }
  return (
    <article className="card" id="activity-card">
      <h2>{title}</h2>
      <chat-activity
        chat-id={String(chatId)}
        api-base={apiBase}
        page-size="10"
        label={`${title} activity`}
        heading-level="3"
        hide-heading
        tools="filter export"
        onchat-activity-loaded={loaded}
        onchat-activity-forbidden={() => setHidden(true)}
        onchat-activity-unauthorized={() => setHidden(true)}
        onchat-activity-error={(event) => setStatus(`Could not load: ${event.detail.message}`)}
      />
      <p role="status">{status}</p>
    </article>
  );
}

function App() {
  const [chatId, setChatId] = useState(CHATS[0].id);
  const chat = CHATS.find((candidate) => candidate.id === chatId) ?? CHATS[0];
  return (
    <main>
      <h1>Moderation (React host example)</h1>
      <label>
        Chat{' '}
        <select id="chat-select" value={chatId} onChange={(event) => setChatId(Number(event.target.value))}>
          {CHATS.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title}
            </option>
          ))}
        </select>
      </label>
      {/* A new card per chat: a hidden one comes back for the next chat. */}
      <ActivityCard key={chat.id} chatId={chat.id} title={chat.title} />
    </main>
  );
}

const root = document.getElementById('app');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
