//! Time text: how long ago an event happened, in words.

use chrono::{DateTime, Utc};

/// How long ago `then` was, seen at `now`, in plain English
/// ("just now", "1 minute ago", "3 hours ago", "2 months ago").
/// A time slightly ahead of `now` (clock skew) reads "just now"; one far
/// ahead reads "in …".
///
/// ```
/// use chat_activity::time_text::relative_time;
/// let now = chrono::DateTime::parse_from_rfc3339("2026-04-04T15:30:00Z").unwrap().to_utc();
/// let then = chrono::DateTime::parse_from_rfc3339("2026-04-04T12:30:00Z").unwrap().to_utc();
/// assert_eq!(relative_time(then, now), "3 hours ago");
/// ```
pub fn relative_time(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = now.signed_duration_since(then).num_seconds();
    let (amount, unit) = largest_unit(seconds.unsigned_abs());
    if amount == 0 {
        return "just now".to_owned();
    }
    let plural = if amount == 1 { "" } else { "s" };
    if seconds >= 0 {
        format!("{amount} {unit}{plural} ago")
    } else {
        format!("in {amount} {unit}{plural}")
    }
}

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
const WEEK: u64 = 7 * DAY;
/// Average Gregorian lengths, so that long spans come out right.
const YEAR: u64 = 31_556_952;
const MONTH: u64 = YEAR / 12;

/// The largest unit with at least one whole step, rounding down; under a
/// minute is zero ("just now").
fn largest_unit(seconds: u64) -> (u64, &'static str) {
    const UNITS: [(u64, &str); 6] = [
        (YEAR, "year"),
        (MONTH, "month"),
        (WEEK, "week"),
        (DAY, "day"),
        (HOUR, "hour"),
        (MINUTE, "minute"),
    ];
    UNITS
        .iter()
        .find(|(size, _)| seconds >= *size)
        .map_or((0, "minute"), |&(size, name)| (seconds / size, name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-04-04T12:30:00Z")
            .expect("valid")
            .to_utc()
    }

    fn ago(seconds: i64) -> String {
        relative_time(now() - Duration::seconds(seconds), now())
    }

    #[test]
    fn counts_back_in_the_largest_whole_unit() {
        assert_eq!(ago(0), "just now");
        assert_eq!(ago(59), "just now");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(119), "1 minute ago");
        assert_eq!(ago(45 * 60), "45 minutes ago");
        assert_eq!(ago(3 * 3600), "3 hours ago");
        assert_eq!(ago(86_400), "1 day ago");
        assert_eq!(ago(6 * 86_400), "6 days ago");
        assert_eq!(ago(14 * 86_400), "2 weeks ago");
        assert_eq!(ago(45 * 86_400), "1 month ago");
        assert_eq!(ago(61 * 86_400), "2 months ago");
        assert_eq!(ago(400 * 86_400), "1 year ago");
    }

    #[test]
    fn the_future_reads_forward_and_skew_reads_just_now() {
        assert_eq!(ago(-30), "just now");
        assert_eq!(ago(-2 * 3600), "in 2 hours");
    }

    #[test]
    fn extreme_times_do_not_overflow() {
        let first = DateTime::parse_from_rfc3339("0001-01-01T00:00:00Z")
            .expect("valid")
            .to_utc();
        let last = DateTime::parse_from_rfc3339("9999-12-31T23:59:59Z")
            .expect("valid")
            .to_utc();
        assert_eq!(relative_time(first, last), "9998 years ago");
        assert_eq!(relative_time(last, first), "in 9998 years");
    }
}
