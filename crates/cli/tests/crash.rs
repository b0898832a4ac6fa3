//! Crash safety: the CLI killed with SIGKILL at random points during saves, 200 times. After
//! each kill the project loads, validates, and every file holds exactly an old or a new state.

#![cfg(unix)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{EPOCH, dossier, new_project, s, snapshot};

/// A small deterministic generator (no dependency, reproducible runs).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn article(i: usize) -> String {
    format!(
        "Report {i}\n\nOfficials said on Tuesday that harbour {i} had closed after the storm.\n\n{}\n",
        "More detail follows here. ".repeat(40)
    )
}

fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dossier")
}

/// Project files only (no temp files, no lock).
fn visible(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| {
            !p.file_name().unwrap().to_string_lossy().starts_with('.')
                || p == Path::new(".gitignore")
        })
        .collect()
}

#[test]
fn sigkill_during_saves_leaves_old_or_new_state() {
    let (tmp, dir) = new_project();
    let first = tmp.path().join("first.txt");
    std::fs::write(&first, article(0)).unwrap();
    dossier(&["import", s(&dir), s(&first)]).ok();
    let source = dossier(&["sources", s(&dir), "--json"]).ok().json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let x = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &source,
        "--quote",
        "harbour 0 had closed",
        "--json",
    ])
    .ok()
    .json();
    let excerpt = x["id"].as_str().unwrap().to_string();
    let mut rng = Rng(0x5eed_1234_abcd);
    let shadow_root = tempfile::tempdir().unwrap();
    for round in 0..200 {
        let summary = format!("summary number {round}");
        let note = "n".repeat(round * 600); // up to 120 KB: one argument may not exceed 128 KB
        let (mut args, dir_arg): (Vec<String>, usize) = if round % 4 == 0 {
            // Eight new files each time, so every import round writes a batch (one sync for
            // all, then the links: see `Fs::create_new_batch`).
            let batch: Vec<PathBuf> = (0..8)
                .map(|i| {
                    let f = tmp.path().join(format!("r{round}-{i}.txt"));
                    std::fs::write(&f, article(1000 * (round + 1) + i)).unwrap();
                    f
                })
                .collect();
            let args = ["import", s(&dir)].into_iter().map(String::from);
            (
                args.chain(batch.iter().map(|f| s(f).to_string())).collect(),
                1,
            )
        } else {
            let args = [
                "excerpt",
                "edit",
                s(&dir),
                &excerpt,
                "--summary",
                &summary,
                "--note",
                &note,
            ];
            (args.into_iter().map(String::from).collect(), 2)
        };
        // What a completed run produces: the same command on a copy.
        let old = visible(&dir);
        let shadow = shadow_root.path().join(format!("r{round}"));
        copy_dir(&dir, &shadow);
        args[dir_arg] = s(&shadow).to_string();
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let started = std::time::Instant::now();
        assert!(
            spawn(&argv).wait().unwrap().success(),
            "round {round}: the command works on the copy"
        );
        let took = started.elapsed().as_micros() as u64;
        let new = visible(&shadow);
        args[dir_arg] = s(&dir).to_string();
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut child = spawn(&argv);
        // Saves come at the end of a run (after start-up and loading): kill anywhere in the
        // last 40% of the time the same command took on the copy, where the writes happen.
        let at = took * 6 / 10 + rng.next() % (took * 4 / 10).max(1);
        std::thread::sleep(Duration::from_micros(at));
        let _ = child.kill();
        let _ = child.wait();
        let now = visible(&dir);
        let paths: BTreeSet<&PathBuf> = old.keys().chain(new.keys()).chain(now.keys()).collect();
        for p in paths {
            let (o, n, c) = (old.get(p), new.get(p), now.get(p));
            assert!(
                c == o || c == n,
                "round {round}: {} is neither its old nor its new state",
                p.display()
            );
        }
        let (project, problems) =
            dossier::Project::load(dossier::World::new(chrono::DateTime::UNIX_EPOCH), &dir)
                .unwrap();
        assert!(problems.is_empty(), "round {round}: {problems:?}");
        let findings = dossier::validate::validate(&project, &problems);
        let errors: Vec<_> = findings
            .iter()
            .filter(|f| f.severity == dossier::validate::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "round {round}: {errors:?}");
        for s in project.sources() {
            let original = dir
                .join("sources/originals")
                .join(format!("{}.txt", s.original.sha256));
            assert!(
                original.exists(),
                "round {round}: source {} has its original",
                s.id
            );
        }
        std::fs::remove_dir_all(&shadow).unwrap();
    }
    // A stale lock left by a killed writer never blocks the next one, and taking it over
    // removes the temp files the killed writer left.
    dossier(&["excerpt", "edit", s(&dir), &excerpt, "--summary", "final"]).ok();
    dossier(&["validate", s(&dir)]).ok();
    let temps: Vec<PathBuf> = snapshot(&dir)
        .into_keys()
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(temps.is_empty(), "temp files left behind: {temps:?}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_name() == ".dossier" {
            continue;
        }
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}
