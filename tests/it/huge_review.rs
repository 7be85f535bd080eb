//! A review too long to lay out within a frame: its head is laid out at once, the whole of
//! it by the terminal loop's worker, and the reader never loses their line.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::action::{Action, Command};
use reelread::app::{App, update};
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

/// What the terminal loop does when asked for layouts: one job at a time until none is left.
fn run_worker(app: &mut App) -> usize {
    let asked = app.wants_whole_layout();
    let mut done = 0;
    while let Some(job) = app.next_layout_job() {
        assert!(asked, "a head was laid out without asking for the whole");
        let laid_out = doc::build(&job.review, &job.options);
        update(app, Action::LaidOut(Box::new((job, laid_out))));
        done += 1;
        assert!(done < 10, "the same job again and again");
    }
    done
}

#[test]
fn the_head_comes_first_and_matches_the_whole() {
    let mut app = App::new(library());
    update(&mut app, Action::Resize(120, 40));
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
    update(&mut app, Action::Resize(120, 40));
    run_worker(&mut app);
    update(&mut app, Command::FocusNext);
    for _ in 0..200 {
        update(&mut app, Command::PageDown);
    }
    let share = app.scroll() as f64 / app.open_doc().expect("doc").lines.len() as f64;
    assert!(share > 0.1, "scrolled into the review: {share}");

    // A resize asks for a new whole layout; one made for the old width arrives first.
    assert!(
        app.next_layout_job().is_none(),
        "nothing to do while the layout is whole"
    );
    update(&mut app, Action::Resize(100, 40));
    let job = app.next_layout_job().expect("head only after the resize");
    let old = doc::Options {
        width: job.options.width + 7,
        ..job.options
    };
    let laid_out = doc::build(&job.review, &old);
    update(&mut app, Action::LaidOut(Box::new((job, laid_out))));
    assert!(
        app.open_doc().expect("doc").estimated_lines.is_some(),
        "stale layout dropped"
    );
    assert_eq!(run_worker(&mut app), 1);
    let lines = app.open_doc().expect("doc").lines.len();
    // The head was placed by an estimate; the whole puts the reader at the same share.
    let after = app.scroll() as f64 / lines as f64;
    assert!((after - share).abs() < 0.002, "{share} then {after}");
    assert!(screen(&app).contains(&format!("/{lines} ·")));
}

#[test]
fn both_sides_of_a_split_get_their_whole_layout() {
    let mut library = library();
    let body = library.collections[0].reviews[0].body.clone();
    library.collections[0].reviews[1].body = body;
    let mut app = App::new(library);
    update(&mut app, Action::Resize(160, 40));
    run_worker(&mut app);
    // Compare the first review with the second: both huge, both laid out head first.
    update(&mut app, Command::Down);
    update(&mut app, Command::Split);
    assert!(app.right_entry().is_some(), "split open");
    assert_eq!(run_worker(&mut app), 2, "one job per side");
    for entry in [app.open_entry(), app.right_entry()].into_iter().flatten() {
        let doc = app.doc(entry).expect("laid out");
        assert_eq!(doc.estimated_lines, None, "entry {entry} is whole");
    }
}

#[test]
fn a_layout_begun_before_a_reload_is_not_applied_after_it() {
    let mut app = App::new(library());
    update(&mut app, Action::Resize(120, 40));
    let stale = app.next_layout_job().expect("head only");
    let mut edited = library();
    edited.collections[0].reviews[0].body =
        format!("EDITED\n\n{}", edited.collections[0].reviews[0].body);
    update(&mut app, Action::Reloaded(Box::new(edited)));
    let laid_out = doc::build(&stale.review, &stale.options);
    update(&mut app, Action::LaidOut(Box::new((stale, laid_out))));
    let doc = app.open_doc().expect("laid out");
    assert!(
        doc.estimated_lines.is_some(),
        "the old text's layout was dropped"
    );
    assert!(doc.plain_lines().iter().any(|l| l.contains("EDITED")));
    assert_eq!(run_worker(&mut app), 1);
    let whole = app.open_doc().expect("laid out");
    assert!(whole.estimated_lines.is_none());
    assert!(whole.plain_lines().iter().any(|l| l.contains("EDITED")));
}

#[test]
fn going_past_the_head_lays_out_the_rest_at_once() {
    let mut library = library();
    library.collections[0].reviews[0]
        .body
        .push_str("\n\nThe very last word is zanzibar.");
    let mut app = App::new(library);
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Command::FocusNext);
    assert!(app.open_doc().expect("doc").estimated_lines.is_some());
    // End before the worker is done: the reader gets the end, not the head's end.
    update(&mut app, Command::Bottom);
    let doc = app.open_doc().expect("doc");
    assert_eq!(doc.estimated_lines, None);
    assert_eq!(app.scroll(), doc.lines.len() - app.reading_height());

    // A search typed while only the head is laid out still searches everything.
    let mut app = App::new(app.library().clone());
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Command::FocusNext);
    update(&mut app, Command::Search);
    for c in "zanzibar".chars() {
        update(&mut app, Action::Input(c));
    }
    let search = app.search().expect("search");
    assert_eq!(search.hits.len(), 1, "{:?}", app.status());
    assert!(screen(&app).contains("zanzibar"));
    assert_eq!(run_worker(&mut app), 0, "nothing left for the worker");
}
