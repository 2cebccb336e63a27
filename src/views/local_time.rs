//! Dates and relative times in the viewer's language and time zone,
//! through the browser's `Intl`. One set of formatters per language.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::day_groups::DayLabel;
use crate::time_text::RelativeTime;

#[wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales`, which throws on a malformed tag: a host
    /// page's `lang` attribute must never crash the component.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn canonical_locales(locales: &JsValue) -> Result<Array, JsValue>;
}

/// The formatters of one language.
struct Formats {
    relative: Intl::RelativeTimeFormat,
    date: Intl::DateTimeFormat,
    full_date: Intl::DateTimeFormat,
    full_date_time: Intl::DateTimeFormat,
}

thread_local! {
    static FORMATS: RefCell<HashMap<String, std::rc::Rc<Formats>>> = RefCell::new(HashMap::new());
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let options = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    options
}

/// A valid BCP 47 tag for `lang`, or "en".
pub fn valid_language(lang: &str) -> String {
    canonical_locales(&JsValue::from_str(lang))
        .ok()
        .and_then(|locales| locales.get(0).as_string())
        .unwrap_or_else(|| "en".to_owned())
}

fn formats(lang: &str) -> std::rc::Rc<Formats> {
    FORMATS.with_borrow_mut(|cache| {
        cache
            .entry(lang.to_owned())
            .or_insert_with(|| {
                let locales = Array::of1(&JsValue::from_str(&valid_language(lang)));
                std::rc::Rc::new(Formats {
                    relative: Intl::RelativeTimeFormat::new(
                        &locales,
                        &options(&[("numeric", "auto")]),
                    ),
                    date: Intl::DateTimeFormat::new(&locales, &options(&[("dateStyle", "medium")])),
                    full_date: Intl::DateTimeFormat::new(
                        &locales,
                        &options(&[("dateStyle", "full")]),
                    ),
                    full_date_time: Intl::DateTimeFormat::new(
                        &locales,
                        &options(&[("dateStyle", "full"), ("timeStyle", "long")]),
                    ),
                })
            })
            .clone()
    })
}

/// Makes `lang`'s formatters now. The first `Intl.RelativeTimeFormat` of a
/// page costs Chromium over 10 ms (it loads its locale data): made while the
/// first page is on its way, it does not hold up that page's rows.
pub fn prepare(lang: &str) {
    formats(lang);
}

fn js_date(instant: DateTime<Utc>) -> js_sys::Date {
    js_sys::Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64))
}

fn format_date(format: &Intl::DateTimeFormat, date: &js_sys::Date) -> Option<String> {
    format
        .format()
        .call1(&JsValue::UNDEFINED, date)
        .ok()?
        .as_string()
}

/// "Saturday, April 4, 2026 at 2:30:00 PM GMT+2": the full date and time
/// in the viewer's time zone.
pub fn full_date_time(instant: DateTime<Utc>, lang: &str) -> String {
    format_date(&formats(lang).full_date_time, &js_date(instant))
        .unwrap_or_else(|| instant.to_rfc3339())
}

/// "3 hours ago", "yesterday", "vor 3 Stunden", or beyond thirty days the
/// date; days are counted on the calendar from `today`, the local day of `now`.
pub fn relative_text(
    instant: DateTime<Utc>,
    now: DateTime<Utc>,
    today: NaiveDate,
    lang: &str,
) -> String {
    let calendar_days = (today - local_day(instant)).num_days();
    let when = RelativeTime::between(instant, now).in_calendar_days(calendar_days);
    let formats = formats(lang);
    let text = match when {
        RelativeTime::Relative { value, unit } => Some(String::from(
            formats.relative.format(value as f64, unit.as_str()),
        )),
        RelativeTime::Date => format_date(&formats.date, &js_date(instant)),
    };
    text.unwrap_or_else(|| when.english(instant))
}

/// A day heading: "Today", "Yesterday" (in the viewer's language) or the full date.
pub fn day_heading(label: DayLabel, lang: &str) -> String {
    let formats = formats(lang);
    let relative_day = |days: f64| {
        let text = String::from(formats.relative.format(days, "day"));
        let mut chars = text.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or(text)
    };
    match label {
        DayLabel::Today => relative_day(0.0),
        DayLabel::Yesterday => relative_day(-1.0),
        DayLabel::On(day) => {
            let date = js_sys::Date::new_with_year_month_day(
                day.year().max(0) as u32,
                day.month0() as i32,
                day.day() as i32,
            );
            format_date(&formats.full_date, &date).unwrap_or_else(|| day.to_string())
        }
    }
}

/// The viewer's local calendar day of an instant.
pub fn local_day(instant: DateTime<Utc>) -> NaiveDate {
    let date = js_date(instant);
    NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_else(|| instant.date_naive())
}

/// The first and last millisecond of a local calendar day, as instants.
pub fn local_day_bounds(day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let midnight = |day: NaiveDate| {
        let date = js_sys::Date::new_with_year_month_day(
            day.year().max(0) as u32,
            day.month0() as i32,
            day.day() as i32,
        );
        DateTime::from_timestamp_millis(date.get_time() as i64)
    };
    let start = midnight(day).unwrap_or_default();
    let end = day
        .succ_opt()
        .and_then(midnight)
        .map_or(start, |next| next - chrono::Duration::milliseconds(1));
    (start, end)
}

/// The current time, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
