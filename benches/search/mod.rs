//! The scale benchmark's search part: the index built from nothing, the documented query set
//! (p50/p95 over repeated runs), and an incremental update (one excerpt edited, then searched).

use std::time::Instant;

use dossier::Project;

mod old_scan;

use crate::common::process_cpu_seconds;

/// The query set: single words (rare, common, everywhere, nowhere), phrases, boolean queries,
/// fuzzy names (misspelt words of five letters or more), field filters.
pub const QUERIES: &[(&str, &str)] = &[
    ("word", "unique4242x3"),
    ("word", "convoy"),
    ("word", "captain"),
    ("word", "zeppelin"),
    ("words", "harbour convoy"),
    ("phrase", "\"harbour tanker\""),
    ("phrase", "\"report number 4242\""),
    ("boolean", "harbour OR blockade"),
    ("boolean", "(tanker OR cargo) militia -navy"),
    ("boolean", "NOT captain"),
    ("fuzzy", "harbuor"),
    ("fuzzy", "fishermam"),
    ("fuzzy", "ceasfire talks"),
    ("field", "outlet:\"outlet 7\" convoy"),
    ("field", "date:2016-03 harbour"),
    ("field", "tag:\"port 12\" kind:excerpt"),
    ("field", "grade:c3 blockade"),
];

/// The first search of a project that has no index yet: builds it (ms wall, ms CPU).
pub fn build_index(p: &Project) -> (f64, f64) {
    let _ = std::fs::remove_dir_all(p.layout().state().join("search-v1"));
    let t = Instant::now();
    let cpu = process_cpu_seconds();
    dossier::search::search(p, "unique1x1").unwrap();
    (
        t.elapsed().as_secs_f64() * 1e3,
        (process_cpu_seconds() - cpu) * 1e3,
    )
}

pub struct Timed {
    kind: &'static str,
    query: &'static str,
    p50: f64,
    p95: f64,
    total: usize,
}

/// Each query 20 times: its median and 95th percentile, in ms.
pub fn queries(p: &Project) -> Vec<Timed> {
    QUERIES
        .iter()
        .map(|&(kind, query)| {
            let mut times = Vec::new();
            let mut total = 0;
            for _ in 0..20 {
                let t = Instant::now();
                total = dossier::search::search(p, query).unwrap().total;
                times.push(t.elapsed().as_secs_f64() * 1e3);
            }
            times.sort_by(f64::total_cmp);
            Timed {
                kind,
                query,
                p50: times[times.len() / 2],
                p95: times[times.len() * 95 / 100],
                total,
            }
        })
        .collect()
}

pub fn print_queries(timed: &[Timed]) {
    let mut all: Vec<f64> = Vec::new();
    for t in timed {
        println!(
            "search:      {:>8.1} ms p50, {:.1} ms p95 ({:>6} matches, {} {:?})",
            t.p50, t.p95, t.total, t.kind, t.query
        );
        all.push(t.p95);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "search:      {:>8.1} ms, the worst query's p95 over the set of {}",
        all.last().copied().unwrap_or(f64::NAN),
        all.len()
    );
}

/// One excerpt's summary edited, then a search that applies the change to the index.
pub fn incremental_update(mut p: Project) -> Project {
    let id = p.excerpts().nth(777).expect("an excerpt").id.clone();
    let mut best = f64::INFINITY;
    for round in 0..5 {
        let edit = dossier::ExcerptEdit {
            summary: Some(format!("Zeppelin sighted, round {round}")),
            ..Default::default()
        };
        p.edit_excerpt(&id, edit).unwrap();
        let t = Instant::now();
        let hits = dossier::search::search(&p, "zeppelin").unwrap().hits;
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(hits.len(), 1);
    }
    println!("index update:{best:>8.1} ms wall, best of 5 (one excerpt edited, then searched)");
    p
}

/// The index's size on disk, in MB.
pub fn index_mb(dir: &std::path::Path) -> f64 {
    let index = dir.join(".dossier").join("search-v1");
    let bytes: u64 = std::fs::read_dir(index)
        .map(|es| {
            es.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    bytes as f64 / 1e6
}

/// The queries the old substring scan can answer too (words, all required; a phrase's words).
const BOTH: &[&str] = &[
    "unique4242x3",
    "convoy",
    "captain",
    "zeppelin",
    "harbour convoy",
    "harbour tanker",
    "report number 4242",
];

/// The old scan and the index on the same queries: (query, old p95, new p95, old hits, new
/// matches), after the old scan's first search (which builds its shadow) is printed.
pub fn old_and_new(p: &Project) {
    let excerpts = old_scan::Items::new(p.excerpts());
    let sources = old_scan::Items::new(p.sources());
    let t = Instant::now();
    old_scan::search(&excerpts, &sources, "unique1x1");
    println!(
        "old scan:    {:>8.1} ms wall, the first search (builds the shadow)",
        t.elapsed().as_secs_f64() * 1e3
    );
    for q in BOTH {
        let p95 = |f: &mut dyn FnMut() -> usize| {
            let mut times = Vec::new();
            let mut n = 0;
            for _ in 0..20 {
                let t = Instant::now();
                n = f();
                times.push(t.elapsed().as_secs_f64() * 1e3);
            }
            times.sort_by(f64::total_cmp);
            (times[times.len() * 95 / 100], n)
        };
        let (old, old_hits) = p95(&mut || old_scan::search(&excerpts, &sources, q).len());
        let (new, new_hits) = p95(&mut || dossier::search::search(p, q).unwrap().total);
        println!(
            "old vs new:  {old:>8.1} ms p95 old scan ({old_hits} hits), {new:.1} ms p95 index ({new_hits} matches, 50 ranked with snippets) for {q:?}"
        );
    }
}
