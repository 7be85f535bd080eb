//! Config files: one fixture per failure in `tests/invalid_configs/`, asserted on the
//! message a user sees, and the settings that still apply.

use reelread::action::Command;
use reelread::config::{Config, ThemeName, load, parse_text};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/invalid_configs/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Loads a fixture and returns the config and its messages without the folder prefix.
fn load_fixture(name: &str) -> (Config, Vec<String>) {
    let path = fixture(name);
    let loaded = load(Some(std::path::Path::new(&path)));
    let messages = loaded
        .diagnostics
        .iter()
        .map(|d| d.to_string().replace(&path, &format!("{name}.toml")))
        .collect();
    (loaded.config, messages)
}

#[test]
fn a_syntax_error_ignores_the_file_and_says_where() {
    let (config, messages) = load_fixture("syntax_error");
    assert_eq!(config, Config::default());
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].starts_with("syntax_error.toml:2:14: error: invalid basic string"),
        "{messages:?}"
    );
    assert!(
        messages[0].ends_with("the whole file is ignored, defaults are used"),
        "{messages:?}"
    );
}

#[test]
fn an_unknown_action_is_named_and_the_other_keys_apply() {
    let (config, messages) = load_fixture("unknown_action");
    assert_eq!(
        messages,
        ["unknown_action.toml:3:1: error: unknown action `frobnicate`; `reelread keys` lists them"]
    );
    assert_eq!(config.keymap.keys(Command::Quit), ["q"]);
}

#[test]
fn an_unparsable_key_is_dropped_and_its_siblings_kept() {
    let (config, messages) = load_fixture("unparsable_key");
    assert_eq!(
        messages,
        [
            "unparsable_key.toml:2:21: error: cannot read key `ctrl-` for next_source (e.g. \"j\", \"ctrl-d\", \"pagedown\"); the default is used"
        ]
    );
    assert_eq!(config.keymap.keys(Command::NextSource), ["J"]);
}

#[test]
fn wrong_types_and_values_keep_their_defaults() {
    let cases = [
        (
            "wrong_type",
            "wrong_type.toml:1:9: error: mouse must be true or false, found a string; the default is used",
        ),
        (
            "out_of_range",
            "out_of_range.toml:1:14: error: text_width must be from 20 to 400; the default is used",
        ),
        (
            "unknown_theme",
            "unknown_theme.toml:1:9: error: unknown theme `solarized`: use \"dark\" or \"light\"; the default is used",
        ),
        (
            "bad_color",
            "bad_color.toml:2:13: error: cannot read colour `ultraviolet` for highlight; the default is used",
        ),
        (
            "bad_date_format",
            "bad_date_format.toml:1:15: error: date_format has unknown directive `%q` (known: %Y %m %d %e %b %B %%); the default is used",
        ),
        (
            "keys_not_a_table",
            "keys_not_a_table.toml:1:8: error: [keys] must be a table, found a string; the default is used",
        ),
    ];
    for (name, expected) in cases {
        let (config, messages) = load_fixture(name);
        assert_eq!(messages, [expected], "{name}");
        assert_eq!(config, Config::default(), "{name}");
    }
}

#[test]
fn an_unknown_setting_is_a_warning_and_the_rest_applies() {
    let (config, messages) = load_fixture("unknown_setting");
    assert_eq!(
        messages,
        ["unknown_setting.toml:2:1: warning: unknown setting `font` ignored"]
    );
    assert!(!config.sidebar);
}

#[test]
fn a_key_bound_twice_and_an_action_left_without_keys_are_reported() {
    let (config, diagnostics) = parse_text("c.toml", "[keys]\nquit = [\"x\"]\nback = [\"x\"]\n");
    let said: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        said.iter()
            .any(|d| d.contains("key `x` is bound to both back and quit; quit has it")),
        "{said:?}"
    );
    assert!(
        said.iter().any(|d| d.contains("back has no key left")),
        "{said:?}"
    );
    assert!(config.keymap.keys(Command::Back).is_empty());
}

#[test]
fn a_good_config_overrides_what_it_names() {
    let text = "text_width = 64\ntheme = \"light\"\nmouse = false\ndate_format = \"%e %B %Y\"\n[colors]\naccent = \"#ff8000\"\n[keys]\nquit = [\"x\", \"ctrl-q\"]\n";
    let (config, diagnostics) = parse_text("c.toml", text);
    // x was toggle_read's only key: taking it is allowed, and said.
    let said: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "c.toml:8:1: warning: toggle_read has no key left (its keys are bound to other actions); give it one under [keys]"
        ]
    );
    assert_eq!(config.text_width, 64);
    assert_eq!(config.theme, ThemeName::Light);
    assert!(!config.mouse);
    assert_eq!(config.date_format, "%e %B %Y");
    assert_eq!(config.keymap.keys(Command::Quit), ["x", "ctrl-q"]);
    // x was toggle_read's key; the user's choice takes it.
    assert!(config.keymap.keys(Command::ToggleRead).is_empty());
    let help = config.keymap.help_rows();
    assert!(
        help.iter()
            .any(|(keys, what)| keys == "x, Ctrl-q" && *what == "Quit")
    );
}

#[test]
fn the_config_command_prints_a_file_that_loads_back_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reelread"))
        .arg("config")
        .env("XDG_CONFIG_HOME", dir.path())
        .env("HOME", dir.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let (config, diagnostics) = parse_text("printed", &text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}\n{text}");
    let defaults = Config::default();
    // The printout spells out every colour; they must be the theme's own.
    let theme = |c: &Config| reelread::ui::theme::Theme::new(&c.chosen_colors());
    assert_eq!(theme(&config), theme(&defaults));
    assert_eq!(
        Config {
            colors: Vec::new(),
            ..config
        },
        defaults
    );
}

#[test]
fn keys_lists_every_action_with_its_keys() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reelread"))
        .args(["keys", "--config", &fixture("unknown_action")])
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    // One indented row per command, under the headings of the `?` help's sections.
    let rows: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("  ")).collect();
    assert_eq!(rows.len(), Command::all().count(), "{text}");
    assert!(
        rows.iter()
            .any(|l| l.starts_with("quit") && l.contains(" q ") && l.ends_with("Quit"))
    );
    assert!(
        rows.iter()
            .any(|l| l.starts_with("next_source") && l.contains("J, ]"))
    );
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .collect();
    assert_eq!(headings.first(), Some(&"Move"), "{text}");
    assert!(headings.contains(&"Leave"), "{text}");
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_reelread"))
            .args(args)
            .output()
            .expect("run");
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).expect("utf-8")
    };
    for shell in ["bash", "zsh", "fish"] {
        let script = run(&["completions", shell]);
        assert!(
            script.contains("reelread") && script.contains("export"),
            "{shell}"
        );
    }
    let man = run(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH reelread"),
        "{}",
        &man[..80.min(man.len())]
    );
    assert!(man.contains("completions"));
}

#[test]
fn a_huge_value_is_not_quoted_back_whole() {
    let text = format!("theme = \"{}\"\n", "x".repeat(1_000_000));
    let (_, diagnostics) = parse_text("c.toml", &text);
    let said = diagnostics[0].to_string();
    assert!(said.len() < 200, "{} bytes", said.len());
    assert!(said.contains("(1000000 characters)"), "{said}");
}

#[test]
fn list_style_is_read_and_a_wrong_one_is_located() {
    use reelread::config::ListStyle;
    assert_eq!(Config::default().list_style, ListStyle::Cards);
    let (config, messages) = parse_text("c.toml", "list_style = \"compact\"\n");
    assert_eq!((config.list_style, messages.len()), (ListStyle::Compact, 0));
    let (config, messages) = parse_text("c.toml", "mouse = false\nlist_style = \"tiles\"\n");
    let messages: Vec<String> = messages.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "c.toml:2:14: error: unknown list_style `tiles`: use \"cards\" or \"compact\"; the default is used"
        ]
    );
    assert_eq!(config.list_style, ListStyle::Cards);
    assert!(!config.mouse, "the rest applies");
    let (_, messages) = parse_text("c.toml", "list_style = 1\n");
    assert_eq!(
        messages[0].to_string(),
        "c.toml:1:14: error: list_style must be a string, found a whole number; the default is used"
    );
}

#[test]
fn the_config_command_prints_the_list_style_in_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("c.toml");
    std::fs::write(&file, "list_style = \"compact\"\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reelread"))
        .arg("--config")
        .arg(&file)
        .arg("config")
        .env("XDG_CONFIG_HOME", dir.path())
        .env("HOME", dir.path())
        .output()
        .expect("run");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("\nlist_style = \"compact\"\n"), "{text}");
    let (config, _) = parse_text("printed", &text);
    assert_eq!(config.list_style, reelread::config::ListStyle::Compact);
}
