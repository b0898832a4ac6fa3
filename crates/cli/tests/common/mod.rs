//! Shared helpers for the CLI tests: run the real `dossier` binary with a fixed clock.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixed "now" for every run: 2026-11-21T12:00:00Z.
pub const EPOCH: &str = "1795262400";

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn dossier(args: &[&str]) -> Run {
    dossier_in(None, args)
}

pub fn dossier_in(cwd: Option<&Path>, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .env_remove("CI_TRACE");
    if let Some(dir) = cwd {
        cmd.current_dir(dir);
    }
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("run dossier");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn fails(self, code: i32, needle: &str) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}: {}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", self.stdout))
    }
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A new empty project in a temp dir.
pub fn new_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("p");
    dossier(&["new", s(&dir), "--title", "Test"]).ok();
    (tmp, dir)
}

/// Every file under `dir` (relative path → bytes), skipping the `.dossier` state folder.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.file_name().is_some_and(|n| n == ".dossier") {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

/// Writes a text source file into `dir` and imports it; returns the source id.
pub fn import_text(project: &Path, name: &str, text: &str) -> String {
    let file = project.parent().unwrap().join(name);
    std::fs::write(&file, text).unwrap();
    let r = dossier(&["import", s(project), s(&file), "--json"]).ok();
    r.json()[0]["id"].as_str().expect("id").to_string()
}

/// Copies a folder tree, so that commands run on the copy and never touch the committed demo.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A new project holding the five seed articles, each with the publication date an analyst
/// sets (`SEED_PUBLISHED`); `None` (after a visible SKIPPED line) where `../shared` is absent.
/// Returns the temp dir, the project folder and the source ids in seed order.
pub fn seed_project(test: &str) -> Option<(tempfile::TempDir, PathBuf, Vec<String>)> {
    let seeds = dossier_testkit::seeds(test)?;
    let (tmp, dir) = new_project();
    let files: Vec<String> = seeds.iter().map(|(p, _)| p.display().to_string()).collect();
    let mut args = vec!["import", s(&dir)];
    args.extend(files.iter().map(String::as_str));
    args.push("--json");
    let imported = dossier(&args).ok().json();
    let ids: Vec<String> = imported
        .as_array()
        .expect("a list")
        .iter()
        .map(|l| {
            assert_eq!(l["status"], "imported", "{l}");
            l["id"].as_str().expect("an id").to_string()
        })
        .collect();
    assert_eq!(ids.len(), 5);
    for (id, (_, date)) in ids.iter().zip(dossier_testkit::SEED_PUBLISHED) {
        dossier(&["source", "edit", s(&dir), id, "--published", date]).ok();
    }
    Some((tmp, dir, ids))
}
