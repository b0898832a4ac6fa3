//! `dossier search`: ranked full-text search over sources and excerpts.
//!
//! - `analyzer`: text → folded, stemmed terms with offsets (index, query and snippet alike).
//! - `query`: the query language → a tree; malformed queries repaired with warnings.
//! - `plan`: the tree → a tantivy query (BM25, field boosts, fuzzy names) and snippet matchers.
//! - `index`: the tantivy index under `.dossier/`, a cache kept up to date with the project.
//! - `snippet`: the passage around the best match, its highlights and byte range.
//!
//! The query language is documented in the README ("Searching").

pub mod analyzer;
pub mod index;
pub mod plan;
pub mod query;
pub mod snippet;

use dossier_model::Id;
use serde::Serialize;
use tantivy::TantivyDocument;
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;

use crate::{Error, Project, Result};
use index::{Engine, Key, TEXT_FIELDS};

/// How many hits a search gives unless told otherwise.
pub const DEFAULT_LIMIT: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Source,
    Excerpt,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Id,
    /// The source the hit is (a source) or is from (an excerpt): hits are grouped by it.
    pub source: Id,
    pub title: String,
    /// BM25 with field boosts; a name matched only fuzzily scores below any exact match.
    pub score: f32,
    /// The field the snippet is from.
    pub field: &'static str,
    pub snippet: String,
    /// The matched words: byte ranges in `snippet`.
    pub highlights: Vec<[usize; 2]>,
    /// The best match: a byte range in the field's text.
    pub range: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// The best hits, grouped by source, the group of the best hit first.
    pub hits: Vec<Hit>,
    /// How many items match in all.
    pub total: usize,
    /// What was repaired in a malformed query (an unclosed quote, a dangling `OR` …).
    pub warnings: Vec<String>,
}

/// The [`DEFAULT_LIMIT`] best items matching `query`.
pub fn search(project: &Project, query: &str) -> Result<Results> {
    search_limit(project, query, DEFAULT_LIMIT)
}

/// The `limit` best items matching `query` (see the README for the query language).
pub fn search_limit(project: &Project, query: &str, limit: usize) -> Result<Results> {
    let parsed = query::parse(query);
    let Some(node) = &parsed.node else {
        return Ok(Results {
            hits: Vec::new(),
            total: 0,
            warnings: parsed.warnings,
        });
    };
    let mut engine = project
        .search
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let run = |engine: &mut Option<Engine>| -> tantivy::Result<Results> {
        match engine {
            Some(e) => e.update(project)?,
            None => *engine = Some(Engine::open(project)?),
        }
        let engine = engine.as_ref().expect("opened above");
        let searcher = engine.reader.searcher();
        let plan = plan::plan(node, &engine.fields, &searcher);
        let collector = (TopDocs::with_limit(limit.max(1)).order_by_score(), Count);
        let (top, total) = searcher.search(&*plan.query, &collector)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let key = doc.get_first(engine.fields.key).and_then(|v| v.as_str());
            if let Some(hit) = key
                .and_then(Key::parse)
                .and_then(|k| hit(project, k, score, &plan.matchers))
            {
                hits.push(hit);
            }
        }
        let mut warnings = parsed.warnings.clone();
        warnings.extend(plan.warnings);
        Ok(Results {
            hits: grouped(hits),
            total,
            warnings,
        })
    };
    run(&mut engine).map_err(|e| {
        // The next search opens the index again, and rebuilds it if it is damaged.
        *engine = None;
        Error::Search(e.to_string())
    })
}

fn hit(project: &Project, key: Key, score: f32, matchers: &[plan::Matcher]) -> Option<Hit> {
    match key {
        Key::Source(id) => {
            let s = project.source(&id).ok()?;
            let meta = index::found;
            let tags = s
                .tags
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(" ");
            let snippet = snippet::best(
                &[
                    field("title", meta(&s.title)),
                    field("outlet", meta(&s.outlet)),
                    field("author", meta(&s.author)),
                    field("notes", &s.notes),
                    field("text", &s.text),
                    field("tags", &tags),
                ],
                matchers,
            );
            Some(Hit {
                kind: HitKind::Source,
                id: s.id.clone(),
                source: s.id.clone(),
                title: s.title_or_id().to_string(),
                score,
                field: snippet.field,
                snippet: snippet.text,
                highlights: snippet.highlights,
                range: snippet.range,
            })
        }
        Key::Excerpt(id) => {
            let x = project.excerpt(&id).ok()?;
            let tags = x
                .tags
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(" ");
            let snippet = snippet::best(
                &[
                    field("quote", &x.quote),
                    field("summary", &x.summary),
                    field("note", &x.note),
                    field("tags", &tags),
                    field("translation", x.translation.as_deref().unwrap_or("")),
                ],
                matchers,
            );
            Some(Hit {
                kind: HitKind::Excerpt,
                id: x.id.clone(),
                source: x.source.clone(),
                title: x.headline(),
                score,
                field: snippet.field,
                snippet: snippet.text,
                highlights: snippet.highlights,
                range: snippet.range,
            })
        }
    }
}

/// A field of an item for `snippet::best`: its name, text and boost.
fn field<'a>(name: &'static str, text: &'a str) -> (&'static str, &'a str, f32) {
    let boost = TEXT_FIELDS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(1.0, |f| f.1);
    (name, text, boost)
}

/// Hits by score, then grouped: each source's hits (itself and its excerpts) together, the
/// groups in the order of their best hit.
fn grouped(mut hits: Vec<Hit>) -> Vec<Hit> {
    // The hits come best first: a group's place is that of its first hit.
    let mut order = std::collections::HashMap::new();
    for h in &hits {
        let next = order.len();
        order.entry(h.source.clone()).or_insert(next);
    }
    hits.sort_by(|a, b| {
        order[&a.source]
            .cmp(&order[&b.source])
            .then(b.score.total_cmp(&a.score))
    });
    hits
}
