//! Calendar arithmetic for resolving relative expressions against a reference day.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dossier_model::{Bound, Date, Edtf, Period};

use crate::lang::{Lang, WeekStart};

pub(crate) fn weekday(n: u8) -> Weekday {
    match n {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(crate) fn add_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// The latest `wd` on or before `r` (`strict`: before), or the earliest on or after (`future`).
pub(crate) fn nearest_weekday(
    r: NaiveDate,
    wd: Weekday,
    future: bool,
    strict: bool,
) -> Option<NaiveDate> {
    let diff = (i64::from(r.weekday().num_days_from_monday())
        - i64::from(wd.num_days_from_monday()))
    .rem_euclid(7);
    if future {
        let ahead = (7 - diff) % 7;
        add_days(r, if ahead == 0 && strict { 7 } else { ahead })
    } else {
        add_days(r, -(if diff == 0 && strict { 7 } else { diff }))
    }
}

/// Day `d` of month `m` nearest `r` on the given side (on or before, or on or after).
pub(crate) fn day_month(r: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
    // A 29 February can be up to eight years away.
    let years: Box<dyn Iterator<Item = i32>> = if future {
        Box::new(r.year()..r.year() + 9)
    } else {
        Box::new((r.year() - 8..=r.year()).rev())
    };
    for y in years {
        if let Some(c) = NaiveDate::from_ymd_opt(y, m, d)
            && ((future && c >= r) || (!future && c <= r))
        {
            return Some(c);
        }
    }
    None
}

/// A month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

/// Month `m` nearest the reference month on the given side; `strict` excludes the reference
/// month itself ("last September" said in September means a year ago).
pub(crate) fn month_near(r: NaiveDate, m: u32, future: bool, strict: bool) -> YearMonth {
    let rm = r.month();
    let same = m == rm && !strict;
    let year = if future {
        if m > rm || same {
            r.year()
        } else {
            r.year() + 1
        }
    } else if m < rm || same {
        r.year()
    } else {
        r.year() - 1
    };
    YearMonth { year, month: m }
}

pub(crate) fn monday(d: NaiveDate) -> Option<NaiveDate> {
    add_days(d, -i64::from(d.weekday().num_days_from_monday()))
}

/// An ISO week.
pub(crate) struct IsoWeek {
    /// The TIMEX value: `2015-W22`.
    pub timex: String,
    /// Monday to Sunday.
    pub days: Edtf,
}

/// The ISO week containing `d`.
pub(crate) fn iso_week(d: NaiveDate) -> Option<IsoWeek> {
    let w = d.iso_week();
    let mon = monday(d)?;
    let sun = add_days(mon, 6)?;
    Some(IsoWeek {
        timex: format!("{}-W{:02}", w.year(), w.week()),
        days: Edtf::between(mon, sun)?,
    })
}

/// The calendar week containing `d` in a language's press: the ISO week, or Saturday–Friday
/// (TIMEX: the interval, which no ISO week names).
pub(crate) fn week_of(d: NaiveDate, lang: Lang) -> Option<IsoWeek> {
    match lang.week_start() {
        WeekStart::Monday => iso_week(d),
        WeekStart::Saturday => {
            let back = (d.weekday().num_days_from_monday() + 2) % 7;
            let sat = add_days(d, -i64::from(back))?;
            let days = Edtf::between(sat, add_days(sat, 6)?)?;
            Some(IsoWeek {
                timex: days.to_string(),
                days,
            })
        }
    }
}

pub(crate) fn month_of(d: NaiveDate) -> YearMonth {
    YearMonth {
        year: d.year(),
        month: d.month(),
    }
}

/// An interval between two periods (e.g. `2015-01/2015-04`).
pub(crate) fn span(a: Period, b: Period) -> Option<Edtf> {
    Edtf::interval(Bound::Date(Date::new(a)), Bound::Date(Date::new(b)))
}

pub(crate) fn approximate(e: Edtf) -> Edtf {
    match e {
        Edtf::Single(d) => Edtf::Single(d.approximate()),
        Edtf::Interval(a, b) => {
            let q = |x: Bound| match x {
                Bound::Date(d) => Bound::Date(d.approximate()),
                other => other,
            };
            Edtf::Interval(q(a), q(b))
        }
    }
}

pub(crate) fn last_day_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    Period::month(y, m).map(Period::last_day)
}

/// How far ahead of the reference a day without a year is still the coming one, whatever the
/// tense: news names the days of announced events ("the deadline is Jan. 14", "talks on
/// March 12") in sentences whose tense says nothing, and a day eleven months back is written
/// with its year.
pub(crate) const NEAR_AHEAD_DAYS: i64 = 60;

/// A day and month without a year: the latest on or before `r` (the documented convention),
/// unless it comes within [`NEAR_AHEAD_DAYS`] after `r`; or the coming one when the sentence
/// speaks of the future ("will meet on 5 June").
pub(crate) fn resolve_day_month(r: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
    if !future
        && let Some(ahead) = day_month(r, m, d, true)
        && (ahead - r).num_days() <= NEAR_AHEAD_DAYS
    {
        return Some(ahead);
    }
    day_month(r, m, d, future)
}

/// A month alone: the latest on or before the reference month ("in January", said in
/// September, is this January), unless it is the next month; or the coming one in a future
/// sentence.
pub(crate) fn resolve_month(r: NaiveDate, m: u32, future: bool) -> YearMonth {
    let next = r.month() % 12 + 1;
    month_near(r, m, future || m == next, false)
}
