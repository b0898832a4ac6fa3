// The app's commands: the one list. `build.rs` includes this file to declare each command's
// `allow-<command>` permission and to write `permissions/app.toml` (the set the capability
// grants), `lib.rs` to register the handlers and to export `COMMANDS`, from which `bindings.rs`
// writes the TypeScript `Command` type that `ui/src/lib/backend.ts` calls with. A command is
// added here and in `commands.rs`, and nowhere else on the Rust side.
//
// (Plain comments: this file is `include!`d, so it cannot carry inner doc comments.)

/// Calls the macro `$then` with every command's name.
macro_rules! app_commands {
    ($then:ident) => {
        $then! {
            recent_projects,
            demo_project,
            open_demo,
            initial_project,
            scripted_dialogs,
            create_project,
            open_project,
            list_sources,
            get_source,
            import_files,
            cancel_import,
            add_excerpt,
            edit_source,
            edit_excerpt,
            remove_excerpt,
            edit_attribution,
            restore_attribution,
            clear_attribution,
            join_events,
            split_event,
            set_events,
            parse_date,
            chronology,
            reorder_excerpts,
            source_dates,
            search,
            get_briefing,
            save_briefing,
            preview_briefing,
            briefing_sections,
            citables,
            citation_candidates,
            replacement_candidates,
            estimative_terms,
            export_briefing,
            open_export,
            reveal_export,
            list_templates,
            get_template,
            duplicate_template,
            remove_template_copy,
            preview_template,
            changes_on_disk,
            reload_project,
        }
    };
}

/// The names as a `&[&str]`.
macro_rules! command_names {
    ($($command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}
