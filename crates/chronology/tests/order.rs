//! How a chronology reads: entries whose day is not known grouped at the start of their month,
//! and filters that select entries without changing how events are grouped.

mod common;

use dossier_chronology::{Chronology, Filter, assemble};
use dossier_model::{Edtf, Excerpt, Source};

fn excerpt(id: &str, source: usize, quote: &str, date: &str) -> Excerpt {
    common::excerpt(id, source, quote, date.parse::<Edtf>().expect("date"))
}

fn source(i: usize) -> Source {
    common::source(i, &format!("Outlet {i}"))
}

/// Each entry as "date_human [group]".
fn read(c: &Chronology) -> Vec<String> {
    c.entries
        .iter()
        .map(|e| {
            if e.group.is_empty() {
                e.date_human.clone()
            } else {
                format!("{} [{}]", e.date_human, e.group)
            }
        })
        .collect()
}

/// Quotes that share nothing, so that every excerpt is an entry of its own.
const DISTINCT: [&str; 8] = [
    "the ferry to Orrin sank near the north jetty",
    "grain prices in Varel rose for a third week",
    "some 400 troops arrived on the night train",
    "the council of Lesk voted to close the bridge",
    "a storm flooded the lower town of Dunmere",
    "the mayor of Pellan resigned after the audit",
    "fishermen blocked the harbour mouth at dawn",
    "the mine at Kessel reopened under new owners",
];

#[test]
fn entries_whose_day_is_not_known_come_first_in_their_month() {
    let dates = [
        "2015-06-02",
        "2015-06-01",
        "2015-06",
        "2015-06-01/2015-06-04",
        "2015-06-02~",
        "2015-07-01",
        "2015",
        "2015-05-30/2015-06-02",
    ];
    let sources: Vec<Source> = (0..8).map(source).collect();
    let excerpts: Vec<Excerpt> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| excerpt(&format!("x{i}"), i, DISTINCT[i], d))
        .collect();
    let c = assemble(&sources, &excerpts, &Filter::default());
    assert_eq!(
        read(&c),
        [
            "2015",
            "30 May – 2 June 2015 [May 2015 (day not known)]",
            "1–4 June 2015 [June 2015 (day not known)]",
            "June 2015 [June 2015 (day not known)]",
            "c. 2 June 2015 [June 2015 (day not known)]",
            "1 June 2015",
            "2 June 2015",
            "1 July 2015",
        ]
    );
}

/// Regression: `--from 2015-06-02 --to 2015-06-02` grouped only the excerpts it kept, so one
/// remark was "1–3 June 2015, single" filtered and "1 June 2015, same-story, 2 excerpts"
/// unfiltered.
#[test]
fn regression_a_date_filter_regrouped_events() {
    let sources: Vec<Source> = (0..3).map(source).collect();
    let remark = "the general promised a surprise for the coming days in the north";
    let excerpts = [
        excerpt("a", 0, remark, "2015-06-01"),
        excerpt("b", 1, remark, "2015-06-01/2015-06-03"),
        excerpt("c", 2, DISTINCT[0], "2015-06-02"),
    ];
    let all = assemble(&sources, &excerpts, &Filter::default());
    let remark_entry = all
        .entries
        .iter()
        .find(|e| e.excerpts.iter().any(|x| x.as_str() == "a"))
        .expect("the remark");
    assert_eq!(remark_entry.excerpts.len(), 2, "{all:?}");

    let day = |d: &str| Filter {
        from: Some(d.parse().expect("date")),
        to: Some(d.parse().expect("date")),
        tags: Vec::new(),
    };
    // The remark is an entry of 1 June: a filter of 2 June leaves it out, whole.
    let second = assemble(&sources, &excerpts, &day("2015-06-02"));
    let ids: Vec<Vec<&str>> = second
        .entries
        .iter()
        .map(|e| e.excerpts.iter().map(|x| x.as_str()).collect())
        .collect();
    assert_eq!(ids, [vec!["c"]]);
    // A filter of 1 June keeps it as the unfiltered chronology has it.
    let first = assemble(&sources, &excerpts, &day("2015-06-01"));
    assert_eq!(first.entries.len(), 1);
    assert_eq!(&first.entries[0], remark_entry);
}
