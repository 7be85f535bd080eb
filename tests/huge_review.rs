//! A review too long to lay out within a frame: its head is laid out at once, the whole of
//! it by the terminal loop's worker, and the reader never loses their line.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::app::{Action, App, Effect, dispatch};
use reelread::data::{Library, bundled_library};
use reelread::doc;

/// The bundled collection with its first review's body repeated to about 1 MB.
fn library() -> Library {
    let mut library = bundled_library();
    let review = &mut library.collections[0].reviews[0];
    let paragraph = format!("\n\n{}", review.body);
    while review.body.len() < 1_000_000 {
        review.body.push_str(&paragraph);
    }
    library
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the terminal loop does with a layout request.
fn run_worker(app: &mut App) -> usize {
    let mut done = 0;
    for effect in app.take_effects() {
        if let Effect::LayOut(entry) = effect
            && let Some((review, options)) = app.layout_job(entry)
        {
            app.install_layout(entry, doc::build(&review, &options));
            done += 1;
        }
    }
    done
}

#[test]
fn the_head_comes_first_and_matches_the_whole() {
    let mut app = App::new(library());
    dispatch(&mut app, Action::Resize(120, 40));
    let head = app.open_doc().expect("laid out").clone();
    let estimate = head.estimated_lines.expect("only the head is laid out");
    assert!(
        head.lines.len() >= 2 * app.reading_height(),
        "covers the screen"
    );
    assert!(
        head.lines.len() < 2_000,
        "{} lines: not the whole",
        head.lines.len()
    );
    assert!(screen(&app).contains("laying out the rest"));

    assert_eq!(run_worker(&mut app), 1);
    let whole = app.open_doc().expect("laid out");
    assert_eq!(whole.estimated_lines, None);
    assert!(whole.lines.len() > 10_000);
    let within = whole.lines.len() / 2;
    assert!(
        estimate.abs_diff(whole.lines.len()) < within,
        "estimate {estimate}"
    );
    assert_eq!(
        head.plain_lines(),
        whole.plain_lines()[..head.lines.len()].to_vec(),
        "the head's lines are the whole layout's first lines"
    );
    assert!(screen(&app).contains(&format!("/{} ·", whole.lines.len())));
}

#[test]
fn a_layout_for_an_old_width_is_dropped_and_the_place_is_kept() {
    let mut app = App::new(library());
    dispatch(&mut app, Action::Resize(120, 40));
    run_worker(&mut app);
    dispatch(&mut app, Action::FocusNext);
    for _ in 0..200 {
        dispatch(&mut app, Action::PageDown);
    }
    let share = app.scroll() as f64 / app.open_doc().expect("doc").lines.len() as f64;
    assert!(share > 0.1, "scrolled into the review: {share}");

    // A resize asks for a new whole layout; one made for the old width arrives first.
    let stale = app.layout_job(0);
    assert!(stale.is_none(), "nothing to do while the layout is whole");
    dispatch(&mut app, Action::Resize(100, 40));
    let (review, options) = app.layout_job(0).expect("head only after the resize");
    let old = doc::Options {
        width: options.width + 7,
        ..options
    };
    app.install_layout(0, doc::build(&review, &old));
    assert!(
        app.open_doc().expect("doc").estimated_lines.is_some(),
        "stale layout dropped"
    );
    let head_top = app.scroll();
    assert_eq!(run_worker(&mut app), 1);
    let lines = app.open_doc().expect("doc").lines.len();
    assert_eq!(
        app.scroll(),
        head_top,
        "the same line before and after the whole arrives"
    );
    let after = app.scroll() as f64 / lines as f64;
    assert!((after - share).abs() < 0.1, "{share} then {after}");
    assert!(screen(&app).contains(&format!("/{lines} ·")));
}
