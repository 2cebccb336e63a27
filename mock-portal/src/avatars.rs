//! Generated avatars: a symmetric 5×5 pattern per user, as SVG.

/// The SVG avatar of a user: the same picture for the same id, always.
pub fn identicon_svg(user_id: u64) -> String {
    let mut rng = fastrand::Rng::with_seed(user_id);
    let hue = rng.u32(0..360);
    let mut cells = String::new();
    for row in 0..5 {
        for column in 0..3 {
            if rng.bool() {
                for x in [column, 4 - column] {
                    cells.push_str(&format!(
                        r#"<rect x="{}" y="{}" width="8" height="8"/>"#,
                        4 + x * 8,
                        4 + row * 8
                    ));
                    if column == 2 {
                        break;
                    }
                }
            }
        }
    }
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48"><rect width="48" height="48" fill="hsl({hue} 45% 92%)"/><g fill="hsl({hue} 60% 42%)">{cells}</g></svg>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn avatars_are_stable_svg_and_differ_between_users() {
        let first = identicon_svg(7);
        assert!(first.starts_with("<svg") && first.ends_with("</svg>"));
        assert_eq!(first, identicon_svg(7));
        assert_ne!(first, identicon_svg(8));
    }
}
