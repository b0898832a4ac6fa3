//! What kind of document a file holds, judged from its content (the file name only breaks a tie
//! between plain text and Markdown, which look alike).

use crate::ImportError;

/// The kinds of document import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Text,
    Markdown,
    Html,
    /// A "single file" web page: a MIME multipart archive whose main part is HTML.
    Mhtml,
    Pdf,
}

impl Kind {
    pub fn media_type(self) -> &'static str {
        match self {
            Kind::Text => "text/plain",
            Kind::Markdown => "text/markdown",
            Kind::Html => "text/html",
            Kind::Mhtml => "multipart/related",
            Kind::Pdf => "application/pdf",
        }
    }
}

/// How much of the file the sniffer looks at: enough for any header, doctype or leading comment.
const PREFIX: usize = 8192;

/// Magic numbers of common binary formats people drop by mistake, so the error can name them.
const MAGIC: [(&[u8], &str); 10] = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"RIFF", "an audio or video file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
];

/// Detects the kind of `bytes`, or says why they are not a document.
pub fn sniff(bytes: &[u8], file_name: &str) -> Result<Kind, ImportError> {
    let head = &bytes[..bytes.len().min(PREFIX)];
    // PDF writers may put junk before the header; readers accept it within the first KiB.
    if head[..head.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return Ok(Kind::Pdf);
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Err(ImportError::Binary((*what).into()));
    }
    let utf16 = head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff");
    let prefix: String = if utf16 {
        let enc = if head[0] == 0xff {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        enc.decode_without_bom_handling(&head[2..]).0.into_owned()
    } else {
        let nuls = stray_nuls(bytes);
        if nuls > NUL_FEW && nuls * 100 > bytes.len() {
            return Err(ImportError::Binary(format!(
                "{nuls} of its {} bytes are NUL",
                bytes.len()
            )));
        }
        let controls = head
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, 0 | b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
            .count();
        if controls * 100 > head.len() {
            return Err(ImportError::Binary(
                "it is full of control characters".into(),
            ));
        }
        String::from_utf8_lossy(head).into_owned()
    };
    let lower = prefix
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_lowercase();
    if is_mhtml(&lower) {
        return Ok(Kind::Mhtml);
    }
    if is_html(&lower) || is_fragment(&lower) {
        return Ok(Kind::Html);
    }
    let name = file_name.to_ascii_lowercase();
    if name.ends_with(".md") || name.ends_with(".markdown") || looks_markdown(&prefix) {
        return Ok(Kind::Markdown);
    }
    Ok(Kind::Text)
}

/// At most this many NUL bytes, or NULs under 1% of the file, are damage to a text file (a
/// crashed editor, a bad copy) rather than a binary format: the file is imported without them.
const NUL_FEW: usize = 16;

/// How many NUL bytes `bytes` holds (outside UTF-16, where they are half of every ASCII letter).
pub fn stray_nuls(bytes: &[u8]) -> usize {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return 0;
    }
    bytes.iter().filter(|&&b| b == 0).count()
}

fn is_mhtml(lower: &str) -> bool {
    let headers = lower.split("\n\n").next().unwrap_or("");
    (lower.starts_with("from:") || lower.starts_with("mime-version:") || lower.starts_with("date:"))
        && lower.contains("mime-version:")
        && headers.contains("multipart/related")
}

fn is_html(lower: &str) -> bool {
    const OPENERS: [&str; 4] = ["<!doctype html", "<html", "<?xml", "<!--"];
    const TAGS: [&str; 6] = ["<html", "<head", "<body", "<meta", "<div", "<article"];
    // Pages saved without `<html>` may open with a style or script block longer than the
    // prefix: an element that only HTML has, first thing in the file, decides it.
    const HEAD_ELEMENTS: [&str; 7] = ["style", "script", "link", "meta", "head", "title", "body"];
    let opens_with_element = lower.strip_prefix('<').is_some_and(|rest| {
        HEAD_ELEMENTS.iter().any(|e| {
            rest.strip_prefix(e)
                .is_some_and(|after| after.starts_with([' ', '>', '\n', '\r', '\t']))
        })
    });
    opens_with_element
        || OPENERS.iter().any(|o| lower.starts_with(o)) && TAGS.iter().any(|t| lower.contains(t))
        || lower.starts_with('<') && TAGS.iter().filter(|t| lower.contains(*t)).count() >= 2
}

/// Elements of page bodies: a file made of their tags is HTML even without `<html>` or `<head>`.
const BODY_ELEMENTS: [&str; 36] = [
    "a",
    "b",
    "blockquote",
    "br",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "li",
    "ol",
    "p",
    "pre",
    "small",
    "span",
    "strong",
    "table",
    "tbody",
    "td",
    "th",
    "tr",
    "u",
    "ul",
];

/// A page body saved without its `<html>` and `<head>` (a fragment, a CMS export, an old
/// table layout opening with `<table>`): at least [`FRAGMENT_TAGS`] tags of body elements, two
/// kinds of them closed, and the file opens with a tag or is mostly markup. A note that quotes a
/// tag or two stays text.
fn is_fragment(lower: &str) -> bool {
    const FRAGMENT_TAGS: usize = 8;
    let mut tags = 0;
    let mut tag_bytes = 0;
    let mut closed: Vec<&str> = Vec::new();
    let mut rest = lower;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        let (closing, name_at) = match after.strip_prefix('/') {
            Some(n) => (true, n),
            None => (false, after),
        };
        let end = name_at
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name_at.len());
        let name = &name_at[..end];
        let delimited = name_at[end..].starts_with([' ', '>', '/', '\n', '\r', '\t']);
        rest = after;
        if !delimited || !BODY_ELEMENTS.contains(&name) {
            continue;
        }
        tags += 1;
        tag_bytes += after.find('>').map_or(0, |e| e + 2);
        if closing && !closed.contains(&name) {
            closed.push(name);
        }
    }
    tags >= FRAGMENT_TAGS
        && closed.len() >= 2
        && (lower.starts_with('<') || tag_bytes * 3 > lower.len())
}

/// Markdown that a plain-text reader would mangle: ATX headings, fences or inline links.
fn looks_markdown(prefix: &str) -> bool {
    prefix.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("# ") || l.starts_with("## ") || l.starts_with("```")
    }) || prefix.contains("](http")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], name: &str, expected: Result<Kind, &str>) {
        let got = sniff(input, name).map_err(|e| e.to_string());
        match expected {
            Ok(kind) => assert_eq!(got, Ok(kind), "{input:?}"),
            Err(part) => assert!(got.as_ref().is_err_and(|e| e.contains(part)), "{got:?}"),
        }
    }

    #[test]
    fn kinds_from_content() {
        check(b"Hello\n\nworld", "a.txt", Ok(Kind::Text));
        check(b"Hello\n\nworld", "a.md", Ok(Kind::Markdown));
        check(b"# Title\n\ntext", "a.txt", Ok(Kind::Markdown));
        check(b"<!DOCTYPE html><html><body>x", "a.txt", Ok(Kind::Html));
        check(b"\n  <html lang=en><head>", "noext", Ok(Kind::Html));
        check(b"junk%PDF-1.7\n", "a.html", Ok(Kind::Pdf));
        check(
            b"From: <Saved>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\r\n",
            "a.mht",
            Ok(Kind::Mhtml),
        );
        check(
            b"\xff\xfe<\0h\0t\0m\0l\0>\0<\0b\0o\0d\0y\0>\0",
            "x",
            Ok(Kind::Html),
        );
        check(b"<p>I think 3 < 4</p>", "x.txt", Ok(Kind::Text));
    }

    /// Issue #16: a page body saved without `<html>`/`<head>` was imported as plain text, its
    /// markup and all.
    #[test]
    fn page_body_without_html_or_head_is_html() {
        let body = b"<table width=\"100%\">\n<tr><td><a href=/>Home</a></td>\
            <td><a href=/news>News</a></td></tr></table>\n<div id=main><p>The county \
            opened a shelter.</p><p>It holds <b>forty</b> beds.</p></div>";
        check(body, "page.html", Ok(Kind::Html));
        check(
            b"Use <b>bold</b> and <i>italics</i> sparingly.\n\nA note, not a page.",
            "note.txt",
            Ok(Kind::Text),
        );
    }

    #[test]
    fn page_opening_with_a_long_style_block_is_html() {
        let mut page = b"<style>\n".to_vec();
        page.extend(b"  .box { opacity: 1; }\n".repeat(1000));
        page.extend(b"</style><meta name=x content=y><div>text</div>");
        check(&page, "page.html", Ok(Kind::Html));
        check(b"<script src=a.js></script>", "x", Ok(Kind::Html));
        check(b"<styled text> is not a tag", "x.txt", Ok(Kind::Text));
    }

    #[test]
    fn stray_nul_byte_is_not_binary() {
        check(b"abc\0def", "a.txt", Ok(Kind::Text));
        let mut page = b"<!DOCTYPE html><html><body><p>".to_vec();
        page.extend(b"An article with a damaged byte.".repeat(20));
        page.extend(b"\0\0</p></body></html>");
        check(&page, "page.html", Ok(Kind::Html));
    }

    #[test]
    fn binaries_are_named() {
        check(b"\x89PNG\r\n\x1a\n", "a.txt", Err("a PNG image"));
        let mut nul_padded = b"abc".to_vec();
        nul_padded.extend([0u8; 400]);
        check(&nul_padded, "a.txt", Err("400 of its 403 bytes are NUL"));
        check(
            &[1u8, 2, 3, 4, 5, 6, 7, 8],
            "a.txt",
            Err("control characters"),
        );
    }
}
