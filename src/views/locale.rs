//! The viewer's language and direction where the component stands,
//! followed live, its catalog, and the texts every view reads from context.

use std::time::Duration;

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit, ShadowRoot};

use super::catalogs::{catalog, Catalog};
use super::local_time::valid_language;
use super::timers::lasting;
use crate::i18n::template::{Arg, Segment};
use crate::i18n::{Locale, MessageId, Messages, Texts};

/// How long a component waits, unseen, for its language's catalog before
/// it shows itself in English (and changes when the catalog comes): as a
/// web font's block period, so that a viewer does not see English flash by.
const CATALOG_PATIENCE: Duration = Duration::from_secs(3);

/// The texts of the component around a view (English when a view is
/// mounted on its own).
#[derive(Clone, Copy)]
pub struct I18n(Memo<Texts>);

impl I18n {
    /// Makes `texts` what the views below read.
    pub fn provide(texts: Memo<Texts>) -> Self {
        let i18n = Self(texts);
        provide_context(i18n);
        i18n
    }

    /// The texts in context.
    pub fn get() -> Self {
        use_context::<Self>().unwrap_or_else(|| Self(Memo::new(|_| Texts::default())))
    }

    /// Reads the texts (tracked).
    pub fn with<R>(self, read: impl FnOnce(&Texts) -> R) -> R {
        self.0.with(read)
    }

    /// Reads the texts without tracking (in event handlers).
    pub fn with_untracked<R>(self, read: impl FnOnce(&Texts) -> R) -> R {
        self.0.with_untracked(read)
    }

    /// A message without placeholders (tracked).
    pub fn text(self, id: MessageId) -> String {
        self.with(|texts| texts.text(id))
    }

    /// A message without placeholders, following the language: one
    /// signal type for every text in the views (a closure per text would
    /// make the renderer's code once for each).
    pub fn tr(self, id: MessageId) -> Signal<String> {
        Signal::derive(move || self.text(id))
    }

    /// A message with its placeholders filled (tracked).
    pub fn format(self, id: MessageId, args: &[(&str, Arg<'_>)]) -> String {
        self.with(|texts| texts.format(id, args))
    }

    /// A message with its placeholders filled, untracked (for announcements).
    pub fn say(self, id: MessageId, args: &[(&str, Arg<'_>)]) -> String {
        self.with_untracked(|texts| texts.format(id, args))
    }

    /// The texts now (tracked).
    pub fn texts(self) -> Texts {
        self.0.get()
    }
}

/// A message as text and the elements its slots hold, e.g. a username in
/// `<bdi>` inside a sentence whose word order is the language's. (Static
/// view types, not `AnyView`: each type erased costs the wasm its own code.)
pub fn with_slots<V: IntoView>(
    segments: Vec<Segment>,
    mut slot: impl FnMut(&str) -> V,
) -> Vec<Either<String, V>> {
    segments
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => Either::Left(text),
            Segment::Slot(name) => Either::Right(slot(&name)),
        })
        .collect()
}

/// The element above `element`: its parent, or the host of its shadow root.
pub fn above(element: &Element) -> Option<Element> {
    element.parent_element().or_else(|| {
        element
            .parent_node()?
            .dyn_into::<ShadowRoot>()
            .ok()
            .map(|shadow| shadow.host())
    })
}

/// The value of the nearest non-empty `name` attribute from `element` up,
/// looking through shadow roots to their hosts.
fn nearest_attribute(element: &Element, name: &str) -> Option<String> {
    let selector = format!("[{name}]");
    let mut current = Some(element.clone());
    while let Some(node) = current {
        let mut at = node.closest(&selector).ok().flatten();
        while let Some(found) = at {
            if let Some(value) = found.get_attribute(name).filter(|v| !v.trim().is_empty()) {
                return Some(value.trim().to_owned());
            }
            at = found
                .parent_element()
                .and_then(|parent| parent.closest(&selector).ok().flatten());
        }
        current = node
            .get_root_node()
            .dyn_into::<ShadowRoot>()
            .ok()
            .map(|shadow| shadow.host());
    }
    None
}

/// The locale at `element`: its nearest `lang` (canonicalized; a malformed
/// one counts as none) and nearest `dir`.
pub fn locale_at(element: &Element) -> Locale {
    let tag = nearest_attribute(element, "lang")
        .map_or_else(|| "en".to_owned(), |lang| valid_language(&lang));
    Locale::new(&tag, nearest_attribute(element, "dir").as_deref())
}

/// The texts where a component stands.
#[derive(Clone, Copy)]
pub struct LocalTexts {
    /// Its language's catalog under the host's texts: the last language's
    /// while a new one's catalog is on its way, English where it cannot be had.
    pub texts: Memo<Texts>,
    /// Whether to show them: false only while the first language's catalog
    /// is on its way (for at most three seconds).
    pub ready: Memo<bool>,
}

/// The texts where `anchor` (once there) stands, following its `lang` and
/// `dir` live, with the host's `messages` over the language's catalog.
pub fn local_texts(
    anchor: impl Fn() -> Option<Element> + 'static,
    messages: Signal<Messages>,
) -> LocalTexts {
    let locale = watch_locale(anchor);
    let texts = Memo::new(move |previous: Option<&Texts>| {
        let locale = locale.get().unwrap_or_default();
        let fallback = locale.in_english();
        let english =
            |messages: &Messages| Texts::new(fallback.clone(), &Messages::default(), messages);
        messages.with(|messages| match catalog(locale.language) {
            Catalog::Ready(catalog) => Texts::new(locale, &catalog, messages),
            Catalog::Unavailable => english(messages),
            Catalog::Loading => previous.cloned().unwrap_or_else(|| english(messages)),
        })
    });
    let waiting = move || {
        locale.with(|locale| {
            locale
                .as_ref()
                .is_none_or(|locale| catalog(locale.language) == Catalog::Loading)
        })
    };
    let waited_long = lasting(waiting, CATALOG_PATIENCE);
    let ready =
        Memo::new(move |was: Option<&bool>| was == Some(&true) || !waiting() || waited_long.get());
    LocalTexts { texts, ready }
}

/// The locale where `anchor` (once there) stands, followed when a `lang`
/// or `dir` attribute changes on it or any ancestor, across shadow roots;
/// none until the anchor is there.
/// (Written by the watcher only; a plain `RwSignal` spares the wasm the
/// code of another signal type.)
fn watch_locale(anchor: impl Fn() -> Option<Element> + 'static) -> RwSignal<Option<Locale>> {
    let locale = RwSignal::new(None::<Locale>);
    let observer = StoredValue::new_local(None::<(MutationObserver, Closure<dyn FnMut()>)>);
    let stop = move || {
        if let Some((observer, _)) = observer.try_update_value(Option::take).flatten() {
            observer.disconnect();
        }
    };
    Effect::new(move |_| {
        stop();
        let Some(element) = anchor() else {
            return;
        };
        let read = {
            let element = element.clone();
            move || {
                let now = Some(locale_at(&element));
                if locale.try_with_untracked(|current| *current != now) == Some(true) {
                    locale.try_set(now);
                }
            }
        };
        read();
        let callback = Closure::<dyn FnMut()>::new(read);
        let Ok(watcher) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        let options = MutationObserverInit::new();
        options.set_attributes(true);
        options.set_subtree(true);
        options.set_attribute_filter(&js_sys::Array::of2(&"lang".into(), &"dir".into()));
        // Every tree on the way up: the shadow roots the component sits
        // in, and the document.
        let mut node = Some(element);
        while let Some(current) = node {
            let root = current.get_root_node();
            let _ = watcher.observe_with_options(&root, &options);
            node = root
                .dyn_into::<ShadowRoot>()
                .ok()
                .map(|shadow| shadow.host());
        }
        observer.set_value(Some((watcher, callback)));
    });
    on_cleanup(stop);
    locale
}
