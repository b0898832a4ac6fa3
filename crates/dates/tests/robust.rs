//! Any text, however hostile, gets expressions with valid offsets and never a panic.

use chrono::NaiveDate;
use proptest::prelude::*;

/// Text built from pieces that look like dates, numbers and punctuation, plus arbitrary chars.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("June ".to_string()),
        Just("2 ".to_string()),
        Just("2015".to_string()),
        Just("-".to_string()),
        Just("/".to_string()),
        Just(":".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("'".to_string()),
        Just("last ".to_string()),
        Just("the ".to_string()),
        Just("Tuesday ".to_string()),
        Just("ago ".to_string()),
        Just("four years ".to_string()),
        Just("p.m. ".to_string()),
        Just("© ".to_string()),
        Just("\n".to_string()),
        Just("“".to_string()),
        Just("29 February ".to_string()),
        Just("9999 ".to_string()),
        // Other languages' hard cases: day-first dots, Eastern digits, era marks, ZWNJ, clitics.
        Just("18.03.2014".to_string()),
        Just("1.".to_string()),
        Just("١/٩/١٤٣٦هـ ".to_string()),
        Just("۱۲ خرداد ۱۳۹۴ ".to_string()),
        Just("\u{200c}".to_string()),
        Just("سه‌شنبه گذشته ".to_string()),
        Just("والأسبوع الماضي ".to_string()),
        Just("ه.ش ".to_string()),
        Just("il y a ".to_string()),
        Just("vor ".to_string()),
        Just("2 июня 2015 г. ".to_string()),
        Just("1er ".to_string()),
        Just("h ".to_string()),
        Just("٫".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
        "[0-9]{1,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn languages() -> impl Strategy<Value = dossier_dates::Lang> {
    prop::sample::select(dossier_dates::Lang::ALL.to_vec())
}

fn references() -> impl Strategy<Value = Option<NaiveDate>> {
    prop_oneof![
        Just(None),
        Just(NaiveDate::from_ymd_opt(2015, 6, 3)),
        Just(NaiveDate::from_ymd_opt(0, 1, 1)),
        Just(NaiveDate::from_ymd_opt(9999, 12, 31)),
        Just(NaiveDate::from_ymd_opt(2016, 2, 29)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn offsets_are_valid_and_in_order(
        text in texty(),
        reference in references(),
        lang in languages(),
    ) {
        let found = dossier_dates::find_in(&text, reference, lang);
        let mut last = 0;
        for e in &found {
            prop_assert!(e.start >= last && e.start < e.end && e.end <= text.len());
            prop_assert_eq!(&text[e.start..e.end], e.text.as_str());
            last = e.end;
        }
        for r in dossier_dates::sentences(&text) {
            prop_assert!(text.get(r.clone()).is_some());
        }
        for s in dossier_dates::suggest_in(&text, reference, lang) {
            prop_assert_eq!(&text[s.start..s.end], s.sentence.as_str());
            prop_assert_eq!(&text[s.expression.start..s.expression.end], s.expression.text.as_str());
        }
        let _ = dossier_dates::quote_date_in(&text, 0..text.len(), reference, lang);
        let _ = dossier_dates::detect_language(&text);
    }
}

#[test]
fn big_and_binary_inputs() {
    let junk: String = (0..200_000u32).filter_map(char::from_u32).collect();
    for lang in dossier_dates::Lang::ALL {
        let _ = dossier_dates::find_in(&junk, NaiveDate::from_ymd_opt(2015, 6, 3), lang);
    }
    let long_line = "2 June 2015 ".repeat(50_000);
    assert_eq!(dossier_dates::find(&long_line, None).len(), 50_000);
    // Several 64 KiB chunks: no expression lost or cut at a chunk boundary.
    let lines = "On 2 June 2015 he spoke.\n".repeat(30_000);
    let found = dossier_dates::find(&lines, None);
    assert_eq!(found.len(), 30_000);
    assert!(
        found
            .iter()
            .all(|e| &lines[e.start..e.end] == "2 June 2015")
    );
    assert!(dossier_dates::find("", None).is_empty());
}
