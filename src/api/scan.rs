//! Reading a chat's whole timeline (the API cannot filter or export): up to
//! four pages of 100 at once, answers put in place by [`ChatRead`], a busy
//! service waited for, failed requests asked again ([`Retries`]),
//! everything in flight aborted on Cancel.

use std::cell::RefCell;
use std::rc::Rc;

use futures_util::future::{select, Either};
use futures_util::stream::{FuturesUnordered, StreamExt};
use web_sys::AbortSignal;

use super::chat_read::{ChatRead, ReadRequest};
use super::client::fetch_page;
use super::retries::{until_next_second, AfterFailure, Retries, MAX_RETRIES};
use super::{ActivityEvent, ApiBase, FetchOutcome, LoadError};
use crate::chat_id::ChatId;
use crate::page_loader::REQUEST_TIMEOUT;
use crate::paging::{PageRequest, PageSize};

/// How far a read has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanProgress {
    /// Events read so far.
    pub read: u64,
    /// All events the read goes to.
    pub total: u64,
    /// While the read pauses (a busy service, a failed request): the
    /// seconds until it goes on.
    pub paused_for: Option<u64>,
}

impl ScanProgress {
    /// Before the first answer: nothing read of the events the page on
    /// screen said the chat has (not "0 of 0" while the first page of 100
    /// is on its way).
    pub fn starting(known_total: Option<u64>) -> Self {
        Self {
            total: known_total.unwrap_or(0),
            ..Self::default()
        }
    }

    /// This progress, with `earlier`'s total while the read has none of
    /// its own yet (a first request that failed).
    pub fn after(self, earlier: Option<Self>) -> Self {
        match earlier {
            Some(earlier) if self.total == 0 => Self {
                total: earlier.total,
                ..self
            },
            _ => self,
        }
    }

    /// This progress, paused until `resume_at` (a `Date.now()` time) if
    /// that is still to come.
    fn paused_until(self, resume_at: Option<f64>) -> Self {
        let left = resume_at.map(|at| (at - js_sys::Date::now()) / 1000.0);
        Self {
            paused_for: left
                .filter(|left| *left > 0.0)
                .map(|left| left.ceil() as u64),
            ..self
        }
    }

    /// How far `read` has come.
    pub fn of(read: &ChatRead) -> Self {
        let (done, total) = read.progress();
        Self {
            read: done,
            total,
            paused_for: None,
        }
    }
}

/// Reads every event of `chat` into `read` (shared, so that the matches so
/// far can be shown from it; borrowed only between awaits), calling
/// `on_update` after each answer. A `429` or `503` with a `Retry-After`
/// pauses new requests for that long, a transient failure for a few
/// seconds ([`Retries`]); aborting `abort` stops every request in flight
/// at once.
pub async fn read_chat(
    api_base: &ApiBase,
    chat: PageRequest,
    abort: Option<&AbortSignal>,
    read: Rc<RefCell<ChatRead>>,
    mut on_update: impl FnMut(ScanProgress),
) -> Result<(), LoadError> {
    let mut pending = FuturesUnordered::new();
    let mut resume_at: Option<f64> = None;
    let mut retries = Retries::default();
    let send = |request: ReadRequest| {
        let url = api_base.activity_url(&PageRequest {
            offset: request.offset,
            limit: PageSize::clamped(i64::try_from(request.limit).unwrap_or(100)),
            ..chat
        });
        // (A request that hangs is given up, and its events asked for again.)
        async move { (request, fetch_in_time(&url, abort).await) }
    };
    let cancelled = || abort.is_some_and(AbortSignal::aborted);
    loop {
        if cancelled() {
            return Err(LoadError::Network("cancelled".to_owned()));
        }
        let now = js_sys::Date::now();
        if resume_at.is_some_and(|at| now >= at) {
            resume_at = None;
        }
        if resume_at.is_none() {
            while let Some(request) = read.borrow_mut().next_request() {
                pending.push(send(request));
            }
        }
        if read.borrow().is_complete() {
            return Ok(());
        }
        let answered = match resume_at {
            None => pending.next().await,
            // While paused, the notice counts down each second, and the
            // read goes on when the pause ends, requests in flight or not.
            Some(at) => {
                let tick = std::pin::pin!(sleep(until_next_second(at - now), abort));
                let answered = if pending.is_empty() {
                    tick.await;
                    None
                } else {
                    match select(pending.next(), tick).await {
                        Either::Left((answered, _)) => answered,
                        Either::Right(((), _)) => None,
                    }
                };
                if answered.is_none() {
                    if !cancelled() {
                        on_update(ScanProgress::of(&read.borrow()).paused_until(resume_at));
                    }
                    continue;
                }
                answered
            }
        };
        // Nothing to ask and nothing asked: cannot happen with a read that
        // is not complete, but never spin.
        let Some((request, outcome)) = answered else {
            return Ok(());
        };
        if cancelled() {
            // (An aborted request fails: that is no reason to pause.)
            return Err(LoadError::Network("cancelled".to_owned()));
        }
        match outcome {
            FetchOutcome::Page(page) => {
                retries.answered();
                read.borrow_mut().answer(request, page);
                // (An answer sent before a pause: the pause goes on.)
                on_update(ScanProgress::of(&read.borrow()).paused_until(resume_at));
            }
            FetchOutcome::Failed(error) => {
                // Its ages are asked for again (after the pause).
                read.borrow_mut().settle(request);
                match retries.failed(request.ages(), &error) {
                    AfterFailure::Pause(seconds) => {
                        // (A shorter pause never cuts a longer one short.)
                        let now = js_sys::Date::now();
                        let at = resume_at.unwrap_or(now).max(now + seconds as f64 * 1000.0);
                        resume_at = Some(at);
                        on_update(ScanProgress::of(&read.borrow()).paused_until(resume_at));
                    }
                    AfterFailure::GiveUp => return Err(error),
                }
            }
            FetchOutcome::Unauthorized => return Err(LoadError::Status(401)),
            FetchOutcome::Forbidden => return Err(LoadError::Status(403)),
        }
    }
}

/// Every event of `chat`, newest first (the export), read as [`read_chat`] does.
pub async fn read_all(
    api_base: &ApiBase,
    chat: PageRequest,
    abort: Option<&AbortSignal>,
    on_progress: impl Fn(ScanProgress),
) -> Result<Vec<ActivityEvent>, LoadError> {
    let read = Rc::new(RefCell::new(ChatRead::new()));
    read_chat(api_base, chat, abort, Rc::clone(&read), on_progress).await?;
    Ok(read.take().into_events().unwrap_or_default())
}

/// How many events `chat` has now, by a head check (`offset=0&limit=1`):
/// whether new events arrived, whether a read held is still the whole
/// chat; none when the API does not say.
pub async fn chat_total(
    api_base: &ApiBase,
    chat: ChatId,
    abort: Option<&AbortSignal>,
) -> Option<u64> {
    let url = api_base.activity_url(&PageRequest::first(chat, PageSize::clamped(1)));
    match fetch_page(&url, abort).await {
        FetchOutcome::Page(page) => Some(page.total),
        _ => None,
    }
}

/// One request, asked again after a failure as a read's pages are (after
/// 1, 2, then 4 seconds; a busy service's `Retry-After`), but at most
/// [`MAX_RETRIES`] times whatever the failure, each try given up after the
/// page loads' timeout: what a jump's probes use, so that a flaky network
/// does not end a search. It stops asking once it is no longer `wanted`.
pub async fn fetch_patiently(url: &str, wanted: impl Fn() -> bool) -> FetchOutcome {
    let mut retries = Retries::default();
    let mut tries = 0;
    loop {
        let outcome = fetch_in_time(url, None).await;
        let FetchOutcome::Failed(error) = outcome else {
            return outcome;
        };
        tries += 1;
        match retries.failed(0..1, &error) {
            AfterFailure::Pause(seconds) if tries <= MAX_RETRIES && wanted() => {
                sleep(seconds as f64 * 1000.0, None).await;
            }
            _ => return FetchOutcome::Failed(error),
        }
    }
}

/// One request, given up as [`LoadError::Timeout`] when it takes longer
/// than a page load may.
async fn fetch_in_time(url: &str, abort: Option<&AbortSignal>) -> FetchOutcome {
    let fetch = std::pin::pin!(fetch_page(url, abort));
    let timeout = std::pin::pin!(sleep(REQUEST_TIMEOUT.as_millis() as f64, abort));
    match select(fetch, timeout).await {
        Either::Left((outcome, _)) => outcome,
        Either::Right(((), _)) => FetchOutcome::Failed(LoadError::Timeout),
    }
}

/// Waits `ms` milliseconds (a `setTimeout`), or until `abort` is aborted.
async fn sleep(ms: f64, abort: Option<&AbortSignal>) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.clamp(0.0, 600_000.0) as i32,
            );
        }
        if let Some(abort) = abort {
            let _ = abort.add_event_listener_with_callback("abort", &resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
