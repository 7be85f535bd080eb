//! Snapshots of the link picker (`L`) and the error list (`!`) at the default terminal
//! size and a wide one.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reelread::action::{Action, Command};
use reelread::app::{App, update};
use reelread::data::load_path;

fn draw(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    terminal
}

fn app_at(dir: &std::path::Path, (width, height): (u16, u16), commands: &[Command]) -> App {
    let mut app = App::new(load_path(dir));
    update(&mut app, Action::Resize(width, height));
    for &command in commands {
        update(&mut app, command);
    }
    app
}

const LINKED: &str = r#"title = "A Review With Links"
reviewer = "Ana Ruiz"
body = """
The [official trailer](https://video.example/watch?v=abc123) is worth a look, and the
studio's page is https://studio.example/films/a-very-long-path/that-keeps-going/and-going/until-it-cannot-fit.html.
Also see <https://wiki.example/Film_(2017)> and [this](ftp://old.example/file).
||The ending is explained at https://spoilers.example/ending||
"""
[[comments]]
author = "Bob"
text = "My review: http://bob.example/review."
"#;

#[test]
fn link_picker() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("reviews")).expect("mkdir");
    std::fs::write(dir.path().join("film.toml"), "title = \"Linked Film\"\n").expect("film");
    std::fs::write(dir.path().join("reviews/linked.toml"), LINKED).expect("review");
    for size in [(80, 24), (200, 50)] {
        let app = app_at(dir.path(), size, &[Command::Links, Command::Down]);
        let name = format!("links_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, draw(&app).backend());
    }
}

#[test]
fn error_list() {
    // A relative path, so the snapshot does not hold where the tests run.
    let dir = std::path::Path::new("tests/fixtures/invalid/wrong-type");
    for size in [(80, 24), (200, 50)] {
        let app = app_at(dir, size, &[Command::Errors]);
        let name = format!("errors_{}x{}", size.0, size.1);
        insta::assert_snapshot!(name, draw(&app).backend());
    }
}
