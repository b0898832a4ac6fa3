//! Dates that a page states outside its running text: machine timestamps (`<meta>`, JSON-LD,
//! `<time>`), dates in a URL path, and date lines in the languages news pages are in.
//!
//! Unlike [`crate::find`], these readers take the whole value for one date and accept only a day,
//! within the window of years the caller gives (a page's publication: [`Years::PUBLISHED`]).
//! A few regexes over short strings read the numeric and foreign forms; English falls back on
//! the grammar of [`crate::find`].

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use dossier_model::{Edtf, Precision};
use regex::Regex;

use crate::lexicon::month_number;
use crate::years::Years;

/// Longest text in which a date with a two-digit year ("8.5.12") is taken for one: a byline's
/// or a date line's, not a version number in prose.
pub const SHORT_DATE_TEXT: usize = 40;

/// A machine date ("2016-12-23", "2016-12-23T10:00:00Z", "20161223", "2016/12/23", RFC 2822)
/// or a written one (see [`written_day`]): the day, if it falls in `years`.
pub fn day(value: &str, years: Years) -> Option<Edtf> {
    let v = value.trim();
    if v.len() >= 10
        && let Some(d) = v
            .get(..10)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    {
        return plausible(d, years);
    }
    if v.len() >= 8
        && v.bytes().take(8).all(|b| b.is_ascii_digit())
        && let Ok(d) = NaiveDate::parse_from_str(&v[..8], "%Y%m%d")
    {
        return plausible(d, years);
    }
    if let Some(d) = v
        .get(..10)
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y/%m/%d").ok())
    {
        return plausible(d, years);
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(v) {
        return plausible(d.date_naive(), years);
    }
    written_day(v, years)
}

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(\d{1,2})(?:\.\s?|-|/)(\d{1,2})(?:\.\s?|-|/)((?:19|20)\d\d)|((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2}))\b")
        .expect("date regex")
});

/// The first full day written in `text`: numeric ("15.2.2018", "2018-02-15", "15-02-2018": day
/// first, as everywhere but the US, whose pages write month names or ISO), "8. Oktober 2017",
/// whatever the grammar of [`crate::find`] reads as a day ("March 3, 2020"), or in a short text
/// a day with a two-digit year ("8.5.12"). The numeric and foreign forms must fall in `years`.
pub fn written_day(text: &str, years: Years) -> Option<Edtf> {
    if let Some(c) = NUMERIC_DATE.captures(text) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let slashed = c.get(0).is_some_and(|m| m.as_str().contains('/'));
        let ymd = match n(3) {
            // "26/10/2018" is a day first, "10/26/2018" a month first; "05/07/2019" could be
            // either and stays unknown.
            Some(y) if slashed => match (n(1), n(2)) {
                (Some(a), Some(b)) if a > 12 && b <= 12 => (y, Some(b), Some(a)),
                (Some(a), Some(b)) if b > 12 && a <= 12 => (y, Some(a), Some(b)),
                _ => return None,
            },
            Some(y) => (y, n(2), n(1)),
            None => (n(4).unwrap_or(0), n(5), n(6)),
        };
        if let (y, Some(m), Some(d)) = ymd
            && let Some(day) =
                NaiveDate::from_ymd_opt(y as i32, m, d).and_then(|d| plausible(d, years))
        {
            return Some(day);
        }
    }
    day_month_year(text, years)
        .or_else(|| {
            // The grammar of running text, with its own window of years (`Years::MENTIONED`).
            crate::find(text, None)
                .into_iter()
                .find_map(|e| e.value)
                .filter(|d| d.precision() == Some(Precision::Day))
        })
        .or_else(|| short_year_day(text, years))
}

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b",
    )
    .expect("date regex")
});

/// "8. Oktober 2017", "14 mars 2019", "3 de mayo de 2020": a month name of any language the
/// lexicon knows.
fn day_month_year(text: &str, years: Years) -> Option<Edtf> {
    DAY_MONTH_YEAR.captures_iter(text).find_map(|c| {
        let month = u32::from(month_number(&c[2])?);
        let d = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[1].parse().ok()?)?;
        plausible(d, years)
    })
}

static SHORT_YEAR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.(\d\d)(?:$|[^\d.])").expect("date regex")
});

/// "8.5.12", "Party, 30.10.23": a day with a two-digit year, in a short text only (see
/// [`SHORT_DATE_TEXT`]). Years 90–99 are the 1990s, the rest this century.
fn short_year_day(text: &str, years: Years) -> Option<Edtf> {
    if text.trim().len() > SHORT_DATE_TEXT {
        return None;
    }
    let c = SHORT_YEAR_DATE.captures(text)?;
    let yy: i32 = c[3].parse().ok()?;
    let year = if yy >= 90 { 1900 + yy } else { 2000 + yy };
    NaiveDate::from_ymd_opt(year, c[2].parse().ok()?, c[1].parse().ok()?)
        .and_then(|d| plausible(d, years))
}

/// `/2016/12/23/`, `/2016-12-23-slug`, `/20161223/` or `/23-12-2016` in a URL path.
pub fn url_day(url: &str, years: Years) -> Option<Edtf> {
    let path = url.splitn(4, '/').nth(3)?;
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split(['/', '-', '_']).collect();
    let num = |s: &str, len: usize| s.parse::<u32>().ok().filter(|_| s.len() == len);
    let day = |y: u32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y as i32, m, d).and_then(|d| plausible(d, years))
    };
    parts
        .windows(3)
        .find_map(|w| {
            let ymd = || day(num(w[0], 4)?, num(w[1], 2)?, num(w[2], 2)?);
            let dmy = || day(num(w[2], 4)?, num(w[1], 2)?, num(w[0], 2)?);
            ymd().or_else(dmy)
        })
        .or_else(|| {
            // A whole segment of eight digits; only as a segment, so ids never count.
            path.split('/')
                .filter(|s| s.len() == 8)
                .find_map(|s| day(num(&s[..4], 4)?, num(&s[4..6], 2)?, num(&s[6..], 2)?))
        })
}

/// A machine timestamp as written: its wall-clock time and, when it says, its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    pub wall: NaiveDateTime,
    /// Seconds east of UTC; `None` when the timestamp does not say ("2023-11-08 17:49:09").
    pub offset: Option<i32>,
}

/// A machine timestamp: RFC 3339 (also without seconds), RFC 2822, or a naive date and time.
pub fn timestamp(value: &str) -> Option<Timestamp> {
    let v = value.trim();
    // "2021-11-04T23:00Z": RFC 3339 wants seconds, pages often leave them out.
    let zulu;
    let v = match v.strip_suffix('Z') {
        Some(rest) => {
            zulu = format!("{rest}+00:00");
            zulu.as_str()
        }
        None => v,
    };
    let with_offset = |t: chrono::DateTime<chrono::FixedOffset>| Timestamp {
        wall: t.naive_local(),
        offset: Some(t.offset().local_minus_utc()),
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(with_offset(t));
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(with_offset(t));
    }
    for f in [
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(t) = chrono::DateTime::parse_from_str(v, f) {
            return Some(with_offset(t));
        }
    }
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok())
        .map(|wall| Timestamp { wall, offset: None })
}

/// The day `d`, if its year is in `years`.
fn plausible(d: NaiveDate, years: Years) -> Option<Edtf> {
    years.contains(d.year()).then(|| Edtf::day(d)).flatten()
}
