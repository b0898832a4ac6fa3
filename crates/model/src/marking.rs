//! Portion markings: a classification level or a Traffic Light Protocol (TLP 2.0) label.
//!
//! The two schemes do not mix: a banner is the highest marking *within* one scheme.

use std::fmt;
use std::str::FromStr;

/// Classification levels, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Classification {
    Unclassified,
    Cui,
    Confidential,
    Secret,
    TopSecret,
}

/// TLP 2.0 labels, least restrictive first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tlp {
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Marking {
    Classification(Classification),
    Tlp(Tlp),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    Classification,
    Tlp,
}

const NAMES: [(&str, Marking); 10] = [
    ("U", Marking::Classification(Classification::Unclassified)),
    ("CUI", Marking::Classification(Classification::Cui)),
    ("C", Marking::Classification(Classification::Confidential)),
    ("S", Marking::Classification(Classification::Secret)),
    ("TS", Marking::Classification(Classification::TopSecret)),
    ("TLP:CLEAR", Marking::Tlp(Tlp::Clear)),
    ("TLP:GREEN", Marking::Tlp(Tlp::Green)),
    ("TLP:AMBER", Marking::Tlp(Tlp::Amber)),
    ("TLP:AMBER+STRICT", Marking::Tlp(Tlp::AmberStrict)),
    ("TLP:RED", Marking::Tlp(Tlp::Red)),
];

impl Tlp {
    /// The label's colour on its black background, as FIRST's TLP 2.0 specifies it (RGB):
    /// RED #FF2B2B, AMBER and AMBER+STRICT #FFC000, GREEN #33FF00, CLEAR white.
    pub fn colour(self) -> [u8; 3] {
        match self {
            Tlp::Red => [0xFF, 0x2B, 0x2B],
            Tlp::Amber | Tlp::AmberStrict => [0xFF, 0xC0, 0x00],
            Tlp::Green => [0x33, 0xFF, 0x00],
            Tlp::Clear => [0xFF, 0xFF, 0xFF],
        }
    }
}

impl Marking {
    pub fn scheme(self) -> Scheme {
        match self {
            Marking::Classification(_) => Scheme::Classification,
            Marking::Tlp(_) => Scheme::Tlp,
        }
    }

    /// The portion mark as written in parentheses: `U`, `CUI`, `TLP:AMBER+STRICT`.
    pub fn short(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, m)| *m == self)
            .map(|(n, _)| *n)
            .expect("every marking is named")
    }

    /// The banner line: `UNCLASSIFIED`, `SECRET`, `TLP:AMBER`.
    pub fn banner(self) -> &'static str {
        match self {
            Marking::Classification(c) => match c {
                Classification::Unclassified => "UNCLASSIFIED",
                Classification::Cui => "CUI",
                Classification::Confidential => "CONFIDENTIAL",
                Classification::Secret => "SECRET",
                Classification::TopSecret => "TOP SECRET",
            },
            Marking::Tlp(_) => self.short(),
        }
    }

    /// The more restrictive of two markings of one scheme; `None` across schemes.
    pub fn max_with(self, other: Marking) -> Option<Marking> {
        match (self, other) {
            (Marking::Classification(a), Marking::Classification(b)) => {
                Some(Marking::Classification(a.max(b)))
            }
            (Marking::Tlp(a), Marking::Tlp(b)) => Some(Marking::Tlp(a.max(b))),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a marking: use U, CUI, C, S, TS, or TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED"
)]
pub struct MarkingError(pub String);

impl FromStr for Marking {
    type Err = MarkingError;
    fn from_str(s: &str) -> Result<Marking, MarkingError> {
        let t = s.trim().to_ascii_uppercase();
        let t = t.trim_start_matches('(').trim_end_matches(')');
        NAMES
            .iter()
            .find(|(n, _)| *n == t)
            .map(|(_, m)| *m)
            .ok_or_else(|| MarkingError(s.to_string()))
    }
}

impl fmt::Display for Marking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short())
    }
}

impl serde::Serialize for Marking {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.short())
    }
}

impl<'de> serde::Deserialize<'de> for Marking {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_order() {
        for (name, m) in NAMES {
            assert_eq!(name.parse::<Marking>().unwrap(), m);
            assert_eq!(m.to_string(), name);
        }
        let s: Marking = "s".parse().unwrap();
        let c: Marking = "(C)".parse().unwrap();
        assert_eq!(s.max_with(c), Some(s));
        let amber: Marking = "TLP:AMBER".parse().unwrap();
        assert_eq!(s.max_with(amber), None);
        assert!("SECRET-ish".parse::<Marking>().is_err());
    }
}
