//! Test support: locating `../shared` (seeds, eval sets, benchmarks) beside the repository.
//!
//! Tests that need it call [`shared`] (or [`seeds`]): where the folder is absent (a user's
//! clone) they print a visible SKIPPED line and return early; where `CI=true` its absence is a
//! failure, because CI always has it.

use std::path::{Path, PathBuf};

/// The repository root: the nearest folder holding `Cargo.lock` above the package under test.
///
/// Found at run time (cargo sets `CARGO_MANIFEST_DIR` for every test), not with `env!`: this
/// crate is compiled once and its artifact reused, so a path baked in at compile time can name
/// another clone of the repository.
pub fn repo_root() -> PathBuf {
    let start = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .expect("CARGO_MANIFEST_DIR or a current folder");
    start
        .ancestors()
        .find(|d| d.join("Cargo.lock").is_file())
        .map(Path::to_path_buf)
        .expect("the repository root: a folder with Cargo.lock above the package")
}

/// `../shared` beside the repository (or `$DOSSIER_SHARED`), if present.
///
/// # Panics
/// When it is absent and `CI=true`.
pub fn shared(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("DOSSIER_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: {} is missing, and CI always has it", dir.display());
    }
    eprintln!(
        "SKIPPED {test}: {} not found (it sits beside the repository in CI)",
        dir.display()
    );
    None
}

/// The five seed articles in `../shared/seeds`, sorted by file name, with their contents.
pub fn seeds(test: &str) -> Option<Vec<(PathBuf, Vec<u8>)>> {
    let dir = shared(test)?.join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .into_iter()
            .map(|p| (p.clone(), std::fs::read(&p).expect("seed")))
            .collect(),
    )
}

/// Publication dates an analyst sets on the seeds (the README's last column), by file prefix.
pub const SEED_PUBLISHED: [(&str, &str); 5] = [
    ("000", "2015-06-03"),
    ("001", "2015-06-04"),
    ("002", "2024-12-07"),
    ("003", "2024-12-06"),
    ("004", "2015-06-02"),
];
