//! Time text: how long ago an event happened, in words.

use chrono::{DateTime, Datelike, Utc};

/// A unit of relative time, named as `Intl.RelativeTimeFormat` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Used only for "now" (value 0).
    Second,
    /// Under an hour.
    Minute,
    /// Under a day.
    Hour,
    /// Under a week.
    Day,
    /// Up to thirty days.
    Week,
}

impl TimeUnit {
    /// The unit's name for `Intl.RelativeTimeFormat`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Second => "second",
            Self::Minute => "minute",
            Self::Hour => "hour",
            Self::Day => "day",
            Self::Week => "week",
        }
    }
}

/// How to say when something happened, seen from now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeTime {
    /// Within thirty days: a signed count of a unit (negative: in the past).
    Relative {
        /// Negative for the past, 0 for now.
        value: i64,
        /// What the value counts.
        unit: TimeUnit,
    },
    /// Longer ago (or ahead) than thirty days: show the date instead.
    Date,
}

/// Beyond this many days, a date says more than "5 weeks ago".
pub const RELATIVE_DAYS: i64 = 30;

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const WEEK: i64 = 7 * DAY;

/// Month abbreviations for the English date ("Apr 4, 2026"): chrono's
/// `format` would pull its whole strftime machinery into the wasm.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl RelativeTime {
    /// When `then` was, seen at `now`: like GitHub's `<relative-time>`,
    /// relative within thirty days (rounding down), a date beyond.
    pub fn between(then: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        let seconds = now.signed_duration_since(then).num_seconds();
        let size = seconds.saturating_abs();
        if size > RELATIVE_DAYS * DAY {
            return Self::Date;
        }
        let (unit_seconds, unit) = [
            (WEEK, TimeUnit::Week),
            (DAY, TimeUnit::Day),
            (HOUR, TimeUnit::Hour),
            (MINUTE, TimeUnit::Minute),
        ]
        .into_iter()
        .find(|(unit_seconds, _)| size >= *unit_seconds)
        .unwrap_or((1, TimeUnit::Second));
        let count = if unit == TimeUnit::Second {
            0
        } else {
            size / unit_seconds
        };
        let value = if seconds >= 0 { -count } else { count };
        Self::Relative { value, unit }
    }

    /// The same, with day-sized counts taken from the calendar: an event of
    /// the day before yesterday is "2 days ago" even 30 hours later, as its
    /// day heading says. `calendar_days` is the viewer's local day of now
    /// minus that of the event.
    pub fn in_calendar_days(self, calendar_days: i64) -> Self {
        match self {
            Self::Relative {
                unit: TimeUnit::Day,
                value,
            } if calendar_days != 0 && calendar_days.signum() == -value.signum() => {
                Self::Relative {
                    value: -calendar_days,
                    unit: TimeUnit::Day,
                }
            }
            other => other,
        }
    }

    /// The English text, where the browser's `Intl` is not at hand:
    /// "just now", "1 minute ago", "3 hours ago", "in 2 days", or the date.
    pub fn english(self, then: DateTime<Utc>) -> String {
        match self {
            Self::Date => format!(
                "{} {}, {:04}",
                MONTHS[then.month0() as usize],
                then.day(),
                then.year()
            ),
            Self::Relative { value: 0, .. } => "just now".to_owned(),
            Self::Relative { value, unit } => {
                let count = value.unsigned_abs();
                let plural = if count == 1 { "" } else { "s" };
                let name = unit.as_str();
                if value < 0 {
                    format!("{count} {name}{plural} ago")
                } else {
                    format!("in {count} {name}{plural}")
                }
            }
        }
    }
}

/// How long ago `then` was, seen at `now`, in plain English.
///
/// ```
/// use chat_activity::time_text::relative_time;
/// let now = chrono::DateTime::parse_from_rfc3339("2026-04-04T15:30:00Z").unwrap().to_utc();
/// let then = chrono::DateTime::parse_from_rfc3339("2026-04-04T12:30:00Z").unwrap().to_utc();
/// assert_eq!(relative_time(then, now), "3 hours ago");
/// ```
pub fn relative_time(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    RelativeTime::between(then, now).english(then)
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
        assert_eq!(ago(30 * 86_400), "4 weeks ago");
    }

    #[test]
    fn beyond_thirty_days_it_is_a_date() {
        assert_eq!(ago(30 * 86_400 + 1), "Mar 5, 2026");
        assert_eq!(ago(400 * 86_400), "Feb 28, 2025");
        assert_eq!(
            RelativeTime::between(now() - Duration::days(45), now()),
            RelativeTime::Date
        );
    }

    #[test]
    fn the_future_reads_forward_and_skew_reads_just_now() {
        assert_eq!(ago(-30), "just now");
        assert_eq!(ago(-2 * 3600), "in 2 hours");
        assert_eq!(
            RelativeTime::between(now() + Duration::hours(2), now()),
            RelativeTime::Relative {
                value: 2,
                unit: TimeUnit::Hour
            }
        );
        assert_eq!(
            RelativeTime::between(now() - Duration::minutes(5), now()),
            RelativeTime::Relative {
                value: -5,
                unit: TimeUnit::Minute
            }
        );
    }

    #[test]
    fn day_counts_follow_the_calendar() {
        let yesterday_by_clock = RelativeTime::between(now() - Duration::hours(30), now());
        assert_eq!(
            yesterday_by_clock.in_calendar_days(2),
            RelativeTime::Relative {
                value: -2,
                unit: TimeUnit::Day
            }
        );
        assert_eq!(yesterday_by_clock.in_calendar_days(1), yesterday_by_clock);
        let ahead = RelativeTime::between(now() + Duration::hours(30), now());
        assert_eq!(
            ahead.in_calendar_days(-2),
            RelativeTime::Relative {
                value: 2,
                unit: TimeUnit::Day
            }
        );
        // Hours, weeks and dates keep their count; a calendar that disagrees
        // on the direction (clock skew) is not followed.
        let hours = RelativeTime::between(now() - Duration::hours(20), now());
        assert_eq!(hours.in_calendar_days(1), hours);
        let weeks = RelativeTime::between(now() - Duration::days(15), now());
        assert_eq!(weeks.in_calendar_days(16), weeks);
        assert_eq!(yesterday_by_clock.in_calendar_days(-1), yesterday_by_clock);
        assert_eq!(yesterday_by_clock.in_calendar_days(0), yesterday_by_clock);
    }

    #[test]
    fn extreme_times_do_not_overflow() {
        let first = DateTime::parse_from_rfc3339("0001-01-01T00:00:00Z")
            .expect("valid")
            .to_utc();
        let last = DateTime::parse_from_rfc3339("9999-12-31T23:59:59Z")
            .expect("valid")
            .to_utc();
        assert_eq!(relative_time(first, last), "Jan 1, 0001");
        assert_eq!(relative_time(last, first), "Dec 31, 9999");
    }
}
