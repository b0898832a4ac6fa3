//! The seed acceptance of the chronology: the five seed articles of `../shared/seeds`, with the
//! publication dates and attributions an analyst (and the importer) records, and excerpts an
//! analyst would take from them.

use chrono::{DateTime, Utc};
use dossier_chronology::{Chronology, ConflictKind, Dependence, Filter, assemble, to_csv};
use dossier_model::{Attribution, Edtf, Excerpt, Found, Id, Locator, Original, Relation, Source};
use dossier_testkit::{SEED_PUBLISHED, seeds};

fn id(s: &str) -> Id {
    s.parse().expect("valid id")
}

fn edtf(s: &str) -> Edtf {
    s.parse().expect("valid EDTF")
}

fn attribution(reporter: &str, relation: Relation) -> Attribution {
    Attribution {
        reporter: reporter.into(),
        relation,
        evidence: String::new(),
    }
}

/// The seeds as sources, ids `s000` … `s004`, with what the importer finds about who relays whom.
fn sources(test: &str) -> Option<Vec<Source>> {
    let seeds = seeds(test)?;
    let attributions = [
        vec![
            attribution("Reuters", Relation::Via),
            attribution("IRNA", Relation::Quoted),
        ],
        vec![
            attribution("AFP", Relation::Told),
            attribution("As-Safir", Relation::Quoted),
            attribution("ARA News", Relation::Via),
        ],
        vec![
            attribution("New York Times", Relation::Told),
            attribution("NBC News", Relation::Via),
        ],
        vec![attribution("The New York Times", Relation::Reprint)],
        vec![
            attribution("Telegraph", Relation::Reprint),
            attribution("IRNA", Relation::Quoted),
        ],
    ];
    Some(
        seeds
            .into_iter()
            .zip(SEED_PUBLISHED)
            .zip(attributions)
            .map(
                |(((path, bytes), (prefix, published)), attribution)| Source {
                    id: id(&format!("s{prefix}")),
                    title: None,
                    outlet: None,
                    author: None,
                    url: None,
                    published: Some(Found::by_analyst(edtf(published))),
                    dateline: None,
                    language: None,
                    captured_at: DateTime::<Utc>::from_timestamp(1_700_000_000, 0).expect("time"),
                    original: Original {
                        file_name: path.file_name().expect("name").to_string_lossy().into(),
                        media_type: "text/plain".into(),
                        sha256: String::new(),
                        size: bytes.len() as u64,
                    },
                    reliability: Default::default(),
                    reprint_of: None,
                    attribution,
                    tags: Vec::new(),
                    notes: String::new(),
                    removed: Vec::new(),
                    pages: Vec::new(),
                    warnings: Vec::new(),
                    text: String::from_utf8(bytes).expect("seeds are UTF-8"),
                },
            )
            .collect(),
    )
}

/// An excerpt of `quote` (which must be in the source's text) dated `date`.
fn excerpt(sources: &[Source], source: &str, name: &str, quote: &str, date: &str) -> Excerpt {
    let s = sources
        .iter()
        .find(|s| s.id.as_str() == source)
        .expect("source");
    let start = s
        .text
        .find(quote)
        .unwrap_or_else(|| panic!("{quote:?} is not in {source}"));
    Excerpt {
        id: id(name),
        source: s.id.clone(),
        quote: quote.into(),
        locator: Locator {
            start,
            end: start + quote.len(),
            page: None,
        },
        date: Some(Found::by_analyst(edtf(date))),
        reported: None,
        summary: String::new(),
        credibility: Default::default(),
        tags: Vec::new(),
        portion: None,
        note: String::new(),
        translation: None,
        attribution: Default::default(),
        sequence: 0,
    }
}

const PLEDGE: &str = "The Iranian nation and government will remain at the side of the Syrian nation and government until the end of the road";

fn excerpts(s: &[Source]) -> Vec<Excerpt> {
    let mut pledge_004 = excerpt(s, "s004", "pledge-telegraph", PLEDGE, "2015-06-02");
    pledge_004.tags = vec!["actor:Rouhani".parse().expect("tag")];
    vec![
        excerpt(
            s,
            "s000",
            "pledge-reuters",
            &format!("“{PLEDGE},”"),
            "2015-06-02",
        ),
        pledge_004,
        excerpt(
            s,
            "s000",
            "troops-idlib",
            "as many as 20,000 troops are massing for an assault on Idlib province",
            "2015-06-03",
        ),
        excerpt(
            s,
            "s001",
            "deployment-damascus",
            "the regime officially acknowledged the deployment of 7,000 Iranian and Iraqi fighters around Damascus",
            "2015-06",
        ),
        excerpt(
            s,
            "s001",
            "goal-10000",
            "“The goal is to deploy 10,000 Iranian and Iraqi fighters to support the Assad army and its allied militias,”",
            "2015-06",
        ),
        excerpt(
            s,
            "s001",
            "soleimani-surprise",
            "the Iranians prepare a “surprise” along with the Assad regime",
            "2015-06-01/2015-06-04",
        ),
        excerpt(
            s,
            "s002",
            "evacuation-nyt",
            "Iran is starting to evacuate its forces and military personnel",
            "2024-12-06",
        ),
        excerpt(
            s,
            "s003",
            "evacuation-george",
            "On Friday, the country started evacuating its military commanders and personnel",
            "2024-12-06",
        ),
        excerpt(
            s,
            "s004",
            "afghan-2013",
            "Reports of central Asian recruitment date back to 2013",
            "2013",
        ),
    ]
}

fn chronology(test: &str, filter: &Filter) -> Option<Chronology> {
    let s = sources(test)?;
    Some(assemble(&s, &excerpts(&s), filter))
}

#[test]
fn every_2015_entry_comes_before_every_2024_entry() {
    let Some(c) = chronology(
        "every_2015_entry_comes_before_every_2024_entry",
        &Filter::default(),
    ) else {
        return;
    };
    let years: Vec<String> = c
        .entries
        .iter()
        .map(|e| e.date.to_string()[..4].to_string())
        .collect();
    let last_2015 = years
        .iter()
        .rposition(|y| y == "2015")
        .expect("2015 entries");
    let first_2024 = years
        .iter()
        .position(|y| y == "2024")
        .expect("2024 entries");
    assert!(last_2015 < first_2024, "{years:?}");
    assert_eq!(years.first().map(String::as_str), Some("2013"));
    let keys: Vec<_> = c.entries.iter().map(|e| e.date.sort_key()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn rouhanis_pledge_is_one_entry_with_two_citations_of_the_same_story() {
    let Some(c) = chronology("rouhanis_pledge_is_one_entry", &Filter::default()) else {
        return;
    };
    let pledge = c
        .entries
        .iter()
        .find(|e| e.excerpts.iter().any(|x| x.as_str() == "pledge-reuters"))
        .expect("the pledge entry");
    let ids: Vec<&str> = pledge.excerpts.iter().map(Id::as_str).collect();
    assert_eq!(ids, ["pledge-reuters", "pledge-telegraph"]);
    let sources: Vec<&str> = pledge.sources.iter().map(Id::as_str).collect();
    assert_eq!(sources, ["s000", "s004"]);
    assert_eq!(pledge.dependence, Dependence::SameStory);
    assert_eq!(pledge.dependence_detail, "all relay IRNA");
    assert_eq!(pledge.date, edtf("2015-06-02"));
    assert_eq!(pledge.date_human, "2 June 2015");
}

#[test]
fn relaying_what_another_source_reprints_is_a_reprint() {
    let Some(s) = sources("relaying_a_reprint") else {
        return;
    };
    // The same sentence in 002 (told the New York Times) and 003 (a New York Times reprint).
    let quote = "Iran is starting to evacuate its forces and military personnel";
    let mut e = excerpts(&s);
    let mut reprint = e[6].clone();
    reprint.id = id("evacuation-reprint");
    reprint.source = id("s003");
    e.push(reprint);
    let c = assemble(&s, &e, &Filter::default());
    let entry = c
        .entries
        .iter()
        .find(|x| x.summary == quote)
        .expect("the evacuation entry");
    assert_eq!(entry.excerpts.len(), 2);
    assert_eq!(entry.dependence, Dependence::Reprint);
    assert_eq!(entry.dependence_detail, "s003 reprints The New York Times");
}

#[test]
fn differently_worded_reports_stay_separate_entries() {
    let Some(c) = chronology("differently_worded_reports", &Filter::default()) else {
        return;
    };
    let friday: Vec<_> = c
        .entries
        .iter()
        .filter(|e| e.date == edtf("2024-12-06"))
        .collect();
    assert_eq!(friday.len(), 2);
    assert!(friday.iter().all(|e| e.dependence == Dependence::Single));
}

#[test]
fn troop_figures_are_a_conflict() {
    let Some(c) = chronology("troop_figures_are_a_conflict", &Filter::default()) else {
        return;
    };
    let figures: Vec<_> = c
        .conflicts
        .iter()
        .filter(|k| k.kind == ConflictKind::Figures)
        .collect();
    assert_eq!(figures.len(), 1, "{:#?}", c.conflicts);
    let f = figures[0];
    let mut ids: Vec<&str> = f.excerpts.iter().map(Id::as_str).collect();
    ids.sort();
    assert_eq!(ids, ["deployment-damascus", "goal-10000", "troops-idlib"]);
    for value in [
        "7,000",
        "10,000",
        "20,000",
        "“20,000 troops”",
        "“7,000 Iranian and Iraqi fighters”",
    ] {
        assert!(
            f.detail.contains(value),
            "{value} missing from {}",
            f.detail
        );
    }
}

#[test]
fn a_reprint_date_against_the_original_date_is_a_dates_conflict() {
    let Some(s) = sources("reprint_date_conflict") else {
        return;
    };
    let mut e = excerpts(&s);
    // The analyst took 004's page header (the reprint's date) for the pledge.
    e[1].date = Some(Found::by_analyst(edtf("2024-07-16")));
    let c = assemble(&s, &e, &Filter::default());
    let dates: Vec<_> = c
        .conflicts
        .iter()
        .filter(|k| k.kind == ConflictKind::Dates)
        .collect();
    assert_eq!(dates.len(), 1, "{:#?}", c.conflicts);
    let detail = &dates[0].detail;
    assert!(detail.contains("2015-06-02 (pledge-reuters)"), "{detail}");
    assert!(detail.contains("2024-07-16 (pledge-telegraph)"), "{detail}");
    // Both stay in the chronology, side by side.
    let pledges = c
        .entries
        .iter()
        .filter(|x| x.summary.contains("until the end of the road"))
        .count();
    assert_eq!(pledges, 2);
}

#[test]
fn reprints_are_dependent_not_corroboration() {
    let Some(mut s) = sources("reprints_are_dependent") else {
        return;
    };
    s[4].reprint_of = Some(id("s000"));
    s[4].attribution.clear();
    s[0].attribution.clear();
    let c = assemble(&s, &excerpts(&s), &Filter::default());
    let pledge = c
        .entries
        .iter()
        .find(|e| e.excerpts.len() == 2)
        .expect("pledge entry");
    assert_eq!(pledge.dependence, Dependence::Reprint);
    assert_eq!(pledge.dependence_detail, "s004 reprints s000");
    // Without any link, the two outlets corroborate each other.
    s[4].reprint_of = None;
    let c = assemble(&s, &excerpts(&s), &Filter::default());
    let pledge = c
        .entries
        .iter()
        .find(|e| e.excerpts.len() == 2)
        .expect("pledge entry");
    assert_eq!(pledge.dependence, Dependence::Independent);
    assert_eq!(pledge.origin_count, 2);
}

#[test]
fn filters_select_by_overlap_and_tag() {
    let by_date = Filter {
        from: Some(edtf("2015-06-03")),
        to: Some(edtf("2015")),
        tags: Vec::new(),
    };
    let Some(c) = chronology("filters", &by_date) else {
        return;
    };
    let dates: Vec<String> = c.entries.iter().map(|e| e.date.to_string()).collect();
    // "2015-06" and "2015-06-01/2015-06-04" overlap 3 June; 2 June, 2013 and 2024 do not.
    assert_eq!(
        dates,
        ["2015-06-01/2015-06-04", "2015-06", "2015-06", "2015-06-03"]
    );
    let by_tag = Filter {
        tags: vec!["rouhani".parse().expect("tag")],
        ..Filter::default()
    };
    let Some(c) = chronology("filters", &by_tag) else {
        return;
    };
    assert_eq!(c.entries.len(), 1);
    assert_eq!(c.entries[0].excerpts[0].as_str(), "pledge-telegraph");
}

#[test]
fn csv_has_one_row_per_entry() {
    let Some(c) = chronology("csv", &Filter::default()) else {
        return;
    };
    let csv = to_csv(&c);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), c.entries.len() + 1);
    assert_eq!(
        lines[0],
        "date,date_human,summary,excerpts,sources,dependence,dependence_detail,conflicts"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2015-06-02,2 June 2015,")
                && l.contains(
                    ",pledge-reuters pledge-telegraph,s000 s004,same-story,all relay IRNA,"
                )),
        "{csv}"
    );
}
