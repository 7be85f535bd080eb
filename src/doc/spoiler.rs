//! Spoilers: text between `||` markers stays hidden behind a placeholder until the reader
//! reveals it, and search never sees what is hidden.

use ratatui::style::{Color, Modifier, Style};

use super::Piece;

/// The marker that opens and closes a spoiler.
pub const MARKER: &str = "||";
/// What hidden text is drawn as in the reader.
pub const PLACEHOLDER: &str = "[spoiler: z reveals]";
/// What hidden text is printed as by `reelread show`.
pub const CLI_PLACEHOLDER: &str = "[spoiler: --spoilers shows]";
/// The placeholder's style; search skips spans drawn in it.
pub const PLACEHOLDER_STYLE: Style = Style::new()
    .fg(Color::Magenta)
    .add_modifier(Modifier::REVERSED);
/// Revealed spoiler text stays marked, so the reader knows what was hidden.
const REVEALED: Style = Style::new().fg(Color::Magenta);

/// Splits text at `||` markers across a whole block (a spoiler may span several events).
#[derive(Debug, Clone, Copy, Default)]
pub struct Spoilers {
    inside: bool,
    reveal: bool,
    label: &'static str,
}

impl Spoilers {
    /// Starts outside a spoiler, drawing hidden text as `label`; `reveal` shows it instead.
    #[must_use]
    pub fn labelled(reveal: bool, label: &'static str) -> Self {
        Self {
            inside: false,
            reveal,
            label,
        }
    }

    /// True inside a spoiler that is hidden: whatever comes now must not be shown.
    #[must_use]
    pub fn hides(&self) -> bool {
        self.inside && !self.reveal
    }

    /// Turns `text` into pieces: plain outside spoilers, placeholder or marked text inside.
    pub fn split(&mut self, text: &str, style: Style) -> Vec<Piece> {
        let mut pieces = Vec::new();
        for (i, part) in text.split(MARKER).enumerate() {
            if i > 0 {
                self.inside = !self.inside;
                if self.inside && !self.reveal {
                    pieces.push((self.label.to_owned(), PLACEHOLDER_STYLE));
                }
            }
            if part.is_empty() {
                continue;
            }
            match (self.inside, self.reveal) {
                (false, _) => pieces.push((part.to_owned(), style)),
                (true, true) => pieces.push((part.to_owned(), style.patch(REVEALED))),
                (true, false) => {}
            }
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn hidden_text_becomes_one_placeholder() {
        let mut s = Spoilers::labelled(false, PLACEHOLDER);
        let pieces = s.split("Kevin ||wins the race|| in the end", Style::default());
        assert_eq!(texts(&pieces), ["Kevin ", PLACEHOLDER, " in the end"]);
    }

    #[test]
    fn a_spoiler_can_span_several_calls() {
        let mut s = Spoilers::labelled(false, PLACEHOLDER);
        let mut pieces = s.split("a ||b", Style::default());
        pieces.extend(s.split("c|| d", Style::default()));
        assert_eq!(texts(&pieces), ["a ", PLACEHOLDER, " d"]);
    }

    #[test]
    fn revealed_text_is_kept_and_marked() {
        let mut s = Spoilers::labelled(true, PLACEHOLDER);
        let pieces = s.split("x ||y|| z", Style::default());
        assert_eq!(texts(&pieces), ["x ", "y", " z"]);
        assert_eq!(pieces[1].1, REVEALED);
    }

    #[test]
    fn strip_hides_contents_from_search() {
        assert!(!crate::data::strip_spoilers("the ||twist ending|| here").contains("twist"));
        assert!(crate::data::strip_spoilers("no markers").contains("markers"));
    }
}
