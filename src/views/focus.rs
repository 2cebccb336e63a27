//! Focus that follows the reader when the control they used goes away
//! (an export's buttons swapped for its progress, a filter's Clear button
//! gone with the filter): a keyboard user never starts over from the top
//! of the page.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

/// Whether the focus is on `container` or inside it (in its document or
/// shadow root).
pub fn holds_focus(container: &Element) -> bool {
    let root = container.get_root_node();
    let active = match root.dyn_ref::<ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root
            .dyn_ref::<Document>()
            .and_then(Document::active_element),
    };
    active.is_some_and(|active| container.contains(Some(&active)))
}

/// Whether focus may be moved into `container` without taking it from
/// the reader: it is inside already, or on no element (the page's body,
/// where it falls when the focused control is removed).
pub fn focus_is_free(container: &Element) -> bool {
    holds_focus(container)
        || web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.active_element())
            .is_none_or(|active| active.tag_name() == "BODY")
}

/// Where the focus is inside `container` (on a control about to go): it
/// goes to the first element matching `selector` there once the view has
/// changed. Elsewhere it is left alone.
pub fn follow_focus(container: Element, selector: &'static str) {
    if holds_focus(&container) {
        focus_soon(container, selector);
    }
}

/// Focuses the first element matching `selector` in `container` once the
/// view shows the change just made (at the next frame).
pub fn focus_soon(container: Element, selector: &'static str) {
    request_animation_frame(move || {
        let target = container.query_selector(selector).ok().flatten();
        if let Some(target) = target.and_then(|target| target.dyn_into::<HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
}
