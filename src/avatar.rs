//! Avatar rules: which URLs may be shown, and the fallback's letter and colour.

/// The avatar URL to put in `<img src>`: only `http:` and `https:` URLs,
/// exactly as sent; `javascript:`, `data:` and everything else give `None`.
///
/// ```
/// use chat_activity::avatar::safe_avatar_url;
/// assert_eq!(safe_avatar_url(Some("https://cdn/a.png")), Some("https://cdn/a.png"));
/// assert_eq!(safe_avatar_url(Some("javascript:alert(1)")), None);
/// ```
pub fn safe_avatar_url(url: Option<&str>) -> Option<&str> {
    let url = url?;
    let scheme = url.split_once(':')?.0;
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")).then_some(url)
}

/// The fallback's text: the username's first character that shows (not a
/// direction mark or a space), upper-cased (which can be more than one
/// character, as "ß" becomes "SS"); "?" for a name that shows nothing.
///
/// ```
/// use chat_activity::avatar::initial;
/// assert_eq!(initial("\u{202E}nimda"), "N");
/// assert_eq!(initial(""), "?");
/// ```
pub fn initial(username: &str) -> String {
    crate::names::first_visible(username)
        .map_or_else(|| "?".to_owned(), |first| first.to_uppercase().collect())
}

/// The fallback's background: a hue spread over the colour wheel by user id,
/// dark enough for white text (contrast above 4.5:1 at every hue).
pub fn fallback_colour(user_id: u64) -> String {
    format!("hsl({} 65% 30%)", hue(user_id))
}

/// The id's hue in degrees: the fractional part of id × the golden ratio,
/// as a turn (Fibonacci hashing), so that ids a few apart, as a raid's
/// accounts often are, stand far apart on the wheel (ids 1 to 4 apart:
/// 52° or more).
fn hue(user_id: u64) -> u64 {
    /// 2⁶⁴ divided by the golden ratio.
    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;
    ((user_id.wrapping_mul(GOLDEN) >> 32) * 360) >> 32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_are_shown() {
        for url in [
            "https://cdn.example.com/users/9/avatar.png",
            "http://localhost:8081/avatars/1.svg",
            "HTTPS://CDN.EXAMPLE.COM/A.PNG",
        ] {
            assert_eq!(safe_avatar_url(Some(url)), Some(url));
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " https://cdn/a.png",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "vbscript:msgbox",
            "//cdn.example.com/a.png",
            "/avatars/1.svg",
            "ftp://cdn/a.png",
            "httpx://cdn/a.png",
            "",
        ] {
            assert_eq!(safe_avatar_url(Some(url)), None, "{url}");
        }
        assert_eq!(safe_avatar_url(None), None);
    }

    #[test]
    fn the_initial_is_the_first_character_upper_cased() {
        assert_eq!(initial("alice"), "A");
        assert_eq!(initial("Zoë"), "Z");
        assert_eq!(initial("élodie"), "É");
        assert_eq!(initial("ßtraße"), "SS");
        assert_eq!(initial("李小龍"), "李");
        assert_eq!(initial("🦀crab"), "🦀");
        assert_eq!(initial("<b>"), "<");
        assert_eq!(initial(""), "?");
    }

    #[test]
    fn colours_are_stable_per_user_and_differ_between_neighbours() {
        assert_eq!(fallback_colour(3), fallback_colour(3));
        assert_ne!(fallback_colour(3), fallback_colour(4));
        assert!(fallback_colour(u64::MAX).starts_with("hsl("));
    }

    #[test]
    fn ids_a_few_apart_get_hues_far_apart() {
        // A raid's accounts are often made in a row: ids 1, 2, 3 or 4 apart.
        let apart = |a: u64, b: u64| {
            let d = hue(a).abs_diff(hue(b));
            d.min(360 - d)
        };
        for id in (0..5_000).chain(u64::MAX - 10..u64::MAX - 4) {
            for step in 1..=4 {
                assert!(
                    apart(id, id + step) >= 50,
                    "ids {id} and {}: {}°",
                    id + step,
                    apart(id, id + step)
                );
            }
        }
        assert!((0..100_000).all(|id| hue(id) < 360));
    }
}
