//! Moving around: cursors, scrolling, focus, opening reviews, the split view and the
//! per-review toggles (comments folded, spoilers shown).

use super::{App, Focus};
use crate::action::Command;

/// Moves a position by `delta`, saturating at 0 and `max`.
pub(super) fn step(position: usize, delta: isize, max: usize) -> usize {
    position.saturating_add_signed(delta).min(max)
}

impl App {
    pub(super) fn move_focused(&mut self, delta: isize) {
        match self.focus {
            Focus::List => {
                self.list.selected = step(
                    self.list.selected,
                    delta,
                    self.list.visible.len().saturating_sub(1),
                );
                self.keep_selection_visible();
            }
            Focus::Reading | Focus::Right => self.scroll_by(delta),
            Focus::Cast => {
                let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
                self.reading.cast_cursor =
                    step(self.reading.cast_cursor, delta, len.saturating_sub(1));
            }
        }
    }

    /// Page keys scroll a reading pane, or move by a page of items elsewhere.
    pub(super) fn scroll_or_move(&mut self, lines: isize) {
        match self.focus {
            Focus::Reading | Focus::Right => self.scroll_by(lines),
            Focus::List => {
                let items = (self.list_height() / self.list_item_height()).max(1) as isize;
                self.move_focused(items * lines.signum());
            }
            Focus::Cast => self.move_focused(lines),
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        if let Some(entry) = self.focused_entry() {
            let mut max = self.max_scroll_of(entry);
            if delta > 0 && self.reading.scroll[entry].saturating_add_signed(delta) > max {
                // Past the head of a huge review: the reader wants the rest now.
                self.whole_layout_now(entry);
                max = self.max_scroll_of(entry);
            }
            self.reading.scroll[entry] = step(self.reading.scroll[entry].min(max), delta, max);
        }
    }

    pub(super) fn cycle_focus(&mut self, direction: isize) {
        let panes = self.panes();
        let mut order = Vec::new();
        if panes.list.is_some() {
            order.push(Focus::List);
        }
        order.push(Focus::Reading);
        if panes.right.is_some() {
            order.push(Focus::Right);
        }
        if panes.cast.is_some() {
            order.push(Focus::Cast);
        }
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = (at as isize + direction).rem_euclid(order.len() as isize);
        self.focus = order[next as usize];
    }

    /// Opens the review under the list cursor; a list text filter becomes its search.
    pub(super) fn open_selected(&mut self) {
        let Some(&entry) = self.list.visible.get(self.list.selected) else {
            self.footer.status = Some("Nothing to open: the list is empty".to_owned());
            return;
        };
        // The sidebar cursor stays on its actor unless the film changes.
        if self.reading.open.map(|e| self.catalog.entries[e].0)
            != Some(self.catalog.entries[entry].0)
        {
            self.reading.cast_cursor = 0;
        }
        self.reading.open = Some(entry);
        self.mark_read(entry);
        if let Some(focus) = &mut self.reading.cast_focus {
            focus.current = None;
        }
        if self.reading.right == self.reading.open && self.reading.right.is_some() {
            self.reading.right = self.neighbour(self.reading.open, 1).or(self.reading.right);
        }
        self.refresh_view();
        if let Some(text) = self.list.query.as_ref().map(|q| q.text.clone()) {
            self.focus = Focus::Reading;
            self.set_search(&text, true);
        }
    }

    /// The visible entry `delta` places from `entry`, skipping `entry` itself.
    fn neighbour(&self, entry: Option<usize>, delta: isize) -> Option<usize> {
        let here = entry.and_then(|e| self.list.visible.iter().position(|&v| v == e))?;
        let target = here.checked_add_signed(delta)?;
        self.list.visible.get(target).copied()
    }

    /// J/K: the next or previous source; in a split, the right side's.
    pub(super) fn step_source(&mut self, delta: isize) {
        if self.list.visible.is_empty() {
            return;
        }
        if self.reading.right.is_some() {
            self.step_right(delta);
            return;
        }
        let current = self
            .reading
            .open
            .and_then(|e| self.list.visible.iter().position(|&v| v == e))
            .unwrap_or(self.list.selected);
        let target = step(current, delta, self.list.visible.len() - 1);
        if target == current {
            let end = if delta > 0 { "last" } else { "first" };
            self.footer.status = Some(format!("Already at the {end} source"));
        }
        self.list.selected = target;
        self.open_selected();
    }

    fn step_right(&mut self, delta: isize) {
        let mut candidate = self.neighbour(self.reading.right, delta);
        if candidate.is_some() && candidate == self.reading.open {
            candidate = self.neighbour(candidate, delta);
        }
        if let Some(entry) = candidate {
            self.reading.right = Some(entry);
            self.refresh_view();
        } else {
            let end = if delta > 0 { "last" } else { "first" };
            self.footer.status = Some(format!("Right side: already at the {end} source"));
        }
    }

    /// `v`: compare the open review with another source side by side, or stop comparing.
    pub(super) fn toggle_split(&mut self) {
        if self.reading.right.take().is_some() {
            self.footer.status = Some("Split closed".to_owned());
            self.refresh_view();
            return;
        }
        let other = self
            .neighbour(self.reading.open, 1)
            .or_else(|| self.neighbour(self.reading.open, -1));
        let Some(other) = other else {
            self.footer.status = Some(if self.list.visible.is_empty() {
                "Nothing to compare with: the list is empty".to_owned()
            } else {
                "Nothing to compare with: no other review is listed".to_owned()
            });
            return;
        };
        self.reading.right = Some(other);
        self.refresh_view();
        self.footer.status = Some(format!(
            "Split: {}/{} change the right side · {} switches · {} closes",
            self.key(Command::NextSource),
            self.key(Command::PrevSource),
            self.key(Command::FocusNext),
            self.key(Command::Split)
        ));
    }

    /// `c`: fold or unfold the focused review's comments.
    pub(super) fn toggle_comments(&mut self) {
        let Some(entry) = self.focused_entry() else {
            return;
        };
        let count = self.entry(entry).1.comments.len();
        if count == 0 && !self.reading.collapsed.contains(&entry) {
            self.footer.status = Some("This review has no comments".to_owned());
            return;
        }
        let comments = super::plural(count, "comment");
        if self.reading.collapsed.remove(&entry) {
            self.footer.status = Some(format!("{comments} shown"));
        } else {
            self.reading.collapsed.insert(entry);
            let key = self.key(Command::ToggleComments);
            let them = if count == 1 { "it" } else { "them" };
            self.footer.status = Some(format!("{comments} hidden: {key} shows {them}"));
        }
        // The text above the comments is laid out the same folded or not: the reader stays
        // on their line (shown clamped while folded), so `c` twice comes back to it.
        let line = self.reading.scroll[entry];
        self.refresh_view();
        self.reading.scroll[entry] = line;
    }

    /// `z`: show or hide the focused review's spoilers.
    pub(super) fn toggle_spoilers(&mut self) {
        let Some(entry) = self.focused_entry() else {
            return;
        };
        let (_, review) = self.entry(entry);
        let has_spoilers =
            review.body.contains("||") || review.comments.iter().any(|c| c.text.contains("||"));
        if !has_spoilers {
            self.footer.status = Some("This review has no spoilers".to_owned());
            return;
        }
        if self.reading.revealed.remove(&entry) {
            self.footer.status = Some("Spoilers hidden".to_owned());
        } else {
            self.reading.revealed.insert(entry);
            let key = self.key(Command::ToggleSpoilers);
            self.footer.status = Some(format!("Spoilers shown: {key} hides them again"));
        }
        self.recount_mentions(entry);
        self.refresh_view();
    }
}
