//! The standalone page: the chat from `?chat_id=`, the API base from
//! `<meta name="chat-activity-api-base">`, paging kept in the URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::ApiBase;
use crate::new_events::parse_refresh_seconds;
use crate::page_url::PageQuery;
use crate::views::chat_activity::ChatActivity;
use crate::views::chat_activity::{DEFAULT_LABEL, DEFAULT_REFRESH_SECONDS};
use crate::views::notice::FailureNotice;

/// The element the standalone page mounts into.
pub const ROOT_ID: &str = "chat-activity";
/// The meta tag naming the API base. Never taken from the page URL: a
/// crafted link must not point the component at another API.
pub const API_BASE_META: &str = "chat-activity-api-base";
/// The meta tag setting the seconds between checks for new events (0: none).
pub const REFRESH_META: &str = "chat-activity-refresh-interval";

/// Mounts the standalone page into `#chat-activity`, if the document has
/// one (a host page loading the script for its custom elements has not).
pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(root) = document
        .get_element_by_id(ROOT_ID)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // What the page said until now ("Loading activity…").
    root.set_text_content(None);
    crate::stylesheet::adopt_into_document(&document);
    let api_base = ApiBase::parse(&meta_content(&document, API_BASE_META).unwrap_or_default());
    let refresh_seconds = parse_refresh_seconds(
        meta_content(&document, REFRESH_META).as_deref(),
        DEFAULT_REFRESH_SECONDS,
    );
    leptos::mount::mount_to(
        root,
        move || view! { <StandalonePage api_base refresh_seconds /> },
    )
    .forget();
}

fn meta_content(document: &web_sys::Document, name: &str) -> Option<String> {
    document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("content"))
}

#[component]
fn StandalonePage(
    api_base: Result<ApiBase, crate::api::ApiBaseError>,
    refresh_seconds: u32,
) -> impl IntoView {
    let query = PageQuery::parse(&crate::url_sync::current_search());
    let problem = match (api_base, query.chat_id) {
        (Ok(api_base), Ok(chat_id)) => {
            return view! { <ChatActivity chat_id api_base refresh_seconds sync_url=true /> }
                .into_any();
        }
        (Err(error), _) => format!("This page is misconfigured: {error}"),
        (_, Err(error)) => format!(
            "{error} Open this page with the chat's number in the address, e.g. ?chat_id=42."
        ),
    };
    view! {
        <section class="ca-root" part="root" aria-label=DEFAULT_LABEL>
            <h2 class="ca-title" part="heading">{DEFAULT_LABEL}</h2>
            <FailureNotice message=problem on_retry=None />
        </section>
    }
    .into_any()
}
