//! The API's pages for one component: loading the page asked for, what
//! its answer changes, the one automatic retry of a busy service, and the
//! checks of the timeline's head for new events. What the answer means for
//! the reader (focus, announcements, the host's callbacks) is the
//! component's: [`Feed::load`] hands it a [`Delivered`].

use std::sync::Arc;

use leptos::prelude::*;

use super::super::timers::Countdown;
use crate::activity_state::{Arrival, Status};
use crate::api::scan::chat_total;
use crate::api::{ActivityEvent, ActivityPage, ApiBase, FetchOutcome, LoadError};
use crate::chat_id::ChatId;
use crate::new_events::{drop_repeated, HeadTracker};
use crate::page_loader::PageLoader;
use crate::paging::{PageRequest, ShownRange};

/// The page on screen and the request that brought it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ShownPage {
    pub api_base: ApiBase,
    pub request: PageRequest,
    pub page: PageEvents,
}

/// A page's events and where they stand in the chat. The events are
/// shared, not copied, by everything that shows them: a page switch
/// decodes one page and copies none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PageEvents {
    pub events: Arc<[ActivityEvent]>,
    pub offset: u64,
    pub total: u64,
    /// Matches of a read not finished: more may come.
    pub so_far: bool,
}

impl From<ActivityPage> for PageEvents {
    fn from(page: ActivityPage) -> Self {
        Self {
            events: page.events.into(),
            offset: page.offset,
            total: page.total,
            so_far: false,
        }
    }
}

/// What a load's answer asks of the component.
pub(super) enum Delivered {
    /// The request was past the chat's end (it shrank): this, its last
    /// page, is to be asked for instead, for the same reason.
    PastTheEnd(PageRequest, Arrival),
    /// The page is on screen.
    Shown {
        /// The range it shows (none for an empty chat).
        range: Option<ShownRange>,
        /// Events in the chat.
        total: u64,
        /// Why it was asked for.
        arrival: Arrival,
    },
    /// `401` (`forbidden` false) or `403`: the component hides.
    Hidden { forbidden: bool },
    /// It could not be shown.
    Failed(LoadError, Arrival),
}

/// The state of the pages: what is on screen, where loading stands, the
/// head's growth. Cheap to copy: signals and stored values.
#[derive(Clone, Copy)]
pub(super) struct Feed {
    /// Loading, ready, hidden or failed.
    pub status: RwSignal<Status>,
    /// The API's page on screen (kept while the next one loads).
    pub shown: RwSignal<Option<ShownPage>>,
    /// Events added at the head since the page on screen was read.
    pub head: RwSignal<HeadTracker>,
    /// A busy service's `Retry-After`, counting down to the retry.
    pub countdown: Countdown,
    /// Counts loads of the same request again (Retry, a countdown, new events).
    reloads: RwSignal<u32>,
    /// The request already retried automatically: once each.
    auto_retried: StoredValue<Option<PageRequest>>,
    /// Why the load under way was asked for.
    arrival: StoredValue<Arrival>,
    loader: PageLoader,
}

impl Feed {
    /// Nothing shown; the first load starts with [`Feed::load`].
    pub fn new() -> Self {
        let reloads = RwSignal::new(0_u32);
        Self {
            status: RwSignal::new(Status::Loading),
            shown: RwSignal::new(None),
            head: RwSignal::new(HeadTracker::default()),
            countdown: Countdown::new(move || reloads.update(|count| *count += 1)),
            reloads,
            auto_retried: StoredValue::new(None),
            arrival: StoredValue::new(Arrival::Quiet),
            loader: PageLoader::new(),
        }
    }

    /// The next load is for this reason.
    pub fn expect(&self, arrival: Arrival) {
        self.arrival.set_value(arrival);
    }

    /// Why the load under way was asked for.
    fn arrival(&self) -> Arrival {
        self.arrival.get_value()
    }

    /// Loads the same request again, for this reason.
    pub fn reload(&self, arrival: Arrival) {
        self.expect(arrival);
        self.reloads.update(|count| *count += 1);
    }

    /// Subscribes the caller to reloads.
    pub fn track_reloads(&self) {
        self.reloads.track();
    }

    /// Whether a page is on its way.
    pub fn is_loading(&self) -> bool {
        self.status.with(|status| *status == Status::Loading)
    }

    /// The chat's events, as its last answer said (tracked).
    pub fn chat_total(&self) -> Option<u64> {
        self.shown
            .with(|shown| shown.as_ref().map(|shown| shown.page.total))
    }

    /// Loads `request` from `api_base`; `answered` gets what it changed,
    /// unless a newer load started first.
    pub fn load(
        self,
        api_base: ApiBase,
        request: PageRequest,
        answered: impl FnOnce(Delivered) + 'static,
    ) {
        let other_chat = self.shown.with_untracked(|shown| {
            shown.as_ref().is_some_and(|shown| {
                shown.api_base != api_base || shown.request.chat_id != request.chat_id
            })
        });
        if other_chat {
            self.shown.set(None);
            self.head.set(HeadTracker::default());
        }
        self.countdown.stop();
        self.status.set(Status::Loading);
        let url = api_base.activity_url(&request);
        self.loader.load(url, move |outcome| {
            answered(self.receive(api_base, request, outcome));
        });
    }

    /// What an answer changes.
    fn receive(self, api_base: ApiBase, request: PageRequest, outcome: FetchOutcome) -> Delivered {
        let chat = request.chat_id;
        match outcome {
            FetchOutcome::Page(mut page) => {
                if let Some(last_page) = request.clamped_to(page.total) {
                    return Delivered::PastTheEnd(last_page, self.arrival());
                }
                let unseen_growth = self
                    .head
                    .try_update(|head| head.page_loaded(request.offset, page.total));
                let previous = self.shown.with_untracked(|shown| {
                    shown
                        .as_ref()
                        .filter(|shown| {
                            shown.request.chat_id == chat && shown.request.offset < request.offset
                        })
                        .map(|shown| Arc::clone(&shown.page.events))
                });
                if let (Some(previous), Some(1..)) = (previous, unseen_growth) {
                    // Events arrived unseen: the top of this page may repeat the last one.
                    let (events, repeated) =
                        drop_repeated(&previous, std::mem::take(&mut page.events));
                    page.events = events;
                    page.offset = page.offset.saturating_add(repeated as u64);
                }
                let range = ShownRange::new(page.offset, page.events.len(), page.total);
                let total = page.total;
                self.shown.set(Some(ShownPage {
                    api_base,
                    request,
                    page: page.into(),
                }));
                self.status.set(Status::Ready);
                Delivered::Shown {
                    range,
                    total,
                    arrival: self.take_arrival(),
                }
            }
            FetchOutcome::Unauthorized | FetchOutcome::Forbidden => {
                self.take_arrival();
                self.shown.set(None);
                self.status.set(Status::Hidden);
                Delivered::Hidden {
                    forbidden: matches!(outcome, FetchOutcome::Forbidden),
                }
            }
            FetchOutcome::Failed(error) => {
                if error == LoadError::NotFound {
                    self.shown.set(None);
                }
                if let LoadError::Busy { retry_after, .. } = error {
                    let first_time = self
                        .auto_retried
                        .try_update_value(|done| done.replace(request) != Some(request));
                    if first_time == Some(true) {
                        self.countdown.start(retry_after);
                    }
                }
                self.status.set(Status::Failed(error.clone()));
                // (Nothing is left pending for a later load.)
                Delivered::Failed(error, self.take_arrival())
            }
        }
    }

    fn take_arrival(&self) -> Arrival {
        self.arrival
            .try_update_value(std::mem::take)
            .unwrap_or_default()
    }

    /// Asks the head of `chat` for its total (the caller checks that a page
    /// is shown and the tab is visible); `grown` gets the events newly
    /// found unseen and the count of unseen events in all.
    pub fn check_head(
        self,
        api_base: ApiBase,
        chat: ChatId,
        grown: impl FnOnce(u64, u64) + 'static,
    ) {
        leptos::task::spawn_local(async move {
            let Some(total) = chat_total(&api_base, chat, None).await else {
                return;
            };
            let before = self.head.try_with_untracked(HeadTracker::unseen);
            self.head.try_update(|head| head.head_checked(total));
            let after = self.head.try_with_untracked(HeadTracker::unseen);
            if let (Some(before), Some(after)) = (before, after) {
                if after > before {
                    grown(after - before, after);
                }
            }
        });
    }
}
