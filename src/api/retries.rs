//! How a whole-chat read (filter, export) rides out failed requests. A
//! read of a big chat is a hundred requests: on a flaky network some of
//! them failing is likely, and the reader should not lose the read to it.
//!
//! A transient failure (no answer, a timeout, a 500, 502, 503 or 504, a
//! 429 without `Retry-After`) pauses the read and asks for the same events
//! again after 1, 2, then 4 seconds; the read ends only when the same
//! events have failed a fourth time with no answer to any request in
//! between. Failures are counted per page of events (by their ages, which
//! growth at the head does not change), not in a row across the read: four
//! requests are in flight at once, and a failure of one says nothing of
//! the others. An answer starts every count over: a service that answers
//! is flaky, not down (at 30% failures, four failures of one page among a
//! hundred are likely, four with nothing answered between them are not).
//! A busy service that names its `Retry-After` is waited for as long as it
//! asks (at least a second), and is not counted.

use std::ops::Range;

use super::LoadError;

/// Times the same events are asked for again: their next failure ends the
/// read.
pub const MAX_RETRIES: u32 = 3;

/// What the read does after a failed request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Ask again after this many seconds (sending nothing meanwhile).
    Pause(u64),
    /// The failure will not pass: the read ends with it.
    GiveUp,
}

/// The read's failures so far, per page of events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retries {
    /// The ages a request asked for, and how often they failed.
    failed: Vec<(Range<u64>, u32)>,
}

impl Retries {
    /// A request was answered: the service works, and every page's
    /// failures so far count for nothing.
    ///
    /// ```
    /// use chat_activity::api::retries::{AfterFailure, Retries};
    /// use chat_activity::LoadError;
    /// let mut retries = Retries::default();
    /// for _ in 0..3 {
    ///     retries.failed(100..200, &LoadError::Timeout);
    /// }
    /// retries.answered();
    /// assert_eq!(retries.failed(100..200, &LoadError::Timeout), AfterFailure::Pause(1));
    /// ```
    pub fn answered(&mut self) {
        self.failed.clear();
    }

    /// A request for the events of `ages` failed with `error`.
    ///
    /// ```
    /// use chat_activity::api::retries::{AfterFailure, Retries};
    /// use chat_activity::LoadError;
    /// let mut retries = Retries::default();
    /// assert_eq!(retries.failed(100..200, &LoadError::Timeout), AfterFailure::Pause(1));
    /// // Another page's failure is its own first.
    /// assert_eq!(retries.failed(200..300, &LoadError::Status(502)), AfterFailure::Pause(1));
    /// assert_eq!(retries.failed(100..200, &LoadError::Timeout), AfterFailure::Pause(2));
    /// assert_eq!(retries.failed(0..100, &LoadError::NotFound), AfterFailure::GiveUp);
    /// ```
    pub fn failed(&mut self, ages: Range<u64>, error: &LoadError) -> AfterFailure {
        if let LoadError::Busy { retry_after, .. } = error {
            return AfterFailure::Pause((*retry_after).max(1));
        }
        if !transient(error) {
            return AfterFailure::GiveUp;
        }
        let count = match self.failed.iter_mut().find(|(failed, _)| *failed == ages) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                self.failed.push((ages, 1));
                1
            }
        };
        if count > MAX_RETRIES {
            AfterFailure::GiveUp
        } else {
            AfterFailure::Pause(1 << (count - 1))
        }
    }
}

/// While a read pauses for `left_ms` more: how long until the seconds it
/// shows ("it goes on in 3 s", rounded up) go down by one, so that the
/// notice counts down rather than standing still.
///
/// ```
/// use chat_activity::api::retries::until_next_second;
/// assert_eq!(until_next_second(2300.0), 300.0); // "3 s" until 2000 ms are left
/// assert_eq!(until_next_second(2000.0), 1000.0); // "2 s" for a whole second
/// ```
pub fn until_next_second(left_ms: f64) -> f64 {
    if left_ms <= 0.0 {
        return 0.0;
    }
    let shown = (left_ms / 1000.0).ceil();
    (left_ms - (shown - 1.0) * 1000.0).clamp(1.0, 1000.0)
}

/// Whether asking again may well get an answer: no answer, a timeout, a
/// server or gateway that failed for a moment, or a busy service that did
/// not say for how long.
fn transient(error: &LoadError) -> bool {
    match error {
        LoadError::Network(_) | LoadError::Timeout => true,
        LoadError::Status(status) => matches!(status, 429 | 500 | 502 | 503 | 504),
        LoadError::NotFound | LoadError::Undecodable(_) | LoadError::Busy { .. } => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pause_counts_down_once_a_second_to_its_end() {
        let mut left = 4_000.0;
        let mut shown = Vec::new();
        while left > 0.0 {
            shown.push((left / 1000.0_f64).ceil());
            left -= until_next_second(left);
        }
        assert_eq!(shown, [4.0, 3.0, 2.0, 1.0]);
        assert_eq!(until_next_second(1.0), 1.0, "never a busy loop");
        assert_eq!(until_next_second(-5.0), 0.0, "an ended pause");
    }

    #[test]
    fn a_503_without_retry_after_is_asked_again_after_1_2_4_seconds_then_given_up() {
        let mut retries = Retries::default();
        let steps: Vec<_> = (0..4)
            .map(|_| retries.failed(300..400, &LoadError::Status(503)))
            .collect();
        assert_eq!(
            steps,
            [
                AfterFailure::Pause(1),
                AfterFailure::Pause(2),
                AfterFailure::Pause(4),
                AfterFailure::GiveUp
            ]
        );
    }

    #[test]
    fn every_page_failing_once_never_ends_the_read() {
        // A hundred pages, four in flight: on a flaky network failures of
        // different pages come one after another, before the answers.
        let mut retries = Retries::default();
        for page in 0..100 {
            let ages = page * 100..(page + 1) * 100;
            assert_eq!(
                retries.failed(ages, &LoadError::Status(503)),
                AfterFailure::Pause(1)
            );
        }
    }

    #[test]
    fn a_page_failing_again_and_again_while_others_answer_never_ends_the_read() {
        let mut retries = Retries::default();
        for _ in 0..10 {
            assert_eq!(
                retries.failed(300..400, &LoadError::Status(503)),
                AfterFailure::Pause(1)
            );
            retries.answered();
        }
    }

    #[test]
    fn the_first_request_and_the_oldest_page_are_counted_apart() {
        let mut retries = Retries::default();
        for _ in 0..3 {
            retries.failed(0..0, &LoadError::Timeout);
        }
        assert_eq!(
            retries.failed(0..100, &LoadError::Timeout),
            AfterFailure::Pause(1)
        );
        assert_eq!(
            retries.failed(0..0, &LoadError::Timeout),
            AfterFailure::GiveUp
        );
    }

    #[test]
    fn a_named_retry_after_is_waited_for_and_never_counted() {
        let mut retries = Retries::default();
        for _ in 0..10 {
            let busy = LoadError::Busy {
                status: 429,
                retry_after: 7,
            };
            assert_eq!(retries.failed(0..100, &busy), AfterFailure::Pause(7));
        }
        assert_eq!(
            retries.failed(0..100, &LoadError::Timeout),
            AfterFailure::Pause(1)
        );
    }

    #[test]
    fn a_retry_after_of_zero_still_pauses_a_second() {
        let busy = LoadError::Busy {
            status: 503,
            retry_after: 0,
        };
        assert_eq!(
            Retries::default().failed(0..100, &busy),
            AfterFailure::Pause(1)
        );
    }

    #[test]
    fn failures_that_will_not_pass_end_the_read_at_once() {
        for error in [
            LoadError::NotFound,
            LoadError::Status(400),
            LoadError::Status(410),
            LoadError::Status(501),
            LoadError::Undecodable("not JSON".into()),
        ] {
            assert_eq!(
                Retries::default().failed(0..100, &error),
                AfterFailure::GiveUp
            );
        }
        for error in [
            LoadError::Status(429),
            LoadError::Status(500),
            LoadError::Status(503),
            LoadError::Network("reset".into()),
        ] {
            assert_eq!(
                Retries::default().failed(0..100, &error),
                AfterFailure::Pause(1)
            );
        }
    }
}
