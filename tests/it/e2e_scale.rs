//! The real binary on a library of 600 reviews in a pseudo-terminal: it loads in the
//! background, ends with every review listed and the progress indicator gone, filters by
//! text over everything, and reports the broken files once the terminal is back.
//! Nothing here depends on how fast loading is.

use crate::support::library;
use crate::support::pty;

use library::{REVIEWS_PER_FILM, library_dir};
use pty::Pty;

const BIN: &str = env!("CARGO_BIN_EXE_reelread");

#[test]
fn a_library_loads_in_the_background_and_is_searchable_when_done() {
    let dir = library_dir();
    let total = 2 * REVIEWS_PER_FILM;
    let path = dir.path().to_string_lossy().into_owned();
    let mut app = Pty::spawn(BIN, &[&path], 140, 40);
    let all = format!("Reviews {total}");
    let s = app.wait_for("every review listed, loading done", |s| {
        s.pane(&all).is_some() && !s.contains("Loading…")
    });
    assert!(
        s.contains("2 files skipped"),
        "the footer names the broken files:\n{}",
        s.text()
    );
    assert!(s.pane_contains(&all, "Review 0 of alpha"), "{}", s.text());
    assert!(
        s.pane_contains(&all, "  Film alpha") && !s.pane_contains(&all, "unknown"),
        "rows name their film in a library, and nothing unknown:\n{}",
        s.text()
    );

    // The text filter covers reviews from the last film too.
    let library = reelread::data::load_path(dir.path());
    let expected = library
        .reviews()
        .filter(|(_, r)| reelread::query::grep_hits(r, "rothko") > 0)
        .count();
    assert!(expected > 0 && expected < total);
    app.send("/rothko");
    let narrowed = format!("Reviews {expected}/{total}");
    let s = app.wait_for("the list narrowed to reviews with Rothko", |s| {
        s.pane(&narrowed).is_some()
    });
    assert!(s.contains("hit"), "rows show hit counts:\n{}", s.text());
    // One Enter keeps the filter and opens the first hit; Shift-Tab goes back to the list.
    app.send("\r");
    app.wait_for("the first hit open, its search in the footer", |s| {
        s.contains("/rothko")
    });
    app.send("\x1b[Z");
    app.send("G");
    app.wait_for("the last matching review, from the second film", |s| {
        s.pane(&narrowed)
            .is_some_and(|list| list.contains("of beta"))
    });

    app.send("q");
    let status = app.wait_exit();
    assert!(status.success(), "{status:?}");
    let output = String::from_utf8_lossy(&app.raw_output()).into_owned();
    for film in ["alpha", "beta"] {
        let broken = format!("{film}/reviews/zz-broken.toml:1:");
        assert!(
            output.contains(&broken),
            "after quitting, the errors are printed: {broken}"
        );
    }
}
