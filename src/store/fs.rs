//! The storage layer's IO seam: every byte Dossier writes goes through [`Fs`].
//!
//! Production uses [`OsFs`]; tests inject failures (no space, I/O error, permission denied) by
//! wrapping it, which proves more than a read-only folder would when CI runs as root.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// File operations the store needs. Paths are absolute or relative to the process's folder.
pub trait Fs: Send + Sync {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Writes `bytes` to `path` atomically: a temp file in the same folder, fsync, rename over
    /// `path`, fsync the folder. A crash leaves either the old file or the new one, whole.
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Creates `path` with `bytes` only if it does not exist (`AlreadyExists` otherwise),
    /// atomically: nobody ever sees it half written.
    fn create_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    fn remove(&self, path: &Path) -> io::Result<()>;
    fn create_dir_all(&self, path: &Path) -> io::Result<()>;
    /// The entries of a folder (files only), sorted by name; an absent folder is empty.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsFs;

impl OsFs {
    fn temp_path(path: &Path) -> PathBuf {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
    }

    fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
        let tmp = Self::temp_path(path);
        let result = (|| {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()
        })();
        match result {
            Ok(()) => Ok(tmp),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }
}

fn sync_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

impl Fs for OsFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let tmp = Self::write_temp(path, bytes)?;
        if let Err(e) = std::fs::rename(&tmp, path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        sync_dir(path)
    }

    fn create_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let tmp = Self::write_temp(path, bytes)?;
        // A hard link fails with AlreadyExists when `path` exists: creation and content in one
        // atomic step, which a plain create_new + write is not.
        let linked = std::fs::hard_link(&tmp, path);
        let _ = std::fs::remove_file(&tmp);
        linked?;
        sync_dir(path)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)?;
        sync_dir(path)
    }

    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        std::fs::create_dir_all(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry?;
            // Symlinks are not followed: a project never reaches outside its folder.
            if entry.file_type()?.is_file() {
                out.push(entry.path());
            }
        }
        // One folder: comparing the raw names is the same order as comparing paths, and faster.
        out.sort_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        Ok(out)
    }
}
