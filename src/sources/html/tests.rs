use super::{is_safe_link, plain_text, to_markdown, to_plain_text};

/// Every link and image target a Markdown renderer would see.
pub(crate) fn link_targets(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn structure_becomes_markdown() {
    let md = to_markdown(
        "<h2>Two professionals</h2><p>What the film <strong>understands</strong> is \
         <em>routine</em>, see <a href=\"https://ex.example/a\">this</a>.</p>\
         <blockquote><p>All I am is what I'm going after.</p></blockquote>\
         <ul><li>The bank</li><li>The airport</li></ul><ol><li>One</li></ol>",
    );
    assert!(md.starts_with("## Two professionals\n\n"), "{md}");
    assert!(
        md.contains("**understands**") && md.contains("*routine*"),
        "{md}"
    );
    assert!(md.contains("[this](https://ex.example/a)"), "{md}");
    assert!(md.contains("> All I am"), "{md}");
    assert!(
        md.contains("*   The bank") || md.contains("* The bank"),
        "{md}"
    );
    assert!(md.contains("1.  One") || md.contains("1. One"), "{md}");
}

#[test]
fn images_become_captions_or_nothing() {
    let md = to_markdown(
        "<p>Before</p><p><img src=\"a.jpg\" alt=\"Two men [at] a table\"></p><p><img src=\"b.jpg\"></p><p>After</p>",
    );
    assert_eq!(md, "Before\n\n![Two men \\[at\\] a table]()\n\nAfter");
}

#[test]
fn scripts_styles_embeds_forms_and_share_widgets_are_dropped() {
    let md = to_markdown(
        "<p>Kept</p><script>alert('x')</script><style>p{}</style>\
         <iframe src=\"https://video.example\">frame text</iframe><noscript>enable js</noscript>\
         <form><input value=\"Post Comment\"><textarea>draft</textarea><button>Send</button></form>\
         <div class=\"sharedaddy\"><h3>Share this:</h3><a href=\"https://t.example\">Twitter</a></div>\
         <nav><a href=\"https://ex.example/\">Home</a></nav>",
    );
    assert_eq!(md, "Kept");
}

#[test]
fn unclosed_tags_and_messy_whitespace_are_tolerated() {
    let md = to_markdown("<p>One <em>open\n\n\n\n<p>Two   <b>bold\n<div>   </div>\n\n<p>Three");
    assert!(!md.contains("\n\n\n"), "{md:?}");
    assert!(
        md.contains("One") && md.contains("Two") && md.contains("Three"),
        "{md:?}"
    );
    assert!(md.lines().all(|l| l == l.trim_end()), "{md:?}");
}

#[test]
fn only_web_and_mail_links_keep_their_targets() {
    let html = "<a href=\"javascript:alert(1)\">a</a> <a href=\" JaVaScRiPt:x\">b</a> \
        <a href=\"java&#x09;script:x\">c</a> <a href=\"data:text/html,x\">d</a> \
        <a href=\"vbscript:x\">e</a> <a href=\"/relative\">f</a> <a href=\"https://ok.example/\">g</a> \
        <a href=\"mailto:critic@ok.example\">h</a> <img src=\"javascript:x\" alt=\"i\">";
    let md = to_markdown(html);
    for text in ["a", "b", "c", "d", "e", "f", "g", "h", "i"] {
        assert!(md.contains(text), "{text} in {md}");
    }
    assert_eq!(
        link_targets(&md),
        ["https://ok.example/", "mailto:critic@ok.example", ""],
        "{md}"
    );
    assert!(is_safe_link("https://ok.example/") && is_safe_link("MAILTO:a@b.example"));
    assert!(
        !is_safe_link("javascript:alert(1)") && !is_safe_link("mailto:") && !is_safe_link("//x")
    );
}

#[test]
fn text_that_looks_like_links_stays_text() {
    let md = to_markdown(
        "<p>&lt;javascript:alert(1)&gt; [x](javascript:alert(2)) ![y](javascript:z)</p>",
    );
    assert!(link_targets(&md).is_empty(), "{md}");
}

#[test]
fn a_source_s_own_double_bars_are_not_spoiler_markers() {
    let md = to_markdown("<p>true || false and |||</p>");
    assert!(!md.contains("||"), "{md}");
}

#[test]
fn hostile_nesting_converts_without_overflowing_the_stack() {
    // Tests run on 2 MiB threads, like the fetch workers.
    let deep = format!(
        "<p>start</p>{}<p>deep</p>{}",
        "<div>".repeat(200_000),
        "</div>".repeat(200_000)
    );
    let md = to_markdown(&deep);
    assert!(md.contains("start") && md.contains("deep"), "{md}");
    let lists = format!("{}item", "<ul><li>".repeat(50_000));
    assert!(to_markdown(&lists).contains("item"));
}

#[test]
fn plain_text_decodes_entities_and_drops_tags() {
    assert_eq!(plain_text("Don&#039;t Look Up"), "Don't Look Up");
    assert_eq!(
        plain_text("Past Lives and the <em>in-yun</em>  of it"),
        "Past Lives and the in-yun of it"
    );
    assert_eq!(plain_text("AT&T <3"), "AT&T <3");
    assert_eq!(plain_text("  plain\n text "), "plain text");
}

#[test]
fn plain_text_keeps_paragraphs_breaks_quotes_and_lists_without_markers() {
    let text = to_plain_text(
        "<p>Third time through and the airport <em>still</em> gets <strong>me</strong>.</p>\
         <p>Line one<br>line two</p>\
         <blockquote><p>All I am is what I'm going after.</p><p>Said twice.</p></blockquote>\
         <ul><li>The bank</li><li>The <em>airport</em></li></ul><ol><li>One</li><li>Two</li></ol>\
         <h2>After</h2><p>1 * 2 = 2, [sic] and a_b_c</p>",
    );
    assert_eq!(
        text,
        "Third time through and the airport still gets me.\n\
         \n\
         Line one\n\
         line two\n\
         \n\
         > All I am is what I'm going after.\n\
         >\n\
         > Said twice.\n\
         \n\
         - The bank\n\
         - The airport\n\
         \n\
         1. One\n\
         2. Two\n\
         \n\
         After\n\
         \n\
         1 * 2 = 2, [sic] and a_b_c"
    );
}

#[test]
fn plain_text_links_read_as_text_and_url() {
    let text = to_plain_text(
        "<p>The <a href=\"https://ex.example/heat/\">coffee scene</a> write-up; \
         <a href=\"https://ex.example/a\">https://ex.example/a</a>; \
         <a href=\"mailto:critic@ex.example\">critic@ex.example</a>; \
         <a href=\"javascript:alert(1)\">a trap</a>; <a href=\"/relative\">here</a>; \
         <a href=\"https://ex.example/p\"><img src=\"p.jpg\" alt=\"the poster\"></a></p>",
    );
    assert_eq!(
        text,
        "The coffee scene (https://ex.example/heat/) write-up; https://ex.example/a; \
         critic@ex.example; a trap; here; [image: the poster] (https://ex.example/p)"
    );
}

#[test]
fn plain_text_of_nothing_and_of_hostile_input() {
    assert_eq!(to_plain_text(""), "");
    assert_eq!(to_plain_text("<script>alert(1)</script>"), "");
    assert_eq!(to_plain_text("true || false"), "true | | false");
    let deep = format!("{}deep", "<blockquote>".repeat(50_000));
    assert!(to_plain_text(&deep).ends_with("deep"));
}

#[test]
fn plain_text_nests_lists_and_quotes() {
    let text = to_plain_text(
        "<blockquote><p>Quoted</p><ul><li>outer<ul><li>inner</li></ul></li><li>next</li></ul></blockquote>\
         <p>After <code>x*y</code></p>",
    );
    assert_eq!(
        text,
        "> Quoted\n>\n> - outer\n>   - inner\n> - next\n\nAfter x*y"
    );
}
