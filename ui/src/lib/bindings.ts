// Generated from src-tauri/src/dto.rs by the bindings_are_current test; do not edit.
// Regenerate with: UPDATE_BINDINGS=1 cargo test -p dossier-desktop --test bindings

export type IpcError = { code: string, message: string, };

export type RecentProject = { path: string, title: string, };

export type ProjectInfo = { path: string, title: string, sources: number, excerpts: number, };

export type DateEcho = { value: string, human: string, };

export type Provenance = { rule: string, confidence: number, evidence: string | null, };

export type FoundText = { value: string, found: Provenance, };

export type FoundDate = { date: DateEcho, found: Provenance, };

export type SourceRow = { id: string, 
/**
 * The found title, or the id when none was found.
 */
title: string, title_found: Provenance | null, outlet: FoundText | null, author: FoundText | null, published: FoundDate | null, 
/**
 * Admiralty reliability letter, A–F.
 */
reliability: string, reliability_text: string, file_name: string, reprint_of: string | null, excerpts: number, warnings: Array<string>, };

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
credibility: number, tags: Array<string>, portion: string | null, note: string, sequence: number, };

export type NewExcerpt = { source: string, start: number, end: number, };

export type ExcerptPatch = { date?: string, reported?: string, summary?: string, credibility?: number, 
/**
 * The complete new tag list (`actor:…`, `place:…`, or a topic).
 */
tags?: Array<string>, portion?: string, note?: string, sequence?: number, };

export type SourcePatch = { title?: string, outlet?: string, author?: string, 
/**
 * EDTF, e.g. `2015-06-02` or `2015-06`.
 */
published?: string, 
/**
 * Admiralty reliability letter, A–F.
 */
reliability?: string, 
/**
 * Who found the values above when not the analyst: undoing an edit puts back each value
 * with the rule that found it and its confidence.
 */
found?: SourceFound, };

export type SourceFound = { title?: Provenance, outlet?: Provenance, author?: Provenance, published?: Provenance, };

export type ImportStatus = "imported" | "duplicate" | "reprint" | "failed";

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
year: number, month: number | null, day: number | null, summary: string, excerpts: Array<string>, 
/**
 * The quote of each excerpt, in the order of `excerpts` (shown as text).
 */
quotes: Array<string>, sources: Array<string>, 
/**
 * Every tag of the entry's excerpts, each once.
 */
tags: Array<string>, 
/**
 * `single`, `reprint`, `same-story` or `independent`.
 */
dependence: string, 
/**
 * Why the citations depend on each other; empty when single or independent.
 */
dependence_detail: string, };

export type ConflictView = { 
/**
 * `figures` or `dates`.
 */
kind: string, excerpts: Array<string>, detail: string, };

export type ChronologyView = { entries: Array<ChronologyEntry>, conflicts: Array<ConflictView>, undated: Array<string>, 
/**
 * The sources cited by `entries`, in id order.
 */
sources: Array<SourceName>, };

export type SourceName = { id: string, title: string, };

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
line: number | null, message: string, };

export type PreviewView = { html: string, style: string, warnings: Array<LintWarning>, };

export type ExportFormat = "markdown" | "pdf";

export type TemplateRow = { name: string, description: string, 
/**
 * `project`, `user` or `builtin`.
 */
origin: string, };

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
