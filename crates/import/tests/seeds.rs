//! The five seed articles in `../shared/seeds`: boilerplate gone, article kept, metadata honest.

use dossier_import::{Extraction, extract};

/// Boilerplate the seeds README lists; none of it may survive cleaning.
const BOILERPLATE: [&str; 18] = [
    "Features Icon",
    "show comments",
    "©",
    "Leave a comment",
    "7 − 2 =",
    "Advertisement",
    "enable JavaScript",
    "Repowering by",
    "Short link",
    "follow us on Twitter",
    "Leave a Reply",
    "Required fields are marked",
    "Time limit is exhausted",
    "Content is protected",
    "verify access",
    "Already a subscriber",
    "Join the conversation",
    "Trending on",
];

fn seeds() -> Option<Vec<(String, String, Extraction)>> {
    let seeds = dossier_testkit::seeds("import seeds")?;
    assert_eq!(seeds.len(), 5, "five seeds");
    Some(
        seeds
            .into_iter()
            .map(|(path, bytes)| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let x = extract(&bytes, &name).unwrap_or_else(|e| panic!("{name}: {e}"));
                (name, String::from_utf8(bytes).unwrap(), x)
            })
            .collect(),
    )
}

#[test]
fn boilerplate_is_gone() {
    let Some(seeds) = seeds() else { return };
    for (name, _, x) in &seeds {
        for b in BOILERPLATE {
            assert!(!x.text.contains(b), "{name}: {b:?} survived:\n{}", x.text);
        }
    }
}

/// The debris lines of each seed (1-based): the README's boilerplate plus masthead lines, a
/// repeated title and a page-header date. Everything else is the article.
const DEBRIS: [&[usize]; 5] = [
    &[19, 20, 21],
    &[5, 30, 34, 35, 37, 39],
    &[9, 23, 41, 47, 49, 51, 53, 54],
    &[3, 17, 19, 22, 25, 27, 29, 31, 33, 35],
    &[1, 3, 5, 6, 8, 50, 52, 54, 56],
];

/// Every other line of a seed survives, verbatim.
#[test]
fn every_article_paragraph_is_kept() {
    let Some(seeds) = seeds() else { return };
    for ((name, original, x), debris) in seeds.iter().zip(DEBRIS) {
        for (i, line) in original.lines().enumerate() {
            if !line.trim().is_empty() && !debris.contains(&(i + 1)) {
                assert!(
                    x.text.contains(line.trim()),
                    "{name}: lost line {}: {line:?}",
                    i + 1
                );
            }
        }
    }
}

/// What is removed, exactly: nothing more, nothing less, with its text and a reason.
#[test]
fn removed_lines_are_exactly_the_debris() {
    let Some(seeds) = seeds() else { return };
    for ((name, original, x), want) in seeds.iter().zip(DEBRIS) {
        let got: Vec<usize> = x.removed.iter().map(|r| r.line).collect();
        assert_eq!(got, want, "{name}: {:#?}", x.removed);
        let lines: Vec<&str> = original.lines().collect();
        for r in &x.removed {
            assert_eq!(
                r.text,
                lines[r.line - 1].trim(),
                "{name}: evidence kept verbatim"
            );
            assert!(!r.reason.is_empty());
        }
    }
}

#[test]
fn titles_are_found() {
    let Some(seeds) = seeds() else { return };
    let titles = [
        "Iran Vows to Back Assad “Until the End”",
        "Iran will save Assad",
        "Iran Withdrawing From Syria Signals That Assad's Days in Power May Be Numbered",
        "As Assad’s Regime in Syria Needs Help, Iran Exits",
        "Iran promises to back Assad ‘until the end of the road’",
    ];
    for ((name, _, x), want) in seeds.iter().zip(titles) {
        let title = x
            .title
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no title"));
        assert_eq!(title.value, want, "{name}");
        assert!(title.confidence > 0.5, "{name}");
    }
}

#[test]
fn copyright_range_is_not_a_date_and_page_header_date_is_unsure() {
    let Some(seeds) = seeds() else { return };
    let published: Vec<Option<(String, f64, String)>> = seeds
        .iter()
        .map(|(_, _, x)| {
            x.published
                .as_ref()
                .map(|p| (p.value.to_string(), p.confidence, p.provenance.clone()))
        })
        .collect();
    // 000: "© The American Interest LLC 2005-2017" is a footer, never a publication date.
    assert_eq!(published[0], None);
    // Four of five carry no explicit date: unknown stays unknown.
    assert_eq!(published[1..4], [None, None, None]);
    // 004: "Tuesday 16 July 2024" heads the page: the page's date, with low confidence.
    let (value, confidence, rule) = published[4].clone().expect("004 has a page date");
    assert_eq!(value, "2024-07-16");
    assert!(confidence < 0.5, "{confidence}");
    assert_eq!(rule, "text:page-header-date");
}

#[test]
fn outlets_bylines_datelines_and_attribution() {
    let Some(seeds) = seeds() else { return };
    let value = |f: &Option<dossier_model::Found<String>>| f.as_ref().map(|f| f.value.clone());
    let outlets: Vec<Option<String>> = seeds.iter().map(|(_, _, x)| value(&x.outlet)).collect();
    assert_eq!(
        outlets,
        [
            Some("The American Interest".into()),
            Some("ARA News".into()),
            // 002 names its site only in its promotion block ("Trending on PJ Media …").
            Some("PJ Media".into()),
            Some("george magazine".into()),
            Some("Araz News".into()),
        ]
    );
    assert_eq!(
        value(&seeds[4].2.author).as_deref(),
        Some("Louise Loveluck")
    );
    assert_eq!(
        value(&seeds[1].2.dateline).as_deref(),
        Some("Qamishli, Syria")
    );

    use dossier_model::Relation::*;
    let chains: Vec<Vec<(String, dossier_model::Relation)>> = seeds
        .iter()
        .map(|(_, _, x)| {
            x.attribution
                .iter()
                .map(|a| (a.reporter.clone(), a.relation))
                .collect()
        })
        .collect();
    let has = |i: usize, who: &str, rel| chains[i].contains(&(who.to_string(), rel));
    assert!(has(0, "Reuters", Via), "{:?}", chains[0]);
    assert!(has(0, "IRNA", Quoted), "{:?}", chains[0]);
    assert!(
        has(1, "As-Safir", Quoted) && has(1, "AFP", Told),
        "{:?}",
        chains[1]
    );
    // Regression (issue 14): 001 listed its own outlet, ARA News, as relaying itself.
    assert!(
        chains[1].iter().all(|(who, _)| who != "ARA News"),
        "{:?}",
        chains[1]
    );
    assert!(
        has(2, "New York Times", Told) && has(2, "NBC News", Via),
        "{:?}",
        chains[2]
    );
    // Regression (issue 14): the photo credit "Office of the Iranian Supreme Leader via AP"
    // made AP a relay of 002.
    assert!(
        chains[2].iter().all(|(who, _)| who != "AP"),
        "{:?}",
        chains[2]
    );
    // Regression (issue 14): "Telegraph (via)" and "telegraph (reprint)" were two reporters.
    assert_eq!(
        chains[4]
            .iter()
            .filter(|(who, _)| who.eq_ignore_ascii_case("telegraph"))
            .collect::<Vec<_>>(),
        [&("Telegraph".to_string(), Reprint)],
        "{:?}",
        chains[4]
    );
    for x in seeds.iter().map(|s| &s.2) {
        assert!(x.attribution.iter().all(|a| !a.evidence.is_empty()));
    }
}

/// 000 and 004 both carry Rouhani's pledge, but they are two articles, not a reprint.
#[test]
fn shared_quotes_are_not_reprints() {
    let Some(seeds) = seeds() else { return };
    let fp = |i: usize| dossier_import::Fingerprint::of(&seeds[i].2.text);
    let sim = fp(0).similarity(&fp(4));
    assert!(sim < dossier_import::PROBABLE_REPRINT, "{sim}");
    assert!(sim > 0.0, "they do share a quoted paragraph: {sim}");
}
