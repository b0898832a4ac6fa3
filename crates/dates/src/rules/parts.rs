//! Parts of periods ("early June 2015", "mid-2011", "the end of this year") and approximate dates ("about 2011").

use chrono::{Datelike, NaiveDate};
use dossier_model::{Edtf, Period};

use super::read::Read;
use super::{Hit, Matcher, Resolved, date_timex, resolved};
use crate::calendar::{approximate, last_day_of_month, resolve_month, span};
use crate::lexicon::{Lex, Unit};
use crate::token::Punct;
use crate::{Kind, Lang, Timex, TimexType};

impl Matcher<'_> {
    /// early/mid/late (or "the end of", "the beginning of") + month-year, month, or year.
    pub(super) fn part_of(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        let part = match self.lex(j)? {
            Lex::Early => 0,
            Lex::Mid => 1,
            Lex::Late => 2,
            Lex::The => {
                let p = match self.lex(j + 1)? {
                    Lex::Beginning => 0,
                    Lex::End => 2,
                    _ => return None,
                };
                if !self.is(j + 2, Lex::Of) {
                    return None;
                }
                j += 2;
                p
            }
            _ => return None,
        };
        j += 1;
        if self.punct(j) == Some(Punct::Dash) && self.tight(j) {
            j += 1;
        }
        // "principios de junio", "début de l'année".
        if self.lang != Lang::En && self.is(j, Lex::Of) {
            j += 1;
        }
        let rule = "part-of-period";
        // A Solar or Hijri month of a year: "اواسط خرداد ۱۳۹۴" is its days 11–20.
        if let Some((cal, Read { value: m, next: k })) = self.other_month_at(j)
            && let Some((
                Read {
                    value: y,
                    next: end,
                },
                _,
            )) = self.other_year_at(k)
        {
            let first = cal.day(y, m, 1)?;
            let (_, last) = cal.month(y, m)?;
            let (a, b) = match part {
                0 => (first, crate::calendar::add_days(first, 9)?),
                1 => (
                    crate::calendar::add_days(first, 10)?,
                    crate::calendar::add_days(first, 19)?,
                ),
                _ => (crate::calendar::add_days(first, 20)?, last),
            };
            let v = Edtf::between(a, b)?;
            let timex = Timex::new(TimexType::Date, date_timex(&v));
            let mut h = self.hit(i, end, Some(v), Kind::Absolute, rule, timex)?;
            h.calendar = Some(cal.note(y, Some(m), None));
            return Some(h);
        }
        // A month (with or without its year).
        if let Some(Read {
            value: m,
            next: mut k,
        }) = self.month_at(j)
        {
            if self.lang != Lang::En && self.is(k, Lex::Of) && self.year_at(k + 1).is_some() {
                k += 1;
            }
            let (y, end, rel) = match self.year_at(k) {
                Some(Read { value: y, next: e }) => (Some(y), e, false),
                None => (None, k, true),
            };
            let future = self.future(i);
            let build = move |y: i32| -> Option<Resolved> {
                let last = last_day_of_month(y, m)?.day();
                let (a, b) = [(1, 10), (11, 20), (21, last)][part];
                let v = Edtf::between(
                    NaiveDate::from_ymd_opt(y, m, a)?,
                    NaiveDate::from_ymd_opt(y, m, b)?,
                )?;
                resolved(v, format!("{y:04}-{m:02}"))
            };
            if !rel {
                let Resolved { value, timex } = build(y?)?;
                return self.hit(
                    i,
                    end,
                    Some(value),
                    Kind::Absolute,
                    rule,
                    Timex::new(TimexType::Date, timex),
                );
            }
            return self.relative_hit(
                i,
                end,
                rule,
                TimexType::Date,
                &format!("XXXX-{m:02}"),
                |r| {
                    let y = resolve_month(r, m, future).year;
                    build(y)
                },
            );
        }
        // A year: thirds of the year.
        if let Some(Read {
            value: y,
            next: end,
        }) = self.year_at(j)
        {
            let (a, b) = [(1, 4), (5, 8), (9, 12)][part];
            let v = span(Period::month(y, a)?, Period::month(y, b)?)?;
            return self.hit(
                i,
                end,
                Some(v),
                Kind::Absolute,
                rule,
                Timex::new(TimexType::Date, format!("{y:04}")),
            );
        }
        // "principios de año", "fin de l'année", "Ende des Jahres": the reference's year.
        let mut y = j;
        while y < j + 3 && (self.is(y, Lex::The) || self.punct(y) == Some(Punct::Apostrophe)) {
            y += 1;
        }
        if self.lang != Lang::En
            && self.is(
                y,
                Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                },
            )
        {
            let (dir, end) = match self.lex(y + 1) {
                Some(Lex::Last) => (-1, y + 2),
                Some(Lex::Next) => (1, y + 2),
                _ => (0, y + 1),
            };
            return self.relative_hit(i, end, rule, TimexType::Date, "XXXX", move |r| {
                let y = r.year() + dir;
                let (a, b) = [(1, 4), (5, 8), (9, 12)][part];
                resolved(
                    span(Period::month(y, a)?, Period::month(y, b)?)?,
                    format!("{y:04}"),
                )
            });
        }
        // "the end of this/last/next year".
        if matches!(self.lex(j), Some(Lex::This | Lex::Last | Lex::Next))
            && self.is(
                j + 1,
                Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                },
            )
        {
            let dir = match self.lex(j)? {
                Lex::Last => -1,
                Lex::Next => 1,
                _ => 0,
            };
            return self.relative_hit(i, j + 2, rule, TimexType::Date, "XXXX", |r| {
                let y = r.year() + dir;
                let (a, b) = [(1, 4), (5, 8), (9, 12)][part];
                resolved(
                    span(Period::month(y, a)?, Period::month(y, b)?)?,
                    format!("{y:04}"),
                )
            });
        }
        None
    }

    /// "about 2011", "around June 2015", "circa 1990", "c. 2011".
    pub(super) fn about(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.punct(j) == Some(Punct::Period) && self.tight(j) {
            j += 1;
        }
        let (v, end) = if let Some(h) = self.month_year(j) {
            (h.value?, h.end)
        } else {
            let Read { value: y, next: e } = self.year_at(j)?;
            if self.counts_things(e) {
                return None;
            }
            (Edtf::year(y)?, e)
        };
        let timex = Timex::new(TimexType::Date, date_timex(&v));
        self.hit(
            i,
            end,
            Some(approximate(v)),
            Kind::Absolute,
            "approximate",
            timex,
        )
    }
}
