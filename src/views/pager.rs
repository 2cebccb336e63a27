//! The pager view: Previous / Next, the shown range, and the page size.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::focus::focus_soon;
use super::locale::I18n;
use crate::i18n::MessageId;
use crate::paging::{PageRequest, PageSize, ShownRange};

/// Paging controls for a timeline.
#[component]
pub fn Pager(
    /// The page asked for (it may still be loading).
    #[prop(into)]
    request: Signal<PageRequest>,
    /// What the page on screen shows (none: nothing to page through).
    #[prop(into)]
    range: Signal<Option<ShownRange>>,
    /// Called with the page the user chose.
    on_navigate: Callback<PageRequest>,
    /// The navigation's accessible name ("Pagination" by default, or
    /// "Pagination: {label}" with the host's label).
    #[prop(into, optional)]
    name: MaybeProp<String>,
) -> impl IntoView {
    let i18n = I18n::get();
    let name = move || {
        name.get()
            .unwrap_or_else(|| i18n.text(MessageId::Pagination))
    };
    let previous = move || request.get().previous();
    let next = move || {
        range
            .get()
            .and_then(|range| request.get().next(range.total))
    };
    // A button the reader used that has nothing more to go to hands the
    // focus to the other one (a disabled button cannot hold it, and the
    // reader would be sent back to the top of the page).
    let go =
        move |page: PageRequest, at_end: bool, event: web_sys::MouseEvent, other: &'static str| {
            on_navigate.run(page);
            let pager = at_end
                .then(|| {
                    event
                        .target()?
                        .dyn_into::<web_sys::Element>()
                        .ok()?
                        .closest(".ca-pager")
                        .ok()?
                })
                .flatten();
            // Once the buttons show the new page (the other may be disabled until then).
            if let Some(pager) = pager {
                focus_soon(pager, other);
            }
        };
    let total = move || range.with_untracked(|range| range.map_or(0, |range| range.total));
    let change_size = move |event| {
        let size = PageSize::parse(&event_target_value(&event)).size;
        on_navigate.run(request.get_untracked().with_limit(size));
    };
    view! {
        <nav class="ca-pager" part="pager" aria-label=name>
            <button
                type="button"
                class="ca-button ca-previous"
                disabled=move || previous().is_none()
                on:click=move |event| {
                    if let Some(page) = previous() {
                        go(page, page.previous().is_none(), event, ".ca-next");
                    }
                }
            >
                {i18n.tr(MessageId::PreviousPage)}
            </button>
            <p class="ca-range">{move || range.get().map(|range| i18n.with(|texts| texts.shown_range(&range)))}</p>
            <label class="ca-page-size">
                {i18n.tr(MessageId::EventsPerPage)}
                <select class="ca-select" on:change=change_size>
                    {move || {
                        let current = request.get().limit.get();
                        PageSize::clamped(current.into())
                            .choices_with()
                            .into_iter()
                            .map(|size| {
                                // The attribute says which option is the default;
                                // the property is what the select shows. Options
                                // are updated in place, so an option that held
                                // the chosen size may now hold another: without
                                // the property, the select would go on showing
                                // whatever stands where the chosen one stood.
                                view! {
                                    <option
                                        value=size.to_string()
                                        selected=size == current
                                        prop:selected=size == current
                                    >
                                        {i18n.with(|texts| texts.number(size.into()))}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <button
                type="button"
                class="ca-button ca-next"
                disabled=move || next().is_none()
                on:click=move |event| {
                    if let Some(page) = next() {
                        go(page, page.next(total()).is_none(), event, ".ca-previous");
                    }
                }
            >
                {i18n.tr(MessageId::NextPage)}
            </button>
        </nav>
    }
}
