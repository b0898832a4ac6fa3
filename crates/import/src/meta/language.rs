//! The language of a text: whatlang when it is sure; Arabic and Persian told apart, and short
//! texts in the date engine's languages placed, by the date engine's detector
//! (`dossier_dates::detect_language`: script, function words, lexicon).

use dossier_model::Found;

/// The language of `text` (BCP 47 primary tag), when the detector is sure.
pub fn language(text: &str) -> Option<Found<String>> {
    // The first few KiB decide it; more text costs time and changes nothing.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let dates = dossier_dates::detect_language(sample);
    let Some(info) = whatlang::detect(sample).filter(|i| i.is_reliable()) else {
        // Unsure: the date engine's languages only, and said to be a guess.
        let (lang, confidence) = dates?;
        return Some(Found::by_rule(
            lang.code().to_string(),
            "text:date-lexicon",
            confidence.min(0.5),
        ));
    };
    let code = match (bcp47(info.lang())?, dates) {
        // whatlang confuses Arabic and Persian on short texts; their letters and words do not.
        ("ar" | "fa", Some((l @ (dossier_dates::Lang::Ar | dossier_dates::Lang::Fa), _))) => {
            l.code()
        }
        (code, _) => code,
    };
    Some(Found::by_rule(
        code.to_string(),
        "text:language-model",
        info.confidence(),
    ))
}

/// ISO 639-1 code of a whatlang language (the ones news analysts meet; others stay unknown).
fn bcp47(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Tur => "tr",
        Ara => "ar",
        Pes => "fa",
        Heb => "he",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Urd => "ur",
        Swe => "sv",
        Dan => "da",
        Nob => "no",
        Fin => "fi",
        Ces => "cs",
        Ell => "el",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Ind => "id",
        Vie => "vi",
        Tha => "th",
        Aze => "az",
        Kat => "ka",
        Hye => "hy",
        _ => return None,
    })
}
