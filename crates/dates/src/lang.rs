//! The languages the engine reads, and how a text's language is guessed when nobody says it.
//!
//! One engine serves every language: a language only chooses the lexicon words are classified
//! by (`lexicons/`) and a few conventions of its press (the first day of the week, the calendar
//! months and years are counted in). The rules are the same.

use serde::Serialize;

/// A language the date engine has a lexicon for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
    Ru,
    Ar,
    Fa,
}

/// The first day of a calendar week in a language's press.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeekStart {
    /// ISO weeks, Monday–Sunday.
    Monday,
    /// Saturday–Friday: Iran, Egypt, Syria, Iraq and most Arab countries.
    Saturday,
}

impl Lang {
    /// Every supported language, English first.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Ru,
        Lang::Ar,
        Lang::Fa,
    ];

    /// The language of a BCP 47 tag (`fr`, `fr-CA`, `FA`); `None` for one without a lexicon.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
        }
    }

    /// The codes of every supported language, for messages: "en, de, fr, es, ru, ar, fa".
    pub fn supported() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    pub(crate) fn week_start(self) -> WeekStart {
        match self {
            Lang::Ar | Lang::Fa => WeekStart::Saturday,
            _ => WeekStart::Monday,
        }
    }

    /// Whether months and years named without a calendar are Solar Hijri ones (Iranian press).
    pub(crate) fn solar_months(self) -> bool {
        self == Lang::Fa
    }

    /// Right-to-left scripts write Arabic-script words: clitics and letter variants to fold.
    pub(crate) fn arabic_script(self) -> bool {
        matches!(self, Lang::Ar | Lang::Fa)
    }
}

/// The supported language a text is most likely in, with the detector's confidence (0–1);
/// `None` when the text is in no supported language (or has no letters).
///
/// The script decides first: Cyrillic is Russian; Arabic script is Persian when it has a letter
/// Arabic does not use (پ چ ژ گ, Persian yeh and keheh) and Arabic otherwise. Latin script is
/// whatlang's choice among English, German, French and Spanish; a text whatlang places in
/// another language altogether is not supported.
pub fn detect(text: &str) -> Option<(Lang, f64)> {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let (mut latin, mut cyrillic, mut arabic) = (0usize, 0usize, 0usize);
    // Letters only one of Persian and Arabic writes.
    let (mut persian, mut arabic_only) = (0usize, 0usize);
    for c in sample.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | 'À'..='ɏ' => latin += 1,
            'Ѐ'..='ӿ' => cyrillic += 1,
            'پ' | 'چ' | 'ژ' | 'گ' | 'ی' | 'ک' | '۰'..='۹' => {
                arabic += 1;
                persian += 1;
            }
            'ة' | 'ي' | 'ى' | '٠'..='٩' => {
                arabic += 1;
                arabic_only += 1;
            }
            '\u{0600}'..='\u{06ff}' => arabic += 1,
            _ => {}
        }
    }
    let letters = latin + cyrillic + arabic;
    if letters == 0 {
        return None;
    }
    if arabic > latin && arabic >= cyrillic {
        let share = arabic as f64 / letters as f64;
        // Function words tell a short text without telling letters apart.
        let words = |list: &[&str]| {
            sample
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| list.contains(w))
                .count()
        };
        let votes = lexicon_votes(sample, &[Lang::Fa, Lang::Ar]);
        let fa = persian
            + 3 * words(&[
                "در", "را", "است", "شد", "می", "این", "با", "برای", "بود", "رفت", "کرد", "نیز",
            ])
            + 2 * votes[0];
        let ar = arabic_only
            + 3 * words(&["في", "على", "إلى", "التي", "الذي", "أن", "عن", "قد", "كان"])
            + 2 * votes[1];
        return Some((if fa > ar { Lang::Fa } else { Lang::Ar }, share));
    }
    if cyrillic > latin {
        // Ukrainian, Bulgarian and Serbian are Cyrillic too: a text whatlang is sure is one of
        // them is not Russian; any other Cyrillic text is read as Russian.
        return match whatlang::detect(sample) {
            Some(info) if info.is_reliable() && info.lang() != whatlang::Lang::Rus => None,
            Some(info) => Some((Lang::Ru, info.confidence())),
            None => Some((Lang::Ru, 0.0)),
        };
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable()
        && let Some(l) = by_function_words(sample)
    {
        return Some((l, info.confidence()));
    }
    let lang = match info.lang() {
        whatlang::Lang::Eng => Lang::En,
        whatlang::Lang::Deu => Lang::De,
        whatlang::Lang::Fra => Lang::Fr,
        whatlang::Lang::Spa => Lang::Es,
        // A long text surely in another language is not supported; a short one is too short to
        // say, and is read in the supported language it is nearest.
        _ if info.is_reliable() && sample.len() > 200 => return None,
        _ => return latin_supported(sample),
    };
    Some((lang, info.confidence()))
}

/// A short Latin text: the supported language whose function words it uses most, when one
/// does clearly.
fn by_function_words(sample: &str) -> Option<Lang> {
    const WORDS: [(Lang, &[&str]); 4] = [
        (
            Lang::En,
            &[
                "the", "and", "of", "to", "is", "was", "that", "for", "on", "with", "by", "at",
                "it",
            ],
        ),
        (
            Lang::De,
            &[
                "der", "die", "das", "und", "ist", "ein", "eine", "zu", "mit", "den", "von", "im",
                "am", "nicht", "sich",
            ],
        ),
        (
            Lang::Fr,
            &[
                "le", "la", "les", "des", "du", "une", "est", "et", "à", "que", "qui", "dans",
                "pour", "sur", "au", "a", "ont", "il",
            ],
        ),
        (
            Lang::Es,
            &[
                "el", "los", "las", "del", "una", "es", "y", "que", "por", "para", "con", "se",
                "al", "hace",
            ],
        ),
    ];
    let mut counts = lexicon_votes(sample, &WORDS.map(|(l, _)| l));
    for w in sample.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        for (k, (_, list)) in WORDS.iter().enumerate() {
            counts[k] += usize::from(list.contains(&w.as_str()));
        }
    }
    let best = (0..4).max_by_key(|&k| counts[k])?;
    let clear = counts[best] > 0 && counts.iter().filter(|&&c| c == counts[best]).count() == 1;
    clear.then_some(WORDS[best].0)
}

/// For each candidate language, how many words of `sample` its date lexicon knows: the words a
/// date engine meets ("mardi", "prochain", "امسال") tell a short text's language.
fn lexicon_votes<const N: usize>(sample: &str, langs: &[Lang; N]) -> [usize; N] {
    let mut votes = [0usize; N];
    for w in sample.split(|c: char| !c.is_alphabetic() && c != '\u{200c}') {
        if w.chars().count() < 3 {
            continue;
        }
        for (k, &l) in langs.iter().enumerate() {
            let lex = match l {
                Lang::En => crate::lexicon::classify(w.as_bytes()),
                _ => crate::lexicons::classify(w, l),
            };
            votes[k] += usize::from(lex != crate::lexicon::Lex::Other);
        }
    }
    votes
}

/// A short Latin text whatlang is unsure of: the best of the supported languages.
fn latin_supported(sample: &str) -> Option<(Lang, f64)> {
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Eng,
        whatlang::Lang::Deu,
        whatlang::Lang::Fra,
        whatlang::Lang::Spa,
    ]);
    let info = detector.detect(sample)?;
    let lang = match info.lang() {
        whatlang::Lang::Deu => Lang::De,
        whatlang::Lang::Fra => Lang::Fr,
        whatlang::Lang::Spa => Lang::Es,
        _ => Lang::En,
    };
    Some((lang, info.confidence()))
}
