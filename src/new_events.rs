//! New events without drift: events arrive at the head of the timeline
//! while the reader pages, shifting every offset. This keeps track of that
//! growth so that paging on neither repeats nor skips an event.

use std::collections::HashSet;

use crate::api::ActivityEvent;
use crate::host_options::Checked;
use crate::paging::PageRequest;

/// How often the head of the timeline is checked for new events, by default.
pub const DEFAULT_REFRESH_SECONDS: u32 = 30;

/// The longest refresh interval a browser timer can wait, in seconds.
pub const MAX_REFRESH_SECONDS: u32 = i32::MAX as u32 / 1000;

/// The growth of a timeline since the page on screen was read.
///
/// ```
/// use chat_activity::new_events::HeadTracker;
/// let mut head = HeadTracker::default();
/// head.page_loaded(25, 100);
/// head.head_checked(103);
/// assert_eq!(head.unseen(), 3);
/// assert_eq!(head.drift(), 3);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeadTracker {
    known_total: Option<u64>,
    /// Events added at the head since the page on screen was read.
    drift: u64,
    /// Events added since the reader last saw the first page.
    unseen: u64,
}

impl HeadTracker {
    /// A page at `offset` came back saying the chat has `total` events.
    /// Returns the growth this answer revealed (not seen by a head check),
    /// whose events may repeat ones already shown.
    pub fn page_loaded(&mut self, offset: u64, total: u64) -> u64 {
        let growth = self
            .known_total
            .map_or(0, |known| total.saturating_sub(known));
        self.known_total = Some(total);
        self.drift = 0;
        if offset == 0 {
            self.unseen = 0;
        } else {
            self.unseen += growth;
        }
        growth
    }

    /// A head check (`offset=0&limit=1`) says the chat has `total` events.
    pub fn head_checked(&mut self, total: u64) {
        let Some(known) = self.known_total else {
            return;
        };
        let growth = total.saturating_sub(known);
        self.known_total = Some(total.max(known));
        self.drift += growth;
        self.unseen += growth;
    }

    /// The request on screen, moved to where its events are now.
    pub fn shifted(&self, request: PageRequest) -> PageRequest {
        PageRequest {
            offset: request.offset.saturating_add(self.drift),
            ..request
        }
    }

    /// Events added at the head since the page on screen was read.
    pub fn drift(&self) -> u64 {
        self.drift
    }

    /// Events added since the reader last saw the first page.
    pub fn unseen(&self) -> u64 {
        self.unseen
    }
}

/// Reads a refresh interval (the element's `refresh-interval`, the
/// standalone page's meta tag, named `source` in the warning): whole
/// seconds up to [`MAX_REFRESH_SECONDS`], spaces around allowed, 0 for no
/// checks; the default, with a warning, for anything else.
///
/// ```
/// use chat_activity::new_events::parse_refresh_seconds;
/// assert_eq!(parse_refresh_seconds(Some(" 12 "), "refresh-interval").value, 12);
/// let soon = parse_refresh_seconds(Some("soon"), "refresh-interval");
/// assert_eq!((soon.value, soon.warning.is_some()), (30, true));
/// ```
pub fn parse_refresh_seconds(text: Option<&str>, source: &str) -> Checked<u32> {
    let default = DEFAULT_REFRESH_SECONDS;
    match text.map(|text| (text, text.trim().parse::<u32>())) {
        None => Checked::fine(default),
        // (A browser timer holds up to 2^31 − 1 ms, about 24 days.)
        Some((_, Ok(seconds))) if seconds <= MAX_REFRESH_SECONDS => Checked::fine(seconds),
        Some((text, _)) => Checked::corrected(
            default,
            format!(
                "{source}=\"{text}\" is not a whole number of seconds up to {MAX_REFRESH_SECONDS} (0 turns the checks off); checking every {default} s"
            ),
        ),
    }
}

/// What **Show {n} new events** does from the page on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowNewEvents {
    /// Another page is on screen: go to the first page.
    GoTo(PageRequest),
    /// The first page is on screen: asking for it again would be the same
    /// request, which changes nothing, so it is loaded again.
    Reload,
}

impl ShowNewEvents {
    /// From the request on screen (the new events are on its first page).
    pub fn from(on_screen: PageRequest) -> Self {
        let first = PageRequest::first(on_screen.chat_id, on_screen.limit);
        if on_screen == first {
            Self::Reload
        } else {
            Self::GoTo(first)
        }
    }
}

/// Events carry no id; these three together tell them apart.
fn identity(event: &ActivityEvent) -> (u64, &str, &str) {
    (
        event.user.id,
        event.action.as_str(),
        event.created_at.as_str(),
    )
}

/// When unseen growth pushed events from the page before onto this one:
/// drops the leading events that `previous` already showed. Returns the
/// events left and how many were dropped.
pub fn drop_repeated(
    previous: &[ActivityEvent],
    next: Vec<ActivityEvent>,
) -> (Vec<ActivityEvent>, usize) {
    let seen: HashSet<(u64, &str, &str)> = previous.iter().map(identity).collect();
    let repeated = next
        .iter()
        .take_while(|event| seen.contains(&identity(event)))
        .count();
    let kept = next.into_iter().skip(repeated).collect();
    (kept, repeated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChatId, PageSize};

    fn event(id: u64) -> ActivityEvent {
        serde_json::from_value(serde_json::json!({
            "user": {"id": id, "username": format!("u{id}")},
            "action": "join",
            "created_at": format!("2026-04-04T12:{:02}:00Z", id % 60),
        }))
        .expect("valid event")
    }

    fn request(offset: u64) -> PageRequest {
        PageRequest {
            offset,
            ..PageRequest::first(ChatId::new(1).expect("valid"), PageSize::clamped(10))
        }
    }

    #[test]
    fn head_checks_shift_the_next_pages() {
        let mut head = HeadTracker::default();
        assert_eq!(head.page_loaded(0, 100), 0);
        head.head_checked(100);
        assert_eq!(head.unseen(), 0);
        head.head_checked(104);
        head.head_checked(105);
        assert_eq!((head.drift(), head.unseen()), (5, 5));
        let on_screen = head.shifted(request(0));
        assert_eq!(on_screen.offset, 5);
        assert_eq!(
            on_screen.next(105).map(|r| r.offset),
            Some(15),
            "continues where the reader was"
        );
        // The next page is read in the new frame: no drift, growth still unseen.
        assert_eq!(head.page_loaded(15, 105), 0);
        assert_eq!((head.drift(), head.unseen()), (0, 5));
        // Back at the top, everything is seen.
        head.page_loaded(0, 105);
        assert_eq!(head.unseen(), 0);
    }

    #[test]
    fn growth_found_by_a_page_is_reported_for_de_duplication() {
        let mut head = HeadTracker::default();
        head.page_loaded(0, 50);
        assert_eq!(head.page_loaded(10, 53), 3);
        assert_eq!(head.unseen(), 3);
        assert_eq!(
            head.page_loaded(20, 52),
            0,
            "a shrinking chat is not growth"
        );
    }

    #[test]
    fn the_first_check_before_any_page_counts_nothing() {
        let mut head = HeadTracker::default();
        head.head_checked(10);
        assert_eq!((head.drift(), head.unseen()), (0, 0));
    }

    #[test]
    fn refresh_intervals_are_whole_seconds_or_the_default_with_a_warning() {
        let read = |text| parse_refresh_seconds(text, "refresh-interval");
        for (text, seconds) in [
            (Some("5"), 5),
            (Some("0"), 0),
            (Some(" 12 "), 12),
            (None, 30),
        ] {
            assert_eq!(read(text), Checked::fine(seconds), "{text:?}");
        }
        assert_eq!(read(Some("2147483")), Checked::fine(2_147_483));
        for text in ["", "-1", "1.5", "soon", "99999999999", "2147484"] {
            let checked = read(Some(text));
            assert_eq!(checked.value, 30, "{text}");
            let warning = checked.warning.expect("a warning");
            assert!(
                warning.starts_with(&format!("refresh-interval=\"{text}\" is not")),
                "{warning}"
            );
        }
    }

    #[test]
    fn show_new_events_reloads_the_first_page_and_goes_there_from_others() {
        assert_eq!(ShowNewEvents::from(request(0)), ShowNewEvents::Reload);
        assert_eq!(
            ShowNewEvents::from(request(30)),
            ShowNewEvents::GoTo(request(0)),
            "the first page, in the same page size"
        );
        // A page not on a page boundary (after a page-size change) is not the first.
        assert_eq!(
            ShowNewEvents::from(request(3)),
            ShowNewEvents::GoTo(request(0))
        );
    }

    #[test]
    fn repeated_events_are_dropped_from_the_top_only() {
        let previous: Vec<ActivityEvent> = (1..=5).map(event).collect();
        let next = vec![event(4), event(5), event(6), event(7), event(4)];
        let (kept, dropped) = drop_repeated(&previous, next);
        assert_eq!(dropped, 2);
        assert_eq!(kept, vec![event(6), event(7), event(4)]);
        let (kept, dropped) = drop_repeated(&previous, vec![event(8)]);
        assert_eq!((kept.len(), dropped), (1, 0));
    }
}
