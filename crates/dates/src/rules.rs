//! The rules: hand-written matchers over tokens, tried at each token, leftmost-longest.
//!
//! Each rule is a small function that reads the token stream and either declines or returns a
//! [`Hit`]: where the expression ends, its resolved value, kind, rule name and TIMEX3 value.

use chrono::{Datelike, NaiveDate};
use dossier_model::{Edtf, Period};

use crate::calendar::{
    add_days, add_months, approximate, iso_week, last_day_of_month, monday, month_edtf, month_near,
    month_of, nearest_weekday, resolve_day_month, resolve_month, span, weekday,
};
use crate::lexicon::{Lex, PartOfDay, Unit};
use crate::token::{P, Tok, Token};
use crate::{Kind, Timex, TimexType};

pub(crate) struct Hit {
    /// First token of the expression (usually where the rule was tried).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub value: Option<Edtf>,
    pub kind: Kind,
    pub rule: &'static str,
    pub timex: Timex,
}

pub(crate) struct Rules<'a> {
    pub text: &'a str,
    pub t: &'a [Token],
    pub r: Option<NaiveDate>,
}

const MIN_YEAR: u32 = 1500;
const MAX_YEAR: u32 = 2100;

fn tx(kind: TimexType, value: impl Into<String>) -> Timex {
    Timex {
        kind,
        value: value.into(),
    }
}

/// The TIMEX3 value of a single EDTF date (qualifiers dropped: TIMEX has no `~`).
fn date_timex(e: &Edtf) -> String {
    match e {
        Edtf::Single(d) => d.period().to_string(),
        Edtf::Interval(..) => e.to_string(),
    }
}

impl<'a> Rules<'a> {
    fn lex(&self, i: usize) -> Option<Lex> {
        self.t.get(i).and_then(Token::lex)
    }

    fn is(&self, i: usize, l: Lex) -> bool {
        self.lex(i) == Some(l)
    }

    fn punct(&self, i: usize) -> Option<P> {
        self.t.get(i).and_then(Token::punct)
    }

    /// Whether token `i` directly follows token `i - 1` (no space between).
    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space_before)
    }

    fn hit(
        &self,
        first: usize,
        end: usize,
        value: Option<Edtf>,
        kind: Kind,
        rule: &'static str,
        timex: Timex,
    ) -> Option<Hit> {
        Some(Hit {
            first,
            end,
            value,
            kind,
            rule,
            timex,
        })
    }

    fn date_hit(
        &self,
        first: usize,
        end: usize,
        value: Edtf,
        kind: Kind,
        rule: &'static str,
    ) -> Option<Hit> {
        let timex = tx(TimexType::Date, date_timex(&value));
        self.hit(first, end, Some(value), kind, rule, timex)
    }

    /// A relative expression: resolved when there is a reference, else a TIMEX placeholder.
    fn rel_hit(
        &self,
        first: usize,
        end: usize,
        rule: &'static str,
        kind: TimexType,
        placeholder: &str,
        resolve: impl FnOnce(NaiveDate) -> Option<(Edtf, String)>,
    ) -> Option<Hit> {
        match self.r.and_then(resolve) {
            Some((v, t)) => self.hit(first, end, Some(v), Kind::Relative, rule, tx(kind, t)),
            None => self.hit(
                first,
                end,
                None,
                Kind::Relative,
                rule,
                tx(kind, placeholder),
            ),
        }
    }

    // ------------------------------------------------------------------ token readers

    /// A day of the month: 1–31, one or two digits, optionally ordinal.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let (v, digits, _) = self.t.get(i)?.num()?;
        ((1..=31).contains(&v) && digits <= 2).then_some((v, i + 1))
    }

    /// A month name, with the period of an abbreviation ("Dec.").
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        match self.lex(i)? {
            Lex::Month { month, abbr } => {
                let mut j = i + 1;
                if abbr && self.punct(j) == Some(P::Period) && self.tight(j) {
                    j += 1;
                }
                Some((u32::from(month), j))
            }
            _ => None,
        }
    }

    /// A four-digit year (1500–2100), or `'82`.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.t.get(i)?;
        if let Some((v, digits, false)) = t.num() {
            if digits == 4 && (MIN_YEAR..=MAX_YEAR).contains(&v) && !self.tight_letter(i + 1) {
                return Some((v as i32, i + 1));
            }
            return None;
        }
        if t.punct() == Some(P::Apostrophe)
            && let Some((v, 2, false)) = self.t.get(i + 1)?.num()
            && self.tight(i + 1)
            && !self.tight_letter(i + 2)
        {
            let y = if v <= 30 { 2000 + v } else { 1900 + v };
            return Some((y as i32, i + 2));
        }
        None
    }

    /// A word glued to the previous token ("1990s", "8pm", "F16x").
    fn tight_letter(&self, i: usize) -> bool {
        self.tight(i) && matches!(self.t.get(i).map(|t| t.tok), Some(Tok::Word { .. }))
    }

    /// A count: digits (up to 3), a number word ("twenty-five", "twenty five"), "a"/"an" when
    /// `allow_a`. Also "two and a half" (returned as tenths).
    fn count_at(&self, i: usize, allow_a: bool) -> Option<(u32, usize)> {
        let (mut n, mut j) = match self.t.get(i)?.tok {
            Tok::Num {
                value,
                digits,
                ordinal: false,
            } if digits <= 3 => (value * 10, i + 1),
            Tok::Word {
                lex: Lex::NumWord(v),
                ..
            } => {
                let mut v = v;
                let mut j = i + 1;
                if (20..100).contains(&v) {
                    let k = if self.punct(j) == Some(P::Dash) {
                        j + 1
                    } else {
                        j
                    };
                    if let Some(Lex::NumWord(u @ 1..=9)) = self.lex(k) {
                        v += u;
                        j = k + 1;
                    }
                }
                (v * 10, j)
            }
            Tok::Word { lex: Lex::A, .. } if allow_a => (10, i + 1),
            _ => return None,
        };
        if self.is(j, Lex::And) && self.is(j + 1, Lex::A) && self.is(j + 2, Lex::Half) {
            n += 5;
            j += 3;
        }
        Some((n, j))
    }

    fn unit_at(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i)? {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            _ => None,
        }
    }

    /// Whether the sentence around token `i` speaks of the future ("will meet on Friday").
    fn future(&self, i: usize) -> bool {
        // "closed until Friday": the day has not come yet.
        if i > 0 && self.is(i - 1, Lex::Until) {
            return true;
        }
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < 12 {
            j -= 1;
            steps += 1;
            match self.t[j].tok {
                Tok::Punct(P::Break) => break,
                Tok::Punct(P::Period) if self.t.get(j + 1).is_some_and(|t| t.cap()) => break,
                Tok::Word {
                    lex: Lex::Future, ..
                } => return true,
                // "is set to begin on Wednesday".
                Tok::Word {
                    lex: Lex::Other, ..
                } if self.word_is(j, "set") && self.is(j + 1, Lex::To) => {
                    return true;
                }
                _ => {}
            }
        }
        false
    }

    /// Whether the word after a bare number says it counts things ("2000 troops"). News style
    /// writes counts from 1,000 with a separator, so a bare four-digit number is usually a year;
    /// this list catches the common exceptions.
    fn counts_things(&self, i: usize) -> bool {
        if matches!(self.lex(i), Some(Lex::Unit { .. } | Lex::More)) {
            return true;
        }
        let Some(w) = self.word(i) else { return false };
        const COUNTED: &[&str] = &[
            "people",
            "persons",
            "troops",
            "soldiers",
            "fighters",
            "men",
            "women",
            "children",
            "civilians",
            "refugees",
            "cases",
            "deaths",
            "dead",
            "killed",
            "points",
            "votes",
            "dollars",
            "euros",
            "pounds",
            "km",
            "kilometres",
            "kilometers",
            "miles",
            "metres",
            "meters",
            "feet",
            "tons",
            "tonnes",
            "barrels",
            "acres",
            "hectares",
            "pages",
            "words",
            "copies",
            "members",
            "students",
            "workers",
            "employees",
            "jobs",
            "homes",
            "houses",
            "families",
            "units",
            "vehicles",
            "tanks",
            "rockets",
            "missiles",
            "shells",
            "percent",
            "times",
            "residents",
            "militants",
            "prisoners",
            "victims",
            "patients",
            "signatures",
            "seats",
            "rounds",
            "sq",
            "square",
            "cubic",
            "mw",
            "kg",
            "mm",
            "cm",
            "hp",
            "rpm",
        ];
        COUNTED.iter().any(|c| w.eq_ignore_ascii_case(c))
    }

    /// The text of word token `i`.
    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.t.get(i)?;
        matches!(t.tok, Tok::Word { .. }).then(|| &self.text[t.start..t.end])
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    // ------------------------------------------------------------------ the rules

    /// Tries every rule at token `i`; the longest hit wins.
    pub fn at(&self, i: usize) -> Option<Hit> {
        let t = &self.t[i];
        match t.tok {
            Tok::Punct(P::Copyright) => self.copyright(i),
            Tok::Punct(P::Apostrophe) => self.year_context(i).or_else(|| self.decade(i)),
            Tok::Punct(_) | Tok::Figure => None,
            Tok::Num { .. } => self
                .full_date(i)
                .or_else(|| self.time(i))
                .or_else(|| self.decade(i))
                .or_else(|| self.ago(i))
                .or_else(|| self.duration(i))
                .or_else(|| self.year_context(i)),
            Tok::Word { lex, cap } => match lex {
                Lex::Copyright => self.copyright(i),
                Lex::Weekday(_) => self.full_date(i).or_else(|| self.weekday_rule(i, cap)),
                Lex::Month { .. } => self.full_date(i).or_else(|| self.month_alone(i, cap)),
                Lex::Early | Lex::Mid | Lex::Late => self.part_of(i),
                Lex::The => self
                    .part_of(i)
                    .or_else(|| self.quarter(i))
                    .or_else(|| self.the_day(i))
                    .or_else(|| self.vague_ref(i))
                    .or_else(|| self.past_span(i))
                    .or_else(|| self.the_year(i))
                    .or_else(|| self.decade(i))
                    .or_else(|| self.relative_unit(i)),
                Lex::About
                    if self.word_is(i, "c")
                        && i > 0
                        && self.text[..self.t[i].start].ends_with('(')
                        && self.text[self.t[i].end..].starts_with(')') =>
                {
                    self.copyright(i + 1).map(|mut h| {
                        h.first = i - 1;
                        h
                    })
                }
                Lex::About => self.about(i),
                Lex::From | Lex::Between => self.year_span(i),
                Lex::Today | Lex::Tonight | Lex::Yesterday | Lex::Tomorrow => self.deictic(i),
                Lex::Earlier | Lex::Later => self.earlier_later(i),
                Lex::Last | Lex::Next | Lex::This | Lex::Past | Lex::Coming | Lex::Previous => {
                    self.relative_unit(i).or_else(|| self.past_span(i))
                }
                Lex::NumWord(_) | Lex::A => self.ago(i).or_else(|| self.duration(i)),
                Lex::Few | Lex::Several | Lex::Almost => self.duration(i),
                Lex::Recent => self.past_span(i),
                Lex::Recently => self.hit(
                    i,
                    i + 1,
                    None,
                    Kind::Relative,
                    "past-ref",
                    tx(TimexType::Date, "PAST_REF"),
                ),
                Lex::Set(u) => self.hit(
                    i,
                    i + 1,
                    None,
                    Kind::Duration,
                    "set",
                    tx(TimexType::Set, format!("P1{}", u.timex())),
                ),
                Lex::For | Lex::In => self.for_units(i),
                Lex::Ordinal(_) => self.quarter(i),
                _ => None,
            },
        }
    }

    /// "© 2005-2017", "© The American Interest LLC 2005-2017", "Copyright 2017".
    fn copyright(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        while j < self.t.len() && j <= i + 10 {
            if self.punct(j) == Some(P::Break) {
                return None;
            }
            if let Some((y1, k)) = self.year_at(j) {
                let (value, end) = match (self.punct(k), self.year_at(k + 1)) {
                    (Some(P::Dash), Some((y2, e))) if y2 >= y1 => {
                        (span(Period::Year(y1), Period::Year(y2))?, e)
                    }
                    _ => (Edtf::year(y1)?, k),
                };
                let last = value.latest()?.year();
                return self.hit(
                    i,
                    end,
                    Some(value),
                    Kind::Copyright,
                    "copyright",
                    tx(TimexType::Date, last.to_string()),
                );
            }
            j += 1;
        }
        None
    }

    /// Dates with a day or a month and a year; an optional weekday in front.
    fn full_date(&self, i: usize) -> Option<Hit> {
        if let Some(Lex::Weekday(_)) = self.lex(i) {
            let mut j = i + 1;
            if self.punct(j) == Some(P::Comma) {
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

    fn iso(&self, i: usize) -> Option<Hit> {
        let (y, 4, false) = self.t.get(i)?.num()? else {
            return None;
        };
        let ok = |k: usize| self.punct(k) == Some(P::Dash) && self.tight(k) && self.tight(k + 1);
        if !ok(i + 1) || !ok(i + 3) {
            return None;
        }
        let (m, 2, false) = self.t.get(i + 2)?.num()? else {
            return None;
        };
        let (d, 2, false) = self.t.get(i + 4)?.num()? else {
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
            let timex = tx(TimexType::Time, format!("{}T{clock}", date_timex(&value)));
            return self.hit(i, t.end, Some(value), Kind::Absolute, "iso-date", timex);
        }
        self.date_hit(i, i + 5, value, Kind::Absolute, "iso-date")
    }

    /// "7/8/07", "12/25/2015": the American month/day/year order of English news.
    fn numeric_us(&self, i: usize) -> Option<Hit> {
        let (m, 1..=2, false) = self.t.get(i)?.num()? else {
            return None;
        };
        let slash =
            |k: usize| self.punct(k) == Some(P::Slash) && self.tight(k) && self.tight(k + 1);
        if !slash(i + 1) || !slash(i + 3) {
            return None;
        }
        let (d, 1..=2, false) = self.t.get(i + 2)?.num()? else {
            return None;
        };
        let (y, yd, false) = self.t.get(i + 4)?.num()? else {
            return None;
        };
        let y = match yd {
            2 => 2000 + y as i32 - if y > 50 { 100 } else { 0 },
            4 => y as i32,
            _ => return None,
        };
        if self.punct(i + 5) == Some(P::Slash) {
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
    fn day_month_year(&self, i: usize) -> Option<Hit> {
        let (d, mut j) = self.day_at(i)?;
        if self.is(j, Lex::Of) {
            j += 1;
        }
        let (m, j) = self.month_at(j)?;
        let k = if self.punct(j) == Some(P::Comma) {
            j + 1
        } else {
            j
        };
        if let Some((y, e)) = self.year_at(k) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return self.date_hit(i, e, Edtf::day(date)?, Kind::Absolute, "day-month-year");
        }
        self.day_month_relative(i, j, m, d, "day-month")
    }

    /// "June 2nd, 2015", "Dec. 6, 2024", "March 01 , 2008"; without a year, "Oct. 7".
    fn month_day_year(&self, i: usize) -> Option<Hit> {
        let (m, j) = self.month_at(i)?;
        let (d, j) = self.day_at(j)?;
        // "June 17:00", "May 5-10" are not this form.
        if matches!(self.punct(j), Some(P::Colon)) {
            return None;
        }
        let k = if self.punct(j) == Some(P::Comma) {
            j + 1
        } else {
            j
        };
        if let Some((y, e)) = self.year_at(k) {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return self.date_hit(i, e, Edtf::day(date)?, Kind::Absolute, "month-day-year");
        }
        if self
            .t
            .get(j)
            .is_some_and(|t| matches!(t.tok, Tok::Num { .. } | Tok::Figure))
        {
            return None;
        }
        self.day_month_relative(i, j, m, d, "month-day")
    }

    fn day_month_relative(
        &self,
        i: usize,
        end: usize,
        m: u32,
        d: u32,
        rule: &'static str,
    ) -> Option<Hit> {
        // Validate against a leap year so that "29 February" is accepted.
        NaiveDate::from_ymd_opt(2000, m, d)?;
        let future = self.future(i);
        self.rel_hit(
            i,
            end,
            rule,
            TimexType::Date,
            &format!("XXXX-{m:02}-{d:02}"),
            |r| {
                let date = resolve_day_month(r, m, d, future)?;
                Some((Edtf::day(date)?, date.format("%Y-%m-%d").to_string()))
            },
        )
    }

    /// "June 2015", "June of 2015".
    fn month_year(&self, i: usize) -> Option<Hit> {
        let (m, mut j) = self.month_at(i)?;
        if self.is(j, Lex::Of) || self.punct(j) == Some(P::Comma) {
            j += 1;
        }
        let (y, e) = self.year_at(j)?;
        self.date_hit(i, e, Edtf::month(y, m)?, Kind::Absolute, "month-year")
    }

    /// A month name alone: the latest such month on or before the reference month.
    fn month_alone(&self, i: usize, cap: bool) -> Option<Hit> {
        let Some(Lex::Month { month, abbr }) = self.lex(i) else {
            return None;
        };
        let prev = i.checked_sub(1).and_then(|p| self.lex(p));
        let context =
            prev.is_some_and(|l| l.introduces_date() || matches!(l, Lex::Early | Lex::Late));
        // "may" and "march" are verbs too; abbreviations alone are too ambiguous.
        let ambiguous = matches!(month, 3 | 5) || abbr;
        // "February 30" is no date; "June Carter" is a name.
        let next = self.t.get(i + 1).map(|t| t.tok);
        let name_or_number = matches!(next, Some(Tok::Num { .. } | Tok::Word { cap: true, .. }));
        if !cap
            || ((ambiguous || name_or_number) && !context)
            || matches!(next, Some(Tok::Num { .. }))
        {
            return None;
        }
        let m = u32::from(month);
        let future = self.future(i);
        self.rel_hit(
            i,
            i + 1,
            "month",
            TimexType::Date,
            &format!("XXXX-{m:02}"),
            |r| {
                let (y, m) = resolve_month(r, m, future);
                Some((month_edtf(y, m)?, format!("{y:04}-{m:02}")))
            },
        )
    }

    /// A bare weekday, with an optional part of the day ("Friday morning").
    fn weekday_rule(&self, i: usize, cap: bool) -> Option<Hit> {
        let Some(Lex::Weekday(n)) = self.lex(i) else {
            return None;
        };
        let after_on = i > 0 && self.is(i - 1, Lex::On);
        if !cap && !after_on {
            return None;
        }
        let future = self.future(i);
        self.weekday_hit(i, i + 1, n, future, false, "weekday")
    }

    fn weekday_hit(
        &self,
        first: usize,
        end: usize,
        n: u8,
        future: bool,
        strict: bool,
        rule: &'static str,
    ) -> Option<Hit> {
        let (end, pod) = match self.lex(end) {
            Some(Lex::PartOfDay(p)) => (end + 1, Some(p)),
            _ => (end, None),
        };
        self.day_hit(first, end, rule, pod, move |r| {
            nearest_weekday(r, weekday(n), future, strict)
        })
    }

    /// A relative day, with its part of the day as TIMEX TIME ("2010-07-16TMO").
    fn day_hit(
        &self,
        first: usize,
        end: usize,
        rule: &'static str,
        pod: Option<PartOfDay>,
        resolve: impl FnOnce(NaiveDate) -> Option<NaiveDate>,
    ) -> Option<Hit> {
        let kind = if pod.is_some() {
            TimexType::Time
        } else {
            TimexType::Date
        };
        let suffix = pod.map(|p| format!("T{}", p.timex())).unwrap_or_default();
        self.rel_hit(
            first,
            end,
            rule,
            kind,
            &format!("XXXX-XX-XX{suffix}"),
            |r| {
                let d = resolve(r)?;
                Some((Edtf::day(d)?, format!("{}{suffix}", d.format("%Y-%m-%d"))))
            },
        )
    }

    /// today, tonight, yesterday, tomorrow (+ morning …).
    fn deictic(&self, i: usize) -> Option<Hit> {
        let (offset, rule) = match self.lex(i)? {
            Lex::Today => (0, "today"),
            Lex::Tonight => (0, "tonight"),
            Lex::Yesterday => (-1, "yesterday"),
            Lex::Tomorrow => (1, "tomorrow"),
            _ => return None,
        };
        let (end, pod) = match self.lex(i + 1) {
            Some(Lex::PartOfDay(p)) if offset != 0 || rule == "today" => (i + 2, Some(p)),
            _ => (i + 1, None),
        };
        let pod = if rule == "tonight" {
            Some(PartOfDay::Night)
        } else {
            pod
        };
        self.day_hit(i, end, rule, pod, move |r| add_days(r, offset))
    }

    /// "earlier today", "later this year", "earlier this week".
    fn earlier_later(&self, i: usize) -> Option<Hit> {
        let earlier = self.is(i, Lex::Earlier);
        if self.is(i + 1, Lex::Today) {
            return self.day_hit(
                i,
                i + 2,
                if earlier {
                    "earlier-today"
                } else {
                    "later-today"
                },
                None,
                Some,
            );
        }
        if !self.is(i + 1, Lex::This) {
            return None;
        }
        let (unit, _) = self.unit_at(i + 2)?;
        let end = i + 3;
        let rule = if earlier {
            "earlier-this"
        } else {
            "later-this"
        };
        self.rel_hit(i, end, rule, TimexType::Date, "XXXX", |r| {
            let (first, last, timex) = match unit {
                Unit::Week => {
                    let mon = monday(r)?;
                    (mon, add_days(mon, 6)?, iso_week(r)?.0)
                }
                Unit::Month => (
                    r.with_day(1)?,
                    last_day_of_month(r.year(), r.month())?,
                    format!("{:04}-{:02}", r.year(), r.month()),
                ),
                Unit::Year => (
                    NaiveDate::from_ymd_opt(r.year(), 1, 1)?,
                    NaiveDate::from_ymd_opt(r.year(), 12, 31)?,
                    format!("{:04}", r.year()),
                ),
                _ => return None,
            };
            let v = if earlier {
                Edtf::between(first, r)?
            } else {
                Edtf::between(r, last)?
            };
            Some((v, timex))
        })
    }

    /// last/this/next/coming/past + week, month, year, weekend, weekday, month name.
    fn relative_unit(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::The) {
            // "the previous year", "the coming week" are dates; "the past year" is a span.
            j += 1;
            if !matches!(self.lex(j), Some(Lex::Previous | Lex::Coming)) {
                return None;
            }
        }
        let dir: i32 = match self.lex(j)? {
            Lex::Last | Lex::Past | Lex::Previous => -1,
            Lex::This => 0,
            Lex::Next | Lex::Coming => 1,
            _ => return None,
        };
        // "past"/"previous" only with "the": "past Tuesday" is rare, "the past week" is a span.
        if matches!(self.lex(j), Some(Lex::Past)) {
            return None;
        }
        let k = j + 1;
        match self.lex(k)? {
            Lex::Weekday(n) => {
                let rule = ["last-weekday", "this-weekday", "next-weekday"][(dir + 1) as usize];
                if dir == 0 {
                    self.day_hit(i, k + 1, rule, None, move |r| {
                        add_days(monday(r)?, i64::from(n))
                    })
                } else {
                    self.weekday_hit(i, k + 1, n, dir > 0, true, rule)
                }
            }
            Lex::Month { month, abbr: false } if self.t[k].cap() => {
                let m = u32::from(month);
                self.rel_hit(
                    i,
                    k + 1,
                    "relative-month-name",
                    TimexType::Date,
                    &format!("XXXX-{m:02}"),
                    |r| {
                        let (y, m) = match dir {
                            0 => (r.year(), m),
                            d => month_near(r, m, d > 0, true),
                        };
                        Some((month_edtf(y, m)?, format!("{y:04}-{m:02}")))
                    },
                )
            }
            Lex::PartOfDay(p) if dir == 0 => {
                self.day_hit(i, k + 1, "this-part-of-day", Some(p), Some)
            }
            Lex::Weekend => {
                self.rel_hit(i, k + 1, "weekend", TimexType::Date, "XXXX-WXX-WE", |r| {
                    let sat = add_days(monday(r)?, 5 + 7 * i64::from(dir))?;
                    let (w, _) = iso_week(sat)?;
                    Some((Edtf::between(sat, add_days(sat, 1)?)?, format!("{w}-WE")))
                })
            }
            Lex::Unit {
                unit,
                plural: false,
            } => {
                let rule = match (dir, unit) {
                    (-1, Unit::Week) => "last-week",
                    (0, Unit::Week) => "this-week",
                    (1, Unit::Week) => "next-week",
                    (-1, Unit::Month) => "last-month",
                    (0, Unit::Month) => "this-month",
                    (1, Unit::Month) => "next-month",
                    (-1, Unit::Year) => "last-year",
                    (0, Unit::Year) => "this-year",
                    (1, Unit::Year) => "next-year",
                    _ => return None,
                };
                self.rel_hit(i, k + 1, rule, TimexType::Date, "XXXX", |r| match unit {
                    Unit::Week => {
                        let (t, v) = iso_week(add_days(r, 7 * i64::from(dir))?)?;
                        Some((v, t))
                    }
                    Unit::Month => {
                        let (y, m) = month_of(add_months(r.with_day(1)?, dir)?);
                        Some((month_edtf(y, m)?, format!("{y:04}-{m:02}")))
                    }
                    _ => {
                        let y = r.year() + dir;
                        Some((Edtf::year(y)?, format!("{y:04}")))
                    }
                })
            }
            _ => None,
        }
    }

    /// "the past few days", "the last nine days", "recent weeks": the span up to the reference.
    fn past_span(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::The) {
            j += 1;
        }
        let recent = self.is(j, Lex::Recent);
        if !recent && !matches!(self.lex(j), Some(Lex::Past | Lex::Last)) {
            return None;
        }
        if !recent && j == i {
            // "last" needs "the" here: "last week" is a date, "the last week" a span.
            if self.is(j, Lex::Last) {
                return None;
            }
        }
        j += 1;
        let (n, fuzzy, j) = match self.lex(j) {
            Some(Lex::Few | Lex::Several) => (30, true, j + 1),
            _ if recent => (30, true, j),
            _ => match self.count_at(j, false) {
                Some((n, k)) if n % 10 == 0 => (n, false, k),
                Some(_) => return None,
                None => (10, false, j),
            },
        };
        let (unit, plural) = self.unit_at(j)?;
        if unit.is_time() || (n == 10 && plural) || (n > 10 && !plural) {
            return None;
        }
        let count = n / 10;
        let t = if unit.is_time() { "T" } else { "" };
        let dur = match (fuzzy, unit) {
            (true, _) => format!("P{t}X{}", unit.timex()),
            (false, Unit::Decade) => format!("P{}Y", 10 * count),
            (false, _) => format!("P{t}{count}{}", unit.timex()),
        };
        let end = j + 1;
        // The span is an interval ending at the reference; "few" makes its start approximate.
        match self.r {
            Some(r) => {
                let start = match unit {
                    Unit::Day => add_days(r, -i64::from(count)),
                    Unit::Week => add_days(r, -7 * i64::from(count)),
                    Unit::Month => add_months(r, -(count as i32)),
                    Unit::Year => add_months(r, -12 * count as i32),
                    Unit::Decade => add_months(r, -120 * count as i32),
                    _ => None,
                }?;
                let v = Edtf::between(start, r)?;
                let v = if fuzzy { approximate_start(v) } else { v };
                self.hit(
                    i,
                    end,
                    Some(v),
                    Kind::Relative,
                    "past-span",
                    tx(TimexType::Duration, dur),
                )
            }
            None => self.hit(
                i,
                end,
                None,
                Kind::Relative,
                "past-span",
                tx(TimexType::Duration, dur),
            ),
        }
    }

    /// "four years ago", "a week ago", "20 years ago".
    fn ago(&self, i: usize) -> Option<Hit> {
        let (n, j) = self.count_at(i, true)?;
        let (unit, _) = self.unit_at(j)?;
        if !self.is(j + 1, Lex::Ago) || n % 10 != 0 {
            return None;
        }
        let n = (n / 10) as i32;
        let end = j + 2;
        self.rel_hit(i, end, "ago", TimexType::Date, "XXXX", |r| match unit {
            Unit::Day | Unit::Week | Unit::Hour | Unit::Minute => {
                let days = match unit {
                    Unit::Day => n,
                    Unit::Week => 7 * n,
                    _ => 0,
                };
                let d = add_days(r, -i64::from(days))?;
                Some((Edtf::day(d)?, d.format("%Y-%m-%d").to_string()))
            }
            Unit::Month => {
                let (y, m) = month_of(add_months(r, -n)?);
                Some((month_edtf(y, m)?, format!("{y:04}-{m:02}")))
            }
            Unit::Year => {
                let y = r.year() - n;
                Some((Edtf::year(y)?, format!("{y:04}")))
            }
            Unit::Decade => {
                let y = r.year() - 10 * n;
                Some((approximate(Edtf::year(y)?), format!("{y:04}")))
            }
        })
    }

    /// "for 40 years", "four years", "two and a half years", "a week", "fifty-year", "several
    /// years", "thirty minutes": a duration has no calendar value.
    fn duration(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::Almost) {
            j += 1;
        }
        let (value, j) = match self.lex(j) {
            Some(Lex::Few | Lex::Several) => (None, j + 1),
            _ => {
                let (n, k) = self.count_at(j, true)?;
                (Some(n), k)
            }
        };
        // "fifty-year", "12-hour": a hyphenated singular unit.
        let hyphen = self.punct(j) == Some(P::Dash) && self.tight(j) && self.tight(j + 1);
        let j = if hyphen { j + 1 } else { j };
        let (unit, plural) = self.unit_at(j)?;
        if hyphen == plural && hyphen {
            return None;
        }
        // "a year" after a number is a rate: "15 a year".
        if self.is(i, Lex::A) && i > 0 && self.t[i - 1].num().is_some() {
            return self.hit(
                i,
                j + 1,
                None,
                Kind::Duration,
                "set",
                tx(TimexType::Set, format!("P1{}", unit.timex())),
            );
        }
        let t = if unit.is_time() { "T" } else { "" };
        let amount = match value {
            None => "X".to_string(),
            Some(n) if n % 10 == 0 => (n / 10).to_string(),
            Some(n) => format!("{}.{}", n / 10, n % 10),
        };
        let (u, amount) = match (unit, &value) {
            (Unit::Decade, Some(n)) if n % 10 == 0 => ("Y", (n / 10 * 10).to_string()),
            _ => (unit.timex(), amount),
        };
        self.hit(
            i,
            j + 1,
            None,
            Kind::Duration,
            "duration",
            tx(TimexType::Duration, format!("P{t}{amount}{u}")),
        )
    }

    /// "for years", "for decades".
    fn for_units(&self, i: usize) -> Option<Hit> {
        let (unit, true) = self.unit_at(i + 1)? else {
            return None;
        };
        // "in years" (the highest level in years), but not "in days".
        let long = matches!(unit, Unit::Year | Unit::Decade);
        if unit.is_time() || (self.is(i, Lex::In) && !long) {
            return None;
        }
        self.hit(
            i + 1,
            i + 2,
            None,
            Kind::Duration,
            "duration",
            tx(TimexType::Duration, format!("PX{}", unit.timex())),
        )
    }

    /// Times of day: "18:00 UTC", "8 p.m.", "8pm", "0800 UTC"; "8 p.m. on Tuesday" is the Tuesday.
    fn time(&self, i: usize) -> Option<Hit> {
        let (h, hd, false) = self.t.get(i)?.num()? else {
            return None;
        };
        let (mut hour, mut minute, mut j) = (h, 0, i + 1);
        let mut clock = false;
        if self.punct(j) == Some(P::Colon) && self.tight(j) && self.tight(j + 1) {
            let (m, 2, false) = self.t.get(j + 1)?.num()? else {
                return None;
            };
            if hd > 2 || h > 24 || m > 59 {
                return None;
            }
            minute = m;
            j += 2;
            clock = true;
        } else if hd == 4 && self.is(j, Lex::Zone) {
            hour = h / 100;
            minute = h % 100;
            if hour > 23 || minute > 59 {
                return None;
            }
            clock = true;
        }
        // am / pm / a.m. / p.m.
        let meridiem = match self.lex(j) {
            Some(Lex::Am) => Some((false, j + 1)),
            Some(Lex::Pm) => Some((true, j + 1)),
            Some(Lex::A) if self.dotted_m(j) => Some((false, j + 4)),
            Some(Lex::Other) if self.is_p(j) && self.dotted_m(j) => Some((true, j + 4)),
            _ => None,
        };
        if let Some((pm, k)) = meridiem {
            if !(1..=12).contains(&hour) || hd > 2 {
                return None;
            }
            hour = match (pm, hour) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            j = k;
        } else if !clock {
            return None;
        }
        let mut zone = "";
        if self.is(j, Lex::Zone) {
            zone = "Z";
            j += 1;
        }
        let clock = format!("T{hour:02}:{minute:02}{zone}");
        // "8 p.m. on Tuesday", "12:00 UTC Monday", "16:00 UTC today": the day it names.
        let k = if self.is(j, Lex::On) { j + 1 } else { j };
        let day = match self.lex(k) {
            Some(Lex::Weekday(_)) => self.full_date(k).or_else(|| self.weekday_rule(k, true)),
            Some(Lex::Today | Lex::Yesterday | Lex::Tomorrow) => self.deictic(k),
            Some(Lex::Month { .. }) => self.full_date(k),
            _ => self.full_date(k),
        };
        if let Some(d) = day.filter(|d| {
            d.value.as_ref().and_then(Edtf::precision) == Some(dossier_model::Precision::Day)
        }) {
            let v = d.value.expect("filtered on a value");
            let timex = format!("{}{clock}", date_timex(&v));
            return self.hit(
                i,
                d.end,
                Some(v),
                d.kind,
                d.rule,
                tx(TimexType::Time, timex),
            );
        }
        let timex = match self.r {
            Some(r) => format!("{}{clock}", r.format("%Y-%m-%d")),
            None => format!("XXXX-XX-XX{clock}"),
        };
        self.hit(
            i,
            j,
            None,
            Kind::Relative,
            "time-of-day",
            tx(TimexType::Time, timex),
        )
    }

    fn is_p(&self, j: usize) -> bool {
        self.word_is(j, "p")
    }

    /// "a.m." / "p.m.": letter, period, m, period (tokens j..j+4).
    fn dotted_m(&self, j: usize) -> bool {
        self.t.get(j).is_some_and(|t| t.end - t.start == 1)
            && self.punct(j + 1) == Some(P::Period)
            && self.word_is(j + 2, "m")
            && self.punct(j + 3) == Some(P::Period)
    }

    /// "the 1990s", "1990s", "the '70s", "70s".
    fn decade(&self, i: usize) -> Option<Hit> {
        let mut j = i;
        if self.is(j, Lex::The) {
            j += 1;
        }
        if self.punct(j) == Some(P::Apostrophe) {
            j += 1;
        }
        let (v, digits, false) = self.t.get(j)?.num()? else {
            return None;
        };
        if !self.word_is(j + 1, "s") || !self.tight(j + 1) || v % 10 != 0 {
            return None;
        }
        let start = match digits {
            4 if (MIN_YEAR..=MAX_YEAR).contains(&v) => v as i32,
            2 => 1900 + v as i32,
            _ => return None,
        };
        if i != j && !self.is(i, Lex::The) && self.punct(i) != Some(P::Apostrophe) {
            return None;
        }
        let v = span(Period::Year(start), Period::Year(start + 9))?;
        self.hit(
            i,
            j + 2,
            Some(v),
            Kind::Absolute,
            "decade",
            tx(TimexType::Date, format!("{}", start / 10)),
        )
    }

    /// early/mid/late (or "the end of", "the beginning of") + month-year, month, or year.
    fn part_of(&self, i: usize) -> Option<Hit> {
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
        if self.punct(j) == Some(P::Dash) && self.tight(j) {
            j += 1;
        }
        let rule = "part-of-period";
        // A month (with or without its year).
        if let Some((m, k)) = self.month_at(j) {
            let (y, end, rel) = match self.year_at(k) {
                Some((y, e)) => (Some(y), e, false),
                None => (None, k, true),
            };
            let future = self.future(i);
            let build = move |y: i32| -> Option<(Edtf, String)> {
                let last = last_day_of_month(y, m)?.day();
                let (a, b) = [(1, 10), (11, 20), (21, last)][part];
                let v = Edtf::between(
                    NaiveDate::from_ymd_opt(y, m, a)?,
                    NaiveDate::from_ymd_opt(y, m, b)?,
                )?;
                Some((v, format!("{y:04}-{m:02}")))
            };
            if !rel {
                let (v, t) = build(y?)?;
                return self.hit(
                    i,
                    end,
                    Some(v),
                    Kind::Absolute,
                    rule,
                    tx(TimexType::Date, t),
                );
            }
            return self.rel_hit(
                i,
                end,
                rule,
                TimexType::Date,
                &format!("XXXX-{m:02}"),
                |r| {
                    let (y, _) = resolve_month(r, m, future);
                    build(y)
                },
            );
        }
        // A year: thirds of the year.
        if let Some((y, end)) = self.year_at(j) {
            let (a, b) = [(1, 4), (5, 8), (9, 12)][part];
            let v = span(Period::month(y, a)?, Period::month(y, b)?)?;
            return self.hit(
                i,
                end,
                Some(v),
                Kind::Absolute,
                rule,
                tx(TimexType::Date, format!("{y:04}")),
            );
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
            return self.rel_hit(i, j + 2, rule, TimexType::Date, "XXXX", |r| {
                let y = r.year() + dir;
                let (a, b) = [(1, 4), (5, 8), (9, 12)][part];
                Some((
                    span(Period::month(y, a)?, Period::month(y, b)?)?,
                    format!("{y:04}"),
                ))
            });
        }
        None
    }

    /// "about 2011", "around June 2015", "circa 1990", "c. 2011".
    fn about(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        if self.punct(j) == Some(P::Period) && self.tight(j) {
            j += 1;
        }
        let (v, end) = if let Some(h) = self.month_year(j) {
            (h.value?, h.end)
        } else {
            let (y, e) = self.year_at(j)?;
            if self.counts_things(e) {
                return None;
            }
            (Edtf::year(y)?, e)
        };
        let timex = tx(TimexType::Date, date_timex(&v));
        self.hit(
            i,
            end,
            Some(approximate(v)),
            Kind::Absolute,
            "approximate",
            timex,
        )
    }

    /// "from 2009 to 2011", "between 2014 and 2016": one interval (TIMEX: the duration).
    fn year_span(&self, i: usize) -> Option<Hit> {
        let link = match self.lex(i)? {
            Lex::From => Lex::To,
            Lex::Between => Lex::And,
            _ => return None,
        };
        let (a, j) = self.year_at(i + 1)?;
        if !self.is(j, link) {
            return None;
        }
        let (b, end) = self.year_at(j + 1)?;
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
            tx(TimexType::Duration, format!("P{}Y", b - a)),
        )
    }

    /// "the fourth quarter of 2005", "the first quarter of last year", "third-quarter results",
    /// "the last quarter": a quarter as a three-month interval (TIMEX `2005-Q4`).
    fn quarter(&self, i: usize) -> Option<Hit> {
        let j = if self.is(i, Lex::The) { i + 1 } else { i };
        let q = match self.lex(j)? {
            Lex::Ordinal(n @ 1..=4) => Some(u32::from(n)),
            Lex::Last | Lex::Previous if j > i => None,
            _ => return None,
        };
        let mut k = j + 1;
        if self.punct(k) == Some(P::Dash) && self.tight(k) {
            k += 1;
        }
        if !self.is(k, Lex::Quarter) {
            return None;
        }
        k += 1;
        let build = |y: i32, q: u32| -> Option<(Edtf, String)> {
            let v = span(Period::month(y, 3 * q - 2)?, Period::month(y, 3 * q)?)?;
            Some((v, format!("{y:04}-Q{q}")))
        };
        let rule = "quarter";
        if self.is(k, Lex::Of) {
            if let (Some(q), Some((y, end))) = (q, self.year_at(k + 1)) {
                let (v, t) = build(y, q)?;
                return self.hit(
                    i,
                    end,
                    Some(v),
                    Kind::Absolute,
                    rule,
                    tx(TimexType::Date, t),
                );
            }
            let dir = match (self.lex(k + 1), self.lex(k + 2)) {
                (
                    Some(Lex::This),
                    Some(Lex::Unit {
                        unit: Unit::Year,
                        plural: false,
                    }),
                ) => 0,
                (
                    Some(Lex::Last),
                    Some(Lex::Unit {
                        unit: Unit::Year,
                        plural: false,
                    }),
                ) => -1,
                (
                    Some(Lex::Next),
                    Some(Lex::Unit {
                        unit: Unit::Year,
                        plural: false,
                    }),
                ) => 1,
                _ => return None,
            };
            let q = q?;
            return self.rel_hit(
                i,
                k + 3,
                rule,
                TimexType::Date,
                &format!("XXXX-Q{q}"),
                |r| build(r.year() + dir, q),
            );
        }
        // Without a year: the latest such quarter that has begun (or the coming one in a future
        // sentence); "the last quarter" is the one before the reference's.
        let future = self.future(i);
        self.rel_hit(i, k, rule, TimexType::Date, "XXXX-QX", |r| {
            let current = (r.month() - 1) / 3 + 1;
            match q {
                None if current == 1 => build(r.year() - 1, 4),
                None => build(r.year(), current - 1),
                Some(q) if q <= current || future => build(r.year(), q),
                Some(q) => build(r.year() - 1, q),
            }
        })
    }

    /// "the day" in market reports ("ending the day down", "for the day"): the reference day.
    fn the_day(&self, i: usize) -> Option<Hit> {
        if !self.is(
            i + 1,
            Lex::Unit {
                unit: Unit::Day,
                plural: false,
            },
        ) {
            return None;
        }
        let ends = match self.t.get(i + 2).map(|t| t.tok) {
            None | Some(Tok::Punct(P::Comma | P::Period | P::Break)) => true,
            Some(Tok::Word { .. }) => ["at", "down", "up", "with", "higher", "lower"]
                .iter()
                .any(|w| self.word_is(i + 2, w)),
            _ => false,
        };
        let preceded = i > 0
            && [
                "end", "ending", "ended", "for", "finish", "finished", "close", "closed", "in",
                "during",
            ]
            .iter()
            .any(|w| self.word_is(i - 1, w));
        if !(ends && preceded) {
            return None;
        }
        self.day_hit(i, i + 2, "the-day", None, Some)
    }

    /// "the future", "the past": TIMEX FUTURE_REF / PAST_REF, no calendar value.
    fn vague_ref(&self, i: usize) -> Option<Hit> {
        let value = match self.lex(i + 1)? {
            Lex::FutureRef => "FUTURE_REF",
            Lex::Past if matches!(self.t.get(i + 2).map(|t| t.tok), None | Some(Tok::Punct(_))) => {
                "PAST_REF"
            }
            _ => return None,
        };
        self.hit(
            i,
            i + 2,
            None,
            Kind::Relative,
            "vague-ref",
            tx(TimexType::Date, value),
        )
    }

    /// A bare year where the words around it say it is one ("in 2013", "since 2013", "2013's").
    fn year_context(&self, i: usize) -> Option<Hit> {
        let (y, end) = self.year_at(i)?;
        let prev = i.checked_sub(1).and_then(|p| self.lex(p));
        let context = match prev {
            Some(l) if l.introduces_date() => true,
            Some(Lex::Unit {
                unit: Unit::Year,
                plural: false,
            }) => true,
            // "between 2014 and 2016", "2009 or 2010".
            Some(Lex::And | Lex::Or) => i >= 2 && self.year_at(i - 2).is_some(),
            _ => false,
        };
        // "2005-2017" after a year context word: one interval.
        if context
            && self.punct(end) == Some(P::Dash)
            && let Some((y2, e2)) = self.year_at(end + 1)
            && y2 > y
        {
            let v = span(Period::Year(y), Period::Year(y2))?;
            return self.hit(
                i,
                e2,
                Some(v),
                Kind::Absolute,
                "year-range",
                tx(TimexType::Date, format!("{y:04}")),
            );
        }
        if !context || self.counts_things(end) {
            return None;
        }
        self.date_hit(i, end, Edtf::year(y)?, Kind::Absolute, "year")
    }

    /// "the 2014 annexation", "the 2014 and 2015 budgets": a year as a modifier.
    fn the_year(&self, i: usize) -> Option<Hit> {
        let (y, end) = self.year_at(i + 1)?;
        let modifies = matches!(self.t.get(end).map(|t| t.tok), Some(Tok::Word { .. }));
        if !modifies || self.counts_things(end) {
            return None;
        }
        self.date_hit(i + 1, end, Edtf::year(y)?, Kind::Absolute, "year")
    }
}

fn approximate_start(v: Edtf) -> Edtf {
    match v {
        Edtf::Interval(dossier_model::Bound::Date(a), b) => {
            Edtf::Interval(dossier_model::Bound::Date(a.approximate()), b)
        }
        other => other,
    }
}
