//! `chronology join|split|reset`: the analyst regroups events; the choice is kept in the
//! excerpt files, survives re-opening and re-import, and no automatic rule undoes it.

mod common;

use common::{dossier, import_text, new_project, s};

const HERALD: &str = "Ferry lost off Orrin\n\nThe Harbour Herald\n\nThe ferry to Orrin sank near \
the north jetty on 3 May 2022 with 40 people aboard, the coastguard said.\n\nGrain prices in Varel \
rose for a third week on 3 May 2022.\n\nCrews searched the water.\n";
const WIRE: &str = "Orrin ferry sinks\n\nPellan Wire\n\nOn 3 May 2022 the ferry to Orrin sank near \
the north jetty with forty people aboard.\n";

fn add(dir: &std::path::Path, source: &str, quote: &str) -> String {
    dossier(&[
        "excerpt",
        "add",
        s(dir),
        "--source",
        source,
        "--quote",
        quote,
        "--date",
        "2022-05-03",
        "--json",
    ])
    .ok()
    .json()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The chronology's entries as sorted lists of excerpt ids.
fn entries(dir: &std::path::Path) -> Vec<Vec<String>> {
    let c = dossier(&["chronology", s(dir), "--json"]).ok().json();
    let mut got: Vec<Vec<String>> = c["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut ids: Vec<String> = e["excerpts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    got.sort();
    got
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn split_join_and_reset_regroup_events_and_persist() {
    let (tmp, dir) = new_project();
    let herald = import_text(&dir, "herald.txt", HERALD);
    let wire = import_text(&dir, "wire.txt", WIRE);
    let sank = add(
        &dir,
        &herald,
        "The ferry to Orrin sank near the north jetty",
    );
    let grain = add(&dir, &herald, "Grain prices in Varel rose for a third week");
    let sank_wire = add(&dir, &wire, "the ferry to Orrin sank near the north jetty");
    // Automatically: the two reports of the sinking are one event.
    let mut auto = vec![
        sorted(vec![sank.clone(), sank_wire.clone()]),
        vec![grain.clone()],
    ];
    auto.sort();
    assert_eq!(entries(&dir), auto);

    // Split: three entries, and the wire report is not offered back.
    dossier(&["chronology", "split", s(&dir), &sank_wire])
        .ok()
        .stdout
        .contains("an event of its own")
        .then_some(())
        .expect("split says what it did");
    let mut three = vec![
        vec![sank.clone()],
        vec![grain.clone()],
        vec![sank_wire.clone()],
    ];
    three.sort();
    assert_eq!(entries(&dir), three);
    let x = dossier(&["excerpt", "show", s(&dir), &sank_wire, "--json"])
        .ok()
        .json();
    assert_eq!(
        x["event"],
        sank_wire.as_str(),
        "the split is in the excerpt: {x}"
    );

    // Re-importing a source changes nothing of the analyst's grouping.
    let again = tmp.path().join("wire-again.txt");
    std::fs::write(&again, WIRE).unwrap();
    dossier(&["import", s(&dir), s(&again)]).ok();
    assert_eq!(entries(&dir), three);

    // Join: the sinking and the grain prices, unlike as they are, are one event.
    let out = dossier(&["chronology", "join", s(&dir), &sank, &grain])
        .ok()
        .stdout;
    assert!(out.contains("one event now"), "{out}");
    let mut two = vec![
        sorted(vec![sank.clone(), grain.clone()]),
        vec![sank_wire.clone()],
    ];
    two.sort();
    assert_eq!(entries(&dir), two);
    let c = dossier(&["chronology", s(&dir), "--json"]).ok().json();
    assert!(
        c["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["grouped_by_analyst"] == true),
        "{c}"
    );

    // Reset: the automatic grouping again.
    dossier(&["chronology", "reset", s(&dir), &sank, &grain, &sank_wire]).ok();
    assert_eq!(entries(&dir), auto);
    dossier(&["validate", s(&dir)]).ok();
}

#[test]
fn regrouping_names_what_is_wrong() {
    let (_tmp, dir) = new_project();
    let herald = import_text(&dir, "herald.txt", HERALD);
    let sank = add(
        &dir,
        &herald,
        "The ferry to Orrin sank near the north jetty",
    );
    dossier(&["chronology", "join", s(&dir), &sank]).fails(1, "at least two excerpts");
    dossier(&["chronology", "split", s(&dir), "no-such-excerpt-0000"])
        .fails(1, "dossier excerpt list");
    let undated = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &herald,
        "--quote",
        "Crews searched the water",
        "--json",
    ])
    .ok()
    .json();
    assert!(undated.get("date").is_none(), "{undated}");
    let undated = undated["id"].as_str().unwrap();
    dossier(&["chronology", "join", s(&dir), &sank, undated]).fails(1, "--date YYYY-MM-DD");
}
