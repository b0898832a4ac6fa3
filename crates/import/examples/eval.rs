//! Runs extraction over an evaluation set and writes the scorer's format (one JSON object per
//! line: `{id, text, title, date}`). Used by `scripts/eval-extract`.
//!
//! usage: eval EVAL_DIR SET OUT.jsonl [--subset N]

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

use std::io::Write;
use std::time::Instant;

use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: eval EVAL_DIR SET OUT.jsonl [--subset N]");
        std::process::exit(1);
    }
    let (dir, set, out) = (&args[0], &args[1], &args[2]);
    let subset = args
        .iter()
        .position(|a| a == "--subset")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(usize::MAX);
    let manifest =
        std::fs::read_to_string(format!("{dir}/inputs/{set}/manifest.jsonl")).expect("manifest");
    let items: Vec<(String, Vec<u8>)> = manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(subset)
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("manifest line");
            let path = format!("{dir}/{}", v["path"].as_str().expect("path"));
            (
                v["id"].as_str().expect("id").to_string(),
                std::fs::read(path).expect("input"),
            )
        })
        .collect();
    let links = regex::Regex::new(r"\]\([^)]*\)").expect("regex");
    let start = Instant::now();
    let mut lines = Vec::with_capacity(items.len());
    for (id, bytes) in &items {
        let row = match dossier_import::extract(bytes, "page.html") {
            Ok(x) => json!({
                "id": id,
                "date_rule": x.published.as_ref().map(|d| d.provenance.clone()),
                "date_value": x.published.as_ref().map(|d| d.value.to_string()),
                "date_confidence": x.published.as_ref().map(|d| d.confidence),
                "date_evidence": x.published.as_ref().and_then(|d| d.evidence.clone()),
                // The scorer compares words: link targets are not article words.
                "text": links.replace_all(&x.text, "]").replace(['[', ']'], ""),
                "title": x.title.map(|t| t.value),
                "warnings": x.warnings,
                "date": x
                    .published
                    .filter(|d| d.value.precision() == Some(dossier_model::Precision::Day))
                    .and_then(|d| d.value.earliest())
                    .map(|d| d.to_string()),
            }),
            Err(e) => {
                json!({"id": id, "text": "", "title": null, "date": null, "error": e.to_string()})
            }
        };
        lines.push(row.to_string());
    }
    let secs = start.elapsed().as_secs_f64();
    let mut f = std::fs::File::create(out).expect("output");
    for l in &lines {
        writeln!(f, "{l}").expect("write");
    }
    eprintln!(
        "{set}: {} documents in {secs:.3} s of extraction ({:.0} docs/s)",
        items.len(),
        items.len() as f64 / secs
    );
}
