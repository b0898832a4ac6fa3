//! Crashes at every point of a save, an import batch and an excerpt edit. `crates/cli/tests/
//! crash.rs` kills the binary at random moments, which may miss every write; here an `Fs` fails
//! every operation from the Nth on, as if the process died there, for every N the step takes.
//! The project is then reopened with the real file system: every file is whole (its old or new
//! version), nothing written before the crash is lost, and it opens, validates and takes writes.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::DateTime;
use dossier::model::{Briefing, Id, ProjectConfig};
use dossier::store::{Fs, OsFs, Stamp};
use dossier::validate::Severity;
use dossier::{ExcerptDraft, ExcerptEdit, Imported, Project, SourceEdit, World};

fn now() -> DateTime<chrono::Utc> {
    DateTime::from_timestamp(1_795_262_400, 0).unwrap()
}

/// The real file system until operation `crash_at`; from there on every operation fails.
#[derive(Default)]
struct CrashFs {
    ops: AtomicUsize,
    crash_at: AtomicUsize,
}

impl CrashFs {
    fn new() -> Arc<CrashFs> {
        Arc::new(CrashFs {
            ops: AtomicUsize::new(0),
            crash_at: AtomicUsize::new(usize::MAX),
        })
    }

    /// Crash at the `n`th operation from now.
    fn crash_in(&self, n: usize) {
        let at = self.ops.load(Ordering::SeqCst).saturating_add(n);
        self.crash_at.store(at, Ordering::SeqCst);
    }

    fn ops(&self) -> usize {
        self.ops.load(Ordering::SeqCst)
    }

    fn op(&self) -> io::Result<()> {
        if self.ops.fetch_add(1, Ordering::SeqCst) >= self.crash_at.load(Ordering::SeqCst) {
            Err(io::Error::other("the process died here"))
        } else {
            Ok(())
        }
    }
}

impl Fs for CrashFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.op()?;
        OsFs.read(path)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.op()?;
        OsFs.write_atomic(path, bytes)
    }
    fn create_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.op()?;
        OsFs.create_new(path, bytes)
    }
    /// One operation per file: the files before the crash are made as the real batch makes
    /// them (one sync, then links), the rest never.
    fn create_new_batch(&self, files: &[(PathBuf, Vec<u8>)]) -> Vec<io::Result<()>> {
        let start = self.ops.fetch_add(files.len(), Ordering::SeqCst);
        let done = self
            .crash_at
            .load(Ordering::SeqCst)
            .saturating_sub(start)
            .min(files.len());
        let mut results = OsFs.create_new_batch(&files[..done]);
        results.extend((done..files.len()).map(|_| Err(io::Error::other("the process died here"))));
        results
    }
    fn exists(&self, path: &Path) -> io::Result<bool> {
        self.op()?;
        OsFs.exists(path)
    }
    fn stamp(&self, path: &Path) -> io::Result<Stamp> {
        self.op()?;
        OsFs.stamp(path)
    }
    fn links(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        self.op()?;
        OsFs.links(dir)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        self.op()?;
        OsFs.remove(path)
    }
    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        self.op()?;
        OsFs.create_dir_all(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        self.op()?;
        OsFs.list(dir)
    }
}

/// Every file of the project but its `.dossier` state (the lock), by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == ".dossier") {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A project with one source and one excerpt, and twelve articles beside it to import.
struct Base {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    source: Id,
    excerpt: Id,
    articles: Vec<PathBuf>,
}

fn base() -> Base {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("base");
    let mut p = Project::create(World::new(now()), &dir, ProjectConfig::new("Crash")).unwrap();
    let text = b"Harbour closed\n\nOfficials closed the harbour on Tuesday.\n".to_vec();
    let source = match p.import("harbour.txt", text).unwrap() {
        Imported::Imported { id } => id,
        other => panic!("{other:?}"),
    };
    let mut draft = ExcerptDraft::new(source.clone(), "Officials closed the harbour");
    draft.date = Some("2015-06-02".parse().unwrap());
    let excerpt = p.add_excerpt(draft).unwrap().id.clone();
    // More than the real batch's threshold, so that its one-sync path runs.
    let articles = (0..12)
        .map(|i| {
            let f = tmp.path().join(format!("article-{i}.txt"));
            let text = format!("Report {i} on the strait\n\nShip {i} sailed on {i} May.\n");
            std::fs::write(&f, text).unwrap();
            f
        })
        .collect();
    Base {
        _tmp: tmp,
        dir,
        source,
        excerpt,
        articles,
    }
}

type Step = fn(&mut Project, &Base);

fn save(p: &mut Project, b: &Base) {
    let mut briefing = p.briefing("main").unwrap().clone();
    briefing.body = format!("## BLUF\n\nThe harbour closed [@{}].\n", b.excerpt);
    let _ = p.save_briefing(briefing);
    let _ = p.edit_source(
        &b.source,
        SourceEdit {
            notes: Some("Checked against the port's notice.".into()),
            ..SourceEdit::default()
        },
    );
    let _ = p.save_briefing(Briefing {
        name: "second".into(),
        meta: Default::default(),
        body: "A second briefing.\n".into(),
    });
}

fn import_batch(p: &mut Project, b: &Base) {
    let _ = p.import_files(&b.articles, |_, _| {});
}

fn edit_excerpt(p: &mut Project, b: &Base) {
    let _ = p.edit_excerpt(
        &b.excerpt,
        ExcerptEdit {
            summary: Some("The harbour closes".into()),
            date: Some(Some("2015-06-03".parse().unwrap())),
            ..ExcerptEdit::default()
        },
    );
    let mut draft = ExcerptDraft::new(b.source.clone(), "on Tuesday");
    draft.date = Some("2015-06-02".parse().unwrap());
    let _ = p.add_excerpt(draft);
}

/// Runs `step` once whole (to count its operations and know its result), then once per
/// crash point on a fresh copy of the base project, checking what the crash left.
fn crash_everywhere(name: &str, step: Step) {
    let b = base();
    let before = snapshot(&b.dir);
    let whole = b.dir.with_file_name(format!("{name}-whole"));
    copy_tree(&b.dir, &whole);
    let fs = CrashFs::new();
    let mut p = Project::open(World::with_fs(fs.clone(), now()), &whole).unwrap();
    let start = fs.ops();
    step(&mut p, &b);
    let ops = fs.ops() - start;
    drop(p);
    let after = snapshot(&whole);
    assert_ne!(before, after, "{name}: the step changes the project");
    assert!(ops > 3, "{name}: {ops} operations");

    for n in 0..=ops {
        let dir = b.dir.with_file_name(format!("{name}-{n}"));
        copy_tree(&b.dir, &dir);
        let fs = CrashFs::new();
        let mut p = Project::open(World::with_fs(fs.clone(), now()), &dir).unwrap();
        fs.crash_in(n);
        step(&mut p, &b);
        // The process is gone: its lock, if it held one, stays behind.
        drop(p);

        let now_on_disk = snapshot(&dir);
        for (file, bytes) in &now_on_disk {
            let old = before.get(file);
            let new = after.get(file);
            assert!(
                Some(bytes) == old || Some(bytes) == new,
                "{name}, crash at {n}/{ops}: {} is neither its old nor its new version",
                file.display()
            );
        }
        for file in before.keys() {
            assert!(
                now_on_disk.contains_key(file),
                "{name}, crash at {n}/{ops}: {} was lost",
                file.display()
            );
        }
        let (mut p, problems) = Project::load(World::new(now()), &dir).unwrap();
        assert_eq!(problems, [], "{name}, crash at {n}/{ops}");
        let errors: Vec<_> = dossier::validate::validate(&p, &problems)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(errors, [], "{name}, crash at {n}/{ops}");
        // The lock the dead writer left is recovered: the project takes writes again.
        let mut briefing = p.briefing("main").unwrap().clone();
        briefing.body.push_str("\nAfter the crash.\n");
        p.save_briefing(briefing)
            .unwrap_or_else(|e| panic!("{name}, crash at {n}/{ops}: {e}"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn a_crash_at_any_point_of_a_save_loses_nothing() {
    crash_everywhere("save", save);
}

#[test]
fn a_crash_at_any_point_of_an_import_batch_loses_nothing() {
    crash_everywhere("import", import_batch);
}

#[test]
fn a_crash_at_any_point_of_an_excerpt_edit_loses_nothing() {
    crash_everywhere("excerpt", edit_excerpt);
}
