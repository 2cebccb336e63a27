//! What an HTTP answer means for the component: status and body to outcome.

use std::borrow::Cow;

use super::lone_surrogates::replace_lone_surrogates;
use super::types::ActivityPage;

/// The outcome of one page request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchOutcome {
    /// A page of events.
    Page(ActivityPage),
    /// `401`: no valid session. The component hides itself.
    Unauthorized,
    /// `403`: this user may not read the chat. The component hides itself.
    Forbidden,
    /// Anything else, `404` included: worth a message.
    Failed(LoadError),
}

/// Why a page could not be shown. The text is what the user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// `404`: no such chat. Retrying will not help.
    #[error("Chat not found")]
    NotFound,
    /// No HTTP answer came (offline, DNS, CORS refused, connection reset).
    #[error("Couldn't reach the activity service. Check your connection and try again.")]
    Network(String),
    /// An HTTP status the API does not document for this endpoint.
    #[error("The activity service answered with an error (HTTP {0}).")]
    Status(u16),
    /// `429` or `503` with a `Retry-After`: busy, and says when to come back.
    #[error("The activity service is busy (HTTP {status}).")]
    Busy {
        /// 429 or 503.
        status: u16,
        /// Seconds to wait before asking again.
        retry_after: u64,
    },
    /// No answer within the time allowed.
    #[error("The activity service didn't answer in time.")]
    Timeout,
    /// A success status whose body is not the documented JSON.
    #[error("The activity service sent an answer this page can't read.")]
    Undecodable(String),
}

impl LoadError {
    /// The HTTP status, 0 when no HTTP answer came.
    pub fn http_status(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::Busy { status, .. } => *status,
            Self::Network(_) | Self::Timeout => 0,
            Self::Status(status) => *status,
            Self::Undecodable(_) => 200,
        }
    }

    /// What went wrong in a developer's words, for the console.
    pub fn detail(&self) -> String {
        match self {
            Self::Network(detail) | Self::Undecodable(detail) => detail.clone(),
            Self::NotFound => "HTTP 404".to_owned(),
            Self::Timeout => "timed out".to_owned(),
            Self::Busy {
                status,
                retry_after,
            } => format!("HTTP {status}, retry after {retry_after} s"),
            Self::Status(status) => format!("HTTP {status}"),
        }
    }

    /// Whether asking again may help (a missing chat stays missing).
    pub fn is_retryable(&self) -> bool {
        !matches!(self, Self::NotFound)
    }
}

impl FetchOutcome {
    /// Classifies an HTTP answer by status, decoding the body of a success;
    /// `retry_after` is the answer's `Retry-After` header, if any.
    pub fn from_response(status: u16, body: &str, retry_after: Option<&str>) -> Self {
        match status {
            429 | 503 => match retry_after.and_then(parse_retry_after) {
                Some(retry_after) => Self::Failed(LoadError::Busy {
                    status,
                    retry_after,
                }),
                None => Self::Failed(LoadError::Status(status)),
            },
            200..=299 => match serde_json::from_str::<ActivityPage>(&replace_lone_surrogates(body))
            {
                Ok(page) => Self::Page(page),
                Err(error) => Self::Failed(LoadError::Undecodable(error.to_string())),
            },
            401 => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::Failed(LoadError::NotFound),
            other => Self::Failed(LoadError::Status(other)),
        }
    }
}

/// A response body's bytes as text, the way `Response.text()` reads them:
/// UTF-8, malformed sequences as U+FFFD, without a leading byte order mark.
/// (Reading the bytes is cheaper than `text()`: the body goes into the wasm
/// as it came, without a round trip through a JavaScript string.) Borrowed
/// unless a sequence was malformed.
pub fn body_text(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    String::from_utf8_lossy(bytes)
}

/// The longest wait a `Retry-After` may impose before the reader is asked.
pub const MAX_RETRY_AFTER_SECONDS: u64 = 120;

/// Reads `Retry-After` as delta-seconds (the form the API uses), capped.
/// An HTTP date or anything else gives `None`: then the reader retries by hand.
pub fn parse_retry_after(value: &str) -> Option<u64> {
    let value = value.trim();
    (!value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())).then(|| {
        value
            .parse::<u64>()
            .unwrap_or(u64::MAX)
            .min(MAX_RETRY_AFTER_SECONDS)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_read_as_response_text_reads_them() {
        let page = br#"{"events":[],"total":0,"offset":0,"limit":25}"#;
        assert!(matches!(body_text(page), Cow::Borrowed(_)));
        assert_eq!(body_text(page), std::str::from_utf8(page).unwrap());
        let mut with_bom = "\u{feff}".as_bytes().to_vec();
        with_bom.extend_from_slice(page);
        assert_eq!(body_text(&with_bom), std::str::from_utf8(page).unwrap());
        assert_eq!(
            body_text(b"caf\xc3\xa9 \xff\xc3"),
            "caf\u{e9} \u{fffd}\u{fffd}"
        );
        assert!(matches!(
            FetchOutcome::from_response(200, &body_text(&with_bom), None),
            FetchOutcome::Page(_)
        ));
    }

    const FIXTURE: &str = include_str!("../../tests/fixtures/activity-example.json");

    #[test]
    fn success_with_the_documented_body_is_a_page() {
        match FetchOutcome::from_response(200, FIXTURE, None) {
            FetchOutcome::Page(page) => assert_eq!(page.events.len(), 3),
            other => panic!("expected a page, got {other:?}"),
        }
    }

    #[test]
    fn documented_refusals_have_their_own_outcome_whatever_the_body() {
        assert_eq!(
            FetchOutcome::from_response(401, "", None),
            FetchOutcome::Unauthorized
        );
        assert_eq!(
            FetchOutcome::from_response(403, "{}", None),
            FetchOutcome::Forbidden
        );
        assert_eq!(
            FetchOutcome::from_response(404, "nope", None),
            FetchOutcome::Failed(LoadError::NotFound)
        );
        assert!(!LoadError::NotFound.is_retryable());
        assert!(LoadError::Status(503).is_retryable());
    }

    #[test]
    fn other_statuses_fail_with_the_status() {
        for status in [400, 429, 500, 502, 503, 302] {
            assert_eq!(
                FetchOutcome::from_response(status, FIXTURE, None),
                FetchOutcome::Failed(LoadError::Status(status))
            );
        }
    }

    #[test]
    fn a_success_that_is_not_the_documented_json_is_undecodable_with_the_reason() {
        for body in [
            "",
            "<html>",
            r#"{"events":[]}"#,
            r#"{"events":[],"total":1,"#,
        ] {
            match FetchOutcome::from_response(200, body, None) {
                FetchOutcome::Failed(LoadError::Undecodable(reason)) => {
                    assert!(!reason.is_empty())
                }
                other => panic!("{body:?}: expected undecodable, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_lone_surrogate_in_a_name_costs_that_name_not_the_page() {
        let body = FIXTURE.replacen(r#""username": ""#, r#""username": "\udead"#, 1);
        assert_ne!(body, FIXTURE);
        match FetchOutcome::from_response(200, &body, None) {
            FetchOutcome::Page(page) => {
                assert_eq!(page.events.len(), 3);
                assert_eq!(page.events[0].user.username, "\u{FFFD}troublemaker");
            }
            other => panic!("expected a page, got {other:?}"),
        }
    }

    #[test]
    fn busy_answers_with_retry_after_say_when_to_come_back() {
        assert_eq!(
            FetchOutcome::from_response(503, "", Some("3")),
            FetchOutcome::Failed(LoadError::Busy {
                status: 503,
                retry_after: 3
            })
        );
        assert_eq!(
            FetchOutcome::from_response(429, "", Some(" 10 ")),
            FetchOutcome::Failed(LoadError::Busy {
                status: 429,
                retry_after: 10
            })
        );
        assert_eq!(
            FetchOutcome::from_response(503, "", Some("Wed, 21 Oct 2026 07:28:00 GMT")),
            FetchOutcome::Failed(LoadError::Status(503))
        );
        assert_eq!(
            FetchOutcome::from_response(500, "", Some("3")),
            FetchOutcome::Failed(LoadError::Status(500)),
            "only 429 and 503 mean busy"
        );
        assert_eq!(
            parse_retry_after("99999999999999999999999"),
            Some(MAX_RETRY_AFTER_SECONDS)
        );
        assert_eq!(parse_retry_after("-1"), None);
        assert_eq!(parse_retry_after(""), None);
    }

    #[test]
    fn statuses_for_hosts_are_zero_without_an_answer() {
        assert_eq!(LoadError::Timeout.http_status(), 0);
        assert_eq!(LoadError::Network("offline".into()).http_status(), 0);
        assert_eq!(LoadError::Status(502).http_status(), 502);
        assert_eq!(LoadError::Undecodable("x".into()).http_status(), 200);
        assert_eq!(LoadError::NotFound.http_status(), 404);
    }
}
