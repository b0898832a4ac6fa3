//! Runs the engine over a TimeML evaluation set (MEANTIME, or the `SET` named: `tbaq`) and
//! writes the scorer's JSONL.
//!
//! `cargo run --release --example meantime -p dossier-dates -- EVAL_DIR OUT.jsonl [SET]`
//! (`scripts/eval-dates` does this, scores the output and reruns the peers.)
//! Prints the engine's own throughput (documents and megabytes per CPU-second) on stderr.

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use serde_json::{Value, json};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(eval), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: meantime EVAL_DIR OUT.jsonl [SET]".into());
    };
    let set = args.next().unwrap_or_else(|| "meantime".into());
    let eval = PathBuf::from(eval);
    let manifest = eval.join(format!("inputs/{set}/manifest.jsonl"));
    let manifest = std::fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let mut docs = Vec::new();
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let item: Value =
            serde_json::from_str(line).map_err(|e| format!("bad manifest line: {e}"))?;
        let path = eval.join(item["path"].as_str().unwrap_or_default());
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let dct = item["dct"].as_str().and_then(|d| {
            // A few publication dates in the set are written day-month-year; tbaq's often carry
            // a time ("1998-12-05T09:42"): the day is the reference.
            let d = d.split('T').next().unwrap_or(d);
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(d, "%d-%m-%Y"))
                .ok()
        });
        docs.push((
            item["id"].as_str().unwrap_or_default().to_string(),
            text,
            dct,
        ));
    }
    let mut lines = String::new();
    for (id, text, dct) in &docs {
        let timexes: Vec<Value> = dossier_dates::find(text, *dct)
            .into_iter()
            .filter(|e| e.kind != dossier_dates::Kind::Copyright)
            .map(|e| {
                json!({"start": e.start, "end": e.end, "text": e.text,
                       "type": e.timex.kind, "value": e.timex.value})
            })
            .collect();
        let record = json!({"id": id, "offset_unit": "byte", "timexes": timexes});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    std::fs::write(&out, lines).map_err(|e| format!("cannot write {out}: {e}"))?;
    // Throughput: the whole set, repeated until at least a second has passed.
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let started = Instant::now();
    let mut rounds = 0;
    while started.elapsed().as_secs_f64() < 1.0 {
        for (_, text, dct) in &docs {
            std::hint::black_box(dossier_dates::find(text, *dct));
        }
        rounds += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "docs_per_s={:.0} mb_per_s={:.1}",
        (docs.len() * rounds) as f64 / secs,
        (bytes * rounds) as f64 / secs / 1e6
    );
    Ok(())
}
