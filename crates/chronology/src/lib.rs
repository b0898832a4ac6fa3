//! Excerpts ordered by event date, grouped into entries, with corroboration and conflicts.
//!
//! # Order
//! Entries are read month by month. Inside a month, the entries whose day is not known (the
//! month alone, a range of days, a circa date) come first, under one heading, "June 2015 (day
//! not known)" ([`Entry::group`]), then the entries dated to a day; an entry known to no month
//! (a year, an open end) comes before them. Within each of these, the EDTF order of
//! [`Edtf::sort_key`]: earliest possible day first; at an equal start the narrower date first;
//! then the lowest sequence of the entry's excerpts, then the first excerpt id. Partial dates
//! stay partial: an entry dated `2015-06` is "June 2015".
//!
//! # Filters
//! A [`Filter`] selects from the whole chronology's entries: every dated excerpt is grouped
//! first, then the entries whose date overlaps the range and that cite an excerpt of the tags
//! are kept (with the conflicts and offers among them). A filter never changes how events are
//! grouped.
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

mod context;
mod csv;
mod event;
mod figures;
mod similar;

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use dossier_model::{Bound, Edtf, Excerpt, Id, Outlets, Precision, Relation, Source, Tag, outlet};
use serde::Serialize;

pub use csv::to_csv;

use figures::{Figure, Kind, Subject, figures, grouped};
use similar::{Shingles, statements, summary_key};

/// Figures about the same subject are compared when their dates lie this close.
pub const FIGURE_WINDOW_DAYS: i64 = 31;

/// Which entries a chronology shows, chosen after every excerpt is grouped (module docs).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Entries whose date can fall on or after this date's earliest day.
    pub from: Option<Edtf>,
    /// Entries whose date can fall on or before this date's latest day.
    pub to: Option<Edtf>,
    /// Entries citing an excerpt with any of these tags (all entries when empty).
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chronology {
    pub entries: Vec<Entry>,
    pub conflicts: Vec<Conflict>,
    /// Excerpts the filter kept that have no event date, in id order.
    pub undated: Vec<Id>,
    /// Pairs of excerpts that may report one event but were not joined (a wrong merge is worse
    /// than a missed one): offered to the analyst.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<[Id; 2]>,
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
    /// Why the citations depend on each other or not, naming the origins ("one origin: TNA,
    /// relayed by …").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub dependence_detail: String,
    /// The organisations that first reported what the citations say (canonical names, each
    /// once, in order of first citation).
    pub origins: Vec<String>,
    /// How many independent origins the citations have.
    pub origin_count: usize,
    /// Each citation's origin (a name of `origins`), in the order of `excerpts`.
    pub origin_of: Vec<String>,
    /// The analyst grouped these excerpts (`chronology join`/`split`); no rule regroups them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub grouped_by_analyst: bool,
    /// For an entry whose day is not known (a month, a range of days, a circa date): the
    /// heading it stands under at the start of its month, "June 2015 (day not known)"; empty
    /// for an entry dated to a day, or to no month.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
}

/// How the citations of an entry relate to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dependence {
    /// One excerpt.
    Single,
    /// The same article in several sources (the original and reprints): not corroboration.
    Reprint,
    /// Several outlets, one origin (a wire or agency story, an interview relayed): not
    /// corroboration.
    SameStory,
    /// Two or more distinct origins: corroboration.
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

/// Assembles the chronology of `excerpts` (whose sources are in `sources`) under `filter`,
/// naming outlets by the built-in table only. Owned items or references: a project passes
/// references rather than copy every text.
pub fn assemble<S: Borrow<Source>, E: Borrow<Excerpt>>(
    sources: &[S],
    excerpts: &[E],
    filter: &Filter,
) -> Chronology {
    assemble_with(sources, excerpts, filter, &Outlets::builtin())
}

/// [`assemble`] with the project's outlet names (`outlets.toml` over the built-in table).
pub fn assemble_with<S: Borrow<Source>, E: Borrow<Excerpt>>(
    sources: &[S],
    excerpts: &[E],
    filter: &Filter,
    outlets: &Outlets,
) -> Chronology {
    let by_id: IdMap<'_, &Source> = sources
        .iter()
        .map(|s| (&s.borrow().id, s.borrow()))
        .collect();
    // Every dated excerpt is grouped; the filter then selects entries. Grouping the filtered
    // excerpts alone made one event a different entry under a filter.
    let mut dated: Vec<(&Excerpt, Edtf)> = Vec::new();
    let mut undated = Vec::new();
    for e in excerpts.iter().map(Borrow::borrow) {
        match e.event_date() {
            Some(d) => dated.push((e, *d)),
            None if filter.from.is_none() && filter.to.is_none() && keeps_tags(filter, e) => {
                undated.push(e.id.clone())
            }
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
    // Ids are unique: the order is total, so an unstable sort gives the same result.
    order.sort_unstable_by(|&a, &b| {
        keys[a]
            .cmp(&keys[b])
            .then_with(|| dated[a].0.id.cmp(&dated[b].0.id))
    });
    let spans: Vec<(NaiveDate, NaiveDate)> = order.iter().map(|&i| keys[i].0).collect();
    let dated: Vec<(&Excerpt, Edtf)> = order.into_iter().map(|i| dated[i]).collect();
    undated.sort();

    let shingles: Vec<Shingles> = dated.iter().map(|(e, _)| Shingles::of(&e.quote)).collect();
    let keys: Vec<Option<u64>> = dated.iter().map(|(e, _)| summary_key(&e.summary)).collect();
    let mut same = statements(&shingles, &keys, analyst_groups(&dated));
    // Canonical names are looked up once per distinct name, not once per excerpt.
    let mut names: HashMap<String, (String, String)> = HashMap::new();
    let mut canonical = |name: &str| -> (String, String) {
        if let Some(known) = names.get(name) {
            return known.clone();
        }
        let c = outlets.canonical(name);
        let k = outlet::key(&c);
        names.insert(name.to_string(), (c.clone(), k.clone()));
        (c, k)
    };
    // Excerpts without an attribution of their own share their source's origin.
    let mut per_source: IdMap<'_, Rc<Origin>> = IdMap::default();
    let origins: Vec<Rc<Origin>> = dated
        .iter()
        .map(|(e, _)| {
            if e.attribution.origin.is_some() {
                return Rc::new(origin(e, &by_id, &mut canonical));
            }
            Rc::clone(
                per_source
                    .entry(&e.source)
                    .or_insert_with(|| Rc::new(origin(e, &by_id, &mut canonical))),
            )
        })
        .collect();
    let origins = fold_acronyms(origins);
    let mut datelines: IdMap<'_, Option<String>> = IdMap::default();
    let mut reporter_words: HashMap<*const Origin, Vec<(u64, String)>> = HashMap::new();
    let items: Vec<event::Item<'_>> = dated
        .iter()
        .zip(&spans)
        .enumerate()
        .map(|(terms_at, ((e, _), &days))| event::Item {
            days,
            // Only a date at most a week wide is compared with others.
            terms: if (days.1 - days.0).num_days() <= event::MAX_SPAN_DAYS {
                let mut terms = event::Terms::of(&e.quote);
                // Who reported it is not what happened: "citing BPA" and "according to BPA"
                // in two quotes say nothing about their being one event.
                // An origin is shared by a source's excerpts: its words are found once.
                let o = &origins[terms_at];
                let words = reporter_words.entry(Rc::as_ptr(o)).or_insert_with(|| {
                    let mut w = Vec::new();
                    event::name_words(&o.name, &mut w);
                    if let Some(c) = &o.carrier {
                        event::name_words(c, &mut w);
                    }
                    w
                });
                terms.remove_names(words, &e.quote);
                if !e.attribution.via.is_empty() {
                    let mut via = Vec::new();
                    for v in &e.attribution.via {
                        event::name_words(&v.value, &mut via);
                    }
                    terms.remove_names(&via, &e.quote);
                }
                // A quote that names no place happened at its sentence's place ("The Ledger's
                // reporter in Kessel saw …"), else at the dateline's or the byline's.
                let text = text_of(&by_id, e);
                if !text.is_empty() && figures::places(&e.quote).is_empty() {
                    let in_sentence =
                        figures::places(context::sentence(text, e.locator.start, e.locator.end));
                    if !in_sentence.is_empty() {
                        for place in in_sentence {
                            place.split(' ').for_each(|w| terms.add(w, 2));
                        }
                    } else if let Some(place) = datelines
                        .entry(&e.source)
                        .or_insert_with(|| context::dateline(text))
                    {
                        place.split(' ').for_each(|w| terms.add(w, 2));
                    }
                }
                // "300 people slept there": at the place named before, counting people.
                if !text.is_empty() && context::points_to_place(&e.quote) {
                    for place in context::places_before(text, e.locator.start) {
                        place.split(' ').for_each(|w| terms.add(w, 2));
                    }
                }
                if (e.quote.contains("people") || e.quote.contains("residents"))
                    && figures(&e.quote)
                        .iter()
                        .any(|f| f.subject == Subject::People && f.kind == Kind::Count)
                {
                    terms.add("people", 1);
                }
                terms
            } else {
                event::Terms::default()
            },
            speaker: e.attribution.speaker_name().map(outlet::key),
            source: e.source.as_str(),
            text: text_of(&by_id, e),
            start: e.locator.start,
            end: e.locator.end,
            // Both look for words with "th"; most quotes have none and skip both.
            points_back: event::mentions_th(&e.quote) && event::points_back(&e.quote),
            demonstrated: if event::mentions_th(&e.quote) {
                event::demonstrated(&e.quote)
            } else {
                Vec::new()
            },
        })
        .collect();
    let offered: Vec<[Id; 2]> = event::join(&items, &mut same)
        .into_iter()
        .map(|(a, b)| [dated[a].0.id.clone(), dated[b].0.id.clone()])
        .collect();
    // Each group under its root (its smallest member), members in date order.
    // One sort by (root, index) instead of a list per excerpt: the same groups, same order.
    let mut by_root: Vec<(usize, usize)> = (0..dated.len()).map(|i| (same.find(i), i)).collect();
    by_root.sort_unstable();

    let mut entries = Vec::new();
    let mut conflicts = Vec::new();
    let mut members: Vec<usize> = Vec::new();
    for run in by_root.chunk_by(|a, b| a.0 == b.0) {
        members.clear();
        members.extend(run.iter().map(|&(_, i)| i));
        let members = &members[..];
        let parts = split_by_date(members, &dated);
        if parts.len() > 1 {
            conflicts.push(date_conflict(&parts, &dated, &origins));
        }
        if same.is_labelled(members[0]) {
            // The analyst's event stays one entry; its dates' disagreement is still listed.
            let mut e = entry(members, &dated, &origins);
            e.entry.grouped_by_analyst = true;
            entries.push(e);
        } else {
            for part in parts {
                entries.push(entry(&part, &dated, &origins));
            }
        }
    }
    entries.sort_unstable_by(|a, b| {
        (a.reading, a.key, a.first_sequence)
            .cmp(&(b.reading, b.key, b.first_sequence))
            .then_with(|| a.entry.excerpts.cmp(&b.entry.excerpts))
    });
    let mut groups_of: Vec<usize> = vec![0; dated.len()];
    for &(root, i) in &by_root {
        groups_of[i] = root;
    }
    conflicts.extend(figure_conflicts(
        &dated, &spans, &origins, &groups_of, &by_id,
    ));
    let mut entries: Vec<Entry> = entries.into_iter().map(|e| e.entry).collect();
    if filter.from.is_some() || filter.to.is_some() || !filter.tags.is_empty() {
        let tagged: IdMap<'_, bool> = dated
            .iter()
            .map(|(e, _)| (&e.id, keeps_tags(filter, e)))
            .collect();
        entries.retain(|e| {
            e.date
                .overlaps_range(filter.from.as_ref(), filter.to.as_ref())
                && e.excerpts.iter().any(|id| tagged.get(id) == Some(&true))
        });
        let kept: BTreeSet<&Id> = entries.iter().flat_map(|e| &e.excerpts).collect();
        conflicts.retain(|c| c.excerpts.iter().all(|id| kept.contains(id)));
        let offered = offered
            .into_iter()
            .filter(|pair| pair.iter().all(|id| kept.contains(id)))
            .collect();
        return Chronology {
            entries,
            conflicts,
            undated,
            offered,
        };
    }
    Chronology {
        entries,
        conflicts,
        undated,
        offered,
    }
}

/// The analyst's events (`Excerpt::event`) as labels, one number per distinct key.
fn analyst_groups(dated: &[(&Excerpt, Edtf)]) -> similar::UnionFind {
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    let labels = dated
        .iter()
        .map(|(e, _)| match &e.event {
            Some(key) => {
                let next = numbers.len() as u32 + 1;
                *numbers.entry(key.as_str()).or_insert(next)
            }
            None => 0,
        })
        .collect();
    similar::UnionFind::labelled(labels)
}

/// How an entry is placed for reading, before the date order: its month, then entries known
/// to no month (a year, an open end), then those whose day is not known (grouped at the start
/// of the month: "June" no longer stands between 1 and 2 June), then those dated to a day.
fn reading_key(date: &Edtf) -> (NaiveDate, u8) {
    let (lo, _) = date.sort_key();
    let month = lo.with_day(1).unwrap_or(lo);
    match (month_of(date), day_known(date)) {
        (_, true) => (month, 2),
        (Some(_), false) => (month, 1),
        (None, _) => (month, 0),
    }
}

/// A single day, neither approximate nor a range: the entries a reader places by their day.
fn day_known(date: &Edtf) -> bool {
    matches!(date, Edtf::Single(d) if d.precision() == Precision::Day && !d.qualifier.approximate)
}

/// The month an entry without a known day is grouped in: its earliest day's, for a date known
/// to a month or finer (a year, or an open or unknown end, is known to no month).
fn month_of(date: &Edtf) -> Option<NaiveDate> {
    let fine = |d: &dossier_model::Date| d.precision() >= Precision::Month;
    let known = match date {
        Edtf::Single(d) => fine(d),
        Edtf::Interval(Bound::Date(a), Bound::Date(b)) => fine(a) && fine(b),
        Edtf::Interval(..) => false,
    };
    let lo = date.earliest()?;
    known.then(|| lo.with_day(1).unwrap_or(lo))
}

/// The heading an entry without a known day stands under: "June 2015 (day not known)".
pub fn group_heading(date: &Edtf) -> String {
    match month_of(date) {
        Some(m) if !day_known(date) => format!(
            "{} {} (day not known)",
            dossier_model::edtf::month_name(m.month()),
            m.year()
        ),
        _ => String::new(),
    }
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d.succ_opt().unwrap_or(d)
}

/// Maps keyed by id, hashed with FNV: SipHash over every excerpt's source id was a tenth of
/// the chronology's time.
type IdMap<'a, V> = HashMap<&'a Id, V, std::hash::BuildHasherDefault<similar::Fnv>>;

/// The text of the source an excerpt cites ("" when unknown or not loaded).
fn text_of<'a>(by_id: &IdMap<'_, &'a Source>, e: &Excerpt) -> &'a str {
    by_id.get(&e.source).map_or("", |s| s.text.as_str())
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

/// An entry with its sort keys (the documented order: month and whether its day is known, then
/// date, then sequence, then id).
struct Sorted {
    entry: Entry,
    /// [`reading_key`], computed once: calendar arithmetic in the comparator ran n log n times.
    reading: (NaiveDate, u8),
    key: (NaiveDate, NaiveDate),
    first_sequence: u32,
}

fn entry(part: &[usize], dated: &[(&Excerpt, Edtf)], origins: &[Rc<Origin>]) -> Sorted {
    let mut part = part.to_vec();
    part.sort_by(|&a, &b| {
        let (a, b) = (dated[a].0, dated[b].0);
        a.sequence.cmp(&b.sequence).then_with(|| a.id.cmp(&b.id))
    });
    let members: Vec<&(&Excerpt, Edtf)> = part.iter().map(|&i| &dated[i]).collect();
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
    let cited: Vec<&Origin> = part.iter().map(|&i| &*origins[i]).collect();
    // Named as `origins` names them: the first name of each key, in citation order.
    let origin_of = cited
        .iter()
        .map(|o| {
            let first = cited.iter().find(|c| c.key == o.key).unwrap_or(o);
            first.name.clone()
        })
        .collect();
    let (dependence, dependence_detail, origins) = dependence(&cited);
    Sorted {
        first_sequence: members.iter().map(|(e, _)| e.sequence).min().unwrap_or(0),
        key: date.sort_key(),
        reading: reading_key(&date),
        entry: Entry {
            date,
            date_human: date.human(),
            summary,
            excerpts: members.iter().map(|(e, _)| e.id.clone()).collect(),
            sources,
            dependence,
            dependence_detail,
            origin_count: origins.len(),
            origins,
            origin_of,
            grouped_by_analyst: false,
            group: group_heading(&date),
        },
    }
}

/// The provenance of an origin that is only the source's own outlet (`dossier_import::claim`).
pub const OWN_OUTLET_RULE: &str = "claim:own-outlet";
/// The provenance prefix of an origin read from a reprint header.
pub const REPRINT_HEADER_RULE: &str = "claim:header:reprint";

/// Where one excerpt's claim comes from, as the chronology compares it.
struct Origin {
    /// The canonical name of the first organisation that reported it.
    name: String,
    /// `name` as compared ([`outlet::key`]).
    key: String,
    /// The outlet of the source that carries the excerpt.
    carrier: Option<String>,
    /// The source is the origin's article reprinted whole.
    reprint: bool,
}

/// The excerpt's origin: the analyst's or the found attribution, the original of a source
/// marked as a reprint, a reprint header of the source, else the source's own outlet (or,
/// without one, its title: an unknown outlet is still one origin, never merged with another).
fn origin(
    e: &Excerpt,
    by_id: &IdMap<'_, &Source>,
    canonical: &mut impl FnMut(&str) -> (String, String),
) -> Origin {
    let source = by_id.get(&e.source);
    let carrier = source.and_then(|s| s.outlet_name()).map(|o| canonical(o).0);
    let reprinted = source.and_then(|s| {
        s.reprint_of
            .as_ref()
            .and_then(|r| by_id.get(r))
            .map(|o| o.outlet_name().unwrap_or(o.title_or_file()).to_string())
            .or_else(|| {
                s.attribution
                    .iter()
                    .find(|a| a.relation == Relation::Reprint)
                    .map(|a| a.reporter.clone())
            })
    });
    // A reprint header or link stands for the carrier's own outlet, never for an origin the
    // claim's own sentence names ("IRNA quoted …" in a reprint is still IRNA's).
    let found = e.attribution.origin.as_ref();
    let own_default = found.is_none_or(|f| f.provenance == OWN_OUTLET_RULE);
    let name = match (found, &reprinted) {
        (Some(f), _) if f.is_analyst() => f.value.clone(),
        (_, Some(r)) if own_default => r.clone(),
        (Some(f), _) => f.value.clone(),
        (None, _) => match source {
            Some(s) => s.outlet_name().unwrap_or(s.title_or_file()).to_string(),
            None => e.source.to_string(),
        },
    };
    let (name, key) = canonical(&name);
    let reprint = reprinted.is_some_and(|r| canonical(&r).1 == key)
        || found.is_some_and(|f| f.provenance.starts_with(REPRINT_HEADER_RULE));
    Origin {
        name,
        key,
        carrier,
        reprint,
    }
}

/// One organisation under its full name in one text and its acronym in another ("Kessel
/// Broadcast Agency" and "KBA") is one origin: a multi-word name whose initials are another
/// origin's acronym takes the acronym.
fn fold_acronyms(origins: Vec<Rc<Origin>>) -> Vec<Rc<Origin>> {
    let acronyms: HashMap<String, String> = origins
        .iter()
        .filter(|o| {
            (2..=6).contains(&o.name.len())
                && o.name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
        .map(|o| (o.key.clone(), o.name.clone()))
        .collect();
    if acronyms.is_empty() {
        return origins;
    }
    let mut folded: HashMap<*const Origin, Rc<Origin>> = HashMap::new();
    origins
        .into_iter()
        .map(|o| {
            let words: Vec<&str> = o.name.split_whitespace().filter(|w| *w != "The").collect();
            if words.len() < 2 {
                return o;
            }
            let initials: String = words
                .iter()
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .flat_map(char::to_lowercase)
                .collect();
            let Some(name) = acronyms.get(&initials) else {
                return o;
            };
            Rc::clone(folded.entry(Rc::as_ptr(&o)).or_insert_with(|| {
                Rc::new(Origin {
                    name: name.clone(),
                    key: initials.clone(),
                    carrier: o.carrier.clone(),
                    reprint: o.reprint,
                })
            }))
        })
        .collect()
}

/// How the citations of one entry depend on each other, from their origins: one excerpt is
/// single; two or more distinct origins are independent; one origin carried only by itself and
/// reprints of it is a reprint; otherwise the same story relayed.
fn dependence(cited: &[&Origin]) -> (Dependence, String, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for o in cited {
        if !keys.contains(&o.key.as_str()) {
            keys.push(&o.key);
            names.push(o.name.clone());
        }
    }
    if cited.len() < 2 {
        return (Dependence::Single, String::new(), names);
    }
    if names.len() > 1 {
        let shown: Vec<&str> = names
            .iter()
            .take(DETAIL_ITEMS)
            .map(String::as_str)
            .collect();
        let detail = format!("{} origins: {}", names.len(), shown.join(", "));
        return (Dependence::Independent, detail, names);
    }
    let origin = &names[0];
    let mut carriers: Vec<&str> = Vec::new();
    for o in cited {
        if let Some(c) = &o.carrier
            && outlet::key(c) != keys[0]
            && !carriers.contains(&c.as_str())
        {
            carriers.push(c);
        }
    }
    carriers.truncate(DETAIL_ITEMS);
    let reprinted = cited.iter().any(|o| o.reprint);
    let only_reprints = cited.iter().all(|o| {
        o.reprint
            || o.carrier
                .as_deref()
                .is_some_and(|c| outlet::key(c) == keys[0])
    });
    if reprinted && only_reprints {
        let detail = format!("{origin}'s article, reprinted by {}", carriers.join(", "));
        return (Dependence::Reprint, detail, names);
    }
    let detail = if carriers.is_empty() {
        format!("one origin: {origin}")
    } else {
        format!("one origin: {origin}, relayed by {}", carriers.join(", "))
    };
    (Dependence::SameStory, detail, names)
}

fn date_conflict(
    parts: &[Vec<usize>],
    dated: &[(&Excerpt, Edtf)],
    origins: &[Rc<Origin>],
) -> Conflict {
    let mut excerpts = Vec::new();
    let mut sides = Vec::new();
    for part in parts {
        let mut who: Vec<&str> = Vec::new();
        for &i in part {
            let o = &origins[i];
            let name = o.carrier.as_deref().unwrap_or(o.name.as_str());
            if !who.contains(&name) {
                who.push(name);
            }
        }
        let dates: BTreeSet<String> = part.iter().map(|&i| dated[i].1.to_string()).collect();
        sides.push(format!(
            "{} ({})",
            dates.into_iter().collect::<Vec<_>>().join(", "),
            who.join(", ")
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

/// Most pairs of figures one figure is compared with: bounds the work on a crowded day.
const FIGURE_CHECKS: usize = 32;

/// Counts that disagree: the same subject, at the same place (a place both name, or else
/// reports grouped as one event naming no other place), on overlapping dates, from different
/// origins, differing by more than a tenth. A goal or a part is not a count of the
/// whole, and one origin's figure repeated is agreement. One conflict per pair of excerpts, so
/// that reports agreeing with each other are never listed as disagreeing. Sorted by subject
/// and date, each figure meets only those whose dates overlap its own.
fn figure_conflicts(
    dated: &[(&Excerpt, Edtf)],
    spans: &[(NaiveDate, NaiveDate)],
    origins: &[Rc<Origin>],
    group: &[usize],
    by_id: &IdMap<'_, &Source>,
) -> Vec<Conflict> {
    let mut all: Vec<(Subject, NaiveDate, NaiveDate, usize, Figure)> = Vec::new();
    for (i, (e, _)) in dated.iter().enumerate() {
        let (lo, hi) = spans[i];
        for mut f in figures(&e.quote) {
            // "300 people slept there": at the place named just before the quote.
            if f.places.is_empty() && context::points_to_place(&e.quote) {
                f.places = context::places_before(text_of(by_id, e), e.locator.start);
            }
            if f.kind == Kind::Count {
                all.push((f.subject, lo, hi, i, f));
            }
        }
    }
    all.sort_by_key(|a| (a.0, a.1, a.3));
    let mut pairs: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (n, a) in all.iter().enumerate() {
        for (m, b) in all
            .iter()
            .enumerate()
            .skip(n + 1)
            .take_while(|(_, b)| b.0 == a.0 && b.1 <= next_day(a.2))
            .take(FIGURE_CHECKS)
        {
            let (fa, fb) = (&a.4, &b.4);
            // A count at one named place on the next day ("4,000 were staying at the camp",
            // repeated a day later) still disagrees with the day before's.
            let overlap = b.1 <= a.2 && a.1 <= b.2;
            if !overlap && !fa.shares_place(fb) {
                continue;
            }
            let (lo, hi) = (fa.value.min(fb.value), fa.value.max(fb.value));
            let differ = (hi - lo) * 10 > hi;
            if !differ || a.3 == b.3 || origins[a.3].key == origins[b.3].key {
                continue;
            }
            // Without a place both name, only reports grouped as one event count one thing.
            if fa.shares_place(fb) || (fa.same_place(fb) && group[a.3] == group[b.3]) {
                let (x, y) = if a.3 < b.3 { (n, m) } else { (m, n) };
                pairs.push((all[x].3, all[y].3, x, y));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| (p.0, p.1));
    // Each figure's value and side ("“1,200 troops” (TNA, via The Sarovel Chronicle)"),
    // written once however many conflicts it is in.
    let mut sides: Vec<Option<(String, String)>> = vec![None; all.len()];
    for &(_, _, x, y) in &pairs {
        for z in [x, y] {
            if sides[z].is_some() {
                continue;
            }
            let (f, i) = (&all[z].4, all[z].3);
            let o = &origins[i];
            let mut who = match dated[i].0.attribution.speaker_name() {
                Some(s) => format!("{s}, {}", o.name),
                None => o.name.clone(),
            };
            if let Some(c) = o.carrier.as_ref().filter(|c| outlet::key(c) != o.key) {
                who.push_str(", via ");
                who.push_str(c);
            }
            sides[z] = Some((grouped(f.value), format!("“{}” ({who})", f.text)));
        }
    }
    let mut out = Vec::with_capacity(pairs.len());
    for (i, j, x, y) in pairs {
        let (Some((va, sa)), Some((vb, sb))) = (&sides[x], &sides[y]) else {
            unreachable!("every side of a pair is written above");
        };
        out.push(Conflict {
            kind: ConflictKind::Figures,
            excerpts: vec![dated[i].0.id.clone(), dated[j].0.id.clone()],
            detail: format!("{}: {va} vs {vb} — {sa} vs {sb}", all[x].4.subject_name()),
        });
    }
    out
}
