//! The shapes that cross IPC, shaped for the views rather than for storage. Each derives
//! `ts_rs::TS`; `bindings::typescript()` turns them into `ui/src/lib/bindings.ts`, and a test
//! fails when that file drifts. Ids, dates and grades cross as their canonical strings.

use chrono::Datelike;
use dossier::model::{Edtf, Excerpt, Found, Source};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::IpcError;

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

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FoundText {
    pub value: String,
    pub found: Provenance,
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
    /// Admiralty reliability letter, A–F.
    pub reliability: String,
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
            reliability: s.reliability.letter().to_string(),
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
    pub credibility: u8,
    pub tags: Vec<String>,
    pub portion: Option<String>,
    pub note: String,
    pub sequence: u32,
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
    #[ts(optional)]
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
    /// Admiralty reliability letter, A–F.
    #[ts(optional)]
    pub reliability: Option<String>,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportOutcome {
    pub file: String,
    pub status: ImportStatus,
    pub id: Option<String>,
    pub reprint_of: Option<String>,
    pub error: Option<IpcError>,
}

/// Sent as the `import-progress` event after each file of an import.
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
    pub summary: String,
    pub excerpts: Vec<String>,
    /// The quote of each excerpt, in the order of `excerpts` (shown as text).
    pub quotes: Vec<String>,
    pub sources: Vec<String>,
    /// Every tag of the entry's excerpts, each once.
    pub tags: Vec<String>,
    /// `single`, `reprint`, `same-story` or `independent`.
    pub dependence: String,
    /// Why the citations depend on each other; empty when single or independent.
    pub dependence_detail: String,
}

/// A source's id and the title the chronology shows for it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SourceName {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConflictView {
    /// `figures` or `dates`.
    pub kind: String,
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
                ChronologyEntry {
                    date: (&e.date).into(),
                    first_day: first.to_string(),
                    last_day: last.to_string(),
                    year: first.year(),
                    month,
                    day: (first == last).then(|| first.day()),
                    summary: e.summary.clone(),
                    excerpts: e.excerpts.iter().map(ToString::to_string).collect(),
                    quotes: excerpts.iter().map(|x| x.quote.clone()).collect(),
                    sources: e.sources.iter().map(ToString::to_string).collect(),
                    tags,
                    dependence: serde_name(&e.dependence),
                    dependence_detail: e.dependence_detail.clone(),
                }
            })
            .collect();
        ChronologyView {
            entries,
            conflicts: c
                .conflicts
                .iter()
                .map(|k| ConflictView {
                    kind: serde_name(&k.kind),
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
                })
                .collect(),
        }
    }
}

/// The serde name of a unit enum variant: the core's enums serialise to their documented
/// kebab-case names, and the UI gets exactly those.
fn serde_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
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

/// A tradecraft or citation warning on the briefing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LintWarning {
    pub kind: String,
    /// 1-based line of the briefing body, when the warning is about a line.
    pub line: Option<u32>,
    pub message: String,
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
            warnings: r
                .warnings
                .iter()
                .map(|w| LintWarning {
                    kind: w.kind.to_string(),
                    line: w.line.map(|l| l.try_into().unwrap_or(u32::MAX)),
                    message: w.message.clone(),
                })
                .collect(),
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
    /// `project`, `user` or `builtin`.
    pub origin: String,
}

impl From<&dossier::templates::Listing> for TemplateRow {
    fn from(l: &dossier::templates::Listing) -> TemplateRow {
        TemplateRow {
            name: l.name.clone(),
            description: l.description.clone(),
            origin: serde_name(&l.origin),
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
                origin: serde_name(&t.origin),
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

fn offset(n: usize) -> u32 {
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
