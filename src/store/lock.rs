//! One writer at a time: `.dossier/lock`, naming its holder, with stale-lock recovery.
//!
//! One writer means one handle, not one process: two `Project` handles in one process (two
//! app windows on the same folder) exclude each other too. Each acquisition writes a token
//! into the lock; the process keeps the tokens of the locks it holds, so a lock naming this
//! process is held if its token is live, and leaked (recoverable) if not.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Fs;
use crate::Error;

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: DateTime<Utc>,
    /// Which acquisition by the process this is (0 in locks written before tokens existed).
    #[serde(default)]
    pub token: u64,
}

/// A held lock; released on drop.
pub struct Lock {
    fs: Arc<dyn Fs>,
    path: PathBuf,
    token: u64,
}

/// The tokens of the locks this process holds now. Taking, recovering and releasing a lock
/// happen under this mutex, so within the process they never interleave: a lock file that
/// names this process and a token not here was certainly leaked, not just being taken.
static HELD: Mutex<BTreeSet<u64>> = Mutex::new(BTreeSet::new());

fn held() -> std::sync::MutexGuard<'static, BTreeSet<u64>> {
    // A panic under this mutex cannot leave the set inconsistent (one insert or remove).
    HELD.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Holder {
    fn me(now: DateTime<Utc>, token: u64) -> Holder {
        Holder {
            pid: std::process::id(),
            host: hostname(),
            since: now,
            token,
        }
    }

    /// Whether this holder is certainly gone: a process on this host that no longer runs.
    fn is_dead(&self) -> bool {
        self.host == hostname() && !process_alive(self.pid)
    }

    /// Whether this process wrote the lock and no longer holds it (a handle leaked it, or a
    /// process of an earlier boot had our pid): recoverable, unlike another handle's live lock.
    fn is_leaked_by_me(&self, held: &BTreeSet<u64>) -> bool {
        self.host == hostname() && self.pid == std::process::id() && !held.contains(&self.token)
    }
}

impl Lock {
    /// Takes the lock at `path`, recovering a stale one left by a dead process.
    pub fn acquire(fs: Arc<dyn Fs>, path: &Path, now: DateTime<Utc>) -> Result<Lock, Error> {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let token = NEXT.fetch_add(1, Ordering::Relaxed);
        let me = toml::to_string(&Holder::me(now, token)).expect("holder serialises");
        let mut held = held();
        for _ in 0..3 {
            match fs.create_new(path, me.as_bytes()) {
                Ok(()) => {
                    held.insert(token);
                    return Ok(Lock {
                        fs,
                        path: path.to_path_buf(),
                        token,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io(path, e)),
            }
            let holder = fs
                .read(path)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .and_then(|s| toml::from_str::<Holder>(&s).ok());
            match holder {
                Some(h) if h.is_dead() || h.is_leaked_by_me(&held) => {
                    // Dead holder, or this very process leaked it: recover.
                    if h.is_dead() {
                        mark_stale(&*fs, path)?;
                    }
                    let _ = fs.remove(path);
                }
                Some(h) => {
                    return Err(Error::Locked {
                        path: path.to_path_buf(),
                        holder: h,
                    });
                }
                None => {
                    // Unreadable lock content: lock files are created whole (see `create_new`),
                    // so this is damage, not a write in progress. Recover.
                    mark_stale(&*fs, path)?;
                    let _ = fs.remove(path);
                }
            }
        }
        Err(Error::io(
            path,
            io::Error::other("the lock kept changing hands; try again"),
        ))
    }
}

/// Where a recoverer notes that a writer died (`.dossier/stale`, beside the lock).
fn stale_marker(lock: &Path) -> PathBuf {
    lock.with_file_name("stale")
}

/// Notes, before a dead writer's lock is removed, that its temp files may remain. The note
/// outlives the recoverer: killed between removing the dead lock and taking its own, it would
/// otherwise leave the next writer a clean-looking lock and the temp files for good.
fn mark_stale(fs: &dyn Fs, lock: &Path) -> Result<(), Error> {
    let marker = stale_marker(lock);
    match fs.create_new(&marker, b"") {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io(&marker, e)),
    }
}

impl Lock {
    /// Whether a writer died since the last cleanup (this acquisition or an earlier one
    /// recovered its lock): its temp files, if any, are garbage now. Call `cleaned` after
    /// removing them.
    pub fn recovered_stale(&self) -> bool {
        self.fs.exists(&stale_marker(&self.path)).unwrap_or(true)
    }

    /// Records that the dead writers' temp files are gone.
    pub fn cleaned(&self) {
        let _ = self.fs.remove(&stale_marker(&self.path));
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let mut held = held();
        let _ = self.fs.remove(&self.path);
        held.remove(&self.token);
    }
}

/// Whether `name` is a temp file (`.<name>.<pid>-<n>.tmp`, see `store::fs`) of a process that
/// no longer runs. Writers waiting for the lock make temp files in `.dossier` without holding
/// it, so there only a dead process's temp files are garbage.
pub(crate) fn is_dead_writers_temp(name: &str) -> bool {
    let Some(stem) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let pid = stem
        .rsplit_once('.')
        .and_then(|(_, tail)| tail.split_once('-'))
        .and_then(|(pid, _)| pid.parse::<u32>().ok());
    pid.is_some_and(|pid| pid != std::process::id() && !process_alive(pid))
}

fn hostname() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    // Without a cheap liveness check, assume alive: the user is told who holds the lock.
    true
}
