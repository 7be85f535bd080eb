//! HTML from feeds and pages as the Markdown the reader renders (see docs/data-format.md):
//! emphasis, links, block quotes, lists and headings kept; images as caption lines;
//! scripts, embeds, forms and share widgets dropped; only web and mail links kept. And
//! the same HTML as plain text, for comments, which the reader does not render.

mod depth;
mod plain;

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::options::{BrStyle, Options};
use htmd::{Element, HtmlToMarkdown};

pub(crate) use depth::shallow;
pub use plain::to_plain_text;

/// How deep the converter may nest: far beyond real articles (a few dozen levels), far
/// below what its recursion can take on a worker thread.
const MARKDOWN_DEPTH: usize = 100;

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "noscript", "template", "form", "button", "input", "select",
    "textarea", "svg", "math", "canvas", "object", "embed", "video", "audio", "head", "nav",
];

/// Class or id fragments of share buttons, related-post boxes and comment forms that
/// blogs put inside the post's HTML.
const WIDGETS: &[&str] = &[
    "sharedaddy",
    "share-buttons",
    "social-share",
    "sharing",
    "jp-relatedposts",
    "comment-respond",
    "screen-reader-text",
];

/// Converts an HTML fragment or page to tidy Markdown; any input gives some text, never
/// a panic, and no `javascript:` (or other non-web) link target survives.
#[must_use]
pub fn to_markdown(html: &str) -> String {
    let html = shallow(html, MARKDOWN_DEPTH);
    let markdown = CONVERTER.with(|c| c.convert(&html)).unwrap_or_default();
    tidy(&markdown)
}

/// The text of an HTML fragment, entities decoded and whitespace collapsed, for titles
/// and names that a source wrote as HTML.
#[must_use]
pub fn plain_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse(html);
    }
    let html = shallow(html, MARKDOWN_DEPTH);
    collapse(&dom_query::Document::fragment(html.as_ref()).root().text())
}

/// Whether a link target may appear in a review: `http`, `https` and `mailto` only.
#[must_use]
pub fn is_safe_link(url: &str) -> bool {
    let url = url.trim();
    let lower = url.get(..7).map(str::to_ascii_lowercase);
    crate::data::is_web_link(url)
        || (lower.as_deref() == Some("mailto:")
            && url.len() > 7
            && !url.chars().any(|c| c.is_control() || c.is_whitespace()))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

thread_local! {
    static CONVERTER: HtmlToMarkdown = converter();
}

fn converter() -> HtmlToMarkdown {
    HtmlToMarkdown::builder()
        .options(Options {
            br_style: BrStyle::Backslash,
            ..Options::default()
        })
        .skip_tags(DROPPED.to_vec())
        .add_handler(vec!["img"], |_: &dyn Handlers, e: Element| Some(image(&e)))
        .add_handler(vec!["a"], link)
        .add_handler(
            vec!["div", "section", "aside", "ul", "p", "span", "footer"],
            widget,
        )
        .build()
}

fn attr<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element
        .attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

/// An image is its alt text as a caption line (`![alt]()`), or nothing.
fn image(element: &Element) -> HandlerResult {
    let alt = attr(element, "alt").map(collapse).unwrap_or_default();
    if alt.is_empty() {
        return "".into();
    }
    let mut escaped = String::with_capacity(alt.len());
    for c in alt.chars() {
        if matches!(c, '\\' | '[' | ']') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    format!("\n\n![{escaped}]()\n\n").into()
}

/// A link keeps its target only when it is safe; otherwise just its text.
fn link(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    match attr(&element, "href") {
        Some(href) if is_safe_link(href) => handlers.fallback(element),
        _ => Some(handlers.walk_children(element.node)),
    }
}

/// Share buttons and the like are dropped, whatever element holds them.
fn widget(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let marks = [attr(&element, "class"), attr(&element, "id")];
    let is_widget = marks.into_iter().flatten().any(|v| {
        let v = v.to_ascii_lowercase();
        WIDGETS.iter().any(|w| v.contains(w))
    });
    if is_widget {
        Some("".into())
    } else {
        handlers.fallback(element)
    }
}

/// Trailing spaces off, one blank line at most between blocks, and no `||` that the
/// reader would take for a spoiler marker the source never wrote.
fn tidy(markdown: &str) -> String {
    // A line that is only a hard break is an empty line (`<br><br>` between paragraphs),
    // and a hard break before an empty line or the end breaks nothing.
    let lines: Vec<&str> = markdown
        .lines()
        .map(str::trim_end)
        .map(|l| if l == "\\" { "" } else { l })
        .collect();
    let mut out = String::with_capacity(markdown.len());
    let mut blank = false;
    for (i, &line) in lines.iter().enumerate() {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        let next_blank = lines.get(i + 1).is_none_or(|l| l.is_empty());
        let line = if next_blank && ends_in_hard_break(line) {
            &line[..line.len() - 1]
        } else {
            line
        };
        for c in line.trim_end().chars() {
            if c == '|' && out.ends_with('|') {
                out.push(' ');
            }
            out.push(c);
        }
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// The line ends in a backslash that is not itself escaped.
fn ends_in_hard_break(line: &str) -> bool {
    line.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

#[cfg(test)]
pub(crate) mod tests;
