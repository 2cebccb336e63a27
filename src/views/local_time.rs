//! Dates in the viewer's own time zone and locale, through the browser's `Intl`.

use chrono::{DateTime, Utc};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

thread_local! {
    /// Building a formatter is costly; every row shares this one.
    static FULL_DATE_TIME: Option<Intl::DateTimeFormat> = full_date_time_format();
}

fn full_date_time_format() -> Option<Intl::DateTimeFormat> {
    let options = Object::new();
    Reflect::set(&options, &"dateStyle".into(), &"full".into()).ok()?;
    Reflect::set(&options, &"timeStyle".into(), &"long".into()).ok()?;
    Some(Intl::DateTimeFormat::new(&Array::new(), &options))
}

/// "Saturday, April 4, 2026 at 2:30:00 PM GMT+2": the full date and time
/// in the viewer's time zone; ISO 8601 in UTC where `Intl` is missing.
pub fn full_date_time(instant: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(instant.timestamp_millis() as f64));
    FULL_DATE_TIME
        .with(|format| {
            format
                .as_ref()
                .and_then(|format| format.format().call1(&JsValue::UNDEFINED, &date).ok())
                .and_then(|text| text.as_string())
        })
        .unwrap_or_else(|| instant.to_rfc3339())
}

/// The current time, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
