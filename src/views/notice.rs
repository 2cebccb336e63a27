//! Messages in place of the timeline: failures, and a missing chat id.

use leptos::prelude::*;

use super::locale::I18n;
use crate::i18n::MessageId;

/// An alert saying what went wrong, with a Retry button where asking again
/// may help.
#[component]
pub fn FailureNotice(
    /// What the user reads.
    #[prop(into)]
    message: Signal<String>,
    /// Retries the request; no button without it.
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <div class="ca-notice ca-notice-error" part="alert" role="alert">
            <p class="ca-notice-text">{message}</p>
            {on_retry.map(|retry| view! {
                <button type="button" class="ca-button" on:click=move |_| retry.run(())>{i18n.tr(MessageId::Retry)}</button>
            })}
        </div>
    }
}
