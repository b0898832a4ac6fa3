//! CommonMark's pathological inputs (after cmark's `pathological_tests.py`) through Dossier's
//! two Markdown renderers, the HTML preview and the PDF typesetter, each at two sizes; and
//! project files whose front matter is full of `+++` lines through the store's decoders.
//!
//! Run: `cargo bench --bench pathological` (optionally `-- NAME` to run the cases whose name
//! contains NAME). For each case it prints the time at n and at 10n and their ratio, scaled to a
//! tenfold input in bytes: about 10 is linear; 100 would be quadratic. A ratio above 25 is
//! marked `SUPER-LINEAR`, and the run ends with exit code 1 if any case is, so a regression
//! cannot pass unnoticed.

#![allow(
    clippy::disallowed_methods,
    reason = "a benchmark program: it reads its own arguments"
)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// One case: a name and the input of size `n`.
type Case = (&'static str, fn(usize) -> String);

const CASES: &[Case] = &[
    ("nested strong emph", |n| {
        format!("{}b{}", "*a **a ".repeat(n), " a** a*".repeat(n))
    }),
    ("many emph closers with no openers", |n| "a_ ".repeat(n)),
    ("many emph openers with no closers", |n| "_a ".repeat(n)),
    ("many **a openers", |n| "**a ".repeat(n)),
    ("many link closers with no openers", |n| "a]".repeat(n)),
    ("many link openers with no closers", |n| "[a".repeat(n)),
    ("mismatched openers and closers", |n| "*a_ ".repeat(n)),
    ("openers and closers multiple of 3", |n| {
        format!("a**b{}", "c* ".repeat(n))
    }),
    ("link openers and emph closers", |n| "[ a_".repeat(n)),
    ("pattern [ (](", |n| "[ (](".repeat(n)),
    ("nested brackets", |n| {
        format!("{}a{}", "[".repeat(n), "]".repeat(n))
    }),
    ("nested block quotes", |n| format!("{}a\n", "> ".repeat(n))),
    ("deeply nested lists", |n| {
        (0..n).map(|i| format!("{}* a\n", "  ".repeat(i))).collect()
    }),
    ("deeply nested ordered lists", |n| {
        (0..n)
            .map(|i| format!("{}1. a\n", "   ".repeat(i)))
            .collect()
    }),
    ("backtick runs of growing length", |n| {
        (1..n)
            .map(|i| format!("e{}", "`".repeat(i % 500)))
            .collect()
    }),
    ("unclosed links A", |n| "[a](<b".repeat(n)),
    ("unclosed links B", |n| "[a](b".repeat(n)),
    ("unclosed <!--", |n| format!("</{}", "<!--".repeat(n))),
    ("runs of <", |n| "<".repeat(n)),
    ("a< pairs", |n| "a<".repeat(n)),
    ("unclosed autolinks", |n| "<http://a ".repeat(n)),
    ("many link reference definitions", |n| {
        let defs: String = (0..n).map(|i| format!("[r{i}]: /u{i}\n")).collect();
        let uses: String = (0..n).map(|i| format!("[x][r{i}] ")).collect();
        format!("{defs}\n{uses}\n")
    }),
    ("reference uses without definitions", |n| {
        "[x][y] ".repeat(n)
    }),
    ("many footnote references", |n| {
        let uses: String = (0..n).map(|i| format!("x[^f{i}] ")).collect();
        let defs: String = (0..n).map(|i| format!("[^f{i}]: note {i}\n\n")).collect();
        format!("{uses}\n\n{defs}")
    }),
    ("nested emph and links", |n| {
        format!("{}x{}", "*[".repeat(n), "](u)*".repeat(n))
    }),
    ("many table columns", |n| {
        format!(
            "{}|\n{}|\n{}|\n",
            "| a ".repeat(n),
            "|---".repeat(n),
            "| b ".repeat(n)
        )
    }),
    ("many table rows", |n| {
        format!("| a | b |\n|---|---|\n{}", "| x | y |\n".repeat(n))
    }),
    ("entity-like runs", |n| "&#x1;&amp".repeat(n)),
    ("NUL bytes", |n| "abc\0de\0".repeat(n)),
    ("one long line of words", |n| "word ".repeat(n * 10)),
];

/// Project files: `+++` lines, each once a candidate closing fence that cost a TOML parse.
const FILE_CASES: &[Case] = &[
    ("front matter: '+++' lines in a string", |n| {
        format!(
            "+++\ntitle = \"\"\"\n{}\"\"\"\n+++\nbody\n",
            "+++\n".repeat(n)
        )
    }),
    ("front matter: unclosed string", |n| {
        format!("+++\ntitle = \"\"\"\n{}", "+++\n".repeat(n))
    }),
    ("front matter: only '+++' lines", |n| "+++\n".repeat(n + 1)),
];

/// A render path: its name, the function, and its n (the PDF path is slower per byte).
type Renderer<'a> = (&'static str, &'a dyn Fn(&str), usize);

/// The fastest of as many runs as fit in about 300 ms (at least one).
fn time(f: &dyn Fn()) -> Duration {
    let mut best = Duration::MAX;
    let start = Instant::now();
    while best == Duration::MAX || start.elapsed() < Duration::from_millis(300) {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let style = dossier::model::PageStyle::default();
    let meta = dossier_pdf::DocumentMeta::default();
    let html = |md: &str| {
        black_box(dossier::templates::html(md, "t", ""));
    };
    let pdf = |md: &str| {
        black_box(dossier_pdf::render(md, &style, &meta).expect("renders"));
    };
    let renderers: [Renderer<'_>; 2] = [("html", &html, 2000), ("pdf", &pdf, 200)];
    // A briefing accepts an empty front matter, a source does not: both decoders are exercised.
    let load = |text: &str| {
        let briefing = dossier::store::decode_briefing(Path::new("b.md"), text);
        let source = dossier::store::decode_source(Path::new("s.md"), text);
        black_box((briefing.is_ok(), source.is_ok()));
    };
    let loaders: [Renderer<'_>; 1] = [("load", &load, 2000)];
    println!(
        "{:<38} {:>4} {:>7} {:>11} {:>11} {:>6}",
        "case", "path", "n", "t(n)", "t(10n)", "ratio"
    );
    let mut bad = Vec::new();
    let cases = CASES.iter().map(|c| (c, &renderers[..]));
    let file_cases = FILE_CASES.iter().map(|c| (c, &loaders[..]));
    for ((name, make), paths) in cases.chain(file_cases) {
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        for &(path, render, n) in paths {
            let (small, large) = (make(n), make(10 * n));
            let a = time(&|| render(&small));
            let b = time(&|| render(&large));
            // Normalised to a tenfold input in bytes: 10 is linear whatever the case's growth.
            let growth = large.len() as f64 / small.len() as f64;
            let ratio = 10.0 * b.as_secs_f64() / a.as_secs_f64().max(1e-9) / growth;
            let flag = if ratio > 25.0 { "  SUPER-LINEAR" } else { "" };
            println!(
                "{name:<38} {path:>4} {n:>7} {:>9.2}ms {:>9.2}ms {ratio:>6.1}{flag}",
                a.as_secs_f64() * 1e3,
                b.as_secs_f64() * 1e3
            );
            if !flag.is_empty() {
                bad.push(format!("{name} ({path})"));
            }
        }
    }
    if !bad.is_empty() {
        eprintln!("super-linear: {}", bad.join(", "));
        std::process::exit(1);
    }
}
