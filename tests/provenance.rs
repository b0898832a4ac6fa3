//! Provenance through the core API: each excerpt's attribution is found when it is added, the
//! analyst's correction wins and survives everything that finds attributions again, a
//! description becomes an outlet only when the analyst confirms the proposal.

use chrono::{DateTime, Utc};
use dossier::model::{Id, ProjectConfig};
use dossier::{AttributionEdit, ExcerptDraft, Project, SourceEdit, World};

fn world() -> World {
    World::new(DateTime::<Utc>::from_timestamp(1_795_262_400, 0).unwrap())
}

/// An invented article of the Valley Gazette relaying an agency and a regional weekly.
const GAZETTE: &str = "Valley Gazette\n\nFloods close the Arlen bridge\n\nThe river rose two metres overnight, state news agency KNA reported.\n\nA regional weekly reported that 40 homes were flooded in Lower Arlen.\n";

/// Another outlet's article that names the weekly.
const COURIER: &str = "Hill Courier\n\nRain eases\n\nThe Arlen Voice, a regional weekly based in Lower Arlen, counted the flooded homes.\n";

fn project(dir: &std::path::Path) -> (Project, Id, Id, Id) {
    let mut p = Project::create(world(), dir, ProjectConfig::new("Floods")).unwrap();
    let mut ids = Vec::new();
    for (name, text) in [("gazette.txt", GAZETTE), ("courier.txt", COURIER)] {
        match p.import(name, text.as_bytes().to_vec()).unwrap() {
            dossier::Imported::Imported { id } => ids.push(id),
            other => panic!("{other:?}"),
        }
    }
    let river = p
        .add_excerpt(ExcerptDraft::new(
            ids[0].clone(),
            "The river rose two metres overnight",
        ))
        .unwrap()
        .id
        .clone();
    let homes = p
        .add_excerpt(ExcerptDraft::new(
            ids[0].clone(),
            "40 homes were flooded in Lower Arlen",
        ))
        .unwrap()
        .id
        .clone();
    (p, ids[0].clone(), river, homes)
}

fn origin(p: &Project, id: &Id) -> Option<String> {
    p.excerpt(id)
        .unwrap()
        .attribution
        .origin_name()
        .map(str::to_string)
}

#[test]
fn the_analysts_attribution_survives_a_new_outlet_and_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, source, river, _) = project(dir.path());
    assert_eq!(origin(&p, &river).as_deref(), Some("KNA"));
    p.edit_attribution(
        &river,
        AttributionEdit {
            origin: Some(Some("Kessel Radio".into())),
            speaker: Some(Some("Ada Brenn".into())),
            via: None,
        },
    )
    .unwrap();
    // Editing the source's outlet finds its excerpts' attribution again: the analyst's stays.
    p.edit_source(
        &source,
        SourceEdit {
            outlet: Some(Some("The Valley Gazette".into())),
            ..SourceEdit::default()
        },
    )
    .unwrap();
    let p = Project::open(world(), dir.path()).unwrap();
    assert_eq!(origin(&p, &river).as_deref(), Some("Kessel Radio"));
    let a = &p.excerpt(&river).unwrap().attribution;
    assert!(a.origin.as_ref().unwrap().is_analyst());
    assert_eq!(a.speaker_name(), Some("Ada Brenn"));
    let mut p = p;
    p.clear_attribution(&river).unwrap();
    assert_eq!(origin(&p, &river).as_deref(), Some("KNA"));
}

#[test]
fn a_description_becomes_an_outlet_only_when_the_analyst_confirms() {
    let dir = tempfile::tempdir().unwrap();
    let (mut p, _, _, homes) = project(dir.path());
    assert_eq!(origin(&p, &homes).as_deref(), Some("a regional weekly"));
    let proposals = p.alias_proposals();
    assert_eq!(proposals.len(), 1, "{proposals:?}");
    assert_eq!(proposals[0].outlet, "The Arlen Voice");
    assert_eq!(proposals[0].excerpts, std::slice::from_ref(&homes));
    p.alias_outlet(&proposals[0].outlet, &proposals[0].description)
        .unwrap();
    assert_eq!(origin(&p, &homes).as_deref(), Some("The Arlen Voice"));
    let outlets = std::fs::read_to_string(dir.path().join("outlets.toml")).unwrap();
    assert!(outlets.contains("a regional weekly"), "{outlets}");
    assert!(p.alias_proposals().is_empty());
}
