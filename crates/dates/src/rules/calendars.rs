//! Dates in the Solar Hijri and Islamic calendars ("۱۲ خرداد ۱۳۹۴", "15 شعبان 1436 هـ", "دی ماه
//! ۱۳۹۶", "سال ۱۳۹۵", "۵ اردیبهشت"): the Gregorian day, or the interval of days of a month or
//! year, with the date as written kept in the expression's [`crate::CalendarNote`].

use chrono::NaiveDate;
use dossier_model::Edtf;

use super::read::Read;
use super::{Hit, Matcher, date_timex};
use crate::calendars::{Other, solar_month_from, to_solar};
use crate::lexicon::{Era, Lex, Unit};
use crate::token::{Number, Punct};
use crate::{Kind, Timex, TimexType};

impl Matcher<'_> {
    /// A Solar or Hijri month name ("خرداد", "شعبان", "ربيع الأول", "ذو الحجة"), with the word
    /// "month" after it ("دی ماه").
    pub(super) fn other_month_at(&self, i: usize) -> Option<(Other, Read<u32>)> {
        let (cal, m, mut j) = match self.lex(i)? {
            Lex::SolarMonth(m) => (Other::Solar, u32::from(m), i + 1),
            Lex::HijriMonth(m) => (Other::Hijri, u32::from(m), i + 1),
            Lex::HijriPair(11) => {
                let w = self.word(i + 1)?;
                let m = if w.contains("قعد") {
                    11
                } else if w.contains("حج") {
                    12
                } else {
                    return None;
                };
                (Other::Hijri, m, i + 2)
            }
            Lex::HijriPair(first) => match self.lex(i + 1)? {
                Lex::Ordinal(n @ 1..=2) => {
                    (Other::Hijri, u32::from(first) + u32::from(n) - 1, i + 2)
                }
                _ => return None,
            },
            _ => return None,
        };
        if self.is(
            j,
            Lex::Unit {
                unit: Unit::Month,
                plural: false,
            },
        ) {
            j += 1;
        }
        Some((cal, Read { value: m, next: j }))
    }

    /// A year of the Solar or Hijri calendar (1–1600), with its era marks ("1436 هـ", "۱۳۹۴
    /// ه.ش"); the calendar the marks name, if any.
    pub(super) fn other_year_at(&self, i: usize) -> Option<(Read<i32>, Option<Era>)> {
        let Number {
            value,
            digits: 3..=4,
            ordinal: false,
        } = self.tokens.get(i)?.num()?
        else {
            return None;
        };
        if !(1..=1600).contains(&value) {
            return None;
        }
        let (era, next) = self.era_at(i + 1);
        if era.is_none() && self.tight_letter(i + 1) {
            return None;
        }
        Some((
            Read {
                value: value as i32,
                next,
            },
            era,
        ))
    }

    /// Era marks from token `i`: "هـ", "م", "ه.ش", "ه.ق", "هجری شمسی"; the calendar and the
    /// token after them.
    pub(super) fn era_at(&self, i: usize) -> (Option<Era>, usize) {
        let Some(Lex::Era(mut era)) = self.lex(i) else {
            return (None, i);
        };
        let mut j = i + 1;
        loop {
            let k = if self.punct(j) == Some(Punct::Period) && self.tight(j) {
                j + 1
            } else {
                j
            };
            match self.lex(k) {
                Some(Lex::Era(e)) if k == j + 1 || e != era => {
                    // "ه.ش": the second mark names the calendar; "هجری شمسی" too.
                    era = e;
                    j = k + 1;
                }
                _ => break,
            }
        }
        (Some(era), j)
    }

    /// A Solar or Hijri date at token `i`: day month year, day month (the latest on or before
    /// the reference), month year (its days).
    pub(super) fn other_calendar_date(&self, i: usize) -> Option<Hit> {
        if let Some(Read { value: d, next: j }) = self.day_at(i)
            && let Some((cal, Read { value: m, next: k })) = self.other_month_at(j)
        {
            if let Some((Read { value: y, next: e }, era)) = self.other_year_at(k)
                && era.is_none_or(|e| e != Era::Gregorian)
            {
                let day = cal.day(y, m, d)?;
                let mut h =
                    self.date_hit(i, e, Edtf::day(day)?, Kind::Absolute, "other-calendar-date")?;
                h.calendar = Some(cal.note(y, Some(m), Some(d)));
                return Some(h);
            }
            return self.other_day_month(i, k, cal, m, d);
        }
        let (cal, Read { value: m, next: k }) = self.other_month_at(i)?;
        if let Some((Read { value: y, next: e }, era)) = self.other_year_at(k)
            && era.is_none_or(|e| e != Era::Gregorian)
        {
            let (a, b) = cal.month(y, m)?;
            let mut h = self.hit(
                i,
                e,
                Some(Edtf::between(a, b)?),
                Kind::Absolute,
                "other-calendar-month",
                Timex::new(
                    TimexType::Date,
                    format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
                ),
            )?;
            h.calendar = Some(cal.note(y, Some(m), None));
            return Some(h);
        }
        self.other_month_alone(i, k, cal, m)
    }

    /// "۵ اردیبهشت": the latest such Solar day on or before the reference.
    fn other_day_month(&self, i: usize, end: usize, cal: Other, m: u32, d: u32) -> Option<Hit> {
        let r = self.reference?;
        let (y, _, _) = self.other_ymd(cal, r)?;
        let (y, day) = [y, y - 1]
            .into_iter()
            .find_map(|y| cal.day(y, m, d).filter(|day| *day <= r).map(|day| (y, day)))?;
        let mut h = self.date_hit(
            i,
            end,
            Edtf::day(day)?,
            Kind::Relative,
            "other-calendar-day-month",
        )?;
        h.calendar = Some(cal.note(y, Some(m), Some(d)));
        Some(h)
    }

    /// "مهر", "بهمن ماه", "رمضان": the latest such month on or before the reference's.
    fn other_month_alone(&self, i: usize, end: usize, cal: Other, m: u32) -> Option<Hit> {
        // "مهر" is also a seal, "صفر" zero: a month name alone needs the word "month" or a
        // preposition before it.
        let named = end > i + 1
            || i.checked_sub(1).and_then(|p| self.lex(p)).is_some_and(|l| {
                l.introduces_date()
                    || matches!(
                        l,
                        Lex::Unit {
                            unit: Unit::Month,
                            ..
                        }
                    )
            });
        if !named {
            return None;
        }
        let r = self.reference?;
        let (y, rm, _) = self.other_ymd(cal, r)?;
        let y = if m <= rm { y } else { y - 1 };
        let (a, b) = cal.month(y, m)?;
        let mut h = self.hit(
            i,
            end,
            Some(Edtf::between(a, b)?),
            Kind::Relative,
            "other-calendar-month",
            Timex::new(
                TimexType::Date,
                format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
            ),
        )?;
        h.calendar = Some(cal.note(y, Some(m), None));
        Some(h)
    }

    fn other_ymd(&self, cal: Other, r: NaiveDate) -> Option<(i32, u32, u32)> {
        match cal {
            Other::Solar => to_solar(r),
            Other::Hijri => crate::calendars::to_hijri(r),
        }
    }

    /// "سال ۱۳۹۵", "۱۳۹۵": a Solar year as its days (Persian only; 1200–1599).
    pub(super) fn solar_year(&self, i: usize) -> Option<Hit> {
        if !self.lang.solar_months() {
            return None;
        }
        let (Read { value: y, next: e }, era) = self.other_year_at(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.lex(p));
        let context = prev.is_some_and(|l| {
            l.introduces_date()
                || matches!(
                    l,
                    Lex::Unit {
                        unit: Unit::Year,
                        ..
                    }
                )
        }) || era == Some(Era::Solar);
        if !(1200..1600).contains(&y) || !context || era == Some(Era::Hijri) {
            return None;
        }
        self.solar_interval(
            i,
            e,
            Other::Solar.year(y)?,
            Some(Other::Solar.note(y, None, None)),
            "solar-year",
        )
    }

    /// A Solar interval of days as an expression.
    pub(super) fn solar_interval(
        &self,
        i: usize,
        end: usize,
        (a, b): (NaiveDate, NaiveDate),
        note: Option<crate::CalendarNote>,
        rule: &'static str,
    ) -> Option<Hit> {
        let v = Edtf::between(a, b)?;
        let timex = Timex::new(TimexType::Date, date_timex(&v));
        let mut h = self.hit(i, end, Some(v), Kind::Relative, rule, timex)?;
        h.calendar = note;
        Some(h)
    }

    /// The Solar month `n` months from the reference's ("ماه گذشته" is -1) as its days.
    pub(super) fn solar_month_rel(
        &self,
        i: usize,
        end: usize,
        n: i32,
        rule: &'static str,
    ) -> Option<Hit> {
        let r = self.reference?;
        let (y, m) = solar_month_from(r, n)?;
        self.solar_interval(
            i,
            end,
            Other::Solar.month(y, m)?,
            Some(Other::Solar.note(y, Some(m), None)),
            rule,
        )
    }

    /// The Solar year `n` years from the reference's ("امسال" 0, "سال گذشته" -1).
    pub(super) fn solar_year_rel(
        &self,
        i: usize,
        end: usize,
        n: i32,
        rule: &'static str,
    ) -> Option<Hit> {
        let r = self.reference?;
        let (y, _, _) = to_solar(r)?;
        let y = y + n;
        self.solar_interval(
            i,
            end,
            Other::Solar.year(y)?,
            Some(Other::Solar.note(y, None, None)),
            rule,
        )
    }
}
