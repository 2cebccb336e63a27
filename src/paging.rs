//! Paging arithmetic: page sizes, offsets, the "Showing a–b of n" range.
//! Pure and total: no input overflows or panics.

use crate::chat_id::ChatId;

/// Events per page, always within 1..=100 as the API requires.
///
/// ```
/// use chat_activity::PageSize;
/// assert_eq!(PageSize::clamped(500).get(), 100);
/// assert_eq!(PageSize::parse("abc").size, PageSize::DEFAULT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageSize(u32);

/// A page size read from text, and whether the text had to be corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedPageSize {
    /// The size in force.
    pub size: PageSize,
    /// The text did not say exactly this size (out of range, not a number).
    pub corrected: bool,
    /// Why the text's own number is not in force, if it is not (a text
    /// that only spells the size otherwise, `+50`, has none).
    pub unusable: Option<UnusableSize>,
}

/// Why a page size read from text is not the one it asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnusableSize {
    /// A whole number outside 1..=100: the nearest size is in force.
    OutOfRange,
    /// Not a whole number: the default size is in force.
    NotANumber,
}

impl PageSize {
    /// The smallest size the API accepts.
    pub const MIN: u32 = 1;
    /// The largest size the API accepts.
    pub const MAX: u32 = 100;
    /// Used where nothing, or no whole number, was asked for.
    pub const DEFAULT: Self = Self(25);
    /// The sizes the page-size select offers.
    pub const CHOICES: [u32; 4] = [10, 25, 50, 100];

    /// The nearest valid size.
    pub fn clamped(requested: i64) -> Self {
        Self(requested.clamp(Self::MIN.into(), Self::MAX.into()) as u32)
    }

    /// Reads a URL or attribute value: a whole number is clamped into
    /// range, anything else means [`PageSize::DEFAULT`].
    pub fn parse(text: &str) -> ParsedPageSize {
        let (size, unusable) = match parse_whole_number(text) {
            Some(WholeNumber::Fits(n)) => {
                let size = Self::clamped(n);
                (
                    size,
                    (i64::from(size.0) != n).then_some(UnusableSize::OutOfRange),
                )
            }
            Some(WholeNumber::TooLarge) => (Self(Self::MAX), Some(UnusableSize::OutOfRange)),
            Some(WholeNumber::TooSmall) => (Self(Self::MIN), Some(UnusableSize::OutOfRange)),
            None => (Self::DEFAULT, Some(UnusableSize::NotANumber)),
        };
        ParsedPageSize {
            size,
            corrected: text != size.0.to_string(),
            unusable,
        }
    }

    /// The size as a number.
    pub fn get(self) -> u32 {
        self.0
    }

    fn as_u64(self) -> u64 {
        self.0.into()
    }

    /// The select's options: the standard choices plus this size when it is
    /// not one of them, in ascending order.
    pub fn choices_with(self) -> Vec<u32> {
        let mut choices = Self::CHOICES.to_vec();
        if !choices.contains(&self.0) {
            choices.push(self.0);
            choices.sort_unstable();
        }
        choices
    }
}

impl Default for PageSize {
    fn default() -> Self {
        Self::DEFAULT
    }
}

enum WholeNumber {
    Fits(i64),
    TooLarge,
    TooSmall,
}

/// An optional sign and ASCII digits, nothing else (no spaces, no decimals).
fn parse_whole_number(text: &str) -> Option<WholeNumber> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match text.parse::<i64>() {
        Ok(n) => WholeNumber::Fits(n),
        Err(_) if negative => WholeNumber::TooSmall,
        Err(_) => WholeNumber::TooLarge,
    })
}

/// A 1-based page number as the standalone page's URL carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedPageNumber {
    /// The page, 1 or more.
    pub page: u64,
    /// The text did not say exactly this page.
    pub corrected: bool,
}

/// Reads the URL's `page`: whole numbers below 1 and anything else mean page 1.
pub fn parse_page_number(text: &str) -> ParsedPageNumber {
    let page = match parse_whole_number(text) {
        Some(WholeNumber::Fits(n)) if n >= 1 => n as u64,
        Some(WholeNumber::TooLarge) => i64::MAX as u64,
        _ => 1,
    };
    ParsedPageNumber {
        page,
        corrected: text != page.to_string(),
    }
}

/// Where the reader is in a chat's timeline: what one request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageRequest {
    /// The chat asked about.
    pub chat_id: ChatId,
    /// Events to skip: the first event shown is at this index.
    pub offset: u64,
    /// Events per page.
    pub limit: PageSize,
}

impl PageRequest {
    /// The first page of a chat.
    pub fn first(chat_id: ChatId, limit: PageSize) -> Self {
        Self {
            chat_id,
            offset: 0,
            limit,
        }
    }

    /// The request for a 1-based page number.
    pub fn for_page(chat_id: ChatId, page: u64, limit: PageSize) -> Self {
        Self {
            chat_id,
            offset: page.saturating_sub(1).saturating_mul(limit.as_u64()),
            limit,
        }
    }

    /// The 1-based page number this request shows.
    pub fn page_number(&self) -> u64 {
        self.offset / self.limit.as_u64() + 1
    }

    /// The page before this one, if this is not the first.
    pub fn previous(&self) -> Option<Self> {
        (self.offset > 0).then(|| Self {
            offset: self.offset.saturating_sub(self.limit.as_u64()),
            ..*self
        })
    }

    /// The page after this one, if there are events after it.
    pub fn next(&self, total: u64) -> Option<Self> {
        let offset = self.offset.saturating_add(self.limit.as_u64());
        (offset < total).then_some(Self { offset, ..*self })
    }

    /// The page of this size that holds the event at `index` (pages start
    /// at multiples of the size).
    ///
    /// ```
    /// use chat_activity::{ChatId, PageRequest, PageSize};
    /// let chat = ChatId::new(1).unwrap();
    /// let page = PageRequest::first(chat, PageSize::clamped(25));
    /// assert_eq!(page.holding(24).offset, 0);
    /// assert_eq!(page.holding(25).offset, 25);
    /// assert_eq!(page.holding(9_999).offset, 9_975);
    /// ```
    pub fn holding(&self, index: u64) -> Self {
        let limit = self.limit.as_u64();
        Self {
            offset: index / limit * limit,
            ..*self
        }
    }

    /// The page of the new size that holds the first event shown now.
    pub fn with_limit(&self, limit: PageSize) -> Self {
        Self { limit, ..*self }.holding(self.offset)
    }

    /// When the request lies past the end of a non-empty timeline: the last
    /// page instead.
    pub fn clamped_to(&self, total: u64) -> Option<Self> {
        (total > 0 && self.offset >= total).then(|| self.holding(total - 1))
    }

    /// The API path and query, relative to the API base.
    pub fn path_and_query(&self) -> String {
        format!(
            "/v1/portal/chats/{}/activity?offset={}&limit={}",
            self.chat_id,
            self.offset,
            self.limit.get()
        )
    }
}

/// The 1-based range of events a page shows: "Showing {first}–{last} of {total}".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownRange {
    /// The 1-based index of the first event shown.
    pub first: u64,
    /// The 1-based index of the last event shown.
    pub last: u64,
    /// All events of the chat (or all matches found so far).
    pub total: u64,
    /// The total is of matches found so far, while the chat is still read.
    pub so_far: bool,
}

impl ShownRange {
    /// The range of `count` events starting at `offset`; `None` for no events.
    pub fn new(offset: u64, count: usize, total: u64) -> Option<Self> {
        let count = u64::try_from(count).ok().filter(|&c| c > 0)?;
        let first = offset.saturating_add(1);
        let last = offset.saturating_add(count);
        Some(Self {
            first,
            last,
            total: total.max(last),
            so_far: false,
        })
    }

    /// The same range, its total counted so far (or not).
    pub fn so_far(self, so_far: bool) -> Self {
        Self { so_far, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chat() -> ChatId {
        ChatId::new(42).expect("valid id")
    }

    fn size(n: u32) -> PageSize {
        PageSize::clamped(n.into())
    }

    #[test]
    fn page_sizes_are_clamped_or_default() {
        let cases = [
            ("25", 25, false),
            ("10", 10, false),
            ("1", 1, false),
            ("100", 100, false),
            ("30", 30, false),
            ("0", 1, true),
            ("-5", 1, true),
            ("101", 100, true),
            ("500", 100, true),
            ("99999999999999999999999", 100, true),
            ("-99999999999999999999999", 1, true),
            ("+50", 50, true),
            ("", 25, true),
            ("abc", 25, true),
            ("25.0", 25, true),
            ("1e2", 25, true),
            (" 25", 25, true),
            ("-", 25, true),
        ];
        for (text, expected, corrected) in cases {
            let parsed = PageSize::parse(text);
            assert_eq!(parsed.size.get(), expected, "{text:?}");
            assert_eq!(parsed.corrected, corrected, "{text:?}");
        }
        use UnusableSize::{NotANumber, OutOfRange};
        for (text, unusable) in [
            ("50", None),
            ("+50", None),
            ("0010", None),
            ("0", Some(OutOfRange)),
            ("-99999999999999999999999", Some(OutOfRange)),
            ("101", Some(OutOfRange)),
            ("abc", Some(NotANumber)),
            (" 25", Some(NotANumber)),
            ("", Some(NotANumber)),
        ] {
            assert_eq!(PageSize::parse(text).unusable, unusable, "{text:?}");
        }
    }

    #[test]
    fn page_numbers_below_one_or_not_numbers_mean_page_one() {
        assert_eq!(
            parse_page_number("3"),
            ParsedPageNumber {
                page: 3,
                corrected: false
            }
        );
        for text in ["0", "-2", "x", "", "2.5"] {
            assert_eq!(
                parse_page_number(text),
                ParsedPageNumber {
                    page: 1,
                    corrected: true
                }
            );
        }
        assert_eq!(
            parse_page_number("99999999999999999999").page,
            i64::MAX as u64
        );
    }

    #[test]
    fn select_choices_include_the_size_in_force() {
        assert_eq!(size(25).choices_with(), vec![10, 25, 50, 100]);
        assert_eq!(size(30).choices_with(), vec![10, 25, 30, 50, 100]);
        assert_eq!(size(1).choices_with(), vec![1, 10, 25, 50, 100]);
    }

    #[test]
    fn pages_map_to_offsets_and_back() {
        let third = PageRequest::for_page(chat(), 3, size(25));
        assert_eq!(third.offset, 50);
        assert_eq!(third.page_number(), 3);
        assert_eq!(PageRequest::for_page(chat(), 1, size(10)).offset, 0);
        assert_eq!(PageRequest::for_page(chat(), 0, size(10)).offset, 0);
        let huge = PageRequest::for_page(chat(), u64::MAX, size(100));
        assert_eq!(huge.offset, u64::MAX);
    }

    #[test]
    fn previous_and_next_exist_only_inside_the_timeline() {
        let first = PageRequest::first(chat(), size(10));
        assert_eq!(first.previous(), None);
        assert_eq!(first.next(25).map(|r| r.offset), Some(10));
        assert_eq!(first.next(10), None);
        let last = PageRequest {
            offset: 20,
            ..first
        };
        assert_eq!(last.next(25), None);
        assert_eq!(last.previous().map(|r| r.offset), Some(10));
        let unaligned = PageRequest { offset: 5, ..first };
        assert_eq!(unaligned.previous().map(|r| r.offset), Some(0));
        let end = PageRequest {
            offset: u64::MAX,
            ..first
        };
        assert_eq!(end.next(u64::MAX), None);
    }

    #[test]
    fn a_new_size_keeps_the_first_event_shown_on_screen() {
        let request = PageRequest {
            offset: 75,
            ..PageRequest::first(chat(), size(25))
        };
        let bigger = request.with_limit(size(50));
        assert_eq!((bigger.offset, bigger.limit.get()), (50, 50));
        assert!(bigger.offset <= 75 && 75 < bigger.offset + 50);
        let smaller = request.with_limit(size(10));
        assert_eq!(smaller.offset, 70);
    }

    #[test]
    fn past_the_end_turns_into_the_last_page() {
        let request = PageRequest {
            offset: 500,
            ..PageRequest::first(chat(), size(25))
        };
        assert_eq!(request.clamped_to(60).map(|r| r.offset), Some(50));
        assert_eq!(request.clamped_to(50).map(|r| r.offset), Some(25));
        assert_eq!(request.clamped_to(501), None);
        assert_eq!(
            request.clamped_to(0),
            None,
            "an empty chat has no last page"
        );
        let exact = PageRequest {
            offset: 3,
            ..PageRequest::first(chat(), size(1))
        };
        assert_eq!(exact.clamped_to(3).map(|r| r.offset), Some(2));
    }

    #[test]
    fn the_request_path_always_names_offset_and_limit() {
        let request = PageRequest {
            offset: 50,
            ..PageRequest::first(chat(), size(25))
        };
        assert_eq!(
            request.path_and_query(),
            "/v1/portal/chats/42/activity?offset=50&limit=25"
        );
    }

    #[test]
    fn the_shown_range_uses_an_en_dash() {
        let range = ShownRange::new(0, 3, 3).expect("events shown");
        let text = |range| crate::i18n::Texts::default().shown_range(&range);
        assert_eq!(text(range), "Showing 1–3 of 3");
        assert_eq!(
            ShownRange::new(25, 25, 600).map(text).as_deref(),
            Some("Showing 26–50 of 600")
        );
        assert_eq!(ShownRange::new(0, 0, 10), None);
        // A server that under-counts never makes the range read backwards.
        assert_eq!(ShownRange::new(10, 5, 3).map(|r| r.total), Some(15));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn the_page_holding_an_event_starts_at_a_multiple_of_its_size_and_holds_it(
            index in 0_u64..u64::MAX / 2,
            limit in 1_u32..=100,
            from in 0_u64..1_000_000,
        ) {
            let asked = PageRequest { offset: from, ..PageRequest::first(chat(), size(limit)) };
            let page = asked.holding(index);
            let limit = page.limit.as_u64();
            proptest::prop_assert_eq!(page.offset % limit, 0);
            proptest::prop_assert!(page.offset <= index && index < page.offset + limit);
            proptest::prop_assert_eq!((page.chat_id, page.limit), (asked.chat_id, asked.limit));
        }
    }
}
