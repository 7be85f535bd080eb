//! The `?` help as a page: the bound commands in sections, then the symbols, wrapped to
//! the terminal and in two columns when it is wide. Both the app (to stop scrolling at
//! the end) and the ui (to draw it) lay it out with [`Keymap::help_page`], so they agree.

use unicode_width::UnicodeWidthStr;

use super::Keymap;
use super::symbols::SYMBOLS;
use crate::action::{Key, Section};

/// The widest keys column: a user's long list of keys is cut rather than the descriptions.
const MAX_KEY_WIDTH: usize = 18;
/// The narrowest description column worth wrapping into.
const MIN_TEXT_WIDTH: usize = 12;
/// Columns between the two halves of a wide help.
const GUTTER: usize = 3;

/// One line of the help page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section's title.
    Heading(&'static str),
    /// Keys (empty where a description goes on to another line) and description.
    Row(String, String),
    /// Space between sections.
    Blank,
}

/// The help laid out for one terminal size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpPage {
    /// One column, or two side by side; scrolled together.
    pub columns: Vec<Vec<HelpLine>>,
    /// Width of the keys in every column.
    pub key_width: usize,
    /// Width of one column, keys and description.
    pub column_width: usize,
    /// The popup's outer size, border included.
    pub width: u16,
    /// See [`HelpPage::width`].
    pub height: u16,
    /// Lines of the page the popup shows at once.
    pub body: usize,
}

impl HelpPage {
    /// Lines in the longest column.
    #[must_use]
    pub fn len(&self) -> usize {
        self.columns.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// True when there is nothing to show.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The furthest the page scrolls: its last line at the bottom of the popup.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.len().saturating_sub(self.body)
    }
}

impl Keymap {
    /// The bound commands grouped by section, in help order: one `(keys, description)`
    /// row each; sections with no bound command are left out.
    #[must_use]
    pub fn help_sections(&self) -> Vec<(Section, Vec<(String, &'static str)>)> {
        Section::all()
            .filter_map(|section| {
                let rows: Vec<(String, &'static str)> = self
                    .bindings()
                    .filter(|(command, keys)| command.section() == section && !keys.is_empty())
                    .map(|(command, keys)| {
                        let keys: Vec<String> = keys.iter().map(Key::label).collect();
                        (keys.join(", "), command.description())
                    })
                    .collect();
                (!rows.is_empty()).then_some((section, rows))
            })
            .collect()
    }

    /// The help laid out for a `width`×`height` terminal.
    #[must_use]
    pub fn help_page(&self, width: u16, height: u16) -> HelpPage {
        let mut blocks: Vec<(&'static str, Vec<(String, String)>)> = self
            .help_sections()
            .into_iter()
            .map(|(section, rows)| {
                let rows = rows.into_iter().map(|(k, d)| (k, d.to_owned())).collect();
                (section.title(), rows)
            })
            .collect();
        let symbols = SYMBOLS
            .iter()
            .map(|(mark, meaning)| ((*mark).to_owned(), (*meaning).to_owned()))
            .collect();
        blocks.push(("Symbols", symbols));
        let rows = || blocks.iter().flat_map(|(_, rows)| rows);
        let key_width = rows()
            .map(|(k, _)| k.width())
            .max()
            .unwrap_or(0)
            .min(MAX_KEY_WIDTH);
        let text_width = rows().map(|(_, d)| d.width()).max().unwrap_or(0);
        // A column: a margin, the keys, two spaces, the description, a margin.
        let natural = key_width + text_width + 4;
        let room = usize::from(width).saturating_sub(2);
        let two = room >= 2 * natural + GUTTER;
        let column_width = natural.min(room);
        let wrap_at = column_width
            .saturating_sub(key_width + 4)
            .max(MIN_TEXT_WIDTH);
        let laid: Vec<Vec<HelpLine>> = blocks
            .iter()
            .map(|(title, rows)| block_lines(title, rows, wrap_at))
            .collect();
        let columns = if two {
            let (left, right) = balance(&laid);
            vec![left, right]
        } else {
            vec![join(&laid)]
        };
        let lines = columns.iter().map(Vec::len).max().unwrap_or(0);
        let inner_width = if two {
            2 * natural + GUTTER
        } else {
            column_width
        };
        let outer_height = (lines + 3).min(usize::from(height));
        HelpPage {
            columns,
            key_width,
            column_width,
            width: u16::try_from(inner_width + 2)
                .unwrap_or(u16::MAX)
                .min(width),
            height: u16::try_from(outer_height).unwrap_or(u16::MAX),
            body: outer_height.saturating_sub(3).max(1),
        }
    }
}

/// A section's heading and rows, descriptions wrapped to `wrap_at` columns.
fn block_lines(title: &'static str, rows: &[(String, String)], wrap_at: usize) -> Vec<HelpLine> {
    let mut lines = vec![HelpLine::Heading(title)];
    for (keys, description) in rows {
        for (i, part) in wrap(description, wrap_at).into_iter().enumerate() {
            let keys = if i == 0 { keys.clone() } else { String::new() };
            lines.push(HelpLine::Row(keys, part));
        }
    }
    lines
}

/// Blocks one after another, a blank line between two.
fn join(blocks: &[Vec<HelpLine>]) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for block in blocks {
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.extend(block.iter().cloned());
    }
    out
}

/// Two columns of whole sections, as even as they can be.
fn balance(blocks: &[Vec<HelpLine>]) -> (Vec<HelpLine>, Vec<HelpLine>) {
    let best = (1..blocks.len())
        .min_by_key(|&at| {
            let (l, r) = (join(&blocks[..at]).len(), join(&blocks[at..]).len());
            l.max(r)
        })
        .unwrap_or(blocks.len());
    (join(&blocks[..best]), join(&blocks[best..]))
}

/// Splits `text` into lines of at most `width` columns at spaces (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let word = cut(word, width);
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    lines.push(line);
    lines
}

/// The start of `word` that fits in `width` columns.
fn cut(word: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut used = 0;
    word.chars()
        .take_while(|c| {
            used += c.width().unwrap_or(0);
            used <= width
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{HelpLine, Keymap, wrap};
    use crate::action::{Command, Key};

    /// Every command bound to one letter (the config, which knows the real keys, is a
    /// layer above).
    fn keymap() -> Keymap {
        let mut keymap = Keymap::empty();
        let letters = ('a'..='z').chain('A'..='Z');
        for (command, letter) in Command::all().zip(letters) {
            let key: Key = letter.to_string().parse().expect("a letter is a key");
            keymap.rebind(command, &[key]);
        }
        keymap
    }

    #[test]
    fn descriptions_wrap_at_spaces() {
        assert_eq!(wrap("Open the review now", 10), ["Open the", "review now"]);
        assert_eq!(wrap("short", 10), ["short"]);
    }

    #[test]
    fn every_bound_command_is_in_one_section_once() {
        let keymap = keymap();
        let listed: usize = keymap.help_sections().iter().map(|(_, r)| r.len()).sum();
        assert_eq!(listed, keymap.help_rows().len());
    }

    #[test]
    fn a_wide_terminal_gets_two_columns_and_a_narrow_one_wraps() {
        let keymap = keymap();
        let wide = keymap.help_page(200, 50);
        assert_eq!(wide.columns.len(), 2);
        assert_eq!(wide.max_scroll(), 0, "all of it fits at 200×50");
        let narrow = keymap.help_page(50, 20);
        assert_eq!(narrow.columns.len(), 1);
        assert!(narrow.max_scroll() > 0);
        let longest = narrow.columns[0]
            .iter()
            .filter_map(|l| match l {
                HelpLine::Row(_, d) => Some(unicode_width::UnicodeWidthStr::width(d.as_str())),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        assert!(longest + narrow.key_width + 4 <= 48, "{longest}");
    }
}
