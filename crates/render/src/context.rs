//! The template context: everything a template may read, as one documented, versioned value
//! (`docs/templates.md`). Built by a pure function; no clock, no environment, no files.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use dossier_chronology::{Chronology, Dependence};
use dossier_model::{
    Bound, Briefing, Edtf, Excerpt, Marking, PageStyle, ProjectConfig, Relation, Reliability,
    Scheme, Source,
};
use serde::Serialize;

use crate::lint::{self, Warning};
use crate::template::{CitationStyle, Manifest};
use crate::{Portion, TemplateError, cite};

/// The version of the context schema. Bumped when a field is renamed or removed.
pub const SCHEMA_VERSION: u32 = 1;

/// What a briefing is rendered from. The caller loads it; `generated_at` is passed in.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub config: &'a ProjectConfig,
    pub briefing: &'a Briefing,
    pub sources: &'a [&'a Source],
    pub excerpts: &'a [&'a Excerpt],
    pub chronology: &'a Chronology,
    pub generated_at: DateTime<Utc>,
    /// The lines of the briefing's file before its body (the front matter and its fences), so
    /// that every message names the file's own lines; 0 for a text that is only a body.
    pub body_line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Context {
    pub schema: u32,
    /// RFC 3339, UTC, to the second.
    pub generated_at: String,
    /// The same instant as a reader says it: "7 December 2024".
    pub generated_date: String,
    pub project: ProjectInfo,
    pub template: TemplateInfo,
    pub briefing: BriefingInfo,
    pub marking: MarkingInfo,
    pub chronology: ChronologyInfo,
    /// Every source an excerpt of this project comes from, in id order.
    pub sources: Vec<SourceInfo>,
    /// The page style of the template (`[page]`), for templates that mention it.
    pub style: PageStyle,
    /// Tradecraft and citation warnings found while building; not shown to templates.
    #[serde(skip)]
    pub warnings: Vec<Warning>,
    /// Every excerpt's note by id, for citations resolved while rendering.
    #[serde(skip)]
    pub(crate) notes: Arc<cite::Notes>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectInfo {
    pub title: String,
    pub author: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TemplateInfo {
    pub name: String,
    pub version: String,
    pub citation_style: CitationStyle,
}

#[derive(Debug, Clone, Serialize)]
pub struct BriefingInfo {
    pub name: String,
    pub title: String,
    pub author: String,
    /// The chronology's date filter as EDTF, empty when open.
    pub from: String,
    pub to: String,
    pub tags: Vec<String>,
    /// The section headed `BLUF` (or `Bottom line`), if any.
    pub bluf: Option<SectionInfo>,
    /// One item per list item of the `Key judgments` section.
    pub key_judgments: Vec<Judgment>,
    /// Every `##` section in order, BLUF and key judgments included.
    pub sections: Vec<SectionInfo>,
    /// The sections that are neither BLUF nor key judgments (Discussion, Outlook …).
    pub discussion: Vec<SectionInfo>,
    /// The classification authority block, from the front matter; empty strings when absent.
    pub authority: AuthorityInfo,
}

/// Who classified a briefing, from what, and when it is declassified.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AuthorityInfo {
    pub classified_by: String,
    pub derived_from: String,
    pub declassify_on: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionInfo {
    pub heading: String,
    /// `bluf`, `key_judgments` or `other`.
    pub kind: &'static str,
    /// The section's Markdown with the analyst's `[@id]` citations; pass it through `|cite`.
    pub markdown: String,
    pub paragraphs: Vec<Paragraph>,
    /// The highest portion mark of its paragraphs, e.g. `(S)`; empty without markings.
    pub portion: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// The portion mark, e.g. `(U)`; empty without markings.
    pub portion: String,
    /// The Markdown, without a leading portion mark the analyst wrote.
    pub markdown: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Judgment {
    pub portion: String,
    pub markdown: String,
    /// The excerpts it cites, in order.
    pub excerpts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MarkingInfo {
    /// `classification`, `tlp`, or none.
    pub scheme: Option<Scheme>,
    /// The highest portion present: `SECRET`, `TLP:AMBER`; empty without markings.
    pub banner: String,
    /// The project's default marking (`U`), empty when it has none.
    pub default: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChronologyInfo {
    pub entries: Vec<EntryInfo>,
    pub conflicts: Vec<ConflictInfo>,
    /// Excerpts without an event date.
    pub undated: Vec<ExcerptInfo>,
    /// "June 2015 – December 2024", empty without entries.
    pub period: String,
    /// How many reports (citations) the entries have.
    pub reports: usize,
    /// The organisations those reports first came from, most reports first: what the
    /// briefing's corroboration rests on (five reports relayed from one agency are one origin).
    pub origins: Vec<OriginInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OriginInfo {
    pub name: String,
    /// How many of the chronology's reports come from it.
    pub reports: usize,
    /// The outlets other than itself that carried those reports, in order of first citation.
    pub relayed_by: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryInfo {
    /// EDTF: `2015-06-02`, `2015-06`, `2011~`.
    pub date: String,
    pub date_human: String,
    /// "June 2015 (day not known)": the heading of the entries of a month whose day is not
    /// known, which come first in their month; empty for an entry dated to a day.
    pub group: String,
    pub summary: String,
    pub portion: String,
    /// `single`, `reprint`, `same-story` or `independent`.
    pub dependence: Dependence,
    /// What the citations are worth together: "1 source", "2 independent sources", "2
    /// reports, 1 origin: IRNA", …
    pub support: String,
    /// The organisations that first reported what the citations say.
    pub origins: Vec<String>,
    pub excerpts: Vec<ExcerptInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConflictInfo {
    /// `figures` or `dates`.
    pub kind: String,
    pub detail: String,
    pub excerpts: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExcerptInfo {
    pub id: String,
    pub quote: String,
    pub summary: String,
    pub translation: String,
    pub date: String,
    pub date_human: String,
    pub credibility: u8,
    pub credibility_description: &'static str,
    /// Reliability letter and credibility number: `C3`.
    pub grade: String,
    pub portion: String,
    pub source: String,
    pub outlet: String,
    /// "Reuters report quoted by The American Interest, June 2015; reliability C".
    pub descriptor: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub published: String,
    pub published_human: String,
    pub reliability: String,
    pub reliability_description: &'static str,
    pub descriptor: String,
    /// `Outlet, date`.
    pub short: String,
    /// Who originally reported what this source relays ("Reuters (quoted)").
    pub attribution: Vec<String>,
    /// The outlet this source reprints, if any.
    pub reprint_of: String,
    /// How many excerpts of this briefing's chronology it supplies.
    pub excerpts: usize,
}

impl Context {
    /// Builds the context of `inputs` for a template with `manifest`.
    ///
    /// Fails when the template requires markings and a portion is unmarked with no project
    /// default, when a portion is of the other marking scheme, or when a required section or
    /// field is missing.
    pub fn build(inputs: Inputs<'_>, manifest: &Manifest) -> Result<Context, TemplateError> {
        let Inputs {
            config,
            briefing,
            sources,
            excerpts,
            chronology,
            generated_at,
            body_line,
        } = inputs;
        check_required(briefing, manifest)?;
        let by_source: BTreeMap<&str, &Source> =
            sources.iter().map(|s| (s.id.as_str(), *s)).collect();
        let by_excerpt: HashMap<&str, &Excerpt> =
            excerpts.iter().map(|e| (e.id.as_str(), *e)).collect();
        let mut marks = Marks::new(manifest, config.classification);
        // What every excerpt of a source repeats, formatted once per source.
        let per_source: BTreeMap<&str, PerSource> = sources
            .iter()
            .map(|s| (s.id.as_str(), PerSource::new(s, &by_source)))
            .collect();

        let excerpt_info = |e: &Excerpt, marks: &mut Marks| -> ExcerptInfo {
            let src = per_source.get(e.source.as_str());
            let reliability = src.map(|s| s.reliability).unwrap_or_default();
            let date = e.event_date();
            ExcerptInfo {
                id: e.id.to_string(),
                quote: e.quote.clone(),
                summary: e.headline(),
                translation: e.translation.clone().unwrap_or_default(),
                date: date.map(|d| d.to_string()).unwrap_or_default(),
                date_human: date.map(|d| d.human()).unwrap_or_default(),
                credibility: e.credibility.number(),
                credibility_description: e.credibility.description(),
                grade: format!("{}{}", reliability.letter(), e.credibility.number()),
                portion: marks.portion(e.portion, || Portion {
                    file: format!("excerpts/{}.toml", e.id),
                    line: None,
                    what: format!("excerpt {}", e.id),
                }),
                source: e.source.to_string(),
                outlet: src.map(|s| s.outlet.clone()).unwrap_or_default(),
                descriptor: src
                    .map(|s| s.descriptor.clone())
                    .unwrap_or_else(|| format!("unknown source {}", e.source)),
            }
        };

        let mut entries = Vec::with_capacity(chronology.entries.len());
        for entry in &chronology.entries {
            let ex: Vec<ExcerptInfo> = entry
                .excerpts
                .iter()
                .filter_map(|id| by_excerpt.get(id.as_str()))
                .map(|e| excerpt_info(e, &mut marks))
                .collect();
            let portion = marks.highest(ex.iter().map(|e| e.portion.as_str()));
            entries.push(EntryInfo {
                date: entry.date.to_string(),
                date_human: entry.date_human.clone(),
                group: entry.group.clone(),
                summary: entry.summary.clone(),
                portion,
                dependence: entry.dependence,
                support: support(entry),
                origins: entry.origins.clone(),
                excerpts: ex,
            });
        }
        let undated: Vec<ExcerptInfo> = chronology
            .undated
            .iter()
            .filter_map(|id| by_excerpt.get(id.as_str()))
            .map(|e| excerpt_info(e, &mut marks))
            .collect();

        let sections: Vec<SectionInfo> = briefing
            .sections()
            .into_iter()
            .map(|s| section_info(s, briefing, body_line, &by_excerpt, &mut marks))
            .collect();
        let bluf = sections.iter().find(|s| s.kind == "bluf").cloned();
        let key_judgments = sections
            .iter()
            .find(|s| s.kind == "key_judgments")
            .map(|s| judgments(&s.paragraphs))
            .unwrap_or_default();
        let discussion = sections
            .iter()
            .filter(|s| s.kind == "other")
            .cloned()
            .collect();

        let mut cited: BTreeMap<&str, usize> = BTreeMap::new();
        for e in entries.iter().flat_map(|e| &e.excerpts) {
            *cited.entry(e.source.as_str()).or_default() += 1;
        }
        let source_info = sources
            .iter()
            .map(|s| SourceInfo {
                id: s.id.to_string(),
                title: s.title_or_file().to_string(),
                outlet: outlet(s),
                author: s
                    .author
                    .as_ref()
                    .map(|a| a.value.clone())
                    .unwrap_or_default(),
                url: s.url.as_ref().map(|a| a.value.clone()).unwrap_or_default(),
                published: s
                    .published_date()
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                published_human: published_human(s),
                reliability: s.reliability.to_string(),
                reliability_description: s.reliability.description(),
                descriptor: descriptor(s, &by_source),
                short: short(s),
                attribution: s
                    .attribution
                    .iter()
                    .map(|a| format!("{} ({})", a.reporter, relation_word(a.relation)))
                    .collect(),
                reprint_of: s
                    .reprint_of
                    .as_ref()
                    .and_then(|id| by_source.get(id.as_str()))
                    .map(|o| outlet(o))
                    .unwrap_or_default(),
                excerpts: cited.get(s.id.as_str()).copied().unwrap_or(0),
            })
            .collect();

        let notes = excerpts
            .iter()
            .map(|e| {
                let note = per_source
                    .get(e.source.as_str())
                    .map_or_else(|| cite::Note::unknown(e), |s| s.note.note(e));
                (e.id.to_string(), note)
            })
            .collect();

        let banner = marks.banner(briefing.meta.classification)?;
        let period = period(chronology);
        let origins = origin_summary(chronology, |id| {
            let e = by_excerpt.get(id.as_str())?;
            by_source.get(e.source.as_str())?.outlet_name()
        });
        let reports = chronology.entries.iter().map(|e| e.excerpts.len()).sum();
        let mut warnings = lint::check(briefing, body_line);
        warnings.extend(cite::unknown_citations(briefing, &by_excerpt, body_line));
        warnings.extend(unrendered_sections(briefing, manifest, body_line));
        let cited_origin: HashMap<&str, (&str, &str)> = chronology
            .entries
            .iter()
            .flat_map(|e| e.excerpts.iter().zip(&e.origin_of))
            .filter_map(|(id, origin)| {
                let source = by_excerpt.get(id.as_str())?.source.as_str();
                Some((id.as_str(), (origin.as_str(), source)))
            })
            .collect();
        warnings.extend(lint::shared_origins(briefing, body_line, |id| {
            cited_origin.get(id).copied()
        }));
        let classified = !matches!(
            banner.as_str(),
            "" | "UNCLASSIFIED"
                | "CUI"
                | "TLP:CLEAR"
                | "TLP:GREEN"
                | "TLP:AMBER"
                | "TLP:AMBER+STRICT"
                | "TLP:RED"
        );
        if manifest.authority && classified && briefing.meta.classified_by.trim().is_empty() {
            warnings.push(Warning {
                kind: "authority-missing",
                line: Some(1),
                message: format!(
                    "the briefing is {banner} but names no classification authority: add \
                     classified_by, derived_from and declassify_on to its front matter"
                ),
                range: None,
            });
        }

        Ok(Context {
            schema: SCHEMA_VERSION,
            generated_at: generated_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            generated_date: generated_at.format("%-d %B %Y").to_string(),
            project: ProjectInfo {
                title: config.title.clone(),
                author: config.author.clone(),
            },
            template: TemplateInfo {
                name: manifest.name.clone(),
                version: manifest.version.clone(),
                citation_style: manifest.citation_style,
            },
            briefing: BriefingInfo {
                name: briefing.name.clone(),
                title: briefing.meta.title.clone(),
                author: if briefing.meta.author.is_empty() {
                    config.author.clone()
                } else {
                    briefing.meta.author.clone()
                },
                from: briefing
                    .meta
                    .from
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                to: briefing.meta.to.map(|d| d.to_string()).unwrap_or_default(),
                tags: briefing.meta.tags.iter().map(|t| t.to_string()).collect(),
                bluf,
                key_judgments,
                sections,
                discussion,
                authority: AuthorityInfo {
                    classified_by: briefing.meta.classified_by.clone(),
                    derived_from: briefing.meta.derived_from.clone(),
                    declassify_on: briefing.meta.declassify_on.clone(),
                },
            },
            marking: MarkingInfo {
                scheme: manifest.markings,
                banner,
                default: config
                    .classification
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            },
            chronology: ChronologyInfo {
                entries,
                conflicts: chronology
                    .conflicts
                    .iter()
                    .map(|c| ConflictInfo {
                        kind: format!("{:?}", c.kind).to_lowercase(),
                        detail: c.detail.clone(),
                        excerpts: c.excerpts.iter().map(|i| i.to_string()).collect(),
                    })
                    .collect(),
                undated,
                period,
                reports,
                origins,
            },
            sources: source_info,
            style: manifest.page.clone(),
            warnings,
            notes: Arc::new(notes),
        })
    }
}

/// The strings every excerpt of one source repeats.
struct PerSource {
    reliability: Reliability,
    outlet: String,
    descriptor: String,
    note: cite::SourceNote,
}

impl PerSource {
    fn new(s: &Source, by_source: &BTreeMap<&str, &Source>) -> PerSource {
        PerSource {
            reliability: s.reliability,
            outlet: outlet(s),
            descriptor: descriptor(s, by_source),
            note: cite::SourceNote::new(s, by_source),
        }
    }
}

fn check_required(briefing: &Briefing, manifest: &Manifest) -> Result<(), TemplateError> {
    let file = format!("briefings/{}.md", briefing.name);
    for want in &manifest.required_sections {
        if briefing.section(want).is_none() {
            return Err(TemplateError::MissingSection {
                file,
                section: want.clone(),
                template: manifest.name.clone(),
            });
        }
    }
    for field in &manifest.required_fields {
        let empty = match field.as_str() {
            "title" => briefing.meta.title.trim().is_empty(),
            "author" => briefing.meta.author.trim().is_empty(),
            "classification" => briefing.meta.classification.is_none(),
            _ => false,
        };
        if empty {
            return Err(TemplateError::MissingField {
                file,
                field: field.clone(),
                template: manifest.name.clone(),
            });
        }
    }
    Ok(())
}

/// A warning for each section of the briefing the template does not write.
fn unrendered_sections(briefing: &Briefing, manifest: &Manifest, body_line: usize) -> Vec<Warning> {
    let named: Vec<&str> = manifest
        .sections
        .iter()
        .map(String::as_str)
        .filter(|s| *s != crate::template::EVERY_SECTION)
        .collect();
    briefing
        .sections()
        .into_iter()
        .filter(|s| !manifest.renders_section(&s.heading))
        .map(|s| {
            let instead = if named.is_empty() {
                String::new()
            } else {
                format!(
                    ", or move its text into a section it writes ({})",
                    named.join(", ")
                )
            };
            Warning {
                kind: "section-not-rendered",
                line: Some(body_line + s.line),
                message: format!(
                    "template {} does not write the section \"{}\", so it will not appear: render \
                     with a template that does (intsum writes every section){instead}",
                    manifest.name, s.heading,
                ),
                range: briefing
                    .body
                    .lines()
                    .nth(s.line.saturating_sub(1))
                    .map(|l| lint::range_in(&briefing.body, l)),
            }
        })
        .collect()
}

fn section_kind(heading: &str) -> &'static str {
    let h = heading.to_lowercase();
    match h.as_str() {
        "bluf" | "bottom line" | "bottom line up front" => "bluf",
        "key judgments" | "key judgements" => "key_judgments",
        _ => "other",
    }
}

fn section_info(
    s: dossier_model::Section,
    briefing: &Briefing,
    body_line: usize,
    by_excerpt: &HashMap<&str, &Excerpt>,
    marks: &mut Marks,
) -> SectionInfo {
    let kind = section_kind(&s.heading);
    // The section's Markdown is trimmed: the blank lines after the heading are not in it.
    let blank = briefing
        .body
        .lines()
        .skip(s.line)
        .take_while(|l| l.trim().is_empty())
        .count();
    let first_line = body_line + s.line + blank + 1;
    let paragraphs: Vec<Paragraph> = blocks(&s.markdown, kind == "key_judgments")
        .into_iter()
        .enumerate()
        .map(|(i, (text, line))| {
            let (explicit, body) = leading_mark(&text);
            let cited = cite::ids(body)
                .into_iter()
                .filter_map(|id| by_excerpt.get(id.as_str()).and_then(|e| e.portion));
            let mark = explicit
                .into_iter()
                .chain(cited)
                .reduce(|a, b| a.max_with(b).unwrap_or(a));
            let label = || Portion {
                file: format!("briefings/{}.md", briefing.name),
                line: Some(first_line + line),
                what: format!("{} paragraph {}", s.heading, i + 1),
            };
            Paragraph {
                portion: marks.portion(mark, label),
                markdown: inert_after_mark(body),
            }
        })
        .collect();
    let portion = marks.highest(paragraphs.iter().map(|p| p.portion.as_str()));
    SectionInfo {
        heading: s.heading,
        kind,
        markdown: dossier_markdown::inert(&s.markdown).into_owned(),
        paragraphs,
        portion,
    }
}

/// A paragraph made inert as templates place it: after its portion mark, on the same line,
/// where a code block is no longer code, so its `<` must be escaped too.
fn inert_after_mark(body: &str) -> String {
    const MARK: &str = "(U) ";
    dossier_markdown::inert(&format!("{MARK}{body}"))[MARK.len()..].to_string()
}

/// Splits Markdown into blocks at blank lines (list items too, when `items`), outside fences.
/// Each block comes with its 0-based line in `md`.
fn blocks(md: &str, items: bool) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut fence = false;
    for (i, line) in md.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        let new_item = items && !fence && is_list_item(line);
        if (!fence && t.is_empty()) || new_item {
            if !cur.trim().is_empty() {
                out.push((cur.trim().to_string(), start));
            }
            cur.clear();
            if t.is_empty() {
                continue;
            }
        }
        if cur.is_empty() {
            start = i;
        }
        let line = if new_item { strip_item(line) } else { line };
        cur.push_str(line);
        cur.push('\n');
    }
    if !cur.trim().is_empty() {
        out.push((cur.trim().to_string(), start));
    }
    out
}

fn is_list_item(line: &str) -> bool {
    let b = line.as_bytes();
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return true;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && matches!(b.get(digits), Some(b'.' | b')')) && b.get(digits + 1) == Some(&b' ')
}

fn strip_item(line: &str) -> &str {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line[digits..]
        .trim_start_matches(['-', '*', '+', '.', ')'])
        .trim_start()
}

/// A portion mark the analyst wrote at the start of a paragraph: `(S) Iran …`.
fn leading_mark(text: &str) -> (Option<Marking>, &str) {
    if let Some(rest) = text.strip_prefix('(')
        && let Some(end) = rest.find(')')
        && let Ok(m) = rest[..end].parse::<Marking>()
    {
        return (Some(m), rest[end + 1..].trim_start());
    }
    (None, text)
}

fn judgments(paragraphs: &[Paragraph]) -> Vec<Judgment> {
    paragraphs
        .iter()
        .map(|p| Judgment {
            portion: p.portion.clone(),
            markdown: p.markdown.clone(),
            excerpts: cite::ids(&p.markdown),
        })
        .collect()
}

/// Portion marks as the template's scheme wants them, collecting what is unmarked.
struct Marks {
    scheme: Option<Scheme>,
    require: bool,
    default: Option<Marking>,
    highest: Option<Marking>,
    unmarked: Vec<Portion>,
    foreign: Vec<String>,
}

impl Marks {
    fn new(manifest: &Manifest, default: Option<Marking>) -> Marks {
        Marks {
            scheme: manifest.markings,
            require: manifest.require_markings,
            default: default.filter(|d| Some(d.scheme()) == manifest.markings),
            highest: None,
            unmarked: Vec::new(),
            foreign: Vec::new(),
        }
    }

    /// The portion mark text for a portion marked `m` (or the default), e.g. `(U)`.
    fn portion(&mut self, m: Option<Marking>, label: impl FnOnce() -> Portion) -> String {
        let Some(scheme) = self.scheme else {
            return String::new();
        };
        let m = match m.or(self.default) {
            Some(m) if m.scheme() == scheme => m,
            Some(m) => {
                self.foreign.push(format!("{} (marked {m})", label()));
                return String::new();
            }
            None => {
                self.unmarked.push(label());
                return String::new();
            }
        };
        self.highest = Some(self.highest.map_or(m, |h| h.max_with(m).unwrap_or(h)));
        format!("({m})")
    }

    fn highest<'a>(&self, portions: impl Iterator<Item = &'a str>) -> String {
        portions
            .filter_map(|p| p.trim_matches(['(', ')']).parse::<Marking>().ok())
            .reduce(|a, b| a.max_with(b).unwrap_or(a))
            .map(|m| format!("({m})"))
            .unwrap_or_default()
    }

    fn banner(&mut self, floor: Option<Marking>) -> Result<String, TemplateError> {
        if self.scheme.is_none() {
            return Ok(String::new());
        }
        if !self.foreign.is_empty() {
            return Err(TemplateError::ForeignMarkings {
                scheme: self.scheme.expect("checked"),
                portions: std::mem::take(&mut self.foreign),
            });
        }
        if self.require && !self.unmarked.is_empty() {
            return Err(TemplateError::Unmarked {
                scheme: self.scheme.expect("checked"),
                portions: std::mem::take(&mut self.unmarked),
            });
        }
        let floor = floor.filter(|f| Some(f.scheme()) == self.scheme);
        let top = match (self.highest, floor) {
            (Some(h), Some(f)) => h.max_with(f),
            (h, f) => h.or(f),
        };
        Ok(top.map(|m| m.banner().to_string()).unwrap_or_default())
    }
}

/// From the earliest start to the latest end of the entries: "c. 2021 – 8 April 2026".
fn period(chronology: &Chronology) -> String {
    let Some(first) = chronology.entries.first() else {
        return String::new();
    };
    // Entries are sorted by start; the latest end may belong to any of them.
    let last = chronology
        .entries
        .iter()
        .max_by_key(|e| e.date.sort_key().1)
        .expect("not empty");
    let start = match first.date {
        Edtf::Single(d) => Bound::Date(d),
        Edtf::Interval(a, _) => a,
    };
    let end = match last.date {
        Edtf::Single(d) => Bound::Date(d),
        Edtf::Interval(_, b) => b,
    };
    if start == end {
        return first.date_human.clone();
    }
    Edtf::interval(start, end)
        .map(|d| d.human())
        .unwrap_or_else(|| format!("{} – {}", first.date_human, last.date_human))
}

fn support(e: &dossier_chronology::Entry) -> String {
    let sources = e.sources.len();
    let reports = e.excerpts.len();
    match e.dependence {
        Dependence::Single => "1 source".into(),
        // Several passages of one article: one source, whatever its origin.
        Dependence::Reprint | Dependence::SameStory if sources == 1 => format!(
            "{reports} passages of 1 source: {}",
            e.origins.first().map_or("", String::as_str)
        ),
        Dependence::Reprint => format!("{sources} sources, one reprinting another"),
        Dependence::SameStory => format!(
            "{reports} reports, 1 origin: {}",
            e.origins.first().map_or("", String::as_str)
        ),
        Dependence::Independent if e.origin_count == sources => {
            format!("{sources} independent sources")
        }
        Dependence::Independent => format!(
            "{reports} reports, {} independent origins: {}",
            e.origin_count,
            e.origins.join(", ")
        ),
    }
}

/// The chronology's origins, most reports first (then by name), each with the outlets that
/// relayed it.
/// `carrier` names the known outlet of the source an excerpt cites (never a title: a source of
/// unknown outlet is not named as a relay).
fn origin_summary<'a>(
    chronology: &'a Chronology,
    carrier: impl Fn(&dossier_model::Id) -> Option<&'a str>,
) -> Vec<OriginInfo> {
    let mut by_name: BTreeMap<&str, OriginInfo> = BTreeMap::new();
    for entry in &chronology.entries {
        for (origin, id) in entry.origin_of.iter().zip(&entry.excerpts) {
            let o = by_name.entry(origin).or_insert_with(|| OriginInfo {
                name: origin.clone(),
                reports: 0,
                relayed_by: Vec::new(),
            });
            o.reports += 1;
            let Some(outlet) = carrier(id) else {
                continue;
            };
            if dossier_model::outlet::key(outlet) != dossier_model::outlet::key(origin)
                && !o.relayed_by.iter().any(|r| r == outlet)
            {
                o.relayed_by.push(outlet.to_string());
            }
        }
    }
    let mut out: Vec<OriginInfo> = by_name.into_values().collect();
    out.sort_by(|a, b| b.reports.cmp(&a.reports).then_with(|| a.name.cmp(&b.name)));
    out
}

pub(crate) fn outlet(s: &Source) -> String {
    s.outlet_name().unwrap_or(s.title_or_file()).to_string()
}

pub(crate) fn published_human(s: &Source) -> String {
    s.published_date()
        .map(|d| d.human())
        .unwrap_or_else(|| "undated".into())
}

fn relation_word(r: Relation) -> &'static str {
    match r {
        Relation::Reprint => "reprinted",
        Relation::Via => "relayed",
        Relation::Quoted => "quoted",
        Relation::Told => "told",
    }
}

/// "Reuters report quoted by The American Interest, June 2015; reliability C".
pub(crate) fn descriptor(s: &Source, by_source: &BTreeMap<&str, &Source>) -> String {
    let outlet = outlet(s);
    // An outlet does not relay itself (files imported before the importer knew that).
    let own = dossier_model::outlet::key(&outlet);
    let first = s.attribution.iter().find(|a| {
        // "told Tidewire" in Tidewire Shipping News is its own short name.
        let k = dossier_model::outlet::key(&a.reporter);
        k != own && !own.starts_with(&format!("{k} ")) && !own.ends_with(&format!(" {k}"))
    });
    let chain = if let Some(a) = first {
        match a.relation {
            Relation::Quoted => format!("{} report quoted by {outlet}", a.reporter),
            Relation::Via => format!("{} report via {outlet}", a.reporter),
            Relation::Reprint => format!("{} article reprinted by {outlet}", a.reporter),
            Relation::Told => format!("Statement to {} reported by {outlet}", a.reporter),
        }
    } else if let Some(orig) = s
        .reprint_of
        .as_ref()
        .and_then(|id| by_source.get(id.as_str()))
    {
        format!("{} article reprinted by {outlet}", self::outlet(orig))
    } else {
        format!("{outlet} report")
    };
    format!(
        "{chain}, {}; reliability {}",
        published_human(s),
        s.reliability
    )
}

/// "The American Interest, June 2015".
pub(crate) fn short(s: &Source) -> String {
    format!("{}, {}", outlet(s), published_human(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chronology(dates: &[&str]) -> Chronology {
        let entries = dates
            .iter()
            .map(|d| {
                let date: Edtf = d.parse().unwrap();
                dossier_chronology::Entry {
                    date,
                    date_human: date.human(),
                    summary: String::new(),
                    excerpts: Vec::new(),
                    sources: Vec::new(),
                    dependence: Dependence::Single,
                    dependence_detail: String::new(),
                    origins: Vec::new(),
                    origin_count: 1,
                    origin_of: Vec::new(),
                    grouped_by_analyst: false,
                    group: dossier_chronology::group_heading(&date),
                }
            })
            .collect();
        Chronology {
            entries,
            conflicts: Vec::new(),
            undated: Vec::new(),
            offered: Vec::new(),
        }
    }

    /// What an entry's citations are worth, in words: counted by origins, and two passages of
    /// one article never read as two reports relayed.
    #[test]
    fn support_counts_origins_and_sources() {
        let check =
            |dependence, excerpts: usize, sources: usize, origins: &[&str], expected: &str| {
                let mut e = chronology(&["2024-12-06"]).entries.remove(0);
                e.dependence = dependence;
                e.excerpts = (0..excerpts)
                    .map(|i| format!("x{i}").parse().unwrap())
                    .collect();
                e.sources = (0..sources)
                    .map(|i| format!("s{i}").parse().unwrap())
                    .collect();
                e.origins = origins.iter().map(ToString::to_string).collect();
                e.origin_count = origins.len();
                assert_eq!(support(&e), expected);
            };
        check(Dependence::Single, 1, 1, &["TNA"], "1 source");
        check(
            Dependence::SameStory,
            2,
            2,
            &["TNA"],
            "2 reports, 1 origin: TNA",
        );
        check(
            Dependence::SameStory,
            2,
            1,
            &["TNA"],
            "2 passages of 1 source: TNA",
        );
        check(
            Dependence::Independent,
            2,
            2,
            &["TNA", "AFP"],
            "2 independent sources",
        );
        check(
            Dependence::Independent,
            3,
            3,
            &["TNA", "AFP"],
            "3 reports, 2 independent origins: TNA, AFP",
        );
    }

    /// The period once read "c. 2021 – 24 March – 8 April 2026": the first entry's date and the
    /// last entry's whole range side by side.
    #[test]
    fn period_runs_from_the_earliest_start_to_the_latest_end() {
        let check =
            |dates: &[&str], expected: &str| assert_eq!(period(&chronology(dates)), expected);
        check(&[], "");
        check(&["2015-06-02"], "2 June 2015");
        check(&["2015-06-02", "2015-06-02"], "2 June 2015");
        check(
            &["2021~", "2026-03-24/2026-04-08"],
            "c. 2021 – 8 April 2026",
        );
        // Sorted by start, the widest range need not come last.
        check(
            &["2026-03-01/2026-04-30", "2026-03-10"],
            "1 March – 30 April 2026",
        );
    }
}
