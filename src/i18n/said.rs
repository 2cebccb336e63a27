//! What the component says about its domain's values (errors, ranges,
//! events, bursts) in the texts' language: one place that maps each to its
//! message, tested natively.

use super::template::{Arg, Segment};
use super::{MessageId, Texts};
use crate::api::{ApiBaseError, LoadError};
use crate::chat_id::ChatIdError;
use crate::event_text::EventSentence;
use crate::join_bursts::JoinBurst;
use crate::jump_to_date::JumpError;
use crate::paging::ShownRange;

impl Texts {
    /// What the user reads when a page could not be shown.
    pub fn load_error(&self, error: &LoadError) -> String {
        let status = error.http_status().to_string();
        let id = match error {
            LoadError::NotFound => MessageId::ChatNotFound,
            LoadError::Network(_) => MessageId::ErrorNetwork,
            LoadError::Status(_) => MessageId::ErrorStatus,
            LoadError::Busy { .. } => MessageId::ErrorBusy,
            LoadError::Timeout => MessageId::ErrorTimeout,
            LoadError::Undecodable(_) => MessageId::ErrorUndecodable,
        };
        self.format(id, &[("status", Arg::Text(&status))])
    }

    /// Why a date cannot be jumped to.
    pub fn jump_error(&self, error: &JumpError) -> String {
        self.text(match error {
            JumpError::InTheFuture => MessageId::JumpInFuture,
            JumpError::BeforeTheFirstEvent => MessageId::JumpBeforeFirstEvent,
            JumpError::NoDate => MessageId::JumpNoDate,
        })
    }

    /// Why a chat id is not usable.
    pub fn chat_id_error(&self, error: &ChatIdError) -> String {
        self.text(match error {
            ChatIdError::Missing => MessageId::ChatIdMissing,
            ChatIdError::NotDigits => MessageId::ChatIdNotDigits,
            ChatIdError::OutOfRange => MessageId::ChatIdOutOfRange,
        })
    }

    /// Why an API base is not usable.
    pub fn api_base_error(&self, error: &ApiBaseError) -> String {
        self.text(match error {
            ApiBaseError::NotHttp => MessageId::ApiBaseNotHttp,
            ApiBaseError::Malformed => MessageId::ApiBaseMalformed,
        })
    }

    /// "Showing 1–25 of 10,000" ("… so far" while the chat is read).
    pub fn shown_range(&self, range: &ShownRange) -> String {
        self.format(
            if range.so_far {
                MessageId::ShowingRangeSoFar
            } else {
                MessageId::ShowingRange
            },
            &[
                ("first", Arg::Number(range.first)),
                ("last", Arg::Number(range.last)),
                ("total", Arg::Number(range.total)),
            ],
        )
    }

    /// "Show 3 new events".
    pub fn show_new_events(&self, count: u64) -> String {
        self.format(MessageId::ShowNewEvents, &[("count", Arg::Number(count))])
    }

    /// An event as a sentence whose `username` (and `code`, `action`)
    /// slots the view fills.
    pub fn event_sentence(&self, sentence: &EventSentence) -> Vec<Segment> {
        self.segments(
            sentence.message,
            &[
                ("username", Arg::Slot),
                ("code", Arg::Slot),
                ("action", Arg::Slot),
            ],
        )
    }

    /// A join burst's note, with a `code` slot.
    pub fn burst_note(&self, burst: &JoinBurst) -> Vec<Segment> {
        self.segments(
            MessageId::JoinBurst,
            &[
                ("count", Arg::Number(burst.events.len() as u64)),
                ("code", Arg::Slot),
                ("minutes", Arg::Number(burst.minutes.max(0) as u64)),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Locale};

    fn german() -> Texts {
        Texts::bundled(Locale::new("de", None))
    }

    #[test]
    fn errors_say_what_went_wrong_with_the_status() {
        let english = Texts::default();
        assert_eq!(english.load_error(&LoadError::NotFound), "Chat not found");
        assert_eq!(
            english.load_error(&LoadError::Status(502)),
            "The activity service answered with an error (HTTP 502)."
        );
        assert!(german().load_error(&LoadError::Status(502)).contains("502"));
        assert_eq!(
            german().load_error(&LoadError::NotFound),
            "Chat nicht gefunden"
        );
    }

    #[test]
    fn ranges_and_new_events_in_english_and_german() {
        let range = ShownRange::new(0, 25, 10_000).expect("a range");
        assert_eq!(
            Texts::default().shown_range(&range),
            "Showing 1–25 of 10,000"
        );
        // Outside the browser numbers are English; in it, `Intl` formats them.
        assert_eq!(german().shown_range(&range), "1–25 von 10,000");
        assert_eq!(
            Texts::default().shown_range(&range.so_far(true)),
            "Showing 1–25 of 10,000 so far"
        );
        assert_eq!(Texts::default().show_new_events(1), "Show 1 new event");
        assert_eq!(Texts::default().show_new_events(12), "Show 12 new events");
    }

    #[test]
    fn every_language_words_every_error() {
        for language in Language::ALL {
            let texts = Texts::bundled(Locale::new(language.code(), None));
            for error in [
                LoadError::NotFound,
                LoadError::Network(String::new()),
                LoadError::Status(500),
                LoadError::Busy {
                    status: 503,
                    retry_after: 5,
                },
                LoadError::Timeout,
                LoadError::Undecodable(String::new()),
            ] {
                let text = texts.load_error(&error);
                assert!(!text.contains('{'), "{}: {text}", language.code());
            }
        }
    }
}
