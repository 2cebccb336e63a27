//! Jump to date: the offset of the newest event on or before a moment,
//! found by binary search over offsets with `limit=1` probes (the API cannot
//! search by time).

use chrono::{DateTime, Utc};

/// A binary search over the offsets of a timeline of `total` events,
/// newest first (so event times never increase with the offset).
///
/// ```
/// use chat_activity::jump_to_date::JumpSearch;
/// // Times of a 5-event timeline, newest first; find the first at or before 25.
/// let times = [50, 40, 30, 20, 10];
/// let mut search = JumpSearch::new(times.len() as u64);
/// while let Some(offset) = search.next_probe() {
///     search.record(offset, times[offset as usize] <= 25);
/// }
/// assert_eq!(search.found(), Some(3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JumpSearch {
    /// Every offset below `low` is after the moment.
    low: u64,
    /// Every offset from `high` on is at or before it.
    high: u64,
    total: u64,
}

impl JumpSearch {
    /// A search over `total` events.
    pub fn new(total: u64) -> Self {
        Self {
            low: 0,
            high: total,
            total,
        }
    }

    /// The next offset to read with `limit=1`, until the search is over.
    pub fn next_probe(&self) -> Option<u64> {
        (self.low < self.high).then(|| self.low + (self.high - self.low) / 2)
    }

    /// What the probe at `offset` showed: whether its event is at or before the moment.
    pub fn record(&mut self, offset: u64, at_or_before: bool) {
        if at_or_before {
            self.high = offset;
        } else {
            self.low = offset + 1;
        }
    }

    /// Records a probe that came back empty (the timeline shrank): the
    /// offset and all after it are treated as past the end.
    pub fn record_missing(&mut self, offset: u64) {
        self.high = offset;
        self.total = self.total.min(offset);
    }

    /// The offset of the newest event at or before the moment, once the
    /// search is over; `None` when every event is after it.
    pub fn found(&self) -> Option<u64> {
        (self.next_probe().is_none() && self.high < self.total).then_some(self.high)
    }

    /// The most probes a timeline of `total` events can take: ⌈log₂(total + 1)⌉.
    pub fn max_probes(total: u64) -> u32 {
        u64::BITS - total.leading_zeros()
    }
}

/// Why a date cannot be jumped to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JumpError {
    /// The day has not begun yet.
    #[error("That date is in the future: nothing has happened then yet.")]
    InTheFuture,
    /// Every event of the chat is later than the end of that day.
    #[error("The chat has no activity on or before that date.")]
    BeforeTheFirstEvent,
    /// The date input's text is not a date.
    #[error("Choose a date to jump to.")]
    NoDate,
}

/// Refuses a day whose start is after `now`.
pub fn check_not_future(day_start: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), JumpError> {
    if day_start > now {
        Err(JumpError::InTheFuture)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a search over times (newest first), counting probes.
    fn search(times: &[i64], moment: i64) -> (Option<u64>, u32) {
        let mut search = JumpSearch::new(times.len() as u64);
        let mut probes = 0;
        while let Some(offset) = search.next_probe() {
            probes += 1;
            search.record(offset, times[offset as usize] <= moment);
        }
        (search.found(), probes)
    }

    #[test]
    fn finds_the_newest_event_at_or_before_the_moment() {
        let times = [90, 80, 80, 70, 60, 50, 40];
        assert_eq!(search(&times, 100).0, Some(0));
        assert_eq!(search(&times, 90).0, Some(0));
        assert_eq!(search(&times, 85).0, Some(1));
        assert_eq!(search(&times, 80).0, Some(1));
        assert_eq!(search(&times, 75).0, Some(3));
        assert_eq!(search(&times, 40).0, Some(6));
        assert_eq!(search(&times, 39).0, None, "before the first event");
        assert_eq!(search(&[], 10).0, None);
    }

    #[test]
    fn probes_stay_within_log2_of_the_total() {
        for total in [1_u64, 2, 3, 7, 8, 9, 100, 1000, 10_000] {
            let times: Vec<i64> = (0..total as i64).rev().collect();
            for moment in [-1, 0, total as i64 / 3, total as i64] {
                let (_, probes) = search(&times, moment);
                assert!(
                    probes <= JumpSearch::max_probes(total),
                    "total {total}: {probes} probes"
                );
                let ceil_log2 = (total as f64).log2().ceil() as u32;
                assert!(probes <= ceil_log2 + 1, "total {total}");
            }
        }
    }

    #[test]
    fn a_shrunk_timeline_ends_the_search_gracefully() {
        let mut search = JumpSearch::new(10);
        let first = search.next_probe().expect("a probe");
        search.record_missing(first);
        while let Some(offset) = search.next_probe() {
            search.record(offset, false);
        }
        assert_eq!(search.found(), None);
    }

    #[test]
    fn future_days_are_refused() {
        let now = DateTime::parse_from_rfc3339("2026-04-04T12:00:00Z")
            .expect("valid")
            .to_utc();
        let tomorrow = DateTime::parse_from_rfc3339("2026-04-05T00:00:00Z")
            .expect("valid")
            .to_utc();
        assert_eq!(check_not_future(tomorrow, now), Err(JumpError::InTheFuture));
        assert_eq!(check_not_future(now, now), Ok(()));
    }
}
