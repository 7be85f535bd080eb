//! What the reader has read, starred and not yet seen: per-review marks that persist
//! between runs (see `state`), and the keys that change them.

use std::collections::HashMap;

use super::{App, Effect, plural};
use crate::data::LinkRefusal;

/// One review's reading marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    /// Opened at least once (or marked read).
    pub read: bool,
    /// How many comments there were when it was last read.
    pub comments_seen: usize,
    /// Bookmarked.
    pub starred: bool,
}

/// Per entry: read, comments seen, starred; and the saved marks still to apply.
#[derive(Debug, Default)]
pub(super) struct Marks {
    pub(super) per_entry: Vec<Mark>,
    /// Marks changed since the state file was written.
    pub(super) dirty: bool,
    /// Saved marks waiting for their reviews to arrive while loading.
    pub(super) saved: Restore,
    /// The open review was chosen by loading, not by the reader: not yet marked read,
    /// and replaced by the saved last-open review if that arrives before any key.
    pub(super) auto_open: bool,
}

/// Saved marks and positions to start from, by collection key and review ID, so they can
/// be applied to reviews as they arrive.
#[derive(Debug, Clone, Default)]
pub struct Restore {
    /// (collection key, review ID) → marks and scroll position.
    pub reviews: HashMap<(String, String), (Mark, usize)>,
    /// Per collection key: the review that was open when the reader last quit.
    pub last_open: HashMap<String, String>,
    /// The list's sort, reverse flag and hide-read, as last saved.
    pub view: super::SavedView,
}

impl App {
    /// Applies saved marks and positions when the reader starts (before any action), and
    /// opens the review that was open last.
    #[must_use]
    pub fn restored(mut self, saved: Restore) -> Self {
        self.apply_view(saved.view);
        self.marks.saved = saved;
        // Opening the first review at start marked it read; the saved state decides instead.
        self.reading.fresh = None;
        self.marks.dirty = false;
        self.marks.auto_open = true;
        self.restore_entries(0..self.catalog.entries.len());
        self.rebuild_visible();
        self.settle_open();
        self
    }

    /// Applies saved marks to `entries` (new ones), and opens the saved last-open review
    /// if it is among them and the reader has not chosen another yet.
    pub(super) fn restore_entries(&mut self, entries: std::ops::Range<usize>) {
        let mut last_open = None;
        for e in entries {
            let (collection, review) = self.entry(e);
            let key = (collection.key.clone(), review.id.clone());
            let is_last = self.marks.saved.last_open.get(&key.0) == Some(&key.1);
            let (mark, scroll) = self
                .marks
                .saved
                .reviews
                .get(&key)
                .copied()
                .unwrap_or_default();
            self.marks.per_entry[e] = mark;
            self.reading.scroll[e] = scroll;
            if is_last && last_open.is_none() {
                last_open = Some(e);
            }
        }
        if let Some(entry) = last_open.filter(|_| self.marks.auto_open) {
            self.marks.saved.last_open.clear();
            self.reading.open = Some(entry);
            if !self.list.visible.contains(&entry) {
                // It arrived in a later part: list it now, so the cursor can be on it.
                self.rebuild_visible();
            }
            self.list.selected = self
                .list
                .visible
                .iter()
                .position(|&v| v == entry)
                .unwrap_or(0);
            self.show_opened();
        }
    }

    /// Lays out a review that loading opened, at once: a key may come before the next
    /// run of parts is shown, and must find it laid out.
    pub(super) fn show_opened(&mut self) {
        if self.size == (0, 0) {
            self.keep_selection_visible();
        } else {
            self.refresh_view();
        }
    }

    /// Marks the review that loading opened as read, once the reader acts or loading ends:
    /// until then it may still give way to the saved last-open review.
    pub(super) fn settle_open(&mut self) {
        if std::mem::take(&mut self.marks.auto_open)
            && let Some(entry) = self.reading.open
        {
            self.mark_read(entry);
        }
    }

    /// Every entry's marks and position, for saving.
    #[must_use]
    pub fn marks(&self) -> Vec<(usize, Mark, usize)> {
        (0..self.catalog.entries.len())
            .map(|e| (e, self.marks.per_entry[e], self.reading.scroll[e]))
            .collect()
    }

    /// An entry's marks.
    #[must_use]
    pub fn mark(&self, entry: usize) -> Mark {
        self.marks.per_entry.get(entry).copied().unwrap_or_default()
    }

    /// Comments added since the reader last read this entry.
    #[must_use]
    pub fn new_comments(&self, entry: usize) -> usize {
        let mark = self.mark(entry);
        let count = self.entry(entry).1.comments.len();
        if mark.read {
            count.saturating_sub(mark.comments_seen)
        } else {
            0
        }
    }

    /// For the open review: comments from this index on arrived since the last visit.
    #[must_use]
    pub fn first_new_comment(&self) -> Option<usize> {
        self.reading
            .fresh
            .filter(|(e, _)| Some(*e) == self.reading.open)
            .map(|(_, i)| i)
    }

    /// Whether the marks changed since [`Self::saved`] was last called.
    #[must_use]
    pub fn marks_changed(&self) -> bool {
        self.marks.dirty
    }

    /// Notes that the marks were saved.
    pub(super) fn saved(&mut self) {
        self.marks.dirty = false;
    }

    /// Opening a review reads it: remember which comments were new, then count them seen.
    pub(super) fn mark_read(&mut self, entry: usize) {
        let count = self.entry(entry).1.comments.len();
        let mark = &mut self.marks.per_entry[entry];
        let first_new = if mark.read && mark.comments_seen < count {
            Some(mark.comments_seen)
        } else {
            None
        };
        if self.reading.fresh.is_none_or(|(e, _)| e != entry) {
            self.reading.fresh = first_new.map(|i| (entry, i));
        }
        if !mark.read || mark.comments_seen != count {
            mark.read = true;
            mark.comments_seen = count;
            self.marks.dirty = true;
        }
    }

    /// The review a list-style key acts on: the row under the cursor when the list has
    /// focus (as in mail readers), else the review being read.
    pub(super) fn target_entry(&self) -> Option<usize> {
        if self.focus == super::Focus::List {
            self.list.visible.get(self.list.selected).copied()
        } else {
            self.focused_entry()
        }
    }

    /// The title of an entry, short enough for a footer message.
    fn short_title(&self, entry: usize) -> String {
        let title = &self.entry(entry).1.title;
        match title.char_indices().nth(40) {
            Some((cut, _)) => format!("“{}…”", &title[..cut]),
            None => format!("“{title}”"),
        }
    }

    /// `x`: mark the review under the cursor (or being read) unread, or read again.
    pub(super) fn toggle_read(&mut self) {
        let Some(entry) = self.target_entry() else {
            return;
        };
        let title = self.short_title(entry);
        if self.marks.per_entry[entry].read {
            self.marks.per_entry[entry].read = false;
            self.footer.status = Some(format!("Marked {title} unread"));
        } else {
            self.mark_read(entry);
            self.footer.status = Some(format!("Marked {title} read"));
        }
        self.marks.dirty = true;
        self.rebuild_visible();
    }

    /// `H`: hide reviews already read (the open one stays), or show them again.
    pub(super) fn toggle_hide_read(&mut self) {
        self.list.hide_read = !self.list.hide_read;
        self.rebuild_visible();
        let unread = self
            .list
            .visible
            .iter()
            .filter(|&&e| !self.marks.per_entry[e].read)
            .count();
        // The open review stays listed even when read: it is not counted as unread.
        let open_stays = self
            .reading
            .open
            .is_some_and(|e| self.marks.per_entry[e].read && self.list.visible.contains(&e));
        self.footer.status = Some(if self.list.hide_read {
            let hidden = self.hidden_read();
            let also = if open_stays { " + the open one" } else { "" };
            if hidden == 0 {
                format!("Hiding read reviews (none listed now) · {unread} unread listed{also}")
            } else {
                format!(
                    "{} hidden · {unread} unread listed{also}",
                    plural(hidden, "read review")
                )
            }
        } else {
            format!(
                "Read reviews shown: {} listed",
                plural(self.list.visible.len(), "review")
            )
        });
    }

    /// `u`: open the next unread review in list order, wrapping around.
    pub(super) fn next_unread(&mut self) {
        let here = self
            .reading
            .open
            .and_then(|e| self.list.visible.iter().position(|&v| v == e))
            .unwrap_or(0);
        let n = self.list.visible.len();
        let target = (1..=n)
            .map(|k| (here + k) % n)
            .find(|&i| !self.marks.per_entry[self.list.visible[i]].read);
        match target {
            Some(i) => {
                self.list.selected = i;
                self.open_selected();
            }
            None => self.footer.status = Some("Everything listed has been read".to_owned()),
        }
    }

    /// `s`: star or unstar the review under the cursor (or being read).
    pub(super) fn toggle_star(&mut self) {
        let Some(entry) = self.target_entry() else {
            return;
        };
        let title = self.short_title(entry);
        let mark = &mut self.marks.per_entry[entry];
        mark.starred = !mark.starred;
        self.footer.status = Some(if mark.starred {
            format!("Starred {title} (`reelread list --starred` lists it)")
        } else {
            format!("Star removed from {title}")
        });
        self.marks.dirty = true;
    }

    /// `y` / `b`: copy or open the URL of the review under the cursor (or being read),
    /// if it is a web link.
    pub(super) fn request_url_effect(&mut self, open: bool) -> Option<Effect> {
        let entry = self.target_entry()?;
        let url = self.entry(entry).1.url.clone();
        let Some(url) = url else {
            self.footer.status = Some(format!("{} has no URL", self.short_title(entry)));
            return None;
        };
        match crate::data::link_refusal(&url) {
            None => {}
            Some(LinkRefusal::NotWeb) => {
                self.footer.status = Some("Only http(s) links are copied or opened".to_owned());
                return None;
            }
            Some(LinkRefusal::Hidden) => {
                let not = if open { "not opened" } else { "not copied" };
                self.footer.status =
                    Some(format!("This review's URL holds control characters; {not}"));
                return None;
            }
        }
        Some(if open {
            Effect::OpenInBrowser(url)
        } else {
            Effect::CopyToClipboard(url)
        })
    }

    /// `e`: write the focused review to a Markdown file.
    pub(super) fn request_export(&self) -> Option<Effect> {
        self.target_entry().map(Effect::ExportMarkdown)
    }
}

#[cfg(test)]
mod tests {
    use crate::data::{LinkRefusal, is_web_link, link_refusal};

    #[test]
    fn only_plain_web_links_pass() {
        assert!(is_web_link("https://example.com/review"));
        assert!(is_web_link("HTTP://example.com"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("file:///etc/passwd"));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("https://a.com/\u{241b}[31m x"));
    }

    #[test]
    fn a_web_link_with_hidden_characters_or_their_stand_ins_is_refused() {
        for hidden in [
            "\u{1b}]0;x\u{7}",
            "\u{241b}]0;x\u{2407}",
            "\u{9b}",
            "\u{fffd}",
            "\u{202e}",
            "\u{200b}",
            "\u{200d}",
            "\u{2028}",
            " ",
            "\t",
            "\u{a0}",
        ] {
            for url in [
                format!("https://example.com/x{hidden}y"),
                format!("https://example.com/x{hidden}"),
            ] {
                assert_eq!(link_refusal(&url), Some(LinkRefusal::Hidden), "{url:?}");
            }
            assert!(!is_web_link(&format!("{hidden}https://example.com/x")));
        }
        assert_eq!(
            link_refusal("javascript:alert(1)\u{1b}"),
            Some(LinkRefusal::NotWeb)
        );
        assert_eq!(link_refusal("https://例え.jp/レビュー?q=1#a"), None);
    }
}
