//! A review's `url` that holds a control, invisible or whitespace character is never
//! copied or opened, even though the sanitiser has turned the character into a visible
//! stand-in: the loader warns, `check` reports it, and `y` / `b` refuse it in the footer.

use std::path::Path;

use reelread::action::{Action, Command};
use reelread::app::{App, update};
use reelread::data::{Library, is_web_link, load_path};
use reelread::diagnostic::Severity;

/// What each test URL hides, written as TOML escapes (or literally).
const HIDDEN: [(&str, &str); 8] = [
    ("esc", "\\u001b]0;PWN\\u0007"),
    ("bel", "\\u0007"),
    ("csi", "\\u009b31m"),
    ("rlo", "\\u202e"),
    ("zwsp", "\\u200b"),
    ("line-separator", "\\u2028"),
    ("space", " "),
    ("tab", "\\t"),
];

const WARNING: &str =
    "url holds control, invisible or whitespace characters; it will not be copied or opened";

/// One collection holding a review for `url` (a TOML basic string's contents).
fn collection(root: &Path, id: &str, url: &str) -> std::path::PathBuf {
    let dir = root.join(id);
    std::fs::create_dir_all(dir.join("reviews")).expect("mkdir");
    std::fs::write(dir.join("film.toml"), "title = \"A Film\"\n").expect("film");
    std::fs::write(
        dir.join(format!("reviews/{id}.toml")),
        format!("title = \"Review\"\nbody = \"Text.\"\nurl = \"{url}\"\n"),
    )
    .expect("review");
    dir
}

/// Every variant, hidden inside the URL and at its end (where trimming would hide it).
fn variants() -> Vec<(String, String)> {
    HIDDEN
        .iter()
        .flat_map(|(name, hidden)| {
            [
                (
                    format!("{name}-inside"),
                    format!("https://example.com/x{hidden}y"),
                ),
                (
                    format!("{name}-end"),
                    format!("https://example.com/x{hidden}"),
                ),
            ]
        })
        .collect()
}

fn url_of(library: &Library) -> String {
    let (_, review) = library.reviews().next().expect("a review loaded");
    review.url.clone().expect("a url")
}

fn press(library: Library, command: Command) -> (Vec<reelread::app::Effect>, App) {
    let mut app = App::new(library);
    update(&mut app, Action::Resize(120, 40));
    let effects = update(&mut app, command);
    (effects, app)
}

#[test]
fn a_url_with_hidden_characters_is_warned_about_and_never_copied_or_opened() {
    let root = tempfile::tempdir().expect("tempdir");
    for (id, url) in variants() {
        let dir = collection(root.path(), &id, &url);
        let library = load_path(&dir);
        let loaded = url_of(&library);
        assert!(
            !is_web_link(&loaded),
            "{id}: {loaded:?} passes as a web link"
        );
        let warning = library
            .diagnostics
            .iter()
            .find(|d| d.message == WARNING)
            .unwrap_or_else(|| panic!("{id}: no warning in {:?}", library.diagnostics));
        assert_eq!(warning.severity, Severity::Warning, "{id}");
        assert!(
            warning.path.ends_with(&format!("{id}.toml")),
            "{id}: {warning}"
        );
        assert_eq!(warning.line, 3, "{id}: not at the url key: {warning}");
        for (command, refusal) in [
            (
                Command::CopyUrl,
                "This review's URL holds control characters; not copied",
            ),
            (
                Command::OpenUrl,
                "This review's URL holds control characters; not opened",
            ),
        ] {
            let (effects, app) = press(load_path(&dir), command);
            assert!(effects.is_empty(), "{id}: {command:?} gave {effects:?}");
            assert_eq!(app.status(), Some(refusal), "{id}");
        }
    }
}

#[test]
fn a_clean_url_is_still_copied_and_opened_without_a_warning() {
    let root = tempfile::tempdir().expect("tempdir");
    let url = "https://example.com/reviews/a-film?x=1#top";
    let dir = collection(root.path(), "clean", url);
    let library = load_path(&dir);
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    let (effects, _) = press(library, Command::CopyUrl);
    assert_eq!(
        effects,
        [reelread::app::Effect::CopyToClipboard(url.to_owned())]
    );
    let (effects, _) = press(load_path(&dir), Command::OpenUrl);
    assert_eq!(
        effects,
        [reelread::app::Effect::OpenInBrowser(url.to_owned())]
    );
}

#[test]
fn check_reports_a_url_with_hidden_characters_and_prints_no_escape() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = collection(
        root.path(),
        "osc",
        "https://example.com/x\\u001b]0;PWN\\u0007",
    );
    let out = crate::support::cli::run(&["check", dir.to_str().expect("utf-8 path")]);
    let printed = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
    let text = String::from_utf8_lossy(&printed);
    assert!(
        text.lines()
            .any(|l| l.contains("osc.toml:3:") && l.contains(WARNING)),
        "{text}"
    );
    assert!(
        !printed.contains(&0x1b) && !printed.contains(&0x07),
        "{text}"
    );
}
