//! What the list holds and in which order: the reviewer filter, the text filter and the
//! sort, recombined whenever one of them changes.

use fixedbitset::FixedBitSet;

use super::{App, ListQuery};
use crate::data::same_name;
use crate::data::scan::Hit;
use crate::query::{self, SortKey};
use rayon::prelude::*;

/// Entries that hold a text filter's query, ascending, each with where its first hit is.
pub(super) type Matches = Box<[(u32, Hit)]>;

/// The list's rows (filtered, then sorted), its cursor and scroll, and what narrows it.
#[derive(Debug)]
pub(super) struct ListView {
    /// Entries shown in the list: filtered, then sorted.
    pub(super) visible: Vec<usize>,
    pub(super) selected: usize,
    /// First row drawn.
    pub(super) offset: usize,
    /// The person the list is filtered by.
    pub(super) filter: Option<String>,
    /// The list's text filter.
    pub(super) query: Option<ListQuery>,
    /// The last few text filters' matches, by folded query, each with where its first
    /// hit is, so a keystroke searches only the matches of a shorter query from their
    /// hits on, and a deleted character goes back to matches already found; cleared
    /// whenever entries arrive.
    pub(super) recent: Vec<(String, Matches)>,
    /// The text filter's query, prepared for counting the hits of the rows drawn.
    pub(super) needle: Option<crate::data::scan::Needle>,
    pub(super) sort: SortKey,
    pub(super) reverse: bool,
    pub(super) hide_read: bool,
}

impl Default for ListView {
    fn default() -> Self {
        Self {
            visible: Vec::new(),
            selected: 0,
            offset: 0,
            filter: None,
            query: None,
            recent: Vec::new(),
            needle: None,
            sort: SortKey::File,
            reverse: false,
            hide_read: false,
        }
    }
}

impl App {
    /// Recomputes the visible entries, keeping the cursor on the same review if it stays.
    pub(super) fn rebuild_visible(&mut self) {
        let keep = self
            .list
            .visible
            .get(self.list.selected)
            .copied()
            .or(self.reading.open);
        let mut visible = self.narrowed(self.list.hide_read);
        let key = self.list.sort;
        if key == SortKey::Length {
            self.count_words();
        }
        query::sort_by_value(&mut visible, key, self.list.reverse, |&e| {
            let review = self.entry(e).1;
            match key {
                // Counted once: 10,000 bodies are not split again on every change.
                SortKey::Length => Some(query::length_words(review, self.catalog.words[e])),
                key => key.value(review),
            }
        });
        self.list.visible = visible;
        self.list.selected = keep
            .and_then(|k| self.list.visible.iter().position(|&v| v == k))
            .unwrap_or(0);
        self.list.offset = 0;
        self.keep_selection_visible();
    }

    /// The entries the reviewer and text filters keep, in file order; without the read
    /// ones when `hide_read` (but never the one being read).
    fn narrowed(&self, hide_read: bool) -> Vec<usize> {
        let keeps = |e: &usize| {
            let by_text = self
                .list
                .query
                .as_ref()
                .is_none_or(|q| q.matches.contains(*e));
            let by_read =
                !hide_read || !self.marks.per_entry[*e].read || Some(*e) == self.reading.open;
            by_text && by_read
        };
        match self.list.filter.as_deref() {
            Some(name) => self
                .catalog
                .entries_of(name)
                .iter()
                .map(|&e| e as usize)
                .filter(keeps)
                .collect(),
            None => (0..self.catalog.entries.len()).filter(keeps).collect(),
        }
    }

    /// How many listed reviews hide-read leaves out (0 when it is off).
    pub(super) fn hidden_read(&self) -> usize {
        if self.list.hide_read {
            self.narrowed(false)
                .len()
                .saturating_sub(self.list.visible.len())
        } else {
            0
        }
    }

    /// ` · 3 read hidden (H shows them)` while hide-read leaves reviews out, for the
    /// messages that count the list.
    pub(super) fn hidden_read_note(&self) -> String {
        match self.hidden_read() {
            0 => String::new(),
            n => format!(
                " · {} hidden ({} shows {})",
                super::plural(n, "read review"),
                self.key(crate::action::Command::HideRead),
                if n == 1 { "it" } else { "them" }
            ),
        }
    }

    /// Sets or clears the reviewer filter, keeping the open review when it stays listed.
    pub(super) fn set_filter(&mut self, name: Option<String>) {
        self.list.filter = name;
        self.rebuild_visible();
        self.footer.filter_note = self.filter_message();
        self.footer.status = Some(self.footer.filter_note.clone().unwrap_or_else(|| {
            format!(
                "Filter cleared: {} listed{}",
                super::plural(self.list.visible.len(), "review"),
                self.hidden_read_note()
            )
        }));
        if self.list.filter.is_some() {
            self.open_selected();
            self.scroll_to_first_filtered_comment();
        }
    }

    /// Counts the words of every body not counted yet (on every core): needed only to
    /// sort by length, so not while loading.
    fn count_words(&mut self) {
        let first = self.catalog.words.len();
        let bodies: Vec<&str> = (first..self.catalog.entries.len())
            .map(|e| self.entry(e).1.body.as_str())
            .collect();
        let counts: Vec<usize> = bodies
            .par_iter()
            .with_min_len(256)
            .map(|body| body.split_whitespace().count())
            .collect();
        self.catalog.words.extend(counts);
    }

    /// What the footer says about the reviewer filter in force.
    pub(super) fn filter_message(&self) -> Option<String> {
        let name = self.list.filter.as_deref()?;
        let theirs = self.list.visible.len() + self.hidden_read();
        Some(if theirs == 0 {
            format!("No review by or commented on by {name}")
        } else {
            format!(
                "{theirs} of {} with {name} as author or commenter{}",
                super::plural(self.catalog.entries.len(), "review"),
                self.hidden_read_note()
            )
        })
    }

    /// Narrows the list to reviews containing `text` (title, body or comments).
    pub(super) fn set_list_query(&mut self, text: &str) {
        // Prepared once here: each row on screen counts its hits with it, every frame.
        self.list.needle = crate::data::scan::Needle::new(text);
        if text.trim().is_empty() {
            self.list.query = None;
        } else {
            let matches = self.text_matches(text);
            self.list.query = Some(ListQuery {
                text: text.to_owned(),
                matches,
            });
        }
        self.rebuild_visible();
    }

    /// Entries containing `text`: remembered, or found among the matches of the longest
    /// remembered query it extends (folding is per character, so a longer query only
    /// matches where its prefix did), or in the whole library.
    fn text_matches(&mut self, text: &str) -> FixedBitSet {
        /// Enough for a word typed and corrected; each set is at most one per entry.
        const REMEMBERED: usize = 16;
        let key = crate::data::fold::folded(text);
        let recent = &mut self.list.recent;
        if let Some(at) = recent.iter().position(|(k, _)| *k == key) {
            let found = recent.remove(at);
            let matches = entries(&found.1);
            recent.push(found);
            return matches;
        }
        let whole: Matches;
        let shorter = recent
            .iter()
            .filter(|(k, _)| key.starts_with(k.as_str()))
            .max_by_key(|(k, _)| k.len());
        let candidates: &[(u32, Hit)] = if let Some((_, shorter)) = shorter {
            shorter
        } else {
            let every = u32::try_from(self.catalog.entries.len()).unwrap_or(u32::MAX);
            whole = (0..every).map(|e| (e, Hit::default())).collect();
            &whole
        };
        let searchable: Vec<_> = candidates
            .iter()
            .map(|&(e, from)| {
                let (review, indexed) = self.catalog.searchable(e as usize);
                (review, indexed, from)
            })
            .collect();
        let found = query::first_hits(&searchable, text);
        let matches: Matches = candidates
            .iter()
            .zip(found)
            .filter_map(|(&(e, _), hit)| Some((e, hit?)))
            .collect();
        let set = entries(&matches);
        if recent.len() == REMEMBERED {
            recent.remove(0);
        }
        recent.push((key, matches));
        set
    }

    /// Enter in the list's text prompt: the filter stays and its first hit opens, with
    /// the reading search on the same text; what the footer says about it.
    pub(super) fn list_filter_kept(&mut self, text: &str) -> String {
        let n = self.list.visible.len();
        let hidden = self.hidden_read_note();
        let esc = self.key(crate::action::Command::Back);
        if n == 0 {
            return format!("No review contains “{text}”{hidden} · {esc} clears");
        }
        self.list.selected = 0;
        self.open_selected();
        self.focus = super::Focus::Reading;
        // The first Esc ends the reading search on the same text, the second the filter.
        format!(
            "{} “{text}”{hidden} · {esc} twice clears",
            super::plural(n, "review") + " " + super::agrees(n, "contains", "contain")
        )
    }

    /// `o` / `O`: the next sort order, or the same order reversed.
    pub(super) fn change_sort(&mut self, next_key: bool) {
        if next_key {
            self.list.sort = self.list.sort.next();
            self.list.reverse = false;
        } else {
            self.list.reverse = !self.list.reverse;
        }
        self.rebuild_visible();
        let (key, reverse) = (self.list.sort, self.list.reverse);
        let other = self.key(crate::action::Command::ReverseSort);
        self.footer.status = Some(match key {
            SortKey::File if reverse => "Sorted as in the files, reversed".to_owned(),
            SortKey::File => "Sorted as in the files".to_owned(),
            key => {
                let unknown = match key {
                    SortKey::Date => "; unknown dates last",
                    SortKey::Rating => "; unrated last",
                    _ => "",
                };
                format!(
                    "Sorted by {key}, {} ({other}: {}){unknown}",
                    key.direction(reverse),
                    key.direction(!reverse),
                )
            }
        });
    }

    /// Brings the filtered person's first comment into view, a line of context above it.
    fn scroll_to_first_filtered_comment(&mut self) {
        let (Some(entry), Some(name)) = (self.reading.open, self.list.filter.as_deref()) else {
            return;
        };
        let (_, review) = self.entry(entry);
        let Some(first) = review
            .comments
            .iter()
            .position(|c| same_name(c.author.as_deref(), name))
        else {
            return;
        };
        let line = self
            .open_doc()
            .and_then(|d| d.lines.iter().position(|l| l.comment == Some(first)));
        if let Some(line) = line {
            self.reading.scroll[entry] = line.saturating_sub(1).min(self.max_scroll());
        }
    }
}

/// The entries of remembered matches, as the list's filter holds them.
fn entries(matches: &[(u32, Hit)]) -> FixedBitSet {
    matches.iter().map(|&(e, _)| e as usize).collect()
}
