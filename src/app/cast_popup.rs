//! `C`: the cast on demand. Where the sidebar fits, the key hides or shows it; where it
//! does not (below 110 columns, or a narrow split), the cast opens in a popup that moves
//! and highlights as the sidebar does, so mentions work at 80×24.

use super::nav::step;
use super::{App, Focus, Mode};
use crate::action::{Action, Command};
use crate::layout::{self, View};
use ratatui::layout::{Position, Rect};

/// Rows one actor takes, in the sidebar and in the popup.
pub const CAST_ROWS: usize = 3;

/// Where the cast popup goes in a frame of `area`: centred, clear of the header and the
/// footer (which says what Enter did), at most 48 columns wide.
#[must_use]
pub fn cast_popup_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(48);
    let height = area.height.saturating_sub(4);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// How many actors the popup shows at once inside `popup` (its border and hint line
/// aside), at least one.
#[must_use]
pub fn cast_popup_rows(popup: Rect) -> usize {
    (usize::from(popup.height.saturating_sub(3)) / CAST_ROWS).max(1)
}

impl App {
    /// How many actors the cast popup shows at once: a page for the page keys.
    pub(super) fn cast_popup_page(&self) -> usize {
        cast_popup_rows(cast_popup_area(Rect::new(0, 0, self.size.0, self.size.1)))
    }

    /// `C` outside a popup: hide the sidebar, show it, or open the cast popup.
    pub(super) fn toggle_cast(&mut self) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let key = self.key(Command::ToggleCast);
        if self.panes().cast.is_some() {
            self.sidebar = false;
            self.refresh_view();
            self.footer.status = Some(format!("Cast sidebar hidden: {key} shows it"));
            return;
        }
        let with_sidebar = View {
            sidebar: true,
            ..self.view()
        };
        if layout::panes(area, with_sidebar).cast.is_some() {
            self.sidebar = true;
            self.focus = Focus::Cast;
            self.refresh_view();
            self.footer.status = Some(format!(
                "Cast sidebar shown: {} on an actor highlights their mentions · {key} hides it",
                self.key(Command::Open)
            ));
            return;
        }
        if self.reading.open.is_none() {
            self.footer.status = Some("No review is open: the cast is the open film's".to_owned());
            return;
        }
        self.mode = Mode::Cast;
    }

    /// A key in the cast popup: move, highlight an actor, jump to a mention, or close.
    pub(super) fn cast_popup_key(&mut self, command: Command, page: usize) {
        let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
        let last = len.saturating_sub(1);
        let cursor = self.reading.cast_cursor;
        let page = page.max(1) as isize;
        self.reading.cast_cursor = match command {
            Command::Down => step(cursor, 1, last),
            Command::Up => step(cursor, -1, last),
            Command::Top => 0,
            Command::Bottom => last,
            Command::PageDown => step(cursor, page, last),
            Command::PageUp => step(cursor, -page, last),
            Command::HalfPageDown => step(cursor, (page / 2).max(1), last),
            Command::HalfPageUp => step(cursor, -(page / 2).max(1), last),
            _ => cursor,
        };
        match command {
            Command::Open => {
                self.footer.status = None;
                self.toggle_cast_focus();
            }
            Command::NextMention | Command::PrevMention => {
                self.mode = Mode::Normal;
                self.footer.status = None;
                self.step_mention(command == Command::NextMention);
            }
            Command::Back | Command::ToggleCast => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// The mouse over the cast popup: a click on an actor highlights them (as Enter), a
    /// click outside closes it; the wheel moves the cursor.
    pub(super) fn cast_popup_pointer(&mut self, action: &Action) {
        let popup = cast_popup_area(Rect::new(0, 0, self.size.0, self.size.1));
        let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
        match *action {
            Action::Click(x, y) if !popup.contains(Position::new(x, y)) => {
                self.mode = Mode::Normal;
            }
            Action::Click(_, y) if y > popup.y => {
                let rows = cast_popup_rows(popup);
                let slot = usize::from(y - popup.y - 1) / CAST_ROWS;
                let index = self.reading.cast_cursor.saturating_sub(rows - 1) + slot;
                if slot < rows && index < len {
                    self.reading.cast_cursor = index;
                    self.footer.status = None;
                    self.toggle_cast_focus();
                }
            }
            Action::Wheel(_, _, down) => {
                let delta = if down { 1 } else { -1 };
                self.reading.cast_cursor =
                    step(self.reading.cast_cursor, delta, len.saturating_sub(1));
            }
            _ => {}
        }
    }
}
