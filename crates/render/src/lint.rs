//! Tradecraft lint: warnings on the analyst's briefing, after ICD 203's estimative language.
//!
//! - a key judgment that cites nothing;
//! - a likelihood term and a confidence term in one sentence (ICD 203: they say different
//!   things and must not be combined in one statement);
//! - terms from both of ICD 203's likelihood scales in one briefing ("likely" and "probable");
//! - a key judgment whose citations come from several sources but one origin (`shared_origins`).

use std::ops::Range;

use dossier_model::Briefing;
use serde::Serialize;

use crate::cite;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// `uncited-judgment`, `likelihood-with-confidence`, `mixed-likelihood-scales`,
    /// `shared-origin`, `unknown-citation`, `citation-after-endnotes`, `section-not-rendered`.
    pub kind: &'static str,
    /// 1-based line of the briefing's file (front matter counted), when the warning is about a
    /// line.
    pub line: Option<usize>,
    pub message: String,
    /// UTF-8 byte range in the briefing's body of what the warning means (the sentence, the
    /// key judgment, the citation), for an editor to mark; `None` for a warning about the
    /// template or the whole briefing.
    pub range: Option<Range<usize>>,
}

/// ICD 203's likelihood scale, lowest first: the term in words, the same in odds, and the
/// probability it stands for. What the app's term picker offers.
pub const LIKELIHOOD_SCALE: [(&str, &str, &str); 7] = [
    ("almost no chance", "remote", "1–5%"),
    ("very unlikely", "highly improbable", "5–20%"),
    ("unlikely", "improbable", "20–45%"),
    ("roughly even chance", "roughly even odds", "45–55%"),
    ("likely", "probable", "55–80%"),
    ("very likely", "highly probable", "80–95%"),
    ("almost certain", "nearly certain", "95–99%"),
];

/// Which of ICD 203's two likelihood scales `body` uses (`true`: the odds, "probable"): the
/// first term found decides; the words ("likely") when it uses none.
pub fn uses_odds_scale(body: &str) -> bool {
    let lower = body.to_lowercase();
    let first = |terms: &[&'static str]| {
        terms
            .iter()
            .filter_map(|t| term_at(&lower, t))
            .min()
            .unwrap_or(usize::MAX)
    };
    first(&ODDS) < first(&WORDS)
}

/// ICD 203's two likelihood scales, lowest first; longer phrases before the words inside them.
const WORDS: [&str; 7] = [
    "almost no chance",
    "very unlikely",
    "unlikely",
    "roughly even chance",
    "very likely",
    "likely",
    "almost certain",
];
const ODDS: [&str; 7] = [
    "remote",
    "highly improbable",
    "improbable",
    "roughly even odds",
    "highly probable",
    "probable",
    "nearly certain",
];
/// ICD 203's confidence levels, highest first.
pub const CONFIDENCE: [&str; 3] = ["high confidence", "moderate confidence", "low confidence"];

/// The warnings on `briefing`, whose body starts after `body_line` lines of its file.
pub fn check(briefing: &Briefing, body_line: usize) -> Vec<Warning> {
    let body = briefing.body.as_str();
    let mut out = Vec::new();
    let mut first_words: Option<(usize, &str)> = None;
    let mut first_odds: Option<(usize, &str)> = None;
    // The sentence that made the scales mixed: where the second scale first appears.
    let mut mixed_at: Option<Range<usize>> = None;
    let mut fence = false;
    for (i, line) in body.lines().enumerate() {
        let n = body_line + i + 1;
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            fence = !fence;
        }
        if fence {
            continue;
        }
        for sentence in sentences(line) {
            let range = range_in(body, sentence.trim());
            let lower = sentence.to_lowercase();
            let w = find_term(&lower, &WORDS);
            let o = find_term(&lower, &ODDS);
            let c = find_term(&lower, &CONFIDENCE);
            if let (Some(l), Some(c)) = (w.or(o), c) {
                out.push(Warning {
                    kind: "likelihood-with-confidence",
                    line: Some(n),
                    message: format!(
                        "\"{l}\" and \"{c}\" in one sentence: state likelihood and confidence in separate sentences (ICD 203)"
                    ),
                    range: Some(range.clone()),
                });
            }
            let had_both = first_words.is_some() && first_odds.is_some();
            first_words = first_words.or(w.map(|t| (n, t)));
            first_odds = first_odds.or(o.map(|t| (n, t)));
            if !had_both && first_words.is_some() && first_odds.is_some() {
                mixed_at = Some(range);
            }
        }
    }
    if let (Some((lw, w)), Some((lo, o))) = (first_words, first_odds) {
        out.push(Warning {
            kind: "mixed-likelihood-scales",
            line: Some(lw.max(lo)),
            message: format!(
                "\"{w}\" (line {lw}) and \"{o}\" (line {lo}) come from two likelihood scales: keep to one (ICD 203)"
            ),
            range: mixed_at,
        });
    }
    for (line, item) in key_judgments(briefing, body_line) {
        if cite::ids(item).is_empty() {
            out.push(Warning {
                kind: "uncited-judgment",
                line: Some(line),
                message: "this key judgment cites no excerpt: add its support as [@excerpt-id]"
                    .into(),
                range: Some(range_in(body, item.trim_end())),
            });
        }
    }
    out.sort_by_key(|w| w.line);
    out
}

/// The byte range of `part`, a slice of `whole`, in `whole`.
pub(crate) fn range_in(whole: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    debug_assert!(start + part.len() <= whole.len(), "a slice of the body");
    start..start + part.len()
}

/// The list items of the "Key judgments" section, with their 1-based lines of the file (the
/// body starts after `body_line` lines): what the lint and the app's outline call judgments.
pub fn key_judgments(briefing: &Briefing, body_line: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for s in briefing.sections() {
        if !matches!(
            s.heading.to_lowercase().as_str(),
            "key judgments" | "key judgements"
        ) {
            continue;
        }
        let mut line = body_line + s.line;
        for l in briefing.body.lines().skip(s.line) {
            line += 1;
            if l.starts_with("## ") {
                break;
            }
            if let Some(item) = l.strip_prefix("- ").or_else(|| l.strip_prefix("* ")) {
                out.push((line, item));
            }
        }
    }
    out
}

/// Key judgments whose citations look like corroboration (reports from two or more sources)
/// but share one origin: one report relayed, which the reader would count twice.
/// `origin_of` gives a cited excerpt's origin and source, when the chronology knows it.
pub(crate) fn shared_origins<'a>(
    briefing: &Briefing,
    body_line: usize,
    origin_of: impl Fn(&str) -> Option<(&'a str, &'a str)>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for (line, item) in key_judgments(briefing, body_line) {
        let cited: Vec<(&str, &str)> = cite::ids(item)
            .iter()
            .filter_map(|id| origin_of(id))
            .collect();
        let mut sources: Vec<&str> = cited.iter().map(|&(_, s)| s).collect();
        sources.sort_unstable();
        sources.dedup();
        let Some(&(origin, _)) = cited.first() else {
            continue;
        };
        if sources.len() >= 2 && cited.iter().all(|&(o, _)| o == origin) {
            out.push(Warning {
                kind: "shared-origin",
                line: Some(line),
                message: format!(
                    "this key judgment cites {} reports that all come from one origin ({origin}): \
                     that is one report relayed, not corroboration; cite an independent source \
                     or say it rests on {origin} alone",
                    cited.len()
                ),
                range: Some(range_in(&briefing.body, item.trim_end())),
            });
        }
    }
    out
}

/// A term of `terms` that stands as whole words in `text` (already lowercase).
fn find_term(text: &str, terms: &[&'static str]) -> Option<&'static str> {
    terms.iter().copied().find(|t| term_at(text, t).is_some())
}

/// Where `term` first stands as whole words in `text` (already lowercase).
fn term_at(text: &str, term: &str) -> Option<usize> {
    text.match_indices(term).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + term.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Sentences of a line: split after `.`, `!`, `?` followed by a space.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.trim().is_empty() {
            return None;
        }
        let cut = rest
            .match_indices(['.', '!', '?'])
            .map(|(i, _)| i + 1)
            .find(|&i| rest[i..].starts_with(' ') || i == rest.len())
            .unwrap_or(rest.len());
        let (s, r) = rest.split_at(cut);
        rest = r;
        Some(s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::BriefingMeta;

    fn kinds(body: &str) -> Vec<(&'static str, Option<usize>)> {
        let b = Briefing {
            name: "main".into(),
            meta: BriefingMeta::default(),
            body: body.into(),
        };
        check(&b, 0).into_iter().map(|w| (w.kind, w.line)).collect()
    }

    /// The text each warning marks, by kind.
    fn marked(body: &str) -> Vec<(&'static str, String)> {
        let b = Briefing {
            name: "main".into(),
            meta: BriefingMeta::default(),
            body: body.into(),
        };
        check(&b, 0)
            .into_iter()
            .map(|w| {
                (
                    w.kind,
                    w.range.map(|r| body[r].to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn each_warning_marks_the_sentence_it_means() {
        let body = "## BLUF\n\nPorts reopen. We judge with high confidence that the ban will likely hold. Café prices rose.\n\n\
                    ## Key judgments\n\n- Ferries stopped [@a].\n- Trawlers stay in port.  \n\n\
                    ## Outlook\n\nA new closure is improbable.\n";
        assert_eq!(
            marked(body),
            [
                (
                    "likelihood-with-confidence",
                    "We judge with high confidence that the ban will likely hold.".to_string()
                ),
                ("uncited-judgment", "Trawlers stay in port.".to_string()),
                (
                    "mixed-likelihood-scales",
                    "A new closure is improbable.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn ranges_are_bytes_of_the_body_after_multibyte_text() {
        // "Café" and "–" are several bytes each: a range counted in characters would be off.
        let body = "Café – stalls shut. It is likely, with low confidence, to last.\n";
        let got = marked(body);
        assert_eq!(
            got,
            [(
                "likelihood-with-confidence",
                "It is likely, with low confidence, to last.".to_string()
            )]
        );
    }

    #[test]
    fn the_scale_in_use_is_the_first_one_found() {
        assert!(!uses_odds_scale("No estimate yet."));
        assert!(!uses_odds_scale("It is likely; later, probable."));
        assert!(uses_odds_scale("A deal is improbable. It is unlikely."));
    }

    #[test]
    fn regression_lines_left_out_the_front_matter() {
        // `render` said main.md:2 where the file's line is 5: three lines of front matter.
        let b = Briefing {
            name: "main".into(),
            meta: BriefingMeta::default(),
            body: "## Key judgments\n- Iran will leave.\n".into(),
        };
        let lines: Vec<Option<usize>> = check(&b, 3).into_iter().map(|w| w.line).collect();
        assert_eq!(lines, [Some(5)]);
    }

    #[test]
    fn uncited_key_judgment() {
        assert_eq!(
            kinds(
                "## Key judgments\n- Iran will stay [@a].\n- Iran will leave.\n## Outlook\n- free\n"
            ),
            [("uncited-judgment", Some(3))]
        );
    }

    #[test]
    fn likelihood_with_confidence_in_one_sentence() {
        assert_eq!(
            kinds("We judge with high confidence that Iran will likely stay."),
            [("likelihood-with-confidence", Some(1))]
        );
        assert!(kinds("Iran will likely stay. We have high confidence in this.").is_empty());
    }

    #[test]
    fn corroboration_from_one_origin_is_flagged() {
        let b = Briefing {
            name: "main".into(),
            meta: BriefingMeta::default(),
            body: "## Key judgments\n- Ferries stopped [@a] [@b].\n- Prices rose [@c] [@d].\n\
                   - Troops left [@a] [@e].\n"
                .into(),
        };
        let origins = |id: &str| match id {
            "a" => Some(("Pellan Wire", "s1")),
            "b" => Some(("Pellan Wire", "s2")),
            "c" => Some(("Pellan Wire", "s1")),
            "d" => Some(("Pellan Wire", "s1")),
            "e" => Some(("Harbour Herald", "s3")),
            _ => None,
        };
        let got: Vec<_> = shared_origins(&b, 0, origins)
            .into_iter()
            .map(|w| {
                let marked = &b.body[w.range.clone().expect("a range")];
                assert_eq!(marked, "Ferries stopped [@a] [@b].");
                (w.kind, w.line, w.message.contains("(Pellan Wire)"))
            })
            .collect();
        // Line 2: two sources, one origin. Line 3: one source (no semblance of
        // corroboration). Line 4: two origins.
        assert_eq!(got, [("shared-origin", Some(2), true)]);
    }

    #[test]
    fn mixed_likelihood_scales() {
        assert_eq!(
            kinds("Iran will likely stay.\n\nA withdrawal is improbable."),
            [("mixed-likelihood-scales", Some(3))]
        );
        assert!(kinds("Iran will likely stay; a withdrawal is unlikely.").is_empty());
        assert!(kinds("A likelihood of remoteness.").is_empty());
    }
}
