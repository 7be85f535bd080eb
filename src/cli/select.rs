//! The options `list` and `export` share, declared once and flattened into both, so the
//! two commands select reviews by the same words and the same rules.

use std::path::PathBuf;

/// Which reviews a command works on.
#[derive(Debug, clap::Args)]
pub struct Selection {
    /// Collection or library folder (bundled collection if omitted).
    pub dir: Option<PathBuf>,
    /// Only reviews by or commented on by a person whose name contains NAME (any case).
    #[arg(long, value_name = "NAME")]
    pub reviewer: Option<String>,
    /// Only reviews whose title, body or comments contain TEXT (any case; spoilers excluded).
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
}
