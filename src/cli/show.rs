//! `reelread show`: a review as plain text, laid out exactly as in the reading pane.

use std::process::ExitCode;

use crate::data::Library;
use crate::doc;

pub fn run(library: &Library, id: &str, width: usize) -> ExitCode {
    let found = library
        .reviews()
        .find(|(c, r)| library.qualified_id(c, r) == id || r.id == id);
    let Some((_, review)) = found else {
        eprintln!(
            "reelread: no review with ID `{}`; `reelread list` shows the IDs",
            crate::data::sanitize(id)
        );
        return ExitCode::FAILURE;
    };
    for line in doc::build(review, width).plain_lines() {
        println!("{}", line.trim_end());
    }
    ExitCode::SUCCESS
}
