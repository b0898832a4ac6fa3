//! The case file `tests/languages.txt`: temporal expressions in every supported language other
//! than English, read by `find_in` with the case's language. All failures are reported at once.

use chrono::NaiveDate;
use dossier_dates::{Lang, detect_language, find_in};

const CASES: &str = include_str!("languages.txt");

/// Whether `text` in `lang`, read against `reference`, gives exactly the `expected` expressions
/// (span and EDTF value) among those with a value; `Err` says what differs.
fn check(
    lang: Lang,
    reference: NaiveDate,
    text: &str,
    expected: &[(&str, &str)],
) -> Result<(), String> {
    let found: Vec<(String, String)> = find_in(text, Some(reference), lang)
        .into_iter()
        .filter_map(|e| Some((e.text, e.value?.to_string())))
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(s, v)| (s.to_string(), v.to_string()))
        .collect();
    if found == want {
        Ok(())
    } else {
        Err(format!("got {found:?}, want {want:?}"))
    }
}

#[test]
fn every_case_of_every_language() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in CASES.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.splitn(4, " | ").collect();
        let [lang, reference, text, expected] = cols[..] else {
            panic!("line {}: want LANG | REFERENCE | TEXT | EXPECTED", n + 1);
        };
        let lang = Lang::from_tag(lang).expect("a supported language");
        let reference = NaiveDate::parse_from_str(reference, "%Y-%m-%d").expect("YYYY-MM-DD");
        let expected: Vec<(&str, &str)> = match expected.trim() {
            "-" => Vec::new(),
            e => e
                .split(" ; ")
                .map(|x| x.split_once(" => ").expect("SPAN => VALUE"))
                .map(|(s, v)| (s.trim(), v.trim()))
                .collect(),
        };
        count += 1;
        if let Err(e) = check(lang, reference, text, &expected) {
            failures.push(format!("line {}: {text}\n    {e}", n + 1));
        }
    }
    assert!(count > 40, "the case file has {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn hijri_and_solar_dates_keep_the_date_as_written() {
    let r = NaiveDate::from_ymd_opt(2019, 9, 12);
    let e = &find_in("صدر القرار في 10 محرم 1441 هـ.", r, Lang::Ar)[0];
    let note = e.calendar.as_ref().expect("a calendar note");
    assert_eq!(
        (note.calendar, note.written.as_str(), note.days_uncertain),
        ("islamic-umalqura", "1441-01-10", 1)
    );
    let e = &find_in("۱۲ خرداد ۱۳۹۴", r, Lang::Fa)[0];
    let note = e.calendar.as_ref().expect("a calendar note");
    assert_eq!(
        (note.calendar, note.written.as_str(), note.days_uncertain),
        ("persian", "1394-03-12", 0)
    );
    // A Gregorian date has none.
    assert_eq!(find_in("le 2 juin 2015", r, Lang::Fr)[0].calendar, None);
}

#[test]
fn languages_are_told_apart_by_script_and_words() {
    let lang = |t: &str| detect_language(t).map(|(l, _)| l);
    assert_eq!(
        lang("Die Regierung hat am Dienstag den Haushalt beschlossen."),
        Some(Lang::De)
    );
    assert_eq!(
        lang("Le gouvernement a présenté mardi son budget pour l'année."),
        Some(Lang::Fr)
    );
    assert_eq!(
        lang("El gobierno presentó el martes los presupuestos del año."),
        Some(Lang::Es)
    );
    assert_eq!(
        lang("Правительство во вторник представило бюджет."),
        Some(Lang::Ru)
    );
    assert_eq!(lang("قدمت الحكومة الميزانية يوم الثلاثاء."), Some(Lang::Ar));
    assert_eq!(lang("دولت بودجه را روز سه‌شنبه ارائه کرد."), Some(Lang::Fa));
    assert_eq!(
        lang("The government presented its budget on Tuesday."),
        Some(Lang::En)
    );
    assert_eq!(lang("2019 — 42"), None);
    // A long text surely in a language without a lexicon is not supported.
    let italian = "Il governo ha presentato martedì il bilancio per il prossimo anno, con nuove \
                   misure per le famiglie e per le imprese che hanno sofferto durante la crisi \
                   economica degli ultimi anni, secondo quanto dichiarato dal ministro.";
    assert_eq!(lang(italian), None);
}

#[test]
fn a_time_after_its_day_is_on_that_day() {
    let r = NaiveDate::from_ymd_opt(2016, 1, 13);
    let found = find_in("Samedi à 18 h 30, la foule s'est dispersée.", r, Lang::Fr);
    let time = found
        .iter()
        .find(|e| e.text == "18 h 30")
        .expect("the time");
    assert_eq!(
        (time.value, time.timex.value.as_str()),
        (None, "2016-01-09T18:30")
    );
    // Without a day before it, the time is on the reference day.
    let found = find_in("Um 18 Uhr begann die Sitzung.", r, Lang::De);
    assert_eq!(found[0].timex.value, "2016-01-13T18:00");
}
