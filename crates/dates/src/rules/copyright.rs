//! Copyright lines ("© 2005-2017", "Copyright 2017"): a page footer, never an article's date.

use chrono::Datelike;
use dossier_model::{Edtf, Period};

use super::read::Read;
use super::{Hit, Matcher};
use crate::calendar::span;
use crate::token::Punct;
use crate::{Kind, Timex, TimexType};

impl Matcher<'_> {
    /// "© 2005-2017", "© The American Interest LLC 2005-2017", "Copyright 2017".
    pub(super) fn copyright(&self, i: usize) -> Option<Hit> {
        let mut j = i + 1;
        while j < self.tokens.len() && j <= i + 10 {
            if self.punct(j) == Some(Punct::Break) {
                return None;
            }
            if let Some(Read { value: y1, next: k }) = self.year_at(j) {
                let (value, end) = match (self.punct(k), self.year_at(k + 1)) {
                    (Some(Punct::Dash), Some(Read { value: y2, next: e })) if y2 >= y1 => {
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
                    Timex::new(TimexType::Date, last.to_string()),
                );
            }
            j += 1;
        }
        None
    }
}
