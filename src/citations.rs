//! Excerpts as the briefing editor cites them: what a citation chip and its card show
//! ([`Citable`]), the excerpts a typed query finds, most relevant first
//! ([`Project::citation_candidates`]), and the excerpts an unknown citation may have meant
//! ([`Project::replacement_candidates`]). The ranking is `rank`'s, self-contained: it reads
//! the excerpts as they are, no index.

mod rank;

use serde::Serialize;

use dossier_model::{Excerpt, Source};

use crate::Project;

pub use rank::{Fields, Query, Score};

/// How many candidates a query returns unless told otherwise: a completion list's worth.
pub const DEFAULT_LIMIT: usize = 50;

/// One excerpt as a citation shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citable {
    pub id: String,
    /// The event date as EDTF (`2026-03-17`), empty when undated.
    pub date: String,
    /// The same as a reader says it ("17 March 2026"), empty when undated.
    pub date_human: String,
    /// The source's outlet, empty when unknown.
    pub outlet: String,
    pub summary: String,
    pub quote: String,
    pub tags: Vec<String>,
    pub source: String,
    /// The source's title, empty when unknown.
    pub source_title: String,
    /// Admiralty grades: the source's reliability (A–F) and the excerpt's credibility (1–6).
    pub reliability: String,
    pub credibility: u8,
    /// Who first reported it: the excerpt's attribution, else the source's outlet.
    pub origin: String,
    /// UTF-8 byte range of the quote in the source's cleaned text (the reader opens there).
    pub start: usize,
    pub end: usize,
}

impl Citable {
    fn new(e: &Excerpt, source: Option<&Source>) -> Citable {
        let outlet = source
            .and_then(Source::outlet_name)
            .unwrap_or_default()
            .to_string();
        Citable {
            id: e.id.to_string(),
            date: e.event_date().map(|d| d.to_string()).unwrap_or_default(),
            date_human: e.event_date().map(|d| d.human()).unwrap_or_default(),
            origin: e
                .attribution
                .origin
                .as_ref()
                .map_or_else(|| outlet.clone(), |o| o.value.clone()),
            outlet,
            summary: e.summary.clone(),
            quote: e.quote.clone(),
            tags: e.tags.iter().map(|t| t.to_string()).collect(),
            source: e.source.to_string(),
            source_title: source
                .and_then(|s| s.title.as_ref())
                .map(|t| t.value.clone())
                .unwrap_or_default(),
            reliability: source
                .map(|s| s.reliability.to_string())
                .unwrap_or_default(),
            credibility: e.credibility.number(),
            start: e.locator.start,
            end: e.locator.end,
        }
    }

    /// The latest day its date can mean, for "most recent first" among equals.
    fn latest(e: &Excerpt) -> Option<chrono::NaiveDate> {
        e.event_date().and_then(|d| d.latest())
    }
}

impl Project {
    /// Every excerpt as a citation shows it, in id order: what the editor's chips and cards
    /// read.
    pub fn citables(&self) -> Vec<Citable> {
        let mut out: Vec<Citable> = self
            .excerpts()
            .map(|e| Citable::new(e, self.source(&e.source).ok()))
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// The excerpts that match every word of `query` (in summary, outlet, tags, date, quote or
    /// id), most relevant first, at most `limit`. An empty query lists the most recent first.
    pub fn citation_candidates(&self, query: &str, limit: usize) -> Vec<Citable> {
        self.ranked(&Query::all_of(query), limit)
    }

    /// The excerpts an unknown citation `[@id]` may have meant (a typo, an excerpt removed and
    /// made again): those that share most of the id's words and its date, best first.
    pub fn replacement_candidates(&self, unknown_id: &str, limit: usize) -> Vec<Citable> {
        self.ranked(&Query::from_id(unknown_id), limit)
    }

    fn ranked(&self, query: &Query, limit: usize) -> Vec<Citable> {
        let mut scored: Vec<(Score, Option<chrono::NaiveDate>, &Excerpt)> = self
            .excerpts()
            .filter_map(|e| {
                let source = self.source(&e.source).ok();
                let tags: Vec<String> = e.tags.iter().map(|t| t.to_string()).collect();
                let date = e.event_date();
                let fields = Fields {
                    id: e.id.as_str(),
                    summary: &e.summary,
                    outlet: source.and_then(Source::outlet_name).unwrap_or_default(),
                    tags: &tags,
                    date: &date.map(|d| d.to_string()).unwrap_or_default(),
                    date_human: &date.map(|d| d.human()).unwrap_or_default(),
                    quote: &e.quote,
                };
                Some((query.score(&fields)?, Citable::latest(e), e))
            })
            .collect();
        // Best score, then the most recent, then the id: a stable order for equal ones.
        scored.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| b.1.cmp(&a.1))
                .then_with(|| a.2.id.cmp(&b.2.id))
        });
        scored
            .into_iter()
            .take(limit)
            .map(|(_, _, e)| Citable::new(e, self.source(&e.source).ok()))
            .collect()
    }
}
