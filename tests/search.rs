//! Search over a small project of made-up articles: ranking, phrases, stems, name variants,
//! field filters, folding, the index kept under `.dossier/` and brought up to date.

use std::path::Path;

use chrono::{DateTime, Utc};
use dossier::model::{Id, ProjectConfig};
use dossier::search::{HitKind, Results};
use dossier::{ExcerptDraft, Project, World};
use proptest::prelude::*;

fn world() -> World {
    World::new(DateTime::<Utc>::from_timestamp(1_795_262_400, 0).unwrap())
}

/// Articles of our own: a name spelled two ways, a phrase and its words apart, stems, Persian.
const ARTICLES: [(&str, &str); 6] = [
    (
        "road.txt",
        "Allies pledge support to the end of the road\n\nBy Jane Roe\n\nThe Pellan Post\n\n\
         Published 3 June 2015\n\nThe ministers said they would stand by Port Alder until the \
         end of the road. General Qassem Soleimani visited the front.\n",
    ),
    (
        "apart.txt",
        "The road to the harbour\n\nThe Harbour Gazette\n\nPublished 9 June 2015\n\nAt the end \
         of the week the road was closed. Of the ships, the last sailed.\n",
    ),
    (
        "evacuate.txt",
        "Crews begin to leave\n\nThe Pellan Post\n\nPublished 20 July 2015\n\nOn Friday the \
         garrison started evacuating its officers from the Quds barracks. Government forces \
         held the ridge near Idlib while the Quds Force commander left.\n",
    ),
    (
        "suleimani.txt",
        "A visit in the north\n\nThe Harbour Gazette\n\nPublished 2 August 2016\n\nGeneral \
         Suleimani and Qasem Aziz met the council.\n",
    ),
    (
        "persian.txt",
        "گزارش از کرمان\n\nPublished 5 May 2016\n\nنیروهای ایرانی در کرمان مستقر شدند.\n",
    ),
    (
        "cafe.txt",
        "Café talks\n\nPublished 1 March 2017\n\nTalks at the CAFÉ ROYAL ended without a deal.\n",
    ),
];

/// The project and its source ids, in the order of `ARTICLES`.
fn project(dir: &Path) -> (Project, Vec<Id>) {
    let mut p = Project::create(world(), dir, ProjectConfig::new("Search")).unwrap();
    let ids = ARTICLES
        .iter()
        .map(
            |(name, text)| match p.import(name, text.as_bytes().to_vec()).unwrap() {
                dossier::Imported::Imported { id } => id,
                other => panic!("{other:?}"),
            },
        )
        .collect();
    (p, ids)
}

fn search(p: &Project, q: &str) -> Results {
    dossier::search::search(p, q).unwrap()
}

/// The ids found, best first.
fn ids(p: &Project, q: &str) -> Vec<Id> {
    search(p, q).hits.into_iter().map(|h| h.id).collect()
}

/// `query` finds exactly the sources numbered `expected` (indexes into `ARTICLES`), in order.
fn check(p: &Project, sources: &[Id], query: &str, expected: &[usize]) {
    let want: Vec<Id> = expected.iter().map(|&i| sources[i].clone()).collect();
    assert_eq!(ids(p, query), want, "{query}");
}

#[test]
fn queries_find_what_a_researcher_expects() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, s) = project(&tmp.path().join("p"));
    // A phrase only where its words stand together; the words alone also elsewhere.
    check(&p, &s, "\"end of the road\"", &[0]);
    assert_eq!(ids(&p, "end road").len(), 2);
    // Stems: evacuate finds "started evacuating".
    check(&p, &s, "evacuate", &[2]);
    // A name spelled another way, ranked below the exact spelling.
    check(&p, &s, "Suleimani", &[3, 0]);
    check(&p, &s, "Soleimani", &[0, 3]);
    check(&p, &s, "Qasem", &[3, 0]);
    // Short words are not fuzzy: "road" does not find "roads" by edit, only by stem.
    check(&p, &s, "Idlib", &[2]);
    // OR, NOT, -word, parentheses; "or" in lower case is a word.
    let either = ids(&p, "Idlib OR Suleimani");
    assert_eq!(either.len(), 3);
    assert_eq!(either[2], s[0], "the fuzzy match last");
    assert!(ids(&p, "Idlib or Suleimani").is_empty());
    check(&p, &s, "road -harbour", &[0]);
    check(&p, &s, "road NOT harbour", &[0]);
    check(&p, &s, "(harbour OR garrison) closed", &[1]);
    // Case and diacritics.
    check(&p, &s, "cafe royal", &[5]);
    check(&p, &s, "CAFÉ", &[5]);
}

#[test]
fn field_filters_narrow_the_search() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut p, s) = project(&tmp.path().join("p"));
    check(&p, &s, "road outlet:gazette", &[1]);
    check(&p, &s, "outlet:\"pellan post\" quds", &[2]);
    check(&p, &s, "title:road", &[1, 0]);
    check(&p, &s, "road date:2015-06-09", &[1]);
    let mut june = ids(&p, "road date:2015-06");
    june.sort();
    let mut expected = vec![s[0].clone(), s[1].clone()];
    expected.sort();
    assert_eq!(june, expected);
    check(&p, &s, "general date:2016", &[3]);
    check(&p, &s, "general date:2015..2016", &[3, 0]);
    let mut draft = ExcerptDraft::new(s[2].clone(), "started evacuating its officers");
    draft.tags = vec!["place:Port Alder".parse().unwrap()];
    let x = p.add_excerpt(draft).unwrap().id.clone();
    assert_eq!(ids(&p, "tag:alder"), vec![x.clone()]);
    assert_eq!(ids(&p, "evacuating kind:excerpt"), vec![x.clone()]);
    assert_eq!(ids(&p, "evacuating kind:source"), vec![s[2].clone()]);
    // The excerpt carries its source's outlet and grade: "grade:B", "grade:2", "grade:B2".
    assert_eq!(
        ids(&p, "officers outlet:pellan kind:excerpt"),
        vec![x.clone()]
    );
    let letter = p.source(&s[2]).unwrap().reliability.letter();
    let number = p.excerpt(&x).unwrap().credibility.number();
    for grade in [
        format!("{letter}"),
        format!("{number}"),
        format!("{letter}{number}"),
    ] {
        assert_eq!(
            ids(&p, &format!("grade:{grade} kind:excerpt")),
            vec![x.clone()],
            "{grade}"
        );
    }
    // Grouped: the excerpt next to its source.
    let hits = search(&p, "evacuating").hits;
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h.source == s[2]));
}

#[test]
fn arabic_and_persian_spellings_find_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, s) = project(&tmp.path().join("p"));
    // Arabic kaf and yeh for the Persian keheh and yeh of the text.
    check(&p, &s, "كرمان", &[4]);
    check(&p, &s, "نيروهاي", &[4]);
}

#[test]
fn snippets_show_the_match_with_highlights_and_its_range() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, s) = project(&tmp.path().join("p"));
    let hit = &search(&p, "Quds force").hits[0];
    assert_eq!(
        (hit.kind, &hit.id, hit.field),
        (HitKind::Source, &s[2], "text")
    );
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|[a, b]| &hit.snippet[*a..*b])
        .collect();
    assert!(
        marked.contains(&"Quds") && marked.contains(&"Force"),
        "{marked:?}"
    );
    let text = &p.source(&s[2]).unwrap().text;
    assert_eq!(&text[hit.range[0]..hit.range[1]], "Quds Force");
}

#[test]
fn malformed_queries_warn_and_still_search() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, s) = project(&tmp.path().join("p"));
    let r = search(&p, "\"end of the road");
    assert_eq!(r.hits[0].id, s[0]);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    let r = search(&p, "Idlib AND");
    assert_eq!((r.hits.len(), r.warnings.len()), (1, 1));
    let r = search(&p, "date:someday road");
    assert_eq!((r.hits.len(), r.warnings.len()), (2, 1));
    assert!(search(&p, "").hits.is_empty());
}

#[test]
fn the_index_follows_every_change_and_survives_reopening() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let (mut p, s) = project(&dir);
    assert!(ids(&p, "zeppelin").is_empty());
    let edit = dossier::SourceEdit {
        title: Some(Some("Zeppelin over the strait".into())),
        ..Default::default()
    };
    p.edit_source(&s[5], edit).unwrap();
    assert_eq!(ids(&p, "zeppelin"), vec![s[5].clone()]);
    let x = p
        .add_excerpt(ExcerptDraft::new(s[1].clone(), "the road was closed"))
        .unwrap()
        .id
        .clone();
    assert_eq!(ids(&p, "closed kind:excerpt"), vec![x.clone()]);
    p.remove_excerpt(&x).unwrap();
    assert!(ids(&p, "closed kind:excerpt").is_empty());
    drop(p);
    assert!(dir.join(".dossier/search-v1").is_dir(), "kept on disk");

    // Another program edits a source file while no handle is open: the next handle sees it.
    let file = dir.join("sources").join(format!("{}.md", s[5]));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("ROYAL", "IMPERIAL")).unwrap();
    let p = Project::open(world(), &dir).unwrap();
    assert_eq!(ids(&p, "imperial"), vec![s[5].clone()]);
    assert!(ids(&p, "royal").is_empty());
    drop(p);

    // A damaged index is rebuilt; an index of another format is deleted.
    let index = dir.join(".dossier/search-v1");
    for f in std::fs::read_dir(&index).unwrap() {
        let f = f.unwrap().path();
        if f.file_name().is_some_and(|n| n == "meta.json") {
            std::fs::write(&f, b"{ not json").unwrap();
        }
    }
    std::fs::create_dir_all(dir.join(".dossier/search-v0")).unwrap();
    let p = Project::open(world(), &dir).unwrap();
    assert_eq!(ids(&p, "imperial"), vec![s[5].clone()]);
    assert!(!dir.join(".dossier/search-v0").exists());
}

#[test]
fn a_second_handle_searches_while_the_first_holds_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let (mut p, s) = project(&dir);
    assert_eq!(ids(&p, "Idlib"), vec![s[2].clone()]);
    let edit = dossier::SourceEdit {
        title: Some(Some("Balloon sighted".into())),
        ..Default::default()
    };
    p.edit_source(&s[4], edit).unwrap();
    // The second handle finds the index out of date and another writer holding it.
    let q = Project::open(world(), &dir).unwrap();
    assert_eq!(ids(&q, "balloon"), vec![s[4].clone()]);
    assert_eq!(ids(&p, "balloon"), vec![s[4].clone()]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any string is a query: a result or warnings, never a panic or an error.
    #[test]
    fn any_string_is_a_query(q in "[a-zé \"“()+:\\-*~^]{0,30}|(AND|OR|NOT|\\(|\\)|\"|-|date:|outlet:|kind:|x| )*|\\PC{0,30}") {
        thread_local! {
            static P: (tempfile::TempDir, Project) = {
                let tmp = tempfile::tempdir().unwrap();
                let (p, _) = project(&tmp.path().join("p"));
                (tmp, p)
            };
        }
        P.with(|(_, p)| {
            dossier::search::search(p, &q).unwrap();
        });
    }
}
