//! How a member's name shows: raiders pick names that show nothing (only
//! spaces, zero-width or direction marks, Hangul fillers), or that start
//! with such a character. The avatar's letter is the first character that
//! shows, and a name that shows nothing is replaced by the member's id, so
//! every row keeps a name to read and a button to press.

use std::borrow::Cow;

/// Whether `c` draws nothing on its own: white space, controls, format
/// characters (zero-width, bidirectional marks and isolates, the byte order
/// mark, tags), fillers that render blank, variation selectors and
/// combining marks (which attach to the character before them).
///
/// A short list rather than the Unicode tables: these are the characters
/// used for blank names, and the tables would weigh more than the rest of
/// this module's use of them.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{0300}'..='\u{036F}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// The first character of `username` that shows, if any.
pub fn first_visible(username: &str) -> Option<char> {
    username.chars().find(|&c| !is_invisible(c))
}

/// The name a row shows for a member: their username, or `#id` when it
/// shows nothing at all.
///
/// ```
/// use chat_activity::names::shown_name;
/// assert_eq!(shown_name("maria", 7), "maria");
/// assert_eq!(shown_name("\u{3164}\u{200B} ", 7), "#7");
/// ```
pub fn shown_name(username: &str, id: u64) -> Cow<'_, str> {
    if first_visible(username).is_some() {
        Cow::Borrowed(username)
    } else {
        Cow::Owned(id_name(id))
    }
}

/// A member named by id alone: `#id`.
pub fn id_name(id: u64) -> String {
    format!("#{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_show_nothing_are_replaced_by_the_id() {
        for blank in [
            "",
            "   ",
            "\u{200B}",
            "\u{202E}\u{2066}",
            "\u{3164}\u{3164}",
            "\u{FEFF}\t",
            "\u{2800}",
        ] {
            assert_eq!(shown_name(blank, 42), "#42", "{blank:?}");
            assert_eq!(first_visible(blank), None, "{blank:?}");
        }
    }

    #[test]
    fn names_that_show_something_are_kept_as_they_are() {
        for name in [
            "maria",
            " maria",
            "\u{202E}nimda",
            "李小龍",
            "Ünal",
            "ـ",
            "🦀",
        ] {
            assert_eq!(shown_name(name, 42), name);
        }
        assert_eq!(first_visible("\u{202E}nimda"), Some('n'));
        assert_eq!(first_visible("\u{200B}\u{0301}é"), Some('é'));
    }
}
