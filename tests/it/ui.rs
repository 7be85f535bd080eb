//! Whole-screen snapshots on ratatui's `TestBackend`, plus checks on what the buffer holds.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::action::{Action, Command};
use reelread::app::{App, update};
use reelread::data::bundled_library;

mod ratings;

fn app_at(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = App::new(bundled_library());
    update(&mut app, Action::Resize(width, height));
    for action in actions {
        update(&mut app, action.clone());
    }
    app
}

fn filter_by(name: &str) -> Vec<Action> {
    let mut actions = vec![Action::Run(Command::Filter)];
    actions.extend(name.chars().map(Action::Input));
    actions.push(Action::Run(Command::Open));
    actions
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    terminal
}

fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

const SIZES: [(u16, u16); 3] = [(120, 40), (60, 20), (30, 8)];

/// The screen as text with runs of cells matching `marked` wrapped in «», so a snapshot
/// pins which text is highlighted, not only what is written.
fn marked_text(
    terminal: &Terminal<TestBackend>,
    marked: impl Fn(&ratatui::buffer::Cell) -> bool,
) -> String {
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        let mut inside = false;
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if marked(cell) != inside {
                text.push(if inside { '»' } else { '«' });
                inside = !inside;
            }
            text.push_str(cell.symbol());
        }
        if inside {
            text.push('»');
        }
        text.push('\n');
    }
    text
}

fn type_into(actions: &mut Vec<Action>, text: &str) {
    actions.extend(text.chars().map(Action::Input));
}

#[test]
fn default_screen() {
    for (w, h) in SIZES {
        let terminal = draw(&app_at(w, h, &[]));
        insta::assert_snapshot!(format!("default_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn filtered_screen() {
    for (w, h) in SIZES {
        let terminal = draw(&app_at(w, h, &filter_by("pam")));
        insta::assert_snapshot!(format!("filtered_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn help_popup() {
    for (w, h) in SIZES {
        let terminal = draw(&app_at(w, h, &[Action::Run(Command::Help)]));
        insta::assert_snapshot!(format!("help_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn reviewer_picker() {
    let mut actions = vec![Action::Run(Command::Filter)];
    actions.extend("r".chars().map(Action::Input));
    let terminal = draw(&app_at(120, 40, &actions));
    insta::assert_snapshot!("picker_120x40", terminal.backend());
}

#[test]
fn search_highlight() {
    use ratatui::style::Color;
    let mut actions = vec![
        Action::Run(Command::FocusNext),
        Action::Run(Command::Search),
    ];
    type_into(&mut actions, "running");
    actions.extend([Action::Run(Command::Open), Action::Run(Command::NextMatch)]);
    let app = app_at(120, 40, &actions);
    let terminal = draw(&app);
    let text = marked_text(&terminal, |c| {
        matches!(c.bg, Color::Yellow | Color::LightRed)
    });
    assert!(text.contains("«Running»"), "{text}");
    insta::assert_snapshot!("search_120x40", text);
}

#[test]
fn cast_highlight() {
    use ratatui::style::Color;
    // Focus the sidebar, pick Billy Crudup (second), highlight, jump to his first mention.
    let actions = [
        Action::Run(Command::FocusNext),
        Action::Run(Command::FocusNext),
        Action::Run(Command::Down),
        Action::Run(Command::Open),
        Action::Run(Command::NextMention),
    ];
    let app = app_at(120, 40, &actions);
    let terminal = draw(&app);
    let text = marked_text(&terminal, |c| c.fg == Color::LightCyan);
    assert!(
        text.contains("«Coach K»") || text.contains("«Crudup»"),
        "{text}"
    );
    insta::assert_snapshot!("cast_highlight_120x40", text);
}

#[test]
fn split_view() {
    for (w, h) in [(200, 50), (80, 24)] {
        let terminal = draw(&app_at(
            w,
            h,
            &[
                Action::Run(Command::Split),
                Action::Run(Command::NextSource),
            ],
        ));
        insta::assert_snapshot!(format!("split_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn the_filtered_persons_comments_are_marked() {
    // Applying the filter scrolls the open review to the person's first comment.
    let app = app_at(120, 40, &filter_by("pam"));
    let text = screen_text(&draw(&app));
    let marked: Vec<&str> = text.lines().filter(|l| l.contains('▌')).collect();
    assert!(
        marked.iter().any(|l| l.contains("Pam Wattenbarger")),
        "no marked line names Pam:\n{text}"
    );
    assert!(marked.iter().all(|l| !l.contains("Debra Hawkins")));
}

#[test]
fn the_sidebar_counts_people_the_review_mentions() {
    let text = screen_text(&draw(&app_at(120, 40, &[])));
    assert!(text.contains("Cast · 7/9 mentioned"), "{text}");
    let rogers = text
        .lines()
        .find(|l| l.contains("Graham Rogers"))
        .expect("Rogers row");
    assert!(
        rogers.contains("◇ Graham Rogers") && rogers.contains('×'),
        "{rogers}"
    );
    let parker = text
        .lines()
        .find(|l| l.contains("Ty Parker"))
        .expect("Parker row");
    assert!(!parker.contains('◇') && !parker.contains('×'), "{parker}");
}

#[test]
fn position_and_scrollbar_follow_the_scroll() {
    let app = app_at(
        120,
        40,
        &[
            Action::Run(Command::FocusNext),
            Action::Run(Command::PageDown),
        ],
    );
    let text = screen_text(&draw(&app));
    let total = app.open_doc().map(|d| d.lines.len()).unwrap_or_default();
    let expected = format!("line {}/{total}", app.scroll() + 1);
    assert!(
        app.scroll() > 0 && text.contains(&expected),
        "{expected} missing:\n{text}"
    );
}

#[test]
fn drawing_never_panics_at_any_size() {
    for w in (0..=130).step_by(13) {
        for h in (0..=45).step_by(6) {
            for actions in [vec![], filter_by("liz"), vec![Action::Run(Command::Help)]] {
                let _ = draw(&app_at(w, h, &actions));
            }
        }
    }
}

#[test]
fn the_hardening_sizes_never_panic_in_any_state() {
    let typed = |a: Action, text: &str| {
        let mut v = vec![a];
        v.extend(text.chars().map(Action::Input));
        v
    };
    let states: Vec<Vec<Action>> = vec![
        vec![],
        vec![Action::Run(Command::FocusNext)],
        vec![
            Action::Run(Command::FocusNext),
            Action::Run(Command::FocusNext),
        ],
        vec![Action::Run(Command::Help)],
        typed(Action::Run(Command::Filter), "li"),
        typed(Action::Run(Command::Search), "kev"),
        vec![
            Action::Run(Command::FocusNext),
            Action::Run(Command::Search),
            Action::Input('r'),
            Action::Run(Command::Open),
            Action::Run(Command::NextMatch),
        ],
        vec![Action::Run(Command::Ratings)],
        vec![
            Action::Run(Command::Split),
            Action::Run(Command::FocusNext),
            Action::Run(Command::FocusNext),
            Action::Run(Command::NextSource),
        ],
        vec![
            Action::Run(Command::FocusNext),
            Action::Run(Command::FocusNext),
            Action::Run(Command::Down),
            Action::Run(Command::Open),
            Action::Run(Command::NextMention),
        ],
        vec![
            Action::Run(Command::Bottom),
            Action::Run(Command::Open),
            Action::Run(Command::ToggleComments),
            Action::Run(Command::NextComment),
        ],
        vec![
            Action::Run(Command::HideRead),
            Action::Run(Command::Sort),
            Action::Run(Command::ReverseSort),
            Action::Run(Command::Star),
        ],
    ];
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 1),
        (1, 40),
        (300, 1),
        (300, 300),
        (40, 10),
        (39, 9),
    ] {
        for actions in &states {
            let mut app = app_at(120, 40, actions);
            update(&mut app, Action::Resize(w, h));
            let _ = draw(&app);
            // And the same actions taken at that size.
            let mut app = app_at(w, h, actions);
            for action in actions {
                update(&mut app, action.clone());
            }
            let _ = draw(&app);
        }
    }
}

#[test]
fn a_huge_window_is_laid_out_and_drawn_at_the_maximum_size() {
    // Before the clamp, this size was laid out as is and ratatui's buffers for it asked
    // for 206 GB; now everything is sized by the drawn corner.
    let app = app_at(65535, 65535, &[Action::Run(Command::NextSource)]);
    let drawn = (
        reelread::layout::MAX_DRAWN_WIDTH,
        reelread::layout::MAX_DRAWN_HEIGHT,
    );
    assert_eq!(app.size(), drawn);
    assert!(app.is_clamped());
    let reading = app.panes().reading.expect("a reading pane");
    assert!(reading.right() <= drawn.0 && reading.bottom() <= drawn.1);
    let width = app.open_doc().map(|d| d.options.width);
    assert!(
        width.is_some_and(|w| w <= usize::from(drawn.0)),
        "{width:?}"
    );
    let text = screen_text(&draw(&app));
    let header = text.lines().next().unwrap_or_default();
    assert!(
        header.contains("window larger than 1000×500: drawing the top-left part"),
        "{header}"
    );
    // Back to an ordinary size: no note.
    let mut app = app;
    update(&mut app, Action::Resize(120, 40));
    assert!(!app.is_clamped());
    assert!(!screen_text(&draw(&app)).contains("window larger"));
}

#[test]
fn the_widget_draws_no_more_than_the_maximum_into_a_larger_buffer() {
    let app = app_at(1200, 40, &[]);
    let mut terminal = Terminal::new(TestBackend::new(1200, 40)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(&app, frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let beyond = (reelread::layout::MAX_DRAWN_WIDTH..1200).all(|x| buffer[(x, 0)].symbol() == " ");
    assert!(beyond, "cells right of the drawn part were written");
}

mod rough;
