//! What an event says: which sentence, per action and method, and the
//! code it names. The words are the language's (see [`crate::i18n`]).

use crate::api::{Action, ActivityEvent, JoinMethod};
use crate::i18n::template::{Arg, Segment};
use crate::i18n::{MessageId, Texts};

/// An event in words: its sentence ("{username} joined via invite {code}"),
/// and the invite code or vanity slug shown in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSentence {
    /// The sentence, with `{username}`, `{code}` and `{action}` slots.
    pub message: MessageId,
    /// The code the member joined with, if the event names one.
    pub code: Option<InviteCode>,
    /// An action the API added after this version: its raw word.
    pub other_action: Option<String>,
}

/// An invite code or vanity slug the member joined with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InviteCode {
    /// Vanity slug or invite code.
    pub kind: CodeKind,
    /// The code itself, shown as text.
    pub code: String,
}

/// What kind of code a member joined with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeKind {
    /// The chat's vanity link slug.
    VanitySlug,
    /// An invite code.
    Invite,
}

impl EventSentence {
    /// The sentence for an event.
    ///
    /// ```
    /// use chat_activity::event_text::EventSentence;
    /// use chat_activity::i18n::MessageId;
    /// # let event: chat_activity::api::ActivityEvent = serde_json::from_str(r#"{"user":{"id":1,"username":"a"},"action":"ban","created_at":"2026-04-04T12:30:00Z"}"#).unwrap();
    /// assert_eq!(EventSentence::of(&event).message, MessageId::EventBanned);
    /// ```
    pub fn of(event: &ActivityEvent) -> Self {
        let code_of = |kind| {
            event.invite_code.as_ref().map(|code| InviteCode {
                kind,
                code: code.clone(),
            })
        };
        let (message, code) = match (&event.action, &event.method) {
            (Action::Join, Some(JoinMethod::Vanity)) => {
                (MessageId::EventJoinedVanity, code_of(CodeKind::VanitySlug))
            }
            (Action::Join, Some(JoinMethod::Invite)) => {
                (MessageId::EventJoinedInvite, code_of(CodeKind::Invite))
            }
            (Action::Join, _) => (MessageId::EventJoined, None),
            (Action::Leave, _) => (MessageId::EventLeft, None),
            (Action::Kick, _) => (MessageId::EventKicked, None),
            (Action::Ban, _) => (MessageId::EventBanned, None),
            (Action::Other(_), _) => (MessageId::EventOther, None),
        };
        Self {
            message,
            code,
            other_action: match &event.action {
                Action::Other(word) => Some(word.clone()),
                _ => None,
            },
        }
    }

    /// The whole sentence as plain text.
    pub fn text(&self, texts: &Texts, username: &str) -> String {
        let code = self.code.as_ref().map_or("", |code| code.code.as_str());
        let action = self.other_action.as_deref().unwrap_or("");
        texts
            .segments(
                self.message,
                &[
                    ("username", Arg::Text(username)),
                    ("code", Arg::Text(code)),
                    ("action", Arg::Text(action)),
                ],
            )
            .into_iter()
            .map(|segment| match segment {
                Segment::Text(text) | Segment::Slot(text) => text,
            })
            .collect::<String>()
            .trim_end()
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(action: &str, method: Option<&str>, code: Option<&str>) -> ActivityEvent {
        serde_json::from_value(serde_json::json!({
            "user": {"id": 7, "username": "alice", "avatar_url": null},
            "action": action,
            "method": method,
            "invite_code": code,
            "created_at": "2026-04-04T12:30:00Z",
        }))
        .expect("valid event")
    }

    fn text(action: &str, method: Option<&str>, code: Option<&str>) -> String {
        EventSentence::of(&event(action, method, code)).text(&Texts::default(), "alice")
    }

    #[test]
    fn joins_say_how() {
        assert_eq!(text("join", Some("direct"), None), "alice joined");
        assert_eq!(text("join", None, None), "alice joined");
        assert_eq!(
            text("join", Some("carrier-pigeon"), Some("x")),
            "alice joined"
        );
        assert_eq!(
            text("join", Some("vanity"), Some("portal")),
            "alice joined via vanity link portal"
        );
        assert_eq!(
            text("join", Some("invite"), Some("Vy8nFKq2")),
            "alice joined via invite Vy8nFKq2"
        );
        assert_eq!(
            text("join", Some("invite"), None),
            "alice joined via invite"
        );
    }

    #[test]
    fn the_code_knows_its_kind() {
        let sentence = EventSentence::of(&event("join", Some("vanity"), Some("portal")));
        assert_eq!(
            sentence.code,
            Some(InviteCode {
                kind: CodeKind::VanitySlug,
                code: "portal".into()
            })
        );
    }

    #[test]
    fn departures_and_unknown_actions() {
        assert_eq!(text("leave", None, None), "alice left");
        assert_eq!(text("kick", None, None), "alice was kicked");
        assert_eq!(text("ban", None, None), "alice was banned");
        assert_eq!(text("mute", None, None), "alice mute");
        // A code on a non-join is not the join's code: it is not shown.
        assert_eq!(text("leave", Some("invite"), Some("abc")), "alice left");
    }
}
