//! The case file `tests/cases.txt`: every case is checked, and all failures are reported at once.
//!
//! `DOSSIER_BLESS=1 cargo test -p dossier-dates --test cases` instead rewrites the expected part
//! of every case from what `find` reports now (keeping comments, section headers, and which
//! optional annotations each expression carries), for a change whose new output has been
//! reviewed: read the diff of `cases.txt` before committing it.

use chrono::NaiveDate;
use dossier_dates::{Expression, Kind, find};

const CASES: &str = include_str!("cases.txt");
const CASES_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases.txt");

/// One line of the case file that holds a case.
struct Case<'a> {
    reference: Option<NaiveDate>,
    /// The text as written in the file (`\n` escaped).
    written: &'a str,
    expected: Vec<Expected<'a>>,
}

/// What one expected expression says; `None` fields are not checked.
struct Expected<'a> {
    span: String,
    value: &'a str,
    timex: Option<&'a str>,
    kind: Option<&'a str>,
    /// Required; `None` only so that a file without it can be blessed.
    rule: Option<&'a str>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn escape(s: &str) -> String {
    s.replace('\n', "\\n")
}

/// The case on `line`, or `None` for a blank line, a comment or a section header.
fn parse_case(line: &str) -> Option<Case<'_>> {
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut cols = line.splitn(3, " | ");
    let (reference, written, expected) = (
        cols.next().expect("reference"),
        cols.next().expect("text"),
        cols.next().expect("expected"),
    );
    let reference = (reference != "-").then(|| {
        NaiveDate::parse_from_str(reference, "%Y-%m-%d").expect("reference is YYYY-MM-DD")
    });
    Some(Case {
        reference,
        written,
        expected: parse_expected(expected),
    })
}

fn parse_expected(s: &str) -> Vec<Expected<'_>> {
    if s.trim() == "-" {
        return Vec::new();
    }
    s.split(" ; ")
        .map(|item| {
            let (span, rest) = item
                .split_once(" => ")
                .unwrap_or_else(|| panic!("expected `SPAN => VALUE` in {item:?}"));
            let mut parts = rest.split_whitespace();
            let value = parts.next().expect("a value after =>");
            let (mut timex, mut kind, mut rule) = (None, None, None);
            for p in parts {
                if let Some(t) = p.strip_prefix('@') {
                    timex = Some(t);
                } else if let Some(k) = p.strip_prefix('#') {
                    kind = Some(k);
                } else if let Some(r) = p.strip_prefix('!') {
                    rule = Some(r);
                } else {
                    panic!("unknown annotation {p:?} in {item:?}");
                }
            }
            Expected {
                span: unescape(span.trim()),
                value,
                timex,
                kind,
                rule,
            }
        })
        .collect()
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Absolute => "absolute",
        Kind::Relative => "relative",
        Kind::Duration => "duration",
        Kind::Copyright => "copyright",
    }
}

fn value_of(e: &Expression) -> String {
    e.value
        .map(|v| v.to_string())
        .unwrap_or_else(|| "null".into())
}

/// One case: the differences between what `find` reports and what the case expects.
fn check(
    reference: Option<NaiveDate>,
    text: &str,
    expected: &[Expected<'_>],
) -> Result<(), String> {
    let found = find(text, reference);
    let show = |e: &Expression| {
        format!(
            "{:?} => {} @{} #{} !{}",
            e.text,
            value_of(e),
            e.timex.value,
            kind_name(e.kind),
            e.rule
        )
    };
    let all = || found.iter().map(show).collect::<Vec<_>>().join(" ; ");
    if found.len() != expected.len() {
        return Err(format!(
            "expected {} expressions, found [{}]",
            expected.len(),
            all()
        ));
    }
    for (f, e) in found.iter().zip(expected) {
        let ok = f.text == e.span
            && text[f.start..f.end] == f.text
            && value_of(f) == e.value
            && e.timex.is_none_or(|t| t == f.timex.value)
            && e.kind.is_none_or(|k| k == kind_name(f.kind))
            && e.rule == Some(f.rule);
        if !ok {
            return Err(format!(
                "expected {:?} => {} !{}, found [{}]",
                e.span,
                e.value,
                e.rule.unwrap_or("(every expression names its rule)"),
                all()
            ));
        }
    }
    Ok(())
}

/// The expected part of a case from what `find` reports: each expression keeps the optional
/// annotations (`@TIMEX`, `#KIND`) that the expression at its place had before.
fn blessed(found: &[Expression], before: &[Expected<'_>]) -> String {
    if found.is_empty() {
        return "-".into();
    }
    found
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let old = before.get(i);
            let mut item = format!("{} => {}", escape(&e.text), value_of(e));
            if old.is_some_and(|o| o.timex.is_some()) {
                item.push_str(&format!(" @{}", e.timex.value));
            }
            if old.is_some_and(|o| o.kind.is_some()) {
                item.push_str(&format!(" #{}", kind_name(e.kind)));
            }
            item.push_str(&format!(" !{}", e.rule));
            item
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// The case file `cases` rewritten from the current output, and how many cases changed; lines
/// that hold no case stay as they are.
fn blessed_file(cases: &str) -> (String, usize) {
    let mut out = String::with_capacity(cases.len());
    let mut changed = 0;
    for line in cases.lines() {
        match parse_case(line) {
            Some(case) => {
                let found = find(&unescape(case.written), case.reference);
                let reference = case
                    .reference
                    .map_or("-".to_string(), |r| r.format("%Y-%m-%d").to_string());
                let new = format!(
                    "{reference} | {} | {}",
                    case.written,
                    blessed(&found, &case.expected)
                );
                changed += usize::from(new != line);
                out.push_str(&new);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    (out, changed)
}

/// Whether this run rewrites the case file instead of checking it.
#[allow(
    clippy::disallowed_methods,
    reason = "test tooling: the bless switch is the developer's, never the core's"
)]
fn blessing() -> bool {
    std::env::var_os("DOSSIER_BLESS").is_some_and(|v| v == "1")
}

#[test]
fn case_file() {
    if blessing() {
        let (blessed, changed) = blessed_file(CASES);
        std::fs::write(CASES_PATH, blessed).expect("write tests/cases.txt");
        eprintln!("DOSSIER_BLESS: rewrote {changed} cases of {CASES_PATH}; review the diff");
        return;
    }
    let mut failures = Vec::new();
    let mut n = 0;
    for (line_no, line) in CASES.lines().enumerate() {
        let Some(case) = parse_case(line) else {
            continue;
        };
        let text = unescape(case.written);
        n += 1;
        if let Err(e) = check(case.reference, &text, &case.expected) {
            failures.push(format!("line {}: {text:?}: {e}", line_no + 1));
        }
    }
    assert!(
        n >= 150,
        "the case file should hold at least 150 cases, has {n}"
    );
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail (DOSSIER_BLESS=1 rewrites the file after a reviewed change):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn blessing_names_the_rule_and_keeps_the_annotations_a_case_had() {
    let check = |text: &str, before: &str, expected: &str| {
        let found = find(text, NaiveDate::from_ymd_opt(2015, 6, 3));
        assert_eq!(blessed(&found, &parse_expected(before)), expected, "{text}");
    };
    check(
        "in June 2015",
        "June 2015 => 2015-06 @2015-06",
        "June 2015 => 2015-06 @2015-06 !month-year",
    );
    check(
        "on Tuesday, four years ago",
        "Tuesday => 2015-06-02 #relative",
        "Tuesday => 2015-06-02 #relative !weekday ; four years ago => 2011 !ago",
    );
    check("in 2000 cases", "2000 => 2000 !year", "-");
}

#[test]
fn blessing_a_passing_case_file_changes_nothing() {
    if blessing() {
        return; // `CASES` is the file as it was before this run rewrote it.
    }
    let (blessed, changed) = blessed_file(CASES);
    assert_eq!(changed, 0);
    assert_eq!(blessed, CASES);
}
