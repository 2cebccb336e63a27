//! Plural categories and numbers from the browser's `Intl`
//! (`Intl.PluralRules`, `Intl.NumberFormat`), one pair per language tag;
//! English rules where there is no browser (native tests).

#[cfg(target_arch = "wasm32")]
pub use browser::rules;

#[cfg(not(target_arch = "wasm32"))]
/// The rules for a language tag (English rules outside the browser).
pub fn rules(_tag: &str) -> super::template::EnglishRules {
    super::template::EnglishRules
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::{Array, Intl, Object};
    use wasm_bindgen::JsValue;

    use crate::i18n::template::NumberRules;

    struct Formatters {
        plurals: Intl::PluralRules,
        numbers: js_sys::Function,
    }

    thread_local! {
        /// Per tag; a page uses one or two.
        static FORMATTERS: RefCell<Vec<(String, Rc<Formatters>)>> = const { RefCell::new(Vec::new()) };
    }

    /// The browser's rules for a language tag.
    pub struct IntlRules(Rc<Formatters>);

    /// The rules for a language tag.
    pub fn rules(tag: &str) -> IntlRules {
        IntlRules(FORMATTERS.with_borrow_mut(|cache| {
            if let Some((_, formatters)) = cache.iter().find(|(cached, _)| cached == tag) {
                return Rc::clone(formatters);
            }
            // `Intl` throws on a malformed tag: never hand it one.
            let locales = Array::of1(&JsValue::from_str(
                &crate::views::local_time::valid_language(tag),
            ));
            let formatters = Rc::new(Formatters {
                plurals: Intl::PluralRules::new(&locales, &Object::new()),
                numbers: Intl::NumberFormat::new(&locales, &Object::new()).format(),
            });
            cache.push((tag.to_owned(), Rc::clone(&formatters)));
            formatters
        }))
    }

    impl NumberRules for IntlRules {
        fn category(&self, n: u64) -> String {
            String::from(self.0.plurals.select(n as f64))
        }

        fn number(&self, n: u64) -> String {
            self.0
                .numbers
                .call1(&JsValue::UNDEFINED, &JsValue::from_f64(n as f64))
                .ok()
                .and_then(|text| text.as_string())
                .unwrap_or_else(|| n.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::template::NumberRules;

    #[test]
    fn outside_the_browser_english_rules_apply() {
        assert_eq!(rules("de").number(10_000), "10,000");
        assert_eq!(rules("ru").category(1), "one");
    }
}
