//! Tradecraft lint: warnings on the analyst's briefing, after ICD 203's estimative language.
//!
//! - a key judgment that cites nothing;
//! - a likelihood term and a confidence term in one sentence (ICD 203: they say different
//!   things and must not be combined in one statement);
//! - terms from both of ICD 203's likelihood scales in one briefing ("likely" and "probable");
//! - a key judgment whose citations come from several sources but one origin (`shared_origins`).

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
const CONFIDENCE: [&str; 3] = ["high confidence", "moderate confidence", "low confidence"];

/// The warnings on `briefing`, whose body starts after `body_line` lines of its file.
pub fn check(briefing: &Briefing, body_line: usize) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut first_words: Option<(usize, &str)> = None;
    let mut first_odds: Option<(usize, &str)> = None;
    let mut fence = false;
    for (i, line) in briefing.body.lines().enumerate() {
        let n = body_line + i + 1;
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            fence = !fence;
        }
        if fence {
            continue;
        }
        for sentence in sentences(line) {
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
                });
            }
            first_words = first_words.or(w.map(|t| (n, t)));
            first_odds = first_odds.or(o.map(|t| (n, t)));
        }
    }
    if let (Some((lw, w)), Some((lo, o))) = (first_words, first_odds) {
        out.push(Warning {
            kind: "mixed-likelihood-scales",
            line: Some(lw.max(lo)),
            message: format!(
                "\"{w}\" (line {lw}) and \"{o}\" (line {lo}) come from two likelihood scales: keep to one (ICD 203)"
            ),
        });
    }
    for (line, item) in key_judgments(briefing, body_line) {
        if cite::ids(item).is_empty() {
            out.push(Warning {
                kind: "uncited-judgment",
                line: Some(line),
                message: "this key judgment cites no excerpt: add its support as [@excerpt-id]"
                    .into(),
            });
        }
    }
    out.sort_by_key(|w| w.line);
    out
}

/// The list items of the "Key judgments" section, with their 1-based lines of the file (the
/// body starts after `body_line` lines).
fn key_judgments(briefing: &Briefing, body_line: usize) -> Vec<(usize, &str)> {
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
            });
        }
    }
    out
}

/// A term of `terms` that stands as whole words in `text` (already lowercase).
fn find_term(text: &str, terms: &[&'static str]) -> Option<&'static str> {
    terms.iter().copied().find(|t| {
        text.match_indices(t).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + t.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
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
            .map(|w| (w.kind, w.line, w.message.contains("(Pellan Wire)")))
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
