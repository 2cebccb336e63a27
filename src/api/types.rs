//! The API types of `GET /v1/portal/chats/{id}/activity`, as documented in
//! `shared/api/activity.md`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One page of a chat's activity, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActivityPage {
    /// The events of this page, newest first.
    pub events: Vec<ActivityEvent>,
    /// All events of the chat, not only those of this page.
    pub total: u64,
    /// The offset the server applied.
    pub offset: u64,
    /// The limit the server applied.
    pub limit: u64,
}

/// Something that happened to a member of the chat.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ActivityEvent {
    /// The member the event is about.
    pub user: EventUser,
    /// What happened.
    pub action: Action,
    /// How a member joined; only meaningful for [`Action::Join`].
    #[serde(default)]
    pub method: Option<JoinMethod>,
    /// The vanity slug or invite code the member joined with.
    #[serde(default)]
    pub invite_code: Option<String>,
    /// When it happened.
    pub created_at: EventTime,
}

/// The member an event is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventUser {
    /// The member's id.
    pub id: u64,
    /// Their name: any Unicode, possibly long. Always shown as text.
    pub username: String,
    /// Any string the server sent: check it with
    /// [`safe_avatar_url`](crate::avatar::safe_avatar_url) before using it.
    #[serde(default)]
    pub avatar_url: Option<String>,
}

/// What happened. Actions this version does not know decode as
/// [`Action::Other`], so a newer server never breaks the whole page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Action {
    /// Joined the chat (see [`JoinMethod`]).
    Join,
    /// Left the chat.
    Leave,
    /// Was kicked.
    Kick,
    /// Was banned.
    Ban,
    /// An action newer than this version: the raw word.
    Other(String),
}

/// How a member joined. Unknown methods decode as [`JoinMethod::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum JoinMethod {
    /// Joined directly.
    Direct,
    /// Through the chat's vanity link; the slug is the event's `invite_code`.
    Vanity,
    /// With an invite code, the event's `invite_code`.
    Invite,
    /// A method newer than this version: the raw word.
    Other(String),
}

impl Action {
    /// The word the API uses.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Join => "join",
            Self::Leave => "leave",
            Self::Kick => "kick",
            Self::Ban => "ban",
            Self::Other(word) => word,
        }
    }
}

impl From<String> for Action {
    fn from(word: String) -> Self {
        match word.as_str() {
            "join" => Self::Join,
            "leave" => Self::Leave,
            "kick" => Self::Kick,
            "ban" => Self::Ban,
            _ => Self::Other(word),
        }
    }
}

impl JoinMethod {
    /// The word the API uses.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Direct => "direct",
            Self::Vanity => "vanity",
            Self::Invite => "invite",
            Self::Other(word) => word,
        }
    }
}

impl From<String> for JoinMethod {
    fn from(word: String) -> Self {
        match word.as_str() {
            "direct" => Self::Direct,
            "vanity" => Self::Vanity,
            "invite" => Self::Invite,
            _ => Self::Other(word),
        }
    }
}

/// Words on the wire, enums in Rust: one pair of impls for both enums.
macro_rules! serde_as_word {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map(Self::from)
            }
        }
    )*};
}

serde_as_word!(Action, JoinMethod);

/// An event's time: the server's RFC 3339 text, kept as sent for
/// `<time datetime>`, and the instant it names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventTime {
    text: String,
    instant: DateTime<Utc>,
}

impl EventTime {
    /// Parses an RFC 3339 time (any offset; it is kept as written).
    pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        let instant = DateTime::parse_from_rfc3339(text)?.with_timezone(&Utc);
        Ok(Self {
            text: text.to_owned(),
            instant,
        })
    }

    /// The text the server sent.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The instant, in UTC.
    pub fn instant(&self) -> DateTime<Utc> {
        self.instant
    }
}

impl Serialize for EventTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for EventTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(|error| {
            serde::de::Error::custom(format_args!("created_at {text:?} is not RFC 3339: {error}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../tests/fixtures/activity-example.json");

    #[test]
    fn decodes_the_documented_example() {
        let page: ActivityPage = serde_json::from_str(FIXTURE).expect("fixture decodes");
        assert_eq!((page.total, page.offset, page.limit), (3, 0, 10));
        assert_eq!(page.events.len(), 3);

        let kick = &page.events[0];
        assert_eq!(kick.user.username, "troublemaker");
        assert_eq!(kick.user.avatar_url, None);
        assert_eq!(kick.action, Action::Kick);
        assert_eq!(kick.method, None);
        assert_eq!(kick.created_at.as_str(), "2026-04-04T12:30:00Z");

        let vanity = &page.events[1];
        assert_eq!(vanity.method, Some(JoinMethod::Vanity));
        assert_eq!(vanity.invite_code.as_deref(), Some("portal"));

        let invite = &page.events[2];
        assert_eq!(invite.method, Some(JoinMethod::Invite));
        assert_eq!(invite.user.id, 9);
        assert_eq!(
            invite.user.avatar_url.as_deref(),
            Some("https://cdn.example.com/users/9/avatar.png")
        );
    }

    #[test]
    fn unknown_action_and_method_are_kept_not_refused() {
        let body = r#"{"events":[{"user":{"id":1,"username":"a","avatar_url":null},
            "action":"mute","method":"qr-code","invite_code":null,
            "created_at":"2026-01-01T00:00:00Z"}],"total":1,"offset":0,"limit":1}"#;
        let page: ActivityPage = serde_json::from_str(body).expect("decodes");
        assert_eq!(page.events[0].action, Action::Other("mute".into()));
        assert_eq!(
            page.events[0].method,
            Some(JoinMethod::Other("qr-code".into()))
        );
    }

    #[test]
    fn missing_optional_fields_mean_null() {
        let body = r#"{"events":[{"user":{"id":1,"username":"a"},"action":"leave",
            "created_at":"2026-01-01T00:00:00Z"}],"total":1,"offset":0,"limit":1}"#;
        let page: ActivityPage = serde_json::from_str(body).expect("decodes");
        let event = &page.events[0];
        assert_eq!(
            (&event.user.avatar_url, &event.method, &event.invite_code),
            (&None, &None, &None)
        );
    }

    #[test]
    fn times_keep_their_text_and_name_the_same_instant() {
        let utc = EventTime::parse("2026-04-04T12:30:00Z").expect("parses");
        let offset = EventTime::parse("2026-04-04T14:30:00+02:00").expect("parses");
        assert_eq!(utc.instant(), offset.instant());
        assert_eq!(offset.as_str(), "2026-04-04T14:30:00+02:00");
        assert!(EventTime::parse("yesterday").is_err());
    }

    #[test]
    fn malformed_bodies_are_errors_not_panics() {
        for body in [
            "",
            "null",
            "[]",
            "{}",
            r#"{"events":{},"total":0,"offset":0,"limit":1}"#,
            r#"{"events":[],"total":-1,"offset":0,"limit":1}"#,
            r#"{"events":[{"user":{"id":1},"action":"join","created_at":"2026-01-01T00:00:00Z"}],"total":1,"offset":0,"limit":1}"#,
            r#"{"events":[{"user":{"id":1,"username":"a"},"action":"join","created_at":"soon"}],"total":1,"offset":0,"limit":1}"#,
            r#"{"events":[],"total":1,"offset":0,"limit":1"#,
        ] {
            assert!(
                serde_json::from_str::<ActivityPage>(body).is_err(),
                "{body}"
            );
        }
    }
}
