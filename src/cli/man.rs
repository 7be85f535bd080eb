//! `reelread man`: one manual page, roff, for `reelread man | man -l -` or a packager.
//! Generated from the same sources as everything else: the clap definitions for the
//! options and commands, the keymap for KEYS (the table `reelread keys` prints), the
//! real paths and variables for FILES and ENVIRONMENT, and `status` for EXIT STATUS.
//!
//! One page, not one per command: `reelread man` prints a page a person reads at once,
//! and pages such as `reelread-list(1)` would exist only where someone installed them,
//! so every command is a subsection of COMMANDS here and no page refers to another.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::config::Config;

/// `reelread man`.
pub fn print(config: &Config) -> ExitCode {
    let page = render(config);
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(page.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("reelread man: {e}");
            super::status::trouble()
        }
        _ => super::status::found(),
    }
}

/// The whole page.
#[must_use]
pub fn render(config: &Config) -> String {
    let command = super::Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = String::new();
    for part in [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
        clap_mangen::Man::render_synopsis_section,
    ] {
        out.push_str(&rendered(&man, part));
        if out.contains(".TH ") && !out.contains("\n.nh\n") {
            // No word is ever broken with a hyphen: paths, IDs and options must read
            // as typed.
            out.push_str(".nh\n");
        }
    }
    out.push_str(DESCRIPTION);
    out.push_str(&rendered(&man, clap_mangen::Man::render_options_section));
    commands(&mut out, &command);
    examples(&mut out);
    keys(&mut out, config);
    out.push_str(&exit_status());
    out.push_str(FILES);
    out.push_str(ENVIRONMENT);
    out.push_str(&rendered(&man, clap_mangen::Man::render_version_section));
    once_preamble(&out)
}

/// One of `clap_mangen`'s sections as text.
fn rendered(
    man: &clap_mangen::Man,
    part: fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>,
) -> String {
    let mut bytes = Vec::new();
    // Writing into memory does not fail.
    let _ = part(man, &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Text made safe for roff: backslashes and hyphens escaped, a leading `.` or `'` (a
/// control line) guarded.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in crate::data::sanitize_line(text).chars() {
        match c {
            '\\' => escaped.push_str("\\e"),
            '-' => escaped.push_str("\\-"),
            // Any groff or mandoc reads these, with or without preconv.
            c if !c.is_ascii() => {
                let _ = write!(escaped, "\\[u{:04X}]", u32::from(c));
            }
            c => escaped.push(c),
        }
    }
    let text = escaped;
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}

/// COMMANDS: each one's synopsis, what it does and its options, as a subsection.
fn commands(out: &mut String, top: &clap::Command) {
    out.push_str(".SH COMMANDS\n");
    for sub in top.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        let full = sub.clone().bin_name(format!("reelread {name}"));
        let man = clap_mangen::Man::new(full.clone());
        let _ = writeln!(out, ".SS \"reelread {}\"", escape(name));
        let synopsis = rendered(&man, clap_mangen::Man::render_synopsis_section);
        out.push_str(&without_heading(&synopsis));
        if let Some(about) = full.get_long_about().or_else(|| full.get_about()) {
            let _ = writeln!(out, ".PP\n{}", escape(&about.to_string()));
        }
        let options = rendered(&man, clap_mangen::Man::render_options_section);
        out.push_str(&without_heading(&options));
    }
}

/// A section's body without its `.SH` line, to sit under a `.SS` instead.
fn without_heading(section: &str) -> String {
    section
        .lines()
        .filter(|line| !line.starts_with(".SH "))
        .fold(String::new(), |mut out, line| {
            out.push_str(line);
            out.push('\n');
            out
        })
}

/// EXAMPLES, each command kept on its line (no filling, no hyphenation) with what it does
/// indented beneath.
fn examples(out: &mut String) {
    out.push_str(".SH EXAMPLES\n");
    for (command, what) in super::EXAMPLES {
        let _ = writeln!(
            out,
            ".PP\n.RS 4\n.nf\n\\fB{}\\fR\n.fi\n.RE\n.RS 8\n{}\n.RE",
            escape(command),
            escape(what)
        );
    }
}

/// KEYS: every command of the reader with its keys, from the keymap in force.
fn keys(out: &mut String, config: &Config) {
    out.push_str(
        ".SH KEYS\nThe reader's keys, as bound now (the defaults, or your config.toml's \\fB[keys]\\fR); \\fBreelread keys\\fR prints the same table and \\fB?\\fR in the reader shows it.\n",
    );
    let mut section = None;
    for (in_section, name, keys, description) in super::setup::key_rows(config) {
        if section != Some(in_section) {
            let _ = writeln!(out, ".SS {}", escape(in_section.title()));
            section = Some(in_section);
        }
        let _ = writeln!(
            out,
            ".TP\n\\fB{}\\fR (\\fI{}\\fR)\n{}",
            escape(&keys),
            escape(name),
            escape(description)
        );
    }
}

/// EXIT STATUS, from the table every command follows.
fn exit_status() -> String {
    let mut out = String::from(
        ".SH \"EXIT STATUS\"\nEvery command follows grep's rule: \\fB0\\fR when it found (or did) what was asked, \\fB1\\fR when it worked and found nothing, \\fB2\\fR for a usage or data error. Per command:\n",
    );
    for (command, found, nothing, trouble) in super::status::TABLE {
        let _ = writeln!(
            out,
            ".TP\n\\fB{}\\fR\n0: {}.\n.br\n1: {}.\n.br\n2: {}.",
            escape(command),
            escape(found),
            escape(nothing),
            escape(trouble)
        );
    }
    out.push_str(
        ".PP\nA signal ends the reader with 128 plus its number, as a shell reports it.\n",
    );
    out
}

/// Each of `clap_mangen`'s parts defines the `Aq` string again; once, at the top, is enough.
fn once_preamble(page: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(page.len());
    for line in page.lines() {
        let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if preamble {
            if seen.contains(&line) {
                continue;
            }
            seen.push(line);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

const DESCRIPTION: &str = r".SH DESCRIPTION
reelread reads collections of film reviews (a folder with \fBfilm.toml\fR and \fBreviews/\fR, or a library of such folders, one per film) and shows them in the terminal: a list of reviews, a reading pane with the comments, and the film's cast. Given no folder, it reads your library once it holds a collection, else the bundled one.
.PP
The commands below print the same reviews for scripts and pipes. A review's ID is its file name without \fB.toml\fR; \fIFILM\fR/\fIID\fR (the film's folder name, a slash, the ID) names one review wherever an ID is taken, and is needed when two films of a library have the same ID.
";

const FILES: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/reelread/config.toml\fR
Settings (\fB\-\-config\fR reads another file). \fBreelread config\fR prints the settings in force.
.TP
\fI$XDG_CONFIG_HOME/reelread/sources.toml\fR
The followed sources (\fBfollow\fR, \fBunfollow\fR; may be edited by hand).
.TP
\fI$XDG_DATA_HOME/reelread/library/\fR
The library: one collection folder per film, written by \fBfetch\fR and \fBimport\fR and read by every command given no folder. \fBlibrary = "PATH"\fR in config.toml moves it.
.TP
\fI$XDG_STATE_HOME/reelread/state.toml\fR
The reading state: what you read and starred, the comments seen.
.TP
\fI$XDG_STATE_HOME/reelread/fetch.toml\fR
What each source last sent, so a fetch asks only for what changed and finds its files again.
.PP
Unset, \fI$XDG_CONFIG_HOME\fR is \fI~/.config\fR, \fI$XDG_DATA_HOME\fR is \fI~/.local/share\fR and \fI$XDG_STATE_HOME\fR is \fI~/.local/state\fR.
"#;

const ENVIRONMENT: &str = r".SH ENVIRONMENT
.TP
\fBHOME\fR, \fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR, \fBXDG_STATE_HOME\fR
Where the files above are.
.TP
\fBNO_COLOR\fR
Set to anything but empty: no colour, unless \fB\-\-color always\fR.
.TP
\fBTERM\fR
\fBdumb\fR: no colour, unless \fB\-\-color always\fR.
.TP
\fBBROWSER\fR
The program \fBb\fR opens a review's link with; \fBxdg\-open\fR (\fBopen\fR on macOS) when unset.
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor \fBE\fR opens a review's file in (the first set; \fBvi\fR when neither is), split on
spaces, so \fBEDITOR='code \-\-wait'\fR works.
";
