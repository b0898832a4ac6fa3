//! Dates written in the Solar Hijri (Persian) and Islamic (Hijri) calendars, converted to
//! Gregorian days by `icu_calendar` (its built-in data; no hand-written tables).
//!
//! The Islamic calendar is read as Umm al-Qura, the civil calendar of Saudi Arabia, published
//! by KACST for 1300–1600 AH; `icu_calendar` falls back to the tabular (Type II, Friday epoch)
//! calendar outside that range. Where a month begins with the sighting of the moon (Egypt, Iraq,
//! Iran's religious dates) the day can be a day off either way: every Hijri day carries that in
//! its [`CalendarNote`] (`days_uncertain: 1`), while its value stays the Umm al-Qura day, the
//! reading most news and official documents use.

use chrono::{Datelike, NaiveDate};
use icu_calendar::Date;
use icu_calendar::cal::{Hijri, Iso, Persian};
use serde::Serialize;

/// A date written in a calendar other than the Gregorian.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CalendarNote {
    /// The CLDR name of the calendar: `persian`, `islamic-umalqura` or `islamic-civil`
    /// (the tabular fallback outside the Umm al-Qura table).
    pub calendar: &'static str,
    /// The date in that calendar, year first: `1394-03-12`, `1436-08` (a month), `1395` (a year).
    pub written: String,
    /// How many days the Gregorian day may be off either way (0 for the Solar calendar, which is
    /// computed; 1 for a Hijri day, whose month may begin a day apart from country to country).
    pub days_uncertain: u8,
}

/// The calendars a date can be written in besides the Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Other {
    Solar,
    Hijri,
}

impl Other {
    pub fn note(self, year: i32, month: Option<u32>, day: Option<u32>) -> CalendarNote {
        let written = match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        };
        let (calendar, days_uncertain) = match self {
            Other::Solar => ("persian", 0),
            Other::Hijri if (1300..=1600).contains(&year) => {
                ("islamic-umalqura", u8::from(day.is_some()))
            }
            Other::Hijri => ("islamic-civil", u8::from(day.is_some())),
        };
        CalendarNote {
            calendar,
            written,
            days_uncertain,
        }
    }

    /// The Gregorian day of day `d` of month `m` of year `y` in this calendar.
    pub fn day(self, y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
        let iso = match self {
            Other::Solar => Date::try_new_persian(y, m, d).ok()?.to_calendar(Iso),
            Other::Hijri => Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura())
                .ok()?
                .to_calendar(Iso),
        };
        NaiveDate::from_ymd_opt(
            iso.year().extended_year(),
            u32::from(iso.month().ordinal),
            u32::from(iso.day_of_month().0),
        )
    }

    /// The first and last Gregorian days of month `m` of year `y`.
    pub fn month(self, y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.day(y, m, 1)?;
        let days = match self {
            Other::Solar => Date::try_new_persian(y, u8::try_from(m).ok()?, 1)
                .ok()?
                .days_in_month(),
            Other::Hijri => Date::try_new_hijri_with_calendar(
                y,
                u8::try_from(m).ok()?,
                1,
                Hijri::new_umm_al_qura(),
            )
            .ok()?
            .days_in_month(),
        };
        Some((
            first,
            crate::calendar::add_days(first, i64::from(days) - 1)?,
        ))
    }

    /// The first and last Gregorian days of year `y`.
    pub fn year(self, y: i32) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.day(y, 1, 1)?;
        let next = self.day(y + 1, 1, 1)?;
        Some((first, crate::calendar::add_days(next, -1)?))
    }
}

/// A Gregorian day in the Solar Hijri calendar: (year, month, day).
pub(crate) fn to_solar(d: NaiveDate) -> Option<(i32, u32, u32)> {
    let iso = Date::try_new_iso(d.year(), u8::try_from(d.month()).ok()?, d.day() as u8).ok()?;
    let p = iso.to_calendar(Persian);
    Some((
        p.year().extended_year(),
        u32::from(p.month().ordinal),
        u32::from(p.day_of_month().0),
    ))
}

/// A Gregorian day in the Umm al-Qura calendar: (year, month, day).
pub(crate) fn to_hijri(d: NaiveDate) -> Option<(i32, u32, u32)> {
    let iso = Date::try_new_iso(d.year(), u8::try_from(d.month()).ok()?, d.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        u32::from(h.month().ordinal),
        u32::from(h.day_of_month().0),
    ))
}

/// The Solar month `n` months from the one `d` falls in: (year, month).
pub(crate) fn solar_month_from(d: NaiveDate, n: i32) -> Option<(i32, u32)> {
    let (y, m, _) = to_solar(d)?;
    let k = y * 12 + (m as i32 - 1) + n;
    Some((k.div_euclid(12), (k.rem_euclid(12) + 1) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn converts_each_calendar() {
        assert_eq!(Other::Solar.day(1394, 3, 12), Some(day(2015, 6, 2)));
        assert_eq!(Other::Hijri.day(1436, 8, 15), Some(day(2015, 6, 2)));
        assert_eq!(
            Other::Solar.year(1395),
            Some((day(2016, 3, 20), day(2017, 3, 20)))
        );
        assert_eq!(to_solar(day(2015, 6, 2)), Some((1394, 3, 12)));
        assert_eq!(solar_month_from(day(2016, 3, 25), -1), Some((1394, 12)));
    }

    #[test]
    fn hijri_days_are_a_day_uncertain_and_name_the_table_they_come_from() {
        let n = Other::Hijri.note(1436, Some(8), Some(15));
        assert_eq!((n.calendar, n.days_uncertain), ("islamic-umalqura", 1));
        assert_eq!(n.written, "1436-08-15");
        assert_eq!(
            Other::Hijri.note(1200, Some(8), None).calendar,
            "islamic-civil"
        );
        assert_eq!(Other::Solar.note(1394, Some(3), Some(12)).days_uncertain, 0);
    }
}
