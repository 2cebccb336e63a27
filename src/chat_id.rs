//! The chat id: the one thing every request is about.

use std::fmt;
use std::str::FromStr;

/// The largest chat id: ids travel through JavaScript numbers (custom-element
/// events, JSON), which are exact only up to 2^53 − 1.
pub const MAX_CHAT_ID: u64 = (1 << 53) - 1;

/// A valid chat id: 1 to 2^53 − 1.
///
/// ```
/// use chat_activity::ChatId;
/// let id: ChatId = "42".parse().unwrap();
/// assert_eq!(id.get(), 42);
/// assert!("4x2".parse::<ChatId>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChatId(u64);

/// Why a text is not a chat id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChatIdError {
    #[error("No chat id was given.")]
    /// Empty or absent.
    Missing,
    #[error("The chat id must be written in decimal digits only.")]
    /// Anything but ASCII digits.
    NotDigits,
    #[error("The chat id must be between 1 and 9007199254740991.")]
    /// 0, or above 2^53 − 1.
    OutOfRange,
}

impl ChatId {
    /// A chat id from a number, if it is in range.
    pub fn new(id: u64) -> Result<Self, ChatIdError> {
        if (1..=MAX_CHAT_ID).contains(&id) {
            Ok(Self(id))
        } else {
            Err(ChatIdError::OutOfRange)
        }
    }

    /// The id as a number.
    pub fn get(self) -> u64 {
        self.0
    }
}

impl FromStr for ChatId {
    type Err = ChatIdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.is_empty() {
            return Err(ChatIdError::Missing);
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ChatIdError::NotDigits);
        }
        // All digits: the only way parsing fails is overflow, which is out of range too.
        text.parse::<u64>()
            .map_err(|_| ChatIdError::OutOfRange)
            .and_then(Self::new)
    }
}

impl fmt::Display for ChatId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_decimal_digits_in_range() {
        assert_eq!("42".parse::<ChatId>().map(ChatId::get), Ok(42));
        assert_eq!("1".parse::<ChatId>().map(ChatId::get), Ok(1));
        assert_eq!("007".parse::<ChatId>().map(ChatId::get), Ok(7));
        assert_eq!(
            "9007199254740991".parse::<ChatId>().map(ChatId::get),
            Ok(MAX_CHAT_ID)
        );
    }

    #[test]
    fn rejects_everything_else_with_a_reason() {
        assert_eq!("".parse::<ChatId>(), Err(ChatIdError::Missing));
        for text in ["abc", "-1", "+1", " 42", "42 ", "4.2", "1e3", "٤٢", "0x2a"] {
            assert_eq!(
                text.parse::<ChatId>(),
                Err(ChatIdError::NotDigits),
                "{text}"
            );
        }
        for text in ["0", "000", "9007199254740992", "99999999999999999999999"] {
            assert_eq!(
                text.parse::<ChatId>(),
                Err(ChatIdError::OutOfRange),
                "{text}"
            );
        }
    }
}
