//! Finding an analyst's quote in a source's text, forgiving what copy and paste changes:
//! runs of white space (no-break spaces included), curly and straight quotes, and dashes.

use std::ops::Range;

/// The folded form of one character: quotes and dashes to ASCII, white space to a space.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// `text` folded, with each folded char's byte range in the original.
fn folded(text: &str) -> (Vec<char>, Vec<Range<usize>>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut spans: Vec<Range<usize>> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let f = fold(c);
        let end = i + c.len_utf8();
        if f == ' ' && chars.last() == Some(&' ') {
            spans.last_mut().expect("a previous char").end = end;
            continue;
        }
        chars.push(f);
        spans.push(i..end);
    }
    (chars, spans)
}

/// Byte ranges in `text` of every occurrence of `quote`, compared folded. The ranges start and
/// end on the quote's first and last non-space characters.
pub fn find_all(text: &str, quote: &str) -> Vec<Range<usize>> {
    let (needle, _) = folded(quote.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let (hay, spans) = folded(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            out.push(spans[i].start..spans[i + needle.len() - 1].end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, quote: &str, expected: &[&str]) {
        let found: Vec<&str> = find_all(text, quote)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn folds_spacing_quotes_and_dashes() {
        check(
            "the \u{201C}end of\u{00A0} the road\u{201D} – now",
            "\"end of the road\" - now",
            &["\u{201C}end of\u{00A0} the road\u{201D} – now"],
        );
        check(
            "Syria\u{2019}s army",
            "Syria's army",
            &["Syria\u{2019}s army"],
        );
        check("a b a b", "a b", &["a b", "a b"]);
        check("abc", "", &[]);
        check("abc", "abd", &[]);
    }
}
