//! Issue 4's acceptance on the seeds, through the real pipeline: import, the analyst's
//! publication dates, suggestions, excerpts dated from their sentences, the chronology.

mod common;

use common::{dossier, s};

#[test]
fn seeds_give_an_honest_chronology() {
    let Some((_tmp, dir, ids)) = common::seed_project("seeds_give_an_honest_chronology") else {
        return;
    };

    let suggestions = dossier(&["suggest", s(&dir), "--json"]).ok().json();
    let dated = |needle: &str, date: &str| {
        suggestions
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["sentence"].as_str().unwrap().contains(needle) && x["date"] == date)
    };
    assert!(
        dated("until the end of the road", "2015-06-02"),
        "Rouhani's pledge is suggested, dated 2 June 2015"
    );
    assert!(
        dated("started evacuating", "2024-12-06"),
        "the evacuation is suggested, dated 6 December 2024"
    );

    // Excerpts without --date take the date of their sentence.
    let pledge =
        "will remain at the side of the Syrian nation and government until the end of the road";
    for source in [&ids[0], &ids[4]] {
        let x = dossier(&[
            "excerpt",
            "add",
            s(&dir),
            "--source",
            source,
            "--quote",
            pledge,
            "--json",
        ])
        .ok()
        .json();
        assert_eq!(x["date"]["value"], "2015-06-02", "{x}");
        assert!(
            x["date"]["provenance"]
                .as_str()
                .unwrap()
                .starts_with("dates:"),
            "{x}"
        );
    }
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[0],
        "--quote",
        "as many as 20,000 troops are massing",
        "--date",
        "2015-06",
    ])
    .ok();
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[1],
        "--quote",
        "the deployment of 7,000 Iranian and Iraqi fighters around Damascus",
        "--date",
        "2015-06",
    ])
    .ok();
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[3],
        "--quote",
        "the country started evacuating its military commanders",
    ])
    .ok();
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[2],
        "--quote",
        "Iran is starting to evacuate its forces and military personnel",
        "--date",
        "2024-12-06",
    ])
    .ok();

    let c = dossier(&["chronology", s(&dir), "--json"]).ok().json();
    let entries = c["entries"].as_array().unwrap();
    let years: Vec<&str> = entries
        .iter()
        .map(|e| &e["date"].as_str().unwrap()[..4])
        .collect();
    let last_2015 = years.iter().rposition(|y| *y == "2015").unwrap();
    let first_2024 = years.iter().position(|y| *y == "2024").unwrap();
    assert!(
        last_2015 < first_2024,
        "every 2015 entry before every 2024 entry: {years:?}"
    );

    let rouhani = entries
        .iter()
        .find(|e| e["summary"].as_str().unwrap().contains("end of the road"))
        .unwrap();
    assert_eq!(
        rouhani["excerpts"].as_array().unwrap().len(),
        2,
        "one entry, two citations: {rouhani}"
    );
    assert_eq!(
        rouhani["dependence"], "same-story",
        "both relay IRNA: {rouhani}"
    );

    assert_eq!(rouhani["origins"], serde_json::json!(["IRNA"]), "{rouhani}");

    // Issue 14: 7,000 around Damascus and 20,000 near Idlib are two places, not a conflict.
    let mixed = c["conflicts"].as_array().unwrap().iter().find(|x| {
        let d = x["detail"].as_str().unwrap_or("");
        x["kind"] == "figures" && d.contains("20,000") && d.contains("7,000")
    });
    assert!(mixed.is_none(), "{mixed:?}");
}
