//! The app's command list (`src/command_list.rs`) is the one list: these tests prove that every
//! other place that names commands agrees with it, and name the command that is missing.

use std::collections::BTreeSet;
use std::path::PathBuf;

use dossier_desktop::COMMANDS;

fn read(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn listed() -> BTreeSet<String> {
    COMMANDS.iter().map(|c| c.to_string()).collect()
}

/// The command names `backend.ts` invokes: the string after each `call<…>(`.
fn called_by_backend() -> BTreeSet<String> {
    let backend = read("../ui/src/lib/backend.ts");
    backend
        .split("call<")
        .skip(1)
        .filter_map(|rest| {
            let after = &rest[rest.find(">(\"")? + 3..];
            Some(after[..after.find('"')?].to_string())
        })
        .collect()
}

#[test]
fn backend_ts_calls_every_command_and_no_other() {
    let called = called_by_backend();
    let listed = listed();
    let missing: Vec<_> = listed.difference(&called).collect();
    let unknown: Vec<_> = called.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "ui/src/lib/backend.ts has no function for {missing:?}; add one that calls it"
    );
    assert!(
        unknown.is_empty(),
        "ui/src/lib/backend.ts calls {unknown:?}, which src-tauri/src/command_list.rs does not list"
    );
}

#[test]
fn every_command_in_commands_rs_is_listed() {
    let source = read("src/commands.rs");
    let defined: BTreeSet<String> = source
        .split("#[tauri::command]")
        .skip(1)
        .filter_map(|rest| {
            let after = &rest[rest.find("fn ")? + 3..];
            Some(after[..after.find('(')?].trim().to_string())
        })
        .collect();
    let listed = listed();
    let missing: Vec<_> = defined.difference(&listed).collect();
    assert!(
        missing.is_empty(),
        "src/commands.rs defines {missing:?}, which src/command_list.rs does not list"
    );
    assert_eq!(
        defined, listed,
        "src/command_list.rs lists commands that src/commands.rs lacks"
    );
}

#[test]
fn the_capability_grants_exactly_the_listed_commands() {
    let capability = read("capabilities/default.json");
    assert!(
        capability.contains("\"allow-app-commands\""),
        "capabilities/default.json does not grant the set allow-app-commands"
    );
    let set = read("permissions/app.toml");
    let granted: BTreeSet<String> = set
        .lines()
        .filter_map(|l| l.trim().strip_prefix("\"allow-"))
        .filter_map(|l| l.strip_suffix("\","))
        .map(|l| l.replace('-', "_"))
        .collect();
    let listed = listed();
    let missing: Vec<_> = listed.difference(&granted).collect();
    assert!(
        missing.is_empty(),
        "permissions/app.toml does not allow {missing:?}; build the crate to regenerate it"
    );
    assert_eq!(granted, listed);
}

/// Regression: the commands took `State<Session>` and ran the core's blocking calls (disk,
/// extraction, the session lock) on the async runtime's threads, where one slow command stalls
/// the others. Every command now reaches the session through `on_session`, on a blocking thread.
#[test]
fn no_command_reaches_the_session_on_the_async_runtime() {
    let source = read("src/commands.rs");
    assert!(
        !source.contains("State<"),
        "a command in src/commands.rs takes State<…>: reach the session through on_session"
    );
}
