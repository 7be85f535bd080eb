//! What `update` asks of the terminal loop: the I/O and the workers the state cannot run.

/// Work only the terminal loop can do (I/O), requested by [`super::update`]; the loop reports
/// back with [`crate::action::Action::Notify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this URL on the clipboard with OSC 52.
    CopyToClipboard(String),
    /// Open this URL in the browser.
    OpenInBrowser(String),
    /// Write this entry to a Markdown file.
    ExportMarkdown(usize),
    /// Give the terminal back and stop until the shell resumes us.
    Suspend,
    /// A huge review on screen is laid out only in part: make the whole layout on a
    /// worker thread ([`super::App::next_layout_job`], then [`super::App::install_layout`]).
    LayOut,
    /// Fetch every followed source on a worker, reporting with [`crate::action::Action::Fetch`].
    Fetch,
    /// Read the followed sources' rows, reporting with [`crate::action::Action::Sources`].
    ListSources,
    /// Give the terminal to `$VISUAL` / `$EDITOR` on this review file, then take it back
    /// and re-read the library so the edit shows.
    Edit(std::path::PathBuf),
    /// Load the library from disk again now (`Ctrl-r`), reporting with
    /// [`crate::action::Action::Reloaded`].
    Reload,
}
