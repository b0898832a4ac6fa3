//! Issue #16: thin, broken and script-built pages are imported with what they have and a warning
//! that says where the text came from; only a page with no text at all is refused.

use dossier_import::{ImportError, extract};

/// Extracts `html` and checks that the text holds `text`, a warning holds `warning`, and the
/// title is `title`.
fn check(html: &str, text: &str, warning: &str, title: Option<&str>) {
    let x = extract(html.as_bytes(), "page.html").unwrap_or_else(|e| panic!("{e}: {html}"));
    assert!(x.text.contains(text), "text {:?} lacks {text:?}", x.text);
    assert!(
        x.warnings.iter().any(|w| w.contains(warning)),
        "warnings {:?} lack {warning:?}",
        x.warnings
    );
    assert_eq!(x.title.map(|t| t.value).as_deref(), title);
}

#[test]
fn page_whose_only_text_is_navigation_keeps_it() {
    check(
        "<html><head><title>Valdor council</title></head><body>\
         <nav><a href=/a>Minutes of the March meeting</a> <a href=/b>Budget</a></nav>\
         </body></html>",
        "Minutes of the March meeting",
        "whole visible text was kept",
        Some("Valdor council"),
    );
}

#[test]
fn page_whose_only_text_is_its_headline_keeps_it() {
    check(
        "<html><head><title>Ferry strike ends</title></head><body>\
         <h1>Ferry strike ends after nine days</h1></body></html>",
        "Ferry strike ends after nine days",
        "whole visible text was kept",
        Some("Ferry strike ends"),
    );
}

#[test]
fn page_built_by_script_keeps_its_noscript_text() {
    check(
        "<html><head><title>Grain prices</title><script>render()</script></head><body>\
         <div id=app></div><noscript><p>Grain prices in Ostrava rose by a fifth in \
         October, traders said, after the river froze early.</p></noscript></body></html>",
        "Grain prices in Ostrava rose by a fifth",
        "<noscript>",
        Some("Grain prices"),
    );
}

#[test]
fn page_with_only_json_ld_keeps_its_article_body() {
    check(
        r#"<html><head><script type="application/ld+json">{"@type": "NewsArticle",
         "headline": "Mill closes", "datePublished": "2021-04-09",
         "articleBody": "The Brenna paper mill closed on Friday.\n\nIts 140 workers were told in the morning."}
         </script></head><body><div id=root></div></body></html>"#,
        "Its 140 workers were told in the morning.",
        "JSON-LD",
        Some("Mill closes"),
    );
}

#[test]
fn page_with_only_a_description_keeps_it() {
    check(
        r#"<html><head><title>Dam report</title>
         <meta name="description" content="The inspectors found cracks in the Loma dam.">
         </head><body></body></html>"#,
        "The inspectors found cracks in the Loma dam.",
        "description tags",
        Some("Dam report"),
    );
}

#[test]
fn page_with_only_a_title_and_date_is_imported_empty() {
    let html = r#"<html><head><title>Election results</title>
        <meta property="article:published_time" content="2022-05-08T10:00:00Z">
        </head><body><div id=app></div></body></html>"#;
    let x = extract(html.as_bytes(), "page.html").unwrap();
    assert_eq!(x.text, "");
    assert_eq!(x.title.unwrap().value, "Election results");
    assert_eq!(x.published.unwrap().value.to_string(), "2022-05-08");
    assert!(
        x.warnings.iter().any(|w| w.contains("no text was found")),
        "{:?}",
        x.warnings
    );
}

#[test]
fn page_with_nothing_at_all_is_refused() {
    let err = extract(
        b"<html><head></head><body><div></div></body></html>",
        "a.html",
    );
    assert_eq!(err, Err(ImportError::NoText));
}
