//! Reading a chat's whole timeline in pages of 100 (the API cannot filter
//! or export): for the filter and the export.

use web_sys::AbortSignal;

use super::client::fetch_page;
use super::{ActivityEvent, ApiBase, FetchOutcome, LoadError};
use crate::new_events::drop_repeated;
use crate::paging::{PageRequest, PageSize};

/// How far a scan has come.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanProgress {
    /// Events read so far.
    pub read: u64,
    /// All events of the chat, as the last page said.
    pub total: u64,
}

/// Reads every event of `chat`, newest first, reporting progress after each
/// page. Aborting `abort` stops it at once (the request in flight too).
/// Events that arrive at the head meanwhile push events from one page onto
/// the next; those repeats are dropped.
pub async fn read_all(
    api_base: &ApiBase,
    chat: PageRequest,
    abort: Option<&AbortSignal>,
    on_progress: impl Fn(ScanProgress),
) -> Result<Vec<ActivityEvent>, LoadError> {
    let mut events: Vec<ActivityEvent> = Vec::new();
    let mut request = PageRequest {
        offset: 0,
        limit: PageSize::clamped(PageSize::MAX.into()),
        ..chat
    };
    loop {
        if abort.is_some_and(AbortSignal::aborted) {
            return Err(LoadError::Network("cancelled".to_owned()));
        }
        let page = match fetch_page(&api_base.activity_url(&request), abort).await {
            FetchOutcome::Page(page) => page,
            FetchOutcome::Failed(error) => return Err(error),
            FetchOutcome::Unauthorized => return Err(LoadError::Status(401)),
            FetchOutcome::Forbidden => return Err(LoadError::Status(403)),
        };
        let read = page.events.len() as u64;
        let tail_start = events.len().saturating_sub(PageSize::MAX as usize);
        let (fresh, _) = drop_repeated(&events[tail_start..], page.events);
        events.extend(fresh);
        on_progress(ScanProgress {
            read: events.len() as u64,
            total: page.total.max(events.len() as u64),
        });
        match request.next(page.total) {
            Some(next) if read > 0 => request = next,
            _ => return Ok(events),
        }
    }
}
