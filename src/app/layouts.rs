//! Laid-out reviews, kept per entry for the options they were made with, and what a
//! search in the open review needs prepared.

use std::collections::HashMap;
use std::sync::Arc;

use super::view::Anchor;
use crate::doc::{Doc, Options, Searchable};

/// Which layout a prepared search text belongs to: entry, options, line count and the
/// data's generation.
pub(super) type SearchedLayout = (usize, Options, usize, u64);

/// The layouts of the reviews shown (and a few more), and the searched one's text.
#[derive(Debug, Default)]
pub(super) struct LayoutCache {
    pub(super) docs: HashMap<usize, Doc>,
    /// The searched layout (entry, options, line count, generation), prepared.
    pub(super) searchable: Option<(SearchedLayout, Arc<Searchable>)>,
    /// Per huge review laid out head first after a re-wrap: where to put the reader
    /// when the whole layout arrives.
    pub(super) anchors: HashMap<usize, Anchor>,
}
