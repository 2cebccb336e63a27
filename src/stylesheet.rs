//! The component's stylesheet, compiled into the wasm and adopted where the
//! component renders: each element's shadow root, and the standalone page.
//! (Hosts of the Leptos component link `style/chat-activity.css` instead.)

use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

const STYLESHEET: &str = include_str!("../style/chat-activity.css");

thread_local! {
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(STYLESHEET).is_ok());
}

/// Adds the stylesheet to a shadow root's adopted style sheets.
pub(crate) fn adopt_into_shadow(shadow: &web_sys::ShadowRoot) {
    with_sheets(shadow.adopted_style_sheets(), |sheets| {
        shadow.set_adopted_style_sheets(sheets)
    });
}

/// Adds the stylesheet to the document's adopted style sheets.
pub(crate) fn adopt_into_document(document: &web_sys::Document) {
    with_sheets(document.adopted_style_sheets(), |sheets| {
        document.set_adopted_style_sheets(sheets)
    });
}

/// `sheets` with ours appended (once), handed to `set`.
fn with_sheets(sheets: js_sys::Array, set: impl FnOnce(&JsValue)) {
    SHEET.with(|sheet| {
        let Some(sheet) = sheet else {
            leptos::logging::warn!("chat-activity: the browser refused the stylesheet");
            return;
        };
        if !sheets.includes(sheet, 0) {
            sheets.push(sheet);
            set(&sheets);
        }
    });
}
