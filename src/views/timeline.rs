//! The timeline view: events grouped under day headings, one list item per
//! event, newest first, with invite chips; join bursts collapsed into one
//! item each until expanded; usernames and chips as the raid tools' filters.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::avatar::{avatar, FailedPictures};
use super::invite_chip::{invite_chip, ChipCopier, ChipKey};
use super::local_time::{day_heading, full_date_time, local_day, relative_text};
use super::locale::{with_slots, I18n};
use crate::api::ActivityEvent;
use crate::burst_layout::{layout, Item};
use crate::day_groups::{group_by_day, DayLabel};
use crate::event_text::EventSentence;
use crate::filter::UserChoice;
use crate::i18n::template::{Arg, Segment};
use crate::i18n::{MessageId, Texts};
use crate::join_bursts::find_join_bursts;
use crate::names::shown_name;

/// What the rows share with the component around them (defaults when a
/// timeline is mounted on its own).
#[derive(Clone, Copy)]
pub struct TimelineSettings {
    /// Show full dates and times instead of relative ones.
    pub exact_times: Signal<bool>,
    /// Says something politely to screen readers (the component's status region).
    pub announce: Callback<String>,
    /// A username was activated: show that user's events.
    pub on_user: Callback<UserChoice>,
    /// A chip's filter button was activated: show the joins via that code.
    pub on_code: Callback<String>,
    /// The code the reader filters by, if any: its bursts are shown open
    /// (the reader asked for exactly those joins).
    pub open_code: Signal<Option<String>>,
    /// The event a jump to date landed on, by its place in the page: its
    /// row is marked (or its burst's, while the burst is collapsed).
    pub marked: Signal<Option<usize>>,
}

impl Default for TimelineSettings {
    fn default() -> Self {
        Self {
            exact_times: Signal::stored(false),
            announce: Callback::new(|_| {}),
            on_user: Callback::new(|_| {}),
            on_code: Callback::new(|_| {}),
            open_code: Signal::stored(None),
            marked: Signal::stored(None),
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
    /// What happened: the message, and the code and action word it names.
    what: EventSentence,
    /// That message in words, with slots for the username, code and action word.
    sentence: Vec<Segment>,
    /// The join burst whose item stands above this row (its newest join).
    burst: Option<BurstHead>,
    /// In a collapsed burst: not shown on its own.
    hidden: bool,
    /// The event a jump landed on.
    marked: bool,
    in_burst: bool,
    /// What the `<time>` shows: relative, or the full date when exact.
    shown_time: String,
    /// The full date and time in the viewer's zone and language.
    exact_time: String,
    /// Exact times are on: no separate screen-reader copy is needed.
    exact: bool,
}

/// A join burst's list item: its note, and the button that shows or hides
/// its joins.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BurstHead {
    note: Vec<Segment>,
    code: String,
    /// "Show 9 joins" or "Hide 9 joins".
    toggle: String,
    expanded: bool,
    /// "Show joins via {code}", unless the reader filters by that code
    /// already (a collapsed burst hides its joins' chips, and their buttons).
    filter_label: Option<String>,
    /// Which burst, across renders: its code and newest join.
    key: String,
    /// Collapsed, it holds the event a jump landed on.
    marked: bool,
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
    /// The component's exact-times switch, status region and filters.
    #[prop(optional)]
    settings: TimelineSettings,
) -> impl IntoView {
    let i18n = I18n::get();
    // The bursts the reader opened or closed, by key, and which (otherwise
    // a burst is collapsed, unless the reader filters by its code).
    let chosen = RwSignal::new(Vec::<(String, bool)>::new());
    // Every text that depends on the clock or the language is computed
    // here, once per change, so the rows hold no reactive closures of their
    // own (closures per row cost memory on every page switch).
    let days = Memo::new(move |_| {
        let now = now.get();
        let texts = TimeTexts {
            now,
            today: local_day(now),
            texts: i18n.texts(),
            exact: settings.exact_times.get(),
        };
        let events = events.get();
        let open_code = settings.open_code.get();
        let marked = settings.marked.get();
        let groups = chosen
            .with(|chosen| {
                let rows = rows(&events, &texts, chosen, open_code.as_deref(), marked);
                group_by_day(rows, |row| {
                    local_day(events[row.index].created_at.instant())
                })
            })
            .into_iter()
            .filter(|(_, rows)| rows.iter().any(|row| !row.hidden || row.burst.is_some()))
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
    // The rows' buttons, caught here once: which button, on which event
    // (its row's data-index).
    let clicked = move |event: web_sys::MouseEvent| {
        let Some((button, index)) = clicked_button(&event) else {
            return;
        };
        let class = button.class_name();
        if class.contains("ca-burst-filter") {
            if let Some(code) = button.get_attribute("data-code") {
                settings.on_code.run(code);
            }
            return;
        }
        if class.contains("ca-burst-toggle") {
            if let Some(key) = button.get_attribute("data-key") {
                let open = button.get_attribute("aria-expanded").as_deref() != Some("true");
                chosen.update(|chosen| {
                    chosen.retain(|(chosen, _)| *chosen != key);
                    chosen.push((key, open));
                });
            }
            return;
        }
        let Some(event) =
            index.and_then(|index| days.with_untracked(|days| days.events.get(index).cloned()))
        else {
            return;
        };
        if class.contains("ca-user") {
            settings.on_user.run(UserChoice {
                id: event.user.id,
                name: shown_name(&event.user.username, event.user.id).into_owned(),
            });
        } else if let Some(code) = EventSentence::of(&event).code {
            if class.contains("ca-chip-filter") {
                settings.on_code.run(code.code);
            } else if class.contains("ca-chip-copy") {
                chips.copy(code.code, chip_key(&event));
            }
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
            on:click=clicked
        >
            {move || {
                failed_pictures.with(|failed| days.with(|days| {
                    days.groups.iter()
                        .map(|(heading, rows)| {
                            view! {
                                <h3 class="ca-day-heading">{heading.clone()}</h3>
                                <ol class="ca-timeline">
                                    {rows.iter().map(|row| {
                                        let burst = row.burst.as_ref().map(burst_item);
                                        let event = (!row.hidden).then(|| event_row(&days.events[row.index], row, failed, chips, &days.texts));
                                        (burst, event)
                                    }).collect_view()}
                                </ol>
                            }
                        })
                        .collect_view()
                }))
            }}
        </div>
    }
}

/// The button of a row that was clicked, and the page index of its event.
fn clicked_button(event: &web_sys::MouseEvent) -> Option<(web_sys::Element, Option<usize>)> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("button").ok()??;
    let index = button
        .closest("[data-index]")
        .ok()
        .flatten()
        .and_then(|row| row.get_attribute("data-index"))
        .and_then(|index| index.parse().ok());
    Some((button, index))
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

fn rows(
    events: &[ActivityEvent],
    texts: &TimeTexts,
    chosen: &[(String, bool)],
    open_code: Option<&str>,
    marked: Option<usize>,
) -> Vec<Row> {
    let bursts = find_join_bursts(events);
    let key_of = |burst: usize| {
        let newest = &events[bursts[burst].newest()];
        format!(
            "{}\u{1f}{}\u{1f}{}",
            bursts[burst].code,
            newest.created_at.as_str(),
            newest.user.id
        )
    };
    let mut heads: HashMap<usize, BurstHead> = HashMap::new();
    let mut hidden = vec![true; events.len()];
    let mut in_burst = vec![false; events.len()];
    for burst in &bursts {
        for &index in &burst.events {
            in_burst[index] = true;
        }
    }
    for item in layout(events.len(), &bursts, |burst| {
        let key = key_of(burst);
        chosen
            .iter()
            .find_map(|(chosen, open)| (*chosen == key).then_some(*open))
            .unwrap_or(open_code == Some(bursts[burst].code.as_str()))
    }) {
        match item {
            Item::Event(index) => hidden[index] = false,
            Item::Burst { burst, expanded } => {
                let count = Arg::Number(bursts[burst].events.len() as u64);
                let code = &bursts[burst].code;
                let toggle = if expanded {
                    MessageId::HideJoins
                } else {
                    MessageId::ShowJoins
                };
                heads.insert(
                    bursts[burst].newest(),
                    BurstHead {
                        note: texts.texts.burst_note(&bursts[burst]),
                        code: code.clone(),
                        toggle: texts.texts.format(toggle, &[("count", count)]),
                        expanded,
                        filter_label: (open_code != Some(code.as_str())).then(|| {
                            texts
                                .texts
                                .format(MessageId::ShowJoinsVia, &[("code", Arg::Text(code))])
                        }),
                        key: key_of(burst),
                        marked: !expanded
                            && marked.is_some_and(|marked| bursts[burst].events.contains(&marked)),
                    },
                );
            }
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
            let what = EventSentence::of(event);
            Row {
                index,
                sentence: texts.texts.event_sentence(&what),
                what,
                burst: heads.remove(&index),
                hidden: hidden[index],
                marked: marked == Some(index),
                in_burst: in_burst[index],
                shown_time,
                exact_time,
                exact: texts.exact,
            }
        })
        .collect()
}

/// A join burst's list item: the note, and the disclosure button for its
/// joins (which follow it, in place, once expanded).
fn burst_item(head: &BurstHead) -> impl IntoView {
    let code = head.code.clone();
    let note = with_slots(
        head.note.clone(),
        move |_| view! { <bdi>{code.clone()}</bdi> },
    );
    view! {
        <li
            class="ca-burst-item"
            part="row"
            aria-current=head.marked.then_some("true")
        >
            <p class="ca-burst" role="note">{note}</p>
            {head.filter_label.clone().map(|label| view! {
                <button type="button" class="ca-burst-filter" title=label.clone() aria-label=label data-code=head.code.clone()></button>
            })}
            <button
                type="button"
                class="ca-button ca-burst-toggle"
                aria-expanded=if head.expanded { "true" } else { "false" }
                data-key=head.key.clone()
            >
                {head.toggle.clone()}
            </button>
        </li>
    }
}

/// One event: avatar, the sentence in the language's word order (the
/// username, a button for that user's history, and any code isolated from
/// it), and when.
fn event_row(
    event: &ActivityEvent,
    row: &Row,
    failed_pictures: &HashSet<String>,
    chips: ChipCopier,
    texts: &Texts,
) -> impl IntoView {
    let chip_state = row
        .what
        .code
        .is_some()
        .then(|| chips.state_of(event.created_at.as_str(), event.user.id));
    // The exact time for screen readers; sighted keyboard users get it
    // through the "Exact times" toggle.
    let comma = texts.locale().language.comma();
    let spoken_time = (!row.exact).then(|| format!("{comma}{}", row.exact_time));
    let mut code = row.what.code.clone().zip(chip_state);
    let mut action = row.what.other_action.clone();
    let username = shown_name(&event.user.username, event.user.id).into_owned();
    let text = with_slots(row.sentence.clone(), |slot| match slot {
        "username" => {
            let name = texts.format(MessageId::ActivityOf, &[("username", Arg::Text(&username))]);
            EitherOf3::A(view! {
                <button type="button" class="ca-user" aria-label=name>
                    <bdi class="ca-username">{username.clone()}</bdi>
                </button>
            })
        }
        "code" => EitherOf3::B(
            code.take()
                .map(|(code, state)| invite_chip(code, state, texts)),
        ),
        _ => EitherOf3::C(action.take().map(|word| view! { <bdi>{word}</bdi> })),
    });
    view! {
        <li
            class="ca-event"
            part="row"
            class:ca-in-burst=row.in_burst
            aria-current=row.marked.then_some("true")
            data-action=event.action.as_str().to_owned()
            data-index=row.index.to_string()
        >
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
