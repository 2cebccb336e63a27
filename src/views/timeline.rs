//! The timeline view: events grouped under day headings, one list item per
//! event, newest first, with invite chips and join-burst notes.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use super::avatar::Avatar;
use super::invite_chip::InviteChip;
use super::local_time::{day_heading, full_date_time, local_day, relative_text};
use crate::api::ActivityEvent;
use crate::day_groups::{group_by_day, DayLabel};
use crate::event_text::EventSentence;
use crate::join_bursts::find_join_bursts;

/// What the rows share, provided by the component (defaults when a
/// timeline is mounted on its own).
#[derive(Clone, Copy)]
pub struct TimelineSettings {
    /// The language of the nearest `lang` attribute.
    pub lang: Signal<String>,
    /// Show full dates and times instead of relative ones.
    pub exact_times: Signal<bool>,
    /// Says something politely to screen readers (the component's status region).
    pub announce: Callback<String>,
}

impl Default for TimelineSettings {
    fn default() -> Self {
        Self {
            lang: Signal::stored("en".to_owned()),
            exact_times: Signal::stored(false),
            announce: Callback::new(|_| {}),
        }
    }
}

/// One row as rendered: the event and what the page says about it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    event: ActivityEvent,
    /// Tells exact duplicates apart (events carry no id).
    copy: usize,
    /// The join-burst note this row carries (on a burst's newest join).
    burst_note: Option<String>,
    in_burst: bool,
}

/// The events of one page, grouped by the viewer's local day.
#[component]
pub fn Timeline(
    /// The events, newest first.
    #[prop(into)]
    events: Signal<Vec<ActivityEvent>>,
    /// The time relative texts count from (and "today" is taken from).
    #[prop(into)]
    now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let settings = use_context::<TimelineSettings>().unwrap_or_default();
    let today = Memo::new(move |_| local_day(now.get()));
    let days = Memo::new(move |_| {
        group_by_day(rows(events.get()), |row| {
            local_day(row.event.created_at.instant())
        })
    });
    view! {
        <div class="ca-days">
            <For
                each=move || days.get()
                key=|day| day.clone()
                children=move |(day, rows): (NaiveDate, Vec<Row>)| {
                    let heading = move || day_heading(DayLabel::of(day, today.get()), &settings.lang.get());
                    view! {
                        <h3 class="ca-day-heading">{heading}</h3>
                        <ol class="ca-timeline">
                            {rows.into_iter().map(|row| view! { <EventRow row now settings /> }).collect_view()}
                        </ol>
                    }
                }
            />
        </div>
    }
}

fn rows(events: Vec<ActivityEvent>) -> Vec<Row> {
    let bursts = find_join_bursts(&events);
    let mut notes: HashMap<usize, String> = HashMap::new();
    let mut in_burst = vec![false; events.len()];
    for burst in &bursts {
        notes.insert(burst.newest(), burst.text());
        for &index in &burst.events {
            in_burst[index] = true;
        }
    }
    let mut copies: HashMap<ActivityEvent, usize> = HashMap::with_capacity(events.len());
    events
        .into_iter()
        .enumerate()
        .map(|(index, event)| {
            let seen = copies.entry(event.clone()).or_default();
            let copy = *seen;
            *seen += 1;
            Row {
                event,
                copy,
                burst_note: notes.remove(&index),
                in_burst: in_burst[index],
            }
        })
        .collect()
}

/// One event: avatar, "{username} {what happened}", and when.
#[component]
fn EventRow(row: Row, now: Signal<DateTime<Utc>>, settings: TimelineSettings) -> impl IntoView {
    let Row {
        event,
        burst_note,
        in_burst,
        ..
    } = row;
    let sentence = EventSentence::of(&event);
    let instant = event.created_at.instant();
    let exact = move || full_date_time(instant, &settings.lang.get());
    let shown_time = move || {
        if settings.exact_times.get() {
            exact()
        } else {
            relative_text(instant, now.get(), &settings.lang.get())
        }
    };
    view! {
        <li class="ca-event" class:ca-in-burst=in_burst data-action=event.action.as_str().to_owned()>
            {burst_note.map(|note| view! { <p class="ca-burst" role="note">{note}</p> })}
            <div class="ca-event-main">
                <Avatar user=event.user.clone() />
                <div class="ca-event-body">
                    <p class="ca-event-text">
                        <strong class="ca-username">{event.user.username}</strong>
                        " "
                        {sentence.phrase}
                        {sentence.code.map(|code| view! { " " <InviteChip code announce=settings.announce /> })}
                    </p>
                    <time class="ca-time" datetime=event.created_at.as_str().to_owned() title=exact>
                        {shown_time}
                    </time>
                    // The exact time for screen readers; sighted keyboard
                    // users get it through the "Exact times" toggle.
                    {move || {
                        (!settings.exact_times.get())
                            .then(|| view! { <span class="ca-visually-hidden">{format!(", {}", exact())}</span> })
                    }}
                </div>
            </div>
        </li>
    }
}
