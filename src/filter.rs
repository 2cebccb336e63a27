//! The filter: by action and by username, over events the component read.

use crate::api::{Action, ActivityEvent};

/// What the reader filters by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only this action; every action when `None`.
    pub action: Option<Action>,
    /// Only usernames containing this text, ignoring case; all when blank.
    pub username: String,
}

impl EventFilter {
    /// Whether it filters anything at all.
    pub fn is_active(&self) -> bool {
        self.action.is_some() || !self.username.trim().is_empty()
    }

    /// Whether `event` passes.
    pub fn matches(&self, event: &ActivityEvent) -> bool {
        let action_fits = self
            .action
            .as_ref()
            .is_none_or(|action| *action == event.action);
        let needle = self.username.trim().to_lowercase();
        action_fits && (needle.is_empty() || event.user.username.to_lowercase().contains(&needle))
    }

    /// The events that pass, in order.
    ///
    /// ```
    /// use chat_activity::{api::Action, filter::EventFilter};
    /// let filter = EventFilter { action: Some(Action::Ban), username: String::new() };
    /// assert!(filter.apply(&[]).is_empty());
    /// ```
    pub fn apply(&self, events: &[ActivityEvent]) -> Vec<ActivityEvent> {
        events
            .iter()
            .filter(|event| self.matches(event))
            .cloned()
            .collect()
    }
}

/// The action select's value for an action filter ("" for all).
pub fn action_from_choice(choice: &str) -> Option<Action> {
    (!choice.is_empty()).then(|| Action::from(choice.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(name: &str, action: &str) -> ActivityEvent {
        serde_json::from_value(serde_json::json!({
            "user": {"id": 1, "username": name}, "action": action,
            "created_at": "2026-04-04T12:00:00Z",
        }))
        .expect("valid event")
    }

    #[test]
    fn filters_by_action_and_username_ignoring_case() {
        let events = vec![
            event("Alice", "join"),
            event("bob", "ban"),
            event("ALICIA", "ban"),
            event("Zoë", "leave"),
        ];
        let bans = EventFilter {
            action: Some(Action::Ban),
            username: String::new(),
        };
        assert_eq!(bans.apply(&events).len(), 2);
        let alices = EventFilter {
            action: None,
            username: " ali ".into(),
        };
        assert_eq!(alices.apply(&events).len(), 2);
        let banned_alices = EventFilter {
            action: Some(Action::Ban),
            username: "ali".into(),
        };
        assert_eq!(banned_alices.apply(&events), vec![event("ALICIA", "ban")]);
        let unicode = EventFilter {
            action: None,
            username: "ZOË".into(),
        };
        assert_eq!(unicode.apply(&events).len(), 1);
    }

    #[test]
    fn an_empty_filter_is_inactive() {
        assert!(!EventFilter::default().is_active());
        assert!(!EventFilter {
            action: None,
            username: "  ".into()
        }
        .is_active());
        assert!(EventFilter {
            action: action_from_choice("kick"),
            username: String::new()
        }
        .is_active());
        assert_eq!(action_from_choice(""), None);
        assert_eq!(action_from_choice("join"), Some(Action::Join));
    }
}
