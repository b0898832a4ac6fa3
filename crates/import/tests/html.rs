//! HTML pages written for these tests (our own prose): main content, structure as Markdown,
//! metadata with provenance.

use dossier_import::extract;

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Ferry service resumes after storm | The Coastal Ledger</title>
<meta property="og:title" content="Ferry service resumes after storm">
<meta property="og:site_name" content="The Coastal Ledger">
<meta name="author" content="Mara Quillon">
<link rel="canonical" href="https://ledger.example/2023/03/14/ferry-resumes">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry service resumes after storm",
 "datePublished":"2023-03-14T08:30:00Z","author":{"@type":"Person","name":"Mara Quillon"},
 "publisher":{"@type":"Organization","name":"Coastal Ledger Media"}}
</script>
<script>var ads = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head>
<body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<main>
<article class="article-body">
<h1>Ferry service resumes after storm</h1>
<p class="byline">By Mara Quillon, <time datetime="2023-03-14">14 March 2023</time></p>
<p>The island ferry sailed again on Tuesday morning, four days after a winter storm tore a pontoon
loose at the northern landing and left two hundred residents without a crossing.</p>
<p>Harbour staff worked through the weekend to re-anchor the pontoon, and the operator said the
timetable would be back to normal by Thursday, <a href="https://ledger.example/timetable">according
to its website</a>.</p>
<h2>What changed</h2>
<ul><li>Sailings leave every ninety minutes until Friday.</li><li>Freight runs only at night.</li></ul>
<blockquote><p>We are grateful for the patience of everyone who waited on the quay.</p></blockquote>
<p>The council will review the landing's design before the next storm season, a spokesman added.</p>
<div class="advertisement">Advertisement: buy a boat today</div>
</article>
</main>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Storm closes schools</a></li><li><a href="/b">Pier repairs</a></li></ul></aside>
<section id="comments"><h3>Leave a comment</h3><form><textarea></textarea><button>Post</button></form></section>
<footer>© 2023 Coastal Ledger Media. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body>
</html>"##;

#[test]
fn main_content_keeps_structure_and_drops_chrome() {
    let x = extract(PAGE.as_bytes(), "page.html").unwrap();
    let t = &x.text;
    assert!(t.starts_with("By Mara Quillon"), "{t}");
    assert!(t.contains("The island ferry sailed again on Tuesday morning, four days after a winter storm tore a pontoon loose"));
    assert!(
        t.contains("[according to its website](https://ledger.example/timetable)"),
        "{t}"
    );
    assert!(t.contains("## What changed"), "{t}");
    assert!(
        t.contains(
            "- Sailings leave every ninety minutes until Friday.\n- Freight runs only at night."
        ),
        "{t}"
    );
    assert!(t.contains("> We are grateful for the patience"), "{t}");
    assert!(t.contains("review the landing's design"));
    for chrome in [
        "Home",
        "Share on Facebook",
        "Tweet",
        "Storm closes schools",
        "Leave a comment",
        "©",
        "Privacy",
        "not text",
        "color: red",
        "buy a boat",
    ] {
        assert!(!t.contains(chrome), "{chrome:?} survived:\n{t}");
    }
    // The headline is metadata, not repeated as the first line of the text.
    assert!(!t.contains("# Ferry service resumes"), "{t}");
}

#[test]
fn metadata_with_provenance() {
    let x = extract(PAGE.as_bytes(), "page.html").unwrap();
    let found = |f: &Option<dossier_model::Found<String>>| {
        f.as_ref().map(|f| (f.value.clone(), f.provenance.clone()))
    };
    assert_eq!(
        found(&x.title),
        Some((
            "Ferry service resumes after storm".into(),
            "html:json-ld:headline".into()
        ))
    );
    assert_eq!(
        found(&x.outlet),
        Some(("The Coastal Ledger".into(), "html:og:site_name".into()))
    );
    assert_eq!(
        found(&x.author),
        Some(("Mara Quillon".into(), "html:json-ld:author".into()))
    );
    assert_eq!(
        found(&x.url),
        Some((
            "https://ledger.example/2023/03/14/ferry-resumes".into(),
            "html:link:canonical".into()
        ))
    );
    assert_eq!(found(&x.language), Some(("en".into(), "html:lang".into())));
    let published = x.published.unwrap();
    assert_eq!(published.value.to_string(), "2023-03-14");
    assert_eq!(published.provenance, "html:json-ld:datePublished");
    assert!(published.confidence >= 0.9);
}

#[test]
fn date_fallbacks_time_then_url_path() {
    let body = "<p>The library extended its opening hours for the exam season, the head librarian \
                said, and will keep the reading room open until midnight.</p>";
    let with_time = format!(
        "<html><body><article><p><time datetime=\"2021-05-02T10:00\">2 May</time></p>{body}</article></body></html>"
    );
    let x = extract(with_time.as_bytes(), "a.html").unwrap();
    let p = x.published.unwrap();
    assert_eq!(
        (p.value.to_string().as_str(), p.provenance.as_str()),
        ("2021-05-02", "html:time")
    );

    let with_url = format!(
        "<html><head><link rel=canonical href=\"https://news.example/2019/11/08/library-hours\"></head><body>{body}</body></html>"
    );
    let p = extract(with_url.as_bytes(), "a.html")
        .unwrap()
        .published
        .unwrap();
    assert_eq!(
        (p.value.to_string().as_str(), p.provenance.as_str()),
        ("2019-11-08", "html:url-path")
    );

    let footer_only =
        format!("<html><body>{body}<footer>© 2005-2017 Example</footer></body></html>");
    assert_eq!(
        extract(footer_only.as_bytes(), "a.html").unwrap().published,
        None
    );
}

#[test]
fn legacy_charset_from_meta() {
    let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 reopens</title></head><body><p>The caf\xe9 on the square reopened on Saturday after a long renovation, its owner said, with a new terrace.</p></body></html>".to_vec();
    let x = extract(&page, "a.html").unwrap();
    assert_eq!(x.title.unwrap().value, "Café reopens");
    assert!(x.text.contains("The café on the square"));
}

#[test]
fn mhtml_single_file_page() {
    let html = "<html><head><title>Orchard harvest starts early</title></head><body><p>Apple growers in the \
                valley began picking two weeks early this year after a warm spring, the growers' \
                association said on Monday.</p></body></html>";
    let mht = format!(
        "From: <Saved by Blink>\r\nSubject: Orchard\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----XYZ\"\r\n\r\n------XYZ\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\nContent-Location: https://valley.example/news/orchard\r\n\r\n{html}\r\n------XYZ--\r\n"
    );
    let x = extract(mht.as_bytes(), "page.mhtml").unwrap();
    assert_eq!(x.media_type, "multipart/related");
    assert_eq!(x.title.unwrap().value, "Orchard harvest starts early");
    assert_eq!(x.url.unwrap().provenance, "mhtml:content-location");
    assert!(x.text.contains("began picking two weeks early"));
}

/// Paragraphs of our own prose, long enough to be an article.
fn article_paragraphs() -> String {
    [
        "The river authority opened the new flood gates on Monday, three years after the plan was \
         first put to the town, and said they would hold back a hundred-year flood.",
        "Engineers tested each gate twice over the weekend, closing them against the spring tide \
         while residents watched from the embankment with some relief.",
        "The authority will publish the test results next month, a spokeswoman said, together \
         with the cost of the work, which ran over the budget set in the first year.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>"))
    .collect()
}

#[test]
fn page_wrapped_in_one_form_keeps_its_article() {
    // ASP.NET WebForms put the whole body in one <form>: it is a wrapper, not a control.
    let page = format!(
        "<html><body><form id=aspnetForm><nav><a href=/>Home</a></nav><div class=main>\
         <article>{}</article></div></form></body></html>",
        article_paragraphs().repeat(5)
    );
    let x = extract(page.as_bytes(), "a.html").unwrap();
    assert!(x.text.contains("opened the new flood gates"), "{}", x.text);
    // A small form is still a control and stays out.
    let page = format!(
        "<html><body><article>{}</article><form><p>Sign up for our newsletter today</p></form></body></html>",
        article_paragraphs()
    );
    let x = extract(page.as_bytes(), "a.html").unwrap();
    assert!(!x.text.contains("Sign up"), "{}", x.text);
}

#[test]
fn unclosed_button_does_not_swallow_the_page() {
    // Buttons cannot nest: the next <button> ends an unclosed one, as in browsers.
    let page = format!(
        "<html><body><header><button class=menu>Menu<button type=submit>Go</button></header>\
         <article>{}</article></body></html>",
        article_paragraphs()
    );
    let x = extract(page.as_bytes(), "a.html").unwrap();
    assert!(x.text.contains("opened the new flood gates"), "{}", x.text);
    assert!(!x.text.contains("Menu"), "{}", x.text);
}

#[test]
fn article_split_into_cards_is_kept_whole() {
    // One <div> per few paragraphs: each card is a candidate of its own, and the best card
    // alone would be a fragment of the article.
    let cards: String = ["first", "second", "third", "fourth"]
        .iter()
        .map(|n| {
            format!(
                "<div class=\"card\"><div class=\"card-content\"><p>In the {n} part of the \
                 inquiry, the panel heard from engineers, residents and the council, who each \
                 described the night of the flood in their own words.</p><p>The {n} session \
                 closed late, after the chair asked for written answers by the end of the \
                 month, and the panel adjourned until the following week.</p></div></div>"
            )
        })
        .collect();
    let page = format!(
        "<html><body><div class=\"article-body\">{cards}</div>\
         <div class=sidebar><p>Most read: the ten best walks in the valley this autumn.</p></div>\
         </body></html>"
    );
    let x = extract(page.as_bytes(), "a.html").unwrap();
    for n in ["first", "second", "third", "fourth"] {
        assert!(
            x.text.contains(&format!("In the {n} part")),
            "{n}: {}",
            x.text
        );
    }
    assert!(!x.text.contains("Most read"), "{}", x.text);
}

#[test]
fn captions_galleries_and_the_headline_are_not_body_text() {
    let page = format!(
        "<html><head><title>Gates open | Valley News</title></head><body><article>\
         <h1>River authority opens its new flood gates</h1>\
         <div class=\"wp-caption\"><img src=a.jpg><p>The gates seen from the bridge on Monday.</p>\
         <span class=credit>Photo: A. Smith</span></div>{}\
         <div class=\"asset_gallery\"><p>Back to Gallery</p></div></article></body></html>",
        article_paragraphs()
    );
    let x = extract(page.as_bytes(), "a.html").unwrap();
    assert!(x.text.contains("opened the new flood gates"), "{}", x.text);
    for chrome in [
        "seen from the bridge",
        "A. Smith",
        "Back to Gallery",
        "# River",
    ] {
        assert!(!x.text.contains(chrome), "{chrome}: {}", x.text);
    }
}

#[test]
fn article_written_straight_into_a_div_beside_a_link_list() {
    // Old templates put the text straight into a <div> with <br>s, next to a long list of
    // links in the same row. The row's links must not sink the article below a footer line.
    let archive: String = (1..=40)
        .map(|i| format!("<li><a href=\"/archive?m={i}\">Archive month number {i}</a></li>"))
        .collect();
    let page = format!(
        "<html><body><div class=row><div class=col-3><ul>{archive}</ul></div>\
         <div class=col-9>The town's water plant was switched back on this morning, after a \
         week of repairs to the main pump, and the council said, in a short statement, that \
         the water was safe to drink again.<br><br>Residents collected bottled water at the \
         school until Friday.</div></div>\
         <div class=bottom><div class=col-12>Town Hall, Market Square 1, 12345 Valley Town, \
         Phone (012) 345-6789, Fax (012) 345-6780, Office hours Monday to Friday</div></div>\
         </body></html>"
    );
    let x = extract(page.as_bytes(), "a.html").unwrap();
    assert!(
        x.text.contains("water plant was switched back on"),
        "{}",
        x.text
    );
    assert!(!x.text.contains("Market Square"), "{}", x.text);
}

/// Issue #16: an editor that wraps every paragraph in `<div><div><span>` leaves the article
/// without a `<p>`; the author's note in real paragraphs below it was taken instead.
#[test]
fn paragraphs_written_as_divs_of_spans_are_the_article() {
    let para = |t: &str| format!("<div style=\"margin: 1em 0\"><div><span>{t}</span></div></div>");
    let chapter: String = [
        "The caravan reached the salt flats before noon, and the drivers, tired and quiet, let \
         the camels rest in the shade of the last dune while the cook lit a small fire.",
        "Nobody spoke about the missing guide. His tent was still folded on the second wagon, \
         his knife still tied to the pole, and the youngest driver kept glancing at it.",
        "By evening the wind turned, carrying the smell of rain from the hills, and the old \
         trader said, to no one in particular, that they would have to leave before dawn.",
    ]
    .iter()
    .map(|t| para(t))
    .collect();
    let page = format!(
        "<html><body><div class=chapter-inner>{chapter}</div>\
         <div class=\"portlet author-note\"><p>Author's note: thanks for reading, and sorry, \
         again, for the late chapter; the next one, I promise, comes on Friday.</p></div>\
         </body></html>"
    );
    let x = extract(page.as_bytes(), "a.html").unwrap();
    assert!(
        x.text.contains("The caravan reached the salt flats"),
        "{}",
        x.text
    );
    assert!(x.text.contains("leave before dawn"), "{}", x.text);
}

/// Issue #16: the publication day says which of the page's statements agree with it, which
/// name another day, and when the page was updated; agreement raises the confidence.
#[test]
fn publication_day_is_explained_by_the_pages_statements() {
    let page = |head: &str| {
        format!(
            "<html><head>{head}</head><body><article><p>The bridge over the Vessa reopened \
             to traffic, the county said, after three months of repairs.</p></article></body></html>"
        )
    };
    let agreed = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-04-09T08:00:00+02:00","dateModified":"2021-04-12T10:00:00+02:00"}</script>
        <meta property="article:published_time" content="2021-04-09T08:00:00+02:00">
        <link rel="canonical" href="https://county.example/2021/04/09/bridge">"#,
    );
    let p = extract(agreed.as_bytes(), "a.html")
        .unwrap()
        .published
        .unwrap();
    assert_eq!(p.value.to_string(), "2021-04-09");
    assert_eq!(p.provenance, "html:json-ld:datePublished");
    assert_eq!(
        p.evidence.as_deref(),
        Some(
            "stated by JSON-LD datePublished, <meta article:published_time>, the URL path; \
             updated 2021-04-12 (JSON-LD dateModified)"
        )
    );
    assert!(p.confidence > 0.9, "{}", p.confidence);

    let disputed = page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-04-09"}</script>
        <meta property="article:published_time" content="2021-03-30">"#,
    );
    let p = extract(disputed.as_bytes(), "a.html")
        .unwrap()
        .published
        .unwrap();
    assert_eq!(p.value.to_string(), "2021-04-09");
    assert_eq!(
        p.evidence.as_deref(),
        Some(
            "stated by JSON-LD datePublished; another day in <meta article:published_time> \
             2021-03-30"
        )
    );
    assert!(p.confidence < 0.9, "{}", p.confidence);
}
