//! Carrying out what `update` asked for and only the terminal loop can do: the
//! clipboard, the browser, writing an export. Each says what happened, for the footer.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::app::{App, Effect};

/// Carries out one effect and says what happened, for the footer.
pub fn perform(app: &App, effect: Effect) -> String {
    match effect {
        Effect::CopyToClipboard(url) => {
            use base64::Engine as _;
            let payload = base64::engine::general_purpose::STANDARD.encode(url.as_bytes());
            let mut out = io::stdout();
            match write!(out, "\x1b]52;c;{payload}\x07").and_then(|()| out.flush()) {
                Ok(()) => {
                    format!("Copied {url} (OSC 52: the terminal must allow clipboard access)")
                }
                Err(e) => format!("Could not copy: {e}"),
            }
        }
        Effect::OpenInBrowser(url) => match open_in_browser(&url) {
            Ok(program) => format!("Opened {url} with {program}"),
            Err(e) => format!("Could not open {url}: {e}"),
        },
        Effect::ExportMarkdown(entry) => {
            let (collection, review) = app.entry(entry);
            let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            match crate::export::write_markdown_file(&dir, collection, review) {
                Ok(path) => format!("Exported to {}", path.display()), // sanitised by Notify
                Err(e) => format!("Could not export: {e}"),
            }
        }
        Effect::Suspend
        | Effect::LayOut
        | Effect::Fetch
        | Effect::ListSources
        | Effect::Edit(_)
        | Effect::Reload => String::new(),
    }
}

/// `$BROWSER`, else the platform's opener; output is discarded so it cannot draw over us.
fn open_in_browser(url: &str) -> io::Result<String> {
    let program = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| {
            if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            }
            .to_owned()
        });
    std::process::Command::new(&program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    Ok(program)
}
