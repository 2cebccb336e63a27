//! The standalone page: the chat from `?chat_id=`, the API base from
//! `<meta name="chat-activity-api-base">`, paging kept in the URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::ApiBase;
use crate::i18n::template::Arg;
use crate::i18n::{Language, MessageId, Messages};
use crate::new_events::parse_refresh_seconds;
use crate::page_url::PageQuery;
use crate::views::chat_activity::ChatActivity;
use crate::views::locale::local_texts;
use crate::views::notice::CannotStart;

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
    speak_the_viewers_language(&document);
    crate::stylesheet::adopt_into_document(&document);
    let api_base = ApiBase::parse(&meta_content(&document, API_BASE_META).unwrap_or_default());
    let refresh = parse_refresh_seconds(
        meta_content(&document, REFRESH_META).as_deref(),
        &format!("<meta name=\"{REFRESH_META}\"> content"),
    );
    if let Some(warning) = &refresh.warning {
        leptos::logging::warn!("chat-activity: {warning}");
    }
    let refresh_seconds = refresh.value;
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

/// Unless the deployer fixed `<html lang>` in `index.html`, the page takes
/// the first of the browser's preferred languages that is bundled (English
/// otherwise).
fn speak_the_viewers_language(document: &web_sys::Document) {
    let Some(html) = document.document_element() else {
        return;
    };
    if html
        .get_attribute("lang")
        .is_some_and(|lang| !lang.trim().is_empty())
    {
        return;
    }
    let preferred: Vec<String> = web_sys::window()
        .map(|window| window.navigator().languages())
        .map(|languages| languages.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default();
    let language = Language::preferred(preferred.iter().map(String::as_str));
    let _ = html.set_attribute("lang", language.code());
    if language.is_right_to_left() {
        let _ = html.set_attribute("dir", "rtl");
    }
}

#[component]
fn StandalonePage(
    api_base: Result<ApiBase, crate::api::ApiBaseError>,
    refresh_seconds: u32,
) -> impl IntoView {
    let document = web_sys::window().and_then(|window| window.document());
    let html = document
        .as_ref()
        .and_then(web_sys::Document::document_element);
    let page = local_texts(move || html.clone(), Signal::stored(Messages::default()));
    // The page's title and heading, in its language once its catalog is here.
    Effect::new(move |_| {
        let Some(document) = document.as_ref().filter(|_| page.ready.get()) else {
            return;
        };
        let title = page.texts.with(|texts| texts.text(MessageId::ChatActivity));
        document.set_title(&title);
        if let Ok(Some(heading)) = document.query_selector("h1") {
            heading.set_text_content(Some(&title));
        }
    });
    let query = PageQuery::parse(&crate::url_sync::current_search());
    let misconfigured = match (api_base, query.chat_id) {
        (Ok(api_base), Ok(chat_id)) => {
            return view! { <ChatActivity chat_id api_base refresh_seconds sync_url=true /> }
                .into_any();
        }
        (Err(error), _) => Err(error),
        (_, Err(error)) => Ok(error),
    };
    let texts = page.texts;
    let problem = Signal::derive(move || {
        texts.with(|texts| match &misconfigured {
            Err(error) => texts.format(
                MessageId::PageMisconfigured,
                &[("problem", Arg::Text(&texts.api_base_error(error)))],
            ),
            Ok(error) => texts.format(
                MessageId::ChatIdHint,
                &[("problem", Arg::Text(&texts.chat_id_error(error)))],
            ),
        })
    });
    let name = Signal::derive(move || texts.with(|texts| texts.text(MessageId::ChatActivity)));
    view! { <CannotStart local=page name problem heading=true /> }.into_any()
}
