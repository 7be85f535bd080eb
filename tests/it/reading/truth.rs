//! The reader's state says what is true after each key: the sidebar after `z`, the
//! hide-read counts, messages with their plurals, the sort directions, the list filter's
//! Enter, the picker's order, the `%` seen and folding comments back and forth.

use super::*;

#[test]
fn showing_spoilers_updates_the_sidebar_counts() {
    let mut library = bundled_library();
    library.collections[0].reviews[GUILT].body = "Kevin runs. ||Ty Parker wins.||".into();
    let mut app = app_with(library);
    let ty_parker = 6;
    let reach = app.cast_reach()[ty_parker];
    assert_eq!(app.open_mentions()[ty_parker], 0);
    focus_on(&mut app, Focus::Reading);
    send(&mut app, &[Command::ToggleSpoilers]);
    assert_eq!(app.open_mentions()[ty_parker], 1, "the sidebar stays at ×0");
    assert_eq!(app.cast_reach()[ty_parker], reach + 1, "in N of M reviews");
    send(&mut app, &[Command::ToggleSpoilers]);
    assert_eq!(app.open_mentions()[ty_parker], 0);
    assert_eq!(app.cast_reach()[ty_parker], reach);
}
