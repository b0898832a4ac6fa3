//! `dossier search`: every query word, case-insensitively, in sources and excerpts.

use dossier_model::Id;
use serde::Serialize;

use crate::project::Project;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Source,
    Excerpt,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    pub id: Id,
    pub title: String,
    /// Text around the first match.
    pub snippet: String,
}

/// Items that contain every word of `query`. Excerpts first (they are what a briefing cites),
/// then sources, each in id order.
pub fn search(project: &Project, query: &str) -> Vec<Hit> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for x in project.excerpts() {
        let hay = format!(
            "{}\n{}\n{}\n{}",
            x.quote,
            x.summary,
            x.note,
            x.tags
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        );
        if let Some(snippet) = matches(&hay, &words) {
            hits.push(Hit {
                kind: HitKind::Excerpt,
                id: x.id.clone(),
                title: x.headline(),
                snippet,
            });
        }
    }
    for s in project.sources() {
        let meta = [&s.title, &s.outlet, &s.author]
            .iter()
            .filter_map(|f| f.as_ref().map(|f| f.value.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        let hay = format!("{meta}\n{}\n{}", s.notes, s.text);
        if let Some(snippet) = matches(&hay, &words) {
            hits.push(Hit {
                kind: HitKind::Source,
                id: s.id.clone(),
                title: s.title_or_id().to_string(),
                snippet,
            });
        }
    }
    hits
}

fn matches(hay: &str, words: &[String]) -> Option<String> {
    let lower = hay.to_lowercase();
    let mut first = None;
    for w in words {
        let at = lower.find(w.as_str())?;
        first.get_or_insert(at);
    }
    let at = first?;
    // `lower` may differ in length from `hay` for a few scripts; snippet from `lower` is safe.
    Some(snippet(&lower, at, hay))
}

fn snippet(lower: &str, at: usize, hay: &str) -> String {
    let src = if lower.len() == hay.len() { hay } else { lower };
    let start = floor_char(src, at.saturating_sub(60));
    let end = floor_char(src, (at + 100).min(src.len()));
    let s = src[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{}{s}{}",
        if start > 0 { "…" } else { "" },
        if end < src.len() { "…" } else { "" }
    )
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
