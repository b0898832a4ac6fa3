//! The storage layer through the library API: canonical files, and failures that lose nothing.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use dossier::model::{Credibility, Edtf, Marking, ProjectConfig, Tag};
use dossier::store::{Fs, OsFs};
use dossier::{Error, ExcerptDraft, ExcerptEdit, Project, SourceEdit, World};

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_262_400, 0).unwrap()
}

const TEXT: &str = "Storm closes the harbour\n\nBy Ana Ruiz\n\nPORT ALDER — Officials closed the harbour on Tuesday.\n\n“We had no choice,” the harbour master said – again.\n";

fn project(dir: &Path) -> Project {
    let mut config = ProjectConfig::new("Harbour");
    config.classification = Some(Marking::Classification(
        dossier::model::Classification::Unclassified,
    ));
    let mut p = Project::create(World::new(now()), dir, config).unwrap();
    let id = match p.import("a.txt", TEXT.as_bytes().to_vec()).unwrap() {
        dossier::Imported::Imported { id } => id,
        other => panic!("{other:?}"),
    };
    let edit = SourceEdit {
        published: Some(Some("2015-06-03".parse().unwrap())),
        add_tags: vec!["place:Port Alder".parse().unwrap()],
        notes: Some("multi\nline\n+++\nnotes".into()),
        ..SourceEdit::default()
    };
    p.edit_source(&id, edit).unwrap();
    let mut d = ExcerptDraft::new(id, "We had no choice");
    d.date = Some("2015-06-02".parse().unwrap());
    d.tags = vec![Tag {
        kind: dossier::model::TagKind::Actor,
        name: "Harbour master".into(),
    }];
    d.credibility = Credibility::ProbablyTrue;
    d.translation = Some("line one\nline two".into());
    p.add_excerpt(d).unwrap();
    p
}

/// Every file of the project, by path.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for sub in ["", "sources", "excerpts", "briefings"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn load_then_save_writes_identical_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    drop(project(&dir));
    let before = files(&dir);
    let p = Project::open(World::new(now()), &dir).unwrap();
    for s in p.sources() {
        let path = p.layout().source(&s.id);
        assert_eq!(
            dossier::store::encode_source(s).as_bytes(),
            std::fs::read(&path).unwrap(),
            "{}",
            path.display()
        );
    }
    for x in p.excerpts() {
        let path = p.layout().excerpt(&x.id);
        assert_eq!(
            dossier::store::encode_excerpt(x).as_bytes(),
            std::fs::read(&path).unwrap()
        );
    }
    for b in p.briefings() {
        let path = p.layout().briefing(&b.name);
        assert_eq!(
            dossier::store::encode_briefing(b).as_bytes(),
            std::fs::read(&path).unwrap()
        );
    }
    assert_eq!(
        dossier::store::encode_config(p.config()).as_bytes(),
        std::fs::read(dir.join("dossier.toml")).unwrap()
    );
    // An edit that changes nothing rewrites nothing.
    let mut p = p;
    let id = p.excerpts().next().unwrap().id.clone();
    p.edit_excerpt(&id, ExcerptEdit::default()).unwrap();
    assert_eq!(files(&dir), before);
}

/// An `Fs` that fails writes with a chosen error while `fail` is set: all of them, or only
/// those whose path contains `only`.
struct FaultyFs {
    fail: Mutex<Option<io::ErrorKind>>,
    only: Option<&'static str>,
}

impl FaultyFs {
    fn failing(kind: io::ErrorKind) -> FaultyFs {
        FaultyFs {
            fail: Mutex::new(Some(kind)),
            only: None,
        }
    }

    fn check(&self, path: &Path) -> io::Result<()> {
        if self
            .only
            .is_some_and(|only| !path.to_string_lossy().contains(only))
        {
            return Ok(());
        }
        match *self.fail.lock().unwrap() {
            Some(kind) => Err(io::Error::new(kind, format!("injected: {kind:?}"))),
            None => Ok(()),
        }
    }
}

impl Fs for FaultyFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        OsFs.read(path)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.check(path)?;
        OsFs.write_atomic(path, bytes)
    }
    fn create_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        // The lock file goes through here too; let it pass so the write itself fails.
        if path.ends_with(".dossier/lock") {
            return OsFs.create_new(path, bytes);
        }
        self.check(path)?;
        OsFs.create_new(path, bytes)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        if path.ends_with(".dossier/lock") {
            return OsFs.remove(path);
        }
        self.check(path)?;
        OsFs.remove(path)
    }
    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        OsFs.create_dir_all(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        OsFs.list(dir)
    }
    fn exists(&self, path: &Path) -> io::Result<bool> {
        OsFs.exists(path)
    }
    fn stamp(&self, path: &Path) -> io::Result<dossier::store::Stamp> {
        OsFs.stamp(path)
    }
    fn links(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        OsFs.links(dir)
    }
}

#[test]
fn injected_write_failures_keep_the_original_and_the_edit() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    drop(project(&dir));
    let before = files(&dir);
    for kind in [
        io::ErrorKind::StorageFull,
        io::ErrorKind::Other,
        io::ErrorKind::PermissionDenied,
    ] {
        let fs = Arc::new(FaultyFs::failing(kind));
        let mut p = Project::open(World::with_fs(fs.clone(), now()), &dir).unwrap();
        let id = p.excerpts().next().unwrap().id.clone();
        let edit = ExcerptEdit {
            summary: Some("the analyst's careful summary".into()),
            ..ExcerptEdit::default()
        };
        let err = p.edit_excerpt(&id, edit.clone()).unwrap_err();
        assert!(matches!(err, Error::Io { .. }), "{err}");
        assert!(
            err.to_string().contains(&format!("{id}.toml")),
            "the error names the file: {err}"
        );
        assert_eq!(
            files(&dir),
            before,
            "the original is untouched after {kind:?}"
        );
        assert!(
            p.excerpt(&id).unwrap().summary.is_empty(),
            "memory still matches disk"
        );
        let source = p.sources().next().unwrap().id.clone();
        assert!(
            p.add_excerpt(ExcerptDraft::new(source, "closed the harbour"))
                .is_err()
        );
        assert_eq!(files(&dir), before);
        // The caller still holds the edit: retrying once the disk is fine succeeds.
        *fs.fail.lock().unwrap() = None;
        p.edit_excerpt(&id, edit).unwrap();
        assert_eq!(
            p.excerpt(&id).unwrap().summary,
            "the analyst's careful summary"
        );
        let reopened = Project::open(World::new(now()), &dir).unwrap();
        assert_eq!(
            reopened.excerpt(&id).unwrap().summary,
            "the analyst's careful summary"
        );
        // Put the original back for the next kind.
        for (path, bytes) in &before {
            std::fs::write(path, bytes).unwrap();
        }
    }
    assert!(!dir.join(".dossier/lock").exists());
}

#[test]
fn an_edit_over_a_file_changed_on_disk_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    drop(project(&dir));
    let mut mine = Project::open(World::new(now()), &dir).unwrap();
    let mut theirs = Project::open(World::new(now()), &dir).unwrap();
    let id = mine.excerpts().next().unwrap().id.clone();
    theirs
        .edit_excerpt(
            &id,
            ExcerptEdit {
                note: Some("theirs".into()),
                ..ExcerptEdit::default()
            },
        )
        .unwrap();
    let err = mine
        .edit_excerpt(
            &id,
            ExcerptEdit {
                note: Some("mine".into()),
                ..ExcerptEdit::default()
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "changed_on_disk", "{err}");
    let reopened = Project::open(World::new(now()), &dir).unwrap();
    assert_eq!(reopened.excerpt(&id).unwrap().note, "theirs");
}

#[test]
fn dates_in_files_are_edtf_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let p = project(&dir);
    let x = p.excerpts().next().unwrap();
    assert_eq!(x.event_date(), Some(&"2015-06-02".parse::<Edtf>().unwrap()));
    let text = std::fs::read_to_string(p.layout().excerpt(&x.id)).unwrap();
    assert!(text.contains("value = \"2015-06-02\""), "{text}");
}

#[test]
fn a_failed_write_in_a_bulk_import_fails_that_file_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    drop(Project::create(World::new(now()), &dir, ProjectConfig::new("Bulk")).unwrap());
    let inputs: Vec<PathBuf> = (0..12)
        .map(|i| {
            let title = if i == 5 {
                "Poison pill"
            } else {
                "Harbour report"
            };
            let f = tmp.path().join(format!("in{i}.txt"));
            std::fs::write(
                &f,
                format!("{title} {i}\n\nOfficials closed harbour {i} on Tuesday, {i} said.\n"),
            )
            .unwrap();
            f
        })
        .collect();
    // The same bytes twice in one import: one source, one duplicate.
    let mut batch = inputs.clone();
    batch.push(inputs[2].clone());
    let before = files(&dir);
    // Writing any file of the source titled "Poison pill" fails: the disk is full.
    let poison = FaultyFs {
        only: Some("poison"),
        ..FaultyFs::failing(io::ErrorKind::StorageFull)
    };
    let mut p = Project::open(World::with_fs(Arc::new(poison), now()), &dir).unwrap();
    let mut ticks = 0;
    let results = p.import_files(&batch, |done, _| ticks = done).unwrap();
    assert_eq!(ticks, batch.len(), "progress reaches every file");
    for (i, r) in results.iter().enumerate() {
        match (i, r) {
            (5, Err(Error::Io { path, .. })) => assert!(path.to_string_lossy().contains("poison")),
            (12, Ok(dossier::Imported::Duplicate { .. })) => {}
            (i, Ok(dossier::Imported::Imported { .. })) if i != 5 && i != 12 => {}
            (i, other) => panic!("file {i}: {other:?}"),
        }
    }
    assert!(p.sources().all(|s| !s.id.to_string().contains("poison")));
    let reopened = Project::open(World::new(now()), &dir).unwrap();
    assert_eq!(reopened.sources().count(), 11);
    // Nothing of the failed file stays behind: no source, no original, no temp file.
    let originals = std::fs::read_dir(dir.join("sources/originals"))
        .unwrap()
        .count();
    assert_eq!(originals, 11);
    let added: Vec<PathBuf> = files(&dir)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !before.iter().any(|(b, _)| b == p))
        .collect();
    assert_eq!(added.len(), 11, "11 sources: {added:?}");
}
