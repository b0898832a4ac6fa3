//! The lexicons of the languages other than English: each maps its words to the same [`Lex`]
//! classes the rules read, so that one grammar serves every language. English keeps its own
//! `match` (`crate::lexicon::classify`), the engine's fast path.
//!
//! Words are looked up folded ([`fold`]): lower case and, in Arabic script, without tatweel,
//! vowel marks and ZWNJ, with one form of alef, yeh and kaf. An Arabic word not found is looked
//! up again without its clitics ("و", "ب", "ل", "ال"); a Persian one without "ها" or an ezafe.

mod ar;
mod de;
mod es;
mod fa;
mod fr;
mod ru;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::Lang;
use crate::lexicon::{Era, Lex, PartOfDay, Unit};

/// One lexicon entry: the forms of a word (inflections, spellings) and their class.
type Entry = (&'static [&'static str], Lex);

pub(crate) const fn month(n: u8) -> Lex {
    Lex::Month {
        month: n,
        abbr: false,
    }
}

pub(crate) const fn abbr(n: u8) -> Lex {
    Lex::Month {
        month: n,
        abbr: true,
    }
}

pub(crate) const fn unit(unit: Unit) -> Lex {
    Lex::Unit {
        unit,
        plural: false,
    }
}

pub(crate) const fn units(unit: Unit) -> Lex {
    Lex::Unit { unit, plural: true }
}

pub(crate) const fn pod(p: PartOfDay) -> Lex {
    Lex::PartOfDay(p)
}

pub(crate) const fn era(e: Era) -> Lex {
    Lex::Era(e)
}

fn table(lang: Lang) -> &'static [Entry] {
    match lang {
        Lang::En => &[],
        Lang::De => de::WORDS,
        Lang::Fr => fr::WORDS,
        Lang::Es => es::WORDS,
        Lang::Ru => ru::WORDS,
        Lang::Ar => ar::WORDS,
        Lang::Fa => fa::WORDS,
    }
}

type Map = HashMap<String, Lex>;

fn map(lang: Lang) -> &'static Map {
    static MAPS: [OnceLock<Map>; 7] = [const { OnceLock::new() }; 7];
    let at = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    MAPS[at].get_or_init(|| {
        let mut m = Map::new();
        for (forms, lex) in table(lang) {
            for f in *forms {
                m.entry(fold(f, lang)).or_insert(*lex);
            }
        }
        m
    })
}

/// The class of `word` in `lang` (not English: see [`crate::lexicon::classify`]).
pub(crate) fn classify(word: &str, lang: Lang) -> Lex {
    if word.eq_ignore_ascii_case("utc") || word.eq_ignore_ascii_case("gmt") {
        return Lex::Zone;
    }
    let m = map(lang);
    let w = fold(word, lang);
    if let Some(l) = m.get(&w) {
        return *l;
    }
    if lang.arabic_script() {
        return without_clitics(&w, m, lang).unwrap_or(Lex::Other);
    }
    // German compounds a weekday with its part of the day: "Dienstagabend".
    if lang == Lang::De {
        for part in [
            "abend",
            "morgen",
            "vormittag",
            "nachmittag",
            "mittag",
            "nacht",
        ] {
            if let Some(day) = w.strip_suffix(part)
                && let Some(l @ Lex::Weekday(_)) = m.get(day)
            {
                return *l;
            }
        }
    }
    Lex::Other
}

/// An Arabic-script word without its proclitics ("والأسبوع" → "الأسبوع" → "أسبوع"), or a
/// Persian one without its plural or ezafe ("سال‌ها", "هفته‌ی").
fn without_clitics(w: &str, m: &Map, lang: Lang) -> Option<Lex> {
    let long = |s: &str| s.chars().count() >= 2;
    if lang == Lang::Fa {
        for suffix in ["ها", "هاي", "ي"] {
            if let Some(stem) = w.strip_suffix(suffix).filter(|s| long(s))
                && let Some(l) = m.get(stem)
            {
                return Some(match *l {
                    Lex::Unit { unit, .. } if suffix != "ي" => units(unit),
                    other => other,
                });
            }
        }
        return None;
    }
    for p1 in ["", "و", "ف"] {
        let Some(a) = w.strip_prefix(p1) else {
            continue;
        };
        for p2 in ["", "ب", "ل", "ك"] {
            let Some(b) = a.strip_prefix(p2) else {
                continue;
            };
            // "لل": li + al, the alef of the article dropped.
            let with_article = if p2 == "ل" && b.starts_with('ل') {
                Some(format!("ا{b}"))
            } else {
                None
            };
            for c in [Some(b.to_string()), with_article].into_iter().flatten() {
                if !long(&c) {
                    continue;
                }
                // The word itself was looked up first.
                if c.len() != w.len()
                    && let Some(l) = m.get(&c)
                {
                    return Some(*l);
                }
                if let Some(bare) = c.strip_prefix("ال").filter(|s| long(s))
                    && let Some(l) = m.get(bare)
                {
                    return Some(*l);
                }
            }
        }
    }
    None
}

/// A word as the lexicons store it.
pub(crate) fn fold(word: &str, lang: Lang) -> String {
    if !lang.arabic_script() {
        return word.to_lowercase();
    }
    word.chars()
        .filter_map(|c| match c {
            '\u{0640}' | '\u{200c}' | '\u{200d}' | '\u{064b}'..='\u{065f}' | '\u{0670}' => None,
            'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
            'ى' | 'ی' | 'ئ' => Some('ي'),
            'ک' => Some('ك'),
            'ۀ' => Some('ه'),
            c => Some(c),
        })
        .collect()
}
