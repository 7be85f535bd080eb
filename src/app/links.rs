//! The link picker (`L`), newsboat's link list: every web link in a review's body and
//! comments, once each and in order of appearance, with where it was found, to open in
//! the browser or copy. Links stay plain text; nothing here writes OSC 8.

use pulldown_cmark::{Event, Parser, Tag, TagEnd, TextMergeStream};

use super::{App, Effect, Mode};
use crate::action::{Action, Command};
use crate::data::Review;
use crate::doc::spoiler::MARKER;

/// One link of the picker and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The address, an http(s) link with nothing hidden in it.
    pub url: String,
    /// Where it was found: `body`, `comment #2 by Ana Ruiz`.
    pub origin: String,
    /// The words a Markdown link was written on, when they say more than the address.
    pub text: Option<String>,
}

/// The picker over one review's links.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkList {
    /// The review the links are from.
    pub entry: usize,
    /// The links, first seen first.
    pub links: Vec<Link>,
    /// The link under the cursor.
    pub cursor: usize,
    /// Links left out because they are not http(s) or hold hidden characters.
    pub refused: usize,
    /// Links left out because they are inside spoilers still hidden.
    pub in_spoilers: usize,
}

impl LinkList {
    /// The link under the cursor.
    #[must_use]
    pub fn current(&self) -> Option<&Link> {
        self.links.get(self.cursor)
    }
}

/// What a scan found: each address in order, with its words and whether a hidden spoiler
/// holds it.
struct Found {
    url: String,
    text: Option<String>,
    hidden: bool,
}

/// Every link of `review`: the body's Markdown links and bare addresses, then each
/// comment's; `reveal` says whether spoilers are shown (links inside hidden ones are
/// counted, not listed).
#[must_use]
pub fn links_of(review: &Review, entry: usize, reveal: bool) -> LinkList {
    let mut list = LinkList {
        entry,
        ..LinkList::default()
    };
    let mut seen = std::collections::HashSet::new();
    let mut add = |list: &mut LinkList, found: Vec<Found>, origin: &str| {
        for f in found {
            if !seen.insert(f.url.clone()) {
                continue;
            }
            if crate::data::link_refusal(&f.url).is_some() {
                list.refused += 1;
            } else if f.hidden && !reveal {
                list.in_spoilers += 1;
            } else {
                list.links.push(Link {
                    url: f.url,
                    origin: origin.to_owned(),
                    text: f.text,
                });
            }
        }
    };
    add(&mut list, markdown_links(&review.body), "body");
    for (i, comment) in review.comments.iter().enumerate() {
        let origin = match &comment.author {
            Some(author) => format!("comment #{} by {author}", i + 1),
            None => format!("comment #{}", i + 1),
        };
        let mut found = Vec::new();
        let mut inside = false;
        bare_links(&comment.text, &mut inside, &mut found);
        add(&mut list, found, &origin);
    }
    list
}

/// Links of a Markdown text: `[words](url)`, `<url>` and bare addresses in the text.
fn markdown_links(markdown: &str) -> Vec<Found> {
    let mut found = Vec::new();
    // Inside `||…||`, which spans events the way the reader draws it.
    let mut inside = false;
    // The link being read: its index in `found` and its words so far.
    let mut open: Option<(usize, String)> = None;
    let mut depth = 0usize;
    // Text arrives cut at every character Markdown might use (`_`, `(`): merged, an
    // address is seen whole.
    for event in TextMergeStream::new(Parser::new(markdown)) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                depth += 1;
                if depth == 1 {
                    found.push(Found {
                        url: dest_url.trim().to_owned(),
                        text: None,
                        hidden: inside,
                    });
                    open = Some((found.len() - 1, String::new()));
                }
            }
            Event::End(TagEnd::Link) => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some((at, words)) = open.take()
                {
                    let words = words.trim();
                    if !words.is_empty() && words != found[at].url {
                        found[at].text = Some(words.to_owned());
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, words)) = open.as_mut() {
                    words.push_str(&text);
                    inside ^= text.matches(MARKER).count() % 2 == 1;
                } else {
                    bare_links(&text, &mut inside, &mut found);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, words)) = open.as_mut() {
                    words.push(' ');
                }
            }
            _ => {}
        }
    }
    found
}

/// Bare `http://` and `https://` addresses in plain text, noting which lie inside a
/// spoiler (`inside` carries the spoiler state from one piece of text to the next).
fn bare_links(text: &str, inside: &mut bool, found: &mut Vec<Found>) {
    for (i, part) in text.split(MARKER).enumerate() {
        if i > 0 {
            *inside = !*inside;
        }
        let lower = part.to_ascii_lowercase();
        let mut from = 0;
        while let Some(at) = next_scheme(&lower, from) {
            let start = from + at;
            let boundary = part[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let end = part[start..]
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
                .map_or(part.len(), |n| start + n);
            let url = trim_end(&part[start..end]);
            if boundary && !url.is_empty() {
                found.push(Found {
                    url: url.to_owned(),
                    text: None,
                    hidden: *inside,
                });
            }
            from = end.max(start + 1);
        }
    }
}

/// Where the next `http://` or `https://` starts in lower-cased text, from `from`.
fn next_scheme(lower: &str, from: usize) -> Option<usize> {
    let rest = lower.get(from..)?;
    match (rest.find("http://"), rest.find("https://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Leaves off what ends a sentence rather than an address: a full stop, a comma, a
/// closing bracket that was not opened inside it.
fn trim_end(url: &str) -> &str {
    let mut url = url;
    loop {
        let Some(last) = url.chars().next_back() else {
            return url;
        };
        let unbalanced = |open: char, close: char| {
            last == close && url.matches(open).count() < url.matches(close).count()
        };
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_')
            || unbalanced('(', ')')
            || unbalanced('[', ']')
        {
            url = &url[..url.len() - last.len_utf8()];
        } else {
            return url;
        }
    }
}

impl App {
    /// `z` in the picker: the review's spoilers shown or hidden, and its links again.
    fn reveal_links(&mut self, entry: usize, cursor: usize) {
        if self.focused_entry() != Some(entry) {
            self.footer.status = Some("Spoilers are shown in the review being read".to_owned());
            return;
        }
        self.toggle_spoilers();
        let mut list = links_of(self.entry(entry).1, entry, self.is_revealed(entry));
        list.cursor = cursor.min(list.links.len().saturating_sub(1));
        self.mode = Mode::Links(list);
    }

    /// `L`: the picker over the links of the review under the cursor (or being read).
    pub(super) fn open_links(&mut self) {
        let Some(entry) = self.target_entry() else {
            self.footer.status = Some("No review open".to_owned());
            return;
        };
        let list = links_of(self.entry(entry).1, entry, self.is_revealed(entry));
        self.mode = Mode::Links(list);
    }

    /// Keys in the link picker: move, open (`b` or Enter), copy (`y`), close.
    pub(super) fn links_update(&mut self, action: &Action) -> Option<Effect> {
        if let (Action::Run(Command::ToggleSpoilers), Mode::Links(list)) = (action, &self.mode) {
            self.reveal_links(list.entry, list.cursor);
            return None;
        }
        let Mode::Links(list) = &mut self.mode else {
            return None;
        };
        let end = list.links.len().saturating_sub(1);
        let command = match action {
            Action::Run(command) => *command,
            Action::Wheel(_, _, true) => Command::Down,
            Action::Wheel(_, _, false) => Command::Up,
            _ => return None,
        };
        match command {
            Command::Up => list.cursor = list.cursor.saturating_sub(1),
            Command::Down => list.cursor = (list.cursor + 1).min(end),
            Command::PageUp | Command::HalfPageUp => list.cursor = list.cursor.saturating_sub(5),
            Command::PageDown | Command::HalfPageDown => {
                list.cursor = (list.cursor + 5).min(end);
            }
            Command::Top => list.cursor = 0,
            Command::Bottom => list.cursor = end,
            Command::Open | Command::OpenUrl => {
                return list.current().map(|l| Effect::OpenInBrowser(l.url.clone()));
            }
            Command::CopyUrl => {
                return list
                    .current()
                    .map(|l| Effect::CopyToClipboard(l.url.clone()));
            }
            Command::Back | Command::Links => self.mode = Mode::Normal,
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn review(body: &str, comments: &[(&str, Option<&str>)]) -> Review {
        let mut text = format!("title = \"T\"\nbody = '''\n{body}\n'''\n");
        for (comment, author) in comments {
            let _ = writeln!(text, "[[comments]]\ntext = '''{comment}'''");
            if let Some(a) = author {
                let _ = writeln!(text, "author = \"{a}\"");
            }
        }
        toml::from_str(&text).expect("review")
    }

    fn urls(list: &LinkList) -> Vec<&str> {
        list.links.iter().map(|l| l.url.as_str()).collect()
    }

    #[test]
    fn markdown_and_bare_links_in_order_once_each_with_their_origin() {
        let r = review(
            "See [the trailer](https://a.example/t) and https://b.example/x.\n\
             Again (https://a.example/t), <https://c.example/> and [x](mailto:me@x.example).",
            &[
                (
                    "Mine: https://d.example/p?q=1, and https://b.example/x",
                    Some("Ana"),
                ),
                ("http://e.example", None),
            ],
        );
        let list = links_of(&r, 0, false);
        assert_eq!(
            urls(&list),
            [
                "https://a.example/t",
                "https://b.example/x",
                "https://c.example/",
                "https://d.example/p?q=1",
                "http://e.example",
            ]
        );
        assert_eq!(list.links[0].text.as_deref(), Some("the trailer"));
        assert_eq!(list.links[0].origin, "body");
        assert_eq!(
            list.links[2].text, None,
            "an autolink's words are its address"
        );
        assert_eq!(list.links[3].origin, "comment #1 by Ana");
        assert_eq!(list.links[4].origin, "comment #2");
        assert_eq!(list.refused, 1, "the mailto link");
    }

    #[test]
    fn links_in_hidden_spoilers_are_counted_until_revealed() {
        let r = review(
            "Open https://a.example ||the twist: https://b.example/[spoiler](https://c.example)||",
            &[("||https://d.example||", None)],
        );
        let hidden = links_of(&r, 0, false);
        assert_eq!(urls(&hidden), ["https://a.example"]);
        assert_eq!(hidden.in_spoilers, 3);
        let shown = links_of(&r, 0, true);
        assert_eq!(shown.links.len(), 4);
    }

    #[test]
    fn a_closing_bracket_belongs_to_an_address_only_when_it_was_opened_there() {
        let r = review(
            "(see https://w.example/Film_(2017)) and https://x.example/a).",
            &[],
        );
        assert_eq!(
            urls(&links_of(&r, 0, false)),
            ["https://w.example/Film_(2017)", "https://x.example/a"]
        );
    }

    #[test]
    fn words_before_a_scheme_do_not_make_a_link() {
        let r = review("nohttps://a.example but xhttp://b.example", &[]);
        assert!(links_of(&r, 0, false).links.is_empty());
    }
}
