//! JSON may escape UTF-16 halves (`"\ud800"`) that pair with nothing. The
//! browser's `JSON.parse` reads those as they are, but a Rust `String` cannot
//! hold them and `serde_json` refuses the whole body. One hostile username
//! must not hide a page of events, so such escapes become U+FFFD first,
//! the way a lossy UTF-16 decoder would read them.

use std::borrow::Cow;

/// The JSON text with every unpaired `\uD800`–`\uDFFF` escape replaced by
/// `\uFFFD`. Well-formed pairs, other escapes and everything else are kept
/// byte for byte; text without a lone half is returned borrowed.
pub fn replace_lone_surrogates(json: &str) -> Cow<'_, str> {
    let bytes = json.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `json` already in `out`
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        // An escape: `\` and one character, or `\uXXXX`.
        let Some(unit) = escaped_unit(bytes, at) else {
            at += 2;
            continue;
        };
        let paired = match unit {
            0xD800..=0xDBFF => {
                matches!(escaped_unit(bytes, at + 6), Some(0xDC00..=0xDFFF))
            }
            0xDC00..=0xDFFF => false,
            _ => {
                at += 6;
                continue;
            }
        };
        if paired {
            at += 12;
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(json.len()));
        out.push_str(&json[copied..at]);
        out.push_str("\\uFFFD");
        at += 6;
        copied = at;
    }
    match out {
        None => Cow::Borrowed(json),
        Some(mut out) => {
            out.push_str(&json[copied..]);
            Cow::Owned(out)
        }
    }
}

/// The UTF-16 unit of a `\uXXXX` escape starting at `at`, if there is one.
fn escaped_unit(bytes: &[u8], at: usize) -> Option<u16> {
    let escape = bytes.get(at..at + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    // Four ASCII hex digits, so the slice is valid UTF-8.
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(hex, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(json: &str) -> String {
        serde_json::from_str(&replace_lone_surrogates(json)).expect("decodes")
    }

    #[test]
    fn lone_halves_become_the_replacement_character() {
        assert_eq!(decoded(r#""a\ud800b""#), "a\u{FFFD}b");
        assert_eq!(decoded(r#""\uDFFF""#), "\u{FFFD}");
        assert_eq!(decoded(r#""\ud800\ud800""#), "\u{FFFD}\u{FFFD}");
        assert_eq!(decoded(r#""\udc00\ud83d\ude00""#), "\u{FFFD}😀");
        assert_eq!(decoded(r#""x\ud83d""#), "x\u{FFFD}");
    }

    #[test]
    fn well_formed_text_is_borrowed_unchanged() {
        for json in [
            r#""\ud83d\ude00""#,
            r#""\u00e9 \n \\ud800""#,
            r#""plain""#,
            r#""\\\\""#,
        ] {
            assert!(matches!(replace_lone_surrogates(json), Cow::Borrowed(_)));
        }
        assert_eq!(decoded(r#""\\ud800""#), "\\ud800", "an escaped backslash");
    }

    #[test]
    fn broken_escapes_are_left_for_the_decoder_to_refuse() {
        for json in [r#""\u12""#, r#""\"#, r#""\uZZZZ""#, "\"\\u\u{e9}00\""] {
            assert_eq!(replace_lone_surrogates(json), json);
            assert!(serde_json::from_str::<String>(json).is_err());
        }
    }
}
