//! MHTML ("save as single file"): a MIME multipart archive; we need its first HTML part.

use base64::Engine;

/// The HTML part of an MHTML archive, still encoded in its charset.
pub(crate) struct Part {
    pub body: Vec<u8>,
    pub charset: Option<String>,
    /// `Content-Location`: the page's URL when the browser saved it.
    pub location: Option<String>,
}

pub(crate) fn html_part(bytes: &[u8]) -> Option<Part> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.replace("\r\n", "\n");
    let (head, _) = text.split_once("\n\n")?;
    let head = unfold(head);
    let boundary = param(header(&head, "content-type")?, "boundary")?;
    let delimiter = format!("--{boundary}");
    for part in text.split(delimiter.as_str()).skip(1) {
        let part = part.strip_prefix('\n').unwrap_or(part);
        let Some((head, body)) = part.split_once("\n\n") else {
            continue;
        };
        let head = unfold(head);
        let Some(kind) = header(&head, "content-type") else {
            continue;
        };
        if !kind.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let encoding = header(&head, "content-transfer-encoding")
            .unwrap_or("8bit")
            .to_ascii_lowercase();
        let body = match encoding.trim() {
            "base64" => base64::engine::general_purpose::STANDARD
                .decode(body.split_whitespace().collect::<String>())
                .ok()?,
            "quoted-printable" => quoted_printable(body),
            _ => body.as_bytes().to_vec(),
        };
        return Some(Part {
            body,
            charset: param(kind, "charset").map(str::to_string),
            location: header(&head, "content-location").map(|s| s.trim().to_string()),
        });
    }
    None
}

/// Joins folded header lines (continuations start with white space).
fn unfold(head: &str) -> String {
    head.replace("\n ", " ").replace("\n\t", " ")
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

fn param<'a>(value: &'a str, name: &str) -> Option<&'a str> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"'))
    })
}

fn quoted_printable(body: &str) -> Vec<u8> {
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            let hex = b
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_quoted_printable_html_part() {
        let mht = b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\r\n------B\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.org/a\r\n\r\n<p>caf=C3=A9 au=\r\n lait</p>\r\n------B--\r\n";
        let part = html_part(mht).unwrap();
        assert_eq!(
            String::from_utf8(part.body).unwrap(),
            "<p>café au lait</p>\n"
        );
        assert_eq!(part.charset.as_deref(), Some("utf-8"));
        assert_eq!(part.location.as_deref(), Some("https://example.org/a"));
    }
}
