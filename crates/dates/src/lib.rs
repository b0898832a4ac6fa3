//! Temporal expressions in English news text, resolved against a reference date.
#![allow(clippy::collapsible_if)] // skeleton, replaced by the dates engine
//!
//! SKELETON: only ISO dates and "2 June 2015" / "June 2, 2015" forms are recognised so far.
//! The public API (`find`, `Expression`) is what the rest of Dossier uses.

use chrono::NaiveDate;
use dossier_model::{Edtf, Precision};
use serde::Serialize;

/// One temporal expression found in a text. Offsets are UTF-8 byte offsets, half-open.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expression {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The resolved date in EDTF; `None` when the expression has no calendar value (a time of
    /// day alone, a duration) or cannot be resolved without a reference date.
    pub value: Option<Edtf>,
    pub precision: Option<Precision>,
    pub kind: Kind,
    /// The rule that matched, for provenance.
    pub rule: &'static str,
    pub timex: Timex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Absolute,
    Relative,
    Duration,
    Copyright,
}

/// The TimeML TIMEX3 annotation of an expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    #[serde(rename = "type")]
    pub kind: TimexType,
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Every temporal expression in `text`, in text order, resolved against `reference` (usually the
/// publication date) where they are relative.
pub fn find(text: &str, reference: Option<NaiveDate>) -> Vec<Expression> {
    let _ = reference;
    let words: Vec<(usize, &str)> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .scan(0usize, |pos, w| {
            let start = text[*pos..].find(w).map(|i| *pos + i).unwrap_or(*pos);
            *pos = start + w.len();
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| w.eq_ignore_ascii_case(m))
            .map(|i| i as u32 + 1)
    };
    let num = |w: &str| w.trim_end_matches(['.', ';', ')']).parse::<u32>().ok();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, w) = words[i];
        let iso = w.trim_end_matches(['.', ';', ')']);
        if iso.len() == 10 && iso.as_bytes()[4] == b'-' {
            if let Ok(d) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
                out.push(day(text, s, s + iso.len(), d, "iso-date"));
            }
        } else if i + 2 < words.len() {
            let (d, m, y) = (num(w), month(words[i + 1].1), num(words[i + 2].1));
            let (m2, d2) = (month(w), num(words[i + 1].1));
            let (ys, yw) = words[i + 2];
            let end = ys + yw.trim_end_matches(['.', ';', ')']).len();
            if let (Some(d), Some(m), Some(y)) = (d, m, y) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    out.push(day(text, s, end, date, "day-month-year"));
                    i += 3;
                    continue;
                }
            }
            if let (Some(m), Some(d), Some(y)) = (m2, d2, y) {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    out.push(day(text, s, end, date, "month-day-year"));
                    i += 3;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

fn day(text: &str, start: usize, end: usize, d: NaiveDate, rule: &'static str) -> Expression {
    let value = Edtf::day(d);
    Expression {
        text: text[start..end].to_string(),
        start,
        end,
        precision: Some(Precision::Day),
        kind: Kind::Absolute,
        rule,
        timex: Timex {
            kind: TimexType::Date,
            value: d.format("%Y-%m-%d").to_string(),
        },
        value,
    }
}
