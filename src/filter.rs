//! The filter: by action, by username text, by one user (by id) and by the
//! invite code or vanity slug members joined with; all combine. And the
//! matches of a chat being read, kept up to date as the read goes on.

use std::ops::Range;

use crate::api::chat_read::ChatRead;
use crate::api::{Action, ActivityEvent};

/// One member, as a user filter names them: matched by id, shown by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserChoice {
    /// The user id events are matched by (names change; ids do not).
    pub id: u64,
    /// The name the reader clicked, to say whose history is shown.
    pub name: String,
}

/// What the reader filters by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only this action; every action when `None`.
    pub action: Option<Action>,
    /// Only usernames containing this text, ignoring case; all when blank.
    pub username: String,
    /// Only this user's events.
    pub user: Option<UserChoice>,
    /// Only joins with this invite code or vanity slug.
    pub code: Option<String>,
}

impl EventFilter {
    /// Whether it filters anything at all.
    pub fn is_active(&self) -> bool {
        self.action.is_some()
            || !self.username.trim().is_empty()
            || self.user.is_some()
            || self.code.is_some()
    }

    /// Whether `event` passes.
    pub fn matches(&self, event: &ActivityEvent) -> bool {
        let action_fits = self
            .action
            .as_ref()
            .is_none_or(|action| *action == event.action);
        let user_fits = self
            .user
            .as_ref()
            .is_none_or(|user| user.id == event.user.id);
        let code_fits = self.code.as_ref().is_none_or(|code| {
            event.action == Action::Join && event.invite_code.as_ref() == Some(code)
        });
        let needle = self.username.trim().to_lowercase();
        action_fits
            && user_fits
            && code_fits
            && (needle.is_empty() || event.user.username.to_lowercase().contains(&needle))
    }

    /// The events that pass, in order.
    ///
    /// ```
    /// use chat_activity::{api::Action, filter::EventFilter};
    /// let filter = EventFilter { action: Some(Action::Ban), ..EventFilter::default() };
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

/// The matches of a filter among a chat being read, newest first: each
/// event is looked at once, as the read reaches it, not again per answer.
#[derive(Debug, Clone, Default)]
pub struct Matches {
    filter: EventFilter,
    /// The ages (see [`ChatRead`]) of the matches, newest first.
    ages: Vec<u64>,
    /// The ages looked at.
    scanned: Range<u64>,
}

impl Matches {
    /// Brings the matches up to what `read` has read, starting over when
    /// the filter changed.
    pub fn update(&mut self, filter: &EventFilter, read: &ChatRead) {
        if *filter != self.filter {
            *self = Self {
                filter: filter.clone(),
                ..Self::default()
            };
        }
        let readable = read.readable();
        let fits = |age: &u64| read.event(*age).is_some_and(|event| filter.matches(event));
        if self.scanned.is_empty() {
            self.ages = readable.clone().rev().filter(fits).collect();
            self.scanned = readable;
            return;
        }
        let newer: Vec<u64> = (self.scanned.end..readable.end.max(self.scanned.end))
            .rev()
            .filter(fits)
            .collect();
        self.ages.splice(0..0, newer);
        self.ages
            .extend((readable.start..self.scanned.start).rev().filter(fits));
        self.scanned = readable.start.min(self.scanned.start)..readable.end.max(self.scanned.end);
    }

    /// How many matches so far.
    pub fn len(&self) -> usize {
        self.ages.len()
    }

    /// Whether there are none so far.
    pub fn is_empty(&self) -> bool {
        self.ages.is_empty()
    }

    /// The place of the first match (newest first) that `fits`.
    pub fn position(
        &self,
        read: &ChatRead,
        mut fits: impl FnMut(&ActivityEvent) -> bool,
    ) -> Option<usize> {
        self.ages
            .iter()
            .position(|&age| read.event(age).is_some_and(&mut fits))
    }

    /// The matches `offset..offset + limit`, newest first.
    pub fn page(&self, read: &ChatRead, offset: usize, limit: usize) -> Vec<ActivityEvent> {
        self.ages
            .iter()
            .skip(offset)
            .take(limit)
            .filter_map(|&age| read.event(age).cloned())
            .collect()
    }
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

    fn full(id: u64, name: &str, action: &str, code: Option<&str>) -> ActivityEvent {
        serde_json::from_value(serde_json::json!({
            "user": {"id": id, "username": name}, "action": action,
            "method": code.map(|_| "invite"), "invite_code": code,
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
            ..EventFilter::default()
        };
        assert_eq!(bans.apply(&events).len(), 2);
        let alices = EventFilter {
            username: " ali ".into(),
            ..EventFilter::default()
        };
        assert_eq!(alices.apply(&events).len(), 2);
        let banned_alices = EventFilter {
            action: Some(Action::Ban),
            username: "ali".into(),
            ..EventFilter::default()
        };
        assert_eq!(banned_alices.apply(&events), vec![event("ALICIA", "ban")]);
        let unicode = EventFilter {
            username: "ZOË".into(),
            ..EventFilter::default()
        };
        assert_eq!(unicode.apply(&events).len(), 1);
    }

    #[test]
    fn a_user_is_matched_by_id_whatever_their_name_then() {
        let events = vec![
            full(7, "raider_renamed", "ban", None),
            full(8, "raider", "join", Some("Xr4id99z")),
            full(7, "raider", "join", Some("Xr4id99z")),
        ];
        let seven = EventFilter {
            user: Some(UserChoice {
                id: 7,
                name: "raider".into(),
            }),
            ..EventFilter::default()
        };
        assert_eq!(
            seven.apply(&events),
            vec![events[0].clone(), events[2].clone()]
        );
    }

    #[test]
    fn a_code_filter_keeps_the_joins_with_that_code_and_all_filters_combine() {
        let events = vec![
            full(1, "a", "join", Some("Xr4id99z")),
            full(2, "b", "join", Some("other")),
            full(3, "c", "leave", Some("Xr4id99z")),
            full(4, "ab", "join", Some("Xr4id99z")),
            full(1, "a", "ban", None),
        ];
        let code = EventFilter {
            code: Some("Xr4id99z".into()),
            ..EventFilter::default()
        };
        assert_eq!(
            code.apply(&events),
            vec![events[0].clone(), events[3].clone()]
        );
        let code_and_name = EventFilter {
            username: "b".into(),
            ..code.clone()
        };
        assert_eq!(code_and_name.apply(&events), vec![events[3].clone()]);
        let code_and_user = EventFilter {
            user: Some(UserChoice {
                id: 1,
                name: "a".into(),
            }),
            ..code.clone()
        };
        assert_eq!(code_and_user.apply(&events), vec![events[0].clone()]);
        let code_and_ban = EventFilter {
            action: Some(Action::Ban),
            ..code
        };
        assert!(code_and_ban.apply(&events).is_empty());
    }

    #[test]
    fn an_empty_filter_is_inactive() {
        assert!(!EventFilter::default().is_active());
        assert!(!EventFilter {
            username: "  ".into(),
            ..EventFilter::default()
        }
        .is_active());
        assert!(EventFilter {
            action: action_from_choice("kick"),
            ..EventFilter::default()
        }
        .is_active());
        assert!(EventFilter {
            code: Some("x".into()),
            ..EventFilter::default()
        }
        .is_active());
        assert_eq!(action_from_choice(""), None);
        assert_eq!(action_from_choice("join"), Some(Action::Join));
    }

    #[test]
    fn matches_follow_the_read_and_equal_the_filter_over_what_was_read() {
        use crate::api::ActivityPage;
        let all: Vec<ActivityEvent> = (0..450_u64)
            .rev()
            .map(|id| {
                full(
                    id % 7,
                    &format!("u{id}"),
                    if id % 3 == 0 { "ban" } else { "join" },
                    None,
                )
            })
            .collect();
        let bans = EventFilter {
            action: Some(Action::Ban),
            ..EventFilter::default()
        };
        let mut read = ChatRead::new();
        let mut matches = Matches::default();
        let mut answered = 0;
        while let Some(request) = read.next_request() {
            let start = request.offset as usize;
            let end = (start + request.limit as usize).min(all.len());
            read.answer(
                request,
                ActivityPage {
                    events: all[start..end].to_vec(),
                    total: all.len() as u64,
                    offset: request.offset,
                    limit: request.limit,
                },
            );
            matches.update(&bans, &read);
            let so_far: Vec<ActivityEvent> = read.read_so_far().into_iter().cloned().collect();
            assert_eq!(matches.page(&read, 0, usize::MAX), bans.apply(&so_far));
            answered += 1;
        }
        assert!(answered > 1 && read.is_complete());
        assert_eq!(matches.len(), bans.apply(&all).len());
        let users = EventFilter {
            user: Some(UserChoice {
                id: 3,
                name: "u3".into(),
            }),
            ..EventFilter::default()
        };
        matches.update(&users, &read);
        assert_eq!(matches.page(&read, 0, 5), users.apply(&all)[..5].to_vec());
        let third = users.apply(&all)[2].user.username.clone();
        assert_eq!(
            matches.position(&read, |event| event.user.username == third),
            Some(2)
        );
    }
}
