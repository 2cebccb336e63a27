//! Message templates: text with `{placeholders}` and ICU-style plurals,
//! `{count, plural, one {# event} other {# events}}`, where `#` is the
//! count formatted for the viewer's language.
//!
//! Only this subset of ICU MessageFormat is understood: the catalogs need
//! nothing more, and hosts that replace a text know it. Plural categories
//! and number formatting are not decided here but by [`NumberRules`]: in
//! the browser, `Intl.PluralRules` and `Intl.NumberFormat` (no plural data
//! is bundled).

use std::fmt;

/// The CLDR plural categories and exact matches (`=0`) a plural may choose among.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Selector {
    /// `=N`: exactly this number.
    Exactly(u64),
    /// `zero`, `one`, `two`, `few`, `many` or `other`.
    Category(&'static str),
}

/// The plural categories CLDR knows.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    /// `{name}`.
    Value(String),
    /// `#` inside a plural branch: the plural's number, formatted.
    Count,
    /// `{name, plural, ...}`.
    Plural {
        name: String,
        branches: Vec<(Selector, Vec<Part>)>,
    },
}

/// A parsed message template.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Template(Vec<Part>);

/// Why a text is not a usable template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError(String);

impl fmt::Display for TemplateError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl std::error::Error for TemplateError {}

/// A value for a placeholder.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// Text, inserted as it is.
    Text(&'a str),
    /// A number, formatted for the language (and the one plurals choose by).
    Number(u64),
    /// Left for the view to fill with an element (a username, a code).
    Slot,
}

/// A rendered piece: text, or a place for the view's element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Plain text.
    Text(String),
    /// The placeholder of this name, for the view to fill.
    Slot(String),
}

/// Plural categories and number formatting for one language.
pub trait NumberRules {
    /// The CLDR plural category of `n` ("one", "few", "other", …).
    fn category(&self, n: u64) -> String;
    /// `n` written for the language ("10,000", "10.000", "١٠٬٠٠٠").
    fn number(&self, n: u64) -> String;
}

/// English rules without the browser: "one" for 1, digits grouped by commas.
/// Used where no `Intl` exists (native tests and tools).
pub struct EnglishRules;

impl NumberRules for EnglishRules {
    fn category(&self, n: u64) -> String {
        if n == 1 { "one" } else { "other" }.to_owned()
    }

    fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        grouped
    }
}

impl Template {
    /// Parses a template.
    ///
    /// ```
    /// use chat_activity::i18n::template::{Arg, EnglishRules, Template};
    /// let template = Template::parse("{n, plural, one {# new event} other {# new events}}").unwrap();
    /// assert_eq!(template.format(&[("n", Arg::Number(1200))], &EnglishRules), "1,200 new events");
    /// ```
    pub fn parse(text: &str) -> Result<Self, TemplateError> {
        let mut parser = Parser {
            chars: text.char_indices().peekable(),
            text,
        };
        let parts = parser.parts(false)?;
        match parser.chars.next() {
            None => Ok(Self(parts)),
            Some((at, _)) => Err(TemplateError(format!("unexpected `}}` at {at}"))),
        }
    }

    /// The names of its placeholders, each once, in order of appearance.
    pub fn placeholders(&self) -> Vec<String> {
        fn add(names: &mut Vec<String>, name: &String) {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        fn collect(parts: &[Part], names: &mut Vec<String>) {
            for part in parts {
                match part {
                    Part::Value(name) => add(names, name),
                    Part::Plural { name, branches } => {
                        add(names, name);
                        for (_, branch) in branches {
                            collect(branch, names);
                        }
                    }
                    Part::Text(_) | Part::Count => {}
                }
            }
        }
        let mut names = Vec::new();
        collect(&self.0, &mut names);
        names
    }

    /// The plural categories its plurals choose among, each once, for
    /// checks that a translation covers its language.
    pub fn categories(&self) -> Vec<&'static str> {
        fn collect(parts: &[Part], found: &mut Vec<&'static str>) {
            for part in parts {
                if let Part::Plural { branches, .. } = part {
                    for (selector, branch) in branches {
                        if let Selector::Category(category) = selector {
                            if !found.contains(category) {
                                found.push(category);
                            }
                        }
                        collect(branch, found);
                    }
                }
            }
        }
        let mut found = Vec::new();
        collect(&self.0, &mut found);
        found
    }

    /// The text, with every placeholder filled (a slot or a missing value
    /// shows as `{name}`).
    pub fn format(&self, args: &[(&str, Arg<'_>)], rules: &dyn NumberRules) -> String {
        self.segments(args, rules)
            .into_iter()
            .map(|segment| match segment {
                Segment::Text(text) => text,
                Segment::Slot(name) => format!("{{{name}}}"),
            })
            .collect()
    }

    /// The text as pieces: text, and the slots the view fills with elements.
    pub fn segments(&self, args: &[(&str, Arg<'_>)], rules: &dyn NumberRules) -> Vec<Segment> {
        let mut segments = Vec::new();
        render(&self.0, args, rules, None, &mut segments);
        segments
    }
}

fn push_text(segments: &mut Vec<Segment>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Segment::Text(last)) = segments.last_mut() {
        last.push_str(text);
    } else {
        segments.push(Segment::Text(text.to_owned()));
    }
}

fn render(
    parts: &[Part],
    args: &[(&str, Arg<'_>)],
    rules: &dyn NumberRules,
    count: Option<u64>,
    segments: &mut Vec<Segment>,
) {
    let value = |name: &str| {
        args.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, arg)| arg)
    };
    for part in parts {
        match part {
            Part::Text(text) => push_text(segments, text),
            Part::Count => match count {
                Some(n) => push_text(segments, &rules.number(n)),
                None => push_text(segments, "#"),
            },
            Part::Value(name) => match value(name) {
                Some(Arg::Text(text)) => push_text(segments, text),
                Some(Arg::Number(n)) => push_text(segments, &rules.number(*n)),
                Some(Arg::Slot) | None => segments.push(Segment::Slot(name.clone())),
            },
            Part::Plural { name, branches } => {
                let Some(Arg::Number(n)) = value(name) else {
                    segments.push(Segment::Slot(name.clone()));
                    continue;
                };
                let category = rules.category(*n);
                let branch = branches
                    .iter()
                    .find(|(selector, _)| *selector == Selector::Exactly(*n))
                    .or_else(|| {
                        branches.iter().find(
                            |(selector, _)| matches!(selector, Selector::Category(c) if *c == category),
                        )
                    })
                    .or_else(|| {
                        branches
                            .iter()
                            .find(|(selector, _)| *selector == Selector::Category("other"))
                    });
                if let Some((_, branch)) = branch {
                    render(branch, args, rules, Some(*n), segments);
                }
            }
        }
    }
}

struct Parser<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    text: &'a str,
}

impl Parser<'_> {
    /// Text and placeholders up to a `}` (left unread) or the end.
    fn parts(&mut self, in_plural: bool) -> Result<Vec<Part>, TemplateError> {
        let mut parts = Vec::new();
        let mut text = String::new();
        while let Some(&(at, ch)) = self.chars.peek() {
            match ch {
                '}' => break,
                '{' => {
                    self.chars.next();
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(self.placeholder(at)?);
                }
                '#' if in_plural => {
                    self.chars.next();
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Count);
                }
                _ => {
                    self.chars.next();
                    text.push(ch);
                }
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(parts)
    }

    fn skip_spaces(&mut self) {
        while self
            .chars
            .next_if(|(_, ch)| ch.is_ascii_whitespace())
            .is_some()
        {}
    }

    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some((_, ch)) = self
            .chars
            .next_if(|(_, ch)| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-' | '='))
        {
            word.push(ch);
        }
        word
    }

    fn expect(&mut self, expected: char, what: &str) -> Result<(), TemplateError> {
        self.skip_spaces();
        match self.chars.next() {
            Some((_, ch)) if ch == expected => Ok(()),
            Some((at, ch)) => Err(TemplateError(format!(
                "expected {what} at {at}, found `{ch}`"
            ))),
            None => Err(TemplateError(format!("expected {what}, found the end"))),
        }
    }

    /// After `{`: `name}` or `name, plural, selector {…} …}`.
    fn placeholder(&mut self, start: usize) -> Result<Part, TemplateError> {
        self.skip_spaces();
        let name = self.word();
        if name.is_empty() || name.starts_with('=') {
            return Err(TemplateError(format!(
                "a placeholder without a name at {start} in `{}`",
                self.text
            )));
        }
        self.skip_spaces();
        if self.chars.next_if(|(_, ch)| *ch == '}').is_some() {
            return Ok(Part::Value(name));
        }
        self.expect(',', "`,` or `}`")?;
        self.skip_spaces();
        let kind = self.word();
        if kind != "plural" {
            return Err(TemplateError(format!(
                "`{{{name}, {kind}…}}`: only `plural` is understood"
            )));
        }
        self.expect(',', "`,` after `plural`")?;
        let mut branches = Vec::new();
        loop {
            self.skip_spaces();
            if self.chars.next_if(|(_, ch)| *ch == '}').is_some() {
                break;
            }
            let word = self.word();
            let selector = if let Some(number) = word.strip_prefix('=') {
                number.parse().map(Selector::Exactly).map_err(|_| {
                    TemplateError(format!("`{word}` is not an exact number in `{name}`"))
                })?
            } else if let Some(category) = CATEGORIES.iter().find(|c| **c == word) {
                Selector::Category(category)
            } else {
                return Err(TemplateError(format!(
                    "`{word}` is not a plural category (zero, one, two, few, many, other or =N) in `{name}`"
                )));
            };
            self.expect('{', "`{` after a plural selector")?;
            let branch = self.parts(true)?;
            self.expect('}', "`}` closing a plural branch")?;
            branches.push((selector, branch));
        }
        if !branches
            .iter()
            .any(|(selector, _)| *selector == Selector::Category("other"))
        {
            return Err(TemplateError(format!(
                "the plural `{name}` has no `other` branch"
            )));
        }
        Ok(Part::Plural { name, branches })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Russian plural rules (CLDR), for tests without a browser.
    struct RussianRules;

    impl NumberRules for RussianRules {
        fn category(&self, n: u64) -> String {
            match (n % 10, n % 100) {
                (1, rest) if rest != 11 => "one",
                (2..=4, rest) if !(12..=14).contains(&rest) => "few",
                _ => "many",
            }
            .to_owned()
        }

        fn number(&self, n: u64) -> String {
            n.to_string()
        }
    }

    fn format(template: &str, args: &[(&str, Arg<'_>)]) -> String {
        Template::parse(template)
            .expect("a valid template")
            .format(args, &EnglishRules)
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            format(
                "Showing {first}–{last} of {total}",
                &[
                    ("first", Arg::Number(1)),
                    ("last", Arg::Number(25)),
                    ("total", Arg::Number(10_000)),
                ]
            ),
            "Showing 1–25 of 10,000"
        );
        assert_eq!(
            format("Pagination: {label}", &[("label", Arg::Text("Raid"))]),
            "Pagination: Raid"
        );
    }

    #[test]
    fn plurals_choose_by_the_rules_category_and_exact_matches_first() {
        let template = Template::parse(
            "{n, plural, =0 {Nothing new} one {Показать # новое событие} few {Показать # новых события} many {Показать # новых событий} other {Показать # нового события}}",
        )
        .expect("valid");
        let text = |n| template.format(&[("n", Arg::Number(n))], &RussianRules);
        assert_eq!(text(0), "Nothing new");
        assert_eq!(text(1), "Показать 1 новое событие");
        assert_eq!(text(2), "Показать 2 новых события");
        assert_eq!(text(5), "Показать 5 новых событий");
        assert_eq!(text(21), "Показать 21 новое событие");
        assert_eq!(text(11), "Показать 11 новых событий");
    }

    #[test]
    fn a_category_the_template_lacks_uses_other() {
        let template =
            Template::parse("{n, plural, one {# event} other {# events}}").expect("valid");
        assert_eq!(
            template.format(&[("n", Arg::Number(3))], &RussianRules),
            "3 events"
        );
    }

    #[test]
    fn slots_are_left_for_the_view() {
        let template = Template::parse("{username} joined via invite {code}").expect("valid");
        assert_eq!(
            template.segments(
                &[("username", Arg::Slot), ("code", Arg::Slot)],
                &EnglishRules
            ),
            vec![
                Segment::Slot("username".to_owned()),
                Segment::Text(" joined via invite ".to_owned()),
                Segment::Slot("code".to_owned()),
            ]
        );
    }

    #[test]
    fn placeholders_and_categories_are_listed() {
        let template = Template::parse(
            "Join burst: {count, plural, one {# join} other {# joins}} via {code} in {minutes, plural, few {#} other {# minutes}}",
        )
        .expect("valid");
        assert_eq!(template.placeholders(), ["count", "code", "minutes"]);
        assert_eq!(template.categories(), ["one", "other", "few"]);
    }

    #[test]
    fn malformed_templates_are_refused_with_a_reason() {
        for text in [
            "{",
            "}",
            "{}",
            "Showing {first",
            "{n, select, a {b} other {c}}",
            "{n, plural, one {#}}",
            "{n, plural, several {#} other {#}}",
            "{n, plural, =x {#} other {#}}",
            "{n, plural, one # other {#}}",
            "{n, plural, other {#}",
        ] {
            let error = Template::parse(text).expect_err(text);
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn a_hash_outside_a_plural_is_text() {
        assert_eq!(format("#1 of {n}", &[("n", Arg::Number(2))]), "#1 of 2");
    }

    #[test]
    fn english_numbers_are_grouped_by_thousands() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (10_000, "10,000"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(EnglishRules.number(n), text);
        }
    }
}
