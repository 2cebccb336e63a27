//! The API base: where the portal API lives, checked once so that every
//! request URL built from it is an `http(s)` URL or same-origin path.

use crate::paging::PageRequest;

/// The origin (and optional path prefix) of the portal API, without a
/// trailing slash. Empty means the page's own origin.
///
/// ```
/// use chat_activity::{ApiBase, ChatId, PageRequest, PageSize};
/// let base = ApiBase::parse("https://portal-api.7331.org/").unwrap();
/// let request = PageRequest::first(ChatId::new(42).unwrap(), PageSize::DEFAULT);
/// assert_eq!(
///     base.activity_url(&request),
///     "https://portal-api.7331.org/v1/portal/chats/42/activity?offset=0&limit=25"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ApiBase(String);

/// Why a text is not an API base.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiBaseError {
    #[error("The API base must be an http:// or https:// URL.")]
    /// Not an http:// or https:// URL.
    NotHttp,
    #[error("The API base must be an origin or path without spaces, query or fragment.")]
    /// Spaces, a query, a fragment, credentials or no host.
    Malformed,
}

impl ApiBase {
    /// The page's own origin.
    pub fn same_origin() -> Self {
        Self::default()
    }

    /// Reads a configured base: empty (or blank) means the page's own origin.
    pub fn parse(text: &str) -> Result<Self, ApiBaseError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Self::same_origin());
        }
        let (scheme, rest) = text.split_once("://").ok_or(ApiBaseError::NotHttp)?;
        if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
            return Err(ApiBaseError::NotHttp);
        }
        let host_missing = rest.is_empty() || rest.starts_with('/');
        let forbidden_char = |c: char| c.is_whitespace() || c.is_control() || "?#\\@".contains(c);
        if host_missing || rest.contains(forbidden_char) {
            return Err(ApiBaseError::Malformed);
        }
        Ok(Self(text.trim_end_matches('/').to_owned()))
    }

    /// The full URL of one activity request.
    pub fn activity_url(&self, request: &PageRequest) -> String {
        format!("{}{}", self.0, request.path_and_query())
    }

    /// The base as configured, `""` for the page's own origin.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChatId, PageSize};

    #[test]
    fn empty_means_the_pages_own_origin() {
        let request = PageRequest::first(ChatId::new(7).expect("valid"), PageSize::clamped(10));
        let base = ApiBase::parse("  ").expect("blank is fine");
        assert_eq!(base, ApiBase::same_origin());
        assert_eq!(
            base.activity_url(&request),
            "/v1/portal/chats/7/activity?offset=0&limit=10"
        );
    }

    #[test]
    fn http_origins_and_prefixes_are_kept_without_trailing_slash() {
        for (text, kept) in [
            ("https://portal-api.7331.org", "https://portal-api.7331.org"),
            ("http://localhost:8081/", "http://localhost:8081"),
            (
                "HTTPS://api.example.com/portal//",
                "HTTPS://api.example.com/portal",
            ),
        ] {
            assert_eq!(
                ApiBase::parse(text).map(|b| b.as_str().to_owned()),
                Ok(kept.to_owned())
            );
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "javascript:alert(1)",
            "ftp://x",
            "portal-api.7331.org",
            "//evil.example",
        ] {
            assert_eq!(ApiBase::parse(text), Err(ApiBaseError::NotHttp), "{text}");
        }
        for text in [
            "https://",
            "https:///path",
            "https://a b",
            "https://api?x=1",
            "https://api#x",
            "https://user@evil.example",
            "https://api\\x",
        ] {
            assert_eq!(ApiBase::parse(text), Err(ApiBaseError::Malformed), "{text}");
        }
    }
}
