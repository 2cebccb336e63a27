//! Texts a host replaces: message id → template, checked against the
//! bundled message (a known id, a template that parses, the same
//! placeholders). What cannot be used is left out with a reason, and the
//! bundled text stays.

use std::sync::Arc;

#[cfg(any(test, feature = "bundled-catalogs"))]
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

use super::template::Template;
use super::MessageId;

/// A host's replacement texts, and the reasons for any it gave that could
/// not be used.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Messages {
    /// Each message once, the host's last entry for it.
    replaced: Arc<[(MessageId, Template)]>,
    problems: Arc<[String]>,
}

impl Messages {
    /// Reads message id → text pairs.
    ///
    /// ```
    /// use chat_activity::i18n::{Messages, MessageId};
    /// let messages = Messages::parse([
    ///     ("next-page", "Onward"),
    ///     ("previous-page", "Back to {nowhere}"),
    ///     ("no-such-id", "…"),
    /// ]);
    /// assert!(messages.get(MessageId::NextPage).is_some());
    /// assert!(messages.get(MessageId::PreviousPage).is_none());
    /// assert_eq!(messages.problems().len(), 2);
    /// ```
    pub fn parse<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut replaced: Vec<(MessageId, Template)> = Vec::new();
        let mut problems = Vec::new();
        for (id, text) in pairs {
            let (id, text) = (id.as_ref(), text.as_ref());
            match Self::check(id, text) {
                Ok((message, template)) => {
                    replaced.retain(|(id, _)| *id != message);
                    replaced.push((message, template));
                }
                Err(problem) => problems.push(format!(
                    "messages[\"{id}\"] {problem}; the bundled text is shown"
                )),
            }
        }
        Self {
            replaced: replaced.into(),
            problems: problems.into(),
        }
    }

    /// Adds a problem found before parsing (e.g. a value that is not text).
    pub fn with_problem(mut self, problem: String) -> Self {
        let mut problems = self.problems.to_vec();
        problems.push(problem);
        self.problems = problems.into();
        self
    }

    fn check(id: &str, text: &str) -> Result<(MessageId, Template), String> {
        let message = MessageId::from_id(id).ok_or("is not a message id")?;
        let template =
            Template::parse(text).map_err(|error| format!("is not a usable text ({error})"))?;
        let bundled = Template::parse(message.english())
            .map(|english| english.placeholders())
            .unwrap_or_default();
        let unknown: Vec<_> = template
            .placeholders()
            .into_iter()
            .filter(|name| !bundled.contains(name))
            .collect();
        if !unknown.is_empty() {
            return Err(format!(
                "names {} where only {} can be filled",
                braced(&unknown),
                if bundled.is_empty() {
                    "nothing".to_owned()
                } else {
                    braced(&bundled)
                }
            ));
        }
        Ok((message, template))
    }

    /// The host's template for a message, if it gave a usable one.
    pub fn get(&self, id: MessageId) -> Option<&Template> {
        self.replaced
            .iter()
            .find(|(replaced, _)| *replaced == id)
            .map(|(_, template)| template)
    }

    /// The texts, and the problems taken out (for a caller that logs them itself).
    pub fn split_problems(mut self) -> (Self, Vec<String>) {
        let problems = std::mem::take(&mut self.problems).to_vec();
        (self, problems)
    }

    /// Why some of the host's texts are not used, one line each.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Whether the host replaced nothing.
    pub fn is_empty(&self) -> bool {
        self.replaced.is_empty() && self.problems.is_empty()
    }
}

/// The entries of a JSON object of texts, in order, repeated ones too
/// (for the catalogs' tests; the component reads them with `JSON.parse`).
#[cfg(any(test, feature = "bundled-catalogs"))]
pub(crate) fn pairs_of_json(json: &str) -> Result<Vec<(String, String)>, String> {
    serde_json::from_str::<Pairs>(json)
        .map(|pairs| pairs.0)
        .map_err(|error| error.to_string())
}

#[cfg(any(test, feature = "bundled-catalogs"))]
struct Pairs(Vec<(String, String)>);

#[cfg(any(test, feature = "bundled-catalogs"))]
impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Pairs;
            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an object of message id → text")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    pairs.push(entry);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

fn braced(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("{{{name}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::template::{Arg, EnglishRules};

    #[test]
    fn a_replaced_text_is_used_with_its_placeholders() {
        let messages = Messages::parse([("showing-range", "{first}-{last} / {total}")]);
        assert!(messages.problems().is_empty());
        let template = messages.get(MessageId::ShowingRange).expect("replaced");
        assert_eq!(
            template.format(
                &[
                    ("first", Arg::Number(1)),
                    ("last", Arg::Number(25)),
                    ("total", Arg::Number(1000))
                ],
                &EnglishRules
            ),
            "1-25 / 1,000"
        );
    }

    #[test]
    fn a_text_may_leave_placeholders_out() {
        let messages = Messages::parse([("show-new-events", "New events")]);
        assert!(messages.get(MessageId::ShowNewEvents).is_some());
    }

    #[test]
    fn unusable_entries_are_left_out_each_with_its_reason() {
        let messages = Messages::parse([
            ("no-such-id", "x"),
            ("retry", "Again {"),
            ("retry", "Again {user}"),
            ("next-page", ""),
        ]);
        assert_eq!(messages.get(MessageId::Retry), None);
        assert!(messages.get(MessageId::NextPage).is_some());
        let problems = messages.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("\"no-such-id\"") && problems[0].contains("not a message id"));
        assert!(problems[1].contains("not a usable text"));
        assert!(problems[2].contains("{user}") && problems[2].contains("nothing"));
    }
}
