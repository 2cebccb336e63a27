//! How a whole-chat read (filter, export) rides out failed requests. A
//! read of a big chat is a hundred requests: on a flaky network one of
//! them failing is likely, and the reader should not lose the read to it.
//!
//! A transient failure (no answer, a timeout, a 500, 502, 503 or 504, a
//! 429 without `Retry-After`) pauses the read and asks again after 1, 2,
//! then 4 seconds; the fourth failure in a row ends the read. A busy
//! service that names its `Retry-After` is waited for as long as it asks
//! (at least a second), and is not counted. Requests sent before a pause
//! began report failures of that same moment: they do not count again.

use super::LoadError;

/// Times a failed request is asked again in a row: the failure after
/// these ends the read.
pub const MAX_RETRIES: u32 = 3;

/// What the read does after a failed request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Ask again after this many seconds (sending nothing meanwhile).
    Pause(u64),
    /// The failure of a request sent before the last pause began: that
    /// pause stands for it (its events are asked for again once it is over).
    Paused,
    /// The failure will not pass: the read ends with it.
    GiveUp,
}

/// The read's failures so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Retries {
    /// Transient failures since the last answer to a request sent after
    /// the last of them.
    in_a_row: u32,
    /// Counts transient failures' pauses: requests are tagged with the
    /// round they were sent in.
    round: u32,
}

impl Retries {
    /// The round a request sent now belongs to.
    pub fn round(&self) -> u32 {
        self.round
    }

    /// A request sent in `round` was answered.
    pub fn answered(&mut self, round: u32) {
        if round == self.round {
            self.in_a_row = 0;
        }
    }

    /// A request sent in `round` failed with `error`.
    ///
    /// ```
    /// use chat_activity::api::retries::{AfterFailure, Retries};
    /// use chat_activity::LoadError;
    /// let mut retries = Retries::default();
    /// let round = retries.round();
    /// assert_eq!(retries.failed(round, &LoadError::Timeout), AfterFailure::Pause(1));
    /// // Another request of the same round: the pause covers it.
    /// assert_eq!(retries.failed(round, &LoadError::Status(502)), AfterFailure::Paused);
    /// assert_eq!(retries.failed(retries.round(), &LoadError::NotFound), AfterFailure::GiveUp);
    /// ```
    pub fn failed(&mut self, round: u32, error: &LoadError) -> AfterFailure {
        if let LoadError::Busy { retry_after, .. } = error {
            // (Not a round of its own: answers that come after it still
            // show the read is going well.)
            return AfterFailure::Pause((*retry_after).max(1));
        }
        if !transient(error) {
            return AfterFailure::GiveUp;
        }
        if round != self.round {
            return AfterFailure::Paused;
        }
        if self.in_a_row >= MAX_RETRIES {
            return AfterFailure::GiveUp;
        }
        self.in_a_row += 1;
        self.round += 1;
        AfterFailure::Pause(1 << (self.in_a_row - 1))
    }
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

    fn fail(retries: &mut Retries, error: LoadError) -> AfterFailure {
        let round = retries.round();
        retries.failed(round, &error)
    }

    #[test]
    fn a_503_without_retry_after_is_asked_again_after_1_2_4_seconds_then_given_up() {
        let mut retries = Retries::default();
        let steps: Vec<_> = (0..4)
            .map(|_| fail(&mut retries, LoadError::Status(503)))
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
    fn an_answer_starts_the_count_over() {
        let mut retries = Retries::default();
        for _ in 0..10 {
            assert_eq!(
                fail(&mut retries, LoadError::Network("reset".into())),
                AfterFailure::Pause(1)
            );
            assert_eq!(
                fail(&mut retries, LoadError::Timeout),
                AfterFailure::Pause(2)
            );
            let round = retries.round();
            retries.answered(round);
        }
    }

    #[test]
    fn an_answer_to_a_request_sent_before_the_pause_does_not_reset_the_count() {
        let mut retries = Retries::default();
        let before = retries.round();
        assert_eq!(
            fail(&mut retries, LoadError::Timeout),
            AfterFailure::Pause(1)
        );
        retries.answered(before);
        assert_eq!(
            fail(&mut retries, LoadError::Timeout),
            AfterFailure::Pause(2)
        );
    }

    #[test]
    fn four_requests_failing_at_one_moment_are_one_failure() {
        let mut retries = Retries::default();
        let round = retries.round();
        assert_eq!(
            retries.failed(round, &LoadError::Status(500)),
            AfterFailure::Pause(1)
        );
        for _ in 0..3 {
            assert_eq!(
                retries.failed(round, &LoadError::Status(500)),
                AfterFailure::Paused
            );
        }
        assert_eq!(
            fail(&mut retries, LoadError::Status(500)),
            AfterFailure::Pause(2)
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
            assert_eq!(fail(&mut retries, busy), AfterFailure::Pause(7));
        }
        assert_eq!(
            fail(&mut retries, LoadError::Timeout),
            AfterFailure::Pause(1)
        );
    }

    #[test]
    fn a_busy_answer_does_not_hide_the_answers_after_it() {
        let mut retries = Retries::default();
        for _ in 0..10 {
            let round = retries.round();
            assert_eq!(
                retries.failed(round, &LoadError::Status(502)),
                AfterFailure::Pause(1)
            );
            let round = retries.round();
            let busy = LoadError::Busy {
                status: 429,
                retry_after: 1,
            };
            assert_eq!(retries.failed(round, &busy), AfterFailure::Pause(1));
            retries.answered(round);
        }
    }

    #[test]
    fn a_retry_after_of_zero_still_pauses_a_second() {
        let busy = LoadError::Busy {
            status: 503,
            retry_after: 0,
        };
        assert_eq!(fail(&mut Retries::default(), busy), AfterFailure::Pause(1));
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
            assert_eq!(fail(&mut Retries::default(), error), AfterFailure::GiveUp);
        }
        for error in [
            LoadError::Status(429),
            LoadError::Status(500),
            LoadError::Status(503),
        ] {
            assert_eq!(fail(&mut Retries::default(), error), AfterFailure::Pause(1));
        }
    }
}
