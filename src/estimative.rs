//! ICD 203's estimative language as the editor's term picker offers it: the likelihood scale
//! the briefing already uses (a briefing keeps to one, as the lint checks), and the confidence
//! levels, which belong in a sentence of their own.

use serde::Serialize;

/// One step of the likelihood scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LikelihoodTerm {
    pub term: String,
    /// The probability ICD 203 gives it ("55–80%").
    pub probability: String,
}

/// What the picker offers for a briefing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EstimativeTerms {
    /// The scale `body` uses (the words, "likely", unless it uses the odds, "probable"),
    /// lowest first.
    pub likelihood: Vec<LikelihoodTerm>,
    /// Whether that is the odds scale.
    pub odds: bool,
    /// The confidence levels, highest first ("high confidence").
    pub confidence: Vec<String>,
}

/// The terms to offer while writing `body`.
pub fn estimative_terms(body: &str) -> EstimativeTerms {
    let odds = dossier_render::uses_odds_scale(body);
    EstimativeTerms {
        likelihood: dossier_render::LIKELIHOOD_SCALE
            .iter()
            .map(|&(words, odd, probability)| LikelihoodTerm {
                term: if odds { odd } else { words }.to_string(),
                probability: probability.to_string(),
            })
            .collect(),
        odds,
        confidence: dossier_render::CONFIDENCE
            .iter()
            .map(|c| c.to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str, expected: &[&str]) {
        let got: Vec<String> = estimative_terms(body)
            .likelihood
            .into_iter()
            .map(|t| format!("{} {}", t.term, t.probability))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn the_picker_keeps_to_the_scale_in_use() {
        check(
            "No estimate yet.",
            &[
                "almost no chance 1–5%",
                "very unlikely 5–20%",
                "unlikely 20–45%",
                "roughly even chance 45–55%",
                "likely 55–80%",
                "very likely 80–95%",
                "almost certain 95–99%",
            ],
        );
        check(
            "A deal is highly improbable.",
            &[
                "remote 1–5%",
                "highly improbable 5–20%",
                "improbable 20–45%",
                "roughly even odds 45–55%",
                "probable 55–80%",
                "highly probable 80–95%",
                "nearly certain 95–99%",
            ],
        );
        assert_eq!(
            estimative_terms("").confidence,
            ["high confidence", "moderate confidence", "low confidence"]
        );
    }
}
