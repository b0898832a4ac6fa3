//! Years in a date context ("in 2013", "the 2014 annexation", "from 2009 to 2011") and decades ("the 1990s").

use dossier_model::{Edtf, Period};

use super::read::Read;
use super::{Hit, Matcher};
use crate::calendar::span;
use crate::lexicon::{Lex, Unit};
use crate::token::{Number, Punct, TokenKind};
use crate::{Kind, Timex, TimexType};

impl Matcher<'_> {
    /// A bare year where the words around it say it is one ("in 2013", "since 2013", "2013's").
    pub(super) fn year_context(&self, i: usize) -> Option<Hit> {
        let Read {
            value: y,
            next: end,
        } = self.year_at(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.lex(p));
        let context =
            match prev {
                Some(l) if l.introduces_date() => true,
                Some(Lex::Unit {
                    unit: Unit::Year,
                    plural: false,
                }) => true,
                // "el 2012": Spanish names a year with the article.
                Some(Lex::The) if self.lang == crate::Lang::Es => true,
                // "between 2014 and 2016", "2009 or 2010".
                Some(Lex::And | Lex::Or) => i >= 2 && self.year_at(i - 2).is_some(),
                _ => false,
            } || (self.lang != crate::Lang::En && self.tokens[i].num().is_some() && end > i + 1); // "2013 года", "2015م": the year's own word or era mark.
        // "2005-2017" after a year context word: one interval.
        if context
            && self.punct(end) == Some(Punct::Dash)
            && let Some(Read {
                value: y2,
                next: e2,
            }) = self.year_at(end + 1)
            && y2 > y
        {
            let v = span(Period::Year(y), Period::Year(y2))?;
            return self.hit(
                i,
                e2,
                Some(v),
                Kind::Absolute,
                "year-range",
                Timex::new(TimexType::Date, format!("{y:04}")),
            );
        }
        if !context || self.counts_things(end) {
            return None;
        }
        self.date_hit(i, end, Edtf::year(y)?, Kind::Absolute, "year")
    }

    /// "the 2014 annexation", "the 2014 and 2015 budgets": a year as a modifier.
    pub(super) fn the_year(&self, i: usize) -> Option<Hit> {
        let Read {
            value: y,
            next: end,
        } = self.year_at(i + 1)?;
        let modifies = matches!(
            self.tokens.get(end).map(|t| t.kind),
            Some(TokenKind::Word { .. })
        );
        if !modifies || self.counts_things(end) {
            return None;
        }
        self.date_hit(i + 1, end, Edtf::year(y)?, Kind::Absolute, "year")
    }

    /// "from 2009 to 2011", "between 2014 and 2016": one interval (TIMEX: the duration).
    pub(super) fn year_span(&self, i: usize) -> Option<Hit> {
        let link = match self.lex(i)? {
            Lex::From => Lex::To,
            Lex::Between => Lex::And,
            _ => return None,
        };
        // "entre el 2009 y el 2011".
        let article = |k: usize| usize::from(self.lang != crate::Lang::En && self.is(k, Lex::The));
        let Read { value: a, next: j } = self.year_at(i + 1 + article(i + 1))?;
        if !self.is(j, link) {
            return None;
        }
        let Read {
            value: b,
            next: end,
        } = self.year_at(j + 1 + article(j + 1))?;
        if b <= a || self.counts_things(end) {
            return None;
        }
        let v = span(Period::Year(a), Period::Year(b))?;
        self.hit(
            i,
            end,
            Some(v),
            Kind::Absolute,
            "year-span",
            Timex::new(TimexType::Duration, format!("P{}Y", b - a)),
        )
    }

    /// Decades outside English: "les années 1990", "los años 60", "la década de 1990", "دهه
    /// ۱۹۹۰" (a decade word or plural years, then the decade's first year), "1990er Jahre",
    /// "1990-х годах" (the year with a suffix).
    pub(super) fn decade_words(&self, i: usize) -> Option<Hit> {
        if self.lang == crate::Lang::En {
            return None;
        }
        let (first, start, end) = match self.lex(i) {
            Some(
                Lex::Unit {
                    unit: Unit::Decade,
                    plural: false,
                }
                | Lex::Unit {
                    unit: Unit::Year,
                    plural: true,
                },
            ) => {
                let j = if self.is(i + 1, Lex::Of) {
                    i + 2
                } else {
                    i + 1
                };
                let n = self.tokens.get(j)?.num()?;
                // "دهه ۶۰": Iranian decades are Solar (1360–1369).
                if self.lang.solar_months()
                    && n.value % 10 == 0
                    && (n.digits == 2 || (n.digits == 4 && (1300..1500).contains(&n.value)))
                {
                    let y = if n.digits == 2 {
                        1300 + n.value
                    } else {
                        n.value
                    } as i32;
                    let (a, _) = crate::calendars::Other::Solar.year(y)?;
                    let (_, b) = crate::calendars::Other::Solar.year(y + 9)?;
                    let mut h = self.solar_interval(i, j + 1, (a, b), None, "decade")?;
                    h.kind = Kind::Absolute;
                    return Some(h);
                }
                let start = match n.digits {
                    4 if self.years.contains_number(n.value) => n.value as i32,
                    2 => 1900 + n.value as i32,
                    _ => return None,
                };
                (i, start, j + 1)
            }
            _ => {
                let n = self.tokens.get(i)?.num()?;
                if n.digits != 4 || !self.years.contains_number(n.value) {
                    return None;
                }
                // "1990er", "1990-х".
                let k = if self.punct(i + 1) == Some(Punct::Dash) && self.tight(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                let suffix = self.tight(k)
                    && (self.word_is(k, "er") || self.word_is(k, "х") || self.word_is(k, "e"));
                if !suffix {
                    return None;
                }
                let mut end = k + 1;
                if matches!(
                    self.lex(end),
                    Some(Lex::Unit {
                        unit: Unit::Year,
                        ..
                    })
                ) {
                    end += 1;
                }
                (i, n.value as i32, end)
            }
        };
        if start % 10 != 0 {
            return None;
        }
        let v = span(Period::Year(start), Period::Year(start + 9))?;
        self.hit(
            first,
            end,
            Some(v),
            Kind::Absolute,
            "decade",
            Timex::new(TimexType::Date, format!("{}", start / 10)),
        )
    }

    /// "the 1990s", "1990s", "the '70s", "70s".
    pub(super) fn decade(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::The) {
            j += 1;
        }
        if self.punct(j) == Some(Punct::Apostrophe) {
            j += 1;
        }
        let Number {
            value: v,
            digits,
            ordinal: false,
        } = self.tokens.get(j)?.num()?
        else {
            return None;
        };
        if !self.word_is(j + 1, "s") || !self.tight(j + 1) || v % 10 != 0 {
            return None;
        }
        let start = match digits {
            4 if self.years.contains_number(v) => v as i32,
            2 => 1900 + v as i32,
            _ => return None,
        };
        if i != j && !self.is(i, Lex::The) && self.punct(i) != Some(Punct::Apostrophe) {
            return None;
        }
        let v = span(Period::Year(start), Period::Year(start + 9))?;
        self.hit(
            i,
            j + 2,
            Some(v),
            Kind::Absolute,
            "decade",
            Timex::new(TimexType::Date, format!("{}", start / 10)),
        )
    }
}
