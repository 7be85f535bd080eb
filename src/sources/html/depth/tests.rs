use super::shallow;
use std::fmt::Write as _;

#[test]
fn ordinary_html_is_left_alone() {
    let html = "<p>One<p>Two <b>bold</b><ul><li>a<li>b</ul><table><tr><td>x<td>y</table>";
    assert!(matches!(shallow(html, 8), std::borrow::Cow::Borrowed(_)));
    let many_paragraphs = "<p>unclosed paragraph ".repeat(5_000);
    assert!(matches!(
        shallow(&many_paragraphs, 8),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn deep_nesting_loses_the_deep_tags_but_keeps_the_text() {
    let html = format!(
        "{}deep text{}",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let out = shallow(&html, 50);
    assert!(out.contains("deep text"));
    assert!(out.matches("<div>").count() <= 50);
    assert!(out.matches("</div>").count() <= 50);
}

#[test]
fn a_deep_script_is_dropped_whole_not_shown_as_text() {
    let html = format!("{}<script>alert('x')</script>after", "<div>".repeat(100));
    let out = shallow(&html, 20);
    assert!(!out.contains("alert"));
    assert!(out.contains("after"));
}

#[test]
fn tricks_that_hide_nesting_are_counted() {
    // End tags html5ever ignores (a table cell stands between) do not shrink the model.
    let cells = "<div><table><tr><td></div>".repeat(2_000);
    assert!(shallow(&cells, 100).matches("<div>").count() < 100);
    // Distinct unclosed formatting elements are reconstructed in every paragraph.
    let bold = (0..2_000).fold(String::new(), |mut s, i| {
        let _ = write!(s, "<b id={i}><p>x</p>");
        s
    });
    assert!(shallow(&bold, 100).matches("<b ").count() <= 100);
    // Quoted `>` and end tags inside attribute values are not tags.
    let quoted = "<div title=\"</div> >\">".repeat(2_000);
    assert!(shallow(&quoted, 100).matches("<div").count() <= 100);
    // Inside SVG a title holds markup, not text.
    let svg = format!("<svg><title>{}", "<div>".repeat(2_000));
    assert!(shallow(&svg, 100).matches("<div>").count() <= 100);
}

#[test]
fn comments_end_where_html5ever_ends_them() {
    let html = format!("<!--><!--->{}", "<div>".repeat(500));
    assert!(shallow(&html, 100).matches("<div>").count() <= 100);
}
