//! "Now" is the world's clock asked at each use, never an instant frozen when a project opens:
//! an app window open for days stamps imports and exports with the time they happen.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use dossier::model::ProjectConfig;
use dossier::{Imported, Project, World};

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap()
}

fn imported(r: Imported) -> dossier::model::Id {
    match r {
        Imported::Imported { id } => id,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_project_held_open_while_the_clock_moves_stamps_the_later_time() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let opened = at(1_795_262_400);
    let hand = Arc::new(Mutex::new(opened));
    let clock = hand.clone();
    let world = World::new(move || *clock.lock().unwrap());
    drop(Project::create(world.clone(), &dir, ProjectConfig::new("Clock")).unwrap());
    let mut p = Project::open(world, &dir).unwrap();

    let first = imported(
        p.import("a.txt", b"Harbour closed\n\nIt closed.\n".to_vec())
            .unwrap(),
    );
    assert_eq!(p.source(&first).unwrap().captured_at, opened);

    // Three days later, the same handle.
    let later = opened + Duration::days(3);
    *hand.lock().unwrap() = later;
    let second = imported(
        p.import("b.txt", b"Ferry resumed\n\nIt sailed.\n".to_vec())
            .unwrap(),
    );
    assert_eq!(p.source(&second).unwrap().captured_at, later);
    let (_, context) = p.context("main", Some("chronology"), None).unwrap();
    let context = serde_json::to_value(&context).unwrap();
    assert_eq!(context["generated_at"], "2026-11-24T12:00:00Z", "{context}");
}
