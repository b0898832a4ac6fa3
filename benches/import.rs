//! Bulk import benchmark: 10,000 generated articles (HTML pages and clipped text) imported into
//! a new project through `Project::import_files`, the path `dossier import` takes.
//!
//! `cargo bench --bench import` prints wall time, CPU time, files per second and peak RSS.
//! `DOSSIER_IMPORT_FILES=n` sets the number of files; `DOSSIER_IMPORT_INBOX=dir` keeps the
//! generated files there for reruns (so that a profile shows the import alone).

#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark program: it reads its settings from the environment"
)]

use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Utc};
use dossier::model::ProjectConfig;
use dossier::{Project, World};

mod common;
use common::{WORDS, cpu_seconds, peak_rss_mb, system_cpu_seconds};

/// About 4 KB of article: a title, a byline, six paragraphs, and (for HTML) the navigation and
/// footer a saved page carries. Common words mixed with words drawn from a vocabulary of a few
/// thousand, as in real news text, so that reprint detection sees realistic overlaps.
fn article(i: usize) -> (String, String) {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mir", "tan", "sel", "vo", "dra", "pen", "ru", "ost",
    ];
    let mut state = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut body = String::new();
    for p in 0..6 {
        for _ in 0..80 {
            let r = next();
            if r.is_multiple_of(3) {
                body.push_str(WORDS[(r / 3) as usize % WORDS.len()]);
            } else {
                for k in 0..3 {
                    body.push_str(SYLLABLES[(r >> (8 + 4 * k)) as usize % SYLLABLES.len()]);
                }
            }
            body.push(' ');
        }
        body.push_str(&format!("case{i}x{p} on Tuesday.\n\n"));
    }
    let title = format!("Report {i} on the harbour closure");
    if i.is_multiple_of(2) {
        let paras: String = body
            .split("\n\n")
            .filter(|p| !p.is_empty())
            .map(|p| format!("<p>{p}</p>\n"))
            .collect();
        let html = format!(
            "<!doctype html><html><head><title>{title} | The Daily Port</title>\
             <meta property=\"og:site_name\" content=\"The Daily Port\">\
             <meta property=\"article:published_time\" content=\"2024-03-{:02}T10:00:00Z\">\
             </head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\
             <article><h1>{title}</h1><p class=\"byline\">By Ana Ruiz</p>{paras}</article>\
             <footer>© 2024 The Daily Port. All rights reserved.</footer></body></html>",
            i % 28 + 1
        );
        (format!("a{i:05}.html"), html)
    } else {
        let text = format!(
            "{title}\n\nBy Ana Ruiz\n\nPublished 12 March 2024\n\n{body}Share this article\n"
        );
        (format!("a{i:05}.txt"), text)
    }
}

fn main() {
    let n: usize = std::env::var("DOSSIER_IMPORT_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let now: DateTime<Utc> = DateTime::from_timestamp(1_795_262_400, 0).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let inbox = std::env::var_os("DOSSIER_IMPORT_INBOX")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("inbox"));
    std::fs::create_dir_all(&inbox).unwrap();
    let files: Vec<PathBuf> = (0..n)
        .map(|i| {
            let (name, content) = article(i);
            let path = inbox.join(name);
            if !path.exists() {
                std::fs::write(&path, content).unwrap();
            }
            path
        })
        .collect();
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    let dir = tmp.path().join("project");
    let mut p = Project::create(World::new(now), &dir, ProjectConfig::new("Import")).unwrap();
    let cpu_before = cpu_seconds();
    let sys_before = system_cpu_seconds();
    let started = Instant::now();
    let results = p.import_files(&files, |_, _| {}).unwrap();
    let wall = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    let sys = system_cpu_seconds() - sys_before;
    let imported = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(imported, n, "every file imports");
    println!(
        "import: {n} files ({:.1} MB) in {wall:.2} s wall, {cpu:.2} s CPU ({sys:.2} s of it in the kernel): {:.0} files/s; peak RSS {:.0} MB",
        bytes as f64 / 1e6,
        n as f64 / wall,
        peak_rss_mb()
    );
}
