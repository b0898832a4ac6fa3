//! Every look at the disk goes through the `Fs` seam, the symbolic-link checks included: an
//! injected file system is what the project sees, never the real one behind its back.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::DateTime;
use dossier::model::ProjectConfig;
use dossier::store::{Fs, OsFs, Stamp};
use dossier::{Error, Project, World};

fn now() -> DateTime<chrono::Utc> {
    DateTime::from_timestamp(1_795_262_400, 0).unwrap()
}

/// The real file system, but for one symbolic link that only it reports, and a log of the
/// paths whose existence and stamp were asked.
struct Planted {
    link: PathBuf,
    asked: Mutex<Vec<(&'static str, PathBuf)>>,
}

impl Planted {
    fn new(link: PathBuf) -> Arc<Planted> {
        Arc::new(Planted {
            link,
            asked: Mutex::new(Vec::new()),
        })
    }

    fn asked(&self, what: &'static str, path: &Path) -> bool {
        self.asked
            .lock()
            .unwrap()
            .iter()
            .any(|(w, p)| *w == what && p == path)
    }
}

impl Fs for Planted {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        OsFs.read(path)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        OsFs.write_atomic(path, bytes)
    }
    fn create_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        OsFs.create_new(path, bytes)
    }
    fn exists(&self, path: &Path) -> io::Result<bool> {
        self.asked
            .lock()
            .unwrap()
            .push(("exists", path.to_path_buf()));
        OsFs.exists(path)
    }
    fn stamp(&self, path: &Path) -> io::Result<Stamp> {
        self.asked
            .lock()
            .unwrap()
            .push(("stamp", path.to_path_buf()));
        OsFs.stamp(path)
    }
    fn links(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut links = OsFs.links(dir)?;
        if self.link.parent() == Some(dir) {
            links.push(self.link.clone());
        }
        Ok(links)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        OsFs.remove(path)
    }
    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        OsFs.create_dir_all(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        OsFs.list(dir)
    }
}

fn new_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    drop(Project::create(World::new(now()), &dir, ProjectConfig::new("Seam")).unwrap());
    (tmp, dir)
}

#[test]
fn item_links_are_found_through_the_injected_fs() {
    let (_tmp, dir) = new_project();
    let link = dir.join("excerpts/planted.toml");
    let fs = Planted::new(link.clone());
    let (_, problems) = Project::load(World::with_fs(fs, now()), &dir).unwrap();
    assert_eq!(
        problems.iter().map(|p| &p.file).collect::<Vec<_>>(),
        [&link],
        "{problems:?}"
    );
}

#[test]
fn a_linked_folder_reported_by_the_injected_fs_refuses_the_project() {
    let (_tmp, dir) = new_project();
    let fs = Planted::new(dir.join("sources"));
    match Project::open(World::with_fs(fs, now()), &dir) {
        Err(Error::Symlink(path)) => assert_eq!(path, dir.join("sources")),
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("a project with a linked folder opened"),
    }
}

#[test]
fn stamps_and_existence_are_asked_of_the_injected_fs() {
    let (_tmp, dir) = new_project();
    let fs = Planted::new(dir.join("nothing"));
    let mut p = Project::open(World::with_fs(fs.clone(), now()), &dir).unwrap();
    assert!(fs.asked("stamp", &dir.join("dossier.toml")));
    p.import("a.txt", b"Harbour closed\n\nIt closed.\n".to_vec())
        .unwrap();
    let source = p.sources().next().unwrap();
    assert!(fs.asked("exists", &p.layout().source(&source.id)));
}
