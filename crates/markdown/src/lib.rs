//! Dossier's Markdown dialect, as one event stream that every consumer reads.
//!
//! The dialect is CommonMark with GFM tables, footnotes, strikethrough and GFM alerts, plus:
//!
//! - **Page break**: a paragraph that is exactly `\newpage` (as in pandoc).
//! - **Boxed note**: a GFM alert block quote, `> [!NOTE]` (also `TIP`, `IMPORTANT`, `WARNING`,
//!   `CAUTION`): the PDF draws a box, the HTML preview a bordered aside.
//! - **Note runs**: consecutive note references are separated (`[^4][^5]` reads "4,5", never
//!   "45"): [`separate_note_runs`] in text, [`Dialect::NoteSeparator`] in events.
//! - **No raw HTML**: HTML in the text is shown as the literal text it is, never interpreted.
//!   This is what keeps untrusted text from running script in the preview, and it makes the
//!   preview and the PDF agree.
//!
//! Consumers call [`events`] and match [`Event`]s; dialect additions arrive as [`Event::Dialect`].
//! A document's headings as sections come from [`sections`].

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{CowStr, Options, Parser};

mod notes;
mod sections;
pub use notes::{SEPARATOR as NOTE_SEPARATOR, separate_note_runs};
pub use sections::{Section, sections};

pub use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, Event as CmarkEvent, HeadingLevel, LinkType, Tag,
    TagEnd,
};

/// The parser options of the dialect. Smart punctuation is off: quotes stay as the source has
/// them, which matters for verbatim excerpts.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
}

/// An event of the dialect: a CommonMark event, or one of the dialect's own blocks.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<'a> {
    Cmark(CmarkEvent<'a>),
    Dialect(Dialect),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    PageBreak,
    /// Between two consecutive note references ([`NOTE_SEPARATOR`], set as they are): the
    /// one rule that keeps `[^4][^5]` from reading as note 45.
    NoteSeparator,
}

/// The events of `text` in the dialect. Raw HTML arrives as `Text` of its literal source.
pub fn events(text: &str) -> impl Iterator<Item = Event<'_>> {
    notes::NoteRuns {
        inner: PageBreaks {
            inner: Parser::new_ext(text, options())
                .map(literal_html)
                .peekable(),
            pending: None,
        },
        ahead: Default::default(),
    }
}

/// `text` made inert in any other Markdown editor an exported file is opened in, and still the
/// same document in this dialect:
///
/// - every `<` outside code is backslash-escaped: raw HTML, or what another parser takes for
///   it, would be live there (this dialect shows it as text anyway), and so would an autolink
///   with an unsafe scheme (`<javascript:…>`);
/// - a link or image (inline, or the reference definition a reference link uses) whose
///   destination has a scheme other than `http`, `https` or `mailto` gets the destination `#`:
///   the text stays, the link leads nowhere. Relative and fragment destinations stay.
///
/// Only destinations are rewritten, never brackets, so every link is still the same link with
/// the same text: no `[` can pair with another `]` than before.
pub fn inert(text: &str) -> Cow<'_, str> {
    let mut edits = Vec::new();
    let mut parser = Parser::new_ext(text, options()).into_offset_iter();
    // Open links and images: their range, whether their destination must go, and where their
    // text ends so far (the destination follows the first `](` after it).
    let mut open: Vec<(Range<usize>, bool, usize)> = Vec::new();
    for (e, r) in parser.by_ref() {
        if let CmarkEvent::End(TagEnd::Link | TagEnd::Image) = e
            && let Some((link, true, text_end)) = open.pop()
            && let Some(i) = text[text_end..link.end].find("](")
            && text[..link.end].ends_with(')')
        {
            edits.push(Edit::Replace(text_end + i + 2..link.end - 1, "#"));
        }
        if let Some(top) = open.last_mut() {
            top.2 = top.2.max(r.end);
        }
        match e {
            CmarkEvent::Html(_)
            | CmarkEvent::InlineHtml(_)
            | CmarkEvent::Text(_)
            | CmarkEvent::FootnoteReference(_)
                if text[r.clone()].contains('<') =>
            {
                edits.push(Edit::EscapeLt(r));
            }
            CmarkEvent::Start(Tag::FootnoteDefinition(_)) => {
                // Only the label: the definition's content arrives as its own events.
                let label_end = text[r.clone()].find("]:").map_or(r.start, |i| r.start + i);
                if text[r.start..label_end].contains('<') {
                    edits.push(Edit::EscapeLt(r.start..label_end));
                }
            }
            CmarkEvent::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    ..
                },
            ) => {
                // Reference links are defused at their definition, below.
                let defuse = !safe_destination(&dest_url);
                if link_type == LinkType::Autolink && defuse {
                    edits.push(Edit::EscapeLt(r.clone()));
                }
                let text_start = r.start + text[r.clone()].find('[').map_or(0, |i| i + 1);
                open.push((r, defuse && link_type == LinkType::Inline, text_start));
            }
            _ => {}
        }
    }
    for (_, def) in parser.reference_definitions().iter() {
        let span = def.span.clone();
        let Some(colon) = text[span.clone()].find("]:") else {
            continue;
        };
        if !safe_destination(&def.dest) {
            let end = span.start + text[span.clone()].trim_end().len();
            edits.push(Edit::Replace(span.start + colon + 2..end, " #"));
        }
    }
    if edits.is_empty() {
        return text.into();
    }
    // An HTML block's range can cover an inline one's; each byte is copied once.
    edits.sort_by_key(|e| e.range().start);
    let mut out = String::with_capacity(text.len() + 16);
    let mut done = 0;
    for edit in edits {
        let r = edit.range();
        let start = r.start.max(done);
        if start >= r.end {
            continue;
        }
        out.push_str(&text[done..start]);
        match edit {
            Edit::EscapeLt(_) => {
                for (i, c) in text[start..r.end].char_indices() {
                    // `\<` is escaped already, `\\<` is an escaped backslash and a live `<`.
                    let escaped = || {
                        let before = text[..start + i].bytes().rev();
                        before.take_while(|&b| b == b'\\').count() % 2 == 1
                    };
                    if c == '<' && !escaped() {
                        out.push('\\');
                    }
                    out.push(c);
                }
            }
            Edit::Replace(_, with) => out.push_str(with),
        }
        done = r.end;
    }
    out.push_str(&text[done..]);
    out.into()
}

/// One change [`inert`] makes to the source.
enum Edit {
    /// Backslash-escape every unescaped `<` in the range.
    EscapeLt(Range<usize>),
    /// Replace the range.
    Replace(Range<usize>, &'static str),
}

impl Edit {
    fn range(&self) -> Range<usize> {
        match self {
            Edit::EscapeLt(r) | Edit::Replace(r, _) => r.clone(),
        }
    }
}

/// Whether a link to `dest` can only lead to the web, a mail program or another place in the
/// document: `http`, `https`, `mailto`, or no scheme (a relative path or a fragment). A scheme
/// is what URLs allow (a letter, then letters, digits, `+`, `-` or `.`, then `:`), read more
/// strictly than a browser reads it: spaces and controls anywhere are dropped, so neither
/// `java\tscript:` nor ` javascript:` slips through.
fn safe_destination(dest: &str) -> bool {
    const SAFE: [&[u8]; 3] = [b"http", b"https", b"mailto"];
    let mut scheme = [0u8; 6];
    let mut len = 0;
    for c in dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
    {
        match c {
            ':' => {
                return len <= scheme.len()
                    && SAFE.iter().any(|s| s.eq_ignore_ascii_case(&scheme[..len]));
            }
            c if c.is_ascii_alphabetic()
                || (len > 0 && (c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))) =>
            {
                if let Some(b) = scheme.get_mut(len) {
                    *b = c as u8;
                }
                len += 1;
            }
            // Not a scheme: a relative reference (`/`, `?`, `#`, `%`, `<`…).
            _ => return true,
        }
    }
    true
}

/// Raw HTML becomes the text it is.
fn literal_html(e: CmarkEvent<'_>) -> CmarkEvent<'_> {
    match e {
        CmarkEvent::Html(s) | CmarkEvent::InlineHtml(s) => CmarkEvent::Text(s),
        other => other,
    }
}

/// Turns `Start(Paragraph) Text("\newpage") End(Paragraph)` into `Dialect(PageBreak)`.
struct PageBreaks<'a, I: Iterator<Item = CmarkEvent<'a>>> {
    inner: std::iter::Peekable<I>,
    /// A text event read ahead that turned out not to be a page break.
    pending: Option<CmarkEvent<'a>>,
}

impl<'a, I: Iterator<Item = CmarkEvent<'a>>> Iterator for PageBreaks<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(p) = self.pending.take() {
            return Some(Event::Cmark(p));
        }
        let e = self.inner.next()?;
        let starts_break = e == CmarkEvent::Start(Tag::Paragraph)
            && matches!(self.inner.peek(), Some(CmarkEvent::Text(t)) if is_newpage(t));
        if !starts_break {
            return Some(Event::Cmark(e));
        }
        let text = self.inner.next().expect("peeked");
        if self.inner.peek() == Some(&CmarkEvent::End(TagEnd::Paragraph)) {
            self.inner.next();
            return Some(Event::Dialect(Dialect::PageBreak));
        }
        self.pending = Some(text);
        Some(Event::Cmark(e))
    }
}

fn is_newpage(t: &CowStr<'_>) -> bool {
    t.trim() == "\\newpage"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(md: &str) -> Vec<String> {
        events(md)
            .map(|e| match e {
                Event::Dialect(d) => format!("{d:?}"),
                Event::Cmark(CmarkEvent::Text(t)) => format!("Text({t})"),
                Event::Cmark(CmarkEvent::Start(t)) => format!("Start({t:?})"),
                Event::Cmark(CmarkEvent::End(t)) => format!("End({t:?})"),
                Event::Cmark(other) => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn newpage_alone_is_a_page_break() {
        assert_eq!(
            kinds("a\n\n\\newpage\n\nb"),
            [
                "Start(Paragraph)",
                "Text(a)",
                "End(Paragraph)",
                "PageBreak",
                "Start(Paragraph)",
                "Text(b)",
                "End(Paragraph)",
            ]
        );
    }

    #[test]
    fn newpage_inside_a_paragraph_is_text() {
        let k = kinds("\\newpage and more");
        assert!(!k.contains(&"PageBreak".to_string()), "{k:?}");
        assert_eq!(k.first().map(String::as_str), Some("Start(Paragraph)"));
    }

    #[test]
    fn raw_html_is_literal_text() {
        let k = kinds("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>");
        assert!(
            k.iter()
                .all(|e| !e.starts_with("Html") && !e.starts_with("InlineHtml")),
            "{k:?}"
        );
        assert!(k.iter().any(|e| e.contains("<script>")), "{k:?}");
    }

    #[test]
    fn alerts_are_boxed_notes() {
        let k = kinds("> [!NOTE]\n> Likelihood terms");
        assert!(k[0].contains("BlockQuote(Some(Note))"), "{k:?}");
    }
}

#[cfg(test)]
mod inert_tests {
    fn check(text: &str, expected: &str) {
        assert_eq!(super::inert(text), expected);
    }

    #[test]
    fn raw_html_is_escaped_and_nothing_else() {
        check("plain *text* `<b>`", "plain *text* `<b>`");
        check(
            "a \\<b> stays escaped, 1 < 2",
            "a \\<b> stays escaped, 1 \\< 2",
        );
        check(
            "<img/src=x/onerror=alert(1)>",
            "\\<img/src=x/onerror=alert(1)>",
        );
        check(
            "a <img src=x onerror=alert(1)> b",
            "a \\<img src=x onerror=alert(1)> b",
        );
        check(
            "<script>\nalert(1)\n</script>\n\nafter",
            "\\<script>\nalert(1)\n\\</script>\n\nafter",
        );
        check(
            "| a | <b>x</b> |\n|---|---|\n",
            "| a | \\<b>x\\</b> |\n|---|---|\n",
        );
    }

    #[test]
    fn regression_escaped_backslash_before_html_left_it_live() {
        check("a \\\\<b>x", "a \\\\\\<b>x");
        check("a \\\\\\<b>x", "a \\\\\\<b>x");
    }

    #[test]
    fn html_in_footnote_labels_is_escaped() {
        check(
            "x[^<b>]\n\n[^<b>]: note `<i>`\n",
            "x[^\\<b>]\n\n[^\\<b>]: note `<i>`\n",
        );
        // The reference still finds its note.
        use pulldown_cmark::{Event, Tag};
        let out = super::inert("x[^<b>]\n\n[^<b>]: note\n");
        let labels: Vec<String> = pulldown_cmark::Parser::new_ext(&out, super::options())
            .filter_map(|e| match e {
                Event::FootnoteReference(l) | Event::Start(Tag::FootnoteDefinition(l)) => {
                    Some(l.to_string())
                }
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["\\<b>", "\\<b>"]);
    }

    #[test]
    fn unsafe_link_destinations_lead_nowhere() {
        check("[a](javascript:alert(1))", "[a](#)");
        check("[a](<javascript:alert(1)> \"t\") b", "[a](#) b");
        check("[a]( JaVaScRiPt:alert(1) )", "[a](#)");
        check("![x](data:image/svg+xml,<svg>)", "![x](#)");
        check("[a](&#106;avascript:alert(1))", "[a](#)");
        check("[a](java&#x09;script:x)", "[a](#)");
        check("[a](javascript\\:x)", "[a](#)");
        check("[a](file:///etc/passwd) [b](C:\\x)", "[a](#) [b](#)");
        check("[a *b* `c`](vbscript:x)", "[a *b* `c`](#)");
        check("[](javascript:x)", "[](#)");
        check("[a [b]](javascript:x)", "[a [b]](#)");
        // An image inside a link: each destination on its own.
        check(
            "[![i](javascript:x)](https://ok.example)",
            "[![i](#)](https://ok.example)",
        );
        check(
            "[![i](https://ok.example/i.png)](javascript:x)",
            "[![i](https://ok.example/i.png)](#)",
        );
    }

    #[test]
    fn unsafe_reference_definitions_and_autolinks_lead_nowhere() {
        check(
            "[a][r] [r] [R][]\n\n[r]: javascript:alert(1) \"t\"\n",
            "[a][r] [r] [R][]\n\n[r]: #\n",
        );
        check("![y][i]\n\n[i]:\n  <javascript:x>\n", "![y][i]\n\n[i]: #\n");
        check("> [r]\n>\n> [r]: vbscript:x\n", "> [r]\n>\n> [r]: #\n");
        check(
            "<javascript:alert(1)> <VBSCRIPT:x> <https://ok.example>",
            "\\<javascript:alert(1)> \\<VBSCRIPT:x> <https://ok.example>",
        );
    }

    #[test]
    fn safe_destinations_stay() {
        for text in [
            "[a](https://ok.example/x?y#z) [b](http://ok.example) [c](mailto:a@b.example)",
            "[a](#section) [b](notes/a.md) [c](/abs/path) [d](./x:y) [e](?q=a:b)",
            "[a](HTTPS://ok.example) <mailto:a@b.example> <a@b.example>",
            "[a][r]\n\n[r]: https://ok.example\n",
            "[a](a-relative-file-name-longer-than-any-scheme.md)",
        ] {
            check(text, text);
        }
    }

    /// What another editor would find live in `text`: raw HTML, or a link or image to an
    /// unsafe destination. (Every extension but wiki links, `[[page]]`, which name a note.)
    fn live(text: &str) -> Option<String> {
        use pulldown_cmark::{Event, Options, Parser, Tag};
        let options = Options::all() - Options::ENABLE_WIKILINKS;
        Parser::new_ext(text, options).find_map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(format!("HTML {h}")),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !super::safe_destination(&dest_url) =>
            {
                Some(format!("link to {dest_url}"))
            }
            _ => None,
        })
    }

    proptest::proptest! {
        /// Markdown made of the pieces of links, HTML and code, shuffled.
        #[test]
        fn nothing_live_survives(
            text in "(\\[|\\]|\\(|\\)|!|<|>|`|\\\\|javascript:|https:|#|x|\n|  |>|\\[r\\]: |\\[\\^n\\]|&#106;)*"
        ) {
            let out = super::inert(&text);
            proptest::prop_assert_eq!(live(&out), None, "{:?} became {:?}", text, out);
        }
    }

    #[test]
    fn the_result_has_no_unsafe_destination_left() {
        use pulldown_cmark::{Event, Parser, Tag};
        let hostile = "[a](javascript:x) ![b](data:x) <javascript:y> [c][d] [e]\n\n\
                       [d]: vbscript:z\n[e]: <file:///etc>\n\n> [f](javascript:x)\n\n- [g](java\tscript:x)\n";
        let out = super::inert(hostile);
        for e in Parser::new_ext(&out, super::options()) {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = e {
                assert!(super::safe_destination(&dest_url), "{dest_url} in {out}");
            }
        }
    }
}
