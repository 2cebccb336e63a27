//! Invite codes and vanity slugs as chips, with a button that copies the code.
//!
//! The chips hold no state of their own: one `ChipCopier` per timeline
//! copies, remembers which row's chip was copied and resets it, so that the
//! rows, updated in place from page to page, cost no signals, timers or
//! listeners per row.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::locale::I18n;
use crate::event_text::{CodeKind, InviteCode};
use crate::i18n::template::Arg;
use crate::i18n::{MessageId, Texts};

/// What copying did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopyState {
    Copied,
    Refused,
}

/// Which row a chip is on: the event's time as sent and its user. (A page
/// has no two events of one user at one instant; another page's rows never
/// match, so a mark does not follow its row's element to the next page.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ChipKey {
    pub at: String,
    pub user: u64,
}

/// Copies a timeline's invite codes and says so, visibly (by the button's
/// `data-state`, for three seconds) and to screen readers.
#[derive(Clone, Copy)]
pub(crate) struct ChipCopier {
    mark: RwSignal<Option<(ChipKey, CopyState)>>,
    reset: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    announce: Callback<String>,
    i18n: I18n,
}

impl ChipCopier {
    /// A copier whose reset timer ends with the current owner.
    pub(crate) fn new(announce: Callback<String>) -> Self {
        let copier = Self {
            mark: RwSignal::new(None),
            reset: StoredValue::new_local(None),
            announce,
            i18n: I18n::get(),
        };
        on_cleanup(move || copier.stop_reset());
        copier
    }

    /// The `data-state` of the chip on the row of the event at `at` (its
    /// time as sent) about `user` (its word is "Copy", "Copied" or "Not
    /// copied"). Re-renders the caller when a copy starts or ends.
    pub(crate) fn state_of(self, at: &str, user: u64) -> &'static str {
        self.mark.with(|mark| match mark {
            Some((marked, state)) if marked.at == at && marked.user == user => match state {
                CopyState::Copied => "copied",
                CopyState::Refused => "refused",
            },
            _ => "idle",
        })
    }

    /// Puts `code` on the clipboard and marks the chip on row `key`.
    pub(crate) fn copy(self, code: String, key: ChipKey) {
        spawn_local(async move {
            let copied = write_to_clipboard(&code).await;
            let (state, message) = if copied {
                (
                    CopyState::Copied,
                    self.i18n
                        .say(MessageId::CopiedInviteCode, &[("code", Arg::Text(&code))]),
                )
            } else {
                (
                    CopyState::Refused,
                    self.i18n.say(MessageId::CopyRefused, &[]),
                )
            };
            if self.mark.try_set(Some((key, state))).is_some() {
                // The timeline went while the clipboard answered.
                return;
            }
            self.announce.try_run(message);
            self.stop_reset();
            let timer = set_timeout_with_handle(
                move || _ = self.mark.try_set(None),
                Duration::from_secs(3),
            );
            if let Some(Some(timer)) = self.reset.try_set_value(timer.ok()) {
                // The timeline went meanwhile.
                timer.clear();
            }
        });
    }

    fn stop_reset(self) {
        if let Some(timer) = self.reset.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}

/// The code as text, and a button named "Copy invite code {code}" (its
/// clicks are the timeline's, see [`ChipCopier::copy`]).
pub(crate) fn invite_chip(code: InviteCode, state: &'static str, texts: &Texts) -> impl IntoView {
    let kind = match code.kind {
        CodeKind::Invite => "invite",
        CodeKind::VanitySlug => "vanity",
    };
    let label = texts.format(
        MessageId::CopyInviteCode,
        &[("code", Arg::Text(&code.code))],
    );
    let filter_label = texts.format(MessageId::ShowJoinsVia, &[("code", Arg::Text(&code.code))]);
    let word = texts.text(match state {
        "copied" => MessageId::ChipCopied,
        "refused" => MessageId::ChipNotCopied,
        _ => MessageId::ChipCopy,
    });
    view! {
        <span class="ca-chip" part="chip" data-kind=kind>
            <code class="ca-chip-code" dir="auto">{code.code}</code>
            // The visible word is drawn by the stylesheet from data-word, so
            // that the sentence's text is only the sentence.
            <button type="button" class="ca-chip-copy" aria-label=label data-state=state data-word=word></button>
            <button type="button" class="ca-chip-filter" title=filter_label.clone() aria-label=filter_label></button>
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
