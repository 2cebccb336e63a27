//! The progress of a whole-chat read, as a labelled progress bar.

use leptos::prelude::*;

use crate::api::scan::ScanProgress;

/// A `<progress>` named `label`, showing how many events were read of how many.
#[component]
pub fn ScanProgressBar(
    /// The accessible name, e.g. "Export progress".
    label: String,
    /// How far the read has come.
    progress: ScanProgress,
) -> impl IntoView {
    view! {
        <progress
            class="ca-progress"
            aria-label=label
            max=progress.total.max(1).to_string()
            value=progress.read.to_string()
        ></progress>
    }
}
