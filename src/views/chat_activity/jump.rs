//! Jump to date, for the component: within the matches read so far when a
//! filter is set, else by binary search over the API's offsets. A newer
//! jump replaces a search under way; a search whose reader has moved on
//! meanwhile shows nothing.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::super::filter_tools::FilterState;
use super::super::jump_to_date::find_day;
use super::super::local_time;
use super::super::locale::I18n;
use super::feed::Feed;
use super::Source;
use crate::filter::EventFilter;
use crate::jump_to_date::{check_not_future, JumpError};
use crate::paging::PageRequest;

/// A jump's state: whether a search runs, and why the last one went nowhere.
#[derive(Clone, Copy)]
pub(super) struct Jump {
    /// A search is under way.
    pub busy: RwSignal<bool>,
    /// Where the last jump landed: the page, and the event's place in it.
    pub landed: RwSignal<Option<(PageRequest, usize)>>,
    /// Why the last jump went nowhere (the component's tool message).
    message: RwSignal<Option<String>>,
    /// Each jump's number: a search the reader has replaced stops.
    jumps: StoredValue<u64>,
    /// A day not among the matches read so far, and the filter then set:
    /// the jump goes on when the filter's read ends.
    waiting: StoredValue<Option<(NaiveDate, EventFilter)>>,
}

/// What a jump reads and moves.
#[derive(Clone, Copy)]
pub(super) struct JumpScope<G: Fn(PageRequest) + Copy + 'static, S: Fn() + Copy + 'static> {
    pub source: Memo<Source>,
    /// The API's page asked for.
    pub request: Memo<PageRequest>,
    pub feed: Feed,
    pub filter: FilterState,
    pub i18n: I18n,
    /// Shows and says why a jump went nowhere.
    pub report: Callback<String>,
    /// Goes to another page (the API's, or the filter's), saying its range.
    pub go_to: G,
    /// Says the range on screen.
    pub say_range: S,
}

impl Jump {
    /// No jump yet; `message` shows why one went nowhere.
    pub fn new(message: RwSignal<Option<String>>) -> Self {
        Self {
            busy: RwSignal::new(false),
            landed: RwSignal::new(None),
            message,
            jumps: StoredValue::new(0),
            waiting: StoredValue::new(None),
        }
    }

    /// Jumps to the newest event on or before `day` (none: the input was cleared).
    pub fn to<G, S>(self, day: Option<NaiveDate>, scope: JumpScope<G, S>)
    where
        G: Fn(PageRequest) + Copy + 'static,
        S: Fn() + Copy + 'static,
    {
        let this_jump = self.jumps.get_value() + 1;
        self.jumps.set_value(this_jump);
        // (A search this one replaces is busy no more.)
        self.busy.set(false);
        self.landed.set(None);
        self.waiting.set_value(None);
        let i18n = scope.i18n;
        let Some(day) = day else {
            scope
                .report
                .run(i18n.with_untracked(|texts| texts.jump_error(&JumpError::NoDate)));
            return;
        };
        if scope.filter.is_active() {
            self.within_matches(day, scope);
            return;
        }
        let Some(total) = untrack(|| scope.feed.chat_total()) else {
            return;
        };
        let started_at = scope.request.get_untracked();
        let api_base = scope.source.get_untracked().api_base;
        self.busy.set(true);
        self.message.set(None);
        leptos::task::spawn_local(async move {
            let latest = move || self.jumps.try_get_value() == Some(this_jump);
            // The search stops once the reader has moved on: another date,
            // another page, a filter.
            let wanted = move || {
                latest()
                    && scope.request.try_get_untracked() == Some(started_at)
                    && !scope.filter.filter.with_untracked(EventFilter::is_active)
            };
            let searched = find_day(&api_base, started_at, total, day, wanted).await;
            if latest() {
                self.busy.try_set(false);
            }
            let Some(found) = searched.filter(|_| wanted()) else {
                return;
            };
            match found {
                Ok(index) => {
                    let page = started_at.holding(index);
                    if page == started_at {
                        // The page shown already: nothing loads, the range is said.
                        (scope.say_range)();
                    } else {
                        (scope.go_to)(page);
                    }
                    self.land(page, index);
                }
                Err(failure) => {
                    scope
                        .report
                        .try_run(i18n.with_untracked(|texts| failure.text(texts)));
                }
            }
        });
    }

    /// Within the matches read so far: the newest on or before that day.
    fn within_matches<G, S>(self, day: NaiveDate, scope: JumpScope<G, S>)
    where
        G: Fn(PageRequest) + Copy + 'static,
        S: Fn() + Copy + 'static,
    {
        let (start, end) = local_time::local_day_bounds(day);
        let source = scope.source.get_untracked();
        let filter = scope.filter;
        let found = check_not_future(start, local_time::now()).and_then(|()| {
            filter
                .position_at_or_before(&source.api_base, source.chat_id, end)
                .ok_or(JumpError::BeforeTheFirstEvent)
        });
        match found {
            Ok(index) => {
                self.message.set(None);
                let page = filter.page.get_untracked().holding(index as u64);
                (scope.go_to)(page);
                self.land(page, index as u64);
            }
            // Not read yet: the jump waits for the read (see `resume`).
            Err(JumpError::BeforeTheFirstEvent) if filter.is_reading() => {
                self.message.set(None);
                self.busy.set(true);
                let set = filter.filter.get_untracked();
                self.waiting.set_value(Some((day, set)));
            }
            Err(error) => scope
                .report
                .run(scope.i18n.with_untracked(|texts| texts.jump_error(&error))),
        }
    }

    /// The filter's read ended: a jump waiting for it goes on, if the
    /// filter is the one it was asked under.
    pub fn resume<G, S>(self, scope: JumpScope<G, S>)
    where
        G: Fn(PageRequest) + Copy + 'static,
        S: Fn() + Copy + 'static,
    {
        let Some((day, asked_under)) = self.waiting.try_update_value(Option::take).flatten() else {
            return;
        };
        if scope
            .filter
            .filter
            .with_untracked(|set| *set == asked_under)
        {
            self.to(Some(day), scope);
        } else {
            self.busy.set(false);
        }
    }

    /// The reader moved on: a jump waiting for the filter's read is dropped.
    pub fn stop_waiting(self) {
        if self
            .waiting
            .try_update_value(Option::take)
            .flatten()
            .is_some()
        {
            self.busy.set(false);
        }
    }

    /// Marks where a jump landed: event `index` (of the chat, or of the
    /// matches), on `page`.
    fn land(self, page: PageRequest, index: u64) {
        let place = usize::try_from(index.saturating_sub(page.offset)).unwrap_or(usize::MAX);
        self.landed.try_set(Some((page, place)));
    }
}
