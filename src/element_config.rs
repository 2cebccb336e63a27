//! The custom element's attributes, read with the contract's rules.

use crate::api::{ApiBase, ApiBaseError};
use crate::chat_id::{ChatId, ChatIdError};
use crate::host_options::Checked;
use crate::i18n::template::Arg;
use crate::i18n::{MessageId, Texts};
use crate::new_events::parse_refresh_seconds;
use crate::paging::{PageSize, UnusableSize};

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
    /// means 25, one out of range is clamped (spaces around either number
    /// are allowed). Returns the warnings for values that could not be used
    /// as written (`chat-id` and `api-base` show theirs in the element).
    ///
    /// ```
    /// use chat_activity::element_config::ElementConfig;
    /// let (config, warnings) = ElementConfig::from_attributes(Some("42"), None, Some("500"), None);
    /// assert_eq!(config.chat_id.map(|id| id.get()), Ok(42));
    /// assert_eq!(config.page_size.get(), 100);
    /// assert_eq!(warnings.len(), 1);
    /// ```
    pub fn from_attributes(
        chat_id: Option<&str>,
        api_base: Option<&str>,
        page_size: Option<&str>,
        refresh_interval: Option<&str>,
    ) -> (Self, Vec<String>) {
        let page_size = parse_page_size(page_size);
        let refresh = parse_refresh_seconds(refresh_interval, "refresh-interval");
        let config = Self {
            refresh_seconds: refresh.value,
            chat_id: chat_id.unwrap_or("").parse(),
            api_base: api_base.map_or(Ok(ApiBase::same_origin()), ApiBase::parse),
            page_size: page_size.value,
        };
        let warnings = [page_size.warning, refresh.warning]
            .into_iter()
            .flatten()
            .collect();
        (config, warnings)
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

/// `page-size`, as the contract reads it, with a warning when the size in
/// force is not the one written.
fn parse_page_size(text: Option<&str>) -> Checked<PageSize> {
    let Some(text) = text else {
        return Checked::fine(PageSize::DEFAULT);
    };
    let parsed = PageSize::parse(text.trim());
    let (size, shown) = (parsed.size, parsed.size.get());
    match parsed.unusable {
        None => Checked::fine(size),
        Some(UnusableSize::OutOfRange) => Checked::corrected(
            size,
            format!(
                "page-size=\"{text}\" is outside {} to {}; showing {shown} events per page",
                PageSize::MIN,
                PageSize::MAX
            ),
        ),
        Some(UnusableSize::NotANumber) => Checked::corrected(
            size,
            format!("page-size=\"{text}\" is not a whole number; showing {shown} events per page"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_attributes_have_defaults_except_the_chat() {
        let (config, warnings) = ElementConfig::from_attributes(None, None, None, None);
        assert!(warnings.is_empty());
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
        let (config, warnings) = ElementConfig::from_attributes(
            Some("7"),
            Some("https://portal-api.7331.org/"),
            Some("x"),
            Some("0"),
        );
        assert_eq!(
            warnings,
            ["page-size=\"x\" is not a whole number; showing 25 events per page"]
        );
        assert_eq!(config.chat_id, ChatId::new(7));
        assert_eq!(config.refresh_seconds, 0);
        assert_eq!(
            config.api_base.as_ref().map(ApiBase::as_str),
            Ok("https://portal-api.7331.org")
        );
        assert_eq!(config.page_size, PageSize::DEFAULT);
        assert_eq!(config.problem(&Texts::default()), None);

        let (bad_base, _) =
            ElementConfig::from_attributes(Some("7"), Some("javascript:alert(1)"), None, None);
        assert!(bad_base
            .problem(&Texts::default())
            .is_some_and(|p| p.contains("api-base")));
        let (bad_chat, warnings) =
            ElementConfig::from_attributes(Some("7a"), None, Some("0"), None);
        assert_eq!(
            warnings,
            ["page-size=\"0\" is outside 1 to 100; showing 1 events per page"]
        );
        assert!(bad_chat
            .problem(&Texts::default())
            .is_some_and(|p| p.contains("decimal digits")));
        assert_eq!(bad_chat.page_size.get(), 1);
    }

    #[test]
    fn numbers_with_spaces_around_are_used_without_a_warning() {
        let (config, warnings) =
            ElementConfig::from_attributes(Some("7"), None, Some(" 10 "), Some(" 5\n"));
        assert_eq!((config.page_size.get(), config.refresh_seconds), (10, 5));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (config, warnings) =
            ElementConfig::from_attributes(Some("7"), None, Some("ten"), Some("-1"));
        assert_eq!((config.page_size.get(), config.refresh_seconds), (25, 30));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}
