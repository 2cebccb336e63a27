//! The standalone page's URL: `?chat_id=42&page=2&limit=25`, and the filter
//! when one is set (`&action=ban&search=ma&user=7&code=QX7`, the page then
//! one of the matches'). Reading it with the contract's validation, and
//! writing the view back into it.

use crate::api::Action;
use crate::chat_id::{ChatId, ChatIdError};
use crate::filter::{EventFilter, UserChoice};
use crate::paging::{parse_page_number, PageRequest, PageSize};

/// The URL's parameters for the filter, in the order they are written.
const FILTER_KEYS: [&str; 4] = ["action", "search", "user", "code"];

/// The filter as the URL keeps it: the user by id only (their name comes
/// from the events, never from a link).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterQuery {
    /// `action`: one of the four actions.
    pub action: Option<Action>,
    /// `search`: the username text, trimmed.
    pub search: String,
    /// `user`: a user id, decimal digits.
    pub user: Option<u64>,
    /// `code`: an invite code or vanity slug.
    pub code: Option<String>,
}

impl FilterQuery {
    /// Whether it filters anything.
    pub fn is_active(&self) -> bool {
        self.action.is_some()
            || !self.search.is_empty()
            || self.user.is_some()
            || self.code.is_some()
    }

    /// The filter it asks for, keeping the name `known` gives the same user.
    pub fn to_filter(&self, known: &EventFilter) -> EventFilter {
        let name = |id: u64| {
            known
                .user
                .as_ref()
                .filter(|user| user.id == id)
                .map(|user| user.name.clone())
                .unwrap_or_default()
        };
        EventFilter {
            action: self.action.clone(),
            username: self.search.clone(),
            user: self.user.map(|id| UserChoice { id, name: name(id) }),
            code: self.code.clone(),
        }
    }

    /// The parameters to write, in order, without the empty ones.
    fn pairs(&self) -> impl Iterator<Item = (&'static str, String)> {
        let values = [
            self.action
                .as_ref()
                .map(|action| action.as_str().to_owned()),
            Some(self.search.clone()).filter(|search| !search.is_empty()),
            self.user.map(|id| id.to_string()),
            self.code.clone(),
        ];
        FILTER_KEYS
            .into_iter()
            .zip(values)
            .filter_map(|(key, value)| Some((key, value?)))
    }
}

impl FilterQuery {
    /// What the URL keeps of `filter`.
    pub fn of(filter: &EventFilter) -> Self {
        Self {
            action: filter.action.clone(),
            search: filter.username.trim().to_owned(),
            user: filter.user.as_ref().map(|user| user.id),
            code: filter.code.clone(),
        }
    }
}

/// Reads the URL's `action`, `search`, `user` and `code` (the first of
/// each): `None` for a value that cannot be meant (an unknown action, a
/// user id that is not digits), which the page then corrects.
fn parse_filter(values: [Option<String>; 4]) -> Option<FilterQuery> {
    let [action, search, user, code] = values;
    let action = match action.filter(|action| !action.is_empty()).map(Action::from) {
        Some(Action::Other(_)) => return None,
        action => action,
    };
    let user = match user.filter(|user| !user.is_empty()) {
        Some(user) if user.bytes().all(|b| b.is_ascii_digit()) => Some(user.parse().ok()?),
        Some(_) => return None,
        None => None,
    };
    Some(FilterQuery {
        action,
        search: search.unwrap_or_default().trim().to_owned(),
        user,
        code: code.filter(|code| !code.is_empty()),
    })
}

/// How a change of the view enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// The user moved: a new entry, so Back returns.
    Push,
    /// A correction (past the end, clamped limit), or typing on: the entry
    /// is replaced.
    Replace,
}

/// How a change of the view enters the history: a new filter, a page, a
/// cleared filter are entries of their own; typing on in the username
/// search replaces the entry its first letter made.
pub fn history_mode(before: &FilterQuery, now: &FilterQuery) -> HistoryMode {
    let typing_on = !before.search.is_empty()
        && FilterQuery {
            search: now.search.clone(),
            ..before.clone()
        } == *now;
    if typing_on {
        HistoryMode::Replace
    } else {
        HistoryMode::Push
    }
}

/// What the page's query string asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageQuery {
    /// From `chat_id`: decimal digits, 1 to 2^53 − 1.
    pub chat_id: Result<ChatId, ChatIdError>,
    /// The 1-based page; 1 when missing or malformed.
    pub page: u64,
    /// From `limit`: clamped to 1..=100, 25 when not a whole number.
    pub limit: PageSize,
    /// The filter; with one, `page` and `limit` page through its matches.
    pub filter: FilterQuery,
    /// `page`, `limit` or the filter was present but had to be corrected, so the URL
    /// should be replaced with the corrected one.
    pub needs_correction: bool,
}

impl PageQuery {
    /// Reads a query string, with or without its leading `?`.
    ///
    /// ```
    /// use chat_activity::page_url::PageQuery;
    /// let query = PageQuery::parse("?chat_id=42&page=2&limit=500");
    /// assert_eq!(query.chat_id.map(|id| id.get()), Ok(42));
    /// assert_eq!((query.page, query.limit.get(), query.needs_correction), (2, 100, true));
    /// ```
    pub fn parse(search: &str) -> Self {
        let mut chat_id = None;
        let mut page = None;
        let mut limit = None;
        let mut filter: [Option<String>; 4] = Default::default();
        // The first of a repeated parameter counts, as URLSearchParams.get does.
        for (key, value) in form_urlencoded::parse(search.trim_start_matches('?').as_bytes()) {
            let slot = match key.as_ref() {
                "chat_id" => &mut chat_id,
                "page" => &mut page,
                "limit" => &mut limit,
                key => match FILTER_KEYS.iter().position(|k| *k == key) {
                    Some(index) => &mut filter[index],
                    None => continue,
                },
            };
            slot.get_or_insert(value.into_owned());
        }
        let page = page.as_deref().map(parse_page_number);
        let limit = limit.as_deref().map(PageSize::parse);
        let filter = parse_filter(filter);
        Self {
            chat_id: chat_id.as_deref().unwrap_or("").parse(),
            page: page.map_or(1, |p| p.page),
            limit: limit.map_or(PageSize::DEFAULT, |l| l.size),
            needs_correction: page.is_some_and(|p| p.corrected)
                || limit.is_some_and(|l| l.corrected)
                || filter.is_none(),
            filter: filter.unwrap_or_default(),
        }
    }

    /// Whether the URL says `request` under `filter` already (however it
    /// spells it), so that writing it would add nothing.
    pub fn shows(&self, request: &PageRequest, filter: &FilterQuery) -> bool {
        !self.needs_correction
            && self.page == request.page_number()
            && self.limit == request.limit
            && self.filter == *filter
    }
}

/// The query string with `page`, `limit` and the filter set to what
/// `request` under `filter` shows, every other parameter kept in place.
///
/// ```
/// use chat_activity::{page_url::{with_view, FilterQuery}, ChatId, PageRequest, PageSize};
/// let request = PageRequest::for_page(ChatId::new(42).unwrap(), 3, PageSize::DEFAULT);
/// let none = FilterQuery::default();
/// assert_eq!(with_view("?chat_id=42&theme=dark", &request, &none), "?chat_id=42&theme=dark&page=3&limit=25");
/// ```
pub fn with_view(search: &str, request: &PageRequest, filter: &FilterQuery) -> String {
    let page = request.page_number().to_string();
    let limit = request.limit.get().to_string();
    let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    out.extend_pairs(
        form_urlencoded::parse(search.trim_start_matches('?').as_bytes()).filter(|(key, _)| {
            key != "page" && key != "limit" && !FILTER_KEYS.contains(&key.as_ref())
        }),
    );
    out.append_pair("page", &page);
    out.append_pair("limit", &limit);
    out.extend_pairs(filter.pairs());
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_query_needs_no_correction() {
        let query = PageQuery::parse("?chat_id=42&page=3&limit=10");
        assert_eq!(query.chat_id, ChatId::new(42));
        assert_eq!((query.page, query.limit.get()), (3, 10));
        assert!(!query.needs_correction);
        let bare = PageQuery::parse("chat_id=42");
        assert_eq!(
            (bare.page, bare.limit, bare.needs_correction),
            (1, PageSize::DEFAULT, false)
        );
    }

    #[test]
    fn the_chat_id_is_validated() {
        assert_eq!(PageQuery::parse("").chat_id, Err(ChatIdError::Missing));
        assert_eq!(
            PageQuery::parse("?chat_id=").chat_id,
            Err(ChatIdError::Missing)
        );
        assert_eq!(
            PageQuery::parse("?chat_id=4%202").chat_id,
            Err(ChatIdError::NotDigits)
        );
        assert_eq!(
            PageQuery::parse("?chat_id=0").chat_id,
            Err(ChatIdError::OutOfRange)
        );
        assert_eq!(
            PageQuery::parse("?chat_id=7&chat_id=8").chat_id,
            ChatId::new(7)
        );
    }

    #[test]
    fn bad_paging_is_corrected() {
        for (search, page, limit) in [
            ("?chat_id=1&limit=500", 1, 100),
            ("?chat_id=1&limit=0", 1, 1),
            ("?chat_id=1&limit=lots", 1, 25),
            ("?chat_id=1&page=0", 1, 25),
            ("?chat_id=1&page=two&limit=10", 1, 10),
        ] {
            let query = PageQuery::parse(search);
            assert_eq!((query.page, query.limit.get()), (page, limit), "{search}");
            assert!(query.needs_correction, "{search}");
        }
    }

    #[test]
    fn paging_is_written_back_keeping_other_parameters() {
        let chat = ChatId::new(42).expect("valid");
        let request = PageRequest::for_page(chat, 2, PageSize::clamped(50));
        let none = FilterQuery::default();
        assert_eq!(
            with_view("?chat_id=42&page=9&lang=de&limit=500", &request, &none),
            "?chat_id=42&lang=de&page=2&limit=50"
        );
        assert_eq!(with_view("", &request, &none), "?page=2&limit=50");
        assert_eq!(
            with_view("?chat_id=42&note=a%26b+c", &request, &none),
            "?chat_id=42&note=a%26b+c&page=2&limit=50"
        );
    }

    fn bans_by(search: &str, user: Option<u64>, code: Option<&str>) -> FilterQuery {
        FilterQuery {
            action: Some(Action::Ban),
            search: search.to_owned(),
            user,
            code: code.map(str::to_owned),
        }
    }

    #[test]
    fn the_filter_is_written_and_read_back() {
        let chat = ChatId::new(42).expect("valid");
        let request = PageRequest::for_page(chat, 2, PageSize::DEFAULT);
        let filter = bans_by("Ma ria", Some(7), Some("QX&7"));
        let search = with_view("?chat_id=42&search=old&page=5", &request, &filter);
        assert_eq!(
            search,
            "?chat_id=42&page=2&limit=25&action=ban&search=Ma+ria&user=7&code=QX%267"
        );
        let query = PageQuery::parse(&search);
        assert_eq!(query.filter, filter);
        assert!(query.shows(&request, &filter));
        assert!(!query.shows(&request, &FilterQuery::default()));
        // No filter: its parameters go.
        assert_eq!(
            with_view(&search, &request, &FilterQuery::default()),
            "?chat_id=42&page=2&limit=25"
        );
    }

    #[test]
    fn a_filter_that_cannot_be_meant_is_corrected_to_none() {
        for search in [
            "?chat_id=1&action=promote",
            "?chat_id=1&user=abc",
            "?chat_id=1&user=-3",
            "?chat_id=1&user=99999999999999999999999",
        ] {
            let query = PageQuery::parse(search);
            assert_eq!(query.filter, FilterQuery::default(), "{search}");
            assert!(query.needs_correction, "{search}");
        }
        // Empty values are no filter, and need no correction.
        let empty = PageQuery::parse("?chat_id=1&action=&search=+&user=&code=");
        assert_eq!(empty.filter, FilterQuery::default());
        assert!(!empty.needs_correction);
        assert!(!empty.filter.is_active());
    }

    #[test]
    fn the_users_name_comes_from_what_the_reader_chose_never_from_the_url() {
        let query = PageQuery::parse("?chat_id=1&user=7").filter;
        assert_eq!(
            query
                .to_filter(&EventFilter::default())
                .user
                .map(|u| u.name),
            Some(String::new())
        );
        let chosen = EventFilter {
            user: Some(UserChoice {
                id: 7,
                name: "maria".into(),
            }),
            ..EventFilter::default()
        };
        assert_eq!(query.to_filter(&chosen), chosen);
        assert_eq!(FilterQuery::of(&chosen), query);
    }

    #[test]
    fn typing_on_in_the_search_replaces_the_entry_anything_else_adds_one() {
        use HistoryMode::{Push, Replace};
        let none = FilterQuery::default();
        let search = |text: &str| FilterQuery {
            search: text.into(),
            ..none.clone()
        };
        assert_eq!(history_mode(&none, &search("m")), Push, "a search starts");
        assert_eq!(history_mode(&search("m"), &search("ma")), Replace);
        assert_eq!(
            history_mode(&search("ma"), &none),
            Replace,
            "the search emptied"
        );
        assert_eq!(history_mode(&none, &bans_by("", None, None)), Push);
        assert_eq!(
            history_mode(&search("ma"), &bans_by("ma", None, None)),
            Push
        );
        assert_eq!(
            history_mode(&bans_by("", Some(7), None), &none),
            Push,
            "cleared"
        );
    }
}
