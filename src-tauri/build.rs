//! Declares the app's own commands so that each gets an `allow-<command>` permission: a command
//! missing from `capabilities/` is then refused at the IPC boundary, not merely unused.

const COMMANDS: &[&str] = &[
    "recent_projects",
    "demo_project",
    "initial_project",
    "scripted_dialogs",
    "create_project",
    "open_project",
    "list_sources",
    "get_source",
    "import_files",
    "add_excerpt",
    "edit_source",
    "edit_excerpt",
    "remove_excerpt",
    "parse_date",
    "chronology",
    "reorder_excerpts",
    "source_dates",
    "get_briefing",
    "save_briefing",
    "preview_briefing",
    "export_briefing",
    "open_export",
    "reveal_export",
    "list_templates",
    "get_template",
    "duplicate_template",
    "remove_template_copy",
    "preview_template",
    "changes_on_disk",
    "reload_project",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step failed");
}
