//! What an HTTP answer means for the component: status and body to outcome.

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
    /// A success status whose body is not the documented JSON.
    #[error("The activity service sent an answer this page can't read.")]
    Undecodable(String),
}

impl LoadError {
    /// The HTTP status, 0 when no HTTP answer came.
    pub fn http_status(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::Network(_) => 0,
            Self::Status(status) => *status,
            Self::Undecodable(_) => 200,
        }
    }

    /// What went wrong in a developer's words, for the console.
    pub fn detail(&self) -> String {
        match self {
            Self::Network(detail) | Self::Undecodable(detail) => detail.clone(),
            Self::NotFound => "HTTP 404".to_owned(),
            Self::Status(status) => format!("HTTP {status}"),
        }
    }

    /// Whether asking again may help (a missing chat stays missing).
    pub fn is_retryable(&self) -> bool {
        !matches!(self, Self::NotFound)
    }
}

impl FetchOutcome {
    /// Classifies an HTTP answer by status, decoding the body of a success.
    pub fn from_response(status: u16, body: &str) -> Self {
        match status {
            200..=299 => match serde_json::from_str::<ActivityPage>(body) {
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

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../tests/fixtures/activity-example.json");

    #[test]
    fn success_with_the_documented_body_is_a_page() {
        match FetchOutcome::from_response(200, FIXTURE) {
            FetchOutcome::Page(page) => assert_eq!(page.events.len(), 3),
            other => panic!("expected a page, got {other:?}"),
        }
    }

    #[test]
    fn documented_refusals_have_their_own_outcome_whatever_the_body() {
        assert_eq!(
            FetchOutcome::from_response(401, ""),
            FetchOutcome::Unauthorized
        );
        assert_eq!(
            FetchOutcome::from_response(403, "{}"),
            FetchOutcome::Forbidden
        );
        assert_eq!(
            FetchOutcome::from_response(404, "nope"),
            FetchOutcome::Failed(LoadError::NotFound)
        );
        assert!(!LoadError::NotFound.is_retryable());
        assert!(LoadError::Status(503).is_retryable());
    }

    #[test]
    fn other_statuses_fail_with_the_status() {
        for status in [400, 429, 500, 502, 503, 302] {
            assert_eq!(
                FetchOutcome::from_response(status, FIXTURE),
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
            match FetchOutcome::from_response(200, body) {
                FetchOutcome::Failed(LoadError::Undecodable(reason)) => {
                    assert!(!reason.is_empty())
                }
                other => panic!("{body:?}: expected undecodable, got {other:?}"),
            }
        }
    }

    #[test]
    fn statuses_for_hosts_are_zero_without_an_answer() {
        assert_eq!(LoadError::Network("offline".into()).http_status(), 0);
        assert_eq!(LoadError::Status(502).http_status(), 502);
        assert_eq!(LoadError::Undecodable("x".into()).http_status(), 200);
        assert_eq!(LoadError::NotFound.http_status(), 404);
    }
}
