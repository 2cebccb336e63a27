//! Focus that follows the reader when the control they used goes away
//! (an export's buttons swapped for its progress, a filter's Clear button
//! gone with the filter): a keyboard user never starts over from the top
//! of the page.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, FocusEvent, HtmlElement, ShadowRoot};

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
    holds_focus(container) || focus_is_lost()
}

/// Whether the focus is on no element: the page's body, where it falls
/// when the focused control is removed or disabled.
fn focus_is_lost() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element())
        .is_none_or(|active| active.tag_name() == "BODY")
}

/// For the component's `focusout`: a control disabled while it held the
/// focus (Export while a filter reads the chat; every tool when the chat
/// turns out not to exist) drops the focus to the page's body, so the
/// component's heading takes it instead. Focus that left for another
/// element, or for another window, is left alone.
pub fn recover_focus(event: &FocusEvent, root: Element) {
    let disabled = event.related_target().is_none()
        && event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .is_some_and(|target| target.matches(":disabled").unwrap_or(false));
    if disabled {
        request_animation_frame(move || {
            if root.is_connected() && focus_is_lost() {
                focus_heading(&root);
            }
        });
    }
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
/// view shows the change just made (at the next frame). Where there is
/// none, or it is disabled (an export's button while a filter reads the
/// chat), the component's heading takes the focus rather than the page.
pub fn focus_soon(container: Element, selector: &'static str) {
    request_animation_frame(move || {
        let target = container
            .query_selector(selector)
            .ok()
            .flatten()
            .filter(|target| !target.matches(":disabled").unwrap_or(false))
            .and_then(|target| target.dyn_into::<HtmlElement>().ok());
        match target {
            Some(target) => _ = target.focus(),
            None => {
                if let Some(root) = container.closest(".ca-root").ok().flatten() {
                    focus_heading(&root);
                }
            }
        }
    });
}

/// Focuses the heading of the component whose root is `root`; a heading
/// shown to screen readers only would hold an invisible focus, so then the
/// region itself takes it.
pub fn focus_heading(root: &Element) {
    let heading = root
        .query_selector(".ca-title:not(.ca-visually-hidden)")
        .ok()
        .flatten()
        .unwrap_or_else(|| root.clone());
    if let Ok(heading) = heading.dyn_into::<HtmlElement>() {
        let _ = heading.focus();
    }
}
