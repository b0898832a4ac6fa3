//! One writer at a time holds within one process too: two `Project` handles on the same folder
//! (two app windows) exclude each other, and neither takes the other's lock away.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::DateTime;
use dossier::model::{Id, ProjectConfig};
use dossier::{Error, ExcerptDraft, ExcerptEdit, Imported, Project, World};

fn world() -> World {
    World::new(DateTime::from_timestamp(1_795_262_400, 0).unwrap())
}

/// A project with one source and two excerpts; returns the excerpt ids.
fn project(dir: &Path) -> Vec<Id> {
    let mut p = Project::create(world(), dir, ProjectConfig::new("Lock")).unwrap();
    let text = b"Harbour closed\n\nOfficials closed the harbour.\n\nThe ferry resumed.\n";
    let source = match p.import("a.txt", text.to_vec()).unwrap() {
        Imported::Imported { id } => id,
        other => panic!("{other:?}"),
    };
    ["Officials closed the harbour", "The ferry resumed"]
        .into_iter()
        .map(|q| {
            p.add_excerpt(ExcerptDraft::new(source.clone(), q))
                .unwrap()
                .id
                .clone()
        })
        .collect()
}

fn summary(s: String) -> ExcerptEdit {
    ExcerptEdit {
        summary: Some(s),
        ..ExcerptEdit::default()
    }
}

#[test]
fn a_lock_held_by_another_handle_of_this_process_is_not_stale() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let ids = project(&dir);
    let a = Project::open(world(), &dir).unwrap();
    let mut b = Project::open(world(), &dir).unwrap();
    let held = a.lock().unwrap();
    match b.edit_excerpt(&ids[1], summary("b".into())) {
        Err(Error::Locked { holder, .. }) => assert_eq!(holder.pid, std::process::id()),
        other => panic!("the second handle wrote under the first one's lock: {other:?}"),
    }
    assert!(
        a.layout().lock().exists(),
        "the second handle took the lock away"
    );
    drop(held);
    assert!(!a.layout().lock().exists());
    b.edit_excerpt(&ids[1], summary("b".into())).unwrap();
}

#[test]
fn two_handles_writing_at_once_take_turns() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let ids = project(&dir);
    let busy = AtomicBool::new(false);
    let until_free = |mut f: Box<dyn FnMut() -> Result<(), Error> + '_>| {
        loop {
            match f() {
                Ok(()) => return,
                Err(Error::Locked { .. }) => std::thread::sleep(Duration::from_millis(1)),
                Err(e) => panic!("{e}"),
            }
        }
    };
    std::thread::scope(|s| {
        for (name, id) in ["a", "b"].into_iter().zip(&ids) {
            let (busy, until_free, dir) = (&busy, &until_free, &dir);
            s.spawn(move || {
                let mut p = Project::open(world(), dir).unwrap();
                for i in 0..20 {
                    // A group of writes under one lock, as an import batch takes it.
                    until_free(Box::new(|| {
                        let lock = p.lock()?;
                        assert!(
                            !busy.swap(true, Ordering::SeqCst),
                            "two handles held the lock at once"
                        );
                        std::thread::sleep(Duration::from_millis(2));
                        busy.store(false, Ordering::SeqCst);
                        drop(lock);
                        Ok(())
                    }));
                    until_free(Box::new(|| {
                        p.edit_excerpt(id, summary(format!("{name} {i}")))
                            .map(|_| ())
                    }));
                }
            });
        }
    });
    let p = Project::open(world(), &dir).unwrap();
    assert_eq!(p.excerpt(&ids[0]).unwrap().summary, "a 19");
    assert_eq!(p.excerpt(&ids[1]).unwrap().summary, "b 19");
    assert!(!p.layout().lock().exists());
}

/// A process id that ran and is gone.
#[cfg(unix)]
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// Regression (CI, crash test): a recoverer killed after it removed a dead writer's lock and
/// before it took its own left no lock, so the next writer saw nothing to recover and the dead
/// writer's temp file stayed for good. The note `.dossier/stale`, made before the dead lock is
/// removed, outlives the recoverer.
#[cfg(unix)]
#[test]
fn temp_files_of_a_dead_writer_go_even_when_its_recoverer_died_too() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let ids = project(&dir);
    let dead = dead_pid();
    let p = Project::open(world(), &dir).unwrap();
    let layout = p.layout();
    let garbage = layout
        .excerpts()
        .join(format!(".{}.toml.{dead}-3.tmp", ids[0]));
    std::fs::write(&garbage, "half a save").unwrap();
    // The state the dead recoverer left: its note, no lock.
    std::fs::write(layout.state().join("stale"), "").unwrap();
    // And a lock temp file of a writer killed while taking the lock.
    let lock_temp = layout.state().join(format!(".lock.{dead}-0.tmp"));
    std::fs::write(&lock_temp, "pid = 1").unwrap();
    drop(p.lock().unwrap());
    assert!(!garbage.exists(), "the dead writer's temp file stayed");
    assert!(
        !lock_temp.exists(),
        "the dead lock taker's temp file stayed"
    );
    assert!(!layout.state().join("stale").exists(), "the note stayed");
}

/// Recovering a dead writer's lock leaves the note until the temp files are gone, and a live
/// writer's temp files in `.dossier` (waiting for the lock) are never touched.
#[cfg(unix)]
#[test]
fn a_dead_writers_lock_is_recovered_and_its_temp_files_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let ids = project(&dir);
    let dead = dead_pid();
    let mut p = Project::open(world(), &dir).unwrap();
    let layout = p.layout().clone();
    std::fs::write(
        layout.lock(),
        format!(
            "host = {:?}\npid = {dead}\nsince = \"2026-11-21T11:00:00Z\"\n",
            gethostname::gethostname().to_string_lossy()
        ),
    )
    .unwrap();
    let garbage = layout.sources().join(format!(".x.md.{dead}-0.tmp"));
    std::fs::write(&garbage, "half").unwrap();
    let live = layout
        .state()
        .join(format!(".lock.{}-9.tmp", std::process::id()));
    std::fs::write(&live, "mine").unwrap();
    p.edit_excerpt(&ids[0], summary("after".into())).unwrap();
    assert!(!garbage.exists());
    assert!(live.exists(), "a live process's temp file was removed");
    assert!(!layout.lock().exists());
    assert!(!layout.state().join("stale").exists());
}
