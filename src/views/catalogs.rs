//! The catalogs of the languages other than English (which is built in),
//! loaded once per page and shared by every component on it.
//!
//! With the `bundled-catalogs` feature (a Leptos host's default) they are
//! in the wasm. Without it (the standalone page and the element's package,
//! where they would weigh on every viewer) each is fetched when a
//! component first needs it, from `i18n/{code}.json` beside the script
//! that loaded the wasm: a German viewer fetches the German one, an English
//! viewer none.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::i18n::{Language, Messages};

/// Where a language's catalog is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Catalog {
    /// On its way.
    Loading,
    /// Its texts (English's: none, the built-in ones are the fallback).
    Ready(Messages),
    /// It could not be loaded (a warning said why): English is shown.
    Unavailable,
}

thread_local! {
    /// Each language asked for, and where its catalog is.
    static CATALOGS: RefCell<Vec<(Language, Catalog)>> = const { RefCell::new(Vec::new()) };
    /// Notified when a catalog arrives.
    static ARRIVED: ArcTrigger = ArcTrigger::new();
}

/// The catalog of `language` (tracked), loaded on first use.
pub fn catalog(language: Language) -> Catalog {
    if language == Language::English {
        return Catalog::Ready(Messages::default());
    }
    ARRIVED.with(|arrived| arrived.track());
    let known = CATALOGS.with_borrow(|catalogs| {
        catalogs
            .iter()
            .find(|(loaded, _)| *loaded == language)
            .map(|(_, catalog)| catalog.clone())
    });
    known.unwrap_or_else(|| {
        CATALOGS.with_borrow_mut(|catalogs| catalogs.push((language, Catalog::Loading)));
        load(language);
        Catalog::Loading
    })
}

/// Keeps what a catalog file held (its texts, warned about what could not
/// be used) and tells the components waiting for it.
fn arrived(language: Language, file: Result<JsValue, String>) {
    let name = language.catalog_file();
    let catalog = match file {
        Ok(value) => {
            let (messages, problems) = messages_of(&value).split_problems();
            for problem in problems {
                leptos::logging::warn!("chat-activity: {name}: {problem}");
            }
            Catalog::Ready(messages)
        }
        Err(reason) => {
            leptos::logging::warn!(
                "chat-activity: the `{}` texts could not be loaded ({reason}): English is shown; \
                 serve the catalogs (i18n/) beside the script",
                language.code()
            );
            Catalog::Unavailable
        }
    };
    CATALOGS.with_borrow_mut(|catalogs| {
        if let Some((_, kept)) = catalogs.iter_mut().find(|(loaded, _)| *loaded == language) {
            *kept = catalog;
        }
    });
    ARRIVED.with(|arrived| arrived.notify());
}

#[cfg(feature = "bundled-catalogs")]
fn load(language: Language) {
    let file = js_sys::JSON::parse(language.bundled_catalog()).map_err(|_| "not JSON".to_owned());
    // After the caller has read this catalog as loading.
    leptos::task::spawn_local(async move { arrived(language, file) });
}

#[cfg(not(feature = "bundled-catalogs"))]
fn load(language: Language) {
    leptos::task::spawn_local(async move { arrived(language, fetch(language).await) });
}

#[cfg(not(feature = "bundled-catalogs"))]
#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    /// The script's `import.meta`: wasm-bindgen's module's, beside which
    /// the wasm and the `i18n/` folder are.
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// A catalog file, fetched from beside the script without credentials
/// (they go to the API base only).
#[cfg(not(feature = "bundled-catalogs"))]
async fn fetch(language: Language) -> Result<JsValue, String> {
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{RequestCredentials, RequestInit};
    let base = IMPORT_META.with(ImportMeta::url);
    let path = format!("i18n/{}", language.catalog_file());
    let url = web_sys::Url::new_with_base(&path, &base)
        .map(|url| url.href())
        .unwrap_or(path);
    let failed = |what: &str| format!("{url}: {what}");
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|_| failed("the network failed"))?
        .unchecked_into();
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let json = response.json().map_err(|_| failed("unreadable"))?;
    JsFuture::from(json).await.map_err(|_| failed("not JSON"))
}

/// Texts given as a JS object of message id → text (a host's `messages`,
/// a catalog file), each entry that cannot be used left out with a reason.
pub fn messages_of(value: &JsValue) -> Messages {
    if value.is_undefined() || value.is_null() {
        return Messages::default();
    }
    if !value.is_object() {
        return Messages::default().with_problem(
            "messages is not an object of message id → text; the bundled texts are shown"
                .to_owned(),
        );
    }
    let mut pairs = Vec::new();
    let mut not_text = Vec::new();
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let id = entry.get(0).as_string().unwrap_or_default();
        match entry.get(1).as_string() {
            Some(text) => pairs.push((id, text)),
            None => not_text.push(format!(
                "messages[\"{id}\"] is not text; the bundled text is shown"
            )),
        }
    }
    not_text
        .into_iter()
        .fold(Messages::parse(pairs), Messages::with_problem)
}
