//! The IPC commands: thin adapters (arguments in, checked, core call, result out). Every
//! command that touches the disk or the project reaches the session only through
//! [`on_session`], which runs it on a blocking thread: the async runtime, and so the window's
//! other commands, never wait on the disk or on another command's lock.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_opener::OpenerExt;

use crate::dto::*;
use crate::error::{IpcError, IpcResult};
use crate::paths;
use crate::session::{self, Session};

/// Runs blocking work (disk, extraction) off the async runtime's threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> IpcResult<T> + Send + 'static,
) -> IpcResult<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::new("internal", format!("a background task failed: {e}")))?
}

/// Runs `f` on the app's session on a blocking thread.
async fn on_session<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&Session) -> IpcResult<T> + Send + 'static,
) -> IpcResult<T> {
    blocking(move || f(&app.state::<Session>())).await
}

#[tauri::command]
pub async fn recent_projects(app: AppHandle) -> IpcResult<Vec<RecentProject>> {
    on_session(app, |s| Ok(s.recent())).await
}

/// The demo project this build ships: in the package, `demo/` in the app's resource folder
/// (`/usr/lib/Dossier/demo`); in a checkout, `samples/demo`. Read only: the app opens a copy
/// ([`open_demo`]).
fn shipped_demo(app: &AppHandle) -> Option<PathBuf> {
    let packaged = app.path().resource_dir().ok().map(|d| d.join("demo"));
    let checkout = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../samples/demo");
    packaged
        .into_iter()
        .chain([checkout])
        .find(|d| d.join("dossier.toml").is_file())
}

/// The shipped demo project, when this build has one (the start view then offers it).
#[tauri::command]
pub async fn demo_project(app: AppHandle) -> IpcResult<Option<String>> {
    blocking(move || Ok(shipped_demo(&app).map(|p| p.display().to_string()))).await
}

/// The analyst's copy of the demo project, made on its first opening in the app's data folder
/// (`~/.local/share/org.dossier.desktop/demo`) and kept from then on with its edits; the
/// shipped demo is never written to. Returns the copy's folder, to open.
#[tauri::command]
pub async fn open_demo(app: AppHandle) -> IpcResult<String> {
    blocking(move || {
        let shipped = shipped_demo(&app).ok_or_else(|| {
            IpcError::new("not_found", "this build of Dossier has no demo project")
        })?;
        let copy = app
            .path()
            .app_data_dir()
            .map_err(|e| IpcError::new("io", format!("no folder for the app's data: {e}")))?
            .join("demo");
        let world = dossier::World::new(chrono::Utc::now);
        dossier::copy_project(&world, &shipped, &copy)?;
        Ok(copy.display().to_string())
    })
    .await
}

/// Whether the native file dialogs are replaced by a path field in the window. WebDriver cannot
/// operate GTK dialogs, so the end-to-end harness (`scripts/e2e`) sets `DOSSIER_E2E_DIALOGS=1`;
/// the path typed there goes to the same command a dialog's would.
#[tauri::command]
pub fn scripted_dialogs() -> bool {
    std::env::var_os("DOSSIER_E2E_DIALOGS").is_some_and(|v| v == "1")
}

/// The project named on the command line, if any.
#[tauri::command]
pub async fn initial_project(app: AppHandle) -> IpcResult<Option<String>> {
    on_session(app, |s| {
        Ok(s.initial.as_ref().map(|p| p.display().to_string()))
    })
    .await
}

#[tauri::command]
pub async fn create_project(app: AppHandle, dir: String, title: String) -> IpcResult<ProjectInfo> {
    on_session(app, move |session| {
        session.create(&paths::new_dir(&dir)?, &title)
    })
    .await
}

#[tauri::command]
pub async fn open_project(app: AppHandle, dir: String) -> IpcResult<ProjectInfo> {
    on_session(app, move |session| {
        session.open(&paths::existing_dir(&dir)?)
    })
    .await
}

#[tauri::command]
pub async fn list_sources(app: AppHandle) -> IpcResult<Vec<SourceRow>> {
    on_session(app, move |session| session.sources()).await
}

#[tauri::command]
pub async fn get_source(app: AppHandle, id: String) -> IpcResult<SourceDetail> {
    on_session(app, move |session| session.source(&id)).await
}

/// Imports files (a folder stands for every file below it, see `dossier::files_to_import`),
/// reporting `import-progress` as each is extracted; `cancel_import` stops it before the next
/// file, and the files not reached come back `cancelled`. One file's failure is reported in its
/// outcome and does not stop the others; a path that fails its check never reaches the core.
#[tauri::command]
pub async fn import_files(app: AppHandle, paths: Vec<String>) -> IpcResult<Vec<ImportOutcome>> {
    let emitter = app.clone();
    on_session(app, move |session| {
        let files = expand(&paths);
        let checked: Vec<PathBuf> = files.iter().filter_map(|(_, c)| c.clone().ok()).collect();
        let total = files.len().try_into().unwrap_or(u32::MAX);
        let refused = files.iter().filter(|(_, c)| c.is_err()).count();
        let progress = |done: usize, file: &Path| {
            // Progress is a courtesy to the window; a closed window must not fail the import.
            let _ = emitter.emit(
                "import-progress",
                ImportProgress {
                    done: (refused + done).try_into().unwrap_or(u32::MAX),
                    total,
                    file: file.display().to_string(),
                },
            );
        };
        let mut results = session.import_files(&checked, &progress)?.into_iter();
        Ok(files
            .into_iter()
            .map(|(file, checked)| match checked {
                Err(e) => outcome(file, Some(Err(e))),
                Ok(_) => outcome(file, results.next()),
            })
            .collect())
    })
    .await
}

/// Stops the running import before its next file (the files extracted so far are added).
#[tauri::command]
pub async fn cancel_import(app: AppHandle) -> IpcResult<()> {
    // Not through `on_session`'s queue of blocking work: the flag is all it touches.
    app.state::<Session>().cancel_import();
    Ok(())
}

/// Each raw path with its checked form; a folder is replaced by the files below it.
fn expand(raw: &[String]) -> Vec<(String, IpcResult<PathBuf>)> {
    let mut out = Vec::new();
    for r in raw {
        match paths::existing_dir(r) {
            Ok(dir) => match dossier::files_to_import(&[dir]) {
                Ok(inside) => out.extend(inside.into_iter().map(|p| {
                    let s = p.display().to_string();
                    let checked = paths::import_file(&s);
                    (s, checked)
                })),
                Err(e) => out.push((r.clone(), Err(e.into()))),
            },
            Err(_) => out.push((r.clone(), paths::import_file(r))),
        }
    }
    out
}

/// What became of `file`; `None` when a cancel stopped the import before it.
fn outcome(file: String, result: Option<IpcResult<dossier::Imported>>) -> ImportOutcome {
    let (status, id, reprint_of, error) = match result {
        Some(Ok(dossier::Imported::Imported { id })) => {
            (ImportStatus::Imported, Some(id), None, None)
        }
        Some(Ok(dossier::Imported::Duplicate { id })) => {
            (ImportStatus::Duplicate, Some(id), None, None)
        }
        Some(Ok(dossier::Imported::Reprint { id, reprint_of })) => {
            (ImportStatus::Reprint, Some(id), Some(reprint_of), None)
        }
        Some(Err(e)) => (ImportStatus::Failed, None, None, Some(e)),
        None => (ImportStatus::Cancelled, None, None, None),
    };
    ImportOutcome {
        file,
        status,
        id: id.map(|i| i.to_string()),
        reprint_of: reprint_of.map(|i| i.to_string()),
        error,
    }
}

#[tauri::command]
pub async fn add_excerpt(app: AppHandle, new: NewExcerpt) -> IpcResult<ExcerptView> {
    on_session(app, move |session| session.add_excerpt(new)).await
}

#[tauri::command]
pub async fn edit_source(
    app: AppHandle,
    id: String,
    patch: SourcePatch,
) -> IpcResult<SourceDetail> {
    on_session(app, move |session| session.edit_source(&id, patch)).await
}

#[tauri::command]
pub async fn edit_excerpt(
    app: AppHandle,
    id: String,
    patch: ExcerptPatch,
) -> IpcResult<ExcerptView> {
    on_session(app, move |session| session.edit_excerpt(&id, patch)).await
}

#[tauri::command]
pub async fn edit_attribution(
    app: AppHandle,
    id: String,
    patch: AttributionPatch,
) -> IpcResult<ExcerptView> {
    on_session(app, move |session| session.edit_attribution(&id, patch)).await
}

#[tauri::command]
pub async fn restore_attribution(
    app: AppHandle,
    id: String,
    attribution: AttributionView,
) -> IpcResult<ExcerptView> {
    on_session(app, move |session| {
        session.restore_attribution(&id, attribution)
    })
    .await
}

#[tauri::command]
pub async fn clear_attribution(app: AppHandle, id: String) -> IpcResult<ExcerptView> {
    on_session(app, move |session| session.clear_attribution(&id)).await
}

#[tauri::command]
pub async fn join_events(app: AppHandle, ids: Vec<String>) -> IpcResult<Vec<EventKey>> {
    on_session(app, move |session| session.join_events(&ids)).await
}

#[tauri::command]
pub async fn split_event(app: AppHandle, id: String) -> IpcResult<Vec<EventKey>> {
    on_session(app, move |session| session.split_event(&id)).await
}

#[tauri::command]
pub async fn set_events(app: AppHandle, keys: Vec<EventKey>) -> IpcResult<()> {
    on_session(app, move |session| session.set_events(keys)).await
}

#[tauri::command]
pub async fn remove_excerpt(app: AppHandle, id: String) -> IpcResult<()> {
    on_session(app, move |session| session.remove_excerpt(&id)).await
}

#[tauri::command]
pub fn parse_date(text: String) -> IpcResult<DateEcho> {
    session::parse_date(&text)
}

#[tauri::command]
pub async fn chronology(app: AppHandle) -> IpcResult<ChronologyView> {
    on_session(app, move |session| session.chronology()).await
}

#[tauri::command]
pub async fn reorder_excerpts(app: AppHandle, order: Vec<String>) -> IpcResult<()> {
    on_session(app, move |session| session.reorder(&order)).await
}

#[tauri::command]
pub async fn source_dates(app: AppHandle, id: String) -> IpcResult<SourceDates> {
    on_session(app, move |session| session.source_dates(&id)).await
}

/// The best sources and excerpts for a query (the README's "Searching" has the language).
#[tauri::command]
pub async fn search(app: AppHandle, query: String) -> IpcResult<SearchView> {
    on_session(app, move |session| session.search(&query)).await
}

#[tauri::command]
pub async fn get_briefing(app: AppHandle, name: String) -> IpcResult<BriefingView> {
    on_session(app, move |session| session.briefing(&name)).await
}

#[tauri::command]
pub async fn save_briefing(
    app: AppHandle,
    name: String,
    body: String,
    template: String,
) -> IpcResult<()> {
    on_session(app, move |session| {
        session.save_briefing(&name, body, template)
    })
    .await
}

#[tauri::command]
pub async fn preview_briefing(
    app: AppHandle,
    name: String,
    body: String,
    template: String,
) -> IpcResult<PreviewView> {
    on_session(app, move |session| session.preview(&name, body, template)).await
}

/// The sections of a briefing's Markdown (`dossier_markdown::sections`), for the outline: pure,
/// and independent of the template, so the outline stands while a render fails.
#[tauri::command]
pub async fn briefing_sections(body: String) -> Vec<SectionView> {
    SectionView::list(&body)
}

/// Every excerpt as a citation chip and its card show it.
#[tauri::command]
pub async fn citables(app: AppHandle) -> IpcResult<Vec<CitableView>> {
    on_session(app, |session| session.citables()).await
}

/// The excerpts matching every word typed after `[@`, most relevant first.
#[tauri::command]
pub async fn citation_candidates(app: AppHandle, query: String) -> IpcResult<Vec<CitableView>> {
    on_session(app, move |session| {
        session.citation_candidates(&query, false)
    })
    .await
}

/// The excerpts an unknown citation's id may have meant, best first (its quick fix).
#[tauri::command]
pub async fn replacement_candidates(app: AppHandle, id: String) -> IpcResult<Vec<CitableView>> {
    on_session(app, move |session| session.citation_candidates(&id, true)).await
}

/// ICD 203's terms for the editor's picker, on the scale `body` uses: pure.
#[tauri::command]
pub async fn estimative_terms(body: String) -> EstimativeView {
    EstimativeView::new(&body)
}

/// Renders the saved briefing and writes it to `path`: where the save dialog's path goes (and
/// where the end-to-end tests hand theirs, as they cannot drive the dialog).
#[tauri::command]
pub async fn export_briefing(
    app: AppHandle,
    name: String,
    template: Option<String>,
    format: ExportFormat,
    path: String,
) -> IpcResult<String> {
    on_session(app, move |session| {
        let out = paths::export_file(&path, dossier::ExportFormat::from(format).extension())?;
        session.export(&name, template.as_deref(), format, out)
    })
    .await
}

/// Opens a file this window exported with the system's default application.
#[tauri::command]
pub async fn open_export(app: AppHandle, path: String) -> IpcResult<()> {
    let opener = app.clone();
    on_session(app, move |session| {
        let file = session.exported(&path)?;
        opener
            .opener()
            .open_path(file.display().to_string(), None::<&str>)
            .map_err(|e| IpcError::new("opener", e.to_string()))
    })
    .await
}

/// Shows a file this window exported in the system's file manager.
#[tauri::command]
pub async fn reveal_export(app: AppHandle, path: String) -> IpcResult<()> {
    let opener = app.clone();
    on_session(app, move |session| {
        let file = session.exported(&path)?;
        opener
            .opener()
            .reveal_item_in_dir(file)
            .map_err(|e| IpcError::new("opener", e.to_string()))
    })
    .await
}

#[tauri::command]
pub async fn list_templates(app: AppHandle) -> IpcResult<Vec<TemplateRow>> {
    on_session(app, move |session| session.templates()).await
}

#[tauri::command]
pub async fn get_template(app: AppHandle, name: String) -> IpcResult<TemplateDetail> {
    on_session(app, move |session| session.template(&name)).await
}

#[tauri::command]
pub async fn duplicate_template(
    app: AppHandle,
    from: String,
    name: String,
) -> IpcResult<TemplateDetail> {
    on_session(app, move |session| session.duplicate_template(&from, &name)).await
}

#[tauri::command]
pub async fn remove_template_copy(
    app: AppHandle,
    name: String,
    files: Vec<TemplateFile>,
) -> IpcResult<()> {
    on_session(app, move |session| {
        session.remove_template_copy(&name, files)
    })
    .await
}

#[tauri::command]
pub async fn preview_template(
    app: AppHandle,
    briefing: String,
    template: String,
) -> IpcResult<PreviewView> {
    on_session(app, move |session| {
        session.preview_template(&briefing, &template)
    })
    .await
}

#[tauri::command]
pub async fn changes_on_disk(app: AppHandle) -> IpcResult<Vec<String>> {
    on_session(app, move |session| session.changes_on_disk()).await
}

#[tauri::command]
pub async fn reload_project(app: AppHandle) -> IpcResult<ProjectInfo> {
    on_session(app, move |session| session.reload()).await
}
