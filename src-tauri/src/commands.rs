//! The IPC commands: thin adapters (arguments in, checked, core call, result out). Anything
//! that touches the disk is async so that the window never waits on it.

use std::path::PathBuf;

use tauri::{AppHandle, Emitter, Manager, State};
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

#[tauri::command]
pub fn recent_projects(session: State<'_, Session>) -> Vec<RecentProject> {
    session.recent()
}

/// The demo project shipped in `samples/demo`, when this build can find it.
#[tauri::command]
pub fn demo_project() -> Option<String> {
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../samples/demo");
    demo.join("dossier.toml")
        .is_file()
        .then(|| demo.canonicalize().ok())
        .flatten()
        .map(|p| p.display().to_string())
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
pub fn initial_project(session: State<'_, Session>) -> Option<String> {
    session.initial.as_ref().map(|p| p.display().to_string())
}

#[tauri::command]
pub async fn create_project(
    session: State<'_, Session>,
    dir: String,
    title: String,
) -> IpcResult<ProjectInfo> {
    session.create(&paths::new_dir(&dir)?, &title)
}

#[tauri::command]
pub async fn open_project(session: State<'_, Session>, dir: String) -> IpcResult<ProjectInfo> {
    session.open(&paths::existing_dir(&dir)?)
}

#[tauri::command]
pub async fn list_sources(session: State<'_, Session>) -> IpcResult<Vec<SourceRow>> {
    session.sources()
}

#[tauri::command]
pub async fn get_source(session: State<'_, Session>, id: String) -> IpcResult<SourceDetail> {
    session.source(&id)
}

/// Imports files (a folder stands for the files directly in it), reporting `import-progress`
/// as each is settled. One file's failure is reported in its outcome and does not stop the
/// others; a path that fails its check never reaches the core.
#[tauri::command]
pub async fn import_files(app: AppHandle, paths: Vec<String>) -> IpcResult<Vec<ImportOutcome>> {
    blocking(move || {
        let files = expand(&paths);
        let checked: Vec<PathBuf> = files.iter().filter_map(|(_, c)| c.clone().ok()).collect();
        let total = files.len().try_into().unwrap_or(u32::MAX);
        let mut done = files.iter().filter(|(_, c)| c.is_err()).count();
        let session = app.state::<Session>();
        let mut results = session
            .import_files(&checked, |_, file| {
                done += 1;
                // Progress is a courtesy to the window; a closed window must not fail the import.
                let _ = app.emit(
                    "import-progress",
                    ImportProgress {
                        done: done.try_into().unwrap_or(u32::MAX),
                        total,
                        file: file.display().to_string(),
                    },
                );
            })?
            .into_iter();
        Ok(files
            .into_iter()
            .map(|(file, checked)| {
                let result = checked.and_then(|_| results.next().expect("one result per file"));
                outcome(file, result)
            })
            .collect())
    })
    .await
}

/// Each raw path with its checked form; folders are replaced by their visible files.
fn expand(raw: &[String]) -> Vec<(String, IpcResult<PathBuf>)> {
    let mut out = Vec::new();
    for r in raw {
        match paths::existing_dir(r) {
            Ok(dir) => {
                let mut inside: Vec<PathBuf> = std::fs::read_dir(&dir)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .filter(|p| {
                        !p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    })
                    .collect();
                inside.sort();
                for p in inside {
                    let s = p.display().to_string();
                    out.push((s.clone(), paths::import_file(&s)));
                }
            }
            Err(_) => out.push((r.clone(), paths::import_file(r))),
        }
    }
    out
}

fn outcome(file: String, result: IpcResult<dossier::Imported>) -> ImportOutcome {
    let (status, id, reprint_of, error) = match result {
        Ok(dossier::Imported::Imported { id }) => (ImportStatus::Imported, Some(id), None, None),
        Ok(dossier::Imported::Duplicate { id }) => (ImportStatus::Duplicate, Some(id), None, None),
        Ok(dossier::Imported::Reprint { id, reprint_of }) => {
            (ImportStatus::Reprint, Some(id), Some(reprint_of), None)
        }
        Err(e) => (ImportStatus::Failed, None, None, Some(e)),
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
pub async fn add_excerpt(session: State<'_, Session>, new: NewExcerpt) -> IpcResult<ExcerptView> {
    session.add_excerpt(new)
}

#[tauri::command]
pub async fn edit_source(
    session: State<'_, Session>,
    id: String,
    patch: SourcePatch,
) -> IpcResult<SourceDetail> {
    session.edit_source(&id, patch)
}

#[tauri::command]
pub async fn edit_excerpt(
    session: State<'_, Session>,
    id: String,
    patch: ExcerptPatch,
) -> IpcResult<ExcerptView> {
    session.edit_excerpt(&id, patch)
}

#[tauri::command]
pub async fn remove_excerpt(session: State<'_, Session>, id: String) -> IpcResult<()> {
    session.remove_excerpt(&id)
}

#[tauri::command]
pub fn parse_date(text: String) -> IpcResult<DateEcho> {
    session::parse_date(&text)
}

#[tauri::command]
pub async fn chronology(session: State<'_, Session>) -> IpcResult<ChronologyView> {
    session.chronology()
}

#[tauri::command]
pub async fn reorder_excerpts(session: State<'_, Session>, order: Vec<String>) -> IpcResult<()> {
    session.reorder(&order)
}

#[tauri::command]
pub async fn source_dates(session: State<'_, Session>, id: String) -> IpcResult<SourceDates> {
    session.source_dates(&id)
}

#[tauri::command]
pub async fn get_briefing(session: State<'_, Session>, name: String) -> IpcResult<BriefingView> {
    session.briefing(&name)
}

#[tauri::command]
pub async fn save_briefing(
    session: State<'_, Session>,
    name: String,
    body: String,
    template: String,
) -> IpcResult<()> {
    session.save_briefing(&name, body, template)
}

#[tauri::command]
pub async fn preview_briefing(
    session: State<'_, Session>,
    name: String,
    body: String,
    template: String,
) -> IpcResult<PreviewView> {
    session.preview(&name, body, template)
}

/// Renders the saved briefing and writes it to `path`: where the save dialog's path goes (and
/// where the end-to-end tests hand theirs, as they cannot drive the dialog).
#[tauri::command]
pub async fn export_briefing(
    session: State<'_, Session>,
    name: String,
    template: Option<String>,
    format: ExportFormat,
    path: String,
) -> IpcResult<String> {
    let out = paths::export_file(&path, dossier::ExportFormat::from(format).extension())?;
    session.export(&name, template.as_deref(), format, out)
}

/// Opens a file this window exported with the system's default application.
#[tauri::command]
pub async fn open_export(
    app: AppHandle,
    session: State<'_, Session>,
    path: String,
) -> IpcResult<()> {
    let file = session.exported(&path)?;
    app.opener()
        .open_path(file.display().to_string(), None::<&str>)
        .map_err(|e| IpcError::new("opener", e.to_string()))
}

/// Shows a file this window exported in the system's file manager.
#[tauri::command]
pub async fn reveal_export(
    app: AppHandle,
    session: State<'_, Session>,
    path: String,
) -> IpcResult<()> {
    let file = session.exported(&path)?;
    app.opener()
        .reveal_item_in_dir(file)
        .map_err(|e| IpcError::new("opener", e.to_string()))
}

#[tauri::command]
pub async fn list_templates(session: State<'_, Session>) -> IpcResult<Vec<TemplateRow>> {
    session.templates()
}

#[tauri::command]
pub async fn get_template(session: State<'_, Session>, name: String) -> IpcResult<TemplateDetail> {
    session.template(&name)
}

#[tauri::command]
pub async fn duplicate_template(
    session: State<'_, Session>,
    from: String,
    name: String,
) -> IpcResult<TemplateDetail> {
    session.duplicate_template(&from, &name)
}

#[tauri::command]
pub async fn remove_template_copy(
    session: State<'_, Session>,
    name: String,
    files: Vec<TemplateFile>,
) -> IpcResult<()> {
    session.remove_template_copy(&name, files)
}

#[tauri::command]
pub async fn preview_template(
    session: State<'_, Session>,
    briefing: String,
    template: String,
) -> IpcResult<PreviewView> {
    session.preview_template(&briefing, &template)
}

#[tauri::command]
pub async fn changes_on_disk(session: State<'_, Session>) -> IpcResult<Vec<String>> {
    session.changes_on_disk()
}

#[tauri::command]
pub async fn reload_project(session: State<'_, Session>) -> IpcResult<ProjectInfo> {
    session.reload()
}
