//! Where the component stands, as plain values: loading, shown, hidden or
//! failed; what its body shows; whether its tools have a chat to act on;
//! and where a page change the reader asked for leaves the focus.

use crate::api::LoadError;
use crate::paging::PageRequest;

/// Where the component stands, apart from the page on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A page is on its way.
    Loading,
    /// The page asked for is on screen.
    Ready,
    /// `401` or `403`: nothing is shown at all.
    Hidden,
    /// The page asked for could not be shown.
    Failed(LoadError),
}

/// What the component's body shows under its tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Content {
    /// Nothing yet (or a notice above says why).
    Nothing,
    /// The filter matched no events.
    NoMatch,
    /// The chat has no events.
    NoActivity,
    /// The timeline.
    Events,
}

impl Content {
    /// What to show for the page on screen: `total` is its count (of
    /// events, or of matches with a filter), none while there is no page;
    /// `so_far` says a filter's read has not finished.
    ///
    /// ```
    /// use chat_activity::activity_state::Content;
    /// assert_eq!(Content::of(false, Some(0), false), Content::NoActivity);
    /// assert_eq!(Content::of(true, Some(0), false), Content::NoMatch);
    /// // No match yet while reading: the read's progress says why.
    /// assert_eq!(Content::of(true, Some(0), true), Content::Nothing);
    /// ```
    pub fn of(filtering: bool, total: Option<u64>, so_far: bool) -> Self {
        match (filtering, total) {
            (_, None) => Self::Nothing,
            (_, Some(0)) if so_far => Self::Nothing,
            (true, Some(0)) => Self::NoMatch,
            (false, Some(0)) => Self::NoActivity,
            (_, Some(_)) => Self::Events,
        }
    }
}

/// Whether the tools (jump, filter, export) have something to act on: a
/// chat read at least once, with events. After a `404`, a first load that
/// failed, or in an empty chat they would only repeat the notice ("Export
/// failed: Chat not found"). A filter that is set stays usable, so that it
/// can always be changed or cleared.
///
/// ```
/// use chat_activity::activity_state::tools_usable;
/// assert!(tools_usable(Some(120), false));
/// assert!(!tools_usable(None, false)); // not found, or not loaded yet
/// assert!(!tools_usable(Some(0), false)); // no activity yet
/// assert!(tools_usable(None, true));
/// ```
pub fn tools_usable(chat_total: Option<u64>, filtering: bool) -> bool {
    filtering || chat_total.is_some_and(|total| total > 0)
}

impl Status {
    /// The page the pager counts from: the page asked for, or, after it
    /// failed, the page still on screen (of the same chat). Next after a
    /// failed Next then asks for the page that failed again, and never
    /// skips it.
    ///
    /// ```
    /// use chat_activity::activity_state::Status;
    /// use chat_activity::api::LoadError;
    /// use chat_activity::paging::{PageRequest, PageSize};
    /// use chat_activity::ChatId;
    /// let first = PageRequest::first(ChatId::new(1).unwrap(), PageSize::default());
    /// let second = PageRequest { offset: 25, ..first };
    /// assert_eq!(Status::Ready.pages_from(second, Some(second)), second);
    /// assert_eq!(Status::Loading.pages_from(second, Some(first)), second);
    /// assert_eq!(Status::Failed(LoadError::Timeout).pages_from(second, Some(first)), first);
    /// ```
    pub fn pages_from(&self, asked: PageRequest, on_screen: Option<PageRequest>) -> PageRequest {
        match (self, on_screen) {
            (Self::Failed(_), Some(on_screen)) if on_screen.chat_id == asked.chat_id => on_screen,
            _ => asked,
        }
    }
}

/// What a load the reader asked for does once it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Arrival {
    /// Nothing (the first load, Back and Forward, a refresh).
    #[default]
    Quiet,
    /// Focus goes to the heading: the control used has gone (Retry, Show
    /// new events).
    FocusHeading,
    /// The new range is said: focus stays on the control used (the pager,
    /// the page size, a jump).
    SayRange,
}

/// Where the focus goes when a load the reader asked for has failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusOnFailure {
    /// The new notice's Retry button.
    Retry,
    /// The heading (or the region, where the heading is hidden).
    Heading,
}

impl Arrival {
    /// Where the focus goes when this load fails. Only a load whose control
    /// went away moves it: the failure's Retry takes it where there is one.
    /// (A pager click that fails keeps the focus on the pager.)
    ///
    /// ```
    /// use chat_activity::activity_state::{Arrival, FocusOnFailure};
    /// assert_eq!(Arrival::FocusHeading.on_failure(true), Some(FocusOnFailure::Retry));
    /// assert_eq!(Arrival::FocusHeading.on_failure(false), Some(FocusOnFailure::Heading));
    /// assert_eq!(Arrival::SayRange.on_failure(true), None);
    /// ```
    pub fn on_failure(self, retryable: bool) -> Option<FocusOnFailure> {
        match (self, retryable) {
            (Self::FocusHeading, true) => Some(FocusOnFailure::Retry),
            (Self::FocusHeading, false) => Some(FocusOnFailure::Heading),
            (Self::Quiet | Self::SayRange, _) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_events_shows_the_timeline_filtered_or_not() {
        for filtering in [false, true] {
            for so_far in [false, true] {
                assert_eq!(Content::of(filtering, Some(1), so_far), Content::Events);
                assert_eq!(
                    Content::of(filtering, Some(10_000), so_far),
                    Content::Events
                );
            }
        }
    }

    #[test]
    fn no_page_shows_nothing_whatever_the_filter() {
        for filtering in [false, true] {
            for so_far in [false, true] {
                assert_eq!(Content::of(filtering, None, so_far), Content::Nothing);
            }
        }
    }

    #[test]
    fn an_empty_chat_and_an_empty_filter_say_different_things() {
        assert_eq!(Content::of(false, Some(0), false), Content::NoActivity);
        assert_eq!(Content::of(true, Some(0), false), Content::NoMatch);
        assert_eq!(Content::of(true, Some(0), true), Content::Nothing);
    }

    #[test]
    fn tools_need_a_chat_with_events_unless_a_filter_is_set() {
        assert!(tools_usable(Some(1), false));
        assert!(!tools_usable(Some(0), false));
        assert!(!tools_usable(None, false));
        assert!(tools_usable(Some(0), true));
        assert!(tools_usable(None, true));
    }

    #[test]
    fn only_a_load_whose_control_went_moves_the_focus_when_it_fails() {
        assert_eq!(Arrival::Quiet.on_failure(true), None);
        assert_eq!(Arrival::Quiet.on_failure(false), None);
        assert_eq!(Arrival::SayRange.on_failure(false), None);
        assert_eq!(
            Arrival::FocusHeading.on_failure(true),
            Some(FocusOnFailure::Retry)
        );
        assert_eq!(
            Arrival::FocusHeading.on_failure(false),
            Some(FocusOnFailure::Heading)
        );
    }
}
