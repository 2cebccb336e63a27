//! The timeline view: one list item per event, newest first.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::avatar::Avatar;
use super::local_time::full_date_time;
use crate::api::ActivityEvent;
use crate::event_text::EventSentence;
use crate::time_text::relative_time;

/// The events of one page as an ordered list. Rows are keyed by their
/// content, so a row that stays on screen across a reload is not rebuilt.
#[component]
pub fn Timeline(
    /// The events, newest first.
    #[prop(into)]
    events: Signal<Vec<ActivityEvent>>,
    /// The time relative texts count from.
    #[prop(into)]
    now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    view! {
        <ol class="ca-timeline">
            <For
                each=move || keyed_by_content(events.get())
                key=|(key, _)| key.clone()
                children=move |(_, event)| view! { <EventRow event now /> }
            />
        </ol>
    }
}

/// Events carry no id: the content is the key, with a count to tell exact
/// duplicates apart.
fn keyed_by_content(events: Vec<ActivityEvent>) -> Vec<((ActivityEvent, usize), ActivityEvent)> {
    let mut copies: HashMap<ActivityEvent, usize> = HashMap::with_capacity(events.len());
    events
        .into_iter()
        .map(|event| {
            let seen = copies.entry(event.clone()).or_default();
            let key = (event.clone(), *seen);
            *seen += 1;
            (key, event)
        })
        .collect()
}

/// One event: avatar, "{username} {what happened}", and when.
#[component]
fn EventRow(event: ActivityEvent, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let sentence = EventSentence::of(&event);
    let instant = event.created_at.instant();
    let code = sentence.code.map(|code| {
        view! {
            " "
            <code class="ca-chip">{code.code}</code>
        }
    });
    view! {
        <li class="ca-event" data-action=event.action.as_str().to_owned()>
            <Avatar user=event.user.clone() />
            <div class="ca-event-body">
                <p class="ca-event-text">
                    <strong class="ca-username">{event.user.username}</strong>
                    " "
                    {sentence.phrase}
                    {code}
                </p>
                <time
                    class="ca-time"
                    datetime=event.created_at.as_str().to_owned()
                    title=full_date_time(instant)
                >
                    {move || relative_time(instant, now.get())}
                </time>
            </div>
        </li>
    }
}
