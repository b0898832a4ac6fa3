//! Token readers the rules share: days, months, years, counts, units, and whether the sentence
//! speaks of the future.

use super::Matcher;
use crate::Lang;
use crate::lexicon::{Lex, Unit};
use crate::token::{Number, Punct, Token, TokenKind};

/// What a reader read at a token: its value, and the index of the token after it.
pub(super) struct Read<T> {
    pub value: T,
    pub next: usize,
}

fn read<T>(value: T, next: usize) -> Option<Read<T>> {
    Some(Read { value, next })
}

impl<'a> Matcher<'a> {
    pub(super) fn lex(&self, i: usize) -> Option<Lex> {
        self.tokens.get(i).and_then(Token::lex)
    }

    pub(super) fn is(&self, i: usize, l: Lex) -> bool {
        self.lex(i) == Some(l)
    }

    pub(super) fn punct(&self, i: usize) -> Option<Punct> {
        self.tokens.get(i).and_then(Token::punct)
    }

    /// Whether token `i` directly follows token `i - 1` (no space between).
    pub(super) fn tight(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// A day of the month: 1–31, one or two digits, optionally ordinal.
    pub(super) fn day_at(&self, i: usize) -> Option<Read<u32>> {
        let Number { value, digits, .. } = self.tokens.get(i)?.num()?;
        if !(1..=31).contains(&value) || digits > 2 {
            return None;
        }
        read(value, i + 1)
    }

    /// A month name, with the period of an abbreviation ("Dec."); the two-word Levantine names
    /// ("كانون الثاني"); a second name of the same month after a slash ("يونيو/حزيران", as
    /// Arabic news writes a month for readers of every usage).
    pub(super) fn month_at(&self, i: usize) -> Option<Read<u32>> {
        let (month, mut j) = match self.lex(i)? {
            Lex::Month { month, abbr } => {
                let mut j = i + 1;
                if abbr && self.punct(j) == Some(Punct::Period) && self.tight(j) {
                    j += 1;
                }
                (u32::from(month), j)
            }
            Lex::LevantPair(first) => match self.lex(i + 1)? {
                Lex::Ordinal(n @ 1..=2) => ((u32::from(first) + u32::from(n) - 2) % 12 + 1, i + 2),
                _ => return None,
            },
            _ => return None,
        };
        if self.lang != Lang::En
            && self.punct(j) == Some(Punct::Slash)
            && let Some(Read { value, next }) = self.month_at(j + 1)
            && value == month
        {
            j = next;
        }
        read(month, j)
    }

    /// A four-digit year in [`Matcher::years`], or `'82`.
    pub(super) fn year_at(&self, i: usize) -> Option<Read<i32>> {
        let t = self.tokens.get(i)?;
        if let Some(Number {
            value: v,
            digits,
            ordinal: false,
        }) = t.num()
        {
            if digits != 4 || !self.years.contains_number(v) {
                return None;
            }
            if self.lang == Lang::En {
                return (!self.tight_letter(i + 1)).then_some(Read {
                    value: v as i32,
                    next: i + 1,
                });
            }
            return read(v as i32, self.year_suffix(i + 1)?);
        }
        if t.punct() == Some(Punct::Apostrophe)
            && let Some(Number {
                value: v,
                digits: 2,
                ordinal: false,
            }) = self.tokens.get(i + 1)?.num()
            && self.tight(i + 1)
            && !self.tight_letter(i + 2)
        {
            let y = if v <= 30 { 2000 + v } else { 1900 + v };
            return read(y as i32, i + 2);
        }
        None
    }

    /// After a year outside English: its Gregorian era mark ("2015م", "2015 م") or, in Russian,
    /// the word "year" ("2015 года", "2015 г."), read as part of it; `None` when another word
    /// is glued to it.
    fn year_suffix(&self, j: usize) -> Option<usize> {
        match self.lex(j) {
            Some(Lex::Era(crate::lexicon::Era::Gregorian)) => Some(j + 1),
            Some(Lex::Unit {
                unit: Unit::Year,
                plural: false,
            }) if self.lang == Lang::Ru && !self.tight(j) => {
                let dotted = self.word_is(j, "г")
                    && self.punct(j + 1) == Some(Punct::Period)
                    && self.tight(j + 1);
                Some(j + 1 + usize::from(dotted))
            }
            _ if self.tight_letter(j) => None,
            _ => Some(j),
        }
    }

    /// A word glued to the previous token ("1990s", "8pm", "F16x").
    pub(super) fn tight_letter(&self, i: usize) -> bool {
        self.tight(i)
            && matches!(
                self.tokens.get(i).map(|t| t.kind),
                Some(TokenKind::Word { .. })
            )
    }

    /// A count: digits (up to 3), a number word ("twenty-five", "twenty five"), "a"/"an" when
    /// `allow_a`. Also "two and a half" (returned as tenths).
    pub(super) fn count_at(&self, i: usize, allow_a: bool) -> Option<Read<u32>> {
        let (mut n, mut j) = match self.tokens.get(i)?.kind {
            TokenKind::Num(Number {
                value,
                digits,
                ordinal: false,
            }) if digits <= 3 => (value * 10, i + 1),
            TokenKind::Word {
                lex: Lex::NumWord(v),
                ..
            } => {
                let mut v = v;
                let mut j = i + 1;
                if (20..100).contains(&v) {
                    let k = if self.punct(j) == Some(Punct::Dash) {
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
            TokenKind::Word { lex: Lex::A, .. } if allow_a => (10, i + 1),
            _ => return None,
        };
        if self.is(j, Lex::And) && self.is(j + 1, Lex::A) && self.is(j + 2, Lex::Half) {
            n += 5;
            j += 3;
        }
        read(n, j)
    }

    pub(super) fn unit_at(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i)? {
            Lex::Unit { unit, plural } => Some((unit, plural)),
            Lex::Dual(unit) => Some((unit, true)),
            _ => None,
        }
    }

    /// Whether the sentence around token `i` speaks of the future ("will meet on Friday").
    pub(super) fn future(&self, i: usize) -> bool {
        // "closed until Friday": the day has not come yet.
        if i > 0 && self.is(i - 1, Lex::Until) {
            return true;
        }
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < 12 {
            j -= 1;
            steps += 1;
            match self.tokens[j].kind {
                TokenKind::Punct(Punct::Break) => break,
                TokenKind::Punct(Punct::Period)
                    if self.tokens.get(j + 1).is_some_and(|t| t.cap()) =>
                {
                    break;
                }
                TokenKind::Word {
                    lex: Lex::Future, ..
                } => return true,
                // "is set to begin on Wednesday".
                TokenKind::Word {
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
    pub(super) fn counts_things(&self, i: usize) -> bool {
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
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.tokens.get(i)?;
        matches!(t.kind, TokenKind::Word { .. }).then(|| &self.text[t.start..t.end])
    }

    pub(super) fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }
}
