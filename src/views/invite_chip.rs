//! An invite code or vanity slug as a chip, with a button that copies it.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::event_text::{CodeKind, InviteCode};

/// What copying did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopyState {
    Idle,
    Copied,
    Refused,
}

/// The code as text, and a button named "Copy invite code {code}" that puts
/// it on the clipboard and says so (visibly, and to screen readers through
/// `announce`).
#[component]
pub fn InviteChip(
    /// The code and whether it is an invite code or a vanity slug.
    code: InviteCode,
    /// The component's polite status region.
    announce: Callback<String>,
) -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    // "Copied" goes back to the copy button after a while; the timer ends
    // with the chip.
    let reset = StoredValue::new_local(None::<TimeoutHandle>);
    let stop_reset = move || {
        if let Some(timer) = reset.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    };
    on_cleanup(stop_reset);
    let text = code.code.clone();
    let label = format!("Copy invite code {}", code.code);
    let kind = match code.kind {
        CodeKind::Invite => "invite",
        CodeKind::VanitySlug => "vanity",
    };
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            let copied = write_to_clipboard(&text).await;
            let message = if copied {
                format!("Copied invite code {text}")
            } else {
                "Couldn't copy: the browser refused access to the clipboard.".to_owned()
            };
            state.try_set(if copied {
                CopyState::Copied
            } else {
                CopyState::Refused
            });
            announce.try_run(message);
            stop_reset();
            let timer = set_timeout_with_handle(
                move || _ = state.try_set(CopyState::Idle),
                Duration::from_secs(3),
            );
            if let Some(Some(timer)) = reset.try_set_value(timer.ok()) {
                // The chip went while the clipboard answered.
                timer.clear();
            }
        });
    };
    view! {
        <span class="ca-chip" data-kind=kind>
            <code class="ca-chip-code">{code.code.clone()}</code>
            // The visible word comes from the stylesheet (by data-state), so
            // that the sentence's text is only the sentence.
            <button
                type="button"
                class="ca-chip-copy"
                aria-label=label
                data-state=move || match state.get() {
                    CopyState::Idle => "idle",
                    CopyState::Copied => "copied",
                    CopyState::Refused => "refused",
                }
                on:click=copy
            ></button>
        </span>
    }
}

async fn write_to_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
