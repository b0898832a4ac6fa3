//! The write primitives every edit goes through: the lock, the check that a file did not
//! change since this handle saw it, atomic writes and new files, and remembering what was written.

use std::path::{Path, PathBuf};

use dossier_model::Id;
use sha2::{Digest, Sha256};

use super::{Project, Seen};
use crate::store::{Layout, Lock};
use crate::{Error, Result};

impl Project {
    /// Takes the project lock for a group of writes; dropped, it is released.
    pub fn lock(&self) -> Result<Lock> {
        let state = self.layout.state();
        self.world
            .fs
            .create_dir_all(&state)
            .map_err(|e| Error::io(&state, e))?;
        let lock = Lock::acquire(self.world.fs.clone(), &self.layout.lock(), self.world.now())?;
        if lock.recovered_stale() {
            self.remove_stale_temps();
            lock.cleaned();
        }
        self.remove_dead_writers_state_temps();
        Ok(lock)
    }

    /// Removes the temp files a writer that died mid-save left behind (`.<name>.<pid>-<n>.tmp`,
    /// see `store::fs`). Only the lock holder writes, so after a dead holder every temp file is
    /// garbage. Best effort: a leftover temp file is invisible to loading anyway.
    fn remove_stale_temps(&self) {
        let l = &self.layout;
        for dir in [
            l.root(),
            l.sources(),
            l.originals(),
            l.excerpts(),
            l.briefings(),
            l.output(),
        ] {
            for file in self.world.fs.list(&dir).unwrap_or_default() {
                let name = file.file_name().unwrap_or_default().to_string_lossy();
                if name.starts_with('.') && name.ends_with(".tmp") {
                    let _ = self.world.fs.remove(&file);
                }
            }
        }
    }

    /// Removes the temp files of dead processes in `.dossier` (a writer killed while making
    /// the lock). Cheap: the folder holds a few files.
    fn remove_dead_writers_state_temps(&self) {
        for file in self.world.fs.list(&self.layout.state()).unwrap_or_default() {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            if crate::store::is_dead_writers_temp(&name) {
                let _ = self.world.fs.remove(&file);
            }
        }
    }

    /// Records `bytes` as what this handle just wrote to `path`.
    pub(super) fn remember(&mut self, path: &Path, bytes: &[u8]) {
        let seen = Seen {
            sha256: Sha256::digest(bytes).into(),
            stamp: self.world.fs.stamp(path).ok(),
        };
        self.seen.insert(path.as_os_str().to_owned(), seen);
    }

    /// Refuses to replace a file that changed since this handle last saw it.
    pub(super) fn check_unchanged(&self, path: &Path) -> Result<()> {
        let Some(seen) = self.seen.get(path.as_os_str()) else {
            return Ok(());
        };
        match self.world.fs.read(path) {
            Ok(now) if <[u8; 32]>::from(Sha256::digest(&now)) == seen.sha256 => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(Error::ChangedOnDisk(path.to_path_buf()))
            }
            Ok(_) => Err(Error::ChangedOnDisk(path.to_path_buf())),
            Err(e) => Err(Error::io(path, e)),
        }
    }

    /// Folders can be missing in a git clone (git keeps no empty folders): make them on write.
    pub(super) fn ensure_parent(&self, path: &Path) -> Result<()> {
        match path.parent() {
            Some(dir) => self
                .world
                .fs
                .create_dir_all(dir)
                .map_err(|e| Error::io(dir, e)),
            None => Ok(()),
        }
    }

    pub(super) fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.check_unchanged(path)?;
        self.ensure_parent(path)?;
        self.world
            .fs
            .write_atomic(path, bytes)
            .map_err(|e| Error::io(path, e))?;
        self.remember(path, bytes);
        Ok(())
    }

    pub(super) fn write_new(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.ensure_parent(path)?;
        self.world
            .fs
            .create_new(path, bytes)
            .map_err(|e| Error::io(path, e))?;
        self.remember(path, bytes);
        Ok(())
    }

    pub(super) fn delete(&mut self, path: &Path) -> Result<()> {
        self.check_unchanged(path)?;
        self.world.fs.remove(path).map_err(|e| Error::io(path, e))?;
        self.seen.remove(path.as_os_str());
        Ok(())
    }

    /// Writes a new item under the shortest free id `<prefix>-<words>-<hash>`, lengthening the
    /// hash on collision. `encode` sets the id into the item and returns its file content.
    pub(super) fn claim_id(
        &mut self,
        prefix: &str,
        words: &str,
        hash: &str,
        mut encode: impl FnMut(&Id) -> String,
        path: impl Fn(&Layout, &Id) -> PathBuf,
    ) -> Result<Id> {
        for len in [4, 6, 8, 12, 16, 24, 32, 64] {
            let id = Id::compose(prefix, words, 3, &hash[..len.min(hash.len())]);
            let file = path(&self.layout, &id);
            self.ensure_parent(&file)?;
            match self.world.fs.create_new(&file, encode(&id).as_bytes()) {
                Ok(()) => {
                    let text = encode(&id);
                    self.remember(&file, text.as_bytes());
                    return Ok(id);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::io(&file, e)),
            }
        }
        Err(Error::Invalid(format!(
            "could not find a free id for '{words}'"
        )))
    }
}
