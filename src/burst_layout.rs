//! Collapsed join bursts: which list items a page shows when each burst's
//! joins are folded into one item until the reader expands it.

use crate::join_bursts::JoinBurst;

/// One list item of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// The event at this index of the page.
    Event(usize),
    /// The burst at this index of the bursts: its note and its button, in
    /// place of its joins while collapsed, above them once expanded.
    Burst {
        /// Which burst.
        burst: usize,
        /// Whether its joins are shown.
        expanded: bool,
    },
}

/// The items of a page of `events` events: each burst's item where its
/// newest join stands; its joins only when `expanded(burst)`; every other
/// event where it is.
///
/// ```
/// use chat_activity::burst_layout::{layout, Item};
/// assert_eq!(layout(2, &[], |_| false), [Item::Event(0), Item::Event(1)]);
/// ```
pub fn layout(events: usize, bursts: &[JoinBurst], expanded: impl Fn(usize) -> bool) -> Vec<Item> {
    let mut burst_of = vec![None; events];
    for (burst, run) in bursts.iter().enumerate() {
        for &index in &run.events {
            if let Some(slot) = burst_of.get_mut(index) {
                *slot = Some(burst);
            }
        }
    }
    let mut items = Vec::with_capacity(events);
    for (index, burst) in burst_of.into_iter().enumerate() {
        match burst {
            None => items.push(Item::Event(index)),
            Some(burst) => {
                let open = expanded(burst);
                if bursts[burst].newest() == index {
                    items.push(Item::Burst {
                        burst,
                        expanded: open,
                    });
                }
                if open {
                    items.push(Item::Event(index));
                }
            }
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event_text::CodeKind;

    fn burst(events: &[usize]) -> JoinBurst {
        JoinBurst {
            code: "raid".into(),
            kind: CodeKind::Invite,
            events: events.to_vec(),
            minutes: 3,
        }
    }

    #[test]
    fn a_collapsed_burst_is_one_item_where_its_newest_join_stands() {
        // 0 a leave, 1–5 the burst's joins with a ban (3) among them, 6 a join.
        let bursts = [burst(&[1, 2, 4, 5, 6])];
        assert_eq!(
            layout(8, &bursts, |_| false),
            [
                Item::Event(0),
                Item::Burst {
                    burst: 0,
                    expanded: false
                },
                Item::Event(3),
                Item::Event(7),
            ]
        );
    }

    #[test]
    fn an_expanded_burst_shows_its_joins_in_place_under_its_item() {
        let bursts = [burst(&[1, 2, 4, 5, 6])];
        assert_eq!(
            layout(8, &bursts, |_| true),
            [
                Item::Event(0),
                Item::Burst {
                    burst: 0,
                    expanded: true
                },
                Item::Event(1),
                Item::Event(2),
                Item::Event(3),
                Item::Event(4),
                Item::Event(5),
                Item::Event(6),
                Item::Event(7),
            ]
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::api::ActivityEvent;
        use crate::join_bursts::find_join_bursts;
        use proptest::prelude::*;

        fn event(minute: i64, join_code: Option<u8>) -> ActivityEvent {
            let at = chrono::DateTime::from_timestamp(1_775_000_000 - minute * 60, 0)
                .unwrap_or_default();
            serde_json::from_value(serde_json::json!({
                "user": {"id": minute, "username": format!("u{minute}")},
                "action": if join_code.is_some() { "join" } else { "leave" },
                "method": join_code.map(|_| "invite"),
                "invite_code": join_code.map(|code| format!("c{code}")),
                "created_at": at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            }))
            .expect("valid event")
        }

        proptest! {
            /// Any page, any bursts expanded: every event is shown exactly
            /// once, as its own item or inside a collapsed burst's item, in
            /// the page's order.
            #[test]
            fn every_event_once(
                page in proptest::collection::vec((0_i64..4, proptest::option::of(0_u8..3)), 0..60),
                open in proptest::collection::vec(any::<bool>(), 8),
            ) {
                let mut minute = 0;
                let events: Vec<ActivityEvent> = page
                    .iter()
                    .map(|&(gap, code)| {
                        minute += gap;
                        event(minute, code)
                    })
                    .collect();
                let bursts = find_join_bursts(&events);
                let items = layout(events.len(), &bursts, |burst| open[burst % open.len()]);
                let mut shown = Vec::new();
                for item in &items {
                    match *item {
                        Item::Event(index) => shown.push(index),
                        Item::Burst { burst, expanded: false } => shown.extend(&bursts[burst].events),
                        Item::Burst { .. } => {}
                    }
                }
                shown.sort_unstable();
                prop_assert_eq!(shown, (0..events.len()).collect::<Vec<_>>());
                let singles: Vec<usize> = items
                    .iter()
                    .filter_map(|item| match item { Item::Event(index) => Some(*index), _ => None })
                    .collect();
                prop_assert!(singles.windows(2).all(|pair| pair[0] < pair[1]));
            }
        }
    }
}
