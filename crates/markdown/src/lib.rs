//! Dossier's Markdown dialect, as one event stream that every consumer reads.
//!
//! The dialect is CommonMark with GFM tables, footnotes, strikethrough and GFM alerts, plus:
//!
//! - **Page break**: a paragraph that is exactly `\newpage` (as in pandoc).
//! - **Boxed note**: a GFM alert block quote, `> [!NOTE]` (also `TIP`, `IMPORTANT`, `WARNING`,
//!   `CAUTION`): the PDF draws a box, the HTML preview a bordered aside.
//! - **No raw HTML**: HTML in the text is shown as the literal text it is, never interpreted.
//!   This is what keeps untrusted text from running script in the preview, and it makes the
//!   preview and the PDF agree.
//!
//! Consumers call [`events`] and match [`Event`]s; dialect additions arrive as [`Event::Dialect`].

use pulldown_cmark::{CowStr, Options, Parser};

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
}

/// The events of `text` in the dialect. Raw HTML arrives as `Text` of its literal source.
pub fn events(text: &str) -> impl Iterator<Item = Event<'_>> {
    PageBreaks {
        inner: Parser::new_ext(text, options())
            .map(literal_html)
            .peekable(),
        pending: None,
    }
}

/// `text` with every `<` outside code backslash-escaped: the same document in this dialect
/// (which shows raw HTML as text anyway), and inert in any other Markdown editor an exported
/// file is opened in, where raw HTML, or what another parser takes for it, would be live.
pub fn escape_raw_html(text: &str) -> std::borrow::Cow<'_, str> {
    let mut ranges = Parser::new_ext(text, options())
        .into_offset_iter()
        .filter(|(e, r)| {
            matches!(
                e,
                CmarkEvent::Html(_) | CmarkEvent::InlineHtml(_) | CmarkEvent::Text(_)
            ) && text[r.clone()].contains('<')
        })
        .map(|(_, r)| r)
        .peekable();
    if ranges.peek().is_none() {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut done = 0;
    for r in ranges {
        // An HTML block's range can cover an inline one's; each byte is copied once.
        let start = r.start.max(done);
        if start >= r.end {
            continue;
        }
        out.push_str(&text[done..start]);
        for (i, c) in text[start..r.end].char_indices() {
            if c == '<' && !text[..start + i].ends_with('\\') {
                out.push('\\');
            }
            out.push(c);
        }
        done = r.end;
    }
    out.push_str(&text[done..]);
    out.into()
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
mod escape_tests {
    fn check(text: &str, expected: &str) {
        assert_eq!(super::escape_raw_html(text), expected);
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
}
