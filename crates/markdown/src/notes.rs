//! Runs of note references. `[^4][^5][^6]` is three notes, but every renderer sets adjacent
//! superscripts as one number ("456", or "13" in a document that also has a note 13). The one
//! rule, for every output: consecutive references are separated by [`SEPARATOR`].
//!
//! - In Markdown text, [`separate_note_runs`] writes the separator between adjacent
//!   references (`[^4],[^5]`), so that any other Markdown viewer shows "4,5" too.
//! - In the event stream ([`crate::events`]), a separator between two references, written or
//!   not, arrives as [`Dialect::NoteSeparator`](crate::Dialect::NoteSeparator), which the PDF
//!   and the HTML preview set as a superscript like the numbers.

use std::borrow::Cow;
use std::collections::VecDeque;

use pulldown_cmark::{Event as CmarkEvent, Parser};

use crate::{Dialect, Event, options};

/// What stands between two consecutive note references.
pub const SEPARATOR: &str = ",";

/// `text` with [`SEPARATOR`] written between every two adjacent note references.
pub fn separate_note_runs(text: &str) -> Cow<'_, str> {
    let mut at: Vec<usize> = Vec::new();
    let mut previous_end = None;
    for (e, r) in Parser::new_ext(text, options()).into_offset_iter() {
        if let CmarkEvent::FootnoteReference(_) = e {
            if previous_end == Some(r.start) {
                at.push(r.start);
            }
            previous_end = Some(r.end);
        } else {
            previous_end = None;
        }
    }
    if at.is_empty() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + at.len() * SEPARATOR.len());
    let mut done = 0;
    for i in at {
        out.push_str(&text[done..i]);
        out.push_str(SEPARATOR);
        done = i;
    }
    out.push_str(&text[done..]);
    out.into()
}

/// The events of `inner` with every run of note references separated: a [`SEPARATOR`] text
/// between two references becomes [`Dialect::NoteSeparator`], and one is added between two
/// adjacent references.
pub(crate) struct NoteRuns<'a, I: Iterator<Item = Event<'a>>> {
    pub(crate) inner: I,
    /// Events read ahead, in order.
    pub(crate) ahead: VecDeque<Event<'a>>,
}

fn is_reference(e: &Event<'_>) -> bool {
    matches!(e, Event::Cmark(CmarkEvent::FootnoteReference(_)))
}

fn is_separator(e: &Event<'_>) -> bool {
    matches!(e, Event::Cmark(CmarkEvent::Text(t)) if t.as_ref() == SEPARATOR)
}

impl<'a, I: Iterator<Item = Event<'a>>> NoteRuns<'a, I> {
    fn peek(&mut self, n: usize) -> Option<&Event<'a>> {
        while self.ahead.len() <= n {
            let e = self.inner.next()?;
            self.ahead.push_back(e);
        }
        self.ahead.get(n)
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for NoteRuns<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let e = match self.ahead.pop_front() {
            Some(e) => e,
            None => self.inner.next()?,
        };
        if !is_reference(&e) {
            return Some(e);
        }
        if self.peek(0).is_some_and(is_reference) {
            self.ahead
                .push_front(Event::Dialect(Dialect::NoteSeparator));
        } else if self.peek(0).is_some_and(is_separator) && self.peek(1).is_some_and(is_reference) {
            self.ahead[0] = Event::Dialect(Dialect::NoteSeparator);
        }
        Some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with definitions of notes 1 to 13: a reference without one is only text.
    fn defined(text: &str) -> String {
        let notes: String = (1..=13).map(|n| format!("[^{n}]: note {n}\n")).collect();
        format!("{text}\n\n{notes}")
    }

    #[track_caller]
    fn check(text: &str, expected: &str) {
        assert_eq!(separate_note_runs(&defined(text)), defined(expected));
    }

    #[test]
    fn adjacent_references_are_separated_in_the_text() {
        check("a[^4][^5][^6][^7].", "a[^4],[^5],[^6],[^7].");
        check("a[^1][^3] b[^13]", "a[^1],[^3] b[^13]");
        check("a[^1] b[^2]", "a[^1] b[^2]");
        check("a[^1],[^2]", "a[^1],[^2]");
        check("`[^1][^2]`", "`[^1][^2]`");
        check("no notes here", "no notes here");
        // Without a definition a reference is text, and left alone.
        assert_eq!(separate_note_runs("x[^1][^2]"), "x[^1][^2]");
    }

    /// The references and separators of `text`'s events, as "4" and ",".
    fn run(text: &str) -> String {
        let text = defined(text);
        crate::events(&text)
            .take_while(|e| {
                !matches!(
                    e,
                    Event::Cmark(CmarkEvent::Start(pulldown_cmark::Tag::FootnoteDefinition(
                        _
                    )))
                )
            })
            .filter_map(|e| match e {
                Event::Cmark(CmarkEvent::FootnoteReference(l)) => Some(l.to_string()),
                Event::Dialect(Dialect::NoteSeparator) => Some(SEPARATOR.to_string()),
                Event::Cmark(CmarkEvent::Text(t)) => Some(format!("'{t}'")),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn runs_arrive_separated_whether_written_or_not() {
        assert_eq!(run("a[^4][^5][^6][^7]"), "'a'4,5,6,7");
        assert_eq!(run("a[^4],[^5] b"), "'a'4,5' b'");
        assert_eq!(run("a[^4], b"), "'a'4', b'");
        assert_eq!(run("a[^4] [^5]"), "'a'4' '5");
        assert_eq!(run("a[^1][^3] b[^13]"), "'a'1,3' b'13");
        // Written and read again: the same run, separated once.
        let written = separate_note_runs(&defined("a[^4][^5][^6]")).into_owned();
        let body = written.split("\n\n").next().unwrap_or_default();
        assert_eq!(run(body), "'a'4,5,6");
    }
}
