//! The only place state changes: one action in, maybe a follow-up action out.

use super::{Action, App, Focus, Mode, Picker};
use crate::data::same_name;
use crate::layout::Arrangement;

/// Applies `action` to `app`; returns an action to apply next, if any.
pub fn update(app: &mut App, action: Action) -> Option<Action> {
    let too_small = app.panes().arrangement == Arrangement::TooSmall;
    match (&mut app.mode, action) {
        (_, Action::Quit) => {
            app.running = false;
            None
        }
        (_, Action::Resize(w, h)) => {
            app.size = (w, h);
            if app.focus == Focus::Cast && app.panes().cast.is_none() {
                app.focus = Focus::Reading;
            }
            app.refresh_view();
            None
        }
        // Nothing can be seen, so nothing may change unseen.
        (_, _) if too_small => None,
        (Mode::Help(scroll), action) => {
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = (*scroll + 1).min(crate::keymap::BINDINGS.len()),
                Action::Bottom => *scroll = crate::keymap::BINDINGS.len(),
                Action::Top => *scroll = 0,
                Action::Back | Action::Help => app.mode = Mode::Normal,
                _ => {}
            }
            None
        }
        (Mode::Picker(picker), action) => {
            picker_update(&app.people, picker, action).and_then(|outcome| outcome.apply(app))
        }
        (Mode::Normal, action) => normal_update(app, action),
    }
}

/// What a key in the picker leads to, decided before the app is borrowed again.
enum PickerOutcome {
    Close,
    Apply,
}

impl PickerOutcome {
    fn apply(self, app: &mut App) -> Option<Action> {
        let Mode::Picker(picker) = std::mem::replace(&mut app.mode, Mode::Normal) else {
            return None;
        };
        if let Self::Apply = self {
            let name = picker
                .matches(&app.people)
                .get(picker.cursor)
                .map(|p| p.name.clone());
            if let Some(name) = name {
                app.set_filter(Some(name));
            }
        }
        None
    }
}

fn picker_update(
    people: &[crate::data::Person],
    picker: &mut Picker,
    action: Action,
) -> Option<PickerOutcome> {
    let count = picker.matches(people).len();
    match action {
        Action::Input(c) => {
            picker.query.push(c);
            picker.cursor = 0;
        }
        Action::DeleteChar => {
            picker.query.pop();
            picker.cursor = 0;
        }
        Action::Up => picker.cursor = picker.cursor.saturating_sub(1),
        Action::Down => picker.cursor = (picker.cursor + 1).min(count.saturating_sub(1)),
        Action::Top => picker.cursor = 0,
        Action::Bottom => picker.cursor = count.saturating_sub(1),
        Action::Open if count > 0 => return Some(PickerOutcome::Apply),
        Action::Back | Action::Filter => return Some(PickerOutcome::Close),
        _ => {}
    }
    None
}

fn normal_update(app: &mut App, action: Action) -> Option<Action> {
    // A status message answers one action; the next one replaces or clears it.
    app.status = None;
    let page = app.reading_height().max(1);
    match action {
        Action::Up => app.move_focused(-1),
        Action::Down => app.move_focused(1),
        Action::Top => app.move_focused(isize::MIN),
        Action::Bottom => app.move_focused(isize::MAX),
        Action::PageUp => app.scroll_or_move(-(page as isize)),
        Action::PageDown => app.scroll_or_move(page as isize),
        Action::HalfPageUp => app.scroll_or_move(-((page / 2).max(1) as isize)),
        Action::HalfPageDown => app.scroll_or_move((page / 2).max(1) as isize),
        Action::FocusNext => app.cycle_focus(1),
        Action::FocusPrev => app.cycle_focus(-1),
        Action::Open if app.focus == Focus::List => {
            app.open_selected();
            if app.open.is_some() {
                app.focus = Focus::Reading;
            }
        }
        Action::NextSource => app.step_source(1),
        Action::PrevSource => app.step_source(-1),
        Action::Filter => app.mode = Mode::Picker(Picker::default()),
        Action::Help => app.mode = Mode::Help(0),
        Action::Back if app.filter.is_some() => return Some(Action::ClearFilter),
        Action::ClearFilter => app.set_filter(None),
        _ => {}
    }
    None
}

/// Moves a position by `delta`, saturating at 0 and `max`.
fn step(position: usize, delta: isize, max: usize) -> usize {
    position.saturating_add_signed(delta).min(max)
}

impl App {
    fn move_focused(&mut self, delta: isize) {
        match self.focus {
            Focus::List => {
                self.selected = step(self.selected, delta, self.visible.len().saturating_sub(1));
                self.keep_selection_visible();
            }
            Focus::Reading => self.scroll_by(delta),
            Focus::Cast => {
                let len = self.open_review().map_or(0, |(c, _)| c.film.cast.len());
                self.cast_cursor = step(self.cast_cursor, delta, len.saturating_sub(1));
            }
        }
    }

    /// Page keys scroll the reading pane, or move by a page of items elsewhere.
    fn scroll_or_move(&mut self, lines: isize) {
        match self.focus {
            Focus::Reading => self.scroll_by(lines),
            Focus::List => {
                let items = (self.list_height() / self.list_item_height()).max(1) as isize;
                self.move_focused(items * lines.signum());
            }
            Focus::Cast => self.move_focused(lines),
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        let max = self.max_scroll();
        if let Some(entry) = self.open {
            self.scroll[entry] = step(self.scroll[entry].min(max), delta, max);
        }
    }

    fn cycle_focus(&mut self, direction: isize) {
        let mut order = vec![Focus::List, Focus::Reading];
        if self.panes().cast.is_some() {
            order.push(Focus::Cast);
        }
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = (at as isize + direction).rem_euclid(order.len() as isize);
        self.focus = order[next as usize];
    }

    fn open_selected(&mut self) {
        self.open = self.visible.get(self.selected).copied();
        self.cast_cursor = 0;
        self.refresh_view();
    }

    /// J/K: move the list cursor and open that review, whichever pane has focus.
    fn step_source(&mut self, delta: isize) {
        if self.visible.is_empty() {
            return;
        }
        let current = self
            .open
            .and_then(|e| self.visible.iter().position(|&v| v == e))
            .unwrap_or(self.selected);
        let last = self.visible.len() - 1;
        let target = step(current, delta, last);
        self.status = match (delta.signum(), target == current) {
            (1, true) => Some("Already at the last source".to_owned()),
            (-1, true) => Some("Already at the first source".to_owned()),
            _ => None,
        };
        self.selected = target;
        self.open_selected();
    }

    /// Sets or clears the reviewer filter, keeping the open review when it stays listed.
    pub(super) fn set_filter(&mut self, name: Option<String>) {
        let keep = self
            .open
            .or_else(|| self.visible.get(self.selected).copied());
        self.visible = (0..self.entries.len())
            .filter(|&e| {
                let (_, review) = self.entry(e);
                name.as_deref().is_none_or(|n| {
                    same_name(review.reviewer.as_deref(), n)
                        || review
                            .comments
                            .iter()
                            .any(|c| same_name(c.author.as_deref(), n))
                })
            })
            .collect();
        self.selected = keep
            .and_then(|k| self.visible.iter().position(|&v| v == k))
            .unwrap_or(0);
        self.status = Some(match &name {
            Some(n) if self.visible.is_empty() => format!("No review by or commented on by {n}"),
            Some(n) => format!(
                "{} of {} reviews with {n} as author or commenter",
                self.visible.len(),
                self.entries.len()
            ),
            None => "Filter cleared".to_owned(),
        });
        self.filter = name;
        self.list_offset = 0;
        self.open_selected();
        self.scroll_to_first_filtered_comment();
    }

    /// Brings the filtered person's first comment into view, a line of context above it.
    fn scroll_to_first_filtered_comment(&mut self) {
        let (Some(entry), Some(name)) = (self.open, self.filter.as_deref()) else {
            return;
        };
        let (_, review) = self.entry(entry);
        let Some(first) = review
            .comments
            .iter()
            .position(|c| same_name(c.author.as_deref(), name))
        else {
            return;
        };
        let line = self
            .open_doc()
            .and_then(|d| d.lines.iter().position(|l| l.comment == Some(first)));
        if let Some(line) = line {
            self.scroll[entry] = line.saturating_sub(1).min(self.max_scroll());
        }
    }

    /// Re-lays out the open review and clamps every offset after a change.
    fn refresh_view(&mut self) {
        self.ensure_doc();
        if self.docs.len() > 64 {
            let open = self.open;
            self.docs.retain(|e, _| Some(*e) == open);
        }
        let max = self.max_scroll();
        if let Some(entry) = self.open {
            self.scroll[entry] = self.scroll[entry].min(max);
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let rows = (self.list_height() / self.list_item_height()).max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        let max_offset = self.visible.len().saturating_sub(rows);
        self.list_offset = self.list_offset.min(max_offset);
    }
}

/// Applies `action` and every follow-up it leads to.
pub fn dispatch(app: &mut App, action: Action) {
    let mut next = Some(action);
    while let Some(action) = next {
        next = update(app, action);
    }
}
