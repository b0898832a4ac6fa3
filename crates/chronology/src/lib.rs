//! Excerpts ordered by event date, grouped into entries, with corroboration and conflicts.
//!
//! SKELETON: one entry per dated excerpt, in the documented EDTF order; no clustering or
//! conflict detection yet. The public API (`assemble`, `Chronology`, `Filter`) is stable.

use std::collections::BTreeMap;

use dossier_model::{Edtf, Excerpt, Id, Source, Tag};
use serde::Serialize;

/// Which excerpts a chronology covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub from: Option<Edtf>,
    pub to: Option<Edtf>,
    /// Any of these tags (all excerpts when empty).
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chronology {
    pub entries: Vec<Entry>,
    pub conflicts: Vec<Conflict>,
    /// Excerpts the filter kept that have no event date, in id order.
    pub undated: Vec<Id>,
}

/// One event: one or more excerpts that report it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub date: Edtf,
    /// The date as a reader says it ("June 2015", "c. 2011").
    pub date_human: String,
    pub summary: String,
    pub excerpts: Vec<Id>,
    pub sources: Vec<Id>,
    pub dependence: Dependence,
}

/// How the citations of an entry relate to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dependence {
    /// One source.
    Single,
    /// One source reprints another: not corroboration.
    Reprint,
    /// Several outlets relay the same wire or agency story: not corroboration.
    SameStory,
    /// Independent reports: corroboration.
    Independent,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub excerpts: Vec<Id>,
    /// The values that disagree, quoted.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Figures,
    Dates,
}

/// Assembles the chronology of `excerpts` (whose sources are in `sources`) under `filter`.
pub fn assemble(sources: &[Source], excerpts: &[Excerpt], filter: &Filter) -> Chronology {
    let _by_id: BTreeMap<&Id, &Source> = sources.iter().map(|s| (&s.id, s)).collect();
    let kept = excerpts.iter().filter(|e| {
        filter.tags.is_empty()
            || e.tags
                .iter()
                .any(|t| filter.tags.iter().any(|f| t.matches(f)))
    });
    let mut dated: Vec<(&Excerpt, &Edtf)> = Vec::new();
    let mut undated = Vec::new();
    for e in kept {
        match e.event_date() {
            Some(d) if d.overlaps_range(filter.from.as_ref(), filter.to.as_ref()) => {
                dated.push((e, d))
            }
            Some(_) => {}
            None if filter.from.is_none() && filter.to.is_none() => undated.push(e.id.clone()),
            None => {}
        }
    }
    dated.sort_by(|(a, da), (b, db)| {
        da.sort_key()
            .cmp(&db.sort_key())
            .then(a.sequence.cmp(&b.sequence))
            .then_with(|| a.id.cmp(&b.id))
    });
    undated.sort();
    let entries = dated
        .into_iter()
        .map(|(e, d)| Entry {
            date: *d,
            date_human: d.human(),
            summary: e.headline(),
            excerpts: vec![e.id.clone()],
            sources: vec![e.source.clone()],
            dependence: Dependence::Single,
        })
        .collect();
    Chronology {
        entries,
        conflicts: Vec::new(),
        undated,
    }
}
