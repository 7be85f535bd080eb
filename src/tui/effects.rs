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
        Effect::OpenInBrowser(url) => {
            match open_in_browser(&url, std::env::var("BROWSER").ok().as_deref()) {
                Ok(program) => format!("Opened {url} with {program}"),
                Err(why) => format!("Could not open {url}: {why}"),
            }
        }
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

/// `$BROWSER` (its first command, `%s` standing for the URL, else the URL last), else the
/// platform's opener; output is discarded so it cannot draw over us. A failure names the
/// program tried and says how to choose another.
fn open_in_browser(url: &str, browser: Option<&str>) -> Result<String, String> {
    let chosen = browser
        .and_then(|b| b.split(':').map(str::trim).find(|c| !c.is_empty()))
        .map(str::to_owned);
    let from_env = chosen.is_some();
    let command = chosen.unwrap_or_else(|| {
        if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        }
        .to_owned()
    });
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or_default().to_owned();
    let mut args: Vec<String> = words.map(|w| w.replace("%s", url)).collect();
    if !command.contains("%s") {
        args.push(url.to_owned());
    }
    std::process::Command::new(&program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| cannot_start(&program, from_env, &e))?;
    Ok(program)
}

/// Why the browser did not start, naming the program and what to do about it.
fn cannot_start(program: &str, from_env: bool, e: &io::Error) -> String {
    let why = match e.kind() {
        io::ErrorKind::NotFound => "was not found".to_owned(),
        io::ErrorKind::PermissionDenied => "cannot be run (permission denied)".to_owned(),
        _ => format!("did not start ({e})"),
    };
    if from_env {
        format!(
            "{program} (from $BROWSER) {why}; set BROWSER to a browser's command, e.g. BROWSER=firefox"
        )
    } else {
        format!("{program} {why}; set BROWSER to your browser's command, e.g. BROWSER=firefox")
    }
}

#[cfg(test)]
mod tests {
    use super::open_in_browser;

    #[test]
    fn a_browser_that_cannot_start_is_named_with_how_to_set_another() {
        let said = open_in_browser(
            "https://example.com/",
            Some("/nonexistent/reelread-browser --new-window"),
        )
        .expect_err("no such program");
        assert_eq!(
            said,
            "/nonexistent/reelread-browser (from $BROWSER) was not found; set BROWSER to a browser's command, e.g. BROWSER=firefox"
        );
        // The first of a colon-separated list is the one tried.
        let said = open_in_browser(
            "https://example.com/",
            Some(" :/nonexistent/first:/nonexistent/second"),
        )
        .expect_err("no such program");
        assert!(
            said.starts_with("/nonexistent/first (from $BROWSER)"),
            "{said}"
        );
    }

    #[test]
    fn without_browser_the_platform_opener_is_named() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            super::cannot_start("xdg-open", false, &e),
            "xdg-open was not found; set BROWSER to your browser's command, e.g. BROWSER=firefox"
        );
    }
}
