//! The shapes that cross IPC, shaped for the views rather than for storage. Each derives
//! `ts_rs::TS`; `bindings::typescript()` turns them into `ui/src/lib/bindings.ts`, and a test
//! fails when that file drifts. Ids and dates cross as their canonical strings; a closed set
//! (a grade, a dependence, a kind) crosses as an enum here, a union type in TypeScript, each
//! converted from the core's enum by an exhaustive `match`, so a new variant fails to compile
//! here and then the UI's type check wherever it is not handled.

use chrono::Datelike;
use dossier::model::{ClaimAttribution, Edtf, Excerpt, Found, Source};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::IpcError;

mod drafting;
pub use drafting::*;

/// Admiralty source reliability, A (completely reliable) to F (cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

impl From<dossier::model::Reliability> for Reliability {
    fn from(r: dossier::model::Reliability) -> Reliability {
        use dossier::model::Reliability as R;
        match r {
            R::A => Reliability::A,
            R::B => Reliability::B,
            R::C => Reliability::C,
            R::D => Reliability::D,
            R::E => Reliability::E,
            R::F => Reliability::F,
        }
    }
}

impl From<Reliability> for dossier::model::Reliability {
    fn from(r: Reliability) -> dossier::model::Reliability {
        use dossier::model::Reliability as R;
        match r {
            Reliability::A => R::A,
            Reliability::B => R::B,
            Reliability::C => R::C,
            Reliability::D => R::D,
            Reliability::E => R::E,
            Reliability::F => R::F,
        }
    }
}

/// Admiralty credibility, 1 (confirmed) to 6 (cannot be judged): a number in TypeScript
/// (fields carrying it are typed `Credibility` there), checked by the core when it arrives.
#[derive(TS)]
#[ts(type = "1 | 2 | 3 | 4 | 5 | 6")]
pub struct Credibility;

/// How the citations of a chronology entry relate to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Dependence {
    Single,
    Reprint,
    SameStory,
    Independent,
}

impl From<dossier::chronology::Dependence> for Dependence {
    fn from(d: dossier::chronology::Dependence) -> Dependence {
        use dossier::chronology::Dependence as D;
        match d {
            D::Single => Dependence::Single,
            D::Reprint => Dependence::Reprint,
            D::SameStory => Dependence::SameStory,
            D::Independent => Dependence::Independent,
        }
    }
}

/// What the excerpts of a conflict disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    Figures,
    Dates,
}

impl From<dossier::chronology::ConflictKind> for ConflictKind {
    fn from(k: dossier::chronology::ConflictKind) -> ConflictKind {
        use dossier::chronology::ConflictKind as K;
        match k {
            K::Figures => ConflictKind::Figures,
            K::Dates => ConflictKind::Dates,
        }
    }
}

/// Where a template was found: the project's `templates/`, the user's, or built in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TemplateOrigin {
    Project,
    User,
    Builtin,
}

impl From<dossier::templates::Origin> for TemplateOrigin {
    fn from(o: dossier::templates::Origin) -> TemplateOrigin {
        use dossier::templates::Origin as O;
        match o {
            O::Project => TemplateOrigin::Project,
            O::User => TemplateOrigin::User,
            O::Builtin => TemplateOrigin::Builtin,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecentProject {
    pub path: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProjectInfo {
    pub path: String,
    pub title: String,
    pub sources: u32,
    pub excerpts: u32,
}

/// A date as EDTF (`2015-05-25/2015-05-31`) and as a reader says it ("25–31 May 2015").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DateEcho {
    pub value: String,
    pub human: String,
}

impl From<&Edtf> for DateEcho {
    fn from(d: &Edtf) -> DateEcho {
        DateEcho {
            value: d.to_string(),
            human: d.human(),
        }
    }
}

/// A value with where it came from (`analyst` or a rule name) and how sure that is (0–1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Provenance {
    pub rule: String,
    pub confidence: f64,
    pub evidence: Option<String>,
}

impl<T> From<&Found<T>> for Provenance {
    fn from(f: &Found<T>) -> Provenance {
        Provenance {
            rule: f.provenance.clone(),
            confidence: f.confidence,
            evidence: f.evidence.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FoundText {
    pub value: String,
    pub found: Provenance,
}

impl From<FoundText> for Found<String> {
    fn from(f: FoundText) -> Found<String> {
        Found {
            value: f.value,
            provenance: f.found.rule,
            confidence: f.found.confidence,
            evidence: f.found.evidence,
        }
    }
}

/// Who said an excerpt's claim, who first reported it and who relayed it, each with where
/// that came from. Sent back whole, it restores an attribution exactly (undo).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AttributionView {
    pub speaker: Option<FoundText>,
    pub origin: Option<FoundText>,
    pub via: Vec<FoundText>,
}

impl From<&ClaimAttribution> for AttributionView {
    fn from(a: &ClaimAttribution) -> AttributionView {
        AttributionView {
            speaker: found_text(&a.speaker),
            origin: found_text(&a.origin),
            via: a
                .via
                .iter()
                .map(|v| FoundText {
                    value: v.value.clone(),
                    found: v.into(),
                })
                .collect(),
        }
    }
}

impl From<AttributionView> for ClaimAttribution {
    fn from(a: AttributionView) -> ClaimAttribution {
        ClaimAttribution {
            speaker: a.speaker.map(Into::into),
            origin: a.origin.map(Into::into),
            via: a.via.into_iter().map(Into::into).collect(),
        }
    }
}

/// An excerpt's event key as it was or should be (`None`: grouped automatically): what the
/// app sends back to undo a join or a split.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventKey {
    pub excerpt: String,
    pub event: Option<String>,
}

/// The analyst's change to an attribution: an absent part stays; an empty speaker or origin
/// clears it; `via` is the whole new list.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct AttributionPatch {
    #[ts(optional)]
    pub speaker: Option<String>,
    #[ts(optional)]
    pub origin: Option<String>,
    #[ts(optional)]
    pub via: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FoundDate {
    pub date: DateEcho,
    pub found: Provenance,
}

fn found_text(f: &Option<Found<String>>) -> Option<FoundText> {
    f.as_ref().map(|f| FoundText {
        value: f.value.clone(),
        found: f.into(),
    })
}

fn found_date(f: &Option<Found<Edtf>>) -> Option<FoundDate> {
    f.as_ref().map(|f| FoundDate {
        date: (&f.value).into(),
        found: f.into(),
    })
}

/// One row of the sources list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SourceRow {
    pub id: String,
    /// The found title, or the id when none was found.
    pub title: String,
    pub title_found: Option<Provenance>,
    pub outlet: Option<FoundText>,
    pub author: Option<FoundText>,
    pub published: Option<FoundDate>,
    pub reliability: Reliability,
    pub reliability_text: String,
    pub file_name: String,
    pub reprint_of: Option<String>,
    pub excerpts: u32,
    pub warnings: Vec<String>,
}

impl SourceRow {
    pub fn new(s: &Source, excerpts: usize) -> SourceRow {
        SourceRow {
            id: s.id.to_string(),
            title: s.title_or_id().to_string(),
            title_found: s.title.as_ref().map(Into::into),
            outlet: found_text(&s.outlet),
            author: found_text(&s.author),
            published: found_date(&s.published),
            reliability: s.reliability.into(),
            reliability_text: s.reliability.description().to_string(),
            file_name: s.original.file_name.clone(),
            reprint_of: s.reprint_of.as_ref().map(ToString::to_string),
            excerpts: excerpts.try_into().unwrap_or(u32::MAX),
            warnings: s.warnings.clone(),
        }
    }
}

/// A line the cleaner removed (shown on demand in the reader).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RemovedLine {
    pub line: u32,
    pub reason: String,
    pub text: String,
}

/// What the reader shows: the row, the cleaned text (displayed as text, never as HTML), what
/// the cleaner removed, and the source's excerpts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SourceDetail {
    pub row: SourceRow,
    pub text: String,
    pub removed: Vec<RemovedLine>,
    pub excerpts: Vec<ExcerptView>,
}

impl SourceDetail {
    pub fn new(s: &Source, excerpts: Vec<ExcerptView>) -> SourceDetail {
        SourceDetail {
            row: SourceRow::new(s, excerpts.len()),
            text: s.text.clone(),
            removed: s
                .removed
                .iter()
                .map(|r| RemovedLine {
                    line: r.line.try_into().unwrap_or(u32::MAX),
                    reason: r.reason.clone(),
                    text: r.text.clone(),
                })
                .collect(),
            excerpts,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExcerptView {
    pub id: String,
    pub source: String,
    pub quote: String,
    /// UTF-8 byte range of the quote in the source's cleaned text.
    pub start: u32,
    pub end: u32,
    pub date: Option<FoundDate>,
    pub reported: Option<DateEcho>,
    pub summary: String,
    /// Admiralty credibility, 1–6.
    #[ts(type = "Credibility")]
    pub credibility: u8,
    pub tags: Vec<String>,
    pub portion: Option<String>,
    pub note: String,
    pub sequence: u32,
    pub attribution: AttributionView,
    /// The analyst's event key (`chronology join`/`split`); absent: grouped automatically.
    pub event: Option<String>,
}

impl From<&Excerpt> for ExcerptView {
    fn from(x: &Excerpt) -> ExcerptView {
        ExcerptView {
            id: x.id.to_string(),
            source: x.source.to_string(),
            quote: x.quote.clone(),
            start: x.locator.start.try_into().unwrap_or(u32::MAX),
            end: x.locator.end.try_into().unwrap_or(u32::MAX),
            date: found_date(&x.date),
            reported: x.reported.as_ref().map(Into::into),
            summary: x.summary.clone(),
            credibility: x.credibility.number(),
            tags: x.tags.iter().map(ToString::to_string).collect(),
            portion: x.portion.as_ref().map(ToString::to_string),
            note: x.note.clone(),
            sequence: x.sequence,
            attribution: (&x.attribution).into(),
            event: x.event.clone(),
        }
    }
}

/// A new excerpt from a selection in the reader: a UTF-8 byte range of the cleaned text.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
pub struct NewExcerpt {
    pub source: String,
    pub start: u32,
    pub end: u32,
}

/// Changes from the inspector. An absent field is left as it is; for `date`, `reported` and
/// `portion` an empty string clears the value.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct ExcerptPatch {
    #[ts(optional)]
    pub date: Option<String>,
    #[ts(optional)]
    pub reported: Option<String>,
    #[ts(optional)]
    pub summary: Option<String>,
    #[ts(optional, type = "Credibility")]
    pub credibility: Option<u8>,
    /// The complete new tag list (`actor:…`, `place:…`, or a topic).
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    #[ts(optional)]
    pub portion: Option<String>,
    #[ts(optional)]
    pub note: Option<String>,
    #[ts(optional)]
    pub sequence: Option<u32>,
}

/// Changes to a source's details from the reader. An absent field is left as it is; an empty
/// string clears it. A value set here is the analyst's, and says so in its provenance.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct SourcePatch {
    #[ts(optional)]
    pub title: Option<String>,
    #[ts(optional)]
    pub outlet: Option<String>,
    #[ts(optional)]
    pub author: Option<String>,
    /// EDTF, e.g. `2015-06-02` or `2015-06`.
    #[ts(optional)]
    pub published: Option<String>,
    #[ts(optional)]
    pub reliability: Option<Reliability>,
    /// Who found the values above when not the analyst: undoing an edit puts back each value
    /// with the rule that found it and its confidence.
    #[ts(optional)]
    pub found: Option<SourceFound>,
}

/// The provenance of a [`SourcePatch`]'s values, field by field; a field absent here is the
/// analyst's.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct SourceFound {
    #[ts(optional)]
    pub title: Option<Provenance>,
    #[ts(optional)]
    pub outlet: Option<Provenance>,
    #[ts(optional)]
    pub author: Option<Provenance>,
    #[ts(optional)]
    pub published: Option<Provenance>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImportStatus {
    Imported,
    Duplicate,
    /// Imported, and probably a reprint of the source `reprint_of` (near-duplicate text).
    Reprint,
    Failed,
    /// Not reached: the import was cancelled before this file.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportOutcome {
    pub file: String,
    pub status: ImportStatus,
    pub id: Option<String>,
    pub reprint_of: Option<String>,
    pub error: Option<IpcError>,
}

/// Sent as the `import-progress` event as each file of an import has been read and extracted
/// (its batch is written after); `done` counts the refused paths too.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
    pub file: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChronologyEntry {
    pub date: DateEcho,
    /// The first and last day the date can mean (`YYYY-MM-DD`), for date-range filters.
    pub first_day: String,
    pub last_day: String,
    /// Where the entry groups: its year, and its month and day when the date pins them.
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// For an entry whose day is not known (a month, a range of days, a circa date): the
    /// heading it stands under at the start of its month, "June 2015 (day not known)"; empty
    /// for an entry dated to a day (the core's `Entry::group`).
    pub group: String,
    pub summary: String,
    pub excerpts: Vec<String>,
    /// The quote of each excerpt, in the order of `excerpts` (shown as text).
    pub quotes: Vec<String>,
    pub sources: Vec<String>,
    /// Every tag of the entry's excerpts, each once.
    pub tags: Vec<String>,
    pub dependence: Dependence,
    /// Why the citations depend on each other; empty when single or independent.
    pub dependence_detail: String,
    /// The organisations that first reported it, each once.
    pub origins: Vec<String>,
    /// Each citation's origin, in the order of `excerpts`.
    pub origin_of: Vec<String>,
    /// Each citation's source, in the order of `excerpts`.
    pub source_of: Vec<String>,
    /// The analyst grouped it (join/split); no rule regroups it.
    pub grouped_by_analyst: bool,
}

/// A source's id and the title the chronology shows for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SourceName {
    pub id: String,
    pub title: String,
    /// Its outlet, when known: how the origin graph names it.
    pub outlet: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConflictView {
    pub kind: ConflictKind,
    pub excerpts: Vec<String>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChronologyView {
    pub entries: Vec<ChronologyEntry>,
    pub conflicts: Vec<ConflictView>,
    pub undated: Vec<String>,
    /// The sources cited by `entries`, in id order.
    pub sources: Vec<SourceName>,
}

impl ChronologyView {
    pub fn new(c: &dossier::chronology::Chronology, p: &dossier::Project) -> ChronologyView {
        let mut cited = std::collections::BTreeSet::new();
        let entries = c
            .entries
            .iter()
            .map(|e| {
                let (first, last) = e.date.sort_key();
                let month = (first.year() == last.year() && first.month() == last.month())
                    .then(|| first.month());
                let excerpts: Vec<&Excerpt> = e
                    .excerpts
                    .iter()
                    .filter_map(|id| p.excerpt(id).ok())
                    .collect();
                let mut tags: Vec<String> = Vec::new();
                for t in excerpts.iter().flat_map(|x| &x.tags) {
                    let t = t.to_string();
                    if !tags.contains(&t) {
                        tags.push(t);
                    }
                }
                cited.extend(e.sources.iter().cloned());
                // An entry of a month group stands under its month, before the days.
                let grouped = !e.group.is_empty();
                ChronologyEntry {
                    date: (&e.date).into(),
                    first_day: first.to_string(),
                    last_day: last.to_string(),
                    year: first.year(),
                    month: if grouped { Some(first.month()) } else { month },
                    day: (first == last && !grouped).then(|| first.day()),
                    group: e.group.clone(),
                    summary: e.summary.clone(),
                    excerpts: e.excerpts.iter().map(ToString::to_string).collect(),
                    quotes: excerpts.iter().map(|x| x.quote.clone()).collect(),
                    sources: e.sources.iter().map(ToString::to_string).collect(),
                    tags,
                    dependence: e.dependence.into(),
                    dependence_detail: e.dependence_detail.clone(),
                    origins: e.origins.clone(),
                    origin_of: e.origin_of.clone(),
                    source_of: excerpts.iter().map(|x| x.source.to_string()).collect(),
                    grouped_by_analyst: e.grouped_by_analyst,
                }
            })
            .collect();
        ChronologyView {
            entries,
            conflicts: c
                .conflicts
                .iter()
                .map(|k| ConflictView {
                    kind: k.kind.into(),
                    excerpts: k.excerpts.iter().map(ToString::to_string).collect(),
                    detail: k.detail.clone(),
                })
                .collect(),
            undated: c.undated.iter().map(ToString::to_string).collect(),
            sources: cited
                .iter()
                .filter_map(|id| p.source(id).ok())
                .map(|s| SourceName {
                    id: s.id.to_string(),
                    title: s.title_or_id().to_string(),
                    outlet: s.outlet_name().map(String::from),
                })
                .collect(),
        }
    }
}

/// A briefing as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BriefingView {
    pub name: String,
    pub title: String,
    /// The briefing's own template; empty means the project's (`project_template`).
    pub template: String,
    pub project_template: String,
    /// The Markdown body: BLUF, key judgments, discussion as `##` sections.
    pub body: String,
}

/// The live preview: sanitised HTML (a `<body>`'s content) and the style sheet to show it with.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewView {
    pub html: String,
    pub style: String,
    pub warnings: Vec<LintWarning>,
}

impl PreviewView {
    pub fn new(r: &dossier::templates::Rendered) -> PreviewView {
        PreviewView {
            html: r.html_body(),
            style: dossier::templates::PREVIEW_STYLE.to_string(),
            warnings: r.warnings.iter().map(LintWarning::from).collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Markdown,
    Pdf,
}

impl From<ExportFormat> for dossier::ExportFormat {
    fn from(f: ExportFormat) -> dossier::ExportFormat {
        match f {
            ExportFormat::Markdown => dossier::ExportFormat::Markdown,
            ExportFormat::Pdf => dossier::ExportFormat::Pdf,
        }
    }
}

/// One template visible from the open project.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TemplateRow {
    pub name: String,
    pub description: String,
    pub origin: TemplateOrigin,
}

impl From<&dossier::templates::Listing> for TemplateRow {
    fn from(l: &dossier::templates::Listing) -> TemplateRow {
        TemplateRow {
            name: l.name.clone(),
            description: l.description.clone(),
            origin: l.origin.into(),
        }
    }
}

/// A template's files, shown as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TemplateFile {
    pub path: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TemplateDetail {
    pub row: TemplateRow,
    /// Where it lives (empty for a built-in).
    pub dir: String,
    pub files: Vec<TemplateFile>,
}

impl From<&dossier::templates::Template> for TemplateDetail {
    fn from(t: &dossier::templates::Template) -> TemplateDetail {
        TemplateDetail {
            row: TemplateRow {
                name: t.manifest.name.clone(),
                description: t.manifest.description.clone(),
                origin: t.origin.into(),
            },
            dir: t
                .dir
                .as_ref()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
            files: t
                .files
                .iter()
                .map(|(path, text)| TemplateFile {
                    path: path.clone(),
                    text: text.clone(),
                })
                .collect(),
        }
    }
}

/// A temporal expression in a source's text, with its resolved date when it has one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DateMark {
    /// UTF-8 byte range in the cleaned text.
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub date: Option<DateEcho>,
}

/// A suggested excerpt: a dated event sentence.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SuggestionMark {
    pub start: u32,
    pub end: u32,
    pub date: DateEcho,
    pub score: f64,
}

/// What the reader overlays on a source's text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SourceDates {
    pub expressions: Vec<DateMark>,
    pub suggestions: Vec<SuggestionMark>,
}

pub(crate) fn offset(n: usize) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

impl SourceDates {
    pub fn new(
        expressions: &[dossier::dates::Expression],
        suggestions: &[dossier::dating::SourceSuggestion],
    ) -> SourceDates {
        SourceDates {
            expressions: expressions
                .iter()
                .map(|e| DateMark {
                    start: offset(e.start),
                    end: offset(e.end),
                    text: e.text.clone(),
                    date: e.value.as_ref().map(Into::into),
                })
                .collect(),
            suggestions: suggestions
                .iter()
                .map(|s| SuggestionMark {
                    start: offset(s.suggestion.start),
                    end: offset(s.suggestion.end),
                    date: (&s.suggestion.date).into(),
                    score: s.suggestion.score,
                })
                .collect(),
        }
    }
}

/// Whether a search hit is a source or an excerpt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Source,
    Excerpt,
}

impl From<dossier::search::HitKind> for HitKind {
    fn from(k: dossier::search::HitKind) -> HitKind {
        use dossier::search::HitKind as K;
        match k {
            K::Source => HitKind::Source,
            K::Excerpt => HitKind::Excerpt,
        }
    }
}

/// One search hit. Offsets are UTF-8 byte offsets: `highlights` in `snippet`, `range` in the
/// field's own text (a source's `text`: where the reader jumps).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: String,
    /// The source the hit is, or is from: hits come grouped by it.
    pub source: String,
    pub title: String,
    pub score: f64,
    pub field: String,
    pub snippet: String,
    pub highlights: Vec<[u32; 2]>,
    pub range: [u32; 2],
}

/// A search's best hits, how many items match in all, and what was repaired in the query.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SearchView {
    pub hits: Vec<SearchHit>,
    pub total: u32,
    pub warnings: Vec<String>,
}

impl From<dossier::search::Results> for SearchView {
    fn from(r: dossier::search::Results) -> SearchView {
        let pair = |[a, b]: [usize; 2]| [offset(a), offset(b)];
        SearchView {
            hits: r
                .hits
                .into_iter()
                .map(|h| SearchHit {
                    kind: h.kind.into(),
                    id: h.id.to_string(),
                    source: h.source.to_string(),
                    title: h.title,
                    score: f64::from(h.score),
                    field: h.field.to_string(),
                    snippet: h.snippet,
                    highlights: h.highlights.into_iter().map(pair).collect(),
                    range: pair(h.range),
                })
                .collect(),
            total: offset(r.total),
            warnings: r.warnings,
        }
    }
}
