//! The case file `tests/cases.txt`: every case is checked, and all failures are reported at once.

use chrono::NaiveDate;
use dossier_dates::{Expression, Kind, find};

const CASES: &str = include_str!("cases.txt");

/// What one expected expression says; `None` fields are not checked.
struct Expected<'a> {
    span: &'a str,
    value: &'a str,
    timex: Option<&'a str>,
    kind: Option<&'a str>,
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
            let (mut timex, mut kind) = (None, None);
            for p in parts {
                if let Some(t) = p.strip_prefix('@') {
                    timex = Some(t);
                } else if let Some(k) = p.strip_prefix('#') {
                    kind = Some(k);
                } else {
                    panic!("unknown annotation {p:?} in {item:?}");
                }
            }
            Expected {
                span: span.trim(),
                value,
                timex,
                kind,
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

/// One case: the differences between what `find` reports and what the case expects.
fn check(
    reference: Option<NaiveDate>,
    text: &str,
    expected: &[Expected<'_>],
) -> Result<(), String> {
    let found = find(text, reference);
    let show = |e: &Expression| {
        format!(
            "{:?} => {} @{} #{} ({})",
            e.text,
            e.value
                .map(|v| v.to_string())
                .unwrap_or_else(|| "null".into()),
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
        let value = f
            .value
            .map(|v| v.to_string())
            .unwrap_or_else(|| "null".into());
        let ok = f.text == e.span
            && text[f.start..f.end] == f.text
            && value == e.value
            && e.timex.is_none_or(|t| t == f.timex.value)
            && e.kind.is_none_or(|k| k == kind_name(f.kind));
        if !ok {
            return Err(format!(
                "expected {:?} => {}, found [{}]",
                e.span,
                e.value,
                all()
            ));
        }
    }
    Ok(())
}

#[test]
fn case_file() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (line_no, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.splitn(3, " | ");
        let (reference, text, expected) = (
            cols.next().expect("reference"),
            cols.next().expect("text"),
            cols.next().expect("expected"),
        );
        let reference = (reference != "-").then(|| {
            NaiveDate::parse_from_str(reference, "%Y-%m-%d").expect("reference is YYYY-MM-DD")
        });
        let text = text.replace("\\n", "\n");
        n += 1;
        if let Err(e) = check(reference, &text, &parse_expected(expected)) {
            failures.push(format!("line {}: {text:?}: {e}", line_no + 1));
        }
    }
    assert!(
        n >= 150,
        "the case file should hold at least 150 cases, has {n}"
    );
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
