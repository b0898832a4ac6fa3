//! Every example of the CommonMark spec renders to a valid PDF without a panic, and so does
//! hostile input.
//!
//! The spec (CC-BY-SA) is not vendored: the test fetches the npm package `commonmark-spec` into
//! the target directory once, and skips visibly where npm cannot reach it (fails in CI).

#![allow(
    clippy::disallowed_methods,
    reason = "tests read CI (an absent spec fails there) from the environment"
)]

mod support;

use std::path::PathBuf;
use std::process::Command;

use support::{render, scratch, tool};

const SPEC_VERSION: &str = "0.31.2";

fn spec_text() -> Option<String> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("commonmark-spec");
    let spec = dir.join("package/spec.txt");
    if !spec.exists() {
        std::fs::create_dir_all(&dir).ok()?;
        let fetched = Command::new("npm")
            .args([
                "pack",
                &format!("commonmark-spec@{SPEC_VERSION}"),
                "--silent",
            ])
            .current_dir(&dir)
            .output()
            .is_ok_and(|o| o.status.success())
            && Command::new("tar")
                .args(["xzf", &format!("commonmark-spec-{SPEC_VERSION}.tgz")])
                .current_dir(&dir)
                .status()
                .is_ok_and(|s| s.success());
        if !fetched {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("the CommonMark spec could not be fetched with npm, and CI must run it");
            }
            eprintln!(
                "SKIPPED every_commonmark_example_renders: npm could not fetch commonmark-spec"
            );
            return None;
        }
    }
    std::fs::read_to_string(spec).ok()
}

/// The examples of spec.txt: the Markdown between a 32-backtick `example` fence and the lone
/// `.` line; `→` stands for a tab.
fn examples(spec: &str) -> Vec<String> {
    let fence = "`".repeat(32);
    let start = format!("{fence} example");
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_markdown = false;
    for line in spec.lines() {
        if line == start {
            current = Some(String::new());
            in_markdown = true;
        } else if line == fence {
            out.extend(current.take());
        } else if in_markdown && line == "." {
            in_markdown = false;
        } else if in_markdown && let Some(md) = &mut current {
            md.push_str(&line.replace('→', "\t"));
            md.push('\n');
        }
    }
    out
}

#[test]
fn every_commonmark_example_renders() {
    let Some(spec) = spec_text() else { return };
    let examples = examples(&spec);
    assert!(examples.len() >= 650, "{} examples", examples.len());
    let qpdf = tool("every_commonmark_example_renders", "qpdf");
    for (i, md) in examples.iter().enumerate() {
        let pdf = render(md);
        lopdf::Document::load_mem(&pdf).unwrap_or_else(|e| panic!("example {}: {e}", i + 1));
        if qpdf && i % 10 == 0 {
            let path = scratch("example.pdf", &pdf);
            let ok = Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                ok.status.success(),
                "example {}: {}",
                i + 1,
                String::from_utf8_lossy(&ok.stdout)
            );
        }
    }
    // All of them in one document, too.
    let all = render(&examples.join("\n"));
    lopdf::Document::load_mem(&all).expect("the whole spec renders");
}

/// Bounded: a few seconds in a debug build; a layout quadratic in a word's length, a table's
/// width or a list's depth would not end within the limit.
#[test]
fn hostile_input_renders_or_errs_without_panic() {
    dossier_testkit::bounded(
        std::time::Duration::from_secs(600),
        "hostile_input_renders_or_errs_without_panic",
        || {
            let long_word = "x".repeat(100_000);
            let wide_table = format!(
                "|{}\n|{}\n|{}\n",
                "a|".repeat(300),
                "-|".repeat(300),
                "1|".repeat(300)
            );
            let deep_list = (0..2000)
                .map(|i| format!("{}- item\n", "  ".repeat(i)))
                .collect::<String>();
            let garbage: String = (0..20_000u32)
                .map(|i| char::from_u32((i * 7919) % 0x2FFFF).unwrap_or('?'))
                .collect();
            let quotes = ">".repeat(5000) + " deep";
            for md in [
                long_word.as_str(),
                &wide_table,
                &deep_list,
                &garbage,
                &quotes,
                "",
                "\n\n\n",
                "\\newpage\n\n\\newpage",
            ] {
                let pdf = render(md);
                lopdf::Document::load_mem(&pdf).expect("valid PDF");
            }
            let huge = "a".repeat(dossier_pdf::MAX_INPUT + 1);
            let err =
                dossier_pdf::render(&huge, &Default::default(), &support::meta()).unwrap_err();
            assert!(err.to_string().contains("split it"), "{err}");
        },
    );
}
