//! Keeping the standalone page's paging in its URL: history entries per
//! page change, replacements for corrections, and following Back/Forward.

use crate::page_url::with_paging;
use crate::paging::PageRequest;

/// How a paging change enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HistoryMode {
    /// The user moved: a new entry, so Back returns.
    Push,
    /// A correction (past the end, clamped limit): the entry is replaced.
    Replace,
}

/// The page URL's query string, `""` when there is none or no window.
pub(crate) fn current_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// Writes `request`'s page and limit into the URL.
pub(crate) fn write_paging(request: &PageRequest, mode: HistoryMode) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let new_search = with_paging(&search, request);
    if new_search == search {
        return;
    }
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
