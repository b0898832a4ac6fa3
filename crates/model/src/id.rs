//! Short, stable, readable identifiers: `2015-06-rouhani-pledge-3f9a`.
//!
//! An id is chosen once, when the item is created, and is its file name from then on; it is never
//! recomputed, so editing a title does not rename a file under a teammate's feet.

use std::fmt;
use std::str::FromStr;

/// An item id: 1–80 bytes of `a-z`, `0-9` and inner `-`. Safe as a file name on every platform.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a valid id: ids are lowercase letters, digits and inner hyphens, at most 80 characters (e.g. 2015-06-rouhani-pledge-3f9a)"
)]
pub struct IdError(pub String);

impl Id {
    pub const MAX_LEN: usize = 80;

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Builds `<prefix>-<words>-<hash>`: up to `max_words` lowercase ASCII words of `text`
    /// (stop words skipped), then `hash` (already hex). Empty parts are left out.
    pub fn compose(prefix: &str, text: &str, max_words: usize, hash: &str) -> Id {
        let words = slug_words(text, max_words);
        let mut parts: Vec<&str> = Vec::new();
        if !prefix.is_empty() {
            parts.push(prefix);
        }
        parts.extend(words.iter().map(String::as_str));
        parts.push(hash);
        let mut s = parts.join("-");
        s.truncate(Self::MAX_LEN);
        let s = s.trim_matches('-').to_string();
        Id(if s.is_empty() { "item".into() } else { s })
    }
}

const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "by", "as", "at", "is", "its",
    "it", "with", "from", "that", "this", "be", "are", "was", "will", "has", "have",
];

/// Lowercase ASCII words of `text` for an id: accented Latin letters folded, other scripts
/// transliterated ("Москва" → `moskva`, "تهران" → `thrn`), so that a title in any script gives
/// a readable id.
pub fn slug_words(text: &str, max: usize) -> Vec<String> {
    // Apostrophes join: "Rouhani's" is one word, "rouhanis"; ZWNJ joins Persian words' parts.
    let text = text.replace(['\'', '\u{2019}', '\u{200c}'], "");
    text.split(|c: char| !c.is_alphanumeric() && !is_mark(c))
        .map(|w| {
            w.chars()
                .flat_map(|c| {
                    let c = fold_letter(c);
                    let ascii = if c.is_ascii() {
                        c.to_string()
                    } else {
                        any_ascii::any_ascii_char(c).to_string()
                    };
                    ascii.chars().collect::<Vec<_>>()
                })
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty() && w.len() <= 20 && !STOP.contains(&w.as_str()))
        .take(max)
        .collect()
}

/// A combining mark (Arabic vowel signs, Devanagari vowel signs): part of its word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0900}'..='\u{0903}' | '\u{093a}'..='\u{094f}')
}

fn fold_letter(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        _ => c,
    }
}

impl FromStr for Id {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Id, IdError> {
        let ok = !s.is_empty()
            && s.len() <= Self::MAX_LEN
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if ok {
            Ok(Id(s.to_string()))
        } else {
            Err(IdError(s.to_string()))
        }
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_readable_ids() {
        let id = Id::compose("2015-06", "Rouhani's pledge to the Assad régime", 3, "3f9a");
        assert_eq!(id.as_str(), "2015-06-rouhanis-pledge-assad-3f9a");
        assert!(id.as_str().parse::<Id>().is_ok());
        assert_eq!(Id::compose("", "!!!", 3, "3f9a").as_str(), "3f9a");
        assert!("../etc".parse::<Id>().is_err());
        assert!("CON".parse::<Id>().is_err());
        assert!("a-".parse::<Id>().is_err());
    }

    #[test]
    fn titles_in_other_scripts_give_readable_ids() {
        let id = |title: &str| Id::compose("2019-09", title, 3, "3f9a").to_string();
        assert_eq!(
            id("Переговоры в Москве"),
            "2019-09-peregovory-v-moskve-3f9a"
        );
        assert_eq!(
            id("Gespräche über Wasser"),
            "2019-09-gesprache-uber-wasser-3f9a"
        );
        // Arabic and Persian: consonants, vowel signs dropped, ZWNJ joining.
        let fa = id("گفت‌وگو در تهران");
        assert!(fa.starts_with("2019-09-") && fa.ends_with("-3f9a"), "{fa}");
        assert_eq!(fa, "2019-09-gftwgw-dr-thrn-3f9a");
        let ar = id("مُفاوَضات دمشق");
        assert!(ar.contains("dmshq"), "{ar}");
        for t in ["گفت‌وگو در تهران", "مُفاوَضات دمشق", "东京会议", "Ἀθῆναι"]
        {
            assert!(id(t).parse::<Id>().is_ok(), "{t}");
            assert!(id(t).len() > "2019-09-3f9a".len(), "{t}: {}", id(t));
        }
    }
}
