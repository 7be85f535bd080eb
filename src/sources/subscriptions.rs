//! `sources.toml`: the followed sources, one `[[source]]` each, human-editable like
//! newsboat's urls file. Read with located diagnostics (a bad entry costs only itself);
//! `follow` appends a block and `unfollow` removes one, leaving the rest of the file —
//! comments included — as the person wrote it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::FilmRef;
use crate::diagnostic::{Diagnostic, Severity};

/// The file's name in the config folder.
pub const FILE: &str = "sources.toml";

/// Whether a source is a feed or a page (a post followed with its comment feed), as
/// `follow` found it; shown by `reelread sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An RSS or Atom feed.
    Feed,
    /// A web page: its article, and its comment feed when it has one.
    Page,
}

impl Kind {
    /// The word `reelread sources` prints.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Feed => "feed",
            Self::Page => "page",
        }
    }
}

/// When an excerpt-only item's linked page is fetched for its full text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FullText {
    /// When the feed gives only an excerpt.
    #[default]
    Auto,
    /// For every item.
    Always,
    /// Never: the feed's text is kept.
    Never,
}

impl FullText {
    /// The word written in `sources.toml`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Always => "always",
            Self::Never => "never",
        }
    }
}

/// One followed source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// What the person calls it: `unfollow NAME`, `fetch NAME`.
    pub name: String,
    /// Where it is fetched from (http or https).
    pub url: String,
    /// The film every review of it is about, when the person said so.
    pub film: Option<FilmRef>,
    /// Feed or page.
    pub kind: Kind,
    /// When linked pages are fetched for excerpt-only items.
    pub full_text: FullText,
}

/// One `[[source]]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    name: String,
    url: String,
    film: Option<String>,
    kind: Option<Kind>,
    full_text: Option<FullText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    source: Vec<toml::Spanned<toml::Value>>,
}

/// The followed sources, with what was wrong in the file.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The usable sources, in file order.
    pub sources: Vec<Source>,
    /// Problems, each `path:line:column: message`.
    pub diagnostics: Vec<Diagnostic>,
}

/// `$XDG_CONFIG_HOME/reelread/sources.toml`.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("reelread").join(FILE))
}

/// Reads `path`; a missing file follows nothing.
#[must_use]
pub fn load(path: &Path) -> Loaded {
    let shown = crate::data::sanitize_line(&path.display().to_string());
    match std::fs::read(path) {
        Ok(bytes) => match crate::data::decode_utf8(&shown, &bytes, |b| {
            format!("file is not UTF-8: invalid byte 0x{b:02x}; save it as UTF-8")
        }) {
            Ok(text) => parse(&shown, text),
            Err(d) => Loaded {
                sources: Vec::new(),
                diagnostics: vec![d],
            },
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Loaded::default(),
        Err(e) => Loaded {
            sources: Vec::new(),
            diagnostics: vec![Diagnostic::whole_file(
                &shown,
                Severity::Error,
                &format!("cannot read file: {e}"),
            )],
        },
    }
}

/// Parses the text of a sources file.
#[must_use]
pub fn parse(path: &str, text: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let file: RawFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let message = format!("{}; no source in this file is followed", e.message());
            loaded.diagnostics.push(Diagnostic::at_offset(
                path,
                text,
                at,
                Severity::Error,
                &message,
            ));
            return loaded;
        }
    };
    for spanned in file.source {
        let at = spanned.span().start;
        let error =
            |message: String| Diagnostic::at_offset(path, text, at, Severity::Error, &message);
        let raw: Raw = match spanned.into_inner().try_into() {
            Ok(raw) => raw,
            Err(e) => {
                let e: toml::de::Error = e;
                loaded
                    .diagnostics
                    .push(error(format!("{}; this source is skipped", e.message())));
                continue;
            }
        };
        match validate(&raw, &loaded.sources) {
            Ok(source) => loaded.sources.push(source),
            Err(message) => loaded
                .diagnostics
                .push(error(format!("{message}; this source is skipped"))),
        }
    }
    loaded
}

fn validate(raw: &Raw, earlier: &[Source]) -> Result<Source, String> {
    let name = raw.name.trim().to_owned();
    if name.is_empty() {
        return Err("a source needs a name".to_owned());
    }
    if crate::data::sanitize_line(&name) != name {
        return Err("name holds control or invisible characters".to_owned());
    }
    if earlier.iter().any(|s| s.name == name) {
        return Err(format!("a source named `{name}` comes earlier in the file"));
    }
    check_url(&raw.url)?;
    let film = raw.film.as_deref().map(parse_film).transpose()?;
    Ok(Source {
        name,
        url: raw.url.trim().to_owned(),
        film,
        kind: raw.kind.unwrap_or(Kind::Feed),
        full_text: raw.full_text.unwrap_or_default(),
    })
}

/// Only http and https URLs can be followed.
pub fn check_url(url: &str) -> Result<(), String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !rest.starts_with('/') => {
            if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
                Err("url holds spaces or control characters".to_owned())
            } else {
                Ok(())
            }
        }
        _ => Err(format!(
            "url must start with http:// or https:// and name a host, found `{}`",
            crate::data::sanitize_line(url)
        )),
    }
}

/// `"TITLE (YEAR)"`, as `--film` and `film = ` are written: a title, then a year from
/// 1870 to 2100 in brackets.
pub fn parse_film(text: &str) -> Result<FilmRef, String> {
    let text = text.trim();
    let wrong = || {
        format!(
            "film must be written \"TITLE (YEAR)\", e.g. \"Heat (1995)\"; found \"{}\"",
            crate::data::sanitize_line(text)
        )
    };
    let open = text.rfind(" (").ok_or_else(wrong)?;
    let year = text[open + 2..].strip_suffix(')').ok_or_else(wrong)?;
    let title = text[..open].trim();
    match year.parse::<i32>() {
        Ok(year)
            if year.to_string().len() == 4
                && (1870..=2100).contains(&year)
                && !title.is_empty() =>
        {
            Ok(FilmRef {
                title: title.to_owned(),
                year: Some(year),
            })
        }
        _ => Err(wrong()),
    }
}

/// `TITLE (YEAR)` as a person writes it.
#[must_use]
pub fn film_text(film: &FilmRef) -> String {
    match film.year {
        Some(year) => format!("{} ({year})", film.title),
        None => film.title.clone(),
    }
}

/// The file's text with `source` appended as a new `[[source]]` block.
#[must_use]
pub fn with_source(text: &str, source: &Source) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = text.to_owned();
    if out.is_empty() {
        out.push_str("# Sources reelread follows: `reelread follow URL` adds one, `reelread unfollow NAME`\n# removes one. Each has a name, a url, and optionally film = \"TITLE (YEAR)\",\n# kind = \"feed\" or \"page\", full_text = \"auto\", \"always\" or \"never\".\n");
    } else if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("\n[[source]]\n");
    let _ = writeln!(out, "name = {}", quote(&source.name));
    let _ = writeln!(out, "url = {}", quote(&source.url));
    if let Some(film) = &source.film {
        let _ = writeln!(out, "film = {}", quote(&film_text(film)));
    }
    let _ = writeln!(out, "kind = {}", quote(source.kind.name()));
    if source.full_text != FullText::Auto {
        let _ = writeln!(out, "full_text = {}", quote(source.full_text.name()));
    }
    out
}

/// The file's text without the `[[source]]` block named `name`, or `None` when no block
/// has that name. Blocks run from their header to the next table header.
#[must_use]
pub fn without_source(text: &str, name: &str) -> Option<String> {
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut offset = 0;
    let mut open: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            if let Some(start) = open.take() {
                blocks.push((start, offset));
            }
            if trimmed.starts_with("[[source]]") {
                open = Some(offset);
            }
        }
        offset += line.len();
    }
    if let Some(start) = open {
        blocks.push((start, text.len()));
    }
    let (start, end) = blocks.into_iter().find(|&(start, end)| {
        toml::from_str::<Raw>(
            text[start..end]
                .trim_start()
                .trim_start_matches("[[source]]"),
        )
        .is_ok_and(|raw| raw.name.trim() == name)
    })?;
    let mut out = String::with_capacity(text.len());
    out.push_str(text[..start].trim_end_matches('\n'));
    if !out.is_empty() {
        out.push('\n');
    }
    let rest = &text[end..];
    if !rest.is_empty() && !out.is_empty() {
        out.push('\n');
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests;
