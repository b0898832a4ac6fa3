//! Partial and uncertain dates, after the Extended Date/Time Format (EDTF, ISO 8601-2) level 1.
//!
//! What an analyst knows about *when* is rarely a day: "June 2015", "about 2011", "the week of
//! 25 May". [`Edtf`] holds exactly what is known and nothing more, so a chronology never pads a
//! month to a fake first day.
//!
//! Supported forms (a subset of level 1, chosen for chronologies):
//!
//! | form | meaning |
//! |---|---|
//! | `2015`, `2015-06`, `2015-06-02` | a year, a month, a day |
//! | `2015~`, `2015-06?`, `2015-06-02%` | approximate, uncertain, both |
//! | `2015-05-25/2015-05-31` | an interval; each end has its own precision |
//! | `../2015`, `2015/..` | an open end (the event runs from/to the unknown past/future) |
//! | `/2015`, `2015/` | an unknown end |
//!
//! Years are 0000–9999. Seasons, unspecified digits (`201X`) and sets are not supported: the
//! parser says so rather than guessing.
//!
//! # Order
//! Chronologies sort by [`Edtf::sort_key`]: the earliest possible day first; at an equal start
//! the narrower date (earlier latest possible day) first; an open or unknown start sorts before
//! every date. Qualifiers (`~`, `?`) never move a date. Callers break the remaining ties by
//! sequence, then id.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

/// How precisely a single date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar period at year, month or day precision. A day without a month cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Month { year: i32, month: u32 },
    Day(NaiveDate),
}

/// EDTF level-1 qualification: `~` approximate, `?` uncertain, `%` both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Qualifier {
    pub approximate: bool,
    pub uncertain: bool,
}

/// A single (non-interval) date with its qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    period: Period,
    pub qualifier: Qualifier,
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// `..`: open, the interval runs on into the unknown past or future.
    Open,
    /// empty: the end exists but is not known.
    Unknown,
    Date(Date),
}

/// A date as an analyst knows it: a single partial date or an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edtf {
    Single(Date),
    /// Invariant: at least one end is a date, and start ≤ end where both are dates.
    Interval(Bound, Bound),
}

/// Why a string is not a supported EDTF date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{input}' is not a date Dossier understands: {reason}. Use EDTF, e.g. 2015, 2015-06, 2015-06-02, 2015~, 2015-05-25/2015-05-31 or ../2015"
)]
pub struct ParseError {
    pub input: String,
    pub reason: String,
}

const MIN_YEAR: i32 = 0;
const MAX_YEAR: i32 = 9999;

impl Period {
    pub fn year(year: i32) -> Option<Period> {
        (MIN_YEAR..=MAX_YEAR)
            .contains(&year)
            .then_some(Period::Year(year))
    }

    pub fn month(year: i32, month: u32) -> Option<Period> {
        ((MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month))
            .then_some(Period::Month { year, month })
    }

    pub fn day(year: i32, month: u32, day: u32) -> Option<Period> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Period::Day)
    }

    pub fn from_day(day: NaiveDate) -> Option<Period> {
        Period::day(day.year(), day.month(), day.day())
    }

    pub fn precision(self) -> Precision {
        match self {
            Period::Year(_) => Precision::Year,
            Period::Month { .. } => Precision::Month,
            Period::Day(_) => Precision::Day,
        }
    }

    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Year(y) => ymd(y, 1, 1),
            Period::Month { year, month } => ymd(year, month, 1),
            Period::Day(d) => d,
        }
    }

    pub fn last_day(self) -> NaiveDate {
        match self {
            Period::Year(y) => ymd(y, 12, 31),
            Period::Month { year, month } => {
                let (ny, nm) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1)
                    .map(|d| d.pred_opt().expect("not the first day of the calendar"))
                    .unwrap_or_else(|| ymd(year, 12, 31))
            }
            Period::Day(d) => d,
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("validated calendar date")
}

impl Date {
    pub fn new(period: Period) -> Date {
        Date {
            period,
            qualifier: Qualifier::default(),
        }
    }

    pub fn approximate(mut self) -> Date {
        self.qualifier.approximate = true;
        self
    }

    pub fn uncertain(mut self) -> Date {
        self.qualifier.uncertain = true;
        self
    }

    pub fn period(&self) -> Period {
        self.period
    }

    pub fn precision(&self) -> Precision {
        self.period.precision()
    }

    pub fn first_day(&self) -> NaiveDate {
        self.period.first_day()
    }

    pub fn last_day(&self) -> NaiveDate {
        self.period.last_day()
    }
}

impl Edtf {
    pub fn day(date: NaiveDate) -> Option<Edtf> {
        Period::from_day(date).map(|p| Edtf::Single(Date::new(p)))
    }

    pub fn year(year: i32) -> Option<Edtf> {
        Period::year(year).map(|p| Edtf::Single(Date::new(p)))
    }

    pub fn month(year: i32, month: u32) -> Option<Edtf> {
        Period::month(year, month).map(|p| Edtf::Single(Date::new(p)))
    }

    /// An interval; `None` when neither end is a date or the start lies after the end.
    pub fn interval(start: Bound, end: Bound) -> Option<Edtf> {
        match (start, end) {
            (Bound::Date(a), Bound::Date(b)) if a.first_day() > b.last_day() => None,
            (Bound::Date(_), _) | (_, Bound::Date(_)) => Some(Edtf::Interval(start, end)),
            _ => None,
        }
    }

    /// A closed interval between two days.
    pub fn between(start: NaiveDate, end: NaiveDate) -> Option<Edtf> {
        let a = Date::new(Period::from_day(start)?);
        let b = Date::new(Period::from_day(end)?);
        Edtf::interval(Bound::Date(a), Bound::Date(b))
    }

    /// The earliest day the date can mean; `None` for an open or unknown start.
    pub fn earliest(&self) -> Option<NaiveDate> {
        match self {
            Edtf::Single(d) => Some(d.first_day()),
            Edtf::Interval(Bound::Date(d), _) => Some(d.first_day()),
            Edtf::Interval(_, _) => None,
        }
    }

    /// The latest day the date can mean; `None` for an open or unknown end.
    pub fn latest(&self) -> Option<NaiveDate> {
        match self {
            Edtf::Single(d) => Some(d.last_day()),
            Edtf::Interval(_, Bound::Date(d)) => Some(d.last_day()),
            Edtf::Interval(_, _) => None,
        }
    }

    /// The precision of a single date; `None` for an interval.
    pub fn precision(&self) -> Option<Precision> {
        match self {
            Edtf::Single(d) => Some(d.precision()),
            Edtf::Interval(..) => None,
        }
    }

    pub fn is_approximate(&self) -> bool {
        self.dates().any(|d| d.qualifier.approximate)
    }

    pub fn is_uncertain(&self) -> bool {
        self.dates().any(|d| d.qualifier.uncertain)
    }

    fn dates(&self) -> impl Iterator<Item = &Date> {
        let (a, b) = match self {
            Edtf::Single(d) => (Some(d), None),
            Edtf::Interval(s, e) => (s.date(), e.date()),
        };
        a.into_iter().chain(b)
    }

    /// The key chronologies sort by (see the module docs). Ties are the caller's to break.
    pub fn sort_key(&self) -> (NaiveDate, NaiveDate) {
        (
            self.earliest().unwrap_or(NaiveDate::MIN),
            self.latest().unwrap_or(NaiveDate::MAX),
        )
    }

    /// Whether the two dates can mean a common day.
    pub fn overlaps(&self, other: &Edtf) -> bool {
        let (a0, a1) = self.sort_key();
        let (b0, b1) = other.sort_key();
        a0 <= b1 && b0 <= a1
    }

    /// Whether the date can fall within `[from, to]` (either end optional): the date filter.
    pub fn overlaps_range(&self, from: Option<&Edtf>, to: Option<&Edtf>) -> bool {
        let (a0, a1) = self.sort_key();
        let lo = from.map(|f| f.sort_key().0).unwrap_or(NaiveDate::MIN);
        let hi = to.map(|t| t.sort_key().1).unwrap_or(NaiveDate::MAX);
        a0 <= hi && lo <= a1
    }

    /// The date as a reader would say it: "2 June 2015", "June 2015", "c. 2011",
    /// "25–31 May 2015", "before 2015". Never invents a day that is not known.
    pub fn human(&self) -> String {
        match self {
            Edtf::Single(d) => human_date(d),
            Edtf::Interval(Bound::Date(a), Bound::Date(b)) => human_range(a, b),
            Edtf::Interval(Bound::Open, Bound::Date(b)) => format!("until {}", human_date(b)),
            Edtf::Interval(Bound::Unknown, Bound::Date(b)) => {
                format!("unknown start to {}", human_date(b))
            }
            Edtf::Interval(Bound::Date(a), Bound::Open) => format!("from {} on", human_date(a)),
            Edtf::Interval(Bound::Date(a), Bound::Unknown) => {
                format!("from {} to an unknown end", human_date(a))
            }
            Edtf::Interval(..) => unreachable!("an interval has at least one dated end"),
        }
    }
}

impl Bound {
    pub fn date(&self) -> Option<&Date> {
        match self {
            Bound::Date(d) => Some(d),
            _ => None,
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English month name, 1-based.
pub fn month_name(month: u32) -> &'static str {
    MONTHS[(month as usize).clamp(1, 12) - 1]
}

fn human_plain(p: Period) -> String {
    match p {
        Period::Year(y) => format!("{y}"),
        Period::Month { year, month } => format!("{} {year}", month_name(month)),
        Period::Day(d) => format!("{} {} {}", d.day(), month_name(d.month()), d.year()),
    }
}

fn human_date(d: &Date) -> String {
    let plain = human_plain(d.period);
    let plain = if d.qualifier.approximate {
        format!("c. {plain}")
    } else {
        plain
    };
    if d.qualifier.uncertain {
        format!("{plain} (uncertain)")
    } else {
        plain
    }
}

fn human_range(a: &Date, b: &Date) -> String {
    let plain = a.qualifier == Qualifier::default() && b.qualifier == Qualifier::default();
    if plain {
        match (a.period, b.period) {
            (Period::Day(x), Period::Day(y)) if x.year() == y.year() && x.month() == y.month() => {
                return format!(
                    "{}–{} {} {}",
                    x.day(),
                    y.day(),
                    month_name(x.month()),
                    x.year()
                );
            }
            (Period::Day(x), Period::Day(y)) if x.year() == y.year() => {
                return format!(
                    "{} {} – {} {} {}",
                    x.day(),
                    month_name(x.month()),
                    y.day(),
                    month_name(y.month()),
                    y.year()
                );
            }
            (
                Period::Month {
                    year: y1,
                    month: m1,
                },
                Period::Month {
                    year: y2,
                    month: m2,
                },
            ) if y1 == y2 => {
                return format!("{}–{} {y1}", month_name(m1), month_name(m2));
            }
            (Period::Year(x), Period::Year(y)) => return format!("{x}–{y}"),
            _ => {}
        }
    }
    format!("{} – {}", human_date(a), human_date(b))
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match (self.approximate, self.uncertain) {
            (false, false) => "",
            (true, false) => "~",
            (false, true) => "?",
            (true, true) => "%",
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.period, self.qualifier)
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Open => f.write_str(".."),
            Bound::Unknown => Ok(()),
            Bound::Date(d) => d.fmt(f),
        }
    }
}

impl fmt::Display for Edtf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edtf::Single(d) => d.fmt(f),
            Edtf::Interval(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl FromStr for Edtf {
    type Err = ParseError;

    fn from_str(input: &str) -> Result<Edtf, ParseError> {
        let err = |reason: &str| ParseError {
            input: input.to_string(),
            reason: reason.into(),
        };
        let s = input.trim();
        if s.is_empty() {
            return Err(err("it is empty"));
        }
        if s.chars().any(char::is_alphabetic) {
            return Err(err(
                "it has words, and dates are written in EDTF (`dossier dates TEXT` finds the EDTF of a phrase)",
            ));
        }
        match s.split_once('/') {
            None => parse_date(s).map(Edtf::Single).map_err(|r| err(&r)),
            Some((a, b)) => {
                if b.contains('/') {
                    return Err(err("an interval has exactly one '/'"));
                }
                let start = parse_bound(a).map_err(|r| err(&r))?;
                let end = parse_bound(b).map_err(|r| err(&r))?;
                if start.date().is_none() && end.date().is_none() {
                    return Err(err("at least one end of an interval must be a date"));
                }
                Edtf::interval(start, end).ok_or_else(|| err("the interval ends before it starts"))
            }
        }
    }
}

fn parse_bound(s: &str) -> Result<Bound, String> {
    match s {
        ".." => Ok(Bound::Open),
        "" => Ok(Bound::Unknown),
        _ => parse_date(s).map(Bound::Date),
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    let (body, qualifier) = match s.as_bytes().last() {
        Some(b'~') => (
            &s[..s.len() - 1],
            Qualifier {
                approximate: true,
                uncertain: false,
            },
        ),
        Some(b'?') => (
            &s[..s.len() - 1],
            Qualifier {
                approximate: false,
                uncertain: true,
            },
        ),
        Some(b'%') => (
            &s[..s.len() - 1],
            Qualifier {
                approximate: true,
                uncertain: true,
            },
        ),
        _ => (s, Qualifier::default()),
    };
    let parts: Vec<&str> = body.split('-').collect();
    let num = |p: &str, len: usize, what: &str| -> Result<u32, String> {
        if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("the {what} must be {len} digits"));
        }
        p.parse::<u32>()
            .map_err(|_| format!("the {what} is not a number"))
    };
    let period = match parts.as_slice() {
        [y] => Period::year(num(y, 4, "year")? as i32),
        [y, m] => {
            let m = num(m, 2, "month")?;
            if (21..=41).contains(&m) {
                return Err("seasons (21–41) are not supported".into());
            }
            Period::month(num(y, 4, "year")? as i32, m)
        }
        [y, m, d] => Period::day(
            num(y, 4, "year")? as i32,
            num(m, 2, "month")?,
            num(d, 2, "day")?,
        ),
        _ => return Err("expected YYYY, YYYY-MM or YYYY-MM-DD".into()),
    };
    let period = period.ok_or_else(|| "no such day or month in the calendar".to_string())?;
    Ok(Date { period, qualifier })
}

impl serde::Serialize for Edtf {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Edtf {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Edtf, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl PartialOrd for Edtf {
    fn partial_cmp(&self, other: &Edtf) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The chronological order of the module docs; dates with an equal sort key are ordered by their
/// EDTF text so that the order is total and deterministic.
impl Ord for Edtf {
    fn cmp(&self, other: &Edtf) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Edtf {
        s.parse().unwrap_or_else(|err| panic!("{err}"))
    }

    #[track_caller]
    fn check_roundtrip(s: &str) {
        assert_eq!(e(s).to_string(), s);
    }

    #[test]
    fn parses_and_prints_level1_forms() {
        for s in [
            "2015",
            "2015-06",
            "2015-06-02",
            "2015~",
            "2015-06?",
            "2015-06-02%",
            "2015-05-25/2015-05-31",
            "../2015",
            "2015/..",
            "/2015-06",
            "2015-06/",
            "0000",
            "2011~/2012-03?",
        ] {
            check_roundtrip(s);
        }
    }

    #[test]
    fn rejects_what_it_does_not_understand() {
        for s in [
            "",
            "15",
            "2015-6",
            "2015-13",
            "2015-02-30",
            "2015-21",
            "201X",
            "2015/2014",
            "../..",
            "/",
            "2015-06-02T10:00",
            "June 2015",
            "2015//2016",
            "-2015",
            "+2015",
        ] {
            assert!(s.parse::<Edtf>().is_err(), "{s} should be refused");
        }
        let msg = "2015-13".parse::<Edtf>().unwrap_err().to_string();
        assert!(msg.contains("2015-13") && msg.contains("EDTF"), "{msg}");
    }

    #[test]
    fn earliest_and_latest_days() {
        assert_eq!(e("2015").sort_key(), (ymd(2015, 1, 1), ymd(2015, 12, 31)));
        assert_eq!(e("2016-02").latest(), Some(ymd(2016, 2, 29)));
        assert_eq!(e("2015-12").latest(), Some(ymd(2015, 12, 31)));
        assert_eq!(e("../2015").earliest(), None);
        assert_eq!(e("2015/..").latest(), None);
    }

    #[test]
    fn documented_order() {
        let mut dates: Vec<Edtf> = [
            "2015-06-02",
            "2015",
            "2015-06",
            "../2015",
            "2014-12-31",
            "2015~",
        ]
        .into_iter()
        .map(e)
        .collect();
        dates.sort();
        let printed: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            printed,
            [
                "../2015",
                "2014-12-31",
                "2015",
                "2015~",
                "2015-06",
                "2015-06-02"
            ]
        );
    }

    #[test]
    fn human_never_pads() {
        assert_eq!(e("2015-06").human(), "June 2015");
        assert_eq!(e("2011~").human(), "c. 2011");
        assert_eq!(e("2015-05-25/2015-05-31").human(), "25–31 May 2015");
        assert_eq!(e("2015-06-02").human(), "2 June 2015");
        assert_eq!(e("2015-06?").human(), "June 2015 (uncertain)");
        assert_eq!(e("../2015").human(), "until 2015");
    }

    #[test]
    fn overlap_filters() {
        let june = e("2015-06");
        assert!(june.overlaps_range(Some(&e("2015-06-30")), None));
        assert!(!june.overlaps_range(Some(&e("2015-07")), None));
        assert!(june.overlaps_range(None, Some(&e("2015"))));
        assert!(e("../2015").overlaps_range(None, Some(&e("1900"))));
    }
}
