//! Property: an entry's dependence is derived from the origins it prints. One excerpt is
//! single; two or more with one origin are never independent; two or more origins always are.
//! (Regression: an entry printed origins ["KSN"] with dependence independent, because the full
//! name and the acronym counted as two origins for the dependence but one for the reader.)

mod common;

use chrono::NaiveDate;
use dossier_chronology::{Dependence, Filter, assemble};
use dossier_model::{ClaimAttribution, Edtf, Excerpt, Found, Locator, Source, outlet};
use proptest::prelude::*;

const OUTLETS: [&str; 4] = [
    "Harbour Herald",
    "Pellan Wire",
    "Kessel Times",
    "Dune Radio",
];
const ORIGINS: [Option<&str>; 6] = [
    None,
    Some("KBA"),
    Some("Kessel Broadcast Agency"),
    Some("Harbour Herald"),
    Some("The Harbour Herald"),
    Some("Pellan Wire"),
];
const QUOTES: [&str; 4] = [
    "the ferry to Orrin sank near the north jetty with 40 people aboard",
    "the ferry to Orrin sank near the north jetty with forty people aboard",
    "grain prices in Varel rose for a third week",
    "some 400 troops arrived in Varel on the night train",
];

fn source(i: usize) -> Source {
    common::source(i, OUTLETS[i % OUTLETS.len()])
}

fn excerpt(n: usize, (src, quote, day, origin): (usize, usize, u32, usize)) -> Excerpt {
    let date = Edtf::day(NaiveDate::from_ymd_opt(2022, 5, 1 + day).expect("date")).expect("day");
    let mut x = common::excerpt(&format!("x{n}"), src, QUOTES[quote], date);
    x.attribution = ClaimAttribution {
        origin: ORIGINS[origin].map(|o| Found::by_rule(o.to_string(), "test", 0.8)),
        ..Default::default()
    };
    x.sequence = n as u32;
    x
}

proptest! {
    #[test]
    fn dependence_agrees_with_the_origins_printed(
        picks in prop::collection::vec((0..5usize, 0..QUOTES.len(), 0..2u32, 0..ORIGINS.len()), 1..14)
    ) {
        let sources: Vec<Source> = (0..5).map(source).collect();
        let excerpts: Vec<Excerpt> = picks.into_iter().enumerate().map(|(n, p)| excerpt(n, p)).collect();
        let c = assemble(&sources, &excerpts, &Filter::default());
        for e in &c.entries {
            let keys: Vec<String> = e.origins.iter().map(|o| outlet::key(o)).collect();
            let mut distinct = keys.clone();
            distinct.sort();
            distinct.dedup();
            prop_assert_eq!(distinct.len(), keys.len(), "origins repeat: {:?}", e.origins);
            prop_assert_eq!(e.origin_count, e.origins.len());
            prop_assert!(!e.origins.is_empty());
            match e.dependence {
                Dependence::Single => prop_assert_eq!(e.excerpts.len(), 1),
                Dependence::Independent => {
                    prop_assert!(e.excerpts.len() > 1 && e.origins.len() > 1, "{:?}", e)
                }
                Dependence::SameStory | Dependence::Reprint => {
                    prop_assert!(e.excerpts.len() > 1 && e.origins.len() == 1, "{:?}", e)
                }
            }
        }
    }
}

/// Regression: "Kessel Broadcast Agency" in one text and "KBA" in another were two origins
/// (independent) though the reader sees one agency.
#[test]
fn a_full_name_and_its_acronym_are_one_origin() {
    let sources: Vec<Source> = (0..2).map(source).collect();
    let excerpts = [excerpt(0, (0, 0, 0, 1)), excerpt(1, (1, 1, 0, 2))];
    let c = assemble(&sources, &excerpts, &Filter::default());
    assert_eq!(c.entries.len(), 1, "{:?}", c.entries);
    assert_eq!(c.entries[0].origins, ["KBA"]);
    assert_eq!(c.entries[0].dependence, Dependence::SameStory);
}

/// Two correspondents' words for one fire share only the dateline's town and the mill; a count
/// "there" is at the shelter the sentence named; both disagree with the other outlet's count.
#[test]
fn dateline_places_and_a_count_there() {
    let texts = [
        "Pellan Wire\n\nORRIN, May 2 (PW) - A Pellan Wire reporter saw smoke pour from the mill roof.\n\nVolunteers at the Tarn shelter said some 900 people slept there on Monday night.\n",
        "Kessel Times\n\nORRIN - Our correspondent watched the mill burn for two hours.\n\nThe council said 300 people had arrived at the Tarn shelter by Monday night.\n",
    ];
    let sources: Vec<Source> = (0..2)
        .map(|i| Source {
            text: texts[i].to_string(),
            ..source(i + 1)
        })
        .collect();
    let quotes = [
        (0, "saw smoke pour from the mill roof"),
        (1, "watched the mill burn for two hours"),
        (0, "some 900 people slept there on Monday night"),
        (
            1,
            "300 people had arrived at the Tarn shelter by Monday night",
        ),
    ];
    let excerpts: Vec<Excerpt> = quotes
        .iter()
        .enumerate()
        .map(|(n, &(s, q))| {
            let start = texts[s].find(q).expect("quote in text");
            Excerpt {
                quote: q.to_string(),
                locator: Locator {
                    start,
                    end: start + q.len(),
                    page: None,
                },
                ..excerpt(n, (s + 1, 0, 0, 0))
            }
        })
        .collect();
    let c = assemble(&sources, &excerpts, &Filter::default());
    let entry_of = |x: &str| {
        c.entries
            .iter()
            .position(|e| e.excerpts.iter().any(|i| i.as_str() == x))
            .expect("in an entry")
    };
    assert_eq!(entry_of("x0"), entry_of("x1"), "{:#?}", c.entries);
    assert_eq!(
        c.entries[entry_of("x0")].dependence,
        Dependence::Independent
    );
    assert_eq!(c.conflicts.len(), 1, "{:#?}", c.conflicts);
    let ids: Vec<&str> = c.conflicts[0].excerpts.iter().map(|i| i.as_str()).collect();
    assert_eq!(ids, ["x2", "x3"]);
}
