//! The demo project in `samples/demo`: it must be valid, rich enough to show every feature, and
//! exactly what `scripts/build-demo` builds today (a stale committed demo fails here).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::copy_tree;
use dossier::model::Edtf;
use serde_json::Value;

const DOSSIER: &str = env!("CARGO_BIN_EXE_dossier");

fn repo() -> PathBuf {
    dossier_testkit::repo_root()
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed with {}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn dossier_json(args: &[&str], dir: &Path) -> Value {
    let out = run(Command::new(DOSSIER)
        .args(args)
        .arg(dir)
        .arg("--json")
        .env("SOURCE_DATE_EPOCH", "1795000000"));
    serde_json::from_slice(&out.stdout).expect("the CLI prints JSON with --json")
}

/// Every file below `dir` as a path relative to it, caches in `.dossier/` left out.
fn file_names(dir: &Path) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if rel == ".dossier" {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(rel);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn demo_project_is_valid_and_has_a_dated_chronology() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = tmp.path().join("demo");
    copy_tree(&repo().join("samples/demo"), &demo);

    let findings = dossier_json(&["validate"], &demo);
    assert_eq!(findings, Value::Array(vec![]), "the demo has findings");

    let sources = dossier_json(&["sources"], &demo);
    let sources = sources.as_array().unwrap();
    assert!(sources.len() >= 6, "{} sources", sources.len());
    assert!(
        sources.iter().all(|s| s["published"].is_string()),
        "every demo source has a publication date: {sources:#?}"
    );

    let excerpts = dossier_json(&["excerpt", "list"], &demo);
    let excerpts = excerpts.as_array().unwrap();
    assert!(excerpts.len() >= 12, "{} excerpts", excerpts.len());

    let chronology = dossier_json(&["chronology"], &demo);
    let entries = chronology["entries"].as_array().unwrap();
    let dates: Vec<Edtf> = entries
        .iter()
        .map(|e| e["date"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(dates.len() >= 12, "{} chronology entries", dates.len());
    // The reading order: month by month; in a month, the entries whose day is not known
    // (grouped) before those dated to a day; then the EDTF order.
    let key = |i: usize| {
        let d = &dates[i];
        let (lo, hi) = d.sort_key();
        let month = lo.format("%Y-%m").to_string();
        let rank = match entries[i]["group"].as_str() {
            Some(g) if !g.is_empty() => 1,
            _ if d.to_string().len() == 10 => 2,
            _ => 0,
        };
        (month, rank, lo, hi)
    };
    for i in 1..dates.len() {
        assert!(
            key(i - 1) <= key(i),
            "chronology out of order: {} before {}",
            dates[i - 1],
            dates[i]
        );
    }
    // The demo shows partial, approximate and interval dates, not just days.
    let shown: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
    assert!(shown.iter().any(|d| d.ends_with('~')), "{shown:?}");
    assert!(shown.iter().any(|d| d.contains('/')), "{shown:?}");
    assert!(shown.iter().any(|d| d.len() == 7), "{shown:?}");
}

#[test]
fn committed_demo_is_what_build_demo_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let fresh = tmp.path().join("demo");
    run(Command::new("bash")
        .arg(repo().join("scripts/build-demo"))
        .env("DEMO_OUT", &fresh)
        .env("DOSSIER", DOSSIER));
    let committed = file_names(&repo().join("samples/demo"));
    let rebuilt = file_names(&fresh);
    assert!(
        rebuilt.iter().any(|f| f.starts_with("excerpts/")),
        "build-demo made no excerpts: {rebuilt:?}"
    );
    assert_eq!(
        committed, rebuilt,
        "samples/demo is stale (other files): run scripts/build-demo and commit the result"
    );
    let changed: Vec<&String> = committed
        .iter()
        .filter(|f| {
            std::fs::read(repo().join("samples/demo").join(f)).unwrap()
                != std::fs::read(fresh.join(f)).unwrap()
        })
        .collect();
    assert!(
        changed.is_empty(),
        "samples/demo is stale ({changed:?} differ): run scripts/build-demo and commit the result"
    );
}

/// `excerpt find`: the briefing editor's citation completion and quick fix, from the CLI.
#[test]
fn excerpt_find_ranks_the_demo_excerpts_to_cite() {
    let demo = repo().join("samples/demo");
    let find = |args: &[&str]| -> Vec<String> {
        let out = run(Command::new(DOSSIER)
            .args(["excerpt", "find"])
            .arg(&demo)
            .args(args)
            .arg("--json"));
        let found: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        found
            .as_array()
            .expect("a list")
            .iter()
            .map(|c| c["id"].as_str().expect("an id").to_string())
            .collect()
    };
    // Summary words first; every word must match.
    assert_eq!(
        find(&["hollin licen"]).first().map(String::as_str),
        Some("2026-03-hollin-holds-trawling-0392")
    );
    assert_eq!(find(&["hollin nowhere-at-all"]), Vec::<String>::new());
    // A date as EDTF finds that time's excerpts only.
    let october_2023 = find(&["2023-10"]);
    assert_eq!(
        october_2023,
        [
            "2023-10-brotherhood-seizes-tarsane-6d82",
            "2023-10-brotherhood-seizes-tarsane-7541"
        ]
    );
    // An unknown citation's id: the excerpts it may have meant, best first.
    let fixes = find(&[
        "--replacing",
        "--limit",
        "3",
        "2026-03-war-risk-insurer-0000",
    ]);
    assert_eq!(
        fixes.first().map(String::as_str),
        Some("2026-03-war-risk-insurers-24f5")
    );
    assert!(fixes.len() <= 3);
}
