// The one module that talks to the Rust side. Components import these functions and never
// call `invoke` themselves, so the IPC surface is listed in one place and typed from the
// generated bindings.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { open as openDialog } from "@tauri-apps/plugin-dialog";
import { pathPrompt } from "./pathPrompt.svelte";
import type {
  ChronologyView,
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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
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
export const initialProject = () => call<string | null>("initial_project");
export const createProject = (dir: string, title: string) =>
  call<ProjectInfo>("create_project", { dir, title });
export const openProject = (dir: string) => call<ProjectInfo>("open_project", { dir });
export const listSources = () => call<SourceRow[]>("list_sources");
export const getSource = (id: string) => call<SourceDetail>("get_source", { id });
export const importFiles = (paths: string[]) =>
  call<ImportOutcome[]>("import_files", { paths });
export const addExcerpt = (sel: NewExcerpt) => call<ExcerptView>("add_excerpt", { new: sel });
export const editExcerpt = (id: string, patch: ExcerptPatch) =>
  call<ExcerptView>("edit_excerpt", { id, patch });
export const removeExcerpt = (id: string) => call<null>("remove_excerpt", { id });
export const parseDate = (text: string) => call<DateEcho>("parse_date", { text });
export const chronology = () => call<ChronologyView>("chronology");

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
