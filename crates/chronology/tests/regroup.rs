//! The analyst's grouping (`Excerpt::event`) against the automatic one: a split stays split,
//! a join stays joined, and no rule bridges two of the analyst's events.

mod common;

use chrono::NaiveDate;
use dossier_chronology::{Chronology, Filter, assemble};
use dossier_model::{Edtf, Excerpt, Source};

const SANK: &str = "the ferry to Orrin sank near the north jetty with 40 people aboard";
const SANK_AGAIN: &str = "the ferry to Orrin sank near the north jetty with forty people aboard";
const GRAIN: &str = "grain prices in Varel rose for a third week";

fn source(i: usize) -> Source {
    common::source(i, &format!("Outlet {i}"))
}

/// Excerpt `x{n}` from source `s{n}` on 3 May 2022.
fn excerpt(n: usize, quote: &str, event: Option<&str>) -> Excerpt {
    let day = Edtf::day(NaiveDate::from_ymd_opt(2022, 5, 3).expect("date")).expect("day");
    let mut x = common::excerpt(&format!("x{n}"), n, quote, day);
    x.event = event.map(String::from);
    x
}

/// The chronology's entries as lists of excerpt ids, each with whether the analyst grouped it.
fn check(excerpts: &[Excerpt], expected: &[(&[&str], bool)]) -> Chronology {
    let sources: Vec<Source> = (0..excerpts.len()).map(source).collect();
    let c = assemble(&sources, excerpts, &Filter::default());
    let got: Vec<(Vec<String>, bool)> = c
        .entries
        .iter()
        .map(|e| {
            (
                e.excerpts.iter().map(ToString::to_string).collect(),
                e.grouped_by_analyst,
            )
        })
        .collect();
    let expected: Vec<(Vec<String>, bool)> = expected
        .iter()
        .map(|(ids, by)| (ids.iter().map(ToString::to_string).collect(), *by))
        .collect();
    assert_eq!(got, expected);
    c
}

#[test]
fn without_keys_the_same_statement_is_one_entry() {
    check(
        &[excerpt(0, SANK, None), excerpt(1, SANK_AGAIN, None)],
        &[(&["x0", "x1"], false)],
    );
}

#[test]
fn a_split_stays_split_and_is_not_offered_again() {
    let c = check(
        &[
            excerpt(0, SANK, Some("x0")),
            excerpt(1, SANK_AGAIN, Some("x1")),
        ],
        &[(&["x0"], true), (&["x1"], true)],
    );
    assert!(c.offered.is_empty(), "offered again: {:?}", c.offered);
}

#[test]
fn a_join_stays_joined_whatever_the_words() {
    check(
        &[excerpt(0, SANK, Some("k")), excerpt(1, GRAIN, Some("k"))],
        &[(&["x0", "x1"], true)],
    );
}

#[test]
fn an_unkeyed_excerpt_joins_one_analyst_event_but_never_bridges_two() {
    // x2 says what x0 and x1 say; the analyst split x0 from x1: x2 joins the first it
    // matches and the split holds.
    check(
        &[
            excerpt(0, SANK, Some("a")),
            excerpt(1, SANK_AGAIN, Some("b")),
            excerpt(2, SANK, None),
        ],
        &[(&["x0", "x2"], true), (&["x1"], true)],
    );
}
