//! Issue 15's checks, on invented text: messages that name the file's own lines, refusals in
//! one sentence, what `validate` finds, how `excerpt add` dates a quote or says it cannot, the
//! nearest passage of a quote not found, and the chronology table's month groups.

mod common;

use common::{dossier, import_text, new_project, s};

/// Published 10 December 2031; "Oct. 7" is two months before it.
const ARTICLE: &str = "Harbour talks stall\n\nPublished 10 December 2031\n\n\
Port officials closed the harbour on Tuesday after a storm.\n\n\
The unrest began with the Oct. 7 strike at the northern quay, the union said.\n\n\
The harbour master said the harbour would reopen next spring.\n\n\
Talks went on in the harbour office; the harbour office stayed shut.\n";

fn add(dir: &std::path::Path, source: &str, quote: &str, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "excerpt",
        "add",
        s(dir),
        "--source",
        source,
        "--quote",
        quote,
    ];
    args.extend_from_slice(extra);
    dossier(&args)
}

fn findings(dir: &std::path::Path) -> Vec<(String, String, String)> {
    dossier(&["validate", s(dir), "--json"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn validate_finds_what_the_analyst_must_confirm() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    dossier(&["source", "edit", s(&dir), &id, "--published", "2031-12-10"]).ok();
    // An event after the publication; the same tagged as a forecast.
    let late = add(
        &dir,
        &id,
        "would reopen next spring",
        &["--date", "2999-01-01", "--json"],
    )
    .ok()
    .json();
    let forecast = add(
        &dir,
        &id,
        "The harbour master said",
        &["--date", "2032-04", "--tag", "forecast", "--json"],
    )
    .ok()
    .json();
    // One word, and a quote that occurs twice.
    let short = add(&dir, &id, "storm", &["--date", "2031-12-09", "--json"])
        .ok()
        .json();
    let twice = add(
        &dir,
        &id,
        "the harbour office",
        &["--date", "2031-12", "--json"],
    )
    .ok()
    .json();
    // "Oct. 7" in a December article: the year is the convention's guess.
    let oct = add(
        &dir,
        &id,
        "began with the Oct. 7 strike at the northern quay",
        &["--json"],
    )
    .ok()
    .json();
    assert_eq!(oct["date"]["value"], "2031-10-07", "{oct}");
    let found = findings(&dir);
    let of = |kind: &str| -> Vec<String> {
        found
            .iter()
            .filter(|f| f.0 == kind)
            .map(|f| f.1.clone())
            .collect()
    };
    let file = |x: &serde_json::Value| format!("excerpts/{}.toml", x["id"].as_str().unwrap());
    assert_eq!(of("event-after-publication"), [file(&late)], "{found:?}");
    assert!(!of("event-after-publication").contains(&file(&forecast)));
    assert_eq!(of("quote-too-short"), [file(&short)], "{found:?}");
    assert_eq!(of("quote-ambiguous"), [file(&twice)], "{found:?}");
    assert_eq!(of("unsure-year"), [file(&oct)], "{found:?}");
    let unsure = found.iter().find(|f| f.0 == "unsure-year").unwrap();
    assert!(unsure.2.contains("Oct. 7"), "{}", unsure.2);
}

#[test]
fn excerpt_add_says_when_it_dates_a_quote_and_when_it_cannot() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    dossier(&["source", "edit", s(&dir), &id, "--published", "2031-12-10"]).ok();
    let dated = add(&dir, &id, "Port officials closed the harbour", &[]).ok();
    assert!(
        dated.stderr.contains("dated 9 December 2031"),
        "{}",
        dated.stderr
    );
    let undated = add(&dir, &id, "the harbour office stayed shut", &[]).ok();
    assert!(
        undated.stderr.contains("states no date") && undated.stderr.contains("--date"),
        "{}",
        undated.stderr
    );
}

#[test]
fn a_quote_not_found_shows_the_nearest_passage() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    let r = add(
        &dir,
        &id,
        "Port officials shut the harbour on Tuesday after the storm",
        &[],
    )
    .fails(1, "not in source");
    assert!(
        r.stderr
            .contains("nearest passage of the source is \"Port officials closed the harbour on Tuesday after a storm\""),
        "{}",
        r.stderr
    );
}

/// `render` said main.md:22 where `validate` rightly said main.md:27: the front matter was not
/// counted.
#[test]
fn regression_render_named_lines_of_the_body_not_of_the_file() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    add(
        &dir,
        &id,
        "Port officials closed the harbour",
        &["--date", "2031-12-09"],
    )
    .ok();
    let main = dir.join("briefings/main.md");
    let text = "+++\ntitle = \"Harbour\"\ntemplate = \"sitrep\"\n+++\n## BLUF\n\nThe harbour is shut [@missing-1234].\n\n## Discussion\n\nMore.\n";
    std::fs::write(&main, text).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let r = dossier(&["render", s(&dir)]).ok();
    assert!(
        r.stderr.contains(&format!(
            "briefings/main.md:{}: [@missing-1234]",
            line_of("missing-1234")
        )),
        "{}",
        r.stderr
    );
    // The section sitrep does not write, at its heading.
    assert!(
        r.stderr.contains(&format!(
            "briefings/main.md:{}: template sitrep does not write the section \"Discussion\"",
            line_of("## Discussion")
        )),
        "{}",
        r.stderr
    );
    let found = dossier(&["validate", s(&dir), "--json"]).json();
    let cite = found
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "unknown-citation")
        .unwrap();
    assert_eq!(cite["line"], line_of("missing-1234"));
}

/// tlp-brief's refusal cited "line 3: BLUF" for line 8, and listed 23 portions in 2,000
/// characters: one sentence now, the first portion at its file line, and what to do.
#[test]
fn regression_the_unmarked_refusal_was_a_list_of_every_portion() {
    let (_tmp, dir) = new_project();
    let main = dir.join("briefings/main.md");
    let mut text = "+++\ntitle = \"Harbour\"\n+++\n## BLUF\n\nOne.\n\nTwo.\n\n## Key judgments\n\n"
        .to_string();
    for i in 0..20 {
        text.push_str(&format!("- Judgment {i}.\n"));
    }
    std::fs::write(&main, &text).unwrap();
    let r = dossier(&["render", s(&dir), "--template", "tlp-brief"]).fails(1, "unmarked");
    let line = text.lines().position(|l| l == "One.").unwrap() + 1;
    assert!(
        r.stderr.contains(&format!(
            "the first at briefings/main.md:{line} (BLUF paragraph 1)"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("(TLP:CLEAR)"), "{}", r.stderr);
    assert!(r.stderr.trim().lines().count() <= 2, "{}", r.stderr);
    assert!(r.stderr.len() < 500, "{}", r.stderr);
    // validate lists every one.
    let found = findings(&dir);
    let unmarked = found.iter().filter(|f| f.0 == "unmarked-portion").count();
    assert!(unmarked >= 2, "{found:?}");
}

#[test]
fn the_chronology_table_groups_entries_whose_day_is_not_known() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    for (quote, date) in [
        ("Port officials closed the harbour", "2031-12-01"),
        ("The harbour master said", "2031-12"),
        ("Talks went on in the harbour office", "2031-12-02"),
    ] {
        add(&dir, &id, quote, &["--date", date]).ok();
    }
    let table = dossier(&["chronology", s(&dir)]).ok().stdout;
    let at = |needle: &str| {
        table
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in\n{table}"))
    };
    assert!(
        at("December 2031 (day not known)") < at("  December 2031 "),
        "{table}"
    );
    assert!(at("  December 2031 ") < at("1 December 2031"), "{table}");
    assert!(at("1 December 2031") < at("2 December 2031"), "{table}");
}
