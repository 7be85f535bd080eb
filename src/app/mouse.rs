//! The mouse: a click selects a review, focuses a pane or picks an actor; the wheel
//! scrolls whatever is under the pointer.

use ratatui::layout::{Position, Rect};

use super::nav::step;
use super::{App, CAST_ROWS, Focus, Mode};

/// Lines the wheel scrolls the reading pane per notch.
const WHEEL_LINES: isize = 3;

impl App {
    /// Which pane is under a screen position.
    fn pane_at(&self, x: u16, y: u16) -> Option<Focus> {
        let panes = self.panes();
        let at = Position::new(x, y);
        let inside = |r: Option<Rect>| r.is_some_and(|r| r.contains(at));
        [
            (panes.list, Focus::List),
            (panes.reading, Focus::Reading),
            (panes.right, Focus::Right),
            (panes.cast, Focus::Cast),
        ]
        .into_iter()
        .find(|(r, _)| inside(*r))
        .map(|(_, f)| f)
    }

    /// A click: focus the pane; in the list open the clicked review, in the sidebar
    /// highlight the clicked actor.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.mode != Mode::Normal {
            return;
        }
        let Some(pane) = self.pane_at(x, y) else {
            return;
        };
        self.focus = pane;
        let panes = self.panes();
        match pane {
            Focus::List => {
                let Some(list) = panes.list else { return };
                let row = usize::from(y.saturating_sub(list.y + 1)) / self.list_item_height();
                let index = self.list.offset + row;
                if y > list.y && y < list.bottom() - 1 && index < self.list.visible.len() {
                    self.list.selected = index;
                    self.open_selected();
                }
            }
            Focus::Cast => {
                let Some(cast) = panes.cast else { return };
                let rows = (usize::from(cast.height.saturating_sub(2)) / CAST_ROWS).max(1);
                let offset = self.reading.cast_cursor.saturating_sub(rows - 1);
                let index = offset + usize::from(y.saturating_sub(cast.y + 1)) / CAST_ROWS;
                let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
                if y > cast.y && index < len {
                    self.reading.cast_cursor = index;
                    self.toggle_cast_focus();
                }
            }
            Focus::Reading | Focus::Right => {}
        }
    }

    /// The wheel: scroll the review under the pointer, or move the list or sidebar cursor.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        if self.mode != Mode::Normal {
            return;
        }
        let sign = if down { 1 } else { -1 };
        match self.pane_at(x, y) {
            Some(Focus::Reading) => self.scroll_entry(self.reading.open, sign * WHEEL_LINES),
            Some(Focus::Right) => self.scroll_entry(self.reading.right, sign * WHEEL_LINES),
            Some(Focus::List) => {
                self.list.selected = step(
                    self.list.selected,
                    sign,
                    self.list.visible.len().saturating_sub(1),
                );
                self.keep_selection_visible();
            }
            Some(Focus::Cast) => {
                let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
                self.reading.cast_cursor =
                    step(self.reading.cast_cursor, sign, len.saturating_sub(1));
            }
            None => {}
        }
    }

    fn scroll_entry(&mut self, entry: Option<usize>, delta: isize) {
        if let Some(entry) = entry {
            let max = self.max_scroll_of(entry);
            self.reading.scroll[entry] = step(self.top(entry), delta, max);
        }
    }
}
