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

/// What a selection of bytes `range` of `text` (in a reader) is as the core locates quotes:
/// the quote and its 1-based occurrence among the quote's matches in `text` (see `find_all`).
/// `None` when the range is empty, blank, outside the text or not on character boundaries.
pub fn selection(text: &str, range: Range<usize>) -> Option<(&str, usize)> {
    let start = range.start;
    let quote = text.get(range).filter(|q| !q.trim().is_empty())?;
    let occurrence = find_all(text, quote)
        .iter()
        .position(|r| r.end > start)
        .map_or(1, |i| i + 1);
    Some((quote, occurrence))
}

/// The passage of `text` nearest to `quote`, for an analyst whose quote was not found: the
/// window of as many words as the quote holding the most of its words (folded, lower-cased),
/// trimmed to the first and last of them. `None` when no window holds a third of them.
/// Linear: the window slides, counting words in and out.
pub fn nearest(text: &str, quote: &str) -> Option<Range<usize>> {
    let key = |w: &str| -> String { w.chars().map(fold).flat_map(char::to_lowercase).collect() };
    let wanted: std::collections::HashSet<String> = words(quote).map(|(_, w)| key(w)).collect();
    let n = words(quote).count();
    if n == 0 {
        return None;
    }
    let hits: Vec<(Range<usize>, bool)> = words(text)
        .map(|(r, w)| (r, wanted.contains(&key(w))))
        .collect();
    let mut best: Option<(usize, usize)> = None;
    let mut count = 0;
    for i in 0..hits.len() {
        count += usize::from(hits[i].1);
        if i >= n {
            count -= usize::from(hits[i - n].1);
        }
        let start = (i + 1).saturating_sub(n);
        if best.is_none_or(|(c, _)| count > c) {
            best = Some((count, start));
        }
    }
    let (count, start) = best?;
    if count * 3 < n.max(3) {
        return None;
    }
    let window = &hits[start..(start + n).min(hits.len())];
    let first = window.iter().position(|h| h.1)?;
    let last = window.iter().rposition(|h| h.1)?;
    Some(window[first].0.start..window[last].0.end)
}

/// The words of `text` (runs of letters and digits) with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start..start + w.len(), w)
        })
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

    /// Checks the quote and occurrence of the `nth` (0-based) match of `needle` in `text`
    /// selected as a byte range.
    #[track_caller]
    fn check_selection(text: &str, needle: &str, nth: usize, expected: Option<(&str, usize)>) {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        assert_eq!(selection(text, start..start + needle.len()), expected);
    }

    #[test]
    fn a_selection_is_its_quote_and_which_occurrence_it_is() {
        let text = "Talks \u{201C}resumed\u{201D}. Later, talks \"resumed\" again; talks resumed.";
        check_selection(text, "talks", 0, Some(("talks", 1)));
        // Folded matching: the curly and the straight quotes are the same quote.
        check_selection(text, "talks \"resumed\"", 0, Some(("talks \"resumed\"", 1)));
        check_selection(text, "talks resumed", 0, Some(("talks resumed", 1)));
        check_selection(text, "resumed", 2, Some(("resumed", 3)));
        check_selection("a b a b", "a b", 1, Some(("a b", 2)));
    }

    #[test]
    fn a_selection_that_is_no_passage_is_none() {
        let text = "Café talks";
        assert_eq!(selection(text, 4..4), None);
        assert_eq!(selection(text, 5..6), None);
        assert_eq!(selection(text, 0..1000), None);
        // Inside the two bytes of "é".
        assert_eq!(selection(text, 4..6), None);
    }

    #[test]
    fn the_nearest_passage_of_a_quote_not_found() {
        let text = "The mayor of Pellan resigned on Monday after the audit. Grain prices rose.";
        let near = |q: &str| nearest(text, q).map(|r| &text[r]);
        assert_eq!(
            near("the mayor of Pellan quit on Monday after an audit"),
            Some("The mayor of Pellan resigned on Monday after the audit")
        );
        assert_eq!(near("grain prices fell"), Some("Grain prices"));
        assert_eq!(near("nothing like it at all here"), None);
        assert_eq!(near(""), None);
    }
}
