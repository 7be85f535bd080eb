//! The only place state changes: one action in, maybe a follow-up action out.

use super::{Action, App, Focus, Mode, Picker, PromptFor};
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
            app.refresh_view();
            None
        }
        (_, Action::Notify(message)) => {
            app.status = Some(crate::data::sanitize_line(&message));
            None
        }
        // The reader acts: the review loading opened is theirs now.
        (_, action) if app.auto_open => {
            app.settle_open();
            update(app, action)
        }
        // Nothing can be seen, so nothing may change unseen.
        (_, _) if too_small => None,
        (Mode::Help(scroll), action) => {
            // The popup shows at least a screenful minus its frame; never scroll past the end.
            let rows = app.settings.keymap.help_rows().len();
            let body = usize::from(app.size.1.saturating_sub(3)).max(1);
            let last = rows.saturating_sub(body);
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = (*scroll + 1).min(last),
                Action::Bottom => *scroll = last,
                Action::Top => *scroll = 0,
                Action::Back | Action::Help => app.mode = Mode::Normal,
                _ => {}
            }
            None
        }
        (Mode::Ratings, Action::Back | Action::Ratings) => {
            app.mode = Mode::Normal;
            None
        }
        (Mode::Ratings, _) => None,
        (Mode::Picker(_), action) => picker_update(app, &action),
        (Mode::Prompt(..), action) => prompt_update(app, &action),
        (Mode::Normal, action) => normal_update(app, &action),
    }
}

fn picker_update(app: &mut App, action: &Action) -> Option<Action> {
    let Mode::Picker(picker) = &mut app.mode else {
        return None;
    };
    let count = picker.matches(&app.people).len();
    match action {
        Action::Input(c) => {
            picker.query.push(*c);
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
        Action::Open if count > 0 => {
            let name = picker.matches(&app.people)[picker.cursor.min(count - 1)]
                .name
                .clone();
            app.mode = Mode::Normal;
            app.set_filter(Some(name));
        }
        Action::Back | Action::Filter => app.mode = Mode::Normal,
        _ => {}
    }
    None
}

/// Typing a search: the list or the review follows every keystroke.
fn prompt_update(app: &mut App, action: &Action) -> Option<Action> {
    let Mode::Prompt(target, text) = &mut app.mode else {
        return None;
    };
    let target = *target;
    match action {
        Action::Input(c) => text.push(*c),
        Action::DeleteChar => {
            text.pop();
        }
        Action::Open => {
            app.mode = Mode::Normal;
            app.status = Some(
                match (target, app.search.as_ref(), app.list_query.as_ref()) {
                    (PromptFor::Reading, Some(s), _) if s.hits.is_empty() => {
                        format!("No match for “{}”", s.query)
                    }
                    (PromptFor::Reading, Some(_), _) => return None,
                    (PromptFor::List, _, Some(q)) => {
                        let n = app.visible.len();
                        let noun = if n == 1 {
                            "review contains"
                        } else {
                            "reviews contain"
                        };
                        format!("{n} {noun} “{}” · Enter opens · Esc clears", q.text)
                    }
                    _ => "Search cancelled".to_owned(),
                },
            );
            return None;
        }
        Action::Back => {
            // Cancelling a prompt undoes only what that prompt did: what was in force
            // before it comes back.
            app.mode = Mode::Normal;
            app.restore_prompt_origin();
            app.status = Some("Search cancelled".to_owned());
            return None;
        }
        _ => return None,
    }
    let text = text.clone();
    match target {
        PromptFor::Reading => app.set_search(&text, false),
        PromptFor::List => app.set_list_query(&text),
    }
    None
}

fn normal_update(app: &mut App, action: &Action) -> Option<Action> {
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
        Action::Open => match app.focus {
            Focus::List => {
                app.open_selected();
                if app.open.is_some() {
                    app.focus = Focus::Reading;
                }
            }
            Focus::Cast => app.toggle_cast_focus(),
            Focus::Reading | Focus::Right => {}
        },
        Action::NextSource => app.step_source(1),
        Action::PrevSource => app.step_source(-1),
        Action::Filter => {
            app.sort_people();
            app.mode = Mode::Picker(Picker::default());
        }
        Action::Help => app.mode = Mode::Help(0),
        Action::Ratings => app.mode = Mode::Ratings,
        Action::Search => {
            let target = if app.focus == Focus::List {
                PromptFor::List
            } else {
                PromptFor::Reading
            };
            app.remember_prompt_origin();
            if target == PromptFor::List {
                app.search = None;
            }
            app.mode = Mode::Prompt(target, String::new());
        }
        Action::NextMatch => app.step_match(true),
        Action::PrevMatch => app.step_match(false),
        Action::NextMention => app.step_mention(true),
        Action::PrevMention => app.step_mention(false),
        Action::NextComment => app.step_comment(true),
        Action::PrevComment => app.step_comment(false),
        Action::ToggleComments => app.toggle_comments(),
        Action::ToggleSpoilers => app.toggle_spoilers(),
        Action::Split => app.toggle_split(),
        Action::Sort => app.change_sort(true),
        Action::ReverseSort => app.change_sort(false),
        Action::Back => return back(app),
        Action::ClearFilter => app.set_filter(None),
        Action::NextUnread => app.next_unread(),
        Action::ToggleRead => app.toggle_read(),
        Action::HideRead => app.toggle_hide_read(),
        Action::Star => app.toggle_star(),
        Action::CopyUrl => app.request_url_effect(false),
        Action::OpenUrl => app.request_url_effect(true),
        Action::Export => app.request_export(),
        Action::Suspend => app.effects.push(super::Effect::Suspend),
        Action::Click(x, y) => app.click(*x, *y),
        Action::Wheel(x, y, down) => app.wheel(*x, *y, *down),
        Action::Quit
        | Action::Resize(..)
        | Action::Input(_)
        | Action::DeleteChar
        | Action::Notify(_) => {}
    }
    None
}

/// Esc undoes the most recent kind of narrowing: search, list text, actor, then filter.
fn back(app: &mut App) -> Option<Action> {
    if app.search.take().is_some() {
        app.status = Some("Search ended".to_owned());
    } else if app.list_query.is_some() {
        app.set_list_query("");
        app.status = Some("List search cleared".to_owned());
    } else if let Some(focus) = app.cast_focus.take() {
        app.status = Some(format!("{} no longer highlighted", focus.actor));
    } else if app.filter.is_some() {
        return Some(Action::ClearFilter);
    }
    None
}

/// Applies `action` and every follow-up it leads to.
pub fn dispatch(app: &mut App, action: Action) {
    let mut next = Some(action);
    while let Some(action) = next {
        next = update(app, action);
    }
}

#[cfg(test)]
mod tests {
    use super::super::nav::step;

    #[test]
    fn step_saturates_at_both_ends() {
        assert_eq!(step(0, -1, 4), 0);
        assert_eq!(step(3, 5, 4), 4);
        assert_eq!(step(2, isize::MIN, 4), 0);
    }
}
