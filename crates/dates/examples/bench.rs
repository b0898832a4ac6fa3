//! Throughput of `find` on real news text: the seeds and the MEANTIME texts from `../shared`,
//! repeated to about 16 MB. `cargo run --release --example bench -p dossier-dates [SHARED_DIR]`.
//! Goal: at least 20 MB/s on one core.

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
    let reps = (16_000_000 / corpus.len()).max(1);
    let text = corpus.repeat(reps);
    let reference = chrono::NaiveDate::from_ymd_opt(2015, 6, 3);
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let started = Instant::now();
        found = std::hint::black_box(dossier_dates::find(&text, reference)).len();
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{:.1} MB in {:.3} s (best of 3): {:.1} MB/s, {found} expressions",
        text.len() as f64 / 1e6,
        best,
        text.len() as f64 / best / 1e6
    );
    Ok(())
}
