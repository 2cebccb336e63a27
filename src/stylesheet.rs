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

#[cfg(test)]
mod tests {
    /// The stylesheet without its comments.
    fn rules() -> String {
        let mut rules = String::new();
        let mut rest = super::STYLESHEET;
        while let Some(start) = rest.find("/*") {
            rules.push_str(&rest[..start]);
            rest = rest[start..]
                .find("*/")
                .map_or("", |end| &rest[start + end + 2..]);
        }
        rules.push_str(rest);
        rules
    }

    #[test]
    fn the_layout_follows_the_writing_direction() {
        // Logical properties only (margin-inline-start, inset-inline-end, …):
        // right to left then needs no rule of its own.
        for (number, line) in rules().lines().enumerate() {
            assert!(
                !line.contains("left") && !line.contains("right"),
                "line {}: `{}` is tied to one direction",
                number + 1,
                line.trim()
            );
        }
    }

    /// A shorthand's values, split at spaces outside parentheses.
    fn values(value: &str) -> Vec<String> {
        let (mut values, mut depth) = (vec![String::new()], 0);
        for c in value.trim().chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                ' ' if depth == 0 => {
                    values.push(String::new());
                    continue;
                }
                _ => {}
            }
            values.last_mut().expect("never empty").push(c);
        }
        values.retain(|value| !value.is_empty());
        values
    }

    #[test]
    fn no_shorthand_sets_one_side_apart_from_the_other() {
        // `padding: 0 0 0 1em` is `padding-left` in disguise; four corners
        // of `border-radius` are physical too.
        for (number, line) in rules().lines().enumerate() {
            let Some((property, value)) = line.trim().trim_end_matches(';').split_once(':') else {
                continue;
            };
            let values = values(value);
            let tied = match property.trim() {
                "margin" | "padding" | "inset" | "border-width" | "border-style"
                | "border-color" => values.len() == 4 && values[1] != values[3],
                "border-radius" => values.len() > 1 && !value.contains('/'),
                _ => false,
            };
            assert!(
                !tied,
                "line {}: `{}` is tied to one direction",
                number + 1,
                line.trim()
            );
        }
    }

    #[test]
    fn the_shorthand_check_sees_what_it_is_for() {
        assert_eq!(
            values(" 0 0 0 calc(var(--a) / 2)"),
            ["0", "0", "0", "calc(var(--a) / 2)"]
        );
    }
}
