//! One pass over every string read from a file, so no byte of a stranger's text can act
//! on the terminal: controls become visible stand-ins, tabs expand, line breaks unify.

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
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                column = 0;
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c => {
                let c = stand_in(c);
                out.push(c);
                column += c.width().unwrap_or(0);
            }
        }
    }
    out
}

/// Like [`sanitize`], for one-line fields (titles, names): line breaks become spaces.
#[must_use]
pub fn sanitize_line(text: &str) -> String {
    sanitize(text.trim()).replace('\n', " ")
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
        | '\u{fff9}'..='\u{fffb}' => STAND_IN,
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
    fn ordinary_text_is_untouched() {
        let text = "Café — “quoted” 映画 👩‍👩‍👧 e\u{301}";
        assert_eq!(sanitize(text), text);
    }
}
