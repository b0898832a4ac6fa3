//! The years a written date may name: one window for years that running text mentions, one for
//! the publication dates that pages state. Both are here so that the difference is deliberate.

/// An inclusive range of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    pub first: i32,
    pub last: i32,
}

impl Years {
    /// Years that running text mentions. News reaches back into history ("the Ottoman conquest
    /// of 1516"), so from 1500; a four-digit number beyond 2100 is a count or a model number.
    /// [`crate::find`] reads years in this window.
    pub const MENTIONED: Years = Years {
        first: 1500,
        last: 2100,
    };

    /// Publication dates that a page states (metadata, URL, byline). No web page was published
    /// before 1990, and earlier values are placeholders of publishing systems ("1889-01-01",
    /// the Unix epoch "1970-01-01"), not dates.
    pub const PUBLISHED: Years = Years {
        first: 1990,
        last: 2100,
    };

    pub fn contains(self, year: i32) -> bool {
        (self.first..=self.last).contains(&year)
    }

    /// Whether a number as the tokenizer reads it (unsigned, saturated) is a year in the window.
    pub(crate) fn contains_number(self, n: u32) -> bool {
        i32::try_from(n).is_ok_and(|y| self.contains(y))
    }
}
