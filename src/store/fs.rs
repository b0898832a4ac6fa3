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
    /// [`Fs::create_new`] for many files, one result each, in order. Each file ends up absent or
    /// whole, as with `create_new`; the implementation may make them durable together, which is
    /// what makes a bulk import fast (one sync instead of one per file).
    fn create_new_batch(&self, files: &[(PathBuf, Vec<u8>)]) -> Vec<io::Result<()>> {
        files.iter().map(|(p, b)| self.create_new(p, b)).collect()
    }
    /// Whether something (a file, folder or symlink) is at `path`. No default, like every
    /// method that touches the disk: a wrapper must say what it does, never fall through to
    /// the real file system unseen.
    fn exists(&self, path: &Path) -> io::Result<bool>;
    /// The [`Stamp`] of the file at `path` (not following a symbolic link).
    fn stamp(&self, path: &Path) -> io::Result<Stamp>;
    /// The symbolic links in a folder (never followed), sorted by name; an absent folder has
    /// none.
    fn links(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
    fn remove(&self, path: &Path) -> io::Result<()>;
    fn create_dir_all(&self, path: &Path) -> io::Result<()>;
    /// The entries of a folder (files only), sorted by name; an absent folder is empty.
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
    /// [`Fs::list`] with each file's [`Stamp`]; a file gone before it was stamped is left out.
    fn list_stamped(&self, dir: &Path) -> io::Result<Vec<(PathBuf, Stamp)>> {
        let mut out = Vec::new();
        for f in self.list(dir)? {
            match self.stamp(&f) {
                Ok(s) => out.push((f, s)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }
}

/// What a file's metadata says of its content, read without reading the file: size,
/// modification time to the nanosecond, inode (an atomic save or a `git checkout` makes a new
/// one) and, on Unix, the change time, which no program can set back (`cp -p`, `touch -d` can
/// set the modification time). Equal stamps mean the same content, except for a rewrite of the
/// same size within one tick of the file system's clock of the stamp being taken: a poll may
/// miss that one, a save never does, as it compares contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
    changed: (i64, i64),
}

impl Stamp {
    pub fn of(m: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (inode, changed) = {
            use std::os::unix::fs::MetadataExt;
            (m.ino(), (m.ctime(), m.ctime_nsec()))
        };
        #[cfg(not(unix))]
        let (inode, changed) = (0, (0, 0));
        Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
            changed,
        }
    }
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

    /// Writes a temp file beside `path`; `sync` makes its data durable before returning.
    fn write_temp(path: &Path, bytes: &[u8], sync: bool) -> io::Result<PathBuf> {
        let tmp = Self::temp_path(path);
        let result = (|| {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)?;
            f.write_all(bytes)?;
            if sync { f.sync_all() } else { Ok(()) }
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

/// Makes the data of every file on the file system holding `file` durable: one flush instead
/// of one per file.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn sync_file_system(file: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let f = std::fs::File::open(file)?;
    // SAFETY: syncfs takes an open descriptor, which `f` keeps alive across the call.
    if unsafe { libc::syncfs(f.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn sync_file_system(_file: &Path) -> io::Result<()> {
    unreachable!("create_new_batch syncs file by file off Linux")
}

impl Fs for OsFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let tmp = Self::write_temp(path, bytes, true)?;
        if let Err(e) = std::fs::rename(&tmp, path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        sync_dir(path)
    }

    fn create_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let tmp = Self::write_temp(path, bytes, true)?;
        // A hard link fails with AlreadyExists when `path` exists: creation and content in one
        // atomic step, which a plain create_new + write is not.
        let linked = std::fs::hard_link(&tmp, path);
        let _ = std::fs::remove_file(&tmp);
        linked?;
        sync_dir(path)
    }

    /// On Linux, from a few files on: every temp file is written, then one `syncfs` makes all
    /// of their data durable, and only then is each linked into place, so that a crash still
    /// leaves each file absent or whole. Then each folder is synced once.
    fn create_new_batch(&self, files: &[(PathBuf, Vec<u8>)]) -> Vec<io::Result<()>> {
        // Below this, one fsync per file costs less than flushing the whole file system.
        const SYNCFS_FROM: usize = 8;
        if files.len() < SYNCFS_FROM || !cfg!(target_os = "linux") {
            return files.iter().map(|(p, b)| self.create_new(p, b)).collect();
        }
        let temps: Vec<io::Result<PathBuf>> = files
            .iter()
            .map(|(p, b)| Self::write_temp(p, b, false))
            .collect();
        let synced = match temps.iter().find_map(|t| t.as_ref().ok()) {
            Some(tmp) => sync_file_system(tmp),
            None => Ok(()),
        };
        let mut dirs: Vec<&Path> = Vec::new();
        let mut results: Vec<io::Result<()>> = files
            .iter()
            .zip(temps)
            .map(|((path, _), tmp)| {
                let tmp = tmp?;
                let linked = match &synced {
                    Ok(()) => std::fs::hard_link(&tmp, path),
                    Err(e) => Err(io::Error::new(e.kind(), e.to_string())),
                };
                let _ = std::fs::remove_file(&tmp);
                linked?;
                if let Some(dir) = path.parent()
                    && !dirs.contains(&dir)
                {
                    dirs.push(dir);
                }
                Ok(())
            })
            .collect();
        for dir in dirs {
            if let Err(e) = std::fs::File::open(dir).and_then(|d| d.sync_all()) {
                for ((path, _), r) in files.iter().zip(&mut results) {
                    if r.is_ok() && path.parent() == Some(dir) {
                        *r = Err(io::Error::new(e.kind(), e.to_string()));
                    }
                }
            }
        }
        results
    }

    fn exists(&self, path: &Path) -> io::Result<bool> {
        match std::fs::symlink_metadata(path) {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn stamp(&self, path: &Path) -> io::Result<Stamp> {
        std::fs::symlink_metadata(path).map(|m| Stamp::of(&m))
    }

    fn links(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_symlink() {
                out.push(entry.path());
            }
        }
        out.sort();
        Ok(out)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)?;
        sync_dir(path)
    }

    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        std::fs::create_dir_all(path)
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        Ok(files_of(dir, |_| Ok(()))?
            .into_iter()
            .map(|(f, ())| f)
            .collect())
    }

    /// Stamps each entry relative to the open folder (`fstatat`), not by its whole path: on a
    /// folder of 50,000 files that is most of the cost of a look for changes.
    fn list_stamped(&self, dir: &Path) -> io::Result<Vec<(PathBuf, Stamp)>> {
        files_of(dir, |entry| Ok(Stamp::of(&entry.metadata()?)))
    }
}

/// The files of `dir` (symbolic links are not followed: a project never reaches outside its
/// folder), each with what `with` reads of it, sorted by name; an absent folder is empty, and
/// so is a file gone before `with` read it.
fn files_of<T>(
    dir: &Path,
    with: impl Fn(&std::fs::DirEntry) -> io::Result<T>,
) -> io::Result<Vec<(PathBuf, T)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry?;
        if !entry.file_type()?.is_file() {
            continue;
        }
        match with(&entry) {
            Ok(t) => out.push((entry.path(), t)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    // One folder: comparing the raw names is the same order as comparing paths, and faster.
    out.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_creates_every_new_file_and_refuses_existing_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let existing = tmp.path().join("f3");
        std::fs::write(&existing, b"old").unwrap();
        // More files than SYNCFS_FROM, so the batch path (one sync, then links) runs.
        let files: Vec<(PathBuf, Vec<u8>)> = (0..20)
            .map(|i| {
                (
                    tmp.path().join(format!("f{i}")),
                    format!("new {i}").into_bytes(),
                )
            })
            .collect();
        let results = OsFs.create_new_batch(&files);
        for (i, ((path, bytes), r)) in files.iter().zip(&results).enumerate() {
            if i == 3 {
                assert_eq!(r.as_ref().unwrap_err().kind(), io::ErrorKind::AlreadyExists);
                assert_eq!(std::fs::read(path).unwrap(), b"old");
            } else {
                assert!(r.is_ok(), "{i}: {r:?}");
                assert_eq!(&std::fs::read(path).unwrap(), bytes);
            }
        }
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 20, "no temp file left: {names:?}");
    }
}
