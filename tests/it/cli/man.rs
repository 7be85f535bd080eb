//! The man page: proper roff (examples never filled or hyphenated), no reference to a page
//! that does not exist, and KEYS, EXIT STATUS, FILES and ENVIRONMENT generated from the
//! program's own tables and paths.

use crate::support::cli::{run, run_with_home};

fn man() -> String {
    let out = run(&["man"]);
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The text of section `name`, up to the next `.SH`.
fn section<'a>(page: &'a str, name: &str) -> &'a str {
    let heading = if name.contains(' ') {
        format!("\n.SH \"{name}\"\n")
    } else {
        format!("\n.SH {name}\n")
    };
    let start = page
        .find(&heading)
        .unwrap_or_else(|| panic!("no {name} section"));
    let rest = &page[start + heading.len()..];
    &rest[..rest.find("\n.SH ").unwrap_or(rest.len())]
}

#[test]
fn the_page_refers_to_no_page_that_does_not_exist() {
    let page = man();
    assert!(!page.contains("reelread\\-list(1)"), "no per-command pages");
    assert!(!page.contains("(1)\n") || page.matches("(1)").count() == 0);
    assert!(!page.contains(".SH SUBCOMMANDS"));
    assert!(!page.contains(".SH EXTRA"));
    // Every command is described on this page instead.
    let commands = section(&page, "COMMANDS");
    for name in [
        "list", "show", "export", "check", "import", "follow", "fetch", "keys", "man",
    ] {
        assert!(
            commands.contains(&format!(".SS \"reelread {name}\"")),
            "no subsection for {name}"
        );
    }
    assert!(
        commands.contains("\\fB\\-\\-mentions\\fR"),
        "options are listed"
    );
}

#[test]
fn examples_are_kept_as_typed_and_nothing_is_hyphenated() {
    let page = man();
    // Hyphenation off for the whole page: paths, IDs and options break only at spaces.
    assert!(page.contains("\n.nh\n"), "hyphenation must be off");
    let examples = section(&page, "EXAMPLES");
    assert!(
        examples.contains(
            ".nf\n\\fBreelread show trailer\\-park\\-tuesday \\-\\-grep screener\\fR\n.fi\n"
        ),
        "{examples}"
    );
    // Every example command sits in no-fill mode, alone on its line.
    let filled: Vec<&str> = examples
        .lines()
        .filter(|l| l.starts_with("\\fBreelread"))
        .collect();
    assert!(filled.len() >= 10, "{examples}");
    for line in filled {
        let at = examples.find(line).expect("line");
        assert!(examples[..at].ends_with(".nf\n"), "{line} is filled");
    }
    // Text lines never start as a control line.
    for line in page.lines() {
        assert!(!line.starts_with('\''), "{line}");
    }
}

#[test]
fn keys_come_from_the_keymap_as_reelread_keys_prints_them() {
    let page = man();
    let keys = section(&page, "KEYS");
    let table = String::from_utf8(run(&["keys"]).stdout).expect("utf-8");
    // Command rows are indented under their section's heading, as in the `?` help.
    let names: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.len() > 20, "{table}");
    for heading in table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
    {
        assert!(
            keys.contains(&format!(".SS {heading}\n")),
            "KEYS lacks the section {heading}"
        );
    }
    for name in &names {
        let escaped = name.replace('-', "\\-");
        assert!(
            keys.contains(&format!("(\\fI{escaped}\\fR)")),
            "KEYS lacks {name}"
        );
    }
    assert!(
        keys.contains("\\fBj, \\[u2193]\\fR (\\fIdown\\fR)"),
        "{keys}"
    );
    // A key rebound in the config shows as bound, like `reelread keys`.
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config/reelread");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(config.join("config.toml"), "[keys]\nquit = [\"Q\"]\n").expect("config");
    let page = String::from_utf8(run_with_home(&["man"], home.path()).stdout).expect("utf-8");
    assert!(section(&page, "KEYS").contains("\\fBQ\\fR (\\fIquit\\fR)"));
}

#[test]
fn files_and_environment_name_the_real_paths_and_variables() {
    let page = man();
    let files = section(&page, "FILES");
    for path in [
        "$XDG_CONFIG_HOME/reelread/config.toml",
        "$XDG_CONFIG_HOME/reelread/sources.toml",
        "$XDG_DATA_HOME/reelread/library/",
        "$XDG_STATE_HOME/reelread/state.toml",
        "$XDG_STATE_HOME/reelread/fetch.toml",
    ] {
        assert!(files.contains(path), "FILES lacks {path}");
    }
    let environment = section(&page, "ENVIRONMENT");
    for variable in [
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "HOME",
        "NO_COLOR",
        "TERM",
        "BROWSER",
    ] {
        assert!(
            environment.contains(&format!("\\fB{variable}\\fR")),
            "ENVIRONMENT lacks {variable}"
        );
    }
    let status = section(&page, "EXIT STATUS");
    assert!(status.contains("grep's rule"), "{status}");
}

/// Rendered by groff when the machine has it: no line of the examples is broken inside a
/// word, and nothing is hyphenated at 80 columns.
#[test]
fn rendered_at_80_columns_no_word_is_broken() {
    let page = man();
    let rendered = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-rLL=80n", "-P-cbou"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(page.as_bytes())?;
            child.wait_with_output()
        });
    let Ok(out) = rendered else {
        eprintln!("groff is not installed: rendering not checked");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("reelread show trailer-park-tuesday --grep screener"),
        "{text}"
    );
    assert!(!text.contains('\u{2010}'), "a word was hyphenated:\n{text}");
    for line in text.lines() {
        assert!(
            !line.trim_end().ends_with('-') || line.trim_end().ends_with(" -"),
            "broken: {line}"
        );
    }
}
