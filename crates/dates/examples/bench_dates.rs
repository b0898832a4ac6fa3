//! Throughput of `find` on real news text: the seeds and the MEANTIME texts from `../shared`,
//! repeated to about 16 MB; then of `find_in` in each other language, on the multilingual set's
//! texts (`eval/multilingual`: French TimeBank and Spanish MEANTIME articles, the hand-written
//! cases of the other languages), each repeated to about 8 MB.
//! `cargo run --release --example bench_dates -p dossier-dates [SHARED_DIR]`.
//! Goal: at least 20 MB/s on one core in every language.

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), String> {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let mut corpus = String::new();
    for dir in ["seeds", "eval/inputs/meantime"] {
        let dir = shared.join(dir);
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            format!(
                "cannot read {}: {e} (pass the shared folder)",
                dir.display()
            )
        })?;
        for entry in entries.flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                corpus.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
                corpus.push_str("\n\n");
            }
        }
    }
    if corpus.is_empty() {
        return Err("no text found".into());
    }
    measure("en", &corpus, 16_000_000, dossier_dates::Lang::En);
    let set = shared.join("eval/multilingual");
    for lang in dossier_dates::Lang::ALL.into_iter().skip(1) {
        let text = multilingual_text(&set, lang.code());
        if text.is_empty() {
            println!("{}: no text in {}", lang.code(), set.display());
            continue;
        }
        measure(lang.code(), &text, 8_000_000, lang);
    }
    Ok(())
}

/// `corpus` repeated to about `size` bytes, read three times in `lang`: the best wall and CPU
/// throughput.
fn measure(name: &str, corpus: &str, size: usize, lang: dossier_dates::Lang) {
    let reps = (size / corpus.len()).max(1);
    let text = corpus.repeat(reps);
    let reference = chrono::NaiveDate::from_ymd_opt(2015, 6, 3);
    let (mut wall, mut cpu) = (f64::MAX, f64::MAX);
    let mut found = 0;
    for _ in 0..3 {
        let (started, cpu_started) = (Instant::now(), thread_cpu());
        found = std::hint::black_box(dossier_dates::find_in(&text, reference, lang)).len();
        wall = wall.min(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_started, thread_cpu()) {
            cpu = cpu.min(b - a);
        }
    }
    let mb = text.len() as f64 / 1e6;
    let cpu = if cpu == f64::MAX {
        "n/a".to_string()
    } else {
        format!("{:.1} MB/s CPU", mb / cpu)
    };
    println!(
        "{name}: {mb:.1} MB, best of 3: {:.1} MB/s wall, {cpu}; {found} expressions",
        mb / wall
    );
}

/// The texts of a language in the multilingual set: its corpus articles, else its cases.
fn multilingual_text(set: &std::path::Path, code: &str) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(set.join("gold"))
        .into_iter()
        .flatten()
        .flatten()
    {
        for line in std::fs::read_to_string(entry.path())
            .unwrap_or_default()
            .lines()
        {
            let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if doc["lang"] == code {
                text.push_str(doc["text"].as_str().unwrap_or_default());
                text.push_str("\n\n");
            }
        }
    }
    if text.is_empty() {
        let cases =
            std::fs::read_to_string(set.join(format!("cases-{code}.txt"))).unwrap_or_default();
        for line in cases.lines().filter(|l| !l.starts_with('#')) {
            if let Some(t) = line.split(" | ").nth(1) {
                text.push_str(t);
                text.push('\n');
            }
        }
    }
    text
}

/// This thread's CPU time in seconds (Linux), so that a busy machine does not inflate the figure.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
