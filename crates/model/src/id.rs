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

/// Lowercase ASCII words of `text` for an id; letters outside ASCII are folded where simple.
pub fn slug_words(text: &str, max: usize) -> Vec<String> {
    // Apostrophes join: "Rouhani's" is one word, "rouhanis".
    let text = text.replace(['\'', '\u{2019}'], "");
    text.split(|c: char| !c.is_alphanumeric())
        .map(|w| {
            w.chars()
                .filter_map(|c| {
                    let c = fold_letter(c);
                    c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
                })
                .collect::<String>()
        })
        .filter(|w| !w.is_empty() && w.len() <= 20 && !STOP.contains(&w.as_str()))
        .take(max)
        .collect()
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
}
