//! Change tracking: which of the project's files changed on disk since this handle loaded or
//! wrote them (another window, a `git pull`), cheaply enough for the app to poll.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Project;
use super::load::is_hidden;
use crate::{Error, Result};

impl Project {
    /// The project's files that differ from what this handle loaded or wrote: changed,
    /// removed, or new since (another window, a `git pull`). Empty when the handle is current;
    /// otherwise the caller reopens the project before its next edit.
    ///
    /// Cheap enough to poll: a file is read only when its stamp (size, times, inode) changed
    /// since this handle saw it; if its content did not (a `touch`), the new stamp is kept, so
    /// that the next look reads nothing again.
    pub fn changes_on_disk(&mut self) -> Result<Vec<PathBuf>> {
        let fs = self.world.fs.clone();
        let dirs = [
            (self.layout.sources(), "md"),
            (self.layout.excerpts(), "toml"),
            (self.layout.briefings(), "md"),
        ];
        let config = self.layout.config();
        let mut on_disk = match fs.stamp(&config) {
            Ok(s) => vec![(config, Some(s))],
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => vec![(config, None)],
            Err(e) => return Err(Error::io(&config, e)),
        };
        for (dir, ext) in &dirs {
            let files = fs.list_stamped(dir).map_err(|e| Error::io(dir, e))?;
            on_disk.extend(
                files
                    .into_iter()
                    .filter(|(f, _)| f.extension().is_some_and(|e| e == *ext) && !is_hidden(f))
                    .map(|(f, s)| (f, Some(s))),
            );
        }
        let mut out = Vec::new();
        let mut known = 0;
        for (f, stamp) in &on_disk {
            let Some(seen) = self.seen.get_mut(f.as_os_str()) else {
                out.push(f.clone());
                continue;
            };
            known += 1;
            // Gone (the configuration), or as it was when this handle read or wrote it.
            let Some(stamp) = *stamp else {
                out.push(f.clone());
                continue;
            };
            if seen.stamp == Some(stamp) {
                continue;
            }
            match fs.read(f) {
                Ok(now) if <[u8; 32]>::from(Sha256::digest(&now)) == seen.sha256 => {
                    seen.stamp = Some(stamp);
                }
                Ok(_) => out.push(f.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.push(f.clone()),
                Err(e) => return Err(Error::io(f, e)),
            }
        }
        // Items this handle knows that are gone from their folder: only looked for when fewer
        // known files were found than it knows.
        let items: Vec<&Path> = dirs.iter().map(|(d, _)| d.as_path()).collect();
        let in_items = |f: &Path| f.parent().is_some_and(|d| items.contains(&d));
        let config_seen = self.seen.contains_key(self.layout.config().as_os_str());
        let item_files = self.seen.keys().filter(|f| in_items(Path::new(f))).count();
        if item_files + usize::from(config_seen) > known {
            let on_disk: std::collections::HashSet<&Path> =
                on_disk.iter().map(|(f, _)| f.as_path()).collect();
            out.extend(
                self.seen
                    .keys()
                    .map(PathBuf::from)
                    .filter(|f| in_items(f) && !on_disk.contains(f.as_path())),
            );
        }
        out.sort();
        Ok(out)
    }
}
