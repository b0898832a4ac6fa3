// Generated from src-tauri/src/dto.rs by the bindings_are_current test; do not edit.
// Regenerate with: UPDATE_BINDINGS=1 cargo test -p dossier-desktop --test bindings

export type IpcError = { code: string, message: string, };

export type Reliability = "A" | "B" | "C" | "D" | "E" | "F";

export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export type Dependence = "single" | "reprint" | "same-story" | "independent";

export type ConflictKind = "figures" | "dates";

export type TemplateOrigin = "project" | "user" | "builtin";

export type RecentProject = { path: string, title: string, };

export type ProjectInfo = { path: string, title: string, sources: number, excerpts: number, };

export type DateEcho = { value: string, human: string, };

export type Provenance = { rule: string, confidence: number, evidence: string | null, };

export type FoundText = { value: string, found: Provenance, };

export type FoundDate = { date: DateEcho, found: Provenance, };

export type AttributionView = { speaker: FoundText | null, origin: FoundText | null, via: Array<FoundText>, };

export type AttributionPatch = { speaker?: string, origin?: string, via?: Array<string>, };

export type EventKey = { excerpt: string, event: string | null, };

export type SourceRow = { id: string, 
/**
 * The found title, or the id when none was found.
 */
title: string, title_found: Provenance | null, outlet: FoundText | null, author: FoundText | null, published: FoundDate | null, reliability: Reliability, reliability_text: string, file_name: string, reprint_of: string | null, excerpts: number, warnings: Array<string>, };

export type RemovedLine = { line: number, reason: string, text: string, };

export type SourceDetail = { row: SourceRow, text: string, removed: Array<RemovedLine>, excerpts: Array<ExcerptView>, };

export type ExcerptView = { id: string, source: string, quote: string, 
/**
 * UTF-8 byte range of the quote in the source's cleaned text.
 */
start: number, end: number, date: FoundDate | null, reported: DateEcho | null, summary: string, 
/**
 * Admiralty credibility, 1–6.
 */
credibility: Credibility, tags: Array<string>, portion: string | null, note: string, sequence: number, attribution: AttributionView, 
/**
 * The analyst's event key (`chronology join`/`split`); absent: grouped automatically.
 */
event: string | null, };

export type NewExcerpt = { source: string, start: number, end: number, };

export type ExcerptPatch = { date?: string, reported?: string, summary?: string, credibility?: Credibility, 
/**
 * The complete new tag list (`actor:…`, `place:…`, or a topic).
 */
tags?: Array<string>, portion?: string, note?: string, sequence?: number, };

export type SourcePatch = { title?: string, outlet?: string, author?: string, 
/**
 * EDTF, e.g. `2015-06-02` or `2015-06`.
 */
published?: string, reliability?: Reliability, 
/**
 * Who found the values above when not the analyst: undoing an edit puts back each value
 * with the rule that found it and its confidence.
 */
found?: SourceFound, };

export type SourceFound = { title?: Provenance, outlet?: Provenance, author?: Provenance, published?: Provenance, };

export type ImportStatus = "imported" | "duplicate" | "reprint" | "failed" | "cancelled";

export type ImportOutcome = { file: string, status: ImportStatus, id: string | null, reprint_of: string | null, error: IpcError | null, };

export type ImportProgress = { done: number, total: number, file: string, };

export type ChronologyEntry = { date: DateEcho, 
/**
 * The first and last day the date can mean (`YYYY-MM-DD`), for date-range filters.
 */
first_day: string, last_day: string, 
/**
 * Where the entry groups: its year, and its month and day when the date pins them.
 */
year: number, month: number | null, day: number | null, 
/**
 * For an entry whose day is not known (a month, a range of days, a circa date): the
 * heading it stands under at the start of its month, "June 2015 (day not known)"; empty
 * for an entry dated to a day (the core's `Entry::group`).
 */
group: string, summary: string, excerpts: Array<string>, 
/**
 * The quote of each excerpt, in the order of `excerpts` (shown as text).
 */
quotes: Array<string>, sources: Array<string>, 
/**
 * Every tag of the entry's excerpts, each once.
 */
tags: Array<string>, dependence: Dependence, 
/**
 * Why the citations depend on each other; empty when single or independent.
 */
dependence_detail: string, 
/**
 * The organisations that first reported it, each once.
 */
origins: Array<string>, 
/**
 * Each citation's origin, in the order of `excerpts`.
 */
origin_of: Array<string>, 
/**
 * Each citation's source, in the order of `excerpts`.
 */
source_of: Array<string>, 
/**
 * The analyst grouped it (join/split); no rule regroups it.
 */
grouped_by_analyst: boolean, };

export type ConflictView = { kind: ConflictKind, excerpts: Array<string>, detail: string, };

export type ChronologyView = { entries: Array<ChronologyEntry>, conflicts: Array<ConflictView>, undated: Array<string>, 
/**
 * The sources cited by `entries`, in id order.
 */
sources: Array<SourceName>, };

export type SourceName = { id: string, title: string, 
/**
 * Its outlet, when known: how the origin graph names it.
 */
outlet: string | null, };

export type BriefingView = { name: string, title: string, 
/**
 * The briefing's own template; empty means the project's (`project_template`).
 */
template: string, project_template: string, 
/**
 * The Markdown body: BLUF, key judgments, discussion as `##` sections.
 */
body: string, };

export type LintWarning = { kind: string, 
/**
 * 1-based line of the briefing body, when the warning is about a line.
 */
line: number | null, message: string, 
/**
 * UTF-8 byte range in the body of what it means (the sentence, the judgment, the
 * citation's id), for the editor to mark; absent for a warning about the whole briefing.
 */
start: number | null, end: number | null, };

export type JudgmentView = { 
/**
 * 1-based line in the body.
 */
line: number, citations: number, };

export type SectionView = { title: string, 
/**
 * 1 for `#`, 2 for `##` …
 */
level: number, 
/**
 * 1-based line of the heading.
 */
line: number, 
/**
 * UTF-8 byte range of the heading and its content in the body.
 */
start: number, end: number, 
/**
 * Words under the heading, citations not counted.
 */
words: number, 
/**
 * The key judgments it holds, with their support.
 */
judgments: Array<JudgmentView>, };

export type CitableView = { id: string, 
/**
 * EDTF, empty when undated.
 */
date: string, 
/**
 * "17 March 2026", empty when undated.
 */
date_human: string, outlet: string, summary: string, quote: string, tags: Array<string>, source: string, source_title: string, 
/**
 * Admiralty: the source's reliability (A–F), the excerpt's credibility (1–6).
 */
reliability: string, credibility: number, origin: string, 
/**
 * UTF-8 byte range of the quote in the source's cleaned text.
 */
start: number, end: number, };

export type LikelihoodView = { term: string, 
/**
 * "55–80%".
 */
probability: string, };

export type EstimativeView = { 
/**
 * The scale the briefing uses, lowest first.
 */
likelihood: Array<LikelihoodView>, odds: boolean, 
/**
 * "high confidence", "moderate confidence", "low confidence".
 */
confidence: Array<string>, };

export type PreviewView = { html: string, style: string, warnings: Array<LintWarning>, };

export type ExportFormat = "markdown" | "pdf";

export type TemplateRow = { name: string, description: string, origin: TemplateOrigin, };

export type TemplateFile = { path: string, text: string, };

export type TemplateDetail = { row: TemplateRow, 
/**
 * Where it lives (empty for a built-in).
 */
dir: string, files: Array<TemplateFile>, };

export type DateMark = { 
/**
 * UTF-8 byte range in the cleaned text.
 */
start: number, end: number, text: string, date: DateEcho | null, };

export type SuggestionMark = { start: number, end: number, date: DateEcho, score: number, };

export type SourceDates = { expressions: Array<DateMark>, suggestions: Array<SuggestionMark>, };

export type HitKind = "source" | "excerpt";

export type SearchHit = { kind: HitKind, id: string, 
/**
 * The source the hit is, or is from: hits come grouped by it.
 */
source: string, title: string, score: number, field: string, snippet: string, highlights: Array<[number, number]>, range: [number, number], };

export type SearchView = { hits: Array<SearchHit>, total: number, warnings: Array<string>, };

/** Every command the window may call (src-tauri/src/command_list.rs). */
export type Command = "recent_projects" | "demo_project" | "open_demo" | "initial_project" | "scripted_dialogs" | "create_project" | "open_project" | "list_sources" | "get_source" | "import_files" | "cancel_import" | "add_excerpt" | "edit_source" | "edit_excerpt" | "remove_excerpt" | "edit_attribution" | "restore_attribution" | "clear_attribution" | "join_events" | "split_event" | "set_events" | "parse_date" | "chronology" | "reorder_excerpts" | "source_dates" | "search" | "get_briefing" | "save_briefing" | "preview_briefing" | "briefing_sections" | "citables" | "citation_candidates" | "replacement_candidates" | "estimative_terms" | "export_briefing" | "open_export" | "reveal_export" | "list_templates" | "get_template" | "duplicate_template" | "remove_template_copy" | "preview_template" | "changes_on_disk" | "reload_project";
