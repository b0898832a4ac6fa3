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

/// Runs `work` on its own thread and returns its result; fails the test, naming `limit`, if it
/// has not returned within `limit`.
///
/// A hang guard for tests that protect against super-linear time or unbounded recursion, which
/// would otherwise fail only by never finishing. Not a speed measurement: pick a limit about
/// 100 times what the work normally takes, so a slow or busy machine never trips it. A panic in
/// `work` is the test's panic. The thread has the default stack of a test thread (2 MiB), so a
/// test that guards against unbounded recursion still overflows it as it did before.
///
/// # Panics
/// When `work` panics, or has not returned within `limit`.
pub fn bounded<T: Send + 'static>(
    limit: std::time::Duration,
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, finished) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            let out = work();
            // The receiver is gone only after a timeout, when nobody wants the result.
            let _ = done.send(());
            out
        })
        .expect("a thread for the bounded work");
    match finished.recv_timeout(limit) {
        // Sent, or the worker panicked and dropped the sender: join gives its result or panic.
        Ok(()) | Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => panic!(
            "{name} did not finish within {limit:?}: the work it guards has become super-linear \
             or unbounded (the limit is about 100 times its normal time; see the test's comment)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    #[test]
    fn bounded_returns_the_result_of_work_that_finishes() {
        assert_eq!(
            super::bounded(Duration::from_secs(30), "quick", || 6 * 7),
            42
        );
    }

    #[test]
    #[should_panic(expected = "spin did not finish within 50ms")]
    fn bounded_fails_work_that_does_not_finish() {
        super::bounded(Duration::from_millis(50), "spin", || {
            std::thread::sleep(Duration::from_secs(3600))
        });
    }

    #[test]
    #[should_panic(expected = "inner failure")]
    fn bounded_passes_on_the_work_s_own_panic() {
        super::bounded(Duration::from_secs(30), "failing", || {
            panic!("inner failure")
        });
    }
}
