//! The standalone page's URL: `?chat_id=42&page=2&limit=25`. Reading it
//! with the contract's validation, and writing paging back into it.

use crate::chat_id::{ChatId, ChatIdError};
use crate::paging::{parse_page_number, PageRequest, PageSize};

/// What the page's query string asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageQuery {
    /// From `chat_id`: decimal digits, 1 to 2^53 − 1.
    pub chat_id: Result<ChatId, ChatIdError>,
    /// The 1-based page; 1 when missing or malformed.
    pub page: u64,
    /// From `limit`: clamped to 1..=100, 25 when not a whole number.
    pub limit: PageSize,
    /// `page` or `limit` was present but had to be corrected, so the URL
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
        // The first of a repeated parameter counts, as URLSearchParams.get does.
        for (key, value) in form_urlencoded::parse(search.trim_start_matches('?').as_bytes()) {
            let slot = match key.as_ref() {
                "chat_id" => &mut chat_id,
                "page" => &mut page,
                "limit" => &mut limit,
                _ => continue,
            };
            slot.get_or_insert(value.into_owned());
        }
        let page = page.as_deref().map(parse_page_number);
        let limit = limit.as_deref().map(PageSize::parse);
        Self {
            chat_id: chat_id.as_deref().unwrap_or("").parse(),
            page: page.map_or(1, |p| p.page),
            limit: limit.map_or(PageSize::DEFAULT, |l| l.size),
            needs_correction: page.is_some_and(|p| p.corrected)
                || limit.is_some_and(|l| l.corrected),
        }
    }
}

/// The query string with `page` and `limit` set to what `request` shows,
/// every other parameter kept in place.
///
/// ```
/// use chat_activity::{page_url::with_paging, ChatId, PageRequest, PageSize};
/// let request = PageRequest::for_page(ChatId::new(42).unwrap(), 3, PageSize::DEFAULT);
/// assert_eq!(with_paging("?chat_id=42&theme=dark", &request), "?chat_id=42&theme=dark&page=3&limit=25");
/// ```
pub fn with_paging(search: &str, request: &PageRequest) -> String {
    let page = request.page_number().to_string();
    let limit = request.limit.get().to_string();
    let mut out = form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    out.extend_pairs(
        form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
            .filter(|(key, _)| key != "page" && key != "limit"),
    );
    out.append_pair("page", &page);
    out.append_pair("limit", &limit);
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
        assert_eq!(
            with_paging("?chat_id=42&page=9&lang=de&limit=500", &request),
            "?chat_id=42&lang=de&page=2&limit=50"
        );
        assert_eq!(with_paging("", &request), "?page=2&limit=50");
        assert_eq!(
            with_paging("?chat_id=42&note=a%26b+c", &request),
            "?chat_id=42&note=a%26b+c&page=2&limit=50"
        );
    }
}
