//! The component's words in the viewer's language: message ids, English
//! built in, seven catalogs, and host-replaced texts.
//!
//! English is one `match` over [`MessageId`] ([`MessageId::english`]), so
//! a message without its text does not compile. The other languages are
//! JSON catalogs in `catalogs/` (message id → text), read the way a host's
//! texts are: tests check that each has every message with its
//! placeholders and its language's plural categories. Plurals and numbers
//! are the browser's (`Intl.PluralRules`, `Intl.NumberFormat`): no CLDR
//! data is bundled.

mod english;
pub mod intl;
mod overrides;
mod said;
pub mod template;

use std::sync::Arc;

pub use overrides::Messages;
use template::{Arg, Segment, Template};

macro_rules! message_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// Every text the component shows or announces. Its [`id`](Self::id)
        /// is what a host uses to replace it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum MessageId {
            $($variant,)*
        }

        impl MessageId {
            /// Every message, in catalog order.
            pub const ALL: &'static [MessageId] = &[$(MessageId::$variant,)*];

            /// The id hosts use ("next-page").
            pub fn id(self) -> &'static str {
                match self {
                    $(MessageId::$variant => $id,)*
                }
            }
        }
    };
}

message_ids! {
    ChatActivity = "chat-activity",
    Pagination = "pagination",
    PaginationOf = "pagination-of",
    PreviousPage = "previous-page",
    NextPage = "next-page",
    EventsPerPage = "events-per-page",
    ShowingRange = "showing-range",
    NoActivity = "no-activity",
    NoMatches = "no-matches",
    Loading = "loading",
    Retry = "retry",
    RetryingIn = "retrying-in",
    ChatNotFound = "chat-not-found",
    ErrorNetwork = "error-network",
    ErrorStatus = "error-status",
    ErrorBusy = "error-busy",
    ErrorTimeout = "error-timeout",
    ErrorUndecodable = "error-undecodable",
    EventJoined = "event-joined",
    EventJoinedVanity = "event-joined-vanity",
    EventJoinedInvite = "event-joined-invite",
    EventLeft = "event-left",
    EventKicked = "event-kicked",
    EventBanned = "event-banned",
    EventOther = "event-other",
    JoinBurst = "join-burst",
    ShowNewEvents = "show-new-events",
    NewEventsArrived = "new-events-arrived",
    ExactTimes = "exact-times",
    JumpToDate = "jump-to-date",
    JumpNoDate = "jump-no-date",
    JumpInFuture = "jump-in-future",
    JumpBeforeFirstEvent = "jump-before-first-event",
    JumpFailed = "jump-failed",
    JumpSearching = "jump-searching",
    FilterByAction = "filter-by-action",
    AllActions = "all-actions",
    ActionJoin = "action-join",
    ActionLeave = "action-leave",
    ActionKick = "action-kick",
    ActionBan = "action-ban",
    SearchUsername = "search-username",
    FilterReading = "filter-reading",
    FilterProgress = "filter-progress",
    Cancel = "cancel",
    FilterStarted = "filter-started",
    FilterDone = "filter-done",
    FilterFailed = "filter-failed",
    ExportCsv = "export-csv",
    ExportJson = "export-json",
    ExportProgress = "export-progress",
    ExportProgressText = "export-progress-text",
    CancelExport = "cancel-export",
    ExportStarted = "export-started",
    ExportCancelled = "export-cancelled",
    ExportFailed = "export-failed",
    ExportDone = "export-done",
    DownloadRefused = "download-refused",
    CopyInviteCode = "copy-invite-code",
    CopiedInviteCode = "copied-invite-code",
    CopyRefused = "copy-refused",
    ChipCopy = "chip-copy",
    ChipCopied = "chip-copied",
    ChipNotCopied = "chip-not-copied",
    ChatIdMissing = "chat-id-missing",
    ChatIdNotDigits = "chat-id-not-digits",
    ChatIdOutOfRange = "chat-id-out-of-range",
    ApiBaseNotHttp = "api-base-not-http",
    ApiBaseMalformed = "api-base-malformed",
    AttributeUnusable = "attribute-unusable",
    PageMisconfigured = "page-misconfigured",
    ChatIdHint = "chat-id-hint",
    ShowJoins = "show-joins",
    HideJoins = "hide-joins",
    ActivityOf = "activity-of",
    UserFilterActive = "user-filter-active",
    ClearUserFilter = "clear-user-filter",
    ShowJoinsVia = "show-joins-via",
    CodeFilterActive = "code-filter-active",
    ClearCodeFilter = "clear-code-filter",
    ShowingRangeSoFar = "showing-range-so-far",
    ReadingPaused = "reading-paused",
}

impl MessageId {
    /// The message with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|message| message.id() == id)
    }
}

/// A bundled language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[allow(missing_docs)]
pub enum Language {
    #[default]
    English,
    German,
    Spanish,
    French,
    Portuguese,
    Russian,
    Arabic,
    Japanese,
}

impl Language {
    /// Every bundled language.
    pub const ALL: [Language; 8] = [
        Self::English,
        Self::German,
        Self::Spanish,
        Self::French,
        Self::Portuguese,
        Self::Russian,
        Self::Arabic,
        Self::Japanese,
    ];

    /// The bundled language of a BCP 47 tag, by its primary subtag
    /// (`de-AT` is German); none for a language not bundled.
    ///
    /// ```
    /// use chat_activity::i18n::Language;
    /// assert_eq!(Language::of_tag("de-AT"), Some(Language::German));
    /// assert_eq!(Language::of_tag("PT_br"), Some(Language::Portuguese));
    /// assert_eq!(Language::of_tag("hi"), None);
    /// ```
    pub fn of_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Self::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(primary))
    }

    /// Its ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::German => "de",
            Self::Spanish => "es",
            Self::French => "fr",
            Self::Portuguese => "pt",
            Self::Russian => "ru",
            Self::Arabic => "ar",
            Self::Japanese => "ja",
        }
    }

    /// The comma that joins two parts of a phrase, with its space ("5
    /// minutes ago, 2 April 2026 …"): Arabic's "،", Japanese's "、".
    pub fn comma(self) -> &'static str {
        match self {
            Self::Arabic => "، ",
            Self::Japanese => "、",
            _ => ", ",
        }
    }

    /// Whether it is written right to left.
    pub fn is_right_to_left(self) -> bool {
        self == Self::Arabic
    }

    /// The file of its catalog (`de.json`): in `src/i18n/catalogs/`, and
    /// served from `i18n/` beside the script. (English is built in.)
    pub fn catalog_file(self) -> String {
        format!("{}.json", self.code())
    }

    /// Its catalog, as built into the wasm with the `bundled-catalogs`
    /// feature (English's is empty: its texts are built in).
    #[cfg(any(test, feature = "bundled-catalogs"))]
    pub fn bundled_catalog(self) -> &'static str {
        match self {
            Self::English => "{}",
            Self::German => include_str!("catalogs/de.json"),
            Self::Spanish => include_str!("catalogs/es.json"),
            Self::French => include_str!("catalogs/fr.json"),
            Self::Portuguese => include_str!("catalogs/pt.json"),
            Self::Russian => include_str!("catalogs/ru.json"),
            Self::Arabic => include_str!("catalogs/ar.json"),
            Self::Japanese => include_str!("catalogs/ja.json"),
        }
    }

    /// The first bundled language among a browser's preferences
    /// (`navigator.languages`), English when none is bundled.
    ///
    /// ```
    /// use chat_activity::i18n::Language;
    /// assert_eq!(Language::preferred(["hi-IN", "fr-CA", "de"]), Language::French);
    /// assert_eq!(Language::preferred(["hi"]), Language::English);
    /// ```
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Self {
        tags.into_iter().find_map(Self::of_tag).unwrap_or_default()
    }
}

/// Which way the component is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Left to right.
    #[default]
    LeftToRight,
    /// Right to left.
    RightToLeft,
}

impl Direction {
    /// The direction from the nearest `dir` attribute (`rtl`, `ltr`; `auto`
    /// or none: the language's own).
    ///
    /// ```
    /// use chat_activity::i18n::{Direction, Language};
    /// assert_eq!(Direction::of(None, Language::Arabic), Direction::RightToLeft);
    /// assert_eq!(Direction::of(Some("ltr"), Language::Arabic), Direction::LeftToRight);
    /// assert_eq!(Direction::of(Some("RTL"), Language::English), Direction::RightToLeft);
    /// ```
    pub fn of(dir_attribute: Option<&str>, language: Language) -> Self {
        Self::stated(dir_attribute).unwrap_or(if language.is_right_to_left() {
            Self::RightToLeft
        } else {
            Self::LeftToRight
        })
    }

    /// The direction a `dir` attribute states (`auto` states none).
    fn stated(dir_attribute: Option<&str>) -> Option<Self> {
        match dir_attribute?.trim().to_ascii_lowercase().as_str() {
            "rtl" => Some(Self::RightToLeft),
            "ltr" => Some(Self::LeftToRight),
            _ => None,
        }
    }

    /// The `dir` attribute's value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LeftToRight => "ltr",
            Self::RightToLeft => "rtl",
        }
    }
}

/// Where the component stands for languages: the language of its texts,
/// the tag its numbers and dates follow, and its direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// The bundled language the texts are in.
    pub language: Language,
    /// The tag numbers, dates and times are formatted for: the page's
    /// (`de-AT`) when its language is bundled, `en` otherwise, so that an
    /// English sentence never holds another language's numbers.
    pub tag: String,
    /// The direction of the layout.
    pub direction: Direction,
    /// The direction the nearest `dir` stated, if any.
    stated: Option<Direction>,
}

impl Default for Locale {
    fn default() -> Self {
        Self::new("en", None)
    }
}

impl Locale {
    /// The locale for a page's `lang` tag (already canonical) and nearest `dir`.
    ///
    /// ```
    /// use chat_activity::i18n::{Direction, Language, Locale};
    /// let locale = Locale::new("ar-EG", None);
    /// assert_eq!((locale.language, locale.tag.as_str(), locale.direction),
    ///            (Language::Arabic, "ar-EG", Direction::RightToLeft));
    /// assert_eq!(Locale::new("hi", None).tag, "en");
    /// ```
    pub fn new(tag: &str, dir: Option<&str>) -> Self {
        let bundled = Language::of_tag(tag);
        let language = bundled.unwrap_or_default();
        Self {
            language,
            tag: if bundled.is_some() {
                tag.to_owned()
            } else {
                "en".to_owned()
            },
            direction: Direction::of(dir, language),
            stated: Direction::stated(dir),
        }
    }

    /// English where this locale's catalog cannot be had: English numbers
    /// and English's direction, unless a `dir` attribute stated one.
    ///
    /// ```
    /// use chat_activity::i18n::{Direction, Language, Locale};
    /// let fallback = Locale::new("ar-EG", None).in_english();
    /// assert_eq!((fallback.language, fallback.tag.as_str(), fallback.direction),
    ///            (Language::English, "en", Direction::LeftToRight));
    /// assert_eq!(Locale::new("ar", Some("rtl")).in_english().direction, Direction::RightToLeft);
    /// ```
    pub fn in_english(&self) -> Self {
        Self {
            language: Language::English,
            tag: "en".to_owned(),
            direction: self.stated.unwrap_or_default(),
            stated: self.stated,
        }
    }
}

/// The texts of one language, with a host's replacements: what views read.
/// Cheap to clone (the templates are shared).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    locale: Locale,
    templates: Arc<[Template]>,
}

impl Default for Texts {
    fn default() -> Self {
        Self::new(
            Locale::default(),
            &Messages::default(),
            &Messages::default(),
        )
    }
}

impl Texts {
    /// The texts for a locale: the host's replacements first, then its
    /// language's catalog, then English.
    pub fn new(locale: Locale, catalog: &Messages, replaced: &Messages) -> Self {
        let templates = MessageId::ALL
            .iter()
            .map(|&id| {
                replaced
                    .get(id)
                    .or_else(|| catalog.get(id))
                    .cloned()
                    .unwrap_or_else(|| Template::parse(id.english()).unwrap_or_default())
            })
            .collect();
        Self { locale, templates }
    }

    /// The texts for a locale from the catalog built in with the
    /// `bundled-catalogs` feature.
    #[cfg(any(test, feature = "bundled-catalogs"))]
    pub fn bundled(locale: Locale) -> Self {
        let entries = overrides::pairs_of_json(locale.language.bundled_catalog());
        let catalog = Messages::parse(entries.unwrap_or_default());
        Self::new(locale, &catalog, &Messages::default())
    }

    /// The locale they are for.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    fn template(&self, id: MessageId) -> &Template {
        &self.templates[id as usize]
    }

    /// A message without placeholders.
    pub fn text(&self, id: MessageId) -> String {
        self.format(id, &[])
    }

    /// A message with its placeholders filled.
    pub fn format(&self, id: MessageId, args: &[(&str, Arg<'_>)]) -> String {
        self.template(id)
            .format(args, &intl::rules(&self.locale.tag))
    }

    /// A message as text and slots for the view's elements.
    pub fn segments(&self, id: MessageId, args: &[(&str, Arg<'_>)]) -> Vec<Segment> {
        self.template(id)
            .segments(args, &intl::rules(&self.locale.tag))
    }

    /// A number formatted for the language.
    pub fn number(&self, n: u64) -> String {
        use template::NumberRules;
        intl::rules(&self.locale.tag).number(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalog's entries as written, in file order.
    fn entries(language: Language) -> Vec<(String, String)> {
        overrides::pairs_of_json(language.bundled_catalog())
            .unwrap_or_else(|error| panic!("{}: {error}", language.catalog_file()))
    }

    /// A message's text in a language, as its catalog writes it.
    fn text(language: Language, id: MessageId) -> String {
        if language == Language::English {
            return id.english().to_owned();
        }
        entries(language)
            .into_iter()
            .find(|(entry, _)| entry == id.id())
            .map(|(_, text)| text)
            .unwrap_or_else(|| panic!("{} lacks {}", language.catalog_file(), id.id()))
    }

    #[test]
    fn every_catalog_has_every_message_once_and_nothing_else() {
        for language in Language::ALL.into_iter().skip(1) {
            let ids: Vec<String> = entries(language).into_iter().map(|(id, _)| id).collect();
            let expected: Vec<&str> = MessageId::ALL.iter().map(|id| id.id()).collect();
            assert_eq!(
                ids,
                expected,
                "{} in catalog order",
                language.catalog_file()
            );
            let messages = Messages::parse(entries(language));
            assert_eq!(
                messages.problems(),
                &[] as &[String],
                "{}",
                language.catalog_file()
            );
        }
    }

    #[test]
    fn every_catalog_parses_and_keeps_each_messages_placeholders() {
        for language in Language::ALL {
            for &id in MessageId::ALL {
                let english = Template::parse(id.english())
                    .unwrap_or_else(|error| panic!("en {}: {error}", id.id()));
                let text = text(language, id);
                let translated = Template::parse(&text)
                    .unwrap_or_else(|error| panic!("{} {}: {error}", language.code(), id.id()));
                let sorted = |template: &Template| {
                    let mut names = template.placeholders();
                    names.sort();
                    names
                };
                assert_eq!(
                    sorted(&translated),
                    sorted(&english),
                    "{} {}: {text}",
                    language.code(),
                    id.id()
                );
                assert!(
                    !text.trim().is_empty(),
                    "{} {} is empty",
                    language.code(),
                    id.id()
                );
            }
        }
    }

    /// The plural categories each language's numbers fall into (CLDR, as
    /// `Intl.PluralRules` gives them for whole numbers).
    fn categories_of(language: Language) -> &'static [&'static str] {
        match language {
            // French, Spanish and Portuguese also have "many", for round
            // millions only; "other" reads right there.
            Language::English
            | Language::German
            | Language::Spanish
            | Language::Portuguese
            | Language::French => &["one", "other"],
            Language::Russian => &["one", "few", "many"],
            Language::Arabic => &["zero", "one", "two", "few", "many", "other"],
            Language::Japanese => &["other"],
        }
    }

    #[test]
    fn every_plural_covers_its_languages_categories() {
        for language in Language::ALL {
            for &id in MessageId::ALL {
                let template = Template::parse(&text(language, id)).expect("parses");
                let found = template.categories();
                if found.is_empty() {
                    continue;
                }
                for category in categories_of(language) {
                    assert!(
                        found.contains(category),
                        "{} {} lacks `{category}`: {}",
                        language.code(),
                        id.id(),
                        text(language, id)
                    );
                }
            }
        }
    }

    #[test]
    fn the_contracts_texts_are_exact() {
        use MessageId::*;
        let table = [
            (ChatActivity, "Chat-Aktivität", "نشاط الدردشة"),
            (Pagination, "Seitennavigation", "ترقيم الصفحات"),
            (PreviousPage, "Vorherige Seite", "الصفحة السابقة"),
            (NextPage, "Nächste Seite", "الصفحة التالية"),
            (EventsPerPage, "Ereignisse pro Seite", "أحداث في كل صفحة"),
            (
                ShowingRange,
                "{first}–{last} von {total}",
                "{first}–{last} من {total}",
            ),
            (NoActivity, "Noch keine Aktivität", "لا يوجد نشاط بعد"),
            (ChatNotFound, "Chat nicht gefunden", "الدردشة غير موجودة"),
            (Retry, "Erneut versuchen", "إعادة المحاولة"),
        ];
        for (id, german, arabic) in table {
            assert_eq!(text(Language::German, id), german);
            assert_eq!(text(Language::Arabic, id), arabic);
        }
        let phrases = [
            (EventJoined, "ist beigetreten", "انضم"),
            (EventLeft, "hat den Chat verlassen", "غادر"),
            (EventKicked, "wurde entfernt", "طُرد"),
            (EventBanned, "wurde gesperrt", "حُظر"),
        ];
        for (id, german, arabic) in phrases {
            assert!(text(Language::German, id).contains(german), "{}", id.id());
            assert!(text(Language::Arabic, id).contains(arabic), "{}", id.id());
        }
    }

    #[test]
    fn the_readme_lists_every_message_id_with_its_english_text() {
        let readme = include_str!("../../README.md");
        for &id in MessageId::ALL {
            let row = format!(
                "| `{}` | {} |",
                id.id(),
                id.english().replace('|', "&#124;")
            );
            assert!(readme.contains(&row), "README lacks the row {row}");
        }
    }

    #[test]
    fn each_language_joins_a_phrase_with_its_own_comma() {
        let joined = |language: Language| format!("a{}b", language.comma());
        assert_eq!(joined(Language::English), "a, b");
        assert_eq!(joined(Language::Russian), "a, b");
        assert_eq!(joined(Language::Arabic), "a، b");
        assert_eq!(joined(Language::Japanese), "a、b");
    }

    #[test]
    fn the_default_locale_is_english_with_a_tag() {
        assert_eq!(Locale::default().tag, "en");
        assert_eq!(Texts::default().locale().language, Language::English);
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut ids: Vec<_> = MessageId::ALL.iter().map(|id| id.id()).collect();
        assert!(ids
            .iter()
            .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), MessageId::ALL.len());
        assert_eq!(MessageId::from_id("next-page"), Some(MessageId::NextPage));
        assert_eq!(MessageId::from_id("nope"), None);
    }

    #[test]
    fn english_texts_read_as_before() {
        let texts = Texts::default();
        assert_eq!(
            texts.format(MessageId::ShowNewEvents, &[("count", Arg::Number(1))]),
            "Show 1 new event"
        );
        assert_eq!(
            texts.format(
                MessageId::JoinBurst,
                &[
                    ("count", Arg::Number(9)),
                    ("code", Arg::Text("Xr4id99z")),
                    ("minutes", Arg::Number(1))
                ]
            ),
            "Join burst: 9 joins via Xr4id99z in 1 minute"
        );
    }
}
