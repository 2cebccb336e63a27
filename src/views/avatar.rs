//! The avatar view: the user's picture, or their initial on a colour.

use std::collections::HashSet;

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::EventUser;
use crate::avatar::{fallback_colour, initial, safe_avatar_url};

/// The pictures that failed to load in a timeline, by URL: their rows show
/// the initial instead, on this page and on every page after.
///
/// One capture-phase `error` listener on the timeline finds them (see
/// [`FailedPictures::on_error`]), so that rows keep no state of their own:
/// the rows are updated in place from page to page, and per-row signals and
/// listeners would cost every page switch.
#[derive(Clone, Copy)]
pub(crate) struct FailedPictures(RwSignal<HashSet<String>>);

impl FailedPictures {
    pub(crate) fn new() -> Self {
        Self(RwSignal::new(HashSet::new()))
    }

    /// For a timeline's capture-phase `error` listener: remembers the URL
    /// of an avatar picture that failed (other elements' errors are not
    /// this listener's business).
    pub(crate) fn on_error(self, event: &web_sys::Event) {
        let Some(picture) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlImageElement>().ok())
            .filter(|picture| picture.class_list().contains("ca-avatar"))
        else {
            return;
        };
        // The attribute, not `src`, which the browser resolves: the set is
        // looked up by the URL as the server sent it.
        let Some(url) = picture.get_attribute("src") else {
            return;
        };
        if !self.0.with_untracked(|failed| failed.contains(&url)) {
            self.0.update(|failed| {
                failed.insert(url);
            });
        }
    }

    /// Reads the set (and re-renders the caller when it grows).
    pub(crate) fn with<T>(self, read: impl FnOnce(&HashSet<String>) -> T) -> T {
        self.0.with(read)
    }
}

/// The user's avatar. Only `http(s)` pictures are loaded, lazily and
/// without a referrer, the way every `<img>` loads: no `crossorigin`, so a
/// CDN or bucket that sends no CORS headers (most do not) shows its
/// pictures. (The README's security table says what keeps a hostile
/// `avatar_url` harmless.) Otherwise, and when the picture is in `failed`,
/// the first character of the username stands in on a colour derived from
/// the user id.
pub(crate) fn avatar(user: &EventUser, failed: &HashSet<String>) -> impl IntoView {
    match safe_avatar_url(user.avatar_url.as_deref()).filter(|url| !failed.contains(*url)) {
        Some(url) => Either::Left(view! {
            <img
                class="ca-avatar"
                part="avatar"
                src=url.to_owned()
                alt=""
                width="40"
                height="40"
                loading="lazy"
                referrerpolicy="no-referrer"
            />
        }),
        None => Either::Right(view! {
            <span class="ca-avatar ca-avatar-fallback" part="avatar" aria-hidden="true" style:background-color=fallback_colour(user.id)>
                {initial(&user.username)}
            </span>
        }),
    }
}
