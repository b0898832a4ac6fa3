//! The headings of a document as sections (title, level, line, byte ranges), read from the
//! dialect's parse: the one rule the briefing model, the render context and the app's outline
//! share, so that fenced code, indented code and quoted headings are never sections anywhere.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::options;

/// A heading at the top level of the document (not inside a quote, list or footnote) and what
/// it heads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's text as written (inline Markdown kept), without the `#` marks or the
    /// setext underline.
    pub title: String,
    /// 1 for `#`, 2 for `##` …
    pub level: u8,
    /// 1-based line of the heading.
    pub line: usize,
    /// The heading and everything under it, up to the next heading of the same or a higher
    /// level (a `###` inside a `##` section belongs to it), or the end.
    pub range: Range<usize>,
    /// `range` without the heading: what the section says.
    pub body: Range<usize>,
}

/// Every top-level heading of `text`, in order.
pub fn sections(text: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    // Open container blocks (quotes, lists, footnotes): a heading inside one is not a section.
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                let heading_end = text[..range.end].trim_end_matches(['\n', '\r']).len();
                out.push(Section {
                    title: title(&text[range.start..heading_end]),
                    level: level_number(level),
                    line: text[..range.start].matches('\n').count() + 1,
                    range: range.start..text.len(),
                    body: range.end..text.len(),
                });
            }
            Event::Start(
                Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_),
            ) => depth += 1,
            Event::End(
                TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition,
            ) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    // Each section ends where the next one of its level or higher begins.
    for i in 0..out.len() {
        let level = out[i].level;
        if let Some(next) = out[i + 1..].iter().find(|s| s.level <= level) {
            let end = next.range.start;
            out[i].range.end = end;
            out[i].body.end = end.max(out[i].body.start);
        }
    }
    out
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The title of a heading's source: an ATX heading (`## Title ##`) without its marks, or a
/// setext heading (`Title` over `=====`) without its underline.
fn title(source: &str) -> String {
    let trimmed = source.trim_start();
    if let Some(rest) = trimmed.strip_prefix('#') {
        let rest = rest.trim_start_matches('#').trim();
        // A closing sequence counts only after a space (`## C#` keeps its `#`).
        let without_closing = rest.trim_end_matches('#');
        let title = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
            without_closing
        } else {
            rest
        };
        return title.trim().to_string();
    }
    let mut lines: Vec<&str> = source.lines().collect();
    lines.pop();
    lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks each section as (level, title, line, the text of its body trimmed).
    #[track_caller]
    fn check(text: &str, expected: &[(u8, &str, usize, &str)]) {
        let found: Vec<(u8, String, usize, String)> = sections(text)
            .into_iter()
            .map(|s| {
                assert!(text[s.range.clone()].ends_with(&text[s.body.clone()]));
                (s.level, s.title, s.line, text[s.body].trim().to_string())
            })
            .collect();
        let expected: Vec<(u8, String, usize, String)> = expected
            .iter()
            .map(|(l, t, n, b)| (*l, t.to_string(), *n, b.to_string()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn headings_outside_code_are_sections_with_their_lines() {
        // Moved from the UI's own outline parser (ui/src/briefing/sections.test.ts).
        check(
            "intro\n## BLUF\ntext\n### Detail\n```\n## not a heading\n```\n## Key judgments ##\n",
            &[
                (2, "BLUF", 2, "text\n### Detail\n```\n## not a heading\n```"),
                (3, "Detail", 4, "```\n## not a heading\n```"),
                (2, "Key judgments", 8, ""),
            ],
        );
        check("~~~\n## fenced\n~~~\n", &[]);
        check("    ## indented code\n", &[]);
        check("   ## three spaces\nx\n", &[(2, "three spaces", 1, "x")]);
    }

    #[test]
    fn headings_inside_quotes_lists_and_footnotes_are_not_sections() {
        check("> ## quoted\n", &[]);
        check("- ## in a list\n", &[]);
        check("text[^1]\n\n[^1]: ## in a note\n", &[]);
    }

    #[test]
    fn a_section_runs_to_the_next_heading_of_its_level_or_higher() {
        check(
            "# One\na\n## Two\nb\n### Three\nc\n# Four\nd",
            &[
                (1, "One", 1, "a\n## Two\nb\n### Three\nc"),
                (2, "Two", 3, "b\n### Three\nc"),
                (3, "Three", 5, "c"),
                (1, "Four", 7, "d"),
            ],
        );
    }

    #[test]
    fn titles_lose_their_marks_but_keep_their_words() {
        check("Title\n=====\n\nx\n", &[(1, "Title", 1, "x")]);
        check("Two\nlines\n---\n", &[(2, "Two lines", 1, "")]);
        check("## C#\n", &[(2, "C#", 1, "")]);
        check("## *Key* judgments ###\n", &[(2, "*Key* judgments", 1, "")]);
        check("##\n", &[(2, "", 1, "")]);
        check("## BLUF\r\nbody\r\n", &[(2, "BLUF", 1, "body")]);
    }
}
