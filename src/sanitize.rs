//! One pass over every string read from a file, so no byte of a stranger's text can act
//! on the terminal: controls become visible stand-ins, tabs expand, line breaks unify.

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_width::UnicodeWidthChar;

/// Tab stops every this many columns.
const TAB_STOP: usize = 4;
/// Shown in place of invisible characters that could reorder or disguise text.
const STAND_IN: char = '\u{FFFD}';

/// Returns `text` safe to draw: C0/C1 controls and ESC as visible pictures, bidi and
/// invisible format characters as U+FFFD, tabs expanded, CR/CRLF/U+2028/U+2029 as LF.
#[must_use]
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    let mut previous = '\n';
    let mut rest = text;
    loop {
        // Printable ASCII needs no change: copy each run whole (most text is such runs).
        let plain = rest
            .bytes()
            .position(|b| !(b' '..=b'~').contains(&b))
            .unwrap_or(rest.len());
        if plain > 0 {
            out.push_str(&rest[..plain]);
            column += plain;
            previous = char::from(rest.as_bytes()[plain - 1]);
            rest = &rest[plain..];
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            return out;
        };
        let next = chars.clone().next();
        match c {
            '\r' => {
                if next == Some('\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\n' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            // Joiners shape emoji and some scripts; between Latin letters or digits they
            // only hide a difference (`ad\u{200d}min` against `admin`).
            '\u{200c}' | '\u{200d}' => {
                let hides = previous.is_ascii_alphanumeric()
                    || next.is_some_and(|n| n.is_ascii_alphanumeric());
                out.push(if hides { STAND_IN } else { c });
            }
            c => {
                let c = stand_in(c);
                out.push(c);
                column += c.width().unwrap_or(0);
            }
        }
        previous = c;
        rest = chars.as_str();
    }
}

/// Like [`sanitize`], for one-line fields (titles, names): line breaks become spaces.
#[must_use]
pub fn sanitize_line(text: &str) -> String {
    sanitize(text.trim()).replace('\n', " ")
}

/// Whether `c` belongs in a file a person edits only as an escape (`\u202E`): controls
/// other than line feed and tab, line and paragraph separators, and format characters
/// (bidi controls, zero-width characters), which an editor hides or lets reorder the
/// text around them.
#[must_use]
pub fn escaped_in_files(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || c == '\u{2028}'
        || c == '\u{2029}'
        || (!c.is_ascii() && c.general_category() == GeneralCategory::Format)
}

/// Maps one character that is not a line break or tab to what may be drawn.
fn stand_in(c: char) -> char {
    match c {
        // C0 controls, ESC included: the matching "control picture" (␛ for ESC).
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or(STAND_IN),
        '\u{7f}' => '\u{2421}',
        // C1 controls (CSI is U+009B), bidi embeddings, overrides, isolates and marks,
        // and invisible characters that make two names look alike.
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        // Soft hyphen, grapheme joiner, Hangul fillers and tag characters: invisible.
        | '\u{ad}'
        | '\u{34f}'
        | '\u{115f}'
        | '\u{1160}'
        | '\u{3164}'
        | '\u{ffa0}'
        | '\u{e0000}'..='\u{e007f}' => STAND_IN,
        // Every other format character (Unicode's Cf: shorthand, musical and hieroglyph
        // format controls, prepended marks) is invisible or reorders what follows.
        c if !c.is_ascii() && c.general_category() == GeneralCategory::Format => STAND_IN,
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escape_sequences_become_visible_text() {
        assert_eq!(sanitize("a\x1b[31mred"), "a\u{241b}[31mred");
        assert_eq!(sanitize("\x1b]0;title\x07"), "\u{241b}]0;title\u{2407}");
    }

    #[test]
    fn c1_and_bidi_controls_are_replaced() {
        assert_eq!(sanitize("x\u{9b}31m"), "x\u{fffd}31m");
        assert_eq!(sanitize("abc\u{202e}fed"), "abc\u{fffd}fed");
        assert_eq!(sanitize("ad\u{200b}min"), "ad\u{fffd}min");
        assert!(!sanitize("\u{2066}\u{2069}\u{200e}").contains(['\u{2066}', '\u{200e}']));
    }

    #[test]
    fn line_breaks_unify_and_tabs_expand() {
        assert_eq!(sanitize("a\r\nb\rc\u{2028}d"), "a\nb\nc\nd");
        assert_eq!(sanitize("\tx"), "    x");
        assert_eq!(sanitize("ab\tx"), "ab  x");
        assert_eq!(sanitize("ab\ncd\tx"), "ab\ncd  x");
    }

    #[test]
    fn invisible_characters_cannot_disguise_a_name() {
        for disguised in [
            "ad\u{200b}min",
            "ad\u{200d}min",
            "ad\u{200c}min",
            "ad\u{ad}min",
            "admin\u{e0041}",
        ] {
            let shown = sanitize(disguised);
            assert_ne!(shown, "admin", "{disguised:?}");
            assert!(shown.contains('\u{fffd}'), "{disguised:?} → {shown:?}");
        }
        // A family emoji keeps its joiners.
        assert_eq!(sanitize("👩\u{200d}👧"), "👩\u{200d}👧");
    }

    #[test]
    fn nel_is_a_visible_stand_in_not_a_line_break() {
        assert_eq!(sanitize("a\u{85}b"), "a\u{fffd}b");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        let text = "Café — “quoted” 映画 👩‍👩‍👧 e\u{301}";
        assert_eq!(sanitize(text), text);
    }
}
