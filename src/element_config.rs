//! The custom element's attributes, read with the contract's rules.

use crate::api::{ApiBase, ApiBaseError};
use crate::chat_id::{ChatId, ChatIdError};
use crate::i18n::template::Arg;
use crate::i18n::{MessageId, Texts};
use crate::new_events::parse_refresh_seconds;
use crate::paging::PageSize;
use crate::views::chat_activity::DEFAULT_REFRESH_SECONDS;

/// The attributes `<chat-activity>` observes: what it shows (a change
/// starts over on the first page), then how its frame looks for the host
/// (changed in place, the page kept).
pub const OBSERVED_ATTRIBUTES: [&str; 8] = [
    "chat-id",
    "api-base",
    "page-size",
    "refresh-interval",
    "label",
    "heading-level",
    "hide-heading",
    "tools",
];

/// What a `<chat-activity>` element's attributes ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementConfig {
    /// From `chat-id`.
    pub chat_id: Result<ChatId, ChatIdError>,
    /// From `api-base`; the page's own origin when absent.
    pub api_base: Result<ApiBase, ApiBaseError>,
    /// From `page-size`.
    pub page_size: PageSize,
    /// From `refresh-interval`: seconds between head checks, 0 for none.
    pub refresh_seconds: u32,
}

impl ElementConfig {
    /// Reads the attributes (`None` where one is missing): no `api-base`
    /// means the page's own origin; a `page-size` that is not a whole number
    /// means 25, one out of range is clamped.
    ///
    /// ```
    /// use chat_activity::element_config::ElementConfig;
    /// let config = ElementConfig::from_attributes(Some("42"), None, Some("500"), None);
    /// assert_eq!(config.chat_id.map(|id| id.get()), Ok(42));
    /// assert_eq!(config.page_size.get(), 100);
    /// ```
    pub fn from_attributes(
        chat_id: Option<&str>,
        api_base: Option<&str>,
        page_size: Option<&str>,
        refresh_interval: Option<&str>,
    ) -> Self {
        Self {
            refresh_seconds: parse_refresh_seconds(refresh_interval, DEFAULT_REFRESH_SECONDS),
            chat_id: chat_id.unwrap_or("").parse(),
            api_base: api_base.map_or(Ok(ApiBase::same_origin()), ApiBase::parse),
            page_size: page_size.map_or(PageSize::DEFAULT, |text| PageSize::parse(text).size),
        }
    }

    /// What the element shows instead of the timeline, if an attribute is
    /// wrong, in `texts`' language.
    pub fn problem(&self, texts: &Texts) -> Option<String> {
        let (attribute, problem) = match (&self.chat_id, &self.api_base) {
            (Err(error), _) => ("chat-id", texts.chat_id_error(error)),
            (_, Err(error)) => ("api-base", texts.api_base_error(error)),
            _ => return None,
        };
        Some(texts.format(
            MessageId::AttributeUnusable,
            &[
                ("attribute", Arg::Text(attribute)),
                ("problem", Arg::Text(&problem)),
            ],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_attributes_have_defaults_except_the_chat() {
        let config = ElementConfig::from_attributes(None, None, None, None);
        assert_eq!(config.refresh_seconds, 30);
        assert_eq!(config.chat_id, Err(ChatIdError::Missing));
        assert_eq!(config.api_base, Ok(ApiBase::same_origin()));
        assert_eq!(config.page_size, PageSize::DEFAULT);
        assert!(config
            .problem(&Texts::default())
            .is_some_and(|p| p.contains("chat-id")));
    }

    #[test]
    fn attributes_are_validated_like_the_page_url() {
        let config = ElementConfig::from_attributes(
            Some("7"),
            Some("https://portal-api.7331.org/"),
            Some("x"),
            Some("0"),
        );
        assert_eq!(config.chat_id, ChatId::new(7));
        assert_eq!(config.refresh_seconds, 0);
        assert_eq!(
            config.api_base.as_ref().map(ApiBase::as_str),
            Ok("https://portal-api.7331.org")
        );
        assert_eq!(config.page_size, PageSize::DEFAULT);
        assert_eq!(config.problem(&Texts::default()), None);

        let bad_base =
            ElementConfig::from_attributes(Some("7"), Some("javascript:alert(1)"), None, None);
        assert!(bad_base
            .problem(&Texts::default())
            .is_some_and(|p| p.contains("api-base")));
        let bad_chat = ElementConfig::from_attributes(Some("7a"), None, Some("0"), None);
        assert!(bad_chat
            .problem(&Texts::default())
            .is_some_and(|p| p.contains("decimal digits")));
        assert_eq!(bad_chat.page_size.get(), 1);
    }
}
