//! The only place state changes: one action in, the effects it asks for out.

use super::{App, Effect, Focus, Mode, Picker, PromptFor, typing};
use crate::action::{Action, Command};
use crate::layout::Arrangement;

/// Applies `action` to `app` and returns the work only the terminal loop can do (I/O,
/// worker threads). Everything that changes state arrives here: keys, the mouse, the
/// terminal's size, and results from other threads (loaded parts, layouts, reloads).
pub fn update(app: &mut App, action: impl Into<Action>) -> Vec<Effect> {
    let view = app.view_now();
    let mut effects: Vec<Effect> = apply(app, action.into()).into_iter().collect();
    app.note_seen();
    app.count_view_changes(view);
    if app.wants_whole_layout() {
        effects.push(Effect::LayOut);
    }
    effects
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    // New data and results from other threads: not the reader acting.
    match action {
        Action::Loaded(part) => app.absorb(part),
        Action::Show => app.absorbed(),
        Action::LoadDone => app.finish_loading(),
        Action::LaidOut(done) => app.install_layout(&done.0, done.1),
        Action::Reloaded(library) => {
            // The reload starts the state afresh: what was asked for goes across it.
            let (asked, changes) = (std::mem::take(&mut app.reread), app.view_changes);
            app.reload(*library);
            app.view_changes = changes;
            app.report_reread(asked);
        }
        Action::Saved => app.saved(),
        Action::Fetch(progress) => app.fetch_progress(progress),
        Action::Sources(rows) => app.set_source_rows(rows),
        Action::Run(Command::Quit) => app.running = false,
        Action::Resize(w, h) => {
            // A huge window is drawn in part: nothing is sized by its whole area.
            app.window = (w, h);
            app.size = crate::layout::drawn(w, h);
            app.refresh_view();
        }
        Action::Notify(message) => {
            app.footer.status = Some(crate::data::sanitize_line(&message));
        }
        action => return act(app, action),
    }
    None
}

/// What the reader does: a key, the mouse, typing.
fn act(app: &mut App, action: Action) -> Option<Effect> {
    app.summary_seen();
    // The reader acts: the review loading opened is theirs now.
    if app.marks.auto_open {
        app.settle_open();
    }
    // Nothing can be seen, so nothing may change unseen.
    if app.panes().arrangement == Arrangement::TooSmall {
        return None;
    }
    match (&mut app.mode, action) {
        (Mode::Help(scroll), Action::Run(command)) => {
            // Laid out as the ui draws it, so scrolling stops where its last line shows.
            let page = app.settings.keymap.help_page(app.size.0, app.size.1);
            let (last, body) = (page.max_scroll(), page.body);
            // A resize since the last key may have made the page shorter.
            *scroll = (*scroll).min(last);
            match command {
                Command::Up => *scroll = scroll.saturating_sub(1),
                Command::Down => *scroll = (*scroll + 1).min(last),
                Command::PageUp => *scroll = scroll.saturating_sub(body),
                Command::PageDown => *scroll = (*scroll + body).min(last),
                Command::HalfPageUp => *scroll = scroll.saturating_sub((body / 2).max(1)),
                Command::HalfPageDown => *scroll = (*scroll + (body / 2).max(1)).min(last),
                Command::Bottom => *scroll = last,
                Command::Top => *scroll = 0,
                Command::Back | Command::Help => app.mode = Mode::Normal,
                _ => {}
            }
        }
        (Mode::Ratings(_), Action::Run(command)) => app.ratings_key(command),
        (Mode::Cast, Action::Run(command)) => {
            let page = app.cast_popup_page();
            app.cast_popup_key(command, page);
        }
        (Mode::Cast, action @ (Action::Click(..) | Action::Wheel(..))) => {
            app.cast_popup_pointer(&action);
        }
        (Mode::Sources(scroll), Action::Run(command)) => {
            let last = app.sources.rows.len().saturating_sub(1);
            match command {
                Command::Up => *scroll = scroll.saturating_sub(1),
                Command::Down => *scroll = (*scroll + 1).min(last),
                Command::Top => *scroll = 0,
                Command::Bottom => *scroll = last,
                Command::Fetch => return app.start_fetch(),
                Command::Back | Command::Sources => app.mode = Mode::Normal,
                _ => {}
            }
        }
        // A popup takes only its own keys. A paste outside a prompt is not typing: it
        // neither runs commands nor clears the footer.
        (Mode::Help(_) | Mode::Ratings(_) | Mode::Sources(_) | Mode::Cast, _)
        | (Mode::Normal, Action::Paste(_)) => {}
        (Mode::Links(_), action) => return app.links_update(&action),
        (Mode::Errors(_), action) => app.errors_update(&action),
        (Mode::Picker(_), action) => picker_update(app, &action),
        (Mode::Prompt(..), action) => prompt_update(app, &action),
        (Mode::Normal, Action::Run(command)) => return normal_update(app, command),
        (Mode::Normal, action) => other_update(app, &action),
    }
    None
}

fn picker_update(app: &mut App, action: &Action) {
    let Mode::Picker(picker) = &mut app.mode else {
        return;
    };
    let count = picker.matches(&app.catalog.people).len();
    match action {
        Action::Input(c) if typing::push_char(&mut picker.query, *c) => picker.cursor = 0,
        Action::Paste(pasted) if typing::push_paste(&mut picker.query, pasted) => {
            picker.cursor = 0;
        }
        Action::DeleteChar => {
            picker.query.pop();
            picker.cursor = 0;
        }
        Action::Run(Command::Up) => picker.cursor = picker.cursor.saturating_sub(1),
        Action::Run(Command::Down) => {
            picker.cursor = (picker.cursor + 1).min(count.saturating_sub(1));
        }
        Action::Run(Command::Top) => picker.cursor = 0,
        Action::Run(Command::Bottom) => picker.cursor = count.saturating_sub(1),
        Action::Run(Command::Open) if count > 0 => {
            let name = picker.matches(&app.catalog.people)[picker.cursor.min(count - 1)]
                .name
                .clone();
            app.mode = Mode::Normal;
            app.set_filter(Some(name));
        }
        Action::Run(Command::Back | Command::Filter) => app.mode = Mode::Normal,
        _ => {}
    }
}

/// Typing a search: the list or the review follows every keystroke.
fn prompt_update(app: &mut App, action: &Action) {
    let Mode::Prompt(target, text) = &mut app.mode else {
        return;
    };
    let target = *target;
    match action {
        Action::Input(c) => {
            if !typing::push_char(text, *c) {
                return;
            }
        }
        Action::Paste(pasted) => {
            if !typing::push_paste(text, pasted) {
                return;
            }
        }
        Action::DeleteChar => {
            text.pop();
        }
        Action::Run(Command::Open) => {
            app.mode = Mode::Normal;
            app.footer.status = Some(
                match (target, app.reading.search.as_ref(), app.list.query.as_ref()) {
                    (PromptFor::Reading, Some(s), _) if s.hits.is_empty() => {
                        format!("No match for “{}”", s.query)
                    }
                    (PromptFor::Reading, Some(_), _) => return,
                    (PromptFor::List, _, Some(q)) => {
                        // One Enter keeps the filter and opens the first hit.
                        let text = q.text.clone();
                        let status = app.list_filter_kept(&text);
                        app.footer.status = Some(status);
                        return;
                    }
                    _ => "Search cancelled".to_owned(),
                },
            );
            return;
        }
        Action::Run(Command::Back) => {
            // Cancelling a prompt undoes only what that prompt did: what was in force
            // before it comes back.
            app.mode = Mode::Normal;
            app.restore_prompt_origin();
            app.footer.status = Some("Search cancelled".to_owned());
            return;
        }
        _ => return,
    }
    let text = text.clone();
    match target {
        PromptFor::Reading => app.set_search(&text, false),
        PromptFor::List => app.set_list_query(&text),
    }
}

/// What is not a command, with no popup open: the mouse, and clearing the filter.
fn other_update(app: &mut App, action: &Action) {
    // A status message answers one action; the next one replaces or clears it.
    app.footer.status = None;
    match *action {
        Action::ClearFilter => app.set_filter(None),
        Action::Click(x, y) => app.click(x, y),
        Action::Wheel(x, y, down) => app.wheel(x, y, down),
        _ => {}
    }
}

fn normal_update(app: &mut App, command: Command) -> Option<Effect> {
    // A status message answers one action; the next one replaces or clears it.
    app.footer.status = None;
    let page = app.reading_height().max(1);
    match command {
        Command::Up => app.move_focused(-1),
        Command::Down => app.move_focused(1),
        Command::Top => app.move_focused(isize::MIN),
        Command::Bottom => app.move_focused(isize::MAX),
        Command::PageUp => app.scroll_or_move(-(page as isize)),
        Command::PageDown => app.scroll_or_move(page as isize),
        Command::HalfPageUp => app.scroll_or_move(-((page / 2).max(1) as isize)),
        Command::HalfPageDown => app.scroll_or_move((page / 2).max(1) as isize),
        Command::FocusNext => app.cycle_focus(1),
        Command::FocusPrev => app.cycle_focus(-1),
        Command::Open => match app.focus {
            Focus::List => {
                app.open_selected();
                if app.reading.open.is_some() {
                    app.focus = Focus::Reading;
                }
            }
            Focus::Cast => app.toggle_cast_focus(),
            Focus::Reading | Focus::Right => {}
        },
        Command::NextSource => app.step_source(1),
        Command::PrevSource => app.step_source(-1),
        Command::Filter => {
            app.catalog.sort_people();
            app.mode = Mode::Picker(Picker::default());
        }
        Command::Help => app.mode = Mode::Help(0),
        Command::Ratings => app.mode = Mode::Ratings(0),
        Command::ToggleCast => app.toggle_cast(),
        Command::Search => {
            let target = if app.focus == Focus::List {
                PromptFor::List
            } else {
                PromptFor::Reading
            };
            app.remember_prompt_origin();
            if target == PromptFor::List {
                app.reading.search = None;
            }
            app.mode = Mode::Prompt(target, String::new());
        }
        Command::NextMatch => app.step_match(true),
        Command::PrevMatch => app.step_match(false),
        Command::NextMention => app.step_mention(true),
        Command::PrevMention => app.step_mention(false),
        Command::NextComment => app.step_comment(true),
        Command::PrevComment => app.step_comment(false),
        Command::ToggleComments => app.toggle_comments(),
        Command::ToggleSpoilers => app.toggle_spoilers(),
        Command::Split => app.toggle_split(),
        Command::Sort => app.change_sort(true),
        Command::ReverseSort => app.change_sort(false),
        Command::Back => back(app),
        Command::NextUnread => app.next_unread(),
        Command::ToggleRead => app.toggle_read(),
        Command::MarkAllRead => app.mark_all_read(),
        Command::HideRead => app.toggle_hide_read(),
        Command::Star => app.toggle_star(),
        Command::CopyUrl => return app.request_url_effect(false),
        Command::OpenUrl => return app.request_url_effect(true),
        Command::Export => return app.request_export(),
        Command::Edit => return app.request_edit(),
        Command::Links => app.open_links(),
        Command::Errors => app.open_errors(),
        Command::Reload => return app.request_reload(),
        Command::Fetch => return app.start_fetch(),
        Command::Sources => return Some(app.open_sources()),
        Command::Suspend => return Some(Effect::Suspend),
        Command::Quit => {}
    }
    None
}

/// Esc undoes the most recent kind of narrowing: search, list text, actor, then filter.
fn back(app: &mut App) {
    if app.reading.search.take().is_some() {
        app.footer.status = Some("Search ended".to_owned());
    } else if app.list.query.is_some() {
        app.set_list_query("");
        app.footer.status = Some("List search cleared".to_owned());
    } else if let Some(focus) = app.reading.cast_focus.take() {
        app.footer.status = Some(format!("{} no longer highlighted", focus.actor));
    } else if app.list.filter.is_some() {
        app.set_filter(None);
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
