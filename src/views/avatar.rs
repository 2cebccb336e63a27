//! The avatar view: the user's picture, or their initial on a colour.

use leptos::prelude::*;

use crate::api::EventUser;
use crate::avatar::{fallback_colour, initial, safe_avatar_url};

/// The user's avatar. Only `http(s)` pictures are loaded: lazily, without
/// a referrer, and without cookies (`crossorigin="anonymous"`, so a hostile
/// `avatar_url` cannot make a credentialed request; avatar hosts answer with
/// `Access-Control-Allow-Origin`). Otherwise, and when the picture fails to
/// load, the first character of the username stands in on a colour derived
/// from the user id.
#[component]
pub fn Avatar(
    /// Whose avatar: their id, name and picture URL.
    user: EventUser,
) -> impl IntoView {
    let letter = initial(&user.username);
    let colour = fallback_colour(user.id);
    let fallback = move || {
        view! {
            <span class="ca-avatar ca-avatar-fallback" aria-hidden="true" style:background-color=colour.clone()>
                {letter.clone()}
            </span>
        }
    };
    match safe_avatar_url(user.avatar_url.as_deref()).map(str::to_owned) {
        Some(url) => {
            let failed = RwSignal::new(false);
            view! {
                <Show when=move || !failed.get() fallback=fallback>
                    <img
                        class="ca-avatar"
                        src=url.clone()
                        alt=""
                        width="40"
                        height="40"
                        loading="lazy"
                        referrerpolicy="no-referrer"
                        crossorigin="anonymous"
                        on:error=move |_| failed.set(true)
                    />
                </Show>
            }
            .into_any()
        }
        None => fallback().into_any(),
    }
}
