//! What a prompt takes in, typed or pasted: a one-line text of at most [`PROMPT_MAX`]
//! characters, so a huge paste or a flood of keys cannot make every keystroke search
//! with a megabyte-long query.

/// The most characters a prompt (search, list filter, reviewer picker) holds; typing or
/// pasting beyond it is dropped.
pub const PROMPT_MAX: usize = 1000;

/// Adds a typed character, if the prompt has room; true when it did.
pub(super) fn push_char(text: &mut String, c: char) -> bool {
    let room = text.chars().count() < PROMPT_MAX;
    if room {
        text.push(c);
    }
    room
}

/// Adds pasted text as one line: line breaks folded to spaces, control and invisible
/// characters made visible (`sanitize_line`), cut to the prompt's room; true when the
/// prompt changed.
pub(super) fn push_paste(text: &mut String, pasted: &str) -> bool {
    let room = PROMPT_MAX.saturating_sub(text.chars().count());
    if room == 0 {
        return false;
    }
    // Sanitising may expand a tab to four spaces and trims the ends, so a few times the
    // room is read; the rest of a huge paste is never looked at.
    let head: String = pasted
        .chars()
        .take(room.saturating_mul(4).max(64))
        .collect();
    let line = head.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let clean = crate::data::sanitize_line(&line);
    let before = text.len();
    text.extend(clean.chars().take(room));
    text.len() != before
}

#[cfg(test)]
mod tests {
    use super::{PROMPT_MAX, push_char, push_paste};
    use crate::action::{Action, Command};
    use crate::app::{App, Mode, PromptFor, update};

    /// The bundled collection at 120x40, the list focused.
    fn app() -> App {
        let mut app = App::new(crate::data::bundled_library());
        update(&mut app, Action::Resize(120, 40));
        app
    }

    fn paste(app: &mut App, text: &str) {
        update(app, Action::Paste(text.to_owned()));
    }

    fn prompt_text(app: &App) -> &str {
        match app.mode() {
            Mode::Prompt(_, text) => text,
            mode => panic!("no prompt open: {mode:?}"),
        }
    }

    #[test]
    fn a_paste_into_the_list_filter_filters_the_list() {
        let mut app = app();
        update(&mut app, Command::Search);
        assert!(matches!(app.mode(), Mode::Prompt(PromptFor::List, _)));
        paste(&mut app, "Trailer\r\nPark");
        assert_eq!(prompt_text(&app), "Trailer Park");
        assert_eq!(
            app.list_query().map(|q| q.text.as_str()),
            Some("Trailer Park")
        );
        assert_eq!(app.visible_len(), 1);
    }

    #[test]
    fn a_paste_into_the_review_search_searches() {
        let mut app = app();
        update(&mut app, Command::FocusNext);
        update(&mut app, Command::Search);
        assert!(matches!(app.mode(), Mode::Prompt(PromptFor::Reading, _)));
        update(&mut app, Action::Input('g'));
        paste(&mut app, "rac\ne");
        assert_eq!(prompt_text(&app), "grac e");
        assert_eq!(app.search().map(|s| s.query.as_str()), Some("grac e"));
    }

    #[test]
    fn a_paste_into_the_picker_narrows_it() {
        let mut app = app();
        update(&mut app, Command::Filter);
        update(&mut app, Command::Down);
        paste(&mut app, "pam\n");
        let Mode::Picker(picker) = app.mode() else {
            panic!("the picker closed")
        };
        assert_eq!(picker.query, "pam");
        assert_eq!(picker.cursor, 0);
        assert_eq!(picker.matches(app.people()).len(), 1);
    }

    #[test]
    fn a_huge_paste_is_capped_in_every_prompt() {
        let huge = "ab\n".repeat(400_000);
        let mut app = app();
        update(&mut app, Command::Search);
        paste(&mut app, &huge);
        assert_eq!(prompt_text(&app).chars().count(), PROMPT_MAX);
        assert!(prompt_text(&app).starts_with("ab ab ab"));
        update(&mut app, Action::Input('z'));
        assert!(!prompt_text(&app).ends_with('z'), "typed past the cap");
        update(&mut app, Command::Back);
        update(&mut app, Command::Filter);
        paste(&mut app, &huge);
        let Mode::Picker(picker) = app.mode() else {
            panic!("the picker closed")
        };
        assert_eq!(picker.query.chars().count(), PROMPT_MAX);
    }

    #[test]
    fn a_paste_outside_a_prompt_changes_nothing() {
        let mut app = app();
        update(&mut app, Command::PrevSource);
        let status = app.status().map(str::to_owned);
        assert!(status.is_some());
        paste(&mut app, "jjjj/q");
        assert!(app.is_running());
        assert_eq!(app.mode(), &Mode::Normal);
        assert_eq!(app.selected(), 0);
        assert_eq!(
            app.status().map(str::to_owned),
            status,
            "the paste cleared the footer"
        );
        update(&mut app, Command::Help);
        paste(&mut app, "q");
        assert_eq!(app.mode(), &Mode::Help(0));
    }

    #[test]
    fn a_paste_becomes_one_sanitised_line() {
        let mut text = "find ".to_owned();
        assert!(push_paste(&mut text, "one\r\ntwo\rthree\nfour\x1b]0;x\x07"));
        assert_eq!(text, "find one two three four␛]0;x␇");
    }

    #[test]
    fn a_paste_is_cut_to_the_room_left() {
        let mut text = "x".repeat(PROMPT_MAX - 3);
        assert!(push_paste(&mut text, &"é".repeat(1 << 20)));
        assert_eq!(text.chars().count(), PROMPT_MAX);
        assert!(text.ends_with("xééé"));
        assert!(!push_paste(&mut text, "more"), "a full prompt took more");
        assert_eq!(text.chars().count(), PROMPT_MAX);
    }

    #[test]
    fn an_empty_or_blank_paste_changes_nothing() {
        let mut text = "a".to_owned();
        assert!(!push_paste(&mut text, ""));
        assert!(!push_paste(&mut text, "\r\n\t "));
        assert_eq!(text, "a");
    }

    #[test]
    fn typing_stops_at_the_cap() {
        let mut text = String::new();
        for _ in 0..PROMPT_MAX {
            assert!(push_char(&mut text, 'j'));
        }
        assert!(!push_char(&mut text, 'j'));
        assert_eq!(text.chars().count(), PROMPT_MAX);
    }
}
