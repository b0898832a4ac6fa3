//! The seed acceptance of the chronology: the five seed articles of `../shared/seeds`, with the
//! publication dates and attributions an analyst (and the importer) records, and excerpts an
//! analyst would take from them.

use chrono::{DateTime, Utc};
use dossier_chronology::{Chronology, ConflictKind, Dependence, Filter, assemble, to_csv};
use dossier_import::claim;
use dossier_model::{
    ANALYST, Attribution, Edtf, Excerpt, Found, Id, Locator, Original, Outlets, Relation, Source,
};
use dossier_testkit::{SEED_PUBLISHED, seeds};

fn id(s: &str) -> Id {
    s.parse().expect("valid id")
}

fn edtf(s: &str) -> Edtf {
    s.parse().expect("valid EDTF")
}

/// The seeds as the importer makes them, ids `s000` … `s004`, with the publication dates an
/// analyst sets, and 003 marked (as the analyst does) a reprint of The New York Times.
fn sources(test: &str) -> Option<Vec<Source>> {
    let seeds = seeds(test)?;
    Some(
        seeds
            .into_iter()
            .zip(SEED_PUBLISHED)
            .map(|((path, bytes), (prefix, published))| {
                let name = path
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .to_string();
                let x = dossier_import::extract(&bytes, &name).expect("seeds import");
                let mut attribution = x.attribution;
                if prefix == "003" {
                    attribution.insert(
                        0,
                        Attribution {
                            reporter: "The New York Times".into(),
                            relation: Relation::Reprint,
                            evidence: ANALYST.into(),
                        },
                    );
                }
                Source {
                    id: id(&format!("s{prefix}")),
                    title: x.title,
                    outlet: x.outlet,
                    author: x.author,
                    url: x.url,
                    published: Some(Found::by_analyst(edtf(published))),
                    dateline: x.dateline,
                    language: x.language,
                    captured_at: DateTime::<Utc>::from_timestamp(1_700_000_000, 0).expect("time"),
                    original: Original {
                        file_name: name,
                        media_type: x.media_type,
                        sha256: String::new(),
                        size: bytes.len() as u64,
                    },
                    reliability: Default::default(),
                    reprint_of: None,
                    attribution,
                    tags: Vec::new(),
                    notes: String::new(),
                    removed: x.removed,
                    pages: Vec::new(),
                    warnings: Vec::new(),
                    text: x.text,
                }
            })
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
    let outlets = Outlets::builtin();
    let cx = claim::Context {
        text: &s.text,
        outlet: s.outlet_name(),
        chain: &s.attribution,
        outlets: &outlets,
    };
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
        attribution: claim::attribute(&cx, start, start + quote.len()),
        sequence: 0,
        event: None,
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
    let pledge = entry_of(&c, "pledge-reuters");
    let ids: Vec<&str> = pledge.excerpts.iter().map(Id::as_str).collect();
    assert_eq!(ids, ["pledge-reuters", "pledge-telegraph"]);
    let sources: Vec<&str> = pledge.sources.iter().map(Id::as_str).collect();
    assert_eq!(sources, ["s000", "s004"]);
    // Both quote IRNA: one origin, relayed (the Telegraph reprint is a relay of IRNA too).
    assert_eq!(pledge.dependence, Dependence::SameStory);
    assert_eq!(pledge.origins, ["IRNA"]);
    assert_eq!(pledge.origin_count, 1);
    assert!(
        pledge.dependence_detail.starts_with("one origin: IRNA"),
        "{}",
        pledge.dependence_detail
    );
    assert_eq!(pledge.date, edtf("2015-06-02"));
    assert_eq!(pledge.date_human, "2 June 2015");
}

fn entry_of<'c>(c: &'c Chronology, excerpt: &str) -> &'c dossier_chronology::Entry {
    c.entries
        .iter()
        .find(|e| e.excerpts.iter().any(|x| x.as_str() == excerpt))
        .unwrap_or_else(|| panic!("no entry holds {excerpt}"))
}

#[test]
fn the_friday_evacuation_is_one_story_from_the_new_york_times() {
    let Some(c) = chronology("the_friday_evacuation", &Filter::default()) else {
        return;
    };
    // 002 quotes what Rahmati told the Times; 003 is the Times article reprinted: worded
    // differently, one event, one origin.
    let friday = entry_of(&c, "evacuation-nyt");
    let ids: Vec<&str> = friday.excerpts.iter().map(Id::as_str).collect();
    assert_eq!(ids, ["evacuation-george", "evacuation-nyt"]);
    assert_eq!(friday.dependence, Dependence::SameStory);
    assert_eq!(friday.origins, ["The New York Times"]);
}

#[test]
fn the_idlib_figures_agree_and_damascus_is_another_place() {
    let Some(s) = sources("idlib_figures") else {
        return;
    };
    let mut e = excerpts(&s);
    e.push(excerpt(
        &s,
        "s001",
        "troops-idlib-as-safir",
        "more than 20,000 Shiite fighters from Iran, Iraq and Lebanon",
        "2015-06",
    ));
    let c = assemble(&s, &e, &Filter::default());
    let together = |a: &str, b: &str| {
        c.conflicts.iter().any(|k| {
            k.excerpts.iter().any(|x| x.as_str() == a) && k.excerpts.iter().any(|x| x.as_str() == b)
        })
    };
    // 7,000 around Damascus against 20,000 near Idlib: two places.
    assert!(
        !together("deployment-damascus", "troops-idlib"),
        "{:#?}",
        c.conflicts
    );
    // A goal is not a count.
    assert!(
        c.conflicts
            .iter()
            .all(|k| !k.excerpts.iter().any(|x| x.as_str() == "goal-10000"))
    );
    // The two 20,000 agree.
    assert!(
        !together("troops-idlib", "troops-idlib-as-safir"),
        "{:#?}",
        c.conflicts
    );
    // No raw id in what a reader sees.
    for k in &c.conflicts {
        assert!(!k.detail.contains("troops-idlib"), "{}", k.detail);
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
    assert!(detail.contains("2015-06-02 ("), "{detail}");
    assert!(detail.contains("2024-07-16 ("), "{detail}");
    assert!(!detail.contains("pledge-"), "{detail}");
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
    // Without a claim-level attribution, the origin is the source's outlet, or the
    // original's when the source is marked as its reprint.
    let bare = |s: &[Source]| {
        let mut e = excerpts(s);
        for x in &mut e {
            x.attribution = Default::default();
        }
        e
    };
    s[4].reprint_of = Some(id("s000"));
    s[4].attribution.clear();
    let c = assemble(&s, &bare(&s), &Filter::default());
    let pledge = entry_of(&c, "pledge-reuters");
    assert_eq!(pledge.dependence, Dependence::Reprint);
    assert_eq!(pledge.origin_count, 1);
    // Without any link, the two outlets corroborate each other.
    s[4].reprint_of = None;
    let c = assemble(&s, &bare(&s), &Filter::default());
    let pledge = entry_of(&c, "pledge-reuters");
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
    // The entry that cites the tagged excerpt, whole: a filter never regroups.
    assert_eq!(c.entries.len(), 1);
    let cited: Vec<&str> = c.entries[0].excerpts.iter().map(|x| x.as_str()).collect();
    assert!(cited.contains(&"pledge-telegraph"), "{cited:?}");
    let all = chronology("filters", &Filter::default()).expect("seeds");
    assert!(all.entries.contains(&c.entries[0]));
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
                    ",pledge-reuters pledge-telegraph,s000 s004,same-story,\"one origin: IRNA"
                )),
        "{csv}"
    );
}
