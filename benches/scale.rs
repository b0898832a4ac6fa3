//! Scale benchmark: a generated project of 10,000 sources and 50,000 excerpts.
//!
//! `cargo bench --bench scale` prints the time to open the project, to search it, to assemble
//! its chronology, and the peak RSS. Sizes can be set with `DOSSIER_SCALE=sources,excerpts`.

#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark program: it reads its settings from the environment"
)]

use std::time::Instant;

use chrono::{DateTime, NaiveDate, Utc};
use dossier::model::{
    Briefing, BriefingMeta, Credibility, Edtf, Excerpt, Found, Id, Locator, Original,
    ProjectConfig, Reliability, Source,
};
use dossier::store;
use dossier::{Project, World};

mod common;
mod search;
use common::{WORDS, cpu_seconds, peak_rss_mb, process_cpu_seconds, thread_cpu_seconds};
use search::{build_index, incremental_update, index_mb, old_and_new, print_queries, queries};

fn text(i: usize) -> String {
    let mut s = format!("Report number {i}\n\n");
    for p in 0..6 {
        for w in 0..60 {
            s.push_str(WORDS[(i * 7 + p * 13 + w * 3) % WORDS.len()]);
            s.push(' ');
        }
        s.push_str(&format!("unique{i}x{p}.\n\n"));
    }
    s
}

fn main() {
    let (n_sources, n_excerpts) = std::env::var("DOSSIER_SCALE")
        .ok()
        .and_then(|v| {
            v.split_once(',')
                .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
        })
        .unwrap_or((10_000usize, 50_000usize));
    let now: DateTime<Utc> = DateTime::from_timestamp(1_795_262_400, 0).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    // DOSSIER_SCALE_DIR keeps the generated project for reruns (and profiling of the open).
    let dir = std::env::var_os("DOSSIER_SCALE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().join("scale"));
    if !dir.join("dossier.toml").exists() {
        generate(&dir, now, n_sources, n_excerpts);
    }
    measure(&dir, now);
}

fn generate(dir: &std::path::Path, now: DateTime<Utc>, n_sources: usize, n_excerpts: usize) {
    let started = Instant::now();
    let p = Project::create(World::new(now), dir, ProjectConfig::new("Scale")).unwrap();
    let layout = p.layout().clone();
    drop(p);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut sources = Vec::with_capacity(n_sources);
    for i in 0..n_sources {
        let id: Id = format!("source-{i:05}").parse().unwrap();
        let s = Source {
            id: id.clone(),
            title: Some(Found::by_rule(
                format!("Report number {i}"),
                "text:first-line",
                0.6,
            )),
            outlet: Some(Found::by_analyst(format!("Outlet {}", i % 50))),
            author: None,
            url: None,
            published: Edtf::day(base + chrono::Days::new((i % 3650) as u64))
                .map(Found::by_analyst),
            dateline: None,
            language: None,
            captured_at: now,
            original: Original {
                file_name: format!("{i}.txt"),
                media_type: "text/plain".into(),
                sha256: format!("{i:064}"),
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
            text: text(i),
        };
        std::fs::write(layout.source(&id), store::encode_source(&s)).unwrap();
        sources.push(s);
    }
    for j in 0..n_excerpts {
        let s = &sources[j % n_sources];
        let quote = s.text[..40].to_string();
        let x = Excerpt {
            id: format!("excerpt-{j:05}").parse().unwrap(),
            source: s.id.clone(),
            quote,
            locator: Locator {
                start: 0,
                end: 40,
                page: None,
            },
            date: Edtf::day(base + chrono::Days::new((j * 7 % 3650) as u64)).map(Found::by_analyst),
            reported: None,
            summary: format!(
                "Event {j}: {} {}",
                WORDS[j % WORDS.len()],
                WORDS[(j / 3) % WORDS.len()]
            ),
            credibility: Credibility::PossiblyTrue,
            tags: vec![format!("place:Port {}", j % 40).parse().unwrap()],
            portion: None,
            note: String::new(),
            translation: None,
            attribution: Default::default(),
            sequence: 0,
            event: None,
        };
        std::fs::write(layout.excerpt(&x.id), store::encode_excerpt(&x)).unwrap();
    }
    println!(
        "generated {n_sources} sources and {n_excerpts} excerpts in {:.2} s",
        started.elapsed().as_secs_f64()
    );
}

fn measure(dir: &std::path::Path, now: DateTime<Utc>) {
    let t = Instant::now();
    let cpu = cpu_seconds();
    let p = Project::open(World::new(now), dir).unwrap();
    let open = t.elapsed();
    let open_cpu = cpu_seconds() - cpu;
    let first_search = build_index(&p);
    let searches = queries(&p);
    let t = Instant::now();
    let thread_cpu = thread_cpu_seconds();
    let c = p.chronology(&dossier::chronology::Filter::default());
    let chrono = t.elapsed();
    let chrono_cpu = thread_cpu_seconds() - thread_cpu;
    println!(
        "open:        {:>8.1} ms wall, {:.0} ms CPU on {} threads ({} sources, {} excerpts)",
        open.as_secs_f64() * 1e3,
        open_cpu * 1e3,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        p.sources().len(),
        p.excerpts().len()
    );
    println!(
        "search:      {:>8.1} ms wall, {:.1} ms CPU, the first (opens the index; builds it if missing, {:.1} MB on disk)",
        first_search.0,
        first_search.1,
        index_mb(dir)
    );
    print_queries(&searches);
    println!(
        "peak RSS:    {:>8.1} MB so far, before the old scan's shadow",
        peak_rss_mb()
    );
    old_and_new(&p);
    println!(
        "chronology:  {:>8.1} ms wall, {:.1} ms CPU ({} entries)",
        chrono.as_secs_f64() * 1e3,
        chrono_cpu * 1e3,
        c.entries.len()
    );
    let p = changes_on_disk(p);
    let p = incremental_update(p);
    render(p, now);
    println!("peak RSS:    {:>8.1} MB", peak_rss_mb());
}

/// What the desktop app polls every 3 s: the project's files against what the handle loaded.
/// Nothing changed: this is the cost of finding that out.
fn changes_on_disk(mut p: Project) -> Project {
    let (mut best, mut cpu_best, mut changed) = (f64::INFINITY, f64::INFINITY, 0);
    for _ in 0..5 {
        let t = Instant::now();
        let cpu = process_cpu_seconds();
        changed = p.changes_on_disk().unwrap().len();
        cpu_best = cpu_best.min((process_cpu_seconds() - cpu) * 1e3);
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "changes:     {best:>8.1} ms wall, {cpu_best:.1} ms CPU, best of 5 (a poll of {} files; {changed} changed)",
        1 + p.sources().len() + p.excerpts().len() + p.briefings().len()
    );
    p
}

/// A briefing whose chronology window holds about 2,000 entries, rendered with the built-in
/// `chronology` template to Markdown, then laid out and written as PDF.
fn render(mut p: Project, now: DateTime<Utc>) {
    let meta = BriefingMeta {
        title: "Scale".into(),
        template: "chronology".into(),
        from: Some("2016-01-01".parse().unwrap()),
        to: Some("2016-05-25".parse().unwrap()),
        ..BriefingMeta::default()
    };
    let filter = dossier::chronology::Filter {
        from: meta.from,
        to: meta.to,
        tags: Vec::new(),
    };
    if p.briefing("scale").is_err() {
        let body = "## Bottom line\n\nThe harbour stays closed.\n".to_string();
        let name = "scale".to_string();
        p.save_briefing(Briefing { name, meta, body }).unwrap();
    }
    let entries = p.chronology(&filter).entries.len();
    let t = Instant::now();
    let thread_cpu = thread_cpu_seconds();
    let (template, context) = p.context("scale", None, None).unwrap();
    let assembled = thread_cpu_seconds() - thread_cpu;
    let rendered = dossier::templates::render(&template, &context).unwrap();
    let markdown = t.elapsed();
    let markdown_cpu = thread_cpu_seconds() - thread_cpu;
    println!(
        "markdown:    {:>8.1} ms wall, {:.1} ms CPU ({entries} entries, {:.1} MB; {:.1} ms CPU of it gathering the context)",
        markdown.as_secs_f64() * 1e3,
        markdown_cpu * 1e3,
        rendered.markdown.len() as f64 / 1e6,
        assembled * 1e3
    );
    let t = Instant::now();
    let cpu = cpu_seconds();
    let doc = dossier_pdf::DocumentMeta {
        title: rendered.title.clone(),
        banner: rendered.banner.clone(),
        created: now,
        ..Default::default()
    };
    let pdf = dossier_pdf::render(&rendered.markdown, &rendered.style, &doc).unwrap();
    println!(
        "pdf:         {:>8.1} ms wall, {:.0} ms CPU ({:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3,
        (cpu_seconds() - cpu) * 1e3,
        pdf.len() as f64 / 1e6
    );
}
