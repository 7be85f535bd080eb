//! What a pseudo-terminal shows, read through vt100: text, rows, and panes by title.

/// A snapshot of the emulated screen with helpers to find text and panes.
pub struct Screen(pub(super) vt100::Screen);

const TOP_LEFT: &[&str] = &["┌", "┏", "╔", "╭"];
const TOP_RIGHT: &[&str] = &["┐", "┓", "╗", "╮"];
const BOTTOM_LEFT: &[&str] = &["└", "┗", "╚", "╰"];

impl Screen {
    pub fn inner(&self) -> &vt100::Screen {
        &self.0
    }

    /// (rows, cols).
    pub fn size(&self) -> (u16, u16) {
        let (rows, cols) = self.0.size();
        (rows.get(), cols.get())
    }

    /// The whole screen as text, one line per row.
    pub fn text(&self) -> String {
        self.0.contents()
    }

    pub fn contains(&self, text: &str) -> bool {
        self.text().contains(text)
    }

    /// Row `row` as text (trailing blanks trimmed by vt100).
    pub fn row(&self, row: u16) -> String {
        let (_, cols) = self.size();
        self.0
            .rows(0, cols)
            .nth(usize::from(row))
            .unwrap_or_default()
    }

    fn cell(&self, row: u16, col: u16) -> &str {
        self.0.cell(row, col).map_or("", vt100::Cell::contents)
    }

    /// The inside of the box whose top border contains `title`, one line per row,
    /// or `None` if no such box is on screen.
    pub fn pane(&self, title: &str) -> Option<String> {
        let (rows, cols) = self.size();
        for top in 0..rows {
            for left in 0..cols {
                if !TOP_LEFT.contains(&self.cell(top, left)) {
                    continue;
                }
                let Some(right) =
                    (left + 1..cols).find(|&c| TOP_RIGHT.contains(&self.cell(top, c)))
                else {
                    continue;
                };
                let border: String = (left..=right).map(|c| self.cell(top, c)).collect();
                if !border.contains(title) {
                    continue;
                }
                let bottom = (top + 1..rows)
                    .find(|&r| BOTTOM_LEFT.contains(&self.cell(r, left)))
                    .unwrap_or(rows);
                let width = right - left - 1;
                let lines: Vec<String> = self
                    .0
                    .rows(left + 1, width)
                    .skip(usize::from(top) + 1)
                    .take(usize::from(bottom - top - 1))
                    .collect();
                return Some(lines.join("\n"));
            }
        }
        None
    }

    /// Whether a box titled `title` is on screen and its inside contains `text`.
    pub fn pane_contains(&self, title: &str, text: &str) -> bool {
        self.pane(title).is_some_and(|p| p.contains(text))
    }

    /// The first line inside the box titled `title`, trimmed.
    pub fn pane_first_line(&self, title: &str) -> Option<String> {
        self.pane(title)
            .and_then(|p| p.lines().next().map(|l| l.trim().to_owned()))
    }
}
