//! Reading a config file one setting at a time, so a wrong value costs only that value.

use toml::de::{DeTable, DeValue};

use super::{Config, ListStyle, Role, ThemeName, color::parse_color};
use crate::action::{Command, Key};
use crate::data::date::DATE_DIRECTIVES;
use crate::diagnostic::{Diagnostic, Severity};

/// Collects problems while reading one file.
struct Reader<'a> {
    path: &'a str,
    text: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn report(&mut self, at: usize, severity: Severity, message: &str) {
        let d = Diagnostic::at_offset(self.path, self.text, at, severity, message);
        self.diagnostics.push(d);
    }

    fn error(&mut self, at: usize, message: &str) {
        self.report(
            at,
            Severity::Error,
            &format!("{message}; the default is used"),
        );
    }
}

/// A value as a message quotes it: at most 40 characters, so a megabyte of it is not
/// printed back whole.
fn short(value: &str) -> String {
    const MAX: usize = 40;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}… ({} characters)", &value[..cut], value.chars().count()),
        None => value.to_owned(),
    }
}

/// What kind of TOML value this is, for messages.
fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Reads `text` onto `config`: each setting it gets right replaces the one in `config`.
pub fn parse(mut config: Config, path: &str, text: &str) -> (Config, Vec<Diagnostic>) {
    let mut r = Reader {
        path,
        text,
        diagnostics: Vec::new(),
    };
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            // A duplicate key is named, as in a review file.
            let said = match e.span() {
                Some(span) if e.message() == "duplicate key" => {
                    format!("duplicate key `{}`", crate::data::key_text(text, span))
                }
                _ => e.message().to_owned(),
            };
            r.report(
                at,
                Severity::Error,
                &format!("{said}; the whole file is ignored, defaults are used"),
            );
            return (config, r.diagnostics);
        }
    };
    for (key, value) in table.get_ref() {
        let at = value.span().start;
        let value = value.get_ref();
        match key.get_ref().as_ref() {
            "text_width" => match value {
                DeValue::Integer(i) => match i.as_str().parse::<u16>() {
                    Ok(w) if (20..=400).contains(&w) => config.text_width = w,
                    _ => r.error(at, "text_width must be from 20 to 400"),
                },
                other => r.error(
                    at,
                    &format!("text_width must be a whole number, found {}", kind(other)),
                ),
            },
            "theme" => match value {
                DeValue::String(s) if s == "dark" => config.theme = ThemeName::Dark,
                DeValue::String(s) if s == "light" => config.theme = ThemeName::Light,
                DeValue::String(s) => r.error(
                    at,
                    &format!("unknown theme `{}`: use \"dark\" or \"light\"", short(s)),
                ),
                other => r.error(
                    at,
                    &format!("theme must be a string, found {}", kind(other)),
                ),
            },
            "list_style" => read_list_style(&mut r, at, value, &mut config),
            "mouse" | "sidebar" => {
                let name = key.get_ref().as_ref();
                match value {
                    DeValue::Boolean(b) if name == "mouse" => config.mouse = *b,
                    DeValue::Boolean(b) => config.sidebar = *b,
                    other => r.error(
                        at,
                        &format!("{name} must be true or false, found {}", kind(other)),
                    ),
                }
            }
            "library" => read_library(&mut r, at, value, &mut config),
            "date_format" => match value {
                DeValue::String(s) if crate::data::sanitize_line(s) != s.as_ref() => {
                    r.error(at, "date_format holds control or invisible characters");
                }
                DeValue::String(s) => match unknown_directive(s) {
                    None => config.date_format = s.to_string(),
                    Some(d) => r.error(
                        at,
                        &format!(
                            "date_format has unknown directive `%{d}` (known: %Y %m %d %e %b %B %%)"
                        ),
                    ),
                },
                other => r.error(
                    at,
                    &format!("date_format must be a string, found {}", kind(other)),
                ),
            },
            "colors" | "fetch" | "keys" => {
                read_table(&mut r, key.get_ref(), at, value, &mut config);
            }
            other => {
                let message = format!("unknown setting `{other}` ignored");
                r.report(key.span().start, Severity::Warning, &message);
            }
        }
    }
    let mut diagnostics = r.diagnostics;
    diagnostics.sort_by_key(|d| (d.line, d.column));
    (config, diagnostics)
}

/// A table setting: `[colors]`, `[fetch]` or `[keys]`.
fn read_table(r: &mut Reader<'_>, name: &str, at: usize, value: &DeValue<'_>, config: &mut Config) {
    let DeValue::Table(table) = value else {
        r.error(
            at,
            &format!("[{name}] must be a table, found {}", kind(value)),
        );
        return;
    };
    match name {
        "colors" => read_colors(r, table, config),
        "fetch" => read_fetch(r, table, config),
        _ => read_keys(r, table, config),
    }
}

/// `list_style = "cards" | "compact"`.
fn read_list_style(r: &mut Reader<'_>, at: usize, value: &DeValue<'_>, config: &mut Config) {
    match value {
        DeValue::String(s) if s == "cards" => config.list_style = ListStyle::Cards,
        DeValue::String(s) if s == "compact" => config.list_style = ListStyle::Compact,
        DeValue::String(s) => r.error(
            at,
            &format!(
                "unknown list_style `{}`: use \"cards\" or \"compact\"",
                short(s)
            ),
        ),
        other => r.error(
            at,
            &format!("list_style must be a string, found {}", kind(other)),
        ),
    }
}

/// `library = "PATH"`: a folder, written plainly.
fn read_library(r: &mut Reader<'_>, at: usize, value: &DeValue<'_>, config: &mut Config) {
    match value {
        DeValue::String(s) if s.trim().is_empty() => r.error(at, "library must name a folder"),
        DeValue::String(s) if crate::data::sanitize_line(s) != s.as_ref() => {
            r.error(at, "library holds control or invisible characters");
        }
        DeValue::String(s) => config.library = Some(std::path::PathBuf::from(s.as_ref())),
        other => r.error(
            at,
            &format!("library must be a string (a folder), found {}", kind(other)),
        ),
    }
}

fn unknown_directive(pattern: &str) -> Option<char> {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            match chars.next() {
                Some(d) if DATE_DIRECTIVES.contains(&d) => {}
                Some(d) => return Some(d),
                None => return Some(' '),
            }
        }
    }
    None
}

/// `[fetch]`: whole numbers, each within bounds that keep a fetch finite.
fn read_fetch(r: &mut Reader<'_>, table: &DeTable<'_>, config: &mut Config) {
    for (key, value) in table {
        let name = key.get_ref().as_ref();
        let (low, high): (u64, u64) = match name {
            "jobs" => (1, 64),
            "per_host" => (1, 16),
            "timeout_secs" => (1, 600),
            "max_bytes" => (1024, 1 << 32),
            other => {
                let message = format!(
                    "unknown setting `fetch.{other}` ignored (known: jobs, per_host, timeout_secs, max_bytes)"
                );
                r.report(key.span().start, Severity::Warning, &message);
                continue;
            }
        };
        let at = value.span().start;
        let n = match value.get_ref() {
            DeValue::Integer(i) => i.as_str().replace('_', "").parse::<u64>().ok(),
            other => {
                r.error(
                    at,
                    &format!("fetch.{name} must be a whole number, found {}", kind(other)),
                );
                continue;
            }
        };
        match n.filter(|n| (low..=high).contains(n)) {
            Some(n) => {
                let limits = &mut config.fetch;
                match name {
                    "jobs" => limits.jobs = n as usize,
                    "per_host" => limits.per_host = n as usize,
                    "timeout_secs" => limits.timeout_secs = n,
                    _ => limits.max_bytes = n,
                }
            }
            None => r.error(at, &format!("fetch.{name} must be from {low} to {high}")),
        }
    }
}

fn read_colors(r: &mut Reader<'_>, colors: &DeTable<'_>, config: &mut Config) {
    for (key, value) in colors {
        let name = key.get_ref().as_ref();
        let Some(role) = Role::ALL.into_iter().find(|role| role.name() == name) else {
            let known: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            let message = format!(
                "unknown colour `{name}` (known: {}); ignored",
                known.join(", ")
            );
            r.report(key.span().start, Severity::Warning, &message);
            continue;
        };
        let at = value.span().start;
        match value.get_ref() {
            DeValue::String(s) => match parse_color(s) {
                Some(color) => config.colors.push((role, color)),
                None => r.error(at, &format!("cannot read colour `{}` for {name}", short(s))),
            },
            DeValue::Integer(i) => match i.as_str().parse::<u8>() {
                Ok(index) => config
                    .colors
                    .push((role, ratatui::style::Color::Indexed(index))),
                Err(_) => r.error(at, &format!("colour number for {name} must be 0 to 255")),
            },
            other => r.error(
                at,
                &format!("colour for {name} must be a string, found {}", kind(other)),
            ),
        }
    }
}

fn read_keys(r: &mut Reader<'_>, keys: &DeTable<'_>, config: &mut Config) {
    // Which action this file gave each key to, and where: a key given twice is reported.
    let mut given: Vec<(Key, Command)> = Vec::new();
    let start_of_table = keys.iter().next().map_or(0, |(k, _)| k.span().start);
    for (key, value) in keys {
        let name = key.get_ref().as_ref();
        let Some(command) = Command::from_name(name) else {
            r.report(
                key.span().start,
                Severity::Error,
                &format!("unknown action `{name}`; `reelread keys` lists them"),
            );
            continue;
        };
        let at = value.span().start;
        let list: Vec<(usize, String)> = match value.get_ref() {
            DeValue::String(s) => vec![(at, s.to_string())],
            DeValue::Array(items) => {
                let mut list = Vec::new();
                for item in items {
                    match item.get_ref() {
                        DeValue::String(s) => list.push((item.span().start, s.to_string())),
                        other => r.error(
                            item.span().start,
                            &format!("a key for {name} must be a string, found {}", kind(other)),
                        ),
                    }
                }
                list
            }
            other => {
                r.error(
                    at,
                    &format!(
                        "keys for {name} must be a string or a list, found {}",
                        kind(other)
                    ),
                );
                continue;
            }
        };
        let mut parsed = Vec::new();
        for (at, k) in list {
            if let Ok(key) = k.parse::<Key>() {
                if let Some((_, earlier)) = given.iter().find(|(g, c)| *g == key && *c != command) {
                    r.report(
                        at,
                        Severity::Warning,
                        &format!(
                            "key `{k}` is bound to both {} and {name}; {name} has it",
                            earlier.name()
                        ),
                    );
                }
                given.push((key, command));
                parsed.push(key);
            } else {
                r.error(
                    at,
                    &format!(
                        "cannot read key `{}` for {name} (e.g. \"j\", \"ctrl-d\", \"pagedown\")",
                        short(&k)
                    ),
                );
            }
        }
        if !parsed.is_empty() {
            config.keymap.rebind(command, &parsed);
        }
    }
    // An action whose every key went to another is out of reach: say so.
    for command in Command::all() {
        if config.keymap.keys(command).is_empty() {
            r.report(
                start_of_table,
                Severity::Warning,
                &format!(
                    "{} has no key left (its keys are bound to other actions); give it one under [keys]",
                    command.name()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_wrong_value_keeps_its_default_and_the_rest_applies() {
        let (config, diagnostics) = parse(
            crate::config::Config::default(),
            "c.toml",
            "text_width = \"wide\"\nmouse = false\n",
        );
        assert_eq!(config.text_width, 80);
        assert!(!config.mouse);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            diagnostics[0].to_string(),
            "c.toml:1:14: error: text_width must be a whole number, found a string; the default is used"
        );
    }
}
