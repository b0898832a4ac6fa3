// The one module that talks to the Rust side. Components import these functions and never
// call `invoke` themselves, so the IPC surface is listed in one place and typed from the
// generated bindings.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import { pathPrompt } from "./pathPrompt.svelte";
import type {
  AttributionPatch,
  AttributionView,
  BriefingView,
  CitableView,
  EstimativeView,
  EventKey,
  Command,
  ChronologyView,
  ExportFormat,
  PreviewView,
  SectionView,
  SourceDates,
  SearchView,
  TemplateDetail,
  TemplateFile,
  TemplateRow,
  DateEcho,
  ExcerptPatch,
  ExcerptView,
  ImportOutcome,
  ImportProgress,
  IpcError,
  NewExcerpt,
  ProjectInfo,
  RecentProject,
  SourceDetail,
  SourcePatch,
  SourceRow,
} from "./bindings";

export type * from "./bindings";

/** A failed command: `code` is stable (switch on it), `message` is for people. */
export class BackendError extends Error {
  readonly code: string;
  constructor(e: IpcError) {
    super(e.message);
    this.code = e.code;
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw new BackendError(
      isIpcError(e) ? e : { code: "internal", message: String(e) },
    );
  }
}

export const recentProjects = () => call<RecentProject[]>("recent_projects");
export const demoProject = () => call<string | null>("demo_project");
/** Copies the shipped demo into the app's data folder on first use; the copy's folder. */
export const openDemo = () => call<string>("open_demo");
export const initialProject = () => call<string | null>("initial_project");
export const createProject = (dir: string, title: string) =>
  call<ProjectInfo>("create_project", { dir, title });
export const openProject = (dir: string) => call<ProjectInfo>("open_project", { dir });
export const listSources = () => call<SourceRow[]>("list_sources");
export const getSource = (id: string) => call<SourceDetail>("get_source", { id });
/** The analyst's values for a source's details; an empty string clears one. */
export const editSource = (id: string, patch: SourcePatch) =>
  call<SourceDetail>("edit_source", { id, patch });
/** Imports files and folders (every file below a folder); `import-progress` reports each file. */
export const importFiles = (paths: string[]) =>
  call<ImportOutcome[]>("import_files", { paths });
/** Stops the running import before its next file; the files not reached come back `cancelled`. */
export const cancelImport = () => call<null>("cancel_import");
export const addExcerpt = (sel: NewExcerpt) => call<ExcerptView>("add_excerpt", { new: sel });
export const editExcerpt = (id: string, patch: ExcerptPatch) =>
  call<ExcerptView>("edit_excerpt", { id, patch });
export const removeExcerpt = (id: string) => call<null>("remove_excerpt", { id });
/** The analyst's speaker, origin or relays of an excerpt's claim (names made canonical). */
export const editAttribution = (id: string, patch: AttributionPatch) =>
  call<ExcerptView>("edit_attribution", { id, patch });
/** Puts an attribution back exactly as it was, provenance included (undo). */
export const restoreAttribution = (id: string, attribution: AttributionView) =>
  call<ExcerptView>("restore_attribution", { id, attribution });
/** Drops the analyst's attribution: the values the rules found come back. */
export const clearAttribution = (id: string) => call<ExcerptView>("clear_attribution", { id });
/** Joins the events citing these excerpts; resolves to the keys they had (for undo). */
export const joinEvents = (ids: string[]) => call<EventKey[]>("join_events", { ids });
/** Takes an excerpt out of its event; resolves to the keys they had (for undo). */
export const splitEvent = (id: string) => call<EventKey[]>("split_event", { id });
export const setEvents = (keys: EventKey[]) => call<null>("set_events", { keys });
export const parseDate = (text: string) => call<DateEcho>("parse_date", { text });
export const chronology = () => call<ChronologyView>("chronology");
/** Gives the excerpts the sequences 1, 2, 3 … in this order (a day reordered by dragging). */
export const reorderExcerpts = (order: string[]) => call<null>("reorder_excerpts", { order });
export const sourceDates = (id: string) => call<SourceDates>("source_dates", { id });
/** The best sources and excerpts for a query (the README's "Searching" has the language). */
export const search = (query: string) => call<SearchView>("search", { query });

export const getBriefing = (name: string) => call<BriefingView>("get_briefing", { name });
export const saveBriefing = (name: string, body: string, template: string) =>
  call<null>("save_briefing", { name, body, template });
export const previewBriefing = (name: string, body: string, template: string) =>
  call<PreviewView>("preview_briefing", { name, body, template });
/** The headings of a briefing's Markdown as the core finds them (for the outline). */
export const briefingSections = (body: string) => call<SectionView[]>("briefing_sections", { body });
/** Every excerpt as a citation chip and its card show it. */
export const citables = () => call<CitableView[]>("citables");
/** The excerpts matching every word typed after `[@`, most relevant first (the core ranks). */
export const citationCandidates = (query: string) => call<CitableView[]>("citation_candidates", { query });
/** The excerpts an unknown citation's id may have meant, best first. */
export const replacementCandidates = (id: string) => call<CitableView[]>("replacement_candidates", { id });
/** ICD 203's likelihood terms on the scale `body` uses, and the confidence levels. */
export const estimativeTerms = (body: string) => call<EstimativeView>("estimative_terms", { body });
/** Renders the saved briefing to `path`; returns the path written (with its extension). */
export const exportBriefing = (
  name: string,
  template: string | null,
  format: ExportFormat,
  path: string,
) => call<string>("export_briefing", { name, template, format, path });
/** Opens or reveals a file this window exported (the only files it may open). */
export const openExport = (path: string) => call<null>("open_export", { path });
export const revealExport = (path: string) => call<null>("reveal_export", { path });

export const listTemplates = () => call<TemplateRow[]>("list_templates");
export const getTemplate = (name: string) => call<TemplateDetail>("get_template", { name });
export const duplicateTemplate = (from: string, name: string) =>
  call<TemplateDetail>("duplicate_template", { from, name });
/** Undoes a duplicate: removes the project's template `name` while its files are still `files`. */
export const removeTemplateCopy = (name: string, files: TemplateFile[]) =>
  call<null>("remove_template_copy", { name, files });
export const previewTemplate = (briefing: string, template: string) =>
  call<PreviewView>("preview_template", { briefing, template });

/** Project files changed on disk since the app loaded them (a `git pull`); empty if none. */
export const changesOnDisk = () => call<string[]>("changes_on_disk");
export const reloadProject = () => call<ProjectInfo>("reload_project");

/** Files or folders dropped on the window from the desktop (the OS hands their paths over). */
export function onFilesDropped(f: (paths: string[]) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((e) => {
    if (e.payload.type === "drop" && e.payload.paths.length > 0) f(e.payload.paths);
  });
}

export function onImportProgress(f: (p: ImportProgress) => void): Promise<UnlistenFn> {
  return listen<ImportProgress>("import-progress", (e) => f(e.payload));
}

/** Whether the native dialogs are replaced by the test harness's path field; asked once. */
let scripted: Promise<boolean> | null = null;
const scriptedDialogs = () =>
  (scripted ??= call<boolean>("scripted_dialogs").catch(() => false));

/** Native folder picker; `null` when the analyst cancels. */
export async function pickFolder(title: string): Promise<string | null> {
  if (await scriptedDialogs()) return (await pathPrompt.ask(title, false))?.[0] ?? null;
  const r = await openDialog({ directory: true, multiple: false, title });
  return typeof r === "string" ? r : null;
}

/** Native file picker for sources to import. */
export async function pickFiles(): Promise<string[]> {
  if (await scriptedDialogs()) return (await pathPrompt.ask("Import sources", true)) ?? [];
  const r = await openDialog({
    multiple: true,
    title: "Import sources",
    filters: [{ name: "Sources", extensions: ["txt", "md", "markdown", "html", "htm", "pdf"] }],
  });
  return r === null ? [] : Array.isArray(r) ? r : [r];
}

/** Native save dialog for an export; `null` when the analyst cancels. */
export async function pickExportPath(format: ExportFormat, suggested: string): Promise<string | null> {
  const ext = format === "pdf" ? "pdf" : "md";
  if (await scriptedDialogs()) {
    return (await pathPrompt.ask(format === "pdf" ? "Export PDF" : "Export Markdown", false))?.[0] ?? null;
  }
  return saveDialog({
    title: format === "pdf" ? "Export PDF" : "Export Markdown",
    defaultPath: `${suggested}.${ext}`,
    filters: [{ name: format === "pdf" ? "PDF" : "Markdown", extensions: [ext] }],
  });
}
