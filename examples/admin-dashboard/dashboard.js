// The dashboard listens to the element's DOM events: it hides a card the
// signed-in user may not read (and shows it again once a chat it is set to
// loads or fails otherwise) and logs everything else.
const log = document.getElementById('event-log');

function note(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
}

for (const type of ['chat-activity-loaded', 'chat-activity-forbidden', 'chat-activity-unauthorized', 'chat-activity-error']) {
  document.addEventListener(type, (event) => {
    note(`${type} ${JSON.stringify(event.detail)}`);
    const card = event.target.closest('.dash-card');
    if (type === 'chat-activity-forbidden' || type === 'chat-activity-unauthorized') {
      card?.setAttribute('hidden', '');
    } else {
      // Loaded, or an error worth seeing: the card shows again.
      card?.removeAttribute('hidden');
    }
  });
}
