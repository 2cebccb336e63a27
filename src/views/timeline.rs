//! The timeline view: events grouped under day headings, one list item per
//! event, newest first, with invite chips and join-burst notes.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::avatar::{avatar, FailedPictures};
use super::invite_chip::{invite_chip, ChipCopier, ChipKey};
use super::local_time::{day_heading, full_date_time, local_day, relative_text};
use super::locale::{with_slots, I18n};
use crate::api::ActivityEvent;
use crate::day_groups::{group_by_day, DayLabel};
use crate::event_text::EventSentence;
use crate::i18n::template::Segment;
use crate::i18n::Texts;
use crate::join_bursts::find_join_bursts;

/// What the rows share, provided by the component (defaults when a
/// timeline is mounted on its own).
#[derive(Clone, Copy)]
pub struct TimelineSettings {
    /// Show full dates and times instead of relative ones.
    pub exact_times: Signal<bool>,
    /// Says something politely to screen readers (the component's status region).
    pub announce: Callback<String>,
}

impl Default for TimelineSettings {
    fn default() -> Self {
        Self {
            exact_times: Signal::stored(false),
            announce: Callback::new(|_| {}),
        }
    }
}

/// The page's events, and its rows grouped under day headings.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Days {
    events: Arc<[ActivityEvent]>,
    texts: Texts,
    groups: Vec<(String, Vec<Row>)>,
}

/// One row as rendered: which event, and what the page says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    /// The event's place in the page.
    index: usize,
    /// What happened, with slots for the username, code and action word.
    sentence: Vec<Segment>,
    /// The join-burst note this row carries (on a burst's newest join).
    burst_note: Option<Vec<Segment>>,
    in_burst: bool,
    /// What the `<time>` shows: relative, or the full date when exact.
    shown_time: String,
    /// The full date and time in the viewer's zone and language.
    exact_time: String,
    /// Exact times are on: no separate screen-reader copy is needed.
    exact: bool,
}

fn chip_key(event: &ActivityEvent) -> ChipKey {
    ChipKey {
        at: event.created_at.as_str().to_owned(),
        user: event.user.id,
    }
}

/// The events of one page, grouped by the viewer's local day.
#[component]
pub fn Timeline(
    /// The events, newest first.
    #[prop(into)]
    events: Signal<Arc<[ActivityEvent]>>,
    /// The time relative texts count from (and "today" is taken from).
    #[prop(into)]
    now: Signal<DateTime<Utc>>,
) -> impl IntoView {
    let settings = use_context::<TimelineSettings>().unwrap_or_default();
    let i18n = I18n::get();
    // Every text that depends on the clock or the language is computed
    // here, once per change, so the rows hold no reactive closures of their
    // own (closures per row cost memory on every page switch).
    let days = Memo::new(move |_| {
        let now = now.get();
        let texts = TimeTexts {
            now,
            today: local_day(now),
            texts: i18n.signal().get(),
            exact: settings.exact_times.get(),
        };
        let events = events.get();
        let groups = group_by_day(rows(&events, &texts), |row| {
            local_day(events[row.index].created_at.instant())
        })
        .into_iter()
        .map(|(day, rows)| {
            (
                day_heading(DayLabel::of(day, texts.today), texts.lang()),
                rows,
            )
        })
        .collect();
        Days {
            events,
            groups,
            texts: texts.texts,
        }
    });
    let failed_pictures = FailedPictures::new();
    let chips = ChipCopier::new(settings.announce);
    // A copy button's click: which event it is on, by its row's place on
    // the page (the rows are the events in order, headings between them).
    let copy_clicked = move |event: web_sys::MouseEvent| {
        let Some(index) = chip_row_index(&event) else {
            return;
        };
        let found = days.with_untracked(|days| {
            let event = days.events.get(index)?;
            let code = EventSentence::of(event).code?;
            Some((code.code, chip_key(event)))
        });
        if let Some((code, key)) = found {
            chips.copy(code, key);
        }
    };
    // One closure renders all rows, so that what they create is cleaned up
    // as a whole when the next page, minute or setting renders them anew.
    // (A <For> here would keep one record per row ever shown for as long as
    // the timeline lives: leptos 0.8's owners keep a weak reference to each
    // child they had until they are themselves cleaned up.) The rows have
    // no state or listeners of their own: avatar failures and copy clicks
    // are caught here, once.
    view! {
        <div
            class="ca-days"
            part="timeline"
            on:error:capture=move |event| failed_pictures.on_error(&event)
            on:click=copy_clicked
        >
            {move || {
                failed_pictures.with(|failed| days.with(|days| {
                    days.groups.iter()
                        .map(|(heading, rows)| {
                            view! {
                                <h3 class="ca-day-heading">{heading.clone()}</h3>
                                <ol class="ca-timeline">
                                    {rows.iter().map(|row| event_row(&days.events[row.index], row, failed, chips, &days.texts)).collect_view()}
                                </ol>
                            }
                        })
                        .collect_view()
                }))
            }}
        </div>
    }
}

/// The place on the page of the row whose copy button was clicked.
fn chip_row_index(event: &web_sys::MouseEvent) -> Option<usize> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("button.ca-chip-copy").ok()??;
    let row = target.closest("li.ca-event").ok()??;
    let rows = event
        .current_target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .query_selector_all("li.ca-event")
        .ok()?;
    (0..rows.length()).position(|index| {
        rows.get(index)
            .is_some_and(|other| other.is_same_node(Some(&row)))
    })
}

/// What the time texts of a render depend on.
struct TimeTexts {
    now: DateTime<Utc>,
    /// The viewer's local day of `now`.
    today: NaiveDate,
    texts: Texts,
    exact: bool,
}

impl TimeTexts {
    /// The tag dates and times are formatted for.
    fn lang(&self) -> &str {
        &self.texts.locale().tag
    }
}

fn rows(events: &[ActivityEvent], texts: &TimeTexts) -> Vec<Row> {
    let bursts = find_join_bursts(events);
    let mut notes: HashMap<usize, Vec<Segment>> = HashMap::new();
    let mut in_burst = vec![false; events.len()];
    for burst in &bursts {
        notes.insert(burst.newest(), texts.texts.burst_note(burst));
        for &index in &burst.events {
            in_burst[index] = true;
        }
    }
    events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let instant = event.created_at.instant();
            let exact_time = full_date_time(instant, texts.lang());
            let shown_time = if texts.exact {
                exact_time.clone()
            } else {
                relative_text(instant, texts.now, texts.today, texts.lang())
            };
            Row {
                index,
                sentence: texts.texts.event_sentence(&EventSentence::of(event)),
                burst_note: notes.remove(&index),
                in_burst: in_burst[index],
                shown_time,
                exact_time,
                exact: texts.exact,
            }
        })
        .collect()
}

/// One event: avatar, the sentence in the language's word order (the
/// username and any code isolated from it), and when.
fn event_row(
    event: &ActivityEvent,
    row: &Row,
    failed_pictures: &HashSet<String>,
    chips: ChipCopier,
    texts: &Texts,
) -> impl IntoView {
    let sentence = EventSentence::of(event);
    let chip_state = sentence
        .code
        .is_some()
        .then(|| chips.state_of(event.created_at.as_str(), event.user.id));
    // The exact time for screen readers; sighted keyboard users get it
    // through the "Exact times" toggle.
    let spoken_time = (!row.exact).then(|| format!(", {}", row.exact_time));
    let mut code = sentence.code.zip(chip_state);
    let mut action = sentence.other_action;
    let text = with_slots(row.sentence.clone(), |slot| match slot {
        "username" => {
            view! { <bdi class="ca-username">{event.user.username.clone()}</bdi> }.into_any()
        }
        "code" => code
            .take()
            .map(|(code, state)| invite_chip(code, state, texts))
            .into_any(),
        "action" => action
            .take()
            .map(|word| view! { <bdi>{word}</bdi> })
            .into_any(),
        _ => ().into_any(),
    });
    let note = row.burst_note.clone().map(|note| {
        let code = event.invite_code.clone().unwrap_or_default();
        let note = with_slots(note, |_| view! { <bdi>{code.clone()}</bdi> }.into_any());
        view! { <p class="ca-burst" role="note">{note}</p> }
    });
    view! {
        <li class="ca-event" part="row" class:ca-in-burst=row.in_burst data-action=event.action.as_str().to_owned()>
            {note}
            <div class="ca-event-main">
                {avatar(&event.user, failed_pictures)}
                <div class="ca-event-body">
                    <p class="ca-event-text">{text}</p>
                    <time class="ca-time" datetime=event.created_at.as_str().to_owned() title=row.exact_time.clone()>
                        {row.shown_time.clone()}
                    </time>
                    {spoken_time.map(|text| view! { <span class="ca-visually-hidden">{text}</span> })}
                </div>
            </div>
        </li>
    }
}
