//! What a host may choose about the component's frame, for a card of its
//! own: the region's name, the heading's level and visibility, and which
//! tools show. Read from the element's attributes (or given as Leptos
//! props); a value that is not usable means the default and a warning,
//! never a broken component.

use std::fmt;

/// One of the tools a host can choose (`tools="jump times filter export"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tool {
    /// **Jump to date**.
    Jump,
    /// The **Exact times** toggle.
    Times,
    /// **Filter by action** and **Search username**.
    Filter,
    /// **Export CSV** and **Export JSON**.
    Export,
}

impl Tool {
    /// Every tool, in the order they are shown.
    pub const ALL: [Self; 4] = [Self::Jump, Self::Times, Self::Filter, Self::Export];

    /// The word for it in the `tools` attribute.
    pub fn name(self) -> &'static str {
        match self {
            Self::Jump => "jump",
            Self::Times => "times",
            Self::Filter => "filter",
            Self::Export => "export",
        }
    }

    fn from_name(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|tool| tool.name() == word)
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Which tools show. All by default; the timeline, the pager and the raid
/// tools' row buttons are always there.
///
/// ```
/// use chat_activity::host_options::{Tool, Tools};
/// let tools = Tools::parse(Some("filter export")).value;
/// assert!(tools.shows(Tool::Filter) && !tools.shows(Tool::Jump));
/// assert_eq!(Tools::parse(None).value, Tools::ALL);
/// assert_eq!(Tools::parse(Some("")).value, Tools::NONE);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tools(u8);

impl Tools {
    /// Every tool (no `tools` attribute).
    pub const ALL: Self = Self(0b1111);
    /// No tool (`tools=""`).
    pub const NONE: Self = Self(0);

    /// These tools only.
    pub fn of(tools: &[Tool]) -> Self {
        Self(tools.iter().fold(0, |bits, tool| bits | tool.bit()))
    }

    /// Whether `tool` shows.
    pub fn shows(self, tool: Tool) -> bool {
        self.0 & tool.bit() != 0
    }

    /// Whether any tool shows.
    pub fn any(self) -> bool {
        self.0 != 0
    }

    /// Reads the attribute: absent means all tools, empty (or blank) none,
    /// otherwise the tools named, separated by whitespace, in any order and
    /// case. A word that names no tool makes the whole value unusable: all
    /// tools show, with a warning naming the words that are allowed.
    pub fn parse(text: Option<&str>) -> Checked<Self> {
        let Some(text) = text else {
            return Checked::fine(Self::ALL);
        };
        let mut tools = Self::NONE;
        for word in text.split_ascii_whitespace() {
            match Tool::from_name(&word.to_ascii_lowercase()) {
                Some(tool) => tools.0 |= tool.bit(),
                None => {
                    return Checked::corrected(
                        Self::ALL,
                        format!(
                            "tools=\"{text}\": \"{word}\" is not a tool (use any of \"jump times \
                             filter export\", or \"\" for none); showing all tools"
                        ),
                    )
                }
            }
        }
        Checked::fine(tools)
    }
}

impl Default for Tools {
    fn default() -> Self {
        Self::ALL
    }
}

/// The level of the component's heading, 1 to 6 (2 by default).
///
/// ```
/// use chat_activity::host_options::HeadingLevel;
/// assert_eq!(HeadingLevel::parse(Some("3")).value.get(), 3);
/// assert_eq!(HeadingLevel::parse(Some("7")).value, HeadingLevel::default());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HeadingLevel(u8);

impl HeadingLevel {
    /// `<h2>`, when the host says nothing.
    pub const DEFAULT: Self = Self(2);

    /// The level, if it is 1 to 6.
    pub fn new(level: u8) -> Option<Self> {
        (1..=6).contains(&level).then_some(Self(level))
    }

    /// The level, 1 to 6.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The heading element's tag: "h1" to "h6".
    pub fn tag(self) -> &'static str {
        ["h1", "h2", "h3", "h4", "h5", "h6"][usize::from(self.0.clamp(1, 6) - 1)]
    }

    /// Reads the attribute: a whole number from 1 to 6; anything else means
    /// 2, with a warning.
    pub fn parse(text: Option<&str>) -> Checked<Self> {
        let Some(text) = text else {
            return Checked::fine(Self::DEFAULT);
        };
        match text.trim().parse::<u8>().ok().and_then(Self::new) {
            Some(level) => Checked::fine(level),
            None => Checked::corrected(
                Self::DEFAULT,
                format!("heading-level=\"{text}\" is not a level from 1 to 6; using 2"),
            ),
        }
    }
}

impl Default for HeadingLevel {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl fmt::Display for HeadingLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// The host's name for the component (`label`), trimmed; `None` means the
/// default name. A blank label names nothing, so it means the default too,
/// with a warning.
pub fn parse_label(text: Option<&str>) -> Checked<Option<String>> {
    match text.map(str::trim) {
        None => Checked::fine(None),
        Some("") => Checked::corrected(
            None,
            "label=\"\" names nothing; using the default name".to_owned(),
        ),
        Some(label) => Checked::fine(Some(label.to_owned())),
    }
}

/// `hide-heading` is a boolean attribute: present (with any value, as
/// HTML's boolean attributes) means the heading is for screen readers only.
pub fn parse_hide_heading(text: Option<&str>) -> bool {
    text.is_some()
}

/// A value read from an attribute, and what to warn the host about when it
/// had to be replaced by the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T> {
    /// The value in force.
    pub value: T,
    /// Why the attribute's value was not used, for the console.
    pub warning: Option<String>,
}

impl<T> Checked<T> {
    /// The attribute's own value, or the default where it was missing.
    pub fn fine(value: T) -> Self {
        Self {
            value,
            warning: None,
        }
    }

    /// The value in force instead of an unusable one, and why.
    pub fn corrected(value: T, warning: String) -> Self {
        Self {
            value,
            warning: Some(warning),
        }
    }
}

/// Everything a host chose about the frame, as one value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HostOptions {
    /// The region's name and the heading's text; the default name if `None`.
    pub label: Option<String>,
    /// The heading's level.
    pub heading_level: HeadingLevel,
    /// The heading is kept for screen readers only.
    pub hide_heading: bool,
    /// Which tools show.
    pub tools: Tools,
    /// Texts replacing the bundled ones (the element's `messages` property).
    pub messages: crate::i18n::Messages,
}

impl HostOptions {
    /// Reads the four attributes; returns the options in force and the
    /// warnings for the values that could not be used.
    pub fn from_attributes(
        label: Option<&str>,
        heading_level: Option<&str>,
        hide_heading: Option<&str>,
        tools: Option<&str>,
    ) -> (Self, Vec<String>) {
        let label = parse_label(label);
        let heading_level = HeadingLevel::parse(heading_level);
        let tools = Tools::parse(tools);
        let warnings = [&label.warning, &heading_level.warning, &tools.warning]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        let options = Self {
            label: label.value,
            heading_level: heading_level.value,
            hide_heading: parse_hide_heading(hide_heading),
            tools: tools.value,
            messages: crate::i18n::Messages::default(),
        };
        (options, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_attributes_mean_the_defaults() {
        let (options, warnings) = HostOptions::from_attributes(None, None, None, None);
        assert_eq!(options, HostOptions::default());
        assert_eq!(options.tools, Tools::ALL);
        assert_eq!(options.heading_level.get(), 2);
        assert!(warnings.is_empty());
    }

    #[test]
    fn tools_name_a_subset_in_any_order_and_case() {
        let tools = Tools::parse(Some("  Export\tfilter  ")).value;
        assert_eq!(tools, Tools::of(&[Tool::Filter, Tool::Export]));
        assert!(!tools.shows(Tool::Jump) && !tools.shows(Tool::Times));
        assert_eq!(
            Tools::parse(Some("filter filter")).value,
            Tools::of(&[Tool::Filter])
        );
        assert_eq!(Tools::parse(Some("   ")).value, Tools::NONE);
        assert!(!Tools::NONE.any());
        assert_eq!(
            Tools::parse(Some("jump times filter export")).value,
            Tools::ALL
        );
    }

    #[test]
    fn an_unknown_tool_means_all_tools_and_says_why() {
        let checked = Tools::parse(Some("filter exports"));
        assert_eq!(checked.value, Tools::ALL);
        let warning = checked.warning.expect("a warning");
        assert!(warning.contains("\"exports\"") && warning.contains("jump times filter export"));
    }

    #[test]
    fn heading_levels_are_one_to_six() {
        for level in 1..=6 {
            let checked = HeadingLevel::parse(Some(&level.to_string()));
            assert_eq!((checked.value.get(), checked.warning), (level, None));
        }
        assert_eq!(HeadingLevel::parse(Some(" 4 ")).value.get(), 4);
        for text in ["0", "7", "-1", "2.5", "h3", "", "256"] {
            let checked = HeadingLevel::parse(Some(text));
            assert_eq!(checked.value, HeadingLevel::DEFAULT, "{text}");
            assert!(checked.warning.is_some(), "{text}");
        }
    }

    #[test]
    fn each_level_has_its_tag() {
        let tags: Vec<_> = (1..=6)
            .filter_map(HeadingLevel::new)
            .map(HeadingLevel::tag)
            .collect();
        assert_eq!(tags, ["h1", "h2", "h3", "h4", "h5", "h6"]);
        assert_eq!(HeadingLevel::DEFAULT.tag(), "h2");
    }

    #[test]
    fn labels_are_trimmed_and_blank_means_the_default() {
        assert_eq!(
            parse_label(Some("  Rust Beginners ")).value.as_deref(),
            Some("Rust Beginners")
        );
        let blank = parse_label(Some("  "));
        assert_eq!(blank.value, None);
        assert!(blank.warning.is_some());
        assert_eq!(parse_label(None), Checked::fine(None));
    }

    #[test]
    fn hide_heading_is_a_boolean_attribute() {
        assert!(parse_hide_heading(Some("")));
        assert!(
            parse_hide_heading(Some("false")),
            "present means true, as in HTML"
        );
        assert!(!parse_hide_heading(None));
    }

    #[test]
    fn warnings_are_collected_per_attribute() {
        let (options, warnings) =
            HostOptions::from_attributes(Some(""), Some("9"), Some(""), Some("nope"));
        assert_eq!(warnings.len(), 3);
        assert_eq!(
            options,
            HostOptions {
                hide_heading: true,
                ..HostOptions::default()
            }
        );
    }
}
