//! Assembles 50,000 synthetic excerpts (10,000 statements, each reported by about five outlets
//! with small wording changes; figures in a fifth of them) and reports the time.
//! `cargo run --release --example bench_chronology -p dossier-chronology`. Goal: under 300 ms.

use std::time::Instant;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use dossier_chronology::{Filter, assemble};
use dossier_model::{Attribution, Edtf, Excerpt, Found, Locator, Original, Relation, Source};

const EXCERPTS: usize = 50_000;
const SOURCES: usize = 2_000;

/// Distinct words in the synthetic vocabulary (news prose uses some thousands).
const VOCABULARY: usize = 5_000;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn main() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let sources: Vec<Source> = (0..SOURCES)
        .map(|i| Source {
            id: format!("src-{i}").parse().expect("id"),
            title: None,
            outlet: None,
            author: None,
            url: None,
            published: None,
            dateline: None,
            language: None,
            captured_at: DateTime::<Utc>::from_timestamp(0, 0).expect("epoch"),
            original: Original {
                file_name: format!("{i}.txt"),
                media_type: "text/plain".into(),
                sha256: String::new(),
                size: 0,
            },
            reliability: Default::default(),
            reprint_of: (i % 10 == 9).then(|| format!("src-{}", i - 1).parse().expect("id")),
            attribution: vec![Attribution {
                reporter: ["Reuters", "AP", "AFP", "IRNA", "SANA"][i % 5].into(),
                relation: Relation::Via,
                evidence: String::new(),
            }],
            tags: Vec::new(),
            notes: String::new(),
            removed: Vec::new(),
            pages: Vec::new(),
            warnings: Vec::new(),
            text: String::new(),
        })
        .collect();
    let statements = EXCERPTS / 5;
    let base = NaiveDate::from_ymd_opt(2010, 1, 1).expect("date");
    let excerpts: Vec<Excerpt> = (0..EXCERPTS)
        .map(|n| {
            let s = n % statements;
            let mut srng = Rng(s as u64 * 7919 + 1);
            let mut words: Vec<usize> = (0..20).map(|_| srng.below(VOCABULARY)).collect();
            // Each outlet changes a word or two.
            for _ in 0..rng.below(3) {
                let k = rng.below(words.len());
                words[k] = rng.below(VOCABULARY);
            }
            let words: Vec<String> = words.iter().map(|w| format!("w{w}")).collect();
            let mut quote = words.join(" ");
            if s.is_multiple_of(5) {
                quote.push_str(&format!(" as many as {},000 troops", 5 + rng.below(20)));
            }
            let day = base + chrono::Days::new(srng.below(5_000) as u64);
            // Some outlets know only the month.
            let date = if n.is_multiple_of(7) {
                Edtf::month(day.year(), day.month())
            } else {
                Edtf::day(day)
            }
            .expect("date");
            Excerpt {
                id: format!("x-{n}").parse().expect("id"),
                source: sources[rng.below(SOURCES)].id.clone(),
                quote,
                locator: Locator {
                    start: 0,
                    end: 0,
                    page: None,
                },
                date: Some(Found::by_analyst(date)),
                reported: None,
                summary: String::new(),
                credibility: Default::default(),
                tags: Vec::new(),
                portion: None,
                note: String::new(),
                translation: None,
                attribution: Default::default(),
                sequence: 0,
                event: None,
            }
        })
        .collect();
    let (mut wall, mut cpu) = (f64::MAX, f64::MAX);
    let mut shape = (0, 0);
    for _ in 0..5 {
        let (started, cpu_started) = (Instant::now(), thread_cpu());
        let c = assemble(&sources, &excerpts, &Filter::default());
        wall = wall.min(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_started, thread_cpu()) {
            cpu = cpu.min(b - a);
        }
        shape = (c.entries.len(), c.conflicts.len());
    }
    let cpu = if cpu == f64::MAX {
        "n/a".to_string()
    } else {
        format!("{:.0} ms", cpu * 1e3)
    };
    println!(
        "{EXCERPTS} excerpts assembled, clustered and ordered: {:.0} ms wall, {cpu} CPU (best of 5); {} entries, {} conflicts",
        wall * 1e3,
        shape.0,
        shape.1
    );
}

/// This thread's CPU time in seconds (Linux), so that a busy machine does not inflate the figure.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
