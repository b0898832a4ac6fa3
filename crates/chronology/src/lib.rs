//! Excerpts ordered by event date, grouped into entries, with corroboration and conflicts.
//!
//! # Order
//! Entries follow the EDTF order of [`Edtf::sort_key`]: earliest possible day first; at an equal
//! start the narrower date first; then the lowest sequence of the entry's excerpts, then the
//! first excerpt id. Partial dates stay partial: an entry dated `2015-06` is "June 2015".
//!
//! # Corroboration
//! Excerpts that state the same thing — near-same quotes (three-word shingles, 60% of the
//! shorter quote found in the longer) or the same analyst summary — and whose dates overlap form
//! one entry with several citations. Its [`Dependence`] says whether the citations corroborate:
//! sources linked by `reprint_of`, or one of which reprints (relation `reprint`) a reporter the
//! other relays, are a reprint; sources that relay the same wire or agency (a shared reporter
//! in `Source::attribution`) are the same story; only otherwise are they independent.
//!
//! # Conflicts
//! - `dates`: the same statement under dates that cannot both be true (a reprint's date against
//!   the original's). The entries stay apart, side by side.
//! - `figures`: counts of the same subject ("20,000 troops", "7,000 … fighters") that differ
//!   between excerpts whose dates start within [`FIGURE_WINDOW_DAYS`] of the earliest of them.
//!
//! Assembling is O(n log n): candidate pairs come from a bottom-k sketch of each quote, never
//! from comparing every excerpt with every other (`cargo run --release --example bench_chronology -p
//! dossier-chronology`: 50,000 excerpts).

mod csv;
mod figures;
mod similar;

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use dossier_model::{Edtf, Excerpt, Id, Relation, Source, Tag};
use serde::Serialize;

pub use csv::to_csv;

use figures::{Figure, Subject, figures, grouped};
use similar::{Shingles, UnionFind, statements, summary_key};

/// Figures about the same subject are compared when their dates lie this close.
pub const FIGURE_WINDOW_DAYS: i64 = 31;

/// Which excerpts a chronology covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Excerpts whose date can fall on or after this date's earliest day.
    pub from: Option<Edtf>,
    /// Excerpts whose date can fall on or before this date's latest day.
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
    /// The citations, in order of sequence then id.
    pub excerpts: Vec<Id>,
    /// Their sources, each once, in the order of first citation.
    pub sources: Vec<Id>,
    pub dependence: Dependence,
    /// Why the citations depend on each other ("both relay IRNA"); empty when single or
    /// independent.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dependence_detail: String,
    /// How many independent origins the citations have (1 for a single, reprint or same story).
    pub origins: usize,
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

impl Dependence {
    pub fn name(self) -> &'static str {
        match self {
            Dependence::Single => "single",
            Dependence::Reprint => "reprint",
            Dependence::SameStory => "same-story",
            Dependence::Independent => "independent",
        }
    }
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
/// Owned items or references: a project passes references rather than copy every text.
pub fn assemble<S: Borrow<Source>, E: Borrow<Excerpt>>(
    sources: &[S],
    excerpts: &[E],
    filter: &Filter,
) -> Chronology {
    let by_id: HashMap<&Id, &Source> = sources
        .iter()
        .map(|s| (&s.borrow().id, s.borrow()))
        .collect();
    let mut dated: Vec<(&Excerpt, Edtf)> = Vec::new();
    let mut undated = Vec::new();
    for e in excerpts
        .iter()
        .map(Borrow::borrow)
        .filter(|e| keeps_tags(filter, e))
    {
        match e.event_date() {
            Some(d) if d.overlaps_range(filter.from.as_ref(), filter.to.as_ref()) => {
                dated.push((e, *d))
            }
            Some(_) => {}
            None if filter.from.is_none() && filter.to.is_none() => undated.push(e.id.clone()),
            None => {}
        }
    }
    // A deterministic base order makes every later grouping deterministic too. Keys are
    // computed once: calendar arithmetic in a comparator would run n log n times.
    let keys: Vec<_> = dated
        .iter()
        .map(|(e, d)| (d.sort_key(), e.sequence))
        .collect();
    let mut order: Vec<usize> = (0..dated.len()).collect();
    order.sort_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| dated[a].0.id.cmp(&dated[b].0.id))
    });
    let dated: Vec<(&Excerpt, Edtf)> = order.into_iter().map(|i| dated[i]).collect();
    undated.sort();

    let shingles: Vec<Shingles> = dated.iter().map(|(e, _)| Shingles::of(&e.quote)).collect();
    let keys: Vec<Option<u64>> = dated.iter().map(|(e, _)| summary_key(&e.summary)).collect();
    let mut same = statements(&shingles, &keys);
    // Each group under its root (its smallest member), members in date order.
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); dated.len()];
    for i in 0..dated.len() {
        let root = same.find(i);
        groups[root].push(i);
    }

    let mut entries = Vec::new();
    let mut conflicts = Vec::new();
    for members in groups.iter().filter(|g| !g.is_empty()) {
        let parts = split_by_date(members, &dated);
        if parts.len() > 1 {
            conflicts.push(date_conflict(&parts, &dated));
        }
        for part in parts {
            entries.push(entry(&part, &dated, &by_id));
        }
    }
    entries.sort_by(|a, b| {
        (a.key, a.first_sequence)
            .cmp(&(b.key, b.first_sequence))
            .then_with(|| a.entry.excerpts.cmp(&b.entry.excerpts))
    });
    conflicts.extend(figure_conflicts(&dated));
    Chronology {
        entries: entries.into_iter().map(|e| e.entry).collect(),
        conflicts,
        undated,
    }
}

fn keeps_tags(filter: &Filter, e: &Excerpt) -> bool {
    filter.tags.is_empty()
        || e.tags
            .iter()
            .any(|t| filter.tags.iter().any(|f| t.matches(f)))
}

/// Splits one statement's excerpts (indices into `dated`, in date order) into runs whose dates
/// all share a day; more than one run means the dates disagree.
fn split_by_date(members: &[usize], dated: &[(&Excerpt, Edtf)]) -> Vec<Vec<usize>> {
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut common: (NaiveDate, NaiveDate) = (NaiveDate::MIN, NaiveDate::MAX);
    for &i in members {
        let (lo, hi) = dated[i].1.sort_key();
        match parts.last_mut() {
            Some(part) if lo <= common.1 && common.0 <= hi => {
                part.push(i);
                common = (common.0.max(lo), common.1.min(hi));
            }
            _ => {
                parts.push(vec![i]);
                common = (lo, hi);
            }
        }
    }
    parts
}

/// An entry with its sort key (the documented order: date, then sequence, then id).
struct Sorted {
    entry: Entry,
    key: (NaiveDate, NaiveDate),
    first_sequence: u32,
}

fn entry(part: &[usize], dated: &[(&Excerpt, Edtf)], by_id: &HashMap<&Id, &Source>) -> Sorted {
    let mut members: Vec<&(&Excerpt, Edtf)> = part.iter().map(|&i| &dated[i]).collect();
    members.sort_by(|(a, _), (b, _)| a.sequence.cmp(&b.sequence).then_with(|| a.id.cmp(&b.id)));
    // The narrowest date is what the citations together establish.
    let date = members
        .iter()
        .map(|(_, d)| *d)
        .min_by_key(|d| {
            let (lo, hi) = d.sort_key();
            ((hi - lo).num_days(), lo)
        })
        .expect("an entry has an excerpt");
    let summary = members
        .iter()
        .find(|(e, _)| !e.summary.is_empty())
        .unwrap_or(&members[0])
        .0
        .headline();
    let mut sources: Vec<Id> = Vec::new();
    for (e, _) in &members {
        if !sources.contains(&e.source) {
            sources.push(e.source.clone());
        }
    }
    let (dependence, dependence_detail, origins) = dependence(&sources, by_id);
    Sorted {
        first_sequence: members.iter().map(|(e, _)| e.sequence).min().unwrap_or(0),
        key: date.sort_key(),
        entry: Entry {
            date,
            date_human: date.human(),
            summary,
            excerpts: members.iter().map(|(e, _)| e.id.clone()).collect(),
            sources,
            dependence,
            dependence_detail,
            origins,
        },
    }
}

/// How the sources of one entry depend on each other (see the module docs). Linear in the
/// number of sources: links go through maps keyed by reprinted source and by reporter.
fn dependence(sources: &[Id], by_id: &HashMap<&Id, &Source>) -> (Dependence, String, usize) {
    if sources.len() < 2 {
        return (Dependence::Single, String::new(), 1);
    }
    let index: HashMap<&Id, usize> = sources.iter().enumerate().map(|(i, id)| (id, i)).collect();
    let mut uf = UnionFind::new(sources.len());
    let mut reprints: Vec<String> = Vec::new();
    let mut relayed = BTreeSet::new();
    let mut first_reprint_of: HashMap<&Id, usize> = HashMap::new();
    let mut first_reporter: HashMap<String, (usize, Relation)> = HashMap::new();
    for (i, id) in sources.iter().enumerate() {
        let Some(source) = by_id.get(id) else {
            continue;
        };
        if let Some(original) = &source.reprint_of {
            if let Some(&j) = index.get(original) {
                uf.union(i, j);
                reprints.push(format!("{id} reprints {original}"));
            }
            match first_reprint_of.get(original) {
                Some(&j) => {
                    uf.union(i, j);
                    reprints.push(format!("{id} and {} reprint {original}", sources[j]));
                }
                None => {
                    first_reprint_of.insert(original, i);
                }
            }
        }
        for a in &source.attribution {
            let key = reporter_key(&a.reporter);
            match first_reporter.get(&key) {
                // A source naming one reporter twice ("via Telegraph" … "Reprinted from
                // telegraph") says nothing about the other sources of the entry.
                Some(&(j, _)) if j == i => {}
                Some(&(j, first)) => {
                    uf.union(i, j);
                    // Relaying a story one of them reprints whole is a reprint, not a relay.
                    let reporter = a.reporter.trim();
                    if a.relation == Relation::Reprint {
                        reprints.push(format!("{id} reprints {reporter}"));
                    } else if first == Relation::Reprint {
                        reprints.push(format!("{} reprints {reporter}", sources[j]));
                    } else {
                        relayed.insert(reporter.to_string());
                    }
                }
                None => {
                    first_reporter.insert(key, (i, a.relation));
                }
            }
        }
    }
    let origins = (0..sources.len()).filter(|&i| uf.find(i) == i).count();
    if origins > 1 {
        return (Dependence::Independent, String::new(), origins);
    }
    if !reprints.is_empty() {
        reprints.truncate(DETAIL_ITEMS);
        return (Dependence::Reprint, reprints.join("; "), 1);
    }
    let names: Vec<String> = relayed.into_iter().take(DETAIL_ITEMS).collect();
    (
        Dependence::SameStory,
        format!("all relay {}", names.join(", ")),
        1,
    )
}

/// Reporters compare without case or a leading "the": "the New York Times" = "New York Times".
fn reporter_key(reporter: &str) -> String {
    let r = reporter.trim();
    let r = r
        .strip_prefix("the ")
        .or_else(|| r.strip_prefix("The "))
        .unwrap_or(r);
    r.to_uppercase()
}

fn date_conflict(parts: &[Vec<usize>], dated: &[(&Excerpt, Edtf)]) -> Conflict {
    let mut excerpts = Vec::new();
    let mut sides = Vec::new();
    for part in parts {
        let ids: Vec<String> = part.iter().map(|&i| dated[i].0.id.to_string()).collect();
        let dates: BTreeSet<String> = part.iter().map(|&i| dated[i].1.to_string()).collect();
        sides.push(format!(
            "{} ({})",
            dates.into_iter().collect::<Vec<_>>().join(", "),
            ids.join(", ")
        ));
        excerpts.extend(part.iter().map(|&i| dated[i].0.id.clone()));
    }
    let first = dated[parts[0][0]].0.headline();
    Conflict {
        kind: ConflictKind::Dates,
        excerpts,
        detail: format!("“{first}” is dated {}", sides.join(" vs ")),
    }
}

/// Most excerpts a conflict's detail names before it says "and N more".
const DETAIL_ITEMS: usize = 12;

/// Figures of one subject that differ between excerpts close in time. Sorted by subject then
/// date, a sweep cuts runs of at most [`FIGURE_WINDOW_DAYS`]: linear after sorting.
fn figure_conflicts(dated: &[(&Excerpt, Edtf)]) -> Vec<Conflict> {
    let mut all: Vec<(Subject, NaiveDate, NaiveDate, usize, Figure)> = Vec::new();
    for (i, (e, d)) in dated.iter().enumerate() {
        let (lo, hi) = d.sort_key();
        for f in figures(&e.quote) {
            all.push((f.subject, lo, hi, i, f));
        }
    }
    all.sort_by_key(|a| (a.0, a.1, a.3));
    let mut out = Vec::new();
    let mut start = 0;
    while start < all.len() {
        let subject = all[start].0;
        // Anchored at the run's first date, so that a long series of reports never chains into
        // one conflict spanning years.
        let anchor = all[start].1;
        let mut end = start + 1;
        while end < all.len()
            && all[end].0 == subject
            && (all[end].1 - anchor).num_days() <= FIGURE_WINDOW_DAYS
        {
            end += 1;
        }
        if let Some(c) = figure_conflict(subject, &all[start..end], dated) {
            out.push(c);
        }
        start = end;
    }
    out
}

fn figure_conflict(
    subject: Subject,
    run: &[(Subject, NaiveDate, NaiveDate, usize, Figure)],
    dated: &[(&Excerpt, Edtf)],
) -> Option<Conflict> {
    // Per excerpt (in the run's order), its values.
    let mut per: Vec<(usize, Vec<&Figure>)> = Vec::new();
    for (_, _, _, i, f) in run {
        match per.iter_mut().find(|(j, _)| j == i) {
            Some((_, v)) => v.push(f),
            None => per.push((*i, vec![f])),
        }
    }
    let values: BTreeSet<u64> = run.iter().map(|r| r.4.value).collect();
    if per.len() < 2 || values.len() < 2 {
        return None;
    }
    let shown: Vec<String> = per
        .iter()
        .take(DETAIL_ITEMS)
        .map(|(i, fs)| {
            let quoted: Vec<String> = fs.iter().map(|f| format!("“{}”", f.text)).collect();
            format!("{} ({})", quoted.join(" and "), dated[*i].0.id)
        })
        .collect();
    let more = per.len().saturating_sub(DETAIL_ITEMS);
    let values: Vec<String> = values.into_iter().map(grouped).collect();
    let mut detail = format!(
        "{}: {} — {}",
        subject.name(),
        values.join(" vs "),
        shown.join(" vs ")
    );
    if more > 0 {
        detail.push_str(&format!(" and {more} more"));
    }
    Some(Conflict {
        kind: ConflictKind::Figures,
        excerpts: per.iter().map(|(i, _)| dated[*i].0.id.clone()).collect(),
        detail,
    })
}
