//! Who a claim comes from: the speaker, the organisation that first reported it, and the relays
//! between that origin and the source the analyst read.

use serde::{Deserialize, Serialize};

use crate::Found;

/// The attribution of one excerpt. Each part is found by a rule (with the sentence that says
/// so as evidence) or set by the analyst, whose value always wins and survives a re-run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimAttribution {
    /// Who said it, when the excerpt is a statement ("Oren Tallis").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Found<String>>,
    /// The first organisation that reported it: the agency in "TNA quoted …", the paper in
    /// "told the Ledger", the original outlet of a reprint, else the source's own outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Found<String>>,
    /// The relays between the origin and this source, nearest the origin first (this source's
    /// own outlet last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<Found<String>>,
}

impl ClaimAttribution {
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none() && self.origin.is_none() && self.via.is_empty()
    }

    /// `found` where the analyst has not set a value: a rule never overrides the analyst.
    pub fn merged_with(&self, found: ClaimAttribution) -> ClaimAttribution {
        let keep = |mine: &Option<Found<String>>, theirs: Option<Found<String>>| match mine {
            Some(m) if m.is_analyst() => Some(m.clone()),
            _ => theirs,
        };
        ClaimAttribution {
            speaker: keep(&self.speaker, found.speaker),
            origin: keep(&self.origin, found.origin),
            via: if self.via.iter().any(Found::is_analyst) {
                self.via.clone()
            } else {
                found.via
            },
        }
    }

    pub fn origin_name(&self) -> Option<&str> {
        self.origin.as_ref().map(|f| f.value.as_str())
    }

    pub fn speaker_name(&self) -> Option<&str> {
        self.speaker.as_ref().map(|f| f.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_analysts_value_survives_a_rerun() {
        let mine = ClaimAttribution {
            origin: Some(Found::by_analyst("The Harbor Ledger".to_string())),
            ..Default::default()
        };
        let found = ClaimAttribution {
            speaker: Some(Found::by_rule(
                "Hanne Roslin".to_string(),
                "claim:told",
                0.8,
            )),
            origin: Some(Found::by_rule(
                "Brightwater Wire".to_string(),
                "claim:own",
                0.5,
            )),
            via: vec![Found::by_rule(
                "Brightwater Wire".to_string(),
                "claim:own",
                0.5,
            )],
        };
        let merged = mine.merged_with(found.clone());
        assert_eq!(merged.origin_name(), Some("The Harbor Ledger"));
        assert_eq!(merged.speaker_name(), Some("Hanne Roslin"));
        assert_eq!(merged.via, found.via);
        let json = serde_json::to_string(&ClaimAttribution::default()).expect("json");
        assert_eq!(json, "{}");
    }
}
