//! The team story: two analysts share a project through git.

mod common;

use std::path::Path;
use std::process::Command;

use common::{dossier, import_text, new_project, s};

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "A")
        .env("GIT_AUTHOR_EMAIL", "a@example.org")
        .env("GIT_COMMITTER_NAME", "A")
        .env("GIT_COMMITTER_EMAIL", "a@example.org")
        .output()
        .expect("git runs")
}

#[track_caller]
fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const A: &str = "Harbour closes\n\nPort officials closed the harbour on Tuesday after a storm.\n\nTwelve ships wait outside.\n";
const B: &str = "Ferry resumes\n\nThe ferry resumed service on Friday, the operator said.\n\nNine crossings are planned.\n";

/// A project with two sources, committed; returns (tmp, origin, alice, bob).
fn shared_project() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
    String,
    String,
) {
    let (tmp, origin) = new_project();
    let a = import_text(&origin, "a.txt", A);
    let b = import_text(&origin, "b.txt", B);
    git_ok(&origin, &["init", "-q", "-b", "main"]);
    git_ok(&origin, &["add", "-A"]);
    git_ok(&origin, &["commit", "-qm", "start"]);
    let bob = tmp.path().join("bob");
    git_ok(tmp.path(), &["clone", "-q", s(&origin), s(&bob)]);
    (tmp, origin, bob, a, b)
}

#[test]
fn different_items_merge_without_conflicts() {
    let (_tmp, alice, bob, a, b) = shared_project();
    // Alice adds an excerpt and edits source A; Bob adds another excerpt and edits source B.
    dossier(&[
        "excerpt",
        "add",
        s(&alice),
        "--source",
        &a,
        "--quote",
        "closed the harbour",
        "--date",
        "2015-06-02",
    ])
    .ok();
    dossier(&["source", "edit", s(&alice), &a, "--reliability", "B"]).ok();
    git_ok(&alice, &["add", "-A"]);
    git_ok(&alice, &["commit", "-qm", "alice"]);
    dossier(&[
        "excerpt",
        "add",
        s(&bob),
        "--source",
        &b,
        "--quote",
        "resumed service",
        "--date",
        "2015-06-05",
    ])
    .ok();
    dossier(&["source", "edit", s(&bob), &b, "--published", "2015-06-06"]).ok();
    git_ok(&bob, &["add", "-A"]);
    git_ok(&bob, &["commit", "-qm", "bob"]);
    git_ok(&bob, &["pull", "-q", "--no-rebase", "origin", "main"]);
    dossier(&["validate", s(&bob)]).ok();
    let chrono = dossier(&["chronology", s(&bob), "--json"]).ok().json();
    assert_eq!(chrono["entries"].as_array().unwrap().len(), 2);
    let sources = dossier(&["sources", s(&bob), "--json"]).ok().json();
    let rel: Vec<&str> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["reliability"].as_str().unwrap())
        .collect();
    assert!(rel.contains(&"B"));
}

#[test]
fn edits_to_the_same_excerpt_conflict_and_validate_says_how_to_resolve() {
    let (_tmp, alice, bob, a, _b) = shared_project();
    let x = dossier(&[
        "excerpt",
        "add",
        s(&alice),
        "--source",
        &a,
        "--quote",
        "closed the harbour",
        "--json",
    ])
    .ok()
    .json();
    let id = x["id"].as_str().unwrap().to_string();
    git_ok(&alice, &["add", "-A"]);
    git_ok(&alice, &["commit", "-qm", "excerpt"]);
    git_ok(&bob, &["pull", "-q", "--no-rebase", "origin", "main"]);
    dossier(&[
        "excerpt",
        "edit",
        s(&alice),
        &id,
        "--summary",
        "Harbour closed by storm",
    ])
    .ok();
    git_ok(&alice, &["commit", "-qam", "alice summary"]);
    dossier(&["excerpt", "edit", s(&bob), &id, "--summary", "Port shut"]).ok();
    git_ok(&bob, &["commit", "-qam", "bob summary"]);
    let merge = git(&bob, &["pull", "-q", "--no-rebase", "origin", "main"]);
    assert!(
        !merge.status.success(),
        "the same excerpt edited twice conflicts in git"
    );
    let r = dossier(&["validate", s(&bob)]);
    assert_eq!(r.code, 1);
    let file = format!("excerpts/{id}.toml");
    assert!(
        r.stdout.contains(&file) && r.stdout.contains("git merge conflict"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("delete the three marker lines"),
        "{}",
        r.stdout
    );
}
