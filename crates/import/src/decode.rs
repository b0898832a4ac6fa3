//! Bytes to text: byte-order marks, a charset the document declares, or a detected legacy
//! encoding. Line ends become `\n`.

use encoding_rs::{Encoding, UTF_8};

use crate::ImportError;

/// Text decoded from a file, and a warning when the decoding had to guess or repair.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub warning: Option<String>,
}

/// How much of an HTML page is searched for `<meta charset>`, as browsers do.
const PRESCAN: usize = 4096;

/// Decodes `bytes`. `declared` is a charset label from outside the bytes (an MHTML part header).
///
/// Valid UTF-8 wins over a declared legacy charset: pages saved by a browser are re-encoded as
/// UTF-8 while their `<meta charset>` still names the original, and the reverse (legacy bytes
/// that happen to be valid UTF-8) is vanishingly rare outside pure ASCII, where both agree.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, ImportError> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom..], enc, None);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: normalize_newlines(text),
            encoding: UTF_8,
            warning: None,
        });
    }
    let declared = declared
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        // A page that says UTF-8 but is not UTF-8 declares nothing useful.
        .filter(|&enc| enc != UTF_8);
    if let Some(enc) = declared {
        return finish(bytes, enc, None);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let note = format!(
        "the file is not UTF-8 and declares no charset; decoded as {} (detected)",
        guess.name()
    );
    finish(bytes, guess, Some(note))
}

fn finish(
    bytes: &[u8],
    enc: &'static Encoding,
    warning: Option<String>,
) -> Result<Decoded, ImportError> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let mut warning = warning;
    if had_errors {
        let bad = text.matches('\u{fffd}').count();
        // A few broken sequences are a damaged file worth importing; many mean a wrong guess,
        // and the analyst should convert the file rather than read mojibake.
        if bad * 100 > text.chars().count().max(1) {
            let valid = std::str::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            return Err(ImportError::Encoding(valid));
        }
        warning = Some(format!(
            "{bad} invalid {} byte sequence(s) were replaced with U+FFFD",
            enc.name()
        ));
    }
    Ok(Decoded {
        text: normalize_newlines(&text),
        encoding: enc,
        warning,
    })
}

fn normalize_newlines(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// The charset an HTML page declares in `<meta charset=…>` or `<meta http-equiv … content=
/// "…; charset=…">`, found by a byte scan as in the HTML prescan algorithm (simplified).
fn meta_charset(head: &[u8]) -> Option<&str> {
    let lower = head.to_ascii_lowercase();
    let at = find(&lower, b"charset")?;
    let rest = &head[at + 7..];
    let rest = rest.strip_prefix(b"=").or_else(|| {
        let t = rest.trim_ascii_start();
        t.strip_prefix(b"=")
    })?;
    let rest = rest.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end])
        .ok()
        .filter(|s| !s.is_empty())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], expected: &str, encoding: &str) {
        let got = decode(input, None).unwrap();
        assert_eq!(got.text, expected);
        assert_eq!(got.encoding.name(), encoding);
    }

    #[test]
    fn encodings() {
        check(b"caf\xc3\xa9\r\nbar", "café\nbar", "UTF-8");
        check(b"\xef\xbb\xbfcaf\xc3\xa9", "café", "UTF-8");
        check(b"\xff\xfec\0a\0f\0\xe9\0", "café", "UTF-16LE");
        check(b"\xfe\xff\0c\0a\0f\0\xe9", "café", "UTF-16BE");
        check(
            b"<meta charset=\"iso-8859-15\"><p>\xa4 5</p>",
            "<meta charset=\"iso-8859-15\"><p>€ 5</p>",
            "ISO-8859-15",
        );
        check(
            b"<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>\xcf\xf0\xe8",
            "<meta http-equiv=Content-Type content='text/html; charset=windows-1251'>При",
            "windows-1251",
        );
    }

    #[test]
    fn legacy_text_without_declaration_is_detected_with_a_warning() {
        let latin1 = b"Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9union aura lieu \xe0 Paris.";
        let got = decode(latin1, None).unwrap();
        assert_eq!(
            got.text,
            "Le président a déclaré que la réunion aura lieu à Paris."
        );
        assert!(got.warning.unwrap().contains("detected"));
    }
}
