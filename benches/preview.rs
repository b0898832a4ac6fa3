//! The desktop app's live preview, measured on the demo project: what one keystroke costs in the
//! core (render the unsaved briefing through its template, sanitise the HTML, lint).
//!
//! `cargo bench --bench preview` prints the median and 95th percentile over 200 edits.

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Utc};
use dossier::{Project, World};

fn main() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/demo");
    let now: DateTime<Utc> = DateTime::from_timestamp(1_795_262_400, 0).unwrap();
    let p = Project::open(World::new(now), &demo).expect("samples/demo opens");
    let mut draft = p
        .briefing("main")
        .expect("the demo has a main briefing")
        .clone();
    let mut times = Vec::new();
    for i in 0..200 {
        draft.body.push_str(if i % 20 == 19 { "\n" } else { "x " });
        let started = Instant::now();
        let r = p.render_briefing(&draft, None, None).expect("renders");
        let html = r.html_body();
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(html.contains("<article>"));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "preview of samples/demo (render + sanitised HTML + lint), 200 edits: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times[times.len() / 2],
        times[times.len() * 95 / 100],
        times[times.len() - 1]
    );
}
