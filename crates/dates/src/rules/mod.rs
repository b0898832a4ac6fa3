//! The rules: hand-written matchers over tokens, tried at each token, leftmost-longest.
//!
//! Each rule is a small function that reads the token stream and either declines or returns a
//! [`Hit`]: where the expression ends, its resolved value, kind, rule name and TIMEX3 value.
//! One module per family of expressions, as `tests/cases.txt` has one section per family;
//! [`Matcher::at`] (here) decides which families to try at a token.

mod ago;
mod calendars;
mod copyright;
mod days;
mod durations;
mod full_dates;
mod numeric;
mod parts;
mod periods;
mod quarters;
mod read;
mod spans;
mod time_of_day;
mod weekdays;
mod without_year;
mod year_context;

use chrono::NaiveDate;
use dossier_model::Edtf;

use crate::calendar::YearMonth;
use crate::lang::Lang;
use crate::lexicon::Lex;
use crate::token::{Punct, Token, TokenKind};
use crate::years::Years;
use crate::{Kind, Timex, TimexType};

/// One expression a rule found.
pub(crate) struct Hit {
    /// First token of the expression (usually where the rule was tried).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    pub value: Option<Edtf>,
    pub kind: Kind,
    pub rule: &'static str,
    pub timex: Timex,
    /// The calendar the date was written in, when not Gregorian.
    pub calendar: Option<crate::CalendarNote>,
}

/// The rules over one chunk of text and its tokens.
pub(crate) struct Matcher<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// The date relative expressions are resolved against (usually the publication date).
    pub reference: Option<NaiveDate>,
    /// The years a four-digit number may name.
    pub years: Years,
    /// The language of the text: its lexicon classified the words; a few conventions follow it.
    pub lang: Lang,
}

/// A relative expression resolved against the reference: its value and its TIMEX3 value.
pub(super) struct Resolved {
    pub value: Edtf,
    pub timex: String,
}

pub(super) fn resolved(value: Edtf, timex: impl Into<String>) -> Option<Resolved> {
    Some(Resolved {
        value,
        timex: timex.into(),
    })
}

/// A month resolved: the month, TIMEX `2015-06`.
fn resolved_month(m: YearMonth) -> Option<Resolved> {
    resolved(
        Edtf::month(m.year, m.month)?,
        format!("{:04}-{:02}", m.year, m.month),
    )
}

/// The TIMEX3 value of a single EDTF date (qualifiers dropped: TIMEX has no `~`).
fn date_timex(e: &Edtf) -> String {
    match e {
        Edtf::Single(d) => d.period().to_string(),
        Edtf::Interval(..) => e.to_string(),
    }
}

impl Matcher<'_> {
    /// An expression from token `first` to `end` (exclusive).
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
            calendar: None,
        })
    }

    /// An expression whose value is a date, annotated with that date.
    fn date_hit(
        &self,
        first: usize,
        end: usize,
        value: Edtf,
        kind: Kind,
        rule: &'static str,
    ) -> Option<Hit> {
        let timex = Timex::new(TimexType::Date, date_timex(&value));
        self.hit(first, end, Some(value), kind, rule, timex)
    }

    /// A relative expression: resolved when there is a reference, else a TIMEX placeholder.
    fn relative_hit(
        &self,
        first: usize,
        end: usize,
        rule: &'static str,
        kind: TimexType,
        placeholder: &str,
        resolve: impl FnOnce(NaiveDate) -> Option<Resolved>,
    ) -> Option<Hit> {
        match self.reference.and_then(resolve) {
            Some(Resolved { value, timex }) => self.hit(
                first,
                end,
                Some(value),
                Kind::Relative,
                rule,
                Timex::new(kind, timex),
            ),
            None => self.hit(
                first,
                end,
                None,
                Kind::Relative,
                rule,
                Timex::new(kind, placeholder),
            ),
        }
    }

    /// Tries every rule at token `i`; the longest hit wins.
    pub fn at(&self, i: usize) -> Option<Hit> {
        let t = &self.tokens[i];
        match t.kind {
            TokenKind::Punct(Punct::Copyright) => self.copyright(i),
            TokenKind::Punct(Punct::Apostrophe) => self.year_context(i).or_else(|| self.decade(i)),
            TokenKind::Punct(_) | TokenKind::Figure => None,
            TokenKind::Num(_) if self.lang != Lang::En => self
                .other_calendar_date(i)
                .or_else(|| self.decade_words(i))
                .or_else(|| self.numeric_day_first(i))
                .or_else(|| self.full_date(i))
                .or_else(|| self.time(i))
                .or_else(|| self.decade(i))
                .or_else(|| self.ago(i))
                .or_else(|| self.duration(i))
                .or_else(|| self.solar_year(i))
                .or_else(|| self.year_context(i)),
            TokenKind::Num(_) => self
                .full_date(i)
                .or_else(|| self.time(i))
                .or_else(|| self.decade(i))
                .or_else(|| self.ago(i))
                .or_else(|| self.duration(i))
                .or_else(|| self.year_context(i)),
            TokenKind::Word { lex, cap } => match lex {
                Lex::Copyright => self.copyright(i),
                Lex::Weekday(_) => self
                    .full_date(i)
                    .or_else(|| self.postposed(i))
                    .or_else(|| self.weekday_rule(i, cap)),
                Lex::Month { .. } | Lex::LevantPair(_) => {
                    self.full_date(i).or_else(|| self.month_alone(i, cap))
                }
                Lex::SolarMonth(_) | Lex::HijriMonth(_) | Lex::HijriPair(_) => {
                    self.other_calendar_date(i)
                }
                Lex::Unit { .. } => self
                    .postposed(i)
                    .or_else(|| self.unit_ago(i))
                    .or_else(|| self.decade_words(i)),
                Lex::Weekend => self.postposed(i),
                Lex::AgoBefore => self.ago_before(i),
                Lex::Since if self.lang == Lang::Ar => self.ago_before(i),
                Lex::YearRel(n) => self.year_rel(i, n),
                Lex::Early | Lex::Mid | Lex::Late => self.part_of(i),
                Lex::The => self
                    .postposed(i)
                    .or_else(|| self.part_of(i))
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
                        && self.text[..self.tokens[i].start].ends_with('(')
                        && self.text[self.tokens[i].end..].starts_with(')') =>
                {
                    self.copyright(i + 1).map(|mut h| {
                        h.first = i - 1;
                        h
                    })
                }
                Lex::About => self.about(i),
                Lex::From | Lex::Between => self.year_span(i),
                Lex::Today | Lex::Tonight | Lex::Yesterday | Lex::Tomorrow => self.deictic(i),
                Lex::DayOffset(n) => self.day_hit(i, i + 1, "day-offset", None, move |r| {
                    crate::calendar::add_days(r, i64::from(n))
                }),
                Lex::Earlier | Lex::Later => self.earlier_later(i),
                Lex::Last | Lex::Next | Lex::This | Lex::Past | Lex::Coming | Lex::Previous => {
                    self.relative_unit(i).or_else(|| self.past_span(i))
                }
                Lex::NumWord(_) | Lex::A => self.ago(i).or_else(|| self.duration(i)),
                Lex::Few | Lex::Several | Lex::Almost => self.duration(i),
                Lex::Recent => self.past_span(i),
                // "now", "currently": the time of writing (TIMEX PRESENT_REF), no calendar
                // value of its own: a sentence's date still comes from its dates.
                Lex::Now => self.hit(
                    i,
                    i + 1,
                    None,
                    Kind::Relative,
                    "present-ref",
                    Timex::new(TimexType::Date, "PRESENT_REF"),
                ),
                Lex::Recently => self.hit(
                    i,
                    i + 1,
                    None,
                    Kind::Relative,
                    "past-ref",
                    Timex::new(TimexType::Date, "PAST_REF"),
                ),
                Lex::Set(u) => self.hit(
                    i,
                    i + 1,
                    None,
                    Kind::Duration,
                    "set",
                    Timex::new(TimexType::Set, format!("P1{}", u.timex())),
                ),
                Lex::For | Lex::In => self.for_units(i),
                Lex::Ordinal(_) => self.quarter(i),
                _ => None,
            },
        }
    }
}
