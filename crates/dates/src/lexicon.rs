//! The one lexicon of date words: those the rules read, each classified once by a `match` on its
//! lowercase bytes, and two kinds the rules do not read in running text: other languages' month
//! names (for [`crate::metadata`]) and weekday abbreviations (for date lines).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl Unit {
    /// The TIMEX3 duration letter(s), without the `T` that time units need.
    pub fn timex(self) -> &'static str {
        match self {
            Unit::Minute => "M",
            Unit::Hour => "H",
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Year => "Y",
            Unit::Decade => "DE",
        }
    }

    pub fn is_time(self) -> bool {
        matches!(self, Unit::Minute | Unit::Hour)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub fn timex(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// The calendar an era mark names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Era {
    Gregorian,
    Hijri,
    Solar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lex {
    /// 1–12; `abbr` for "Dec" (which may take a period).
    Month {
        month: u8,
        abbr: bool,
    },
    /// 0 = Monday … 6 = Sunday.
    Weekday(u8),
    /// "one" … "ninety"; "a"/"an" are [`Lex::A`].
    NumWord(u32),
    Unit {
        unit: Unit,
        plural: bool,
    },
    Half,
    /// "first" … "fourth", "final" (4), for quarters.
    Ordinal(u8),
    Quarter,
    PartOfDay(PartOfDay),
    Today,
    Tonight,
    Yesterday,
    Tomorrow,
    Now,
    Recently,
    Recent,
    Weekend,
    Last,
    Next,
    This,
    Past,
    Previous,
    Coming,
    Earlier,
    Later,
    Ago,
    Early,
    Mid,
    Late,
    End,
    Beginning,
    The,
    A,
    On,
    In,
    Since,
    By,
    Until,
    Of,
    From,
    To,
    Between,
    And,
    Or,
    During,
    Before,
    After,
    Through,
    For,
    Over,
    Within,
    About,
    Few,
    Several,
    Many,
    Almost,
    More,
    Than,
    Am,
    Pm,
    Zone,
    Noon,
    Midnight,
    Copyright,
    Set(Unit),
    /// "the future".
    FutureRef,
    /// A Solar Hijri (Persian) month, 1 = Farvardin … 12 = Esfand.
    SolarMonth(u8),
    /// An Islamic (Hijri) month named in one word, 1 = Muharram … 12 = Dhu al-Hijjah.
    HijriMonth(u8),
    /// The first word of a two-word Hijri month ("ربيع", "جمادى", "ذو"): its first month, the
    /// ordinal or name after it says which.
    HijriPair(u8),
    /// The first word of a two-word Levantine month ("كانون", "تشرين"): the month that "the
    /// first" makes it; "the second" is the month after.
    LevantPair(u8),
    /// A calendar's era mark after a year ("هـ", "م", "ش").
    Era(Era),
    /// A day named by its distance from today in one word: "vorgestern" (-2), "übermorgen" (2).
    DayOffset(i8),
    /// Two of a unit in one word: Arabic duals ("عامين", "شهرين").
    Dual(Unit),
    /// "ago" written before the count: "vor", "hace", "il y a", "قبل".
    AgoBefore,
    /// A year named in one word from the reference: "امسال" (0), "پارسال" (-1).
    YearRel(i8),
    /// Words that put a sentence in the future ("will", "scheduled").
    Future,
    Other,
}

impl Lex {
    /// Prepositions after which a month or a year alone is a date ("in June", "since 2013").
    pub fn introduces_date(self) -> bool {
        matches!(
            self,
            Lex::In
                | Lex::Since
                | Lex::By
                | Lex::Until
                | Lex::During
                | Lex::Of
                | Lex::From
                | Lex::To
                | Lex::Between
                | Lex::Before
                | Lex::After
                | Lex::Through
        )
    }
}

pub(crate) fn classify(word: &[u8]) -> Lex {
    if word.len() > 13 {
        return Lex::Other;
    }
    let mut buf = [0u8; 13];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    let unit = |unit, plural| Lex::Unit { unit, plural };
    let month = |month, abbr| Lex::Month { month, abbr };
    match &buf[..word.len()] {
        b"january" => month(1, false),
        b"jan" => month(1, true),
        b"february" => month(2, false),
        b"feb" => month(2, true),
        b"march" => month(3, false),
        b"mar" => month(3, true),
        b"april" => month(4, false),
        b"apr" => month(4, true),
        b"may" => month(5, false),
        b"june" => month(6, false),
        b"jun" => month(6, true),
        b"july" => month(7, false),
        b"jul" => month(7, true),
        b"august" => month(8, false),
        b"aug" => month(8, true),
        b"september" => month(9, false),
        b"sep" | b"sept" => month(9, true),
        b"october" => month(10, false),
        b"oct" => month(10, true),
        b"november" => month(11, false),
        b"nov" => month(11, true),
        b"december" => month(12, false),
        b"dec" => month(12, true),
        b"monday" => Lex::Weekday(0),
        b"tuesday" => Lex::Weekday(1),
        b"wednesday" => Lex::Weekday(2),
        b"thursday" => Lex::Weekday(3),
        b"friday" => Lex::Weekday(4),
        b"saturday" => Lex::Weekday(5),
        b"sunday" => Lex::Weekday(6),
        b"one" => Lex::NumWord(1),
        b"two" => Lex::NumWord(2),
        b"three" => Lex::NumWord(3),
        b"four" => Lex::NumWord(4),
        b"five" => Lex::NumWord(5),
        b"six" => Lex::NumWord(6),
        b"seven" => Lex::NumWord(7),
        b"eight" => Lex::NumWord(8),
        b"nine" => Lex::NumWord(9),
        b"ten" => Lex::NumWord(10),
        b"eleven" => Lex::NumWord(11),
        b"twelve" => Lex::NumWord(12),
        b"thirteen" => Lex::NumWord(13),
        b"fourteen" => Lex::NumWord(14),
        b"fifteen" => Lex::NumWord(15),
        b"sixteen" => Lex::NumWord(16),
        b"seventeen" => Lex::NumWord(17),
        b"eighteen" => Lex::NumWord(18),
        b"nineteen" => Lex::NumWord(19),
        b"twenty" => Lex::NumWord(20),
        b"thirty" => Lex::NumWord(30),
        b"forty" => Lex::NumWord(40),
        b"fifty" => Lex::NumWord(50),
        b"sixty" => Lex::NumWord(60),
        b"seventy" => Lex::NumWord(70),
        b"eighty" => Lex::NumWord(80),
        b"ninety" => Lex::NumWord(90),
        b"hundred" => Lex::NumWord(100),
        b"minute" => unit(Unit::Minute, false),
        b"minutes" | b"mins" => unit(Unit::Minute, true),
        b"hour" => unit(Unit::Hour, false),
        b"hours" => unit(Unit::Hour, true),
        b"day" => unit(Unit::Day, false),
        b"days" => unit(Unit::Day, true),
        b"week" => unit(Unit::Week, false),
        b"weeks" => unit(Unit::Week, true),
        b"month" => unit(Unit::Month, false),
        b"months" => unit(Unit::Month, true),
        b"year" => unit(Unit::Year, false),
        b"years" => unit(Unit::Year, true),
        b"decade" => unit(Unit::Decade, false),
        b"decades" => unit(Unit::Decade, true),
        b"half" => Lex::Half,
        b"first" => Lex::Ordinal(1),
        b"second" => Lex::Ordinal(2),
        b"third" => Lex::Ordinal(3),
        b"fourth" | b"final" => Lex::Ordinal(4),
        b"quarter" => Lex::Quarter,
        b"future" => Lex::FutureRef,
        b"morning" => Lex::PartOfDay(PartOfDay::Morning),
        b"afternoon" => Lex::PartOfDay(PartOfDay::Afternoon),
        b"evening" => Lex::PartOfDay(PartOfDay::Evening),
        b"night" => Lex::PartOfDay(PartOfDay::Night),
        b"today" => Lex::Today,
        b"tonight" => Lex::Tonight,
        b"yesterday" => Lex::Yesterday,
        b"tomorrow" => Lex::Tomorrow,
        b"now" | b"currently" => Lex::Now,
        b"recently" => Lex::Recently,
        b"recent" => Lex::Recent,
        b"weekend" => Lex::Weekend,
        b"last" => Lex::Last,
        b"next" => Lex::Next,
        b"this" => Lex::This,
        b"past" => Lex::Past,
        b"previous" | b"preceding" => Lex::Previous,
        b"coming" => Lex::Coming,
        b"earlier" => Lex::Earlier,
        b"later" => Lex::Later,
        b"ago" => Lex::Ago,
        b"early" => Lex::Early,
        b"mid" => Lex::Mid,
        b"late" => Lex::Late,
        b"end" => Lex::End,
        b"beginning" | b"start" => Lex::Beginning,
        b"the" => Lex::The,
        b"a" | b"an" => Lex::A,
        b"on" => Lex::On,
        b"in" => Lex::In,
        b"since" => Lex::Since,
        b"by" => Lex::By,
        b"until" | b"till" | b"til" => Lex::Until,
        b"of" => Lex::Of,
        b"from" => Lex::From,
        b"to" => Lex::To,
        b"between" => Lex::Between,
        b"and" => Lex::And,
        b"or" => Lex::Or,
        b"during" => Lex::During,
        b"before" => Lex::Before,
        b"after" => Lex::After,
        b"through" | b"throughout" => Lex::Through,
        b"for" => Lex::For,
        b"over" => Lex::Over,
        b"within" => Lex::Within,
        b"about" | b"around" | b"circa" | b"approximately" | b"roughly" | b"ca" | b"c" => {
            Lex::About
        }
        b"few" => Lex::Few,
        b"several" => Lex::Several,
        b"many" => Lex::Many,
        b"almost" | b"nearly" => Lex::Almost,
        b"more" | b"less" => Lex::More,
        b"than" => Lex::Than,
        b"am" => Lex::Am,
        b"pm" => Lex::Pm,
        b"utc" | b"gmt" => Lex::Zone,
        b"noon" | b"midday" => Lex::Noon,
        b"midnight" => Lex::Midnight,
        b"copyright" => Lex::Copyright,
        b"annual" | b"annually" | b"yearly" => Lex::Set(Unit::Year),
        b"weekly" => Lex::Set(Unit::Week),
        b"will" | b"ll" | b"shall" | b"scheduled" | b"expected" | b"due" | b"plans"
        | b"planned" | b"upcoming" | b"planning" | b"intends" => Lex::Future,
        _ => Lex::Other,
    }
}

/// The month (1–12) a written month name stands for: the English names and abbreviations the
/// rules know (see [`classify`]), and the names of the other languages news pages are most often
/// in, lower case (Slavic pages print the genitive: "15 августа 2016", "3 marca 2020").
pub fn month_number(word: &str) -> Option<u8> {
    let lower = word.to_lowercase();
    if let Lex::Month { month, .. } = classify(lower.as_bytes()) {
        return Some(month);
    }
    let at = OTHER_LANGUAGES_MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))?;
    u8::try_from(at + 1).ok()
}

/// Month names of German, French, Spanish, Italian, Portuguese, Dutch, Russian, Turkish, Polish,
/// Czech, Ukrainian, Indonesian and Norwegian pages that English does not share, by month.
const OTHER_LANGUAGES_MONTHS: [&[&str]; 12] = [
    // January
    &[
        "januar",
        "jänner",
        "janvier",
        "enero",
        "gennaio",
        "janeiro",
        "januari",
        "января",
        "ocak",
        "stycznia",
        "ledna",
        "січня",
    ],
    // February
    &[
        "februar",
        "février",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "февраля",
        "şubat",
        "lutego",
        "února",
        "лютого",
    ],
    // March
    &[
        "märz",
        "maerz",
        "mars",
        "marzo",
        "março",
        "maart",
        "марта",
        "mär",
        "mart",
        "maret",
        "marca",
        "března",
        "березня",
    ],
    // April
    &[
        "avril",
        "abril",
        "aprile",
        "апреля",
        "nisan",
        "kwietnia",
        "dubna",
        "квітня",
    ],
    // May
    &[
        "mai",
        "mayo",
        "maggio",
        "maio",
        "mei",
        "мая",
        "mayıs",
        "maja",
        "května",
        "травня",
    ],
    // June
    &[
        "juni",
        "juin",
        "junio",
        "giugno",
        "junho",
        "июня",
        "haziran",
        "czerwca",
        "června",
        "червня",
    ],
    // July
    &[
        "juli",
        "juillet",
        "julio",
        "luglio",
        "julho",
        "июля",
        "temmuz",
        "lipca",
        "července",
        "липня",
    ],
    // August
    &[
        "août",
        "aout",
        "agosto",
        "augustus",
        "августа",
        "ağustos",
        "agustus",
        "sierpnia",
        "srpna",
        "серпня",
    ],
    // September
    &[
        "septembre",
        "septiembre",
        "settembre",
        "setembro",
        "сентября",
        "eylül",
        "września",
        "září",
        "вересня",
    ],
    // October
    &[
        "oktober",
        "octobre",
        "octubre",
        "ottobre",
        "outubro",
        "октября",
        "okt",
        "ekim",
        "października",
        "října",
        "жовтня",
    ],
    // November
    &[
        "novembre",
        "noviembre",
        "novembro",
        "ноября",
        "kasım",
        "listopada",
        "listopadu",
        "листопада",
    ],
    // December
    &[
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "декабря",
        "dez",
        "desember",
        "aralık",
        "grudnia",
        "prosince",
        "грудня",
    ],
];

/// The weekday (0 = Monday … 6 = Sunday) a word names: the full English name the rules know
/// (see [`classify`]) or its three-letter abbreviation ("Tue"), any case. The rules do not read
/// abbreviations in running text ("sun", "wed", "sat" are words); a date line may print them.
pub fn weekday_number(word: &str) -> Option<u8> {
    if let Lex::Weekday(n) = classify(word.as_bytes()) {
        return Some(n);
    }
    let [a, b, c] = word.as_bytes() else {
        return None;
    };
    match [
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
    ] {
        [b'm', b'o', b'n'] => Some(0),
        [b't', b'u', b'e'] => Some(1),
        [b'w', b'e', b'd'] => Some(2),
        [b't', b'h', b'u'] => Some(3),
        [b'f', b'r', b'i'] => Some(4),
        [b's', b'a', b't'] => Some(5),
        [b's', b'u', b'n'] => Some(6),
        _ => None,
    }
}
