//! Times of day ("18:00 UTC", "8 p.m.", "0800 UTC"), and the day they name ("8 p.m. on Tuesday").

use dossier_model::Edtf;

use super::{Hit, Matcher, date_timex};
use crate::lexicon::Lex;
use crate::token::{Number, Punct};
use crate::{Kind, Timex, TimexType};

impl Matcher<'_> {
    /// Times of day: "18:00 UTC", "8 p.m.", "8pm", "0800 UTC"; "8 p.m. on Tuesday" is the Tuesday.
    pub(super) fn time(&self, i: usize) -> Option<Hit> {
        let Number {
            value: h,
            digits: hd,
            ordinal: false,
        } = self.tokens.get(i)?.num()?
        else {
            return None;
        };
        let (mut hour, mut minute, mut j) = (h, 0, i + 1);
        let mut clock = false;
        if self.punct(j) == Some(Punct::Colon) && self.tight(j) && self.tight(j + 1) {
            let Number {
                value: m,
                digits: 2,
                ordinal: false,
            } = self.tokens.get(j + 1)?.num()?
            else {
                return None;
            };
            if hd > 2 || h > 24 || m > 59 {
                return None;
            }
            minute = m;
            j += 2;
            clock = true;
        } else if hd <= 2 && h <= 24 && self.hour_word(j) {
            // "18 h", "15 h 45", "18h30" (French), "18 Uhr" (German).
            j += 1;
            if let Some(Number {
                value: m,
                digits: 2,
                ordinal: false,
            }) = self.tokens.get(j).and_then(|t| t.num())
                && m <= 59
            {
                minute = m;
                j += 1;
            }
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
            Some(Lex::Other) if self.word_is(j, "p") && self.dotted_m(j) => Some((true, j + 4)),
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
                Timex::new(TimexType::Time, timex),
            );
        }
        let timex = match self.reference {
            Some(r) => format!("{}{clock}", r.format("%Y-%m-%d")),
            None => format!("XXXX-XX-XX{clock}"),
        };
        self.hit(
            i,
            j,
            None,
            Kind::Relative,
            "time-of-day",
            Timex::new(TimexType::Time, timex),
        )
    }

    /// The word after the hour that makes it one: French "h", German "Uhr".
    fn hour_word(&self, j: usize) -> bool {
        match self.lang {
            crate::Lang::Fr => self.word_is(j, "h"),
            crate::Lang::De => self.word_is(j, "uhr"),
            _ => false,
        }
    }

    /// "a.m." / "p.m.": letter, period, m, period (tokens j..j+4).
    pub(super) fn dotted_m(&self, j: usize) -> bool {
        self.tokens.get(j).is_some_and(|t| t.end - t.start == 1)
            && self.punct(j + 1) == Some(Punct::Period)
            && self.word_is(j + 2, "m")
            && self.punct(j + 3) == Some(Punct::Period)
    }
}
