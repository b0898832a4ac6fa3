//! Full dates ("2 June 2015", "June 2nd, 2015", "2015-06-02", "7/8/07") and month-year ("June 2015").

use chrono::NaiveDate;
use dossier_model::Edtf;

use super::read::Read;
use super::{Hit, Matcher, date_timex};
use crate::lexicon::Lex;
use crate::token::{Number, Punct, TokenKind};
use crate::{Kind, Lang, Timex, TimexType};

impl Matcher<'_> {
    /// Dates with a day or a month and a year; an optional weekday in front.
    pub(super) fn full_date(&self, i: usize) -> Option<Hit> {
        if let Some(Lex::Weekday(_)) = self.lex(i) {
            let mut j = i + 1;
            if self.punct(j) == Some(Punct::Comma) {
                j += 1;
            }
            if self.is(j, Lex::The) {
                j += 1;
            }
            let mut h = self.full_date(j)?;
            if h.value.as_ref().and_then(Edtf::precision) != Some(dossier_model::Precision::Day) {
                return None;
            }
            h.first = i;
            return Some(h);
        }
        self.iso(i)
            .or_else(|| self.numeric_us(i))
            .or_else(|| self.day_month_year(i))
            .or_else(|| self.month_day_year(i))
            .or_else(|| self.month_year(i))
    }

    pub(super) fn iso(&self, i: usize) -> Option<Hit> {
        let Number {
            value: y,
            digits: 4,
            ordinal: false,
        } = self.tokens.get(i)?.num()?
        else {
            return None;
        };
        let ok =
            |k: usize| self.punct(k) == Some(Punct::Dash) && self.tight(k) && self.tight(k + 1);
        if !ok(i + 1) || !ok(i + 3) {
            return None;
        }
        let Number {
            value: m,
            digits: 2,
            ordinal: false,
        } = self.tokens.get(i + 2)?.num()?
        else {
            return None;
        };
        let Number {
            value: d,
            digits: 2,
            ordinal: false,
        } = self.tokens.get(i + 4)?.num()?
        else {
            return None;
        };
        let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
        let value = Edtf::day(date)?;
        // "2015-06-02T10:00": the day, annotated as a time.
        if self.word_is(i + 5, "T")
            && self.tight(i + 5)
            && self.tight(i + 6)
            && let Some(t) = self.time(i + 6)
        {
            let clock = t.timex.value.split_once('T').map(|(_, c)| c.to_string())?;
            let timex = Timex::new(TimexType::Time, format!("{}T{clock}", date_timex(&value)));
            return self.hit(i, t.end, Some(value), Kind::Absolute, "iso-date", timex);
        }
        self.date_hit(i, i + 5, value, Kind::Absolute, "iso-date")
    }

    /// "7/8/07", "12/25/2015": the American month/day/year order of English news.
    pub(super) fn numeric_us(&self, i: usize) -> Option<Hit> {
        let Number {
            value: m,
            digits: 1..=2,
            ordinal: false,
        } = self.tokens.get(i)?.num()?
        else {
            return None;
        };
        let slash =
            |k: usize| self.punct(k) == Some(Punct::Slash) && self.tight(k) && self.tight(k + 1);
        if !slash(i + 1) || !slash(i + 3) {
            return None;
        }
        let Number {
            value: d,
            digits: 1..=2,
            ordinal: false,
        } = self.tokens.get(i + 2)?.num()?
        else {
            return None;
        };
        let Number {
            value: y,
            digits: yd,
            ordinal: false,
        } = self.tokens.get(i + 4)?.num()?
        else {
            return None;
        };
        let y = match yd {
            2 => 2000 + y as i32 - if y > 50 { 100 } else { 0 },
            4 => y as i32,
            _ => return None,
        };
        if self.punct(i + 5) == Some(Punct::Slash) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        self.date_hit(
            i,
            i + 5,
            Edtf::day(date)?,
            Kind::Absolute,
            "numeric-us-date",
        )
    }

    /// "2 June 2015", "2nd of June, 2015"; without a year, the nearest past "2 June".
    pub(super) fn day_month_year(&self, i: usize) -> Option<Hit> {
        let Read {
            value: d,
            next: mut j,
        } = self.day_at(i)?;
        // "2. Juni": the German ordinal period.
        if self.lang != Lang::En && self.punct(j) == Some(Punct::Period) && self.tight(j) {
            j += 1;
        }
        if self.is(j, Lex::Of) {
            j += 1;
        }
        let Read { value: m, next: j } = self.month_at(j)?;
        // "2 de junio de 2015".
        let k = if self.punct(j) == Some(Punct::Comma)
            || (self.lang != Lang::En && self.is(j, Lex::Of))
        {
            j + 1
        } else {
            j
        };
        if let Some(Read { value: y, next: e }) = self.year_at(k) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return self.date_hit(i, e, Edtf::day(date)?, Kind::Absolute, "day-month-year");
        }
        self.day_month_relative(i, j, m, d, "day-month")
    }

    /// "June 2nd, 2015", "Dec. 6, 2024", "March 01 , 2008"; without a year, "Oct. 7".
    pub(super) fn month_day_year(&self, i: usize) -> Option<Hit> {
        let Read { value: m, next: j } = self.month_at(i)?;
        let Read { value: d, next: j } = self.day_at(j)?;
        // "June 17:00", "May 5-10" are not this form.
        if matches!(self.punct(j), Some(Punct::Colon)) {
            return None;
        }
        let k = if self.punct(j) == Some(Punct::Comma) {
            j + 1
        } else {
            j
        };
        if let Some(Read { value: y, next: e }) = self.year_at(k) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return self.date_hit(i, e, Edtf::day(date)?, Kind::Absolute, "month-day-year");
        }
        if self
            .tokens
            .get(j)
            .is_some_and(|t| matches!(t.kind, TokenKind::Num(_) | TokenKind::Figure))
        {
            return None;
        }
        self.day_month_relative(i, j, m, d, "month-day")
    }

    /// "June 2015", "June of 2015".
    pub(super) fn month_year(&self, i: usize) -> Option<Hit> {
        let Read {
            value: m,
            next: mut j,
        } = self.month_at(i)?;
        if self.is(j, Lex::Of) || self.punct(j) == Some(Punct::Comma) {
            j += 1;
        }
        // "octobre 98": two digits no day can be are the year (outside English).
        if self.lang != Lang::En
            && let Some(Number {
                value: v @ 32..=99,
                digits: 2,
                ordinal: false,
            }) = self.tokens.get(j).and_then(|t| t.num())
            && !self.tight_letter(j + 1)
        {
            let y = 1900 + v as i32;
            return self.date_hit(i, j + 1, Edtf::month(y, m)?, Kind::Absolute, "month-year");
        }
        let Read { value: y, next: e } = self.year_at(j)?;
        self.date_hit(i, e, Edtf::month(y, m)?, Kind::Absolute, "month-year")
    }
}
