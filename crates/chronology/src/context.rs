//! Where an excerpt stands in its source text: the dateline's place ("HALDEN, May 3 (XP) -")
//! for a quote whose sentence names none, and the place a "there" in a quote points back to.

use std::sync::LazyLock;

use regex::Regex;

use crate::figures::places;

/// The place of a dateline that opens a line ("ARLEN - …", "ARLEN, Kessel, May 3 (KNA) - …"),
/// else of a byline that places its reporter ("By Ruth Amsel in Kessel"), lower case.
pub(crate) fn dateline(text: &str) -> Option<String> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^(\p{Lu}{3,}(?:[ -]\p{Lu}{3,}){0,2})(?:,[^\n]{0,60}?)?\s+[-–—]\s+\p{Lu}")
            .expect("dateline")
    });
    // Only near the top, where a byline stands: a closing "Written by … in London" credits
    // the desk, not where it happened.
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?m)^By [^\n]{2,60}?,? (?:in|from) (\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})\s*$",
        )
        .expect("byline")
    });
    let head = &text[..floor(text, 1500)];
    DATELINE
        .captures(text)
        .or_else(|| BYLINE.captures(head))
        .map(|c| c[1].to_lowercase())
}

/// The sentence of `text` around `start..end` (bounded by sentence ends and line breaks).
pub(crate) fn sentence(text: &str, start: usize, end: usize) -> &str {
    let (start, end) = (floor(text, start), floor(text, end.max(start)));
    let from = text[..start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let to = text[end..]
        .find(['.', '!', '?', '\n'])
        .map_or(text.len(), |i| end + i);
    &text[from..to]
}

/// Whether a quote refers to a place only by "there" or "here": its place is the one named
/// just before it.
pub(crate) fn points_to_place(quote: &str) -> bool {
    quote
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("there") || w.eq_ignore_ascii_case("here"))
}

/// The places named last before `start`: in the same paragraph, else the paragraph before.
pub(crate) fn places_before(text: &str, start: usize) -> Vec<String> {
    let start = floor(text, start);
    let para = text[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let found = places(&text[para..start]);
    if !found.is_empty() || para == 0 {
        return found;
    }
    let prev = text[..para - 2].rfind("\n\n").map_or(0, |i| i + 2);
    places(&text[prev..para])
}

fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_and_places_before_a_there() {
        assert_eq!(
            dateline("Wire\n\nBRELL, Osta, June 2 (OW) - Smoke rose over the mill.").as_deref(),
            Some("brell")
        );
        assert_eq!(
            dateline("Paper\n\nDUNMORE HILL - The mill burned.").as_deref(),
            Some("dunmore hill")
        );
        assert_eq!(dateline("Paper\n\nNATO - and others said so."), None);
        assert_eq!(
            dateline("Paper\n\nBy Ana Ruiz in Port Vell\nMay 3\n\nThe mill burned.").as_deref(),
            Some("port vell")
        );
        assert_eq!(
            dateline("Paper\n\nBy Ana Ruiz\n\nThe mill burned in Vell."),
            None
        );
        let text = "Intro.\n\nVolunteers at the Pell shelter counted 300 beds. Some 800 people slept there on Friday.";
        let at = text.find("Some 800").expect("quote");
        assert!(points_to_place("Some 800 people slept there on Friday"));
        assert_eq!(places_before(text, at), vec!["pell".to_string()]);
        assert_eq!(
            sentence(text, at + 5, at + 10),
            " Some 800 people slept there on Friday"
        );
    }
}
