//! Injected faults and the request log, so that the demo can show slow and
//! failing answers and the tests can check what the component asked for.

use serde::{Deserialize, Serialize};

/// A fault for the activity requests that match it (every field that is set).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultRule {
    pub chat_id: Option<u64>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
    /// Waits this long before answering.
    pub delay_ms: Option<u64>,
    /// Waits a random time up to this long, on top of `delay_ms`.
    pub jitter_ms: Option<u64>,
    /// Never answers: the connection hangs until the client gives up.
    pub hang: Option<bool>,
    /// Answers with this status (and a JSON error body) instead.
    pub status: Option<u16>,
    /// With `status`: a `Retry-After` header, in seconds.
    pub retry_after: Option<u64>,
    /// Answers 200 with a broken (or legal but hostile) body instead.
    pub body: Option<BrokenBody>,
    /// Applies to this many matching requests, then is spent; forever if unset.
    pub times: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BrokenBody {
    /// The first half of a real answer.
    Truncated,
    /// Valid JSON of another shape.
    WrongShape,
    /// Not JSON at all.
    NotJson,
    /// The real answer with every username starting with an escaped UTF-16
    /// half that pairs with nothing (`"\ud800…"`): legal JSON grammar that
    /// strict decoders refuse, as a server written in another language may
    /// send it.
    LoneSurrogates,
}

impl BrokenBody {
    pub fn render(self, real_answer: &str) -> String {
        match self {
            Self::Truncated => {
                let half = (0..=real_answer.len() / 2)
                    .rev()
                    .find(|&at| real_answer.is_char_boundary(at))
                    .unwrap_or(0);
                real_answer[..half].to_owned()
            }
            Self::WrongShape => r#"{"items":[],"count":"many"}"#.to_owned(),
            Self::NotJson => "<html><body>Bad gateway</body></html>".to_owned(),
            Self::LoneSurrogates => real_answer.replace(r#""username":""#, r#""username":"\ud800"#),
        }
    }
}

impl FaultRule {
    fn matches(&self, chat_id: Option<u64>, offset: Option<u64>, limit: Option<u64>) -> bool {
        let fits = |want: Option<u64>, got: Option<u64>| want.is_none() || want == got;
        fits(self.chat_id, chat_id) && fits(self.offset, offset) && fits(self.limit, limit)
    }
}

/// Takes the first rule that matches, spending one of its `times`.
pub fn take_matching(
    rules: &mut Vec<FaultRule>,
    chat_id: Option<u64>,
    offset: Option<u64>,
    limit: Option<u64>,
) -> Option<FaultRule> {
    let index = rules
        .iter()
        .position(|rule| rule.matches(chat_id, offset, limit))?;
    let rule = rules[index].clone();
    match &mut rules[index].times {
        Some(1) => {
            rules.remove(index);
        }
        Some(times) => *times -= 1,
        None => {}
    }
    Some(rule)
}

/// One activity request as the mock saw it.
#[derive(Debug, Clone, Serialize)]
pub struct LoggedRequest {
    /// Numbers the requests since the mock started.
    pub serial: u64,
    /// Milliseconds since the mock started.
    pub at_ms: u64,
    /// How the exchange ended, so far.
    pub ended: RequestEnd,
    /// When it ended (milliseconds since the mock started): with `at_ms`,
    /// how many requests were in flight at once.
    pub ended_at_ms: Option<u64>,
    pub chat_id: String,
    /// The raw query string.
    pub query: String,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
    /// The `Origin` header.
    pub origin: Option<String>,
    pub accept: Option<String>,
    /// Whether a `psession` cookie came with it, and whose session it was.
    pub had_session_cookie: bool,
    pub user: Option<String>,
}

/// How an activity request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestEnd {
    /// Still being answered (a delay or a hang).
    Pending,
    /// An answer was handed to the connection.
    Answered,
    /// The client closed the connection before the answer (an aborted fetch).
    ClosedByClient,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_on_the_fields_they_set_and_are_spent() {
        let mut rules = vec![
            FaultRule {
                offset: Some(25),
                status: Some(500),
                times: Some(1),
                ..Default::default()
            },
            FaultRule {
                chat_id: Some(1),
                delay_ms: Some(10),
                ..Default::default()
            },
        ];
        assert_eq!(take_matching(&mut rules, Some(2), Some(0), Some(25)), None);
        let first = take_matching(&mut rules, Some(1), Some(25), Some(25));
        assert_eq!(first.and_then(|r| r.status), Some(500));
        let second = take_matching(&mut rules, Some(1), Some(25), Some(25));
        assert_eq!(second.and_then(|r| r.delay_ms), Some(10));
        assert_eq!(rules.len(), 1, "the unlimited rule stays");
    }

    #[test]
    fn broken_bodies_are_broken() {
        let real = r#"{"events":[{"user":{"username":"李小龍"}}],"total":0,"offset":0,"limit":10}"#;
        for body in [
            BrokenBody::Truncated,
            BrokenBody::WrongShape,
            BrokenBody::NotJson,
        ] {
            let text = body.render(real);
            let decoded: Result<serde_json::Value, _> = serde_json::from_str(&text);
            let documented = decoded.is_ok_and(|v| v.get("events").is_some());
            assert!(!documented, "{body:?}");
        }
    }

    #[test]
    fn lone_surrogates_are_escaped_into_every_username() {
        let real = r#"{"events":[{"user":{"username":"a"}},{"user":{"username":"b"}}]}"#;
        let text = BrokenBody::LoneSurrogates.render(real);
        assert_eq!(text.matches(r#""username":"\ud800"#).count(), 2);
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
    }
}
