//! The differential check of the lean HTML parser against html5ever on hand-written pages:
//! what the `html_tree` fuzz target checks on generated ones (`src/html_tree.rs` says what must
//! agree and what may not).

use dossier_fuzz_targets::html_tree::{browser, divergence, lean};

fn check(page: &str) {
    if let Some(d) = divergence(page) {
        panic!("{d}\n--- page:\n{page}");
    }
}

#[test]
fn an_article_page_reads_the_same() {
    check(
        "<!DOCTYPE html><html lang=en><head><title>Talks &amp; more</title>\
         <meta name=description content=\"a > b\"><script>if (a < b) { x = '</div>'; }</script>\
         <style>p > a { color: red }</style></head>\n<body class=story>\
         <header><nav><ul><li><a href=/>Home</a><li><a href=/world>World</a></ul></nav></header>\
         <main><article><h1>Harbor talks resume</h1>\
         <p class=byline>By <span>A. Writer</span>, <time datetime=2015-06-03>3 June 2015</time>\
         <p>Officials said on <b>Tuesday</b> that the talks &mdash; stalled since March &#8212; \
         would resume. <a href='https://news.example/?a=1&amp;b=2'>More</a>.\
         <blockquote><p>We are ready,&nbsp;she said.</p></blockquote>\
         <figure><img src=a.png alt=\"x > y\"><figcaption>The harbor in 2014</figcaption></figure>\
         <table><thead><tr><th>Year<th>Ships</thead><tbody><tr><td>2014<td>12</tr></tbody></table>\
         <pre>\nline one\n  line two</pre>\
         <!-- <p>commented out</p> --><svg><g><text>icon</text></g></svg>\
         <button>Share</button><select><option>a<option>b</select>\
         <ol><li>one<li>two</ol><dl><dt>Term<dd>Definition</dl>\
         </article></main><footer><p>&copy; 2015 News</p></footer></body></html>",
    );
}

#[test]
fn implied_end_tags_read_the_same() {
    // Paragraphs closed by the next block, list items by the next item, cells by the next cell.
    check("<p>one<p>two<div>three</div><p>four<h2>five</h2><ul><li>a<li>b<ul><li>c</ul><li>d</ul>");
    check("<table><tr><td>a<td>b<tr><td>c</table><p>after");
    check("<p>x</p></p><p>y"); // a stray end tag: an empty paragraph, which is not compared
}

#[test]
fn markup_look_alikes_are_text_in_both() {
    check("<p>a < b and c > d, x<=y, 1 <3, AT&T & so on &; &#;</p>");
    check("<P CLASS='a > b' data-x=1 hidden>Upper-case <EM>names</Em></P >");
}

/// The check has teeth: where html5ever moves text out of a table (foster parenting, an
/// accepted divergence), it says so.
#[test]
fn a_divergence_is_reported_with_both_readings() {
    let page = "<table><tr><td>cell</td>stray</tr></table>";
    assert_eq!(lean(page).text, "cellstray");
    assert_eq!(browser(page).text, "straycell");
    let d = divergence(page).expect("the text differs");
    assert!(d.contains("text differs at byte 0"), "{d}");
    let misnested = "<p><b>one<p>two</b>";
    let d = divergence(misnested).expect("html5ever reopens the <b> in the second paragraph");
    assert!(d.contains("elements differ"), "{d}");
}
