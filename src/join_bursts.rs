//! Join bursts: five or more joins with one invite code (or one vanity
//! slug) within ten minutes, among the events shown. A raid looks like this.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use crate::api::ActivityEvent;
use crate::event_text::{CodeKind, EventSentence};

/// Joins it takes to call it a burst.
pub const MIN_JOINS: usize = 5;
/// The window the joins must fall in.
pub const WINDOW_MINUTES: i64 = 10;

/// A run of joins with one code, packed closely enough to be a burst.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinBurst {
    /// The invite code or vanity slug.
    pub code: String,
    /// Which of the two it is.
    pub kind: CodeKind,
    /// The indexes (in the page, newest first) of the joins of the run.
    pub events: Vec<usize>,
    /// Minutes from the run's first to its last join, rounded up.
    pub minutes: i64,
}

impl JoinBurst {
    /// "Join burst: 9 joins via Xr4id99z in 6 minutes", in `texts`' language.
    pub fn text(&self, texts: &crate::i18n::Texts) -> String {
        texts
            .burst_note(self)
            .into_iter()
            .map(|segment| match segment {
                crate::i18n::template::Segment::Text(text) => text,
                crate::i18n::template::Segment::Slot(_) => self.code.clone(),
            })
            .collect()
    }

    /// The index of the run's newest join: where the note goes.
    pub fn newest(&self) -> usize {
        self.events.iter().copied().min().unwrap_or(0)
    }
}

/// The join bursts among `events` (newest first), newest burst first.
///
/// A join belongs to a burst when some ten-minute window holding it holds
/// at least five joins with its code; overlapping windows make one run.
///
/// ```
/// # use chat_activity::join_bursts::find_join_bursts;
/// # let events: Vec<chat_activity::api::ActivityEvent> = Vec::new();
/// for burst in find_join_bursts(&events) {
///     println!("{}", burst.text(&chat_activity::i18n::Texts::default()));
/// }
/// ```
pub fn find_join_bursts(events: &[ActivityEvent]) -> Vec<JoinBurst> {
    let mut joins_by_code: BTreeMap<(CodeKind, String), Vec<TimedJoin>> = BTreeMap::new();
    for (index, event) in events.iter().enumerate() {
        if let Some(code) = EventSentence::of(event).code {
            joins_by_code
                .entry((code.kind, code.code))
                .or_default()
                .push((event.created_at.instant(), index));
        }
    }
    let mut bursts = Vec::new();
    for ((kind, code), mut joins) in joins_by_code {
        joins.sort_unstable();
        for run in runs(&joins) {
            let first = joins[run.start].0;
            let last = joins[run.end - 1].0;
            let seconds = (last - first).num_seconds();
            bursts.push(JoinBurst {
                code: code.clone(),
                kind,
                events: joins[run].iter().map(|&(_, index)| index).collect(),
                minutes: (seconds + 59).div_euclid(60),
            });
        }
    }
    bursts.sort_by_key(JoinBurst::newest);
    bursts
}

/// A join's time and its index in the page.
type TimedJoin = (DateTime<Utc>, usize);

/// The index ranges (into `joins`, sorted by time) of the bursts.
fn runs(joins: &[TimedJoin]) -> Vec<std::ops::Range<usize>> {
    let window = Duration::minutes(WINDOW_MINUTES);
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut end = 0;
    for start in 0..joins.len() {
        end = end.max(start);
        while end + 1 < joins.len() && joins[end + 1].0 - joins[start].0 <= window {
            end += 1;
        }
        if end + 1 - start >= MIN_JOINS {
            match runs.last_mut() {
                Some(run) if run.end > start => run.end = run.end.max(end + 1),
                _ => runs.push(start..end + 1),
            }
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(code: &str, method: &str, minute: i64, second: i64) -> ActivityEvent {
        let at = DateTime::parse_from_rfc3339("2026-04-04T12:00:00Z")
            .expect("valid")
            .to_utc()
            + Duration::minutes(minute)
            + Duration::seconds(second);
        serde_json::from_value(serde_json::json!({
            "user": {"id": minute, "username": format!("u{minute}")},
            "action": "join", "method": method, "invite_code": code,
            "created_at": at.to_rfc3339(),
        }))
        .expect("valid event")
    }

    fn newest_first(mut events: Vec<ActivityEvent>) -> Vec<ActivityEvent> {
        events.sort_by_key(|e| std::cmp::Reverse(e.created_at.instant()));
        events
    }

    #[test]
    fn exactly_five_joins_within_ten_minutes_are_a_burst() {
        let events = newest_first((0..5).map(|i| join("raid", "invite", i * 2, 0)).collect());
        let bursts = find_join_bursts(&events);
        assert_eq!(bursts.len(), 1);
        assert_eq!(
            bursts[0].text(&crate::i18n::Texts::default()),
            "Join burst: 5 joins via raid in 8 minutes"
        );
        assert_eq!(bursts[0].newest(), 0);
    }

    #[test]
    fn four_joins_are_not() {
        let events = newest_first((0..4).map(|i| join("raid", "invite", i, 0)).collect());
        assert!(find_join_bursts(&events).is_empty());
    }

    #[test]
    fn ten_minutes_apart_is_still_within_and_a_second_more_is_not() {
        let inside = newest_first(vec![
            join("c", "invite", 0, 0),
            join("c", "invite", 1, 0),
            join("c", "invite", 2, 0),
            join("c", "invite", 3, 0),
            join("c", "invite", 10, 0),
        ]);
        assert_eq!(
            find_join_bursts(&inside).first().map(|b| b.minutes),
            Some(10)
        );
        let outside = newest_first(vec![
            join("c", "invite", 0, 0),
            join("c", "invite", 1, 0),
            join("c", "invite", 2, 0),
            join("c", "invite", 3, 0),
            join("c", "invite", 10, 1),
        ]);
        assert!(find_join_bursts(&outside).is_empty());
    }

    #[test]
    fn minutes_are_rounded_up() {
        let events = newest_first((0..5).map(|i| join("c", "invite", 0, i * 20)).collect());
        assert_eq!(
            find_join_bursts(&events)[0].text(&crate::i18n::Texts::default()),
            "Join burst: 5 joins via c in 2 minutes"
        );
        let quick = newest_first((0..5).map(|i| join("c", "invite", 0, i * 10)).collect());
        assert_eq!(
            find_join_bursts(&quick)[0].text(&crate::i18n::Texts::default()),
            "Join burst: 5 joins via c in 1 minute"
        );
    }

    #[test]
    fn mixed_codes_and_methods_are_counted_apart() {
        let mut events = Vec::new();
        for i in 0..3 {
            events.push(join("a", "invite", i, 0));
            events.push(join("b", "invite", i, 30));
            events.push(join("a", "vanity", i, 45));
        }
        assert!(find_join_bursts(&newest_first(events.clone())).is_empty());
        events.extend((3..5).map(|i| join("a", "invite", i, 0)));
        let bursts = find_join_bursts(&newest_first(events));
        assert_eq!(bursts.len(), 1);
        assert_eq!(
            (bursts[0].code.as_str(), bursts[0].kind),
            ("a", CodeKind::Invite)
        );
        assert_eq!(bursts[0].events.len(), 5);
    }

    #[test]
    fn a_long_raid_is_one_run_and_stragglers_are_left_out() {
        let mut events: Vec<ActivityEvent> =
            (0..12).map(|i| join("x", "invite", i * 2, 0)).collect();
        events.push(join("x", "invite", 60, 0));
        let bursts = find_join_bursts(&newest_first(events));
        assert_eq!(bursts.len(), 1);
        assert_eq!(bursts[0].events.len(), 12);
        assert_eq!(bursts[0].minutes, 22);
    }

    #[test]
    fn only_the_events_shown_count_across_a_page_edge() {
        let all = newest_first((0..8).map(|i| join("edge", "invite", i, 0)).collect());
        assert_eq!(find_join_bursts(&all[..4]), vec![]);
        assert_eq!(find_join_bursts(&all[4..]), vec![]);
        assert_eq!(
            find_join_bursts(&all[2..7]).first().map(|b| b.events.len()),
            Some(5)
        );
    }

    #[test]
    fn leaves_and_direct_joins_do_not_count() {
        let mut events: Vec<ActivityEvent> = (0..4).map(|i| join("c", "invite", i, 0)).collect();
        let mut leave = join("c", "invite", 4, 0);
        leave.action = crate::api::Action::Leave;
        events.push(leave);
        events.push(join("c", "direct", 5, 0));
        assert!(find_join_bursts(&newest_first(events)).is_empty());
    }
}
