//! Tags on excerpts and sources: `actor:Rouhani`, `place:Idlib`, or a plain topic `surge`.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TagKind {
    Actor,
    Place,
    Topic,
}

/// A tag with its kind. Written `kind:name`; a tag without a known kind prefix is a topic.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag {
    pub kind: TagKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a tag: a tag is a name of up to 100 characters, optionally prefixed actor:, place: or topic:"
)]
pub struct TagError(pub String);

impl FromStr for Tag {
    type Err = TagError;
    fn from_str(s: &str) -> Result<Tag, TagError> {
        let t = s.trim();
        let (kind, name) = match t.split_once(':') {
            Some((k, n)) if k.eq_ignore_ascii_case("actor") => (TagKind::Actor, n),
            Some((k, n)) if k.eq_ignore_ascii_case("place") => (TagKind::Place, n),
            Some((k, n)) if k.eq_ignore_ascii_case("topic") => (TagKind::Topic, n),
            _ => (TagKind::Topic, t),
        };
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err(TagError(s.to_string()));
        }
        Ok(Tag { kind, name })
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            TagKind::Actor => write!(f, "actor:{}", self.name),
            TagKind::Place => write!(f, "place:{}", self.name),
            TagKind::Topic => f.write_str(&self.name),
        }
    }
}

impl Tag {
    /// Whether a filter (`Idlib`, `place:Idlib`) selects this tag; names compare case-insensitively.
    pub fn matches(&self, filter: &Tag) -> bool {
        let kind_ok = filter.kind == self.kind || filter.kind == TagKind::Topic;
        kind_ok && self.name.to_lowercase() == filter.name.to_lowercase()
    }
}

impl serde::Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Tag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Tag, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}
