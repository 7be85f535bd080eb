//! Live reload at the state machine: the folder is loaded again after files change on
//! disk (as the watcher would), and the footer says what happened to which file.

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::action::{Action, Command};
use reelread::app::{App, update};
use reelread::data::load_path;

/// A copy of the bundled collection in a temporary folder.
fn collection() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let to = dir.path().join("1-mile-to-you");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/1-mile-to-you");
    std::fs::create_dir_all(to.join("reviews")).expect("mkdir");
    std::fs::copy(from.join("film.toml"), to.join("film.toml")).expect("film");
    for entry in std::fs::read_dir(from.join("reviews")).expect("reviews") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join("reviews").join(entry.file_name())).expect("copy");
    }
    (dir, to)
}

fn break_file(dir: &Path, id: &str) {
    std::fs::write(
        dir.join(format!("reviews/{id}.toml")),
        "title = \"unterminated\nbody = [\n",
    )
    .expect("write");
}

fn retitle(dir: &Path, id: &str, title: &str) {
    let path = dir.join(format!("reviews/{id}.toml"));
    let text = std::fs::read_to_string(&path).expect("read");
    let text: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("title = ") {
                format!("title = \"{title}\"")
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&path, text.join("\n") + "\n").expect("write");
}

fn reload(app: &mut App, dir: &Path) {
    update(app, Action::Reloaded(Box::new(load_path(dir))));
}

fn footer(app: &App) -> String {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..width)
        .map(|x| buffer[(x, height - 1)].symbol())
        .collect()
}

#[test]
fn a_reload_blames_the_file_just_broken_not_the_one_broken_before() {
    let (_tmp, dir) = collection();
    break_file(&dir, "heartwarming-story");
    let mut app = App::new(load_path(&dir));
    update(&mut app, Action::Resize(120, 40));

    break_file(&dir, "power-in-your-pain");
    reload(&mut app, &dir);
    let status = app.status().unwrap_or_default().to_owned();
    assert!(
        status.starts_with("Reload: reviews/power-in-your-pain.toml:"),
        "{status}"
    );
    assert!(!status.contains("heartwarming"), "{status}");
    assert!(status.contains("its last good version stays"), "{status}");
    assert!(!status.contains(&*dir.to_string_lossy()), "{status}");
    // Cut at 120 columns, what is wrong comes first and the file is still named.
    let shown = footer(&app);
    assert!(shown.contains("power-in-your-pain"), "{shown}");
    assert!(!shown.contains("Reload: reviews"), "{shown}");
    let cut = app.status_cut().expect("a form to show when cut");
    assert!(shown.trim_start().starts_with(&cut[..20]), "{shown}");

    // A successful save says so, and how many files still have problems.
    update(&mut app, Command::Down);
    retitle(&dir, "keep-on-running", "Edited Title");
    reload(&mut app, &dir);
    assert_eq!(
        app.status(),
        Some(&*format!(
            "Reloaded reviews/keep-on-running.toml · 2 files still have problems: `reelread check {}` tells why",
            dir.display()
        ))
    );

    // Mending the files leaves nothing to warn about.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/1-mile-to-you/reviews/power-in-your-pain.toml"),
        dir.join("reviews/power-in-your-pain.toml"),
    )
    .expect("copy");
    reload(&mut app, &dir);
    assert_eq!(
        app.status()
            .map(|s| s.split(" · ").next().unwrap_or(s).to_owned()),
        Some("Reloaded reviews/power-in-your-pain.toml".to_owned())
    );
    assert!(
        app.status()
            .is_some_and(|s| s.contains("1 file still has problems"))
    );
}

fn comment(text: &str) -> reelread::data::Comment {
    reelread::data::Comment {
        text: text.into(),
        author: Some("Newcomer".into()),
        ..Default::default()
    }
}

#[test]
fn comments_arriving_on_the_open_review_are_marked_new_at_once() {
    let mut app = App::new(reelread::data::bundled_library());
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Command::Bottom);
    update(&mut app, Command::Open);
    let (open, before) = {
        let (_, review) = app.open_review().expect("open");
        (review.id.clone(), review.comments.len())
    };
    assert_eq!(app.first_new_comment(), None);
    let mut library = reelread::data::bundled_library();
    let grown = library.collections[0]
        .reviews
        .iter_mut()
        .find(|r| r.id == open)
        .expect("the open review");
    grown.comments.push(comment("First to arrive"));
    update(&mut app, Action::Reloaded(Box::new(library.clone())));
    assert_eq!(app.first_new_comment(), Some(before));
    let entry = app.open_entry().expect("open");
    assert_eq!(app.new_comments(entry), 0, "seen while open");

    // A second reload with more keeps the first new one marked too.
    let grown = library.collections[0]
        .reviews
        .iter_mut()
        .find(|r| r.id == open)
        .expect("the open review");
    grown.comments.push(comment("Second to arrive"));
    update(&mut app, Action::Reloaded(Box::new(library.clone())));
    assert_eq!(app.first_new_comment(), Some(before));

    // Leaving and coming back: they have been seen.
    update(&mut app, Command::PrevSource);
    update(&mut app, Command::NextSource);
    assert_eq!(app.first_new_comment(), None);
}
