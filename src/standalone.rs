//! The standalone page: the chat from `?chat_id=`, the API base from
//! `<meta name="chat-activity-api-base">`, paging kept in the URL.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::ApiBase;
use crate::i18n::template::Arg;
use crate::i18n::{Language, Locale, MessageId, Messages, Texts};
use crate::new_events::parse_refresh_seconds;
use crate::page_url::PageQuery;
use crate::views::chat_activity::{ChatActivity, DEFAULT_REFRESH_SECONDS};
use crate::views::local_time::valid_language;
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
    speak_the_viewers_language(&document);
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

/// Unless the deployer fixed `<html lang>` in `index.html`, the page takes
/// the first of the browser's preferred languages that is bundled (English
/// otherwise); its title follows.
fn speak_the_viewers_language(document: &web_sys::Document) {
    let Some(html) = document.document_element() else {
        return;
    };
    let fixed = html
        .get_attribute("lang")
        .filter(|lang| !lang.trim().is_empty());
    let tag = fixed.unwrap_or_else(|| {
        let preferred: Vec<String> = web_sys::window()
            .map(|window| window.navigator().languages())
            .map(|languages| languages.iter().filter_map(|tag| tag.as_string()).collect())
            .unwrap_or_default();
        let language = Language::preferred(preferred.iter().map(String::as_str));
        let _ = html.set_attribute("lang", language.code());
        if language.is_right_to_left() {
            let _ = html.set_attribute("dir", "rtl");
        }
        language.code().to_owned()
    });
    let texts = Texts::new(
        Locale::new(&valid_language(&tag), None),
        &Messages::default(),
    );
    let title = texts.text(MessageId::ChatActivity);
    document.set_title(&title);
    if let Ok(Some(heading)) = document.query_selector("h1") {
        heading.set_text_content(Some(&title));
    }
}

#[component]
fn StandalonePage(
    api_base: Result<ApiBase, crate::api::ApiBaseError>,
    refresh_seconds: u32,
) -> impl IntoView {
    let query = PageQuery::parse(&crate::url_sync::current_search());
    let (api_base, chat_id) = match (api_base, query.chat_id) {
        (Ok(api_base), Ok(chat_id)) => {
            return view! { <ChatActivity chat_id api_base refresh_seconds sync_url=true /> }
                .into_any();
        }
        other => other,
    };
    let lang = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_default();
    let locale = Locale::new(&valid_language(&lang), None);
    let texts = Texts::new(locale.clone(), &Messages::default());
    let problem = match (api_base, chat_id) {
        (Err(error), _) => {
            let problem = texts.api_base_error(&error);
            texts.format(
                MessageId::PageMisconfigured,
                &[("problem", Arg::Text(&problem))],
            )
        }
        (_, Err(error)) => {
            let problem = texts.chat_id_error(&error);
            texts.format(MessageId::ChatIdHint, &[("problem", Arg::Text(&problem))])
        }
        (Ok(_), Ok(_)) => String::new(),
    };
    let name = texts.text(MessageId::ChatActivity);
    let label = name.clone();
    view! {
        <section class="ca-root" part="root" aria-label=label lang=locale.tag dir=locale.direction.as_str()>
            <h2 class="ca-title" part="heading">{name}</h2>
            <FailureNotice message=problem on_retry=None />
        </section>
    }
    .into_any()
}
