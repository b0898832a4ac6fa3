//! Hostile and broken files: each gives a clear error or a clean import, never a panic, within
//! bounded time. The tests of huge or deeply nested input run under `dossier_testkit::bounded`,
//! so a stage become quadratic fails them at the limit instead of hanging (a recursive one
//! still blows the stack); the growth itself is measured by `benches/pathological.rs`.

use dossier_import::{ImportError, MAX_BYTES, extract};

#[test]
fn empty_file() {
    assert_eq!(extract(b"", "a.txt"), Err(ImportError::Empty));
}

#[test]
fn binary_file_is_named() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4096u32).map(|i| (i * 7 % 251) as u8));
    let err = extract(&png, "photo.txt").unwrap_err();
    assert_eq!(err, ImportError::Binary("a PNG image".into()));
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 31 % 256) as u8).collect();
    assert!(matches!(
        extract(&noise, "x.bin"),
        Err(ImportError::Binary(_))
    ));
}

#[test]
fn over_the_size_limit_is_refused() {
    let big = vec![b'a'; MAX_BYTES + 1];
    let err = extract(&big, "big.txt").unwrap_err();
    assert_eq!(
        err,
        ImportError::TooLarge {
            size: MAX_BYTES + 1,
            limit: MAX_BYTES
        }
    );
    assert!(err.to_string().contains("limit"));
}

/// Issue #16: one NUL byte in a saved page made the whole import fail as "binary".
#[test]
fn stray_nul_byte_is_not_binary() {
    let x = extract(b"A line of text\0with a NUL", "a.txt").unwrap();
    assert_eq!(x.text, "A line of textwith a NUL\n");
    assert!(
        x.warnings.iter().any(|w| w.contains("1 NUL byte(s)")),
        "{:?}",
        x.warnings
    );
    let page = b"<html><head><title>Harbour reopens</title></head><body>\0<p>The harbour \
        reopened on Monday after the storm, the port authority said.</p></body></html>";
    let x = extract(page, "page.html").unwrap();
    assert!(
        x.text.contains("The harbour reopened on Monday"),
        "{}",
        x.text
    );
}

#[test]
fn a_file_of_nul_bytes_is_binary() {
    let mut bytes = b"header".to_vec();
    bytes.extend([0u8; 2000]);
    let err = extract(&bytes, "a.txt").unwrap_err();
    assert!(
        matches!(err, ImportError::Binary(ref why) if why.contains("2000 of its 2006 bytes are NUL")),
        "{err}"
    );
}

#[test]
fn invalid_utf8_legacy_text_is_decoded_with_a_warning() {
    let latin1 = b"Le conseil municipal a vot\xe9 mardi la r\xe9novation du march\xe9 couvert, \
        un projet d\xe9battu depuis dix ans par les habitants du quartier.";
    let x = extract(latin1, "article.txt").unwrap();
    assert!(
        x.text.contains("a voté mardi la rénovation du marché"),
        "{}",
        x.text
    );
    assert!(
        x.warnings.iter().any(|w| w.contains("not UTF-8")),
        "{:?}",
        x.warnings
    );
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = "Flood warning\n\nThe river rose two metres overnight and the old bridge was closed to traffic.\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let x = extract(&bytes, "a.txt").unwrap();
    assert_eq!(x.title.unwrap().value, "Flood warning");
    assert!(x.text.contains("old bridge was closed"));
}

/// Issue #16: a clipping whose every line looked like debris was refused; it is the analyst's
/// document all the same.
#[test]
fn only_debris_is_kept_with_a_warning() {
    let x = extract(b"Advertisement\n\nLeave a comment\n", "a.txt").unwrap();
    assert_eq!(x.text, "Advertisement\n\nLeave a comment\n");
    assert!(x.removed.is_empty());
    assert!(
        x.warnings
            .iter()
            .any(|w| w.contains("looked like web debris")),
        "{:?}",
        x.warnings
    );
}

#[test]
fn nothing_but_whitespace_is_no_text() {
    assert_eq!(extract(b"   \n\n\t\n", "a.txt"), Err(ImportError::NoText));
    assert_eq!(
        extract(
            b"<html><head></head><body> <div></div> </body></html>",
            "a.html"
        ),
        Err(ImportError::NoText)
    );
}

/// Bounded: 10-30 s in a debug build on the loaded 2-core machine; a stage quadratic in the
/// line's length would never end.
#[test]
fn a_50_mb_single_line_imports_cleanly() {
    dossier_testkit::bounded(
        std::time::Duration::from_secs(1200),
        "a_50_mb_single_line_imports_cleanly",
        || {
            let sentence =
                "The council told residents the bridge would reopen in spring, officials said. ";
            let line = sentence.repeat(50 * 1024 * 1024 / sentence.len());
            let x = extract(line.as_bytes(), "dump.txt").unwrap();
            assert_eq!(x.text.trim_end(), line.trim_end());
        },
    );
}

/// Bounded: well under 0.3 s; a tree walk quadratic in the depth would take hours.
#[test]
fn html_nested_100000_levels_deep() {
    dossier_testkit::bounded(
        std::time::Duration::from_secs(30),
        "html_nested_100000_levels_deep",
        || {
            let depth = 100_000;
            let mut html = String::from("<!doctype html><html><body>");
            html.push_str(&"<div>".repeat(depth));
            html.push_str(
                "<p>The deepest paragraph still holds the article text, and it is kept.</p>",
            );
            html.push_str(&"</div>".repeat(depth));
            html.push_str("</body></html>");
            let x = extract(html.as_bytes(), "deep.html").unwrap();
            assert!(
                x.text.contains("deepest paragraph still holds"),
                "{}",
                x.text
            );

            let inline = format!(
                "<html><body><p>{}Bold words{}</p>",
                "<b>".repeat(depth),
                "</b>".repeat(depth)
            );
            assert!(
                extract(inline.as_bytes(), "b.html")
                    .unwrap()
                    .text
                    .contains("Bold words")
            );
        },
    );
}

#[test]
fn malformed_html_imports() {
    for html in [
        "<html><body><p>Unclosed <b>tags <i>everywhere<p>Second paragraph with < and > signs",
        "<html><body><div class=\"a><p>Attribute never closed</p></body></html>",
        "<html><body><!-- comment never closed <p>lost</p>",
        "<html><head><script>while(1){}</scr",
        "<html><body><p>&amp;&bogus;&#x110000;&#0;&#99999999999; entities</p>",
        "<html><body><svg><svg><svg>deep foreign content</svg></body>",
    ] {
        match extract(html.as_bytes(), "bad.html") {
            Ok(x) => assert!(!x.text.trim().is_empty()),
            Err(e) => assert_eq!(e, ImportError::NoText, "{html}"),
        }
    }
}

/// Bounded: well under 0.3 s; a JSON-LD reader quadratic in the nesting would take hours.
#[test]
fn json_ld_nested_deeply_is_ignored() {
    dossier_testkit::bounded(
        std::time::Duration::from_secs(30),
        "json_ld_nested_deeply_is_ignored",
        || {
            let ld = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
            let html = format!(
                "<html><head><script type=\"application/ld+json\">{ld}</script></head><body><p>A plain \
         paragraph of article text that is long enough to be kept by the scorer.</p></body></html>"
            );
            let x = extract(html.as_bytes(), "a.html").unwrap();
            assert!(x.text.contains("plain paragraph"));
        },
    );
}
