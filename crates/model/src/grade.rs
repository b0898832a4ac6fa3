//! The Admiralty (NATO) grading system: source reliability A–F, information credibility 1–6.

use std::fmt;
use std::str::FromStr;

/// How reliable a source has been. `F` ("cannot be judged") is the honest default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    #[default]
    F,
}

/// How credible a piece of information is. `6` ("cannot be judged") is the honest default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Credibility {
    Confirmed = 1,
    ProbablyTrue = 2,
    PossiblyTrue = 3,
    Doubtful = 4,
    Improbable = 5,
    #[default]
    CannotBeJudged = 6,
}

impl Reliability {
    pub const ALL: [Reliability; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    pub fn letter(self) -> char {
        b"ABCDEF"[self as usize] as char
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::A => "completely reliable",
            Self::B => "usually reliable",
            Self::C => "fairly reliable",
            Self::D => "not usually reliable",
            Self::E => "unreliable",
            Self::F => "reliability cannot be judged",
        }
    }
}

impl Credibility {
    pub const ALL: [Credibility; 6] = [
        Self::Confirmed,
        Self::ProbablyTrue,
        Self::PossiblyTrue,
        Self::Doubtful,
        Self::Improbable,
        Self::CannotBeJudged,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<Credibility> {
        Self::ALL.get(usize::from(n).wrapping_sub(1)).copied()
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Confirmed => "confirmed by other sources",
            Self::ProbablyTrue => "probably true",
            Self::PossiblyTrue => "possibly true",
            Self::Doubtful => "doubtful",
            Self::Improbable => "improbable",
            Self::CannotBeJudged => "truth cannot be judged",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GradeError {
    #[error(
        "'{0}' is not a reliability grade: use a letter from A (completely reliable) to F (cannot be judged)"
    )]
    Reliability(String),
    #[error(
        "'{0}' is not a credibility grade: use a number from 1 (confirmed) to 6 (cannot be judged)"
    )]
    Credibility(String),
}

impl FromStr for Reliability {
    type Err = GradeError;
    fn from_str(s: &str) -> Result<Self, GradeError> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|r| t.len() == 1 && t.eq_ignore_ascii_case(&r.letter().to_string()))
            .ok_or_else(|| GradeError::Reliability(s.to_string()))
    }
}

impl FromStr for Credibility {
    type Err = GradeError;
    fn from_str(s: &str) -> Result<Self, GradeError> {
        s.trim()
            .parse::<u8>()
            .ok()
            .and_then(Credibility::from_number)
            .ok_or_else(|| GradeError::Credibility(s.to_string()))
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

impl fmt::Display for Credibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

impl serde::Serialize for Reliability {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Reliability {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Credibility {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

impl<'de> serde::Deserialize<'de> for Credibility {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = i64::deserialize(d)?;
        u8::try_from(n)
            .ok()
            .and_then(Credibility::from_number)
            .ok_or_else(|| serde::de::Error::custom(GradeError::Credibility(n.to_string())))
    }
}
