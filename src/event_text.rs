//! What an event says: the sentence after the username, per action and method.

use crate::api::{Action, ActivityEvent, JoinMethod};

/// An event in words: "{username} {phrase}", and the invite code or vanity
/// slug shown beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSentence {
    /// What happened, after the username: "joined", "was banned", ….
    pub phrase: String,
    /// The code the member joined with, if the event names one.
    pub code: Option<InviteCode>,
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
    /// The sentence for an event, in English.
    ///
    /// ```
    /// use chat_activity::event_text::EventSentence;
    /// # let event: chat_activity::api::ActivityEvent = serde_json::from_str(r#"{"user":{"id":1,"username":"a"},"action":"ban","created_at":"2026-04-04T12:30:00Z"}"#).unwrap();
    /// assert_eq!(EventSentence::of(&event).phrase, "was banned");
    /// ```
    pub fn of(event: &ActivityEvent) -> Self {
        let code_of = |kind| {
            event.invite_code.as_ref().map(|code| InviteCode {
                kind,
                code: code.clone(),
            })
        };
        let (phrase, code) = match (&event.action, &event.method) {
            (Action::Join, Some(JoinMethod::Vanity)) => {
                ("joined via vanity link", code_of(CodeKind::VanitySlug))
            }
            (Action::Join, Some(JoinMethod::Invite)) => {
                ("joined via invite", code_of(CodeKind::Invite))
            }
            (Action::Join, _) => ("joined", None),
            (Action::Leave, _) => ("left", None),
            (Action::Kick, _) => ("was kicked", None),
            (Action::Ban, _) => ("was banned", None),
            (Action::Other(word), _) => (word.as_str(), None),
        };
        Self {
            phrase: phrase.to_owned(),
            code,
        }
    }

    /// The whole sentence as plain text, e.g. for an accessible name.
    pub fn text(&self, username: &str) -> String {
        match &self.code {
            Some(code) => format!("{username} {} {}", self.phrase, code.code),
            None => format!("{username} {}", self.phrase),
        }
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
        EventSentence::of(&event(action, method, code)).text("alice")
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
