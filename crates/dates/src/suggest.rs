//! Suggested excerpts: sentences that report an event and carry a dated temporal expression,
//! resolved against the publication date and ranked.
//!
//! # Score (0 to 1)
//! A sentence starts at 0.3 and gains 0.25 for a reporting or event verb ("said", "launched",
//! "captured", "evacuating" …), 0.1 for a past-tense verb, and 0.25 / 0.15 / 0.1 / 0.05 for a
//! day / month / week or span / year date. It loses 0.3 when it is a fragment of fewer than
//! six words (a page header, a dateline) and 0.2 when it speaks of the future (a plan is not an
//! event yet). Suggestions are ranked by score, then by position.

use std::ops::Range;

use chrono::NaiveDate;
use dossier_model::{Edtf, Precision};
use serde::Serialize;

use crate::{Expression, Kind, Lang, find_in, sentence::sentences};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The sentence as it stands in the text.
    pub sentence: String,
    /// Byte offsets of the sentence in the text.
    pub start: usize,
    pub end: usize,
    /// The resolved date of the event.
    pub date: Edtf,
    /// The expression that dates it.
    pub expression: Expression,
    pub score: f64,
}

const EVENT_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "reports",
    "quoted",
    "stated",
    "declared",
    "confirmed",
    "acknowledged",
    "claimed",
    "denied",
    "warned",
    "pledged",
    "promised",
    "vowed",
    "launched",
    "started",
    "began",
    "begun",
    "captured",
    "seized",
    "took",
    "taken",
    "killed",
    "attacked",
    "struck",
    "bombed",
    "shelled",
    "arrived",
    "deployed",
    "evacuated",
    "evacuating",
    "withdrew",
    "withdrawn",
    "retreated",
    "advanced",
    "signed",
    "met",
    "visited",
    "agreed",
    "rejected",
    "fled",
    "fell",
    "lost",
    "won",
    "opened",
    "closed",
    "ended",
    "resigned",
    "elected",
    "appointed",
    "arrested",
    "released",
    "died",
    "massing",
    "mobilized",
    "transferred",
    "toured",
    "filed",
    "sued",
    "voted",
    "approved",
    "passed",
    "recruited",
    "funerals",
    "exploded",
];

const FUTURE: &[&str] = &[
    "will",
    "shall",
    "would",
    "plans",
    "planned",
    "scheduled",
    "expected",
];

/// The suggestions for `text`, best first. Without a publication date only absolute dates can
/// be resolved, so only their sentences are suggested.
pub fn suggest(text: &str, published: Option<NaiveDate>) -> Vec<Suggestion> {
    suggest_in(text, published, Lang::En)
}

/// [`suggest`] for a text in `lang`.
pub fn suggest_in(text: &str, published: Option<NaiveDate>, lang: Lang) -> Vec<Suggestion> {
    let expressions = find_in(text, published, lang);
    let mut out = Vec::new();
    let mut next = 0;
    for range in sentences(text) {
        // Expressions are in text order: walk them alongside the sentences.
        while next < expressions.len() && expressions[next].end <= range.start {
            next += 1;
        }
        let mut k = next;
        while k < expressions.len() && expressions[k].start < range.end {
            k += 1;
        }
        // An expression that straddles a sentence boundary belongs to the sentence it starts
        // in, which has already been ranked.
        let best = dating(
            expressions[next..k]
                .iter()
                .filter(|e| e.start >= range.start),
        );
        let Some(e) = best else { continue };
        let date = e.value.expect("dates_an_event checked the value");
        out.push(Suggestion {
            sentence: text[range.clone()].to_string(),
            start: range.start,
            end: range.end,
            date,
            expression: e.clone(),
            score: score(&text[range.clone()], e.start - range.start, e),
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.start.cmp(&b.start)));
    out
}

/// The expression that dates the sentences that hold `quote` (a byte range of `text`), by the
/// rule that dates a suggestion ([`dating`]): what `excerpt add` takes as the excerpt's date,
/// so a quote is dated as its sentence was suggested.
pub fn quote_date(
    text: &str,
    quote: Range<usize>,
    reference: Option<NaiveDate>,
) -> Option<Expression> {
    quote_date_in(text, quote, reference, Lang::En)
}

/// [`quote_date`] for a text in `lang`.
pub fn quote_date_in(
    text: &str,
    quote: Range<usize>,
    reference: Option<NaiveDate>,
    lang: Lang,
) -> Option<Expression> {
    let around: Vec<Range<usize>> = sentences(text)
        .into_iter()
        .filter(|s| s.start < quote.end.max(quote.start + 1) && quote.start < s.end)
        .collect();
    let (lo, hi) = (around.first()?.start, around.last()?.end);
    let found = find_in(&text[lo..hi], reference, lang);
    let one = dating(found.iter())?;
    Some(Expression {
        start: one.start + lo,
        end: one.end + lo,
        ..one.clone()
    })
}

/// The one dating rule: of the expressions of a sentence, the one that dates an event
/// ([`dates_an_event`]) most precisely ([`rank`]), the first of equals.
fn dating<'a>(expressions: impl Iterator<Item = &'a Expression>) -> Option<&'a Expression> {
    let mut best: Option<&Expression> = None;
    for e in expressions {
        if dates_an_event(e) && best.is_none_or(|b| rank(e) > rank(b)) {
            best = Some(e);
        }
    }
    best
}

fn dates_an_event(e: &Expression) -> bool {
    e.value.is_some() && matches!(e.kind, Kind::Absolute | Kind::Relative)
}

/// Which of several expressions in a sentence dates it: the most precise, then the first.
fn rank(e: &Expression) -> u8 {
    match (&e.value, e.precision) {
        (Some(Edtf::Single(_)), Some(Precision::Day)) => 4,
        (Some(Edtf::Single(_)), Some(Precision::Month)) => 3,
        (Some(Edtf::Interval(..)), _) => 2,
        _ => 1,
    }
}

/// The score of a sentence dated by `e` (which starts at byte `at` of the sentence).
fn score(sentence: &str, at: usize, e: &Expression) -> f64 {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let mut s: f64 = 0.3;
    if has(EVENT_VERBS) {
        s += 0.25;
    }
    if words.iter().any(|w| w.len() > 4 && w.ends_with("ed")) {
        s += 0.1;
    }
    s += match rank(e) {
        4 => 0.25,
        3 => 0.15,
        2 => 0.1,
        _ => 0.05,
    };
    if words.len() < 6 {
        s -= 0.3;
    }
    // A future word counts only in the reporter's own words leading to the date, not in a
    // quote ("“… will remain …,” Rouhani said on Tuesday").
    let lead = &sentence[..at];
    let lead = lead.rfind(['”', '"']).map_or(lead, |q| &lead[q..]);
    if lead
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| FUTURE.iter().any(|f| w.eq_ignore_ascii_case(f)))
    {
        s -= 0.2;
    }
    (s.clamp(0.0, 1.0) * 100.0).round() / 100.0
}
