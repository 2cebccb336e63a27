//! Keeping the standalone page's paging in its URL: history entries per
//! page or filter change, replacements for corrections, and following
//! Back/Forward.

use std::time::Duration;

use leptos::prelude::*;

pub(crate) use crate::page_url::HistoryMode;
use crate::page_url::{with_view, FilterQuery, PageQuery};
use crate::paging::PageRequest;

/// The page URL's query string, `""` when there is none or no window.
pub(crate) fn current_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// Writes `request`'s page and limit, and `filter`, into the URL, unless
/// it says so already.
pub(crate) fn write_view(request: &PageRequest, filter: &FilterQuery, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    if PageQuery::parse(&search).shows(request, filter) {
        return;
    }
    let new_search = with_view(&search, request, filter);
    let url = format!(
        "{}{}{}",
        location.pathname().unwrap_or_default(),
        new_search,
        location.hash().unwrap_or_default()
    );
    let Ok(history) = window.history() else {
        return;
    };
    let written = match mode {
        HistoryMode::Push => {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
        HistoryMode::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    };
    if let Err(error) = written {
        leptos::logging::warn!("chat-activity: could not update the URL: {error:?}");
    }
}

/// Writes paging into the URL in the task after the current one, in order,
/// so that the page's request goes out first: a history entry costs
/// Chromium about 2 ms, which the reader would otherwise wait for on every
/// page switch.
#[derive(Clone, Copy)]
pub(crate) struct UrlWriter {
    pending: StoredValue<PendingWrites, LocalStorage>,
}

#[derive(Default)]
struct PendingWrites {
    writes: Vec<(PageRequest, FilterQuery, HistoryMode)>,
    timer: Option<TimeoutHandle>,
}

impl UrlWriter {
    /// A writer whose pending writes are dropped with the current owner.
    pub(crate) fn new() -> Self {
        let writer = Self {
            pending: StoredValue::new_local(PendingWrites::default()),
        };
        on_cleanup(move || writer.cancel());
        writer
    }

    /// Writes `request` under `filter` into the URL once the current task is done.
    pub(crate) fn write_soon(self, request: PageRequest, filter: FilterQuery, mode: HistoryMode) {
        let needs_timer = self
            .pending
            .try_update_value(|pending| {
                pending.writes.push((request, filter, mode));
                pending.timer.is_none()
            })
            .unwrap_or(false);
        if needs_timer {
            let timer = set_timeout_with_handle(move || self.flush(), Duration::ZERO).ok();
            self.pending
                .try_update_value(|pending| pending.timer = timer);
        }
    }

    /// Drops the writes not done yet (the reader went through history, or
    /// the component went away).
    pub(crate) fn cancel(self) {
        if let Some(timer) = self
            .pending
            .try_update_value(|pending| {
                pending.writes.clear();
                pending.timer.take()
            })
            .flatten()
        {
            timer.clear();
        }
    }

    fn flush(self) {
        let writes = self
            .pending
            .try_update_value(|pending| {
                pending.timer = None;
                std::mem::take(&mut pending.writes)
            })
            .unwrap_or_default();
        for (request, filter, mode) in writes {
            write_view(&request, &filter, mode);
        }
    }
}
