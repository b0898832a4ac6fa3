//! Values with provenance: where a title, an outlet or a date came from, and how sure we are.

use serde::{Deserialize, Serialize};

/// The provenance an analyst's own entry carries.
pub const ANALYST: &str = "analyst";

/// A value together with the rule that found it (or [`ANALYST`]) and a confidence in 0..=1.
///
/// Unknown is `Option::None` at the use site, never a guess dressed up as a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Found<T> {
    pub value: T,
    /// The rule that found the value, e.g. `html:json-ld:datePublished`, or `analyst`.
    pub provenance: String,
    /// 0 to 1, rounded to two decimals so that files stay stable and readable.
    pub confidence: f64,
    /// The text the value was read from, when it is not the value itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl<T> Found<T> {
    pub fn by_rule(value: T, rule: impl Into<String>, confidence: f64) -> Found<T> {
        Found {
            value,
            provenance: rule.into(),
            confidence: round2(confidence),
            evidence: None,
        }
    }

    /// What the analyst entered: provenance `analyst`, confidence 1.
    pub fn by_analyst(value: T) -> Found<T> {
        Found::by_rule(value, ANALYST, 1.0)
    }

    pub fn with_evidence(mut self, evidence: impl Into<String>) -> Found<T> {
        self.evidence = Some(evidence.into());
        self
    }

    pub fn is_analyst(&self) -> bool {
        self.provenance == ANALYST
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Found<U> {
        Found {
            value: f(self.value),
            provenance: self.provenance,
            confidence: self.confidence,
            evidence: self.evidence,
        }
    }
}

fn round2(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
    }
}
