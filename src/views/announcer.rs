//! The component's status region: what it says politely to screen readers
//! (a range after a page change, a copied code, a read's progress).

use leptos::prelude::*;

/// What the status region says. Screen readers read a live region when its
/// text changes, so a message the same as the last one ("Copied invite
/// code ABC" twice, the same range again) is made to differ by a trailing
/// no-break space, which nothing reads aloud.
#[derive(Clone, Copy)]
pub struct Announcer {
    text: RwSignal<String>,
}

impl Announcer {
    /// Silent.
    pub fn new() -> Self {
        Self {
            text: RwSignal::new(String::new()),
        }
    }

    /// Says `message` (again, if it was the last thing said).
    pub fn say(&self, message: String) {
        self.text.try_update(|text| *text = anew(text, message));
    }

    /// Says `message` unless the region says it already (what a view
    /// shows, said once it settles, after a control may have said it).
    pub fn update(&self, message: String) {
        self.text.try_update(|text| {
            if text.trim_end_matches(MARK) != message {
                *text = message;
            }
        });
    }

    /// The region's text (tracked).
    pub fn text(&self) -> String {
        self.text.get()
    }

    /// `say`, as a callback for the views that announce.
    pub fn callback(self) -> Callback<String> {
        Callback::new(move |message| self.say(message))
    }
}

/// What makes a repeated message differ: a no-break space, read by nothing.
const MARK: char = '\u{a0}';

/// What the region shows to say `message` after `said`: the message,
/// changed if it would not change the region.
fn anew(said: &str, message: String) -> String {
    if message.is_empty() || said != message {
        message
    } else {
        format!("{message}{MARK}")
    }
}

#[cfg(test)]
mod tests {
    use super::anew;

    #[test]
    fn a_new_message_is_shown_as_it_is() {
        assert_eq!(
            anew("", "Copied invite code ABC".into()),
            "Copied invite code ABC"
        );
        assert_eq!(
            anew("Showing 1–25 of 90", "Showing 26–50 of 90".into()),
            "Showing 26–50 of 90"
        );
    }

    #[test]
    fn the_same_message_again_changes_the_region_each_time() {
        let first = anew("", "Copied".into());
        let second = anew(&first, "Copied".into());
        let third = anew(&second, "Copied".into());
        assert_ne!(first, second);
        assert_ne!(second, third);
        assert_eq!(second.trim_end(), "Copied");
        assert_eq!(third.trim_end(), "Copied");
    }

    #[test]
    fn silence_stays_silence() {
        assert_eq!(anew("", String::new()), "");
        assert_eq!(anew("Copied", String::new()), "");
    }
}
