//! What the briefing editor reads while the analyst drafts: warnings with the range they mark,
//! the outline with words and support, citable excerpts for chips and completion, the
//! estimative terms to pick from.

use serde::Serialize;
use ts_rs::TS;

use super::offset;

/// A tradecraft or citation warning on the briefing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LintWarning {
    pub kind: String,
    /// 1-based line of the briefing body, when the warning is about a line.
    pub line: Option<u32>,
    pub message: String,
    /// UTF-8 byte range in the body of what it means (the sentence, the judgment, the
    /// citation's id), for the editor to mark; absent for a warning about the whole briefing.
    pub start: Option<u32>,
    pub end: Option<u32>,
}

impl From<&dossier::templates::Warning> for LintWarning {
    fn from(w: &dossier::templates::Warning) -> LintWarning {
        LintWarning {
            kind: w.kind.to_string(),
            line: w.line.map(offset),
            message: w.message.clone(),
            start: w.range.as_ref().map(|r| offset(r.start)),
            end: w.range.as_ref().map(|r| offset(r.end)),
        }
    }
}

/// A key judgment and how many citations support it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct JudgmentView {
    /// 1-based line in the body.
    pub line: u32,
    pub citations: u32,
}

/// A heading of the briefing and what it heads (`dossier::outline`), for the outline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SectionView {
    pub title: String,
    /// 1 for `#`, 2 for `##` …
    pub level: u8,
    /// 1-based line of the heading.
    pub line: u32,
    /// UTF-8 byte range of the heading and its content in the body.
    pub start: u32,
    pub end: u32,
    /// Words under the heading, citations not counted.
    pub words: u32,
    /// The key judgments it holds, with their support.
    pub judgments: Vec<JudgmentView>,
}

impl SectionView {
    /// The sections of a briefing's Markdown `body`.
    pub fn list(body: &str) -> Vec<SectionView> {
        dossier::outline(body)
            .into_iter()
            .map(|s| SectionView {
                title: s.title,
                level: s.level,
                line: offset(s.line),
                start: offset(s.range.start),
                end: offset(s.range.end),
                words: offset(s.words),
                judgments: s
                    .judgments
                    .iter()
                    .map(|j| JudgmentView {
                        line: offset(j.line),
                        citations: offset(j.citations),
                    })
                    .collect(),
            })
            .collect()
    }
}

/// An excerpt as a citation shows it: the chip (date, outlet), its card (quote, source, grades,
/// origin) and a completion row (summary, tags).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CitableView {
    pub id: String,
    /// EDTF, empty when undated.
    pub date: String,
    /// "17 March 2026", empty when undated.
    pub date_human: String,
    pub outlet: String,
    pub summary: String,
    pub quote: String,
    pub tags: Vec<String>,
    pub source: String,
    pub source_title: String,
    /// Admiralty: the source's reliability (A–F), the excerpt's credibility (1–6).
    pub reliability: String,
    pub credibility: u8,
    pub origin: String,
    /// UTF-8 byte range of the quote in the source's cleaned text.
    pub start: u32,
    pub end: u32,
}

impl From<dossier::citations::Citable> for CitableView {
    fn from(c: dossier::citations::Citable) -> CitableView {
        CitableView {
            id: c.id,
            date: c.date,
            date_human: c.date_human,
            outlet: c.outlet,
            summary: c.summary,
            quote: c.quote,
            tags: c.tags,
            source: c.source,
            source_title: c.source_title,
            reliability: c.reliability,
            credibility: c.credibility,
            origin: c.origin,
            start: offset(c.start),
            end: offset(c.end),
        }
    }
}

/// One step of ICD 203's likelihood scale.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LikelihoodView {
    pub term: String,
    /// "55–80%".
    pub probability: String,
}

/// The estimative terms the editor's picker offers for a briefing (`dossier::estimative_terms`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EstimativeView {
    /// The scale the briefing uses, lowest first.
    pub likelihood: Vec<LikelihoodView>,
    pub odds: bool,
    /// "high confidence", "moderate confidence", "low confidence".
    pub confidence: Vec<String>,
}

impl EstimativeView {
    pub fn new(body: &str) -> EstimativeView {
        let t = dossier::estimative_terms(body);
        EstimativeView {
            likelihood: t
                .likelihood
                .into_iter()
                .map(|l| LikelihoodView {
                    term: l.term,
                    probability: l.probability,
                })
                .collect(),
            odds: t.odds,
            confidence: t.confidence,
        }
    }
}
