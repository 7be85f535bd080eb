//! A guard against hostile nesting, run on the text before any HTML parser sees it.
//!
//! html5ever takes time quadratic in the nesting depth (40,000 nested `<div>`s take five
//! seconds) and `htmd` and `dom_smoothie` walk the tree recursively (about 1,000 levels
//! overflow a worker thread's stack). So the tags are tokenised here and the parser's
//! stack of open elements is modelled from above: every rule below pops no more than
//! html5ever would. When the model grows past the limit, the tags that would grow it are
//! left out (their text stays), and the parsers get a document they can afford.

use std::borrow::Cow;
use std::collections::HashMap;

const VOID: u16 = 1;
/// html5ever's "special" category: an end tag never pops past one of these.
const SPECIAL: u16 = 1 << 2;
/// A start tag that closes an open `<p>` first.
const CLOSES_P: u16 = 1 << 3;
/// Contents are text up to the matching end tag.
const RAW: u16 = 1 << 4;
const HEADING: u16 = 1 << 5;
/// SVG and `MathML`, where void names nest and raw-text names hold markup.
const FOREIGN: u16 = 1 << 6;
/// `html`, `head`, `body`: one each, whatever the document says.
const ROOT: u16 = 1 << 7;
const TABLE_SCOPE: u16 = 1 << 8;

fn flags(name: &str) -> u16 {
    match name {
        "area" | "base" | "basefont" | "bgsound" | "br" | "col" | "embed" | "frame" | "hr"
        | "img" | "image" | "input" | "keygen" | "link" | "meta" | "param" | "source" | "track"
        | "wbr" => VOID | SPECIAL,
        "html" => ROOT | SPECIAL | TABLE_SCOPE,
        "head" | "body" => ROOT | SPECIAL,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => HEADING | CLOSES_P | SPECIAL,
        "address" | "article" | "aside" | "blockquote" | "center" | "details" | "dialog"
        | "dir" | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer" | "form"
        | "header" | "hgroup" | "main" | "menu" | "nav" | "ol" | "p" | "search" | "section"
        | "summary" | "ul" | "pre" | "listing" | "li" | "dd" | "dt" => CLOSES_P | SPECIAL,
        "table" => CLOSES_P | SPECIAL | TABLE_SCOPE,
        "template" => SPECIAL | TABLE_SCOPE,
        "xmp" | "plaintext" => CLOSES_P | SPECIAL | RAW,
        "script" | "style" | "iframe" | "noembed" | "noframes" | "title" | "textarea" => {
            SPECIAL | RAW
        }
        "svg" | "math" => FOREIGN,
        "applet" | "button" | "caption" | "colgroup" | "frameset" | "marquee" | "noscript"
        | "object" | "select" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" | "mi" | "mo"
        | "mn" | "ms" | "mtext" | "annotation-xml" | "foreignobject" | "desc" => SPECIAL,
        _ => 0,
    }
}

/// Names are compared lowercased; longer ones are no known element.
fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

const FORMATTING_NAMES: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// The modelled parser state: open elements, and formatting elements counted apart,
/// since html5ever reconstructs those wherever text appears. Names are slices of the
/// document, compared without case, so a snapshot is a cheap copy.
#[derive(Clone, Default)]
struct Model<'a> {
    stack: Vec<(&'a str, u16)>,
    formatting: [usize; FORMATTING_NAMES.len()],
    formatting_total: usize,
    foreign: usize,
}

fn is(name: &str, wanted: &str) -> bool {
    name.eq_ignore_ascii_case(wanted)
}

impl<'a> Model<'a> {
    fn depth(&self) -> usize {
        self.stack.len() + self.formatting_total
    }

    fn top_is(&self, name: &str) -> bool {
        self.stack.last().is_some_and(|(n, _)| is(n, name))
    }

    fn pop(&mut self) {
        self.truncate(self.stack.len().saturating_sub(1));
    }

    fn truncate(&mut self, len: usize) {
        for (_, f) in self.stack.drain(len.min(self.stack.len())..) {
            if f & FOREIGN != 0 {
                self.foreign -= 1;
            }
        }
    }

    /// Closes the nearest of `names` unless a special element other than `address`,
    /// `div` or `p` stands between (html5ever's rule for `li`, `dd` and `dt`).
    fn close_list_item(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let (n, f) = self.stack[i];
            if names.iter().any(|w| is(n, w)) {
                self.truncate(i);
                return;
            }
            if f & SPECIAL != 0 && !["address", "div", "p"].iter().any(|w| is(n, w)) {
                return;
            }
        }
    }

    /// Closes the nearest of `names` inside the current table.
    fn close_in_table(&mut self, names: &[&str]) {
        for i in (0..self.stack.len()).rev() {
            let (n, f) = self.stack[i];
            if names.iter().any(|w| is(n, w)) {
                self.truncate(i);
                return;
            }
            if f & TABLE_SCOPE != 0 {
                return;
            }
        }
    }

    fn push(&mut self, name: &'a str, f: u16) {
        if f & FOREIGN != 0 {
            self.foreign += 1;
        }
        self.stack.push((name, f));
    }

    /// A start tag; `lower` is `name` lowercased.
    fn start(&mut self, name: &'a str, lower: &str) {
        let f = flags(lower);
        if self.foreign > 0 {
            self.push(name, f);
            return;
        }
        if f & (VOID | ROOT) != 0 {
            return;
        }
        if f & CLOSES_P != 0 && self.top_is("p") {
            self.pop();
        }
        if f & HEADING != 0 && self.stack.last().is_some_and(|(_, t)| t & HEADING != 0) {
            self.pop();
        }
        match lower {
            "li" => self.close_list_item(&["li"]),
            "dd" | "dt" => self.close_list_item(&["dd", "dt"]),
            "td" | "th" => {
                self.close_in_table(&["td", "th"]);
                if self.top_is("table") {
                    self.push("tbody", SPECIAL);
                }
                if ["tbody", "thead", "tfoot"].iter().any(|w| self.top_is(w)) {
                    self.push("tr", SPECIAL);
                }
            }
            "tr" => {
                self.close_in_table(&["tr"]);
                if self.top_is("table") {
                    self.push("tbody", SPECIAL);
                }
            }
            "tbody" | "thead" | "tfoot" => self.close_in_table(&["tbody", "thead", "tfoot"]),
            "option" if self.top_is("option") => self.pop(),
            "optgroup" => {
                for close in ["option", "optgroup"] {
                    if self.top_is(close) {
                        self.pop();
                    }
                }
            }
            _ => {}
        }
        if let Some(i) = FORMATTING_NAMES.iter().position(|&n| n == lower) {
            // A second `<a>` first closes the open one.
            if !(lower == "a" && self.formatting[i] > 0) {
                self.formatting[i] += 1;
                self.formatting_total += 1;
            }
            return;
        }
        self.push(name, f);
    }

    /// An end tag; `lower` is its name lowercased.
    fn end(&mut self, lower: &str) {
        let f = flags(lower);
        if f & ROOT != 0 {
            return;
        }
        if let Some(i) = FORMATTING_NAMES.iter().position(|&n| n == lower) {
            if self.formatting[i] > 0 {
                self.formatting[i] -= 1;
                self.formatting_total -= 1;
            }
            return;
        }
        for i in (0..self.stack.len()).rev() {
            let (n, nf) = self.stack[i];
            if is(n, lower) {
                self.truncate(i);
                return;
            }
            if nf & SPECIAL != 0 {
                return;
            }
        }
    }
}

/// One tag found by the tokeniser.
struct Tag<'a> {
    name: &'a str,
    end: bool,
    /// Byte range of the whole tag.
    range: std::ops::Range<usize>,
}

/// Finds the next tag at or after `from`, skipping comments, doctypes and bogus markup.
/// `None` means the rest of the text holds no complete tag.
fn next_tag(html: &str, mut from: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    loop {
        let lt = from + memchr::memchr(b'<', bytes.get(from..)?)?;
        let after = bytes.get(lt + 1).copied();
        match after {
            Some(b'!') if bytes[lt..].starts_with(b"<!--") => {
                let body = &bytes[lt + 4..];
                from = if body.starts_with(b">") {
                    lt + 5
                } else if body.starts_with(b"->") {
                    lt + 6
                } else {
                    let a = memchr::memmem::find(body, b"-->").map(|i| i + 3);
                    let b = memchr::memmem::find(body, b"--!>").map(|i| i + 4);
                    lt + 4 + a.into_iter().chain(b).min()?
                };
            }
            Some(b'!' | b'?') => from = lt + 1 + memchr::memchr(b'>', &bytes[lt..])?,
            Some(b'/') => match bytes.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => return tag_at(html, lt, lt + 2, true),
                Some(b'>') => from = lt + 3,
                _ => from = lt + 1 + memchr::memchr(b'>', &bytes[lt..])?,
            },
            Some(c) if c.is_ascii_alphabetic() => return tag_at(html, lt, lt + 1, false),
            Some(_) => from = lt + 1,
            None => return None,
        }
    }
}

/// Reads the tag whose name starts at `name_start`, attributes and quotes included.
fn tag_at(html: &str, start: usize, name_start: usize, end: bool) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let stop = |b: u8| b.is_ascii_whitespace() || b == b'/' || b == b'>';
    let mut i = name_start;
    while i < bytes.len() && !stop(bytes[i]) {
        i += 1;
    }
    let name = &html[name_start..i];
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if *bytes.get(i)? == b'>' {
            return Some(Tag {
                name,
                end,
                range: start..i + 1,
            });
        }
        {
            {
                i += 1;
                while i < bytes.len() && !stop(bytes[i]) && bytes[i] != b'=' {
                    i += 1;
                }
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'=') {
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    match bytes.get(i)? {
                        &q @ (b'"' | b'\'') => i += 2 + memchr::memchr(q, &bytes[i + 1..])?,
                        _ => {
                            while i < bytes.len()
                                && !bytes[i].is_ascii_whitespace()
                                && bytes[i] != b'>'
                            {
                                i += 1;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Where raw text opened at `from` ends: the start of `</name`, or the end of the text.
fn raw_text_end(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&bytes[at..], b"</") {
        let tag = at + i;
        let name_end = tag + 2 + name.len();
        if bytes
            .get(tag + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(name_end)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        {
            return tag;
        }
        at = tag + 2;
    }
    bytes.len()
}

/// The HTML itself when its modelled nesting stays within `limit`, else a copy without
/// the tags that nest deeper.
pub(crate) fn shallow(html: &str, limit: usize) -> Cow<'_, str> {
    if walk(html, limit, None) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    walk(html, limit, Some(&mut out));
    Cow::Owned(out)
}

/// Runs the model over the tags. Without `out` it only answers whether the depth stays
/// within `limit`; with it, it writes the document with the deeper tags left out.
fn walk(html: &str, limit: usize, mut out: Option<&mut String>) -> bool {
    let mut model = Model::default();
    let mut dropped: HashMap<Cow<'_, str>, usize> = HashMap::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(tag) = next_tag(html, at) {
        let name = lower(tag.name);
        let mut keep = true;
        let mut skip_to = tag.range.end;
        if tag.end {
            match dropped.get_mut(name.as_ref()).filter(|n| **n > 0) {
                Some(n) => {
                    *n -= 1;
                    keep = false;
                }
                None => model.end(&name),
            }
        } else {
            let raw = flags(&name) & RAW != 0 && model.foreign == 0;
            // A start tag adds at most three levels (an implied `tbody` and `tr`).
            let before = (out.is_some() && model.depth() + 3 > limit).then(|| model.clone());
            model.start(tag.name, &name);
            if model.depth() > limit {
                let Some(before) = before else { return false };
                model = before;
                keep = false;
                if raw {
                    let end = raw_text_end(html, tag.range.end, &name);
                    skip_to = next_tag(html, end).map_or(html.len(), |t| t.range.end);
                } else {
                    *dropped.entry(name).or_default() += 1;
                }
            } else if raw {
                at = raw_text_end(html, tag.range.end, &name);
                continue;
            }
        }
        if let Some(out) = out.as_deref_mut()
            && !keep
        {
            out.push_str(&html[copied..tag.range.start]);
            copied = skip_to;
        }
        at = skip_to;
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    true
}

#[cfg(test)]
mod tests;
