//! Messages in place of the timeline: failures, and a missing chat id.

use leptos::prelude::*;

/// An alert saying what went wrong, with a Retry button where asking again
/// may help.
#[component]
pub fn FailureNotice(
    /// What the user reads.
    message: String,
    /// Retries the request; no button without it.
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="ca-notice ca-notice-error" part="alert" role="alert">
            <p class="ca-notice-text">{message}</p>
            {on_retry.map(|retry| view! {
                <button type="button" class="ca-button" on:click=move |_| retry.run(())>"Retry"</button>
            })}
        </div>
    }
}
