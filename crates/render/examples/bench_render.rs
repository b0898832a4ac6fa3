//! Benchmark: 5,000 chronology entries rendered to Markdown with the `chronology` template.
//! Run: `cargo run --release -p dossier-render --example bench_render`.

use std::time::Instant;

use chrono::{TimeZone, Utc};
use dossier_chronology::{Filter, assemble};
use dossier_model::{
    Briefing, BriefingMeta, Credibility, Excerpt, Found, Locator, Original, ProjectConfig,
    Reliability, Source,
};
use dossier_render::{Context, Inputs, Template, render};

fn main() {
    let now = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let sources: Vec<Source> = (0..50)
        .map(|i| Source {
            id: format!("src-{i}").parse().unwrap(),
            title: Some(Found::by_analyst(format!("Report number {i}"))),
            outlet: Some(Found::by_analyst(format!("Outlet {i}"))),
            author: None,
            url: None,
            published: Some(Found::by_analyst("2020-01-01".parse().unwrap())),
            dateline: None,
            language: None,
            captured_at: now,
            original: Original {
                file_name: "x.txt".into(),
                media_type: "text/plain".into(),
                sha256: "0".repeat(64),
                size: 0,
            },
            reliability: Reliability::C,
            reprint_of: None,
            attribution: Vec::new(),
            tags: Vec::new(),
            notes: String::new(),
            removed: Vec::new(),
            pages: Vec::new(),
            warnings: Vec::new(),
            text: String::new(),
        })
        .collect();
    let excerpts: Vec<Excerpt> = (0..5000)
        .map(|i| Excerpt {
            id: format!("ex-{i}").parse().unwrap(),
            source: format!("src-{}", i % 50).parse().unwrap(),
            quote: format!(
                "A quoted passage of some length that reports event number {i} in a plausible way."
            ),
            locator: Locator {
                start: 0,
                end: 0,
                page: None,
            },
            date: Some(Found::by_analyst(
                format!("{}-{:02}-{:02}", 2000 + i % 20, 1 + i % 12, 1 + i % 28)
                    .parse()
                    .unwrap(),
            )),
            reported: None,
            summary: format!("Event {i} happened"),
            credibility: Credibility::PossiblyTrue,
            tags: Vec::new(),
            portion: None,
            note: String::new(),
            translation: None,
            attribution: Default::default(),
            sequence: 0,
            event: None,
        })
        .collect();
    let chronology = assemble(&sources, &excerpts, &Filter::default());
    let mut config = ProjectConfig::new("Benchmark");
    config.classification = Some("U".parse().unwrap());
    let briefing = Briefing {
        name: "main".into(),
        meta: BriefingMeta {
            title: "Benchmark".into(),
            ..Default::default()
        },
        body: String::new(),
    };
    let template = Template::builtin("chronology").unwrap();
    let sources: Vec<&Source> = sources.iter().collect();
    let excerpts: Vec<&Excerpt> = excerpts.iter().collect();
    let inputs = Inputs {
        config: &config,
        briefing: &briefing,
        sources: &sources,
        excerpts: &excerpts,
        chronology: &chronology,
        generated_at: now,
        body_line: 0,
    };

    let runs = 20;
    let mut build_ms = Vec::new();
    let mut render_ms = Vec::new();
    let mut bytes = 0;
    let cpu_before = cpu_time();
    let wall = Instant::now();
    for _ in 0..runs {
        let t = Instant::now();
        let ctx = Context::build(inputs, &template.manifest).unwrap();
        build_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let out = render(&template, &ctx).unwrap();
        render_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        bytes = out.markdown.len();
    }
    let wall_ms = wall.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let total: Vec<f64> = build_ms
        .iter()
        .zip(&render_ms)
        .map(|(a, b)| a + b)
        .collect();
    println!("5,000 entries -> {bytes} bytes of Markdown, {runs} runs (context + render):");
    println!(
        "  best {:.1} ms, median {:.1} ms (context {:.1} ms + render {:.1} ms, medians)",
        min(&total),
        median(&total),
        median(&build_ms),
        median(&render_ms)
    );
    match (cpu_before, cpu_time()) {
        (Some(a), Some(b)) => println!(
            "  per run: {wall_ms:.1} ms wall, {:.1} ms CPU (a busy machine shows wall > CPU)",
            (b - a) * 1000.0 / runs as f64
        ),
        _ => println!("  per run: {wall_ms:.1} ms wall"),
    }
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::MAX, f64::min)
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// This thread's CPU time in seconds, where the OS tells it (Linux).
fn cpu_time() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
