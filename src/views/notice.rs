//! Messages in place of the timeline: failures, and a component that
//! cannot start.

use leptos::prelude::*;

use super::locale::{I18n, LocalTexts};
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
                <button type="button" class="ca-button ca-retry" on:click=move |_| retry.run(())>{i18n.tr(MessageId::Retry)}</button>
            })}
        </div>
    }
}

/// The component's root holding only why it cannot start (the page or the
/// element is not set up right), in the viewer's language.
#[component]
pub fn CannotStart(
    /// The texts where it stands.
    local: LocalTexts,
    /// The region's name.
    #[prop(into)]
    name: Signal<String>,
    /// Why it cannot start.
    #[prop(into)]
    problem: Signal<String>,
    /// Whether to head it with its name (the standalone page does).
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    let texts = local.texts;
    view! {
        <section
            class="ca-root"
            part="root"
            aria-label=name
            lang=move || texts.with(|texts| texts.locale().tag.clone())
            dir=move || texts.with(|texts| texts.locale().direction.as_str())
            hidden=move || !local.ready.get()
        >
            {heading.then(|| view! { <h2 class="ca-title" part="heading">{name}</h2> })}
            <FailureNotice message=problem on_retry=None />
        </section>
    }
}
