//! Finding things in the open review: text search (`/`, `n`, `N`), a cast member's
//! mentions (`m`, `M`, across reviews) and comments (`}`, `{`).

use super::{App, CastFocus};
use crate::action::Command;
use crate::doc::{Doc, Hit, Options, Searchable};

/// A search in the open review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// The text searched for (case-insensitive).
    pub query: String,
    /// Matches in the open review's layout.
    pub hits: Vec<Hit>,
    /// The match last jumped to.
    pub current: Option<usize>,
    /// Whether it searches the right side of a split (else the open review).
    pub on_right: bool,
    /// The layout the hits belong to (its line count tells a head from the whole).
    laid_out_for: Option<(usize, Options, usize)>,
}

impl Search {
    fn new(query: String, on_right: bool) -> Self {
        Self {
            query,
            hits: Vec::new(),
            current: None,
            on_right,
            laid_out_for: None,
        }
    }

    /// Recomputes hits if `doc` is not the layout they were found in; `text` is that
    /// layout prepared for searching.
    pub(super) fn refresh(&mut self, entry: usize, doc: &Doc, text: &Searchable) {
        let layout = (entry, doc.options, doc.lines.len());
        if self.laid_out_for != Some(layout) {
            self.hits = text.search(doc, &self.query);
            self.current = self.current.filter(|&c| c < self.hits.len());
            self.laid_out_for = Some(layout);
        }
    }

    /// The same query with no hits (nothing is open).
    pub(super) fn emptied(self) -> Self {
        Self::new(self.query, self.on_right)
    }
}

impl App {
    /// `entry`'s layout prepared for searching, kept while the layout stays: typing a
    /// query in a 5 MB review searches, it does not join and fold four million
    /// characters per keystroke.
    pub(super) fn searchable(&mut self, entry: usize) -> Option<std::sync::Arc<Searchable>> {
        let doc = self.layouts.docs.get(&entry)?;
        // A reload may bring other text with the same entry, options and length.
        let layout = (entry, doc.options, doc.lines.len(), self.catalog.generation);
        if let Some((cached, text)) = &self.layouts.searchable
            && *cached == layout
        {
            return Some(text.clone());
        }
        let text = std::sync::Arc::new(Searchable::new(doc));
        self.layouts.searchable = Some((layout, text.clone()));
        Some(text)
    }
}

/// The next index after (or before) `current` among `len`, wrapping around.
fn wrap_step(current: Option<usize>, len: usize, forward: bool) -> usize {
    match (current, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(c), true) => (c + 1) % len,
        (Some(c), false) => (c + len - 1) % len,
    }
}

impl App {
    /// The entry the search runs in: the focused side of a split, else the open review.
    pub(super) fn search_entry(&self) -> Option<usize> {
        match &self.reading.search {
            Some(s) if s.on_right => self.reading.right,
            _ => self.reading.open,
        }
    }

    /// Sets the search to `query` in the focused review and jumps to the first hit from
    /// the top line on (from the very top with `from_start`).
    pub(super) fn set_search(&mut self, query: &str, from_start: bool) {
        if query.is_empty() {
            self.reading.search = None;
            return;
        }
        let on_right = self.focus == super::Focus::Right && self.reading.right.is_some();
        let mut search = Search::new(query.to_owned(), on_right);
        let entry = if on_right {
            self.reading.right
        } else {
            self.reading.open
        };
        let Some(entry) = entry else { return };
        // A search covers the whole review, not just the head laid out so far.
        self.whole_layout_now(entry);
        if let Some(text) = self.searchable(entry)
            && let Some(doc) = self.layouts.docs.get(&entry)
        {
            search.refresh(entry, doc, &text);
        }
        let top = if from_start { 0 } else { self.top(entry) };
        search.current = search
            .hits
            .iter()
            .position(|h| h.line() >= top)
            .or((!search.hits.is_empty()).then_some(0));
        let line = search.current.map(|c| search.hits[c].line());
        self.reading.search = Some(search);
        if let Some(line) = line {
            self.bring_into_view(entry, line);
        }
    }

    /// `n` / `N`: the next or previous match, wrapping at the ends.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(search) = &mut self.reading.search else {
            self.footer.status = Some(format!(
                "No search: press {} to search this review",
                self.key(Command::Search)
            ));
            return;
        };
        if search.hits.is_empty() {
            self.footer.status = Some(format!("No match for “{}”", search.query));
            return;
        }
        let next = wrap_step(search.current, search.hits.len(), forward);
        let wrapped = search
            .current
            .is_some_and(|c| (next < c) == forward && next != c);
        search.current = Some(next);
        let line = search.hits[next].line();
        if wrapped {
            let end = if forward { "top" } else { "bottom" };
            self.footer.status = Some(format!("Wrapped to the {end}"));
        }
        if let Some(entry) = self.search_entry() {
            self.bring_into_view(entry, line);
        }
    }

    /// Enter on the sidebar: highlight that member's mentions; again on them clears it.
    pub(super) fn toggle_cast_focus(&mut self) {
        let Some(member) = self.cast_member(self.reading.cast_cursor).cloned() else {
            return;
        };
        if let Some(entry) = self.reading.open {
            self.whole_layout_now(entry);
        }
        if self
            .reading
            .cast_focus
            .as_ref()
            .is_some_and(|f| f.actor == member.actor)
        {
            self.reading.cast_focus = None;
            self.footer.status = Some(format!("{} no longer highlighted", member.actor));
            return;
        }
        self.reading.cast_focus = Some(CastFocus {
            actor: member.actor.clone(),
            hits: Vec::new(),
            current: None,
        });
        self.refresh_view();
        let count = self.reading.cast_focus.as_ref().map_or(0, |f| f.hits.len());
        let keys = format!(
            "{}/{}",
            self.key(Command::NextMention),
            self.key(Command::PrevMention)
        );
        self.footer.status = Some(if count == 0 {
            format!(
                "{}: not mentioned here · {keys} look in the other reviews",
                member.actor
            )
        } else {
            format!(
                "{}: {} here · {keys} jump between them",
                member.actor,
                super::plural(count, "mention")
            )
        });
    }

    /// `m` / `M`: the next or previous mention, moving on to the next review that has one.
    pub(super) fn step_mention(&mut self, forward: bool) {
        let Some(focus) = &self.reading.cast_focus else {
            self.footer.status = Some(if self.panes().cast.is_some() {
                "Pick an actor first: Tab to the cast sidebar, Enter on a name".to_owned()
            } else if self.settings.sidebar {
                format!(
                    "The cast sidebar needs {} columns: widen the terminal to pick an actor",
                    crate::layout::SIDEBAR_WIDTH
                )
            } else {
                "The cast sidebar is off (sidebar = false in the config)".to_owned()
            });
            return;
        };
        let top = self.scroll();
        let next = match (focus.current, forward) {
            (Some(c), true) => (c + 1 < focus.hits.len()).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => focus.hits.iter().position(|h| h.line() >= top),
            (None, false) => focus
                .hits
                .iter()
                .rposition(|h| h.line() < top + self.reading_height()),
        };
        if let Some(next) = next {
            let line = focus.hits[next].line();
            let (count, actor) = (focus.hits.len(), focus.actor.clone());
            if let Some(f) = &mut self.reading.cast_focus {
                f.current = Some(next);
            }
            self.footer.status = Some(format!("{actor}: mention {}/{count}", next + 1));
            self.bring_into_view_open(line);
            return;
        }
        self.mention_in_other_review(forward);
    }

    fn mention_in_other_review(&mut self, forward: bool) {
        let Some(actor) = self.reading.cast_focus.as_ref().map(|f| f.actor.clone()) else {
            return;
        };
        let here = self
            .reading
            .open
            .and_then(|e| self.list.visible.iter().position(|&v| v == e));
        let order: Vec<usize> = match (here, forward) {
            (Some(h), true) => self.list.visible[h + 1..].to_vec(),
            (Some(h), false) => self.list.visible[..h].iter().rev().copied().collect(),
            (None, _) => self.list.visible.clone(),
        };
        let target = order.into_iter().find(|&e| {
            let (c, _) = self.catalog.entries[e];
            let member = self.catalog.library.collections[c]
                .film
                .cast
                .iter()
                .position(|m| m.actor == actor);
            member.is_some_and(|m| {
                self.count_mentions(c);
                self.catalog.mentions[e][m] > 0
            })
        });
        let Some(target) = target else {
            let here = self.reading.cast_focus.as_ref().map_or(0, |f| f.hits.len());
            let end = if forward { "last" } else { "first" };
            self.footer.status = Some(if here == 0 {
                format!("No other listed review mentions {actor}")
            } else {
                format!("No more mentions of {actor}: this is the {end}")
            });
            return;
        };
        self.list.selected = self
            .list
            .visible
            .iter()
            .position(|&v| v == target)
            .unwrap_or(0);
        self.open_selected();
        let Some(focus) = &mut self.reading.cast_focus else {
            return;
        };
        let index = if forward {
            0
        } else {
            focus.hits.len().saturating_sub(1)
        };
        focus.current = (!focus.hits.is_empty()).then_some(index);
        let line = focus.hits.get(index).map(Hit::line);
        let count = self.reading.cast_focus.as_ref().map_or(0, |f| f.hits.len());
        let which = if forward { "next" } else { "previous" };
        self.footer.status = Some(if count == 0 {
            // Counted in the text, yet not in this layout: only in folded comments.
            format!(
                "{actor}: the {which} review mentions them only in its hidden comments ({} shows them)",
                self.key(Command::ToggleComments)
            )
        } else {
            format!("{actor}: mention {}/{count}, {which} review", index + 1)
        });
        if let Some(line) = line {
            self.bring_into_view_open(line);
        }
    }

    /// `}` / `{`: scroll the focused review to the next or previous comment.
    pub(super) fn step_comment(&mut self, forward: bool) {
        let Some(entry) = self.focused_entry() else {
            return;
        };
        // Comments come after the body: a head has none yet.
        self.whole_layout_now(entry);
        if self.reading.collapsed.contains(&entry) {
            self.footer.status = Some(format!(
                "Comments are hidden: {} shows them",
                self.key(Command::ToggleComments)
            ));
            return;
        }
        let starts = self
            .layouts
            .docs
            .get(&entry)
            .map(Doc::comment_starts)
            .unwrap_or_default();
        if starts.is_empty() {
            self.footer.status = Some("This review has no comments".to_owned());
            return;
        }
        // The header line of a comment sits one line below the blank line before it.
        let top = self.top(entry) + 1;
        let target = if forward {
            starts.iter().find(|&&s| s > top)
        } else {
            starts.iter().rev().find(|&&s| s < top)
        };
        let current = self.top(entry);
        let moved = target.map(|&line| (line - 1).min(self.max_scroll_of(entry)));
        if let Some(scroll) = moved.filter(|&s| s != current) {
            self.reading.scroll[entry] = scroll;
            let number = target.map_or(0, |t| starts.iter().position(|s| s == t).unwrap_or(0) + 1);
            self.footer.status = Some(format!("Comment {number}/{}", starts.len()));
        } else {
            let end = if forward { "last" } else { "first" };
            self.footer.status = Some(format!("Already at the {end} comment"));
        }
    }
}
