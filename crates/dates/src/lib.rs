//! Temporal expressions in news text, resolved against a reference date: English ([`find`]) and
//! German, French, Spanish, Russian, Arabic and Persian ([`find_in`] with a [`Lang`]), by one
//! engine: a language brings its lexicon (`lexicons/`) and a few press conventions (Saturday–
//! Friday weeks in Arabic and Persian, Solar months and years in Persian), never its own rules.
//! Solar Hijri and Hijri dates become Gregorian days through `icu_calendar`, the date as written
//! kept in the expression's [`CalendarNote`].
//!
//! [`find`] reports every expression with its UTF-8 byte span, its value in EDTF, its kind
//! (absolute, relative, duration, copyright), the rule that matched and its TimeML TIMEX3
//! annotation, so that Dossier can be scored by the TempEval-3 standard.
//!
//! # How it works
//! One pass tokenizes the text and classifies each word by a `match` on its lowercase bytes
//! ([`lexicon`]); hand-written rules then read tokens, leftmost-longest (`rules/`, one module per
//! family of expressions). No regexes: the engine runs at well over 20 MB/s on one core
//! (`cargo run --release --example bench_dates -p dossier-dates`).
//!
//! [`metadata`] reads the dates a page states (a `<meta>` value, a date line, a URL path) with the
//! same lexicon and, for English date lines, the same rules.
//!
//! # Conventions
//! - Full dates ("2 June 2015", "June 2nd, 2015", "Dec. 6, 2024", "Tuesday 16 July 2024",
//!   "2015-06-02", "7/8/07" read month/day/year) → the day. "June 2015" → the month.
//! - A year alone only in a date context: after in, since, by, until, during, of, from, before,
//!   after, through, "year"; "from 2009 to 2011", "between 2014 and 2016"; "the 2014 annexation";
//!   "'82". Years are those of [`Years::MENTIONED`] (1500–2100) and never a count ("in 2000
//!   cases", "Resolution 2254").
//! - Day and month without a year → the latest such date on or before the reference; a month
//!   alone → the latest such month on or before the reference month. The coming one instead when
//!   the sentence speaks of the future ("will", "scheduled", "expected", "due", "plans", "until
//!   Friday").
//! - A bare weekday ("on Tuesday", "Thursday") → the latest such day on or before the reference
//!   (the reference itself if it is that weekday), or after it in a future sentence; "last
//!   Tuesday" → strictly before; "next Tuesday" → strictly after; "this Tuesday" → in the
//!   reference's ISO week. "today", "tonight", "yesterday", "tomorrow", "earlier today".
//! - "last week" → the previous ISO week as a Monday/Sunday interval (TIMEX `2015-W22`); "this
//!   week", "next week"; "earlier this week" → Monday of the current week to the reference;
//!   "later this year" → the reference to 31 December; "last/this/next month/year", "last
//!   September", "this weekend" (`2010-W04-WE`).
//! - "N days ago" → a day, "N weeks ago" → the day 7N before, "N months ago" → a month, "N years
//!   ago" → a year, "N decades ago" → an approximate year.
//! - "early/mid/late June 2015" → days 1–10 / 11–20 / 21–end as an interval (TIMEX the month);
//!   "early/mid/late 2009" → January–April / May–August / September–December; "the beginning/end
//!   of" like early/late. "about/around/circa/c. 2011" → `2011~`. "in the past few days",
//!   "recent weeks" → an interval ending at the reference with an approximate start (three
//!   units back); "the past nine days" → an exact interval.
//! - Durations ("for 40 years" → P40Y, "four years", "two and a half years" → P2.5Y, "a week",
//!   "fifty-year", "several years" → PXY, "thirty minutes" → PT30M) have no EDTF value.
//!   "annual", "weekly", "15 a year" are TIMEX SETs.
//! - "© 2005-2017", "Copyright 2017" → kind copyright (the interval or year as value): a page
//!   footer, never the date of an article.
//! - A time of day alone ("8 p.m.", "18:00 UTC") has no EDTF value and TIMEX type TIME; "8 p.m.
//!   on Tuesday" and "12:00 UTC Monday" are that day (with a TIME annotation).
//! - Not dates: counts and money ("20,000 troops", "$3,000"), model and resolution numbers
//!   ("F-16", "Resolution 2254"), phone numbers, sums ("7 − 2 =").

mod calendar;
mod calendars;
mod lang;
mod lexicon;
mod lexicons;
pub mod metadata;
mod rules;
pub mod sentence;
mod suggest;
mod token;
pub mod years;

pub use calendars::CalendarNote;
pub use lang::{Lang, detect as detect_language};
pub use lexicon::weekday_number;
pub use sentence::sentences;
pub use suggest::{Suggestion, quote_date, quote_date_in, suggest, suggest_in};
pub use years::Years;

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
    /// For a date written in another calendar (Solar Hijri, Hijri): that calendar, the date as
    /// written there, and how many days the Gregorian day may be off.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarNote>,
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

impl Timex {
    pub(crate) fn new(kind: TimexType, value: impl Into<String>) -> Timex {
        Timex {
            kind,
            value: value.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// Every temporal expression in English `text`, in text order, resolved against `reference`
/// (usually the publication date) where they are relative. Without a reference, relative
/// expressions are still reported, with `value: None` and a TIMEX placeholder (`XXXX-XX-XX`).
pub fn find(text: &str, reference: Option<NaiveDate>) -> Vec<Expression> {
    find_in(text, reference, Lang::En)
}

/// [`find`] for a text in `lang`: the same rules and conventions, that language's words.
pub fn find_in(text: &str, reference: Option<NaiveDate>, lang: Lang) -> Vec<Expression> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    // Chunks of whole lines, one token buffer reused: the working set stays in cache whatever
    // the size of the text. No rule reads across a line break, so no expression is cut.
    let mut base = 0;
    while base < text.len() {
        let end = chunk_end(text, base);
        let chunk = &text[base..end];
        token::tokenize_into(chunk, lang, &mut tokens);
        find_in_chunk(chunk, base, &tokens, reference, lang, &mut out);
        base = end;
    }
    out
}

const CHUNK: usize = 64 * 1024;

/// The end of the chunk starting at `base`: the first line break after `CHUNK` bytes.
fn chunk_end(text: &str, base: usize) -> usize {
    if text.len() - base <= CHUNK {
        return text.len();
    }
    let b = text.as_bytes();
    match b[base + CHUNK..].iter().position(|&c| c == b'\n') {
        Some(p) => base + CHUNK + p + 1,
        None => text.len(),
    }
}

fn find_in_chunk(
    chunk: &str,
    base: usize,
    tokens: &[token::Token],
    reference: Option<NaiveDate>,
    lang: Lang,
    out: &mut Vec<Expression>,
) {
    let matcher = rules::Matcher {
        text: chunk,
        tokens,
        reference,
        years: Years::MENTIONED,
        lang,
    };
    let mut i = 0;
    while i < tokens.len() {
        match matcher.at(i) {
            Some(mut hit) if hit.end > hit.first => {
                let (start, end) = (tokens[hit.first].start, tokens[hit.end - 1].end);
                // "samedi à 18 h", "hier, vers 20 h 30": outside English a time follows the
                // day it is on, a few words back in the same sentence.
                if lang != Lang::En
                    && hit.rule == "time-of-day"
                    && let Some(day) = day_before(out, chunk, base, start)
                    && let Some((_, clock)) = hit.timex.value.split_once('T')
                {
                    hit.timex.value = format!("{day}T{clock}");
                }
                out.push(Expression {
                    text: chunk[start..end].to_string(),
                    start: base + start,
                    end: base + end,
                    precision: hit.value.as_ref().and_then(precision),
                    value: hit.value,
                    kind: hit.kind,
                    rule: hit.rule,
                    timex: hit.timex,
                    calendar: hit.calendar,
                });
                i = hit.end;
            }
            _ => i += 1,
        }
    }
}

/// The day of the last expression found, when it is a day and ends at most a few words before
/// `at` in the same sentence: `2015-06-02`.
fn day_before(out: &[Expression], chunk: &str, base: usize, at: usize) -> Option<String> {
    let e = out.last()?;
    let end = e.end.checked_sub(base)?;
    let between = chunk.get(end..at)?;
    let near =
        between.split_whitespace().count() <= 3 && !between.contains(['.', '!', '?', ';', '\n']);
    if !near || e.precision != Some(Precision::Day) {
        return None;
    }
    match e.value? {
        Edtf::Single(d) => Some(d.to_string()),
        Edtf::Interval(..) => None,
    }
}

/// The precision of a date, or of the start of an interval.
fn precision(e: &Edtf) -> Option<Precision> {
    match e {
        Edtf::Single(d) => Some(d.precision()),
        Edtf::Interval(a, b) => a.date().or(b.date()).map(|d| d.precision()),
    }
}
