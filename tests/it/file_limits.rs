//! The files the reader reads besides collections — the reading state, the config and
//! `import`'s input — are read with the loader's checks: only regular files, within a
//! size limit, and a message naming the path and the limit. Every spawned command has a
//! timeout, so a FIFO that would block fails the test instead of hanging it.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::library::library_dir;

/// How a command ended and what it printed.
struct Finished {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `reelread ARGS` with `home` as its home and XDG folders; `None` when it did not
/// finish within 5 s (it is killed).
fn run_timed(args: &[&str], home: &Path) -> Option<Finished> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reelread"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run reelread");
    // Read on threads while waiting, so a full pipe never stalls the command.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_string(&mut text);
            }
            text
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Some(Finished {
        code: status.code(),
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    })
}

/// Makes a FIFO at `path`; false (the test is skipped) when `mkfifo` is missing.
fn mkfifo(path: &Path) -> bool {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let made = Command::new("mkfifo").arg(path).status();
    let ok = made.is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: mkfifo is not available");
    }
    ok
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_state_file_is_reported_not_waited_on() {
    let home = tempfile::tempdir().expect("home");
    let state = home.path().join("state/reelread/state.toml");
    if !mkfifo(&state) {
        return;
    }
    let library = library_dir();
    let out = run_timed(&["list", "--starred", utf8(library.path())], home.path())
        .expect("`list --starred` finishes with a FIFO as its state file");
    // No state read, so nothing starred: nothing found.
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "{}: cannot read file: it is a FIFO (named pipe), not a file",
            state.display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_state_file_over_its_limit_is_refused_and_set_aside() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.toml");
    // Valid TOML (one comment line after another), so only the size can refuse it.
    let line = format!("#{}\n", "x".repeat(1022));
    let limit = 16 << 20;
    std::fs::write(&path, line.repeat(limit / line.len() + 1)).expect("write");
    let loaded = reelread::state::load(&path);
    let warning = loaded.warning.expect("a warning");
    assert!(
        warning.starts_with(&format!(
            "state file could not be read ({}: file is 16.0 MiB, over the 16 MiB limit; not read)",
            path.display()
        )),
        "{warning}"
    );
    assert!(warning.contains("set aside as"), "{warning}");
}

#[cfg(unix)]
#[test]
fn a_fifo_at_the_default_config_path_is_reported() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config/reelread/config.toml");
    if !mkfifo(&config) {
        return;
    }
    let out =
        run_timed(&["config"], home.path()).expect("`config` finishes with a FIFO as its config");
    assert!(
        out.stderr.contains(&format!(
            "{}: error: config not read, defaults used: cannot read file: it is a FIFO (named pipe), not a file",
            config.display()
        )),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_device_as_the_config_is_refused() {
    let loaded = reelread::config::load(Some(Path::new("/dev/null")));
    let messages: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "/dev/null: error: config not read, defaults used: cannot read file: it is a character device, not a file"
        ]
    );
}

#[test]
fn a_config_over_its_limit_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("config.toml");
    let limit = 4 << 20;
    std::fs::write(&path, "#".repeat(limit + 1)).expect("write");
    let loaded = reelread::config::load(Some(&path));
    let messages: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [format!(
            "{}: error: config not read, defaults used: file is 4.0 MiB, over the 4 MiB limit; not read",
            path.display()
        )]
    );
}

/// A collection folder to import into, with its `reviews/` folder.
fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("collection");
    std::fs::create_dir(dir.path().join("reviews")).expect("reviews");
    dir
}

fn import(file: &Path, into: &Path, extra: &[&str]) -> Finished {
    let home = tempfile::tempdir().expect("home");
    let mut args = vec!["import", utf8(file), "--into", utf8(into)];
    args.extend_from_slice(extra);
    run_timed(&args, home.path()).expect("import finishes")
}

fn reviews(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("reviews"))
        .expect("reviews")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn import_refuses_a_fifo_as_text_or_page() {
    let scratch = tempfile::tempdir().expect("scratch");
    let into = collection();
    for name in ["review.txt", "page.html"] {
        let fifo = scratch.path().join(name);
        if !mkfifo(&fifo) {
            return;
        }
        let out = import(&fifo, into.path(), &[]);
        assert_eq!(out.code, Some(2), "{}", out.stdout);
        assert_eq!(
            out.stderr,
            format!(
                "reelread import: {}: cannot read file: it is a FIFO (named pipe), not a file\n",
                fifo.display()
            )
        );
    }
    assert!(reviews(into.path()).is_empty());
}

#[test]
fn import_refuses_text_over_the_loaders_limit() {
    let scratch = tempfile::tempdir().expect("scratch");
    let file = scratch.path().join("huge.txt");
    let limit = 16 << 20;
    let paragraph = format!("{}\n\n", "word ".repeat(200));
    let text = format!("Huge\n\n{}", paragraph.repeat(limit / paragraph.len() + 1));
    std::fs::write(&file, text).expect("write");
    let into = collection();
    let out = import(&file, into.path(), &[]);
    assert_eq!(out.code, Some(2), "{}", out.stdout);
    assert!(
        out.stderr.contains(&format!(
            "{}: file is 16.0 MiB, over the 16 MiB limit; not read",
            file.display()
        )),
        "{}",
        out.stderr
    );
    assert!(reviews(into.path()).is_empty());
}

#[test]
fn import_refuses_utf16_text_as_the_loader_does() {
    let scratch = tempfile::tempdir().expect("scratch");
    let into = collection();
    let text = "A Title\n\nThe body of the review.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (name, bytes) in [
        ("marked.txt", [&[0xFF, 0xFE][..], &le].concat()),
        ("bare.txt", le.clone()),
    ] {
        let file = scratch.path().join(name);
        std::fs::write(&file, bytes).expect("write");
        let out = import(&file, into.path(), &[]);
        assert_eq!(out.code, Some(2), "{}", out.stdout);
        assert_eq!(
            out.stderr,
            format!(
                "reelread import: {}: file is UTF-16; save it as UTF-8\n",
                file.display()
            )
        );
    }
    assert!(reviews(into.path()).is_empty());
    // A UTF-8 byte order mark is dropped, as the loader drops it.
    let file = scratch.path().join("bom.txt");
    std::fs::write(
        &file,
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    )
    .expect("w");
    let out = import(&file, into.path(), &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(reviews(into.path()), ["a-title.toml"]);
}

#[test]
fn import_names_a_reviews_file_in_the_way() {
    let scratch = tempfile::tempdir().expect("scratch");
    let file = scratch.path().join("review.txt");
    std::fs::write(&file, "A Title\n\nThe body.\n").expect("write");
    let into = tempfile::tempdir().expect("collection");
    std::fs::write(into.path().join("film.toml"), "title = \"F\"\n").expect("film");
    let blocker = into.path().join("reviews");
    std::fs::write(&blocker, "").expect("a file named reviews");
    let out = import(&file, into.path(), &[]);
    assert_eq!(out.code, Some(2), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        format!(
            "reelread import: cannot write {}: {} is a file, not a folder\n",
            blocker.join("a-title.toml").display(),
            blocker.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn imported_files_are_0644_and_a_replaced_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let scratch = tempfile::tempdir().expect("scratch");
    let file = scratch.path().join("review.txt");
    std::fs::write(&file, "A Title\n\nThe body.\n").expect("write");
    let into = collection();
    let written = into.path().join("reviews/a-title.toml");
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let out = import(&file, into.path(), &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(mode(&written), 0o644);
    std::fs::set_permissions(&written, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let out = import(&file, into.path(), &["--force"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(mode(&written), 0o640);
}

#[test]
fn import_escapes_invisible_and_reordering_characters() {
    let scratch = tempfile::tempdir().expect("scratch");
    let file = scratch.path().join("review.txt");
    let hidden = [
        '\u{85}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{200b}', '\u{2028}',
    ];
    let text = "A Title\u{202e}x\n\nThe body, \u{85}with\u{9b} \u{2066}hidden\u{200b} characters\u{2028}here.\n";
    std::fs::write(&file, text).expect("write");
    let into = collection();
    let out = import(&file, into.path(), &[]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let written =
        std::fs::read_to_string(into.path().join("reviews/a-title-x.toml")).expect("the review");
    assert!(!written.contains(hidden), "{written:?}");
    for escape in [
        "\\u202E", "\\u0085", "\\u009B", "\\u2066", "\\u200B", "\\u2028",
    ] {
        assert!(written.contains(escape), "{escape} in {written}");
    }
    std::fs::write(into.path().join("film.toml"), "title = \"F\"\n").expect("film");
    let library = reelread::data::load_path(into.path());
    assert_eq!(library.error_count(), 0, "{:?}", library.diagnostics);
    let (_, review) = library.reviews().next().expect("the review loads");
    assert!(review.body.contains("hidden"), "{}", review.body);
}

#[test]
fn a_missing_config_given_is_said_to_be_missing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("nope.toml");
    let loaded = reelread::config::load(Some(&path));
    let messages: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [format!(
            "{}: error: config not read, defaults used: cannot read file: no such file",
            path.display()
        )]
    );
}
