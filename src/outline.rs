//! A briefing's outline as the editor's side list shows it: each section (the one parser,
//! `dossier_markdown::sections`) with its words, and each key judgment with how many citations
//! support it.

use std::ops::Range;

use serde::Serialize;

use dossier_model::{Briefing, BriefingMeta};

/// One heading of the briefing and what it heads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutlineSection {
    pub title: String,
    /// 1 for `#`, 2 for `##` …
    pub level: u8,
    /// 1-based line of the heading in the body.
    pub line: usize,
    /// UTF-8 byte range of the heading and its content in the body.
    pub range: Range<usize>,
    /// Words under the heading, citations not counted.
    pub words: usize,
    /// The key judgments it holds (the "Key judgments" section's list items), in order.
    pub judgments: Vec<JudgmentSupport>,
}

/// A key judgment and its support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JudgmentSupport {
    /// 1-based line in the body.
    pub line: usize,
    /// Its excerpt citations, repeats included.
    pub citations: usize,
}

/// The outline of a briefing's Markdown `body`.
pub fn outline(body: &str) -> Vec<OutlineSection> {
    let briefing = Briefing {
        name: String::new(),
        meta: BriefingMeta::default(),
        body: body.to_string(),
    };
    let judgments = dossier_render::key_judgments(&briefing, 0);
    dossier_markdown::sections(body)
        .into_iter()
        .map(|s| {
            let last_line = s.line + body[s.range.clone()].trim_end().matches('\n').count();
            OutlineSection {
                words: words(&body[s.body.clone()]),
                judgments: judgments
                    .iter()
                    .filter(|(line, _)| (s.line..=last_line).contains(line))
                    .map(|&(line, item)| JudgmentSupport {
                        line,
                        citations: dossier_render::citations(item)
                            .iter()
                            .map(|c| c.ids.len())
                            .sum(),
                    })
                    .collect(),
                title: s.title,
                level: s.level,
                line: s.line,
                range: s.range,
            }
        })
        .collect()
}

/// The words of `text`: runs without white space that hold a letter or digit, citation groups
/// left out.
fn words(text: &str) -> usize {
    let mut count = 0;
    let mut at = 0;
    for c in dossier_render::citations(text) {
        count += plain_words(&text[at..c.range.start]);
        at = c.range.end;
    }
    count + plain_words(&text[at..])
}

fn plain_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each section as "title, words, [(judgment line, citations)]".
    fn check(body: &str, expected: &[&str]) {
        let got: Vec<String> = outline(body)
            .into_iter()
            .map(|s| {
                let support: Vec<(usize, usize)> =
                    s.judgments.iter().map(|j| (j.line, j.citations)).collect();
                format!("{}, {}, {support:?}", s.title, s.words)
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn words_and_judgment_support_per_section() {
        check(
            "## BLUF\n\nThe strait — open again [@a].\n\n## Key judgments\n\n\
             - Ferries stopped [@a] [@b; @c].\n- Prices rose.\n\n## Outlook\n\n```\ncode words\n```\n",
            &[
                // "—" is no word; the citation is not one either.
                "BLUF, 4, []",
                "Key judgments, 4, [(7, 3), (8, 0)]",
                "Outlook, 2, []",
            ],
        );
    }
}
