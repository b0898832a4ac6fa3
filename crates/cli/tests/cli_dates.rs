//! The date commands end to end: `dates`, `suggest`, `excerpt add` without `--date`, and
//! `chronology --csv`, on the seed articles.

mod common;

use common::{dossier, s};

#[test]
fn dates_prints_expressions_as_json() {
    let found = dossier(&[
        "dates",
        "--reference",
        "2015-06-03",
        "--json",
        "IRNA quoted Rouhani as saying on Tuesday; 20,000 troops; © 2005-2017",
    ])
    .ok()
    .json();
    let found = found.as_array().expect("a list");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0]["text"], "Tuesday");
    assert_eq!(found[0]["value"], "2015-06-02");
    assert_eq!(found[0]["precision"], "day");
    assert_eq!(found[0]["kind"], "relative");
    assert_eq!(found[0]["rule"], "weekday");
    assert_eq!(found[0]["timex"]["type"], "DATE");
    assert_eq!(found[0]["timex"]["value"], "2015-06-02");
    assert_eq!(found[0]["start"], 33);
    assert_eq!(found[0]["end"], 40);
    assert_eq!(found[1]["kind"], "copyright");
}

#[test]
fn dates_reads_each_language_and_its_calendars() {
    let first = |args: &[&str]| dossier(args).ok().json()[0].clone();
    // Detected: a Persian Solar date, the date as written kept.
    let e = first(&[
        "dates",
        "--reference",
        "2015-06-03",
        "--json",
        "نشست در ۱۲ خرداد ۱۳۹۴ برگزار شد.",
    ]);
    assert_eq!(e["value"], "2015-06-02");
    assert_eq!(e["calendar"]["calendar"], "persian");
    assert_eq!(e["calendar"]["written"], "1394-03-12");
    // Chosen: French.
    let e = first(&[
        "dates",
        "--reference",
        "2016-01-13",
        "--lang",
        "fr",
        "--json",
        "la semaine dernière",
    ]);
    assert_eq!(e["value"], "2016-01-04/2016-01-10");
    // A language without a lexicon is refused by name.
    dossier(&["dates", "--lang", "it", "ieri"]).fails(1, "not supported");
}

#[test]
fn dates_reads_stdin_and_refuses_a_bad_reference() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["dates", "--json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run dossier");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"in June 2015")
        .expect("write");
    let out = child.wait_with_output().expect("output");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v[0]["value"], "2015-06");
    dossier(&["dates", "--reference", "June 3", "x"]).fails(1, "YYYY-MM-DD");
}

#[test]
fn suggest_excerpt_add_and_csv_on_the_seeds() {
    let Some((_tmp, dir, ids)) = common::seed_project("suggest_excerpt_add_and_csv_on_the_seeds")
    else {
        return;
    };

    let all = dossier(&["suggest", s(&dir), "--json"]).ok().json();
    let all = all.as_array().expect("list");
    let has = |source: &str, needle: &str, date: &str| {
        all.iter().any(|x| {
            x["source"] == source
                && x["sentence"].as_str().is_some_and(|t| t.contains(needle))
                && x["date"] == date
        })
    };
    assert!(has(&ids[0], "until the end of the road", "2015-06-02"));
    assert!(has(&ids[3], "started evacuating", "2024-12-06"));
    assert!(has(&ids[2], "being transferred", "2024-12-06"));
    let one = dossier(&["suggest", s(&dir), "--source", &ids[3], "--json"])
        .ok()
        .json();
    let one = one.as_array().expect("list");
    assert!(one.iter().all(|x| x["source"] == ids[3].as_str()));
    let first = &one[0];
    let (start, end) = (
        first["expression"]["start"].as_u64().expect("start") as usize,
        first["expression"]["end"].as_u64().expect("end") as usize,
    );
    let seeds = dossier_testkit::seeds("suggest_excerpt_add_and_csv_on_the_seeds").expect("seeds");
    let text = String::from_utf8(seeds[3].1.clone()).expect("UTF-8");
    assert!(text.contains(first["sentence"].as_str().expect("sentence")));
    // The imported text may be cleaned; the offsets index the source's cleaned text.
    let show = dossier(&["source", "show", s(&dir), &ids[3], "--json"])
        .ok()
        .json();
    let cleaned = show["text"].as_str().map(str::to_string);
    if let Some(cleaned) = cleaned {
        assert_eq!(&cleaned[start..end], first["expression"]["text"]);
    }

    // No --date: the one expression of the quote's sentence dates the excerpt.
    let x = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[3],
        "--quote",
        "the country started evacuating its military commanders",
        "--json",
    ])
    .ok()
    .json();
    assert_eq!(x["date"]["value"], "2024-12-06");
    assert_eq!(x["date"]["provenance"], "dates:weekday");
    assert_eq!(x["date"]["evidence"], "Friday");
    let y = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[0],
        "--quote",
        "Today, reports are emerging just what he had in mind",
        "--json",
    ])
    .ok()
    .json();
    assert_eq!(y["date"]["value"], "2015-06-03");
    // No expression in the sentence: no guess, the excerpt stays undated.
    let z = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[1],
        "--quote",
        "the regime officially acknowledged the deployment of 7,000 Iranian",
        "--json",
    ])
    .ok()
    .json();
    assert!(z.get("date").is_none(), "{z}");

    let csv = dossier(&["chronology", s(&dir), "--csv"]).ok().stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "date,date_human,summary,excerpts,sources,dependence,dependence_detail,conflicts"
    );
    assert!(lines[1].starts_with("2015-06-03,3 June 2015,"), "{csv}");
    assert!(lines[2].starts_with("2024-12-06,6 December 2024,"), "{csv}");
    dossier(&["chronology", s(&dir), "--csv", "--json"]).fails(1, "cannot be used with");
}
