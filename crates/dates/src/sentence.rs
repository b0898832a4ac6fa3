//! A sentence splitter for news text: byte ranges of sentences, trimmed of surrounding space.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by space and
//! a capital, digit or opening quote — unless the word before the period is an abbreviation
//! ("Mr.", "Gen.", "Dec.", "U.S.") or an initial. A blank line always ends a sentence; so does a
//! single line break, except inside a hard-wrapped sentence (a lowercase letter or comma before
//! the break and a lowercase letter after it).

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "sgt", "capt", "adm", "gov", "sen",
    "rep", "pres", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc", "e.g", "i.e",
    "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "a.m", "p.m", "approx", "dept", "est", "fig", "mt", "ft", "rev", "hon",
];

/// The sentences of `text`, in order, as byte ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let end = match b[i] {
            b'.' | b'!' | b'?' => terminal(text, i),
            b'\n' => line_break(text, i),
            _ => None,
        };
        match end {
            Some(end) => {
                push(text, start..end, &mut out);
                start = end;
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    push(text, start..text.len(), &mut out);
    out
}

/// The sentence end after the terminal mark at `i`, if it ends one.
fn terminal(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Closing quotes and brackets belong to the sentence they close.
    let mut end = i + 1;
    while end < b.len() {
        let rest = &text[end..];
        let close = ['"', '\'', ')', ']', '”', '’', '»']
            .into_iter()
            .find(|c| rest.starts_with(*c));
        match close {
            Some(c) => end += c.len_utf8(),
            None if b[end] == b'.' || b[end] == b'!' || b[end] == b'?' => end += 1,
            None => break,
        }
    }
    let after = &text[end..];
    let next = after.trim_start_matches([' ', '\t', '\u{a0}']);
    if next.len() == after.len() && !after.is_empty() && !after.starts_with(['\n', '\r']) {
        return None; // "3.5", "U.S.-led", "e.g.,"
    }
    let opens = next.starts_with(|c: char| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '\n' | '\r')
    });
    if !next.is_empty() && !opens {
        return None;
    }
    if b[i] == b'.' && abbreviation(text, i) {
        return None;
    }
    Some(end)
}

/// Whether the word before the period at `i` is an abbreviation or an initial.
fn abbreviation(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|p| p + before[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Whether the line break at `i` ends a sentence; the sentence then ends at the break.
fn line_break(text: &str, i: usize) -> Option<usize> {
    let before = text[..i].trim_end_matches([' ', '\t', '\r']);
    let after = &text[i + 1..];
    let soft = before.ends_with(|c: char| c.is_lowercase() || c == ',')
        && after.starts_with(|c: char| c.is_lowercase());
    (!soft).then_some(i + 1)
}

fn push(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn splits_news_sentences() {
        check(
            "Mr. Assad spoke. Gen. Soleimani said “we are ready.” Then he left!",
            &[
                "Mr. Assad spoke.",
                "Gen. Soleimani said “we are ready.”",
                "Then he left!",
            ],
        );
        check(
            "The U.S. Army arrived on Dec. 6. It was 3.5 km away. J. Smith wrote it.",
            &[
                "The U.S. Army arrived on Dec. 6.",
                "It was 3.5 km away.",
                "J. Smith wrote it.",
            ],
        );
        check(
            "Headline without a stop\n\nBody one. Body two.\nNext paragraph",
            &[
                "Headline without a stop",
                "Body one.",
                "Body two.",
                "Next paragraph",
            ],
        );
        check(
            "a hard-wrapped sentence that goes\non the next line.",
            &["a hard-wrapped sentence that goes\non the next line."],
        );
        check("", &[]);
        check("  \n \n", &[]);
        check(
            "ends with an abbreviation, e.g. this one",
            &["ends with an abbreviation, e.g. this one"],
        );
        check(
            "“Quote,” he said. (Aside.) Done",
            &["“Quote,” he said.", "(Aside.)", "Done"],
        );
    }
}
