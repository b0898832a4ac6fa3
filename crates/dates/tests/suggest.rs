//! Seed acceptance of suggestions: the dated events of `../shared/seeds`, resolved against the
//! publication dates an analyst sets (`SEED_PUBLISHED`).

use chrono::NaiveDate;
use dossier_dates::{Suggestion, quote_date, suggest};
use dossier_testkit::{SEED_PUBLISHED, seeds};

/// The suggestions of the seed whose file name starts with `prefix`, with its text.
fn seed(test: &str, prefix: &str) -> Option<(String, Vec<Suggestion>)> {
    let (_, bytes) = seeds(test)?
        .into_iter()
        .find(|(p, _)| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .expect("seed file");
    let published = SEED_PUBLISHED
        .iter()
        .find(|(p, _)| *p == prefix)
        .map(|(_, d)| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date"));
    let text = String::from_utf8(bytes).expect("UTF-8");
    let s = suggest(&text, published);
    Some((text, s))
}

#[track_caller]
fn check(test: &str, prefix: &str, contains: &str, date: &str, expression: &str) {
    let Some((text, suggestions)) = seed(test, prefix) else {
        return;
    };
    let s = suggestions
        .iter()
        .find(|s| s.sentence.contains(contains))
        .unwrap_or_else(|| panic!("no suggestion holds {contains:?}: {suggestions:#?}"));
    assert_eq!(s.date.to_string(), date);
    assert_eq!(s.expression.text, expression);
    assert_eq!(&text[s.start..s.end], s.sentence);
    assert_eq!(&text[s.expression.start..s.expression.end], expression);
    // An event with a day is among the first suggestions of its source.
    let rank = suggestions
        .iter()
        .position(|x| x == s)
        .expect("in the list");
    assert!(rank < 3, "{contains:?} ranks {rank}: {suggestions:#?}");
}

#[test]
fn rouhanis_pledge_is_dated_2015_06_02() {
    check(
        "rouhanis_pledge",
        "000",
        "until the end of the road",
        "2015-06-02",
        "Tuesday",
    );
    check(
        "rouhanis_pledge_004",
        "004",
        "until the end of the road",
        "2015-06-02",
        "Tuesday",
    );
}

#[test]
fn irans_evacuation_is_dated_2024_12_06() {
    check(
        "evacuation_003",
        "003",
        "started evacuating",
        "2024-12-06",
        "Friday",
    );
    check(
        "evacuation_002",
        "002",
        "being transferred to Damascus",
        "2024-12-06",
        "Friday",
    );
}

#[test]
fn page_headers_and_footers_are_not_suggested_first() {
    let Some((_, s)) = seed("headers", "004") else {
        return;
    };
    assert_ne!(s[0].expression.text, "Tuesday 16 July 2024", "{s:#?}");
    let Some((_, s)) = seed("footers", "000") else {
        return;
    };
    assert!(s.iter().all(|x| !x.sentence.contains('©')), "{s:#?}");
}

#[test]
fn excerpt_dates_come_from_the_sentence_as_suggested() {
    let text = "Rouhani spoke on Tuesday in Tehran. On Friday and Saturday, talks went on.";
    let reference = NaiveDate::from_ymd_opt(2015, 6, 3);
    let quote = text.find("spoke").expect("quote");
    let e = quote_date(text, quote..quote + 5, reference).expect("one expression");
    assert_eq!(
        e.value.map(|v| v.to_string()).as_deref(),
        Some("2015-06-02")
    );
    assert_eq!(&text[e.start..e.end], "Tuesday");
    assert_eq!(e.rule, "weekday");
    // Two days: the first, as the suggestion of the sentence has it (one rule for both).
    let quote = text.find("talks").expect("quote");
    let e = quote_date(text, quote..quote + 5, reference).expect("a date");
    assert_eq!(&text[e.start..e.end], "Friday");
    let suggested = suggest(text, reference);
    let talks = suggested
        .iter()
        .find(|s| s.sentence.contains("talks"))
        .expect("suggested");
    assert_eq!(talks.expression, e);
    assert_eq!(quote_date("No date here.", 0..2, reference), None);
}

/// Found by the property test: "1p.m. Tuesday" is one expression across what the splitter
/// takes for a sentence end ("p.m."), and ranking it underflowed an offset.
#[test]
fn expression_straddling_a_sentence_boundary_does_not_panic() {
    let reference = NaiveDate::from_ymd_opt(2015, 6, 3);
    for s in suggest("1p.m. Tuesday ", reference) {
        assert!(
            s.start <= s.expression.start && s.expression.end <= s.end + s.expression.text.len()
        );
    }
}
