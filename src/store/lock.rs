//! One writer at a time: `.dossier/lock`, naming its holder, with stale-lock recovery.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
}

/// A held lock; released on drop.
pub struct Lock {
    fs: Arc<dyn Fs>,
    path: PathBuf,
    recovered: bool,
}

impl Holder {
    fn me(now: DateTime<Utc>) -> Holder {
        Holder {
            pid: std::process::id(),
            host: hostname(),
            since: now,
        }
    }

    /// Whether this holder is certainly gone: a process on this host that no longer runs.
    fn is_dead(&self) -> bool {
        self.host == hostname() && !process_alive(self.pid)
    }
}

impl Lock {
    /// Takes the lock at `path`, recovering a stale one left by a dead process.
    pub fn acquire(fs: Arc<dyn Fs>, path: &Path, now: DateTime<Utc>) -> Result<Lock, Error> {
        let me = toml::to_string(&Holder::me(now)).expect("holder serialises");
        let mut recovered = false;
        for _ in 0..3 {
            match fs.create_new(path, me.as_bytes()) {
                Ok(()) => {
                    return Ok(Lock {
                        fs,
                        path: path.to_path_buf(),
                        recovered,
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
                Some(h) if h.is_dead() || h.pid == std::process::id() && h.host == hostname() => {
                    // Dead holder, or this very process leaked it: recover.
                    recovered |= h.is_dead();
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
                    recovered = true;
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

impl Lock {
    /// Whether taking the lock recovered one left by a writer that died: its temp files, if
    /// any, are garbage now.
    pub fn recovered_stale(&self) -> bool {
        self.recovered
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = self.fs.remove(&self.path);
    }
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
