//! `reelread export`: the selected reviews with their comments, as Markdown documents or one
//! JSON array, on stdout; selected by the same rules as `list`.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::data::Library;
use crate::export;

/// Options of `reelread export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which reviews.
    #[command(flatten)]
    pub select: super::select::Selection,
    /// Output format.
    #[arg(long, value_enum, default_value = "markdown")]
    format: Format,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// One Markdown document per review, separated by `---` lines.
    Markdown,
    /// One JSON array of whole reviews.
    Json,
}

/// Writes the selected reviews on stdout; exit 1 when none passes the filters.
pub fn run(library: &Library, args: &Args) -> ExitCode {
    let rows = export::select(
        library,
        args.select.reviewer.as_deref(),
        args.select.grep.as_deref(),
    );
    if rows.is_empty() {
        // Nothing found, as `list` says it; scripts still get an empty array to parse.
        eprintln!(
            "{}",
            super::select::nothing_selected(library, &args.select, None, false)
        );
        if matches!(args.format, Format::Json) {
            println!("[]");
        }
        return super::status::nothing();
    }
    let text = match args.format {
        Format::Json => export::json(library, &rows) + "\n",
        Format::Markdown => {
            let documents: Vec<String> =
                rows.iter().map(|&(c, r)| export::markdown(c, r)).collect();
            // The blank line before `---` keeps it a rule, not a heading underline.
            documents.join("\n---\n\n")
        }
    };
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("reelread export: {e}");
            super::status::trouble()
        }
        _ => super::status::found(),
    }
}
