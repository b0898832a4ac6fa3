//! Importing files into a project: extraction (pure, slow) on every core outside the lock, then
//! the batch is added under the lock and made durable with one sync (see
//! `store::Fs::create_new_batch`) instead of one per file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use dossier_import::{Extraction, Fingerprint};
use dossier_model::{Id, Original, Reliability, Source};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::edit::id_prefix;
use super::{Project, hex};
use crate::store::{self, Fs, Lock};
use crate::{Error, Result};

/// What became of one imported file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Imported {
    Imported {
        id: Id,
    },
    /// The same bytes were imported before, as `id`.
    Duplicate {
        id: Id,
    },
    /// Imported as `id`, and its text is probably a reprint of source `reprint_of` (near-duplicate
    /// text, see `dossier_import::PROBABLE_REPRINT`); `reprint_of` is set on the new source.
    Reprint {
        id: Id,
        reprint_of: Id,
    },
}

/// A file extracted and ready to be added: the slow, pure part of an import, which may run in
/// parallel before the project is locked.
pub struct Prepared {
    file_name: String,
    sha256: String,
    size: u64,
    bytes: Vec<u8>,
    extraction: Extraction,
    fingerprint: Fingerprint,
}

/// Files extracted and added per batch. The batch bounds the memory held at once (bytes and
/// extractions), how long the lock is held, and how often the data is synced.
const BATCH: usize = 256;

/// The lengths of the hash part of a new source id, shortest first: lengthened on collision.
const ID_HASH_LENGTHS: [usize; 8] = [4, 6, 8, 12, 16, 24, 32, 64];

/// One source of a batch, decided but not yet on disk.
struct Planned {
    /// Index of the file in the batch.
    item: usize,
    id: Id,
    path: PathBuf,
    reprint_of: Option<Id>,
}

impl Project {
    /// Hashes and extracts one file (pure: no project state is read or written).
    pub fn prepare(file_name: &str, bytes: Vec<u8>) -> Result<Prepared> {
        Project::prepare_with(Path::new(file_name), bytes, &Default::default())
    }

    /// [`Project::prepare`] with extraction options (where PDFs are parsed).
    fn prepare_with(
        file: &Path,
        bytes: Vec<u8>,
        options: &dossier_import::Options,
    ) -> Result<Prepared> {
        let file_name = file.display().to_string();
        let extraction =
            dossier_import::extract_with(&bytes, &file_name, options).map_err(|e| {
                Error::Import {
                    file: file.to_path_buf(),
                    message: e.to_string(),
                }
            })?;
        Ok(Prepared {
            file_name: base_name(&file_name),
            sha256: hex(&Sha256::digest(&bytes)),
            size: bytes.len() as u64,
            bytes,
            fingerprint: Fingerprint::of(&extraction.text),
            extraction,
        })
    }

    /// Imports one file from its bytes.
    pub fn import(&mut self, file_name: &str, bytes: Vec<u8>) -> Result<Imported> {
        let prepared = Project::prepare(file_name, bytes)?;
        let lock = self.lock()?;
        self.add_prepared(&lock, prepared)
    }

    /// Imports files from disk: one result per file, in order. A file that cannot be read or
    /// extracted fails alone; `progress(done, file)` is called as each file is settled.
    /// Extraction runs on every core without the lock; each batch is then added under the lock.
    pub fn import_files(
        &mut self,
        files: &[PathBuf],
        mut progress: impl FnMut(usize, &Path),
    ) -> Result<Vec<Result<Imported>>> {
        let fs = self.world.fs.clone();
        let mut settled = 0;
        import_in_batches(fs.as_ref(), files, &ImportControl::default(), |batch| {
            let first = settled;
            let results = self.add_prepared_files(batch)?;
            settled += results.len();
            for (done, file) in (first + 1..).zip(&files[first..settled]) {
                progress(done, file);
            }
            Ok::<_, Error>(results)
        })
    }

    /// [`Project::import_files`] with [`ImportControl`]: progress as each file is extracted,
    /// cancelling, and where PDFs are parsed. Fewer results than files when cancelled.
    pub fn import_files_with(
        &mut self,
        files: &[PathBuf],
        control: &ImportControl<'_>,
    ) -> Result<Vec<Result<Imported>>> {
        let fs = self.world.fs.clone();
        import_in_batches(fs.as_ref(), files, control, |batch| {
            self.add_prepared_files(batch)
        })
    }

    /// Adds a batch of extracted files (or why they could not be) under the project lock,
    /// taken once: one result per item, in order. With [`import_in_batches`] this is the only
    /// part of an import that needs the project.
    pub fn add_prepared_files(
        &mut self,
        prepared: Vec<Result<Prepared>>,
    ) -> Result<Vec<Result<Imported>>> {
        let lock = self.lock()?;
        Ok(self.add_prepared_batch(&lock, prepared))
    }

    /// Adds an extracted file as a source, unless the same bytes are already in the project.
    /// Taking the [`Lock`] proves the caller holds it: a batch of imports takes it once.
    pub fn add_prepared(&mut self, lock: &Lock, p: Prepared) -> Result<Imported> {
        let mut results = self.add_prepared_batch(lock, vec![Ok(p)]);
        results.pop().expect("one result per file")
    }

    /// Adds extracted files (or passes on why they could not be): decides every source and its
    /// id first, then writes all originals, then all source files, each group in one durable
    /// step. A file whose original or source could not be written is not in the project
    /// afterwards, and only it fails.
    fn add_prepared_batch(
        &mut self,
        _lock: &Lock,
        prepared: Vec<Result<Prepared>>,
    ) -> Vec<Result<Imported>> {
        let mut results: Vec<Result<Imported>> = Vec::with_capacity(prepared.len());
        let mut by_sha: HashMap<String, Id> = self
            .sources
            .values()
            .map(|s| (s.original.sha256.clone(), s.id.clone()))
            .collect();
        let mut planned: Vec<Planned> = Vec::new();
        let mut originals: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        let mut original_of: Vec<usize> = Vec::new();
        let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        for (item, p) in prepared.into_iter().enumerate() {
            let p = match p {
                Ok(p) => p,
                Err(e) => {
                    results.push(Err(e));
                    continue;
                }
            };
            if let Some(id) = by_sha.get(&p.sha256) {
                results.push(Ok(Imported::Duplicate { id: id.clone() }));
                continue;
            }
            match self.plan_source(item, p, &mut originals, &mut original_of, &mut files) {
                Ok((plan, sha)) => {
                    by_sha.insert(sha, plan.id.clone());
                    // Settled after the writes; a placeholder keeps the order.
                    results.push(Ok(Imported::Imported {
                        id: plan.id.clone(),
                    }));
                    planned.push(plan);
                }
                Err(e) => results.push(Err(e)),
            }
        }
        if !planned.is_empty() {
            for dir in [self.layout.originals(), self.layout.sources()] {
                if let Err(e) = self.world.fs.create_dir_all(&dir) {
                    for plan in &planned {
                        self.sources.remove(&plan.id);
                        let e = std::io::Error::new(e.kind(), e.to_string());
                        results[plan.item] = Err(Error::io(&dir, e));
                    }
                    return results;
                }
            }
        }
        let mut failed: HashMap<usize, Error> = HashMap::new();
        // Originals this batch created, by item: removed again if their source fails.
        let mut created: HashMap<usize, PathBuf> = HashMap::new();
        let written = self.world.fs.create_new_batch(&originals);
        for (((path, bytes), r), &item) in originals.iter().zip(written).zip(&original_of) {
            match r {
                // Same name, same SHA-256: the same bytes are already there.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    failed.insert(item, Error::io(path, e));
                }
                Ok(()) => {
                    self.remember(path, bytes);
                    created.insert(item, path.clone());
                }
            }
        }
        // Sources whose original is missing are not written at all.
        let (to_write, skipped): (Vec<_>, Vec<_>) = planned
            .into_iter()
            .zip(files)
            .partition(|(plan, _)| !failed.contains_key(&plan.item));
        for (plan, _) in skipped {
            self.sources.remove(&plan.id);
            results[plan.item] = Err(failed.remove(&plan.item).expect("failed above"));
        }
        let (plans, files): (Vec<Planned>, Vec<(PathBuf, Vec<u8>)>) = to_write.into_iter().unzip();
        let written = self.world.fs.create_new_batch(&files);
        for ((plan, (path, bytes)), r) in plans.into_iter().zip(files).zip(written) {
            results[plan.item] = match r {
                Ok(()) => {
                    self.remember(&path, &bytes);
                    Ok(match plan.reprint_of {
                        Some(reprint_of) => Imported::Reprint {
                            id: plan.id,
                            reprint_of,
                        },
                        None => Imported::Imported { id: plan.id },
                    })
                }
                Err(e) => {
                    self.sources.remove(&plan.id);
                    // Leave the project as it was: no original without its source.
                    if let Some(original) = created.get(&plan.item) {
                        let _ = self.world.fs.remove(original);
                        self.seen.remove(original.as_os_str());
                    }
                    Err(Error::io(&plan.path, e))
                }
            };
        }
        // A duplicate of a file in this batch that failed is not in the project either.
        for r in &mut results {
            if let Ok(Imported::Duplicate { id }) = r
                && !self.sources.contains_key(id)
            {
                *r = Err(Error::Invalid(format!(
                    "not imported: an identical file in the same import failed ('{id}')"
                )));
            }
        }
        results
    }

    /// Decides the source for `p`: its id (free on disk and in this batch), its reprint link,
    /// and the files to write. The source joins `self.sources` now so that later files in the
    /// batch see it; the caller removes it again if its files cannot be written.
    fn plan_source(
        &mut self,
        item: usize,
        p: Prepared,
        originals: &mut Vec<(PathBuf, Vec<u8>)>,
        original_of: &mut Vec<usize>,
        files: &mut Vec<(PathBuf, Vec<u8>)>,
    ) -> Result<(Planned, String)> {
        let reprint_of = self.probable_reprint_of(&p.fingerprint);
        let x = p.extraction;
        let ext = extension_for(&x.media_type);
        let original = self.layout.original(&p.sha256, ext);
        let original_pending = originals.iter().any(|(path, _)| *path == original);
        if !original_pending && !self.exists(&original)? {
            originals.push((original, p.bytes));
            original_of.push(item);
        }
        let prefix = x
            .published
            .as_ref()
            .map(|f| id_prefix(&f.value))
            .unwrap_or_default();
        let words = x
            .title
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_else(|| p.file_name.clone());
        let mut id = None;
        for len in ID_HASH_LENGTHS {
            let candidate = Id::compose(&prefix, &words, 3, &p.sha256[..len.min(p.sha256.len())]);
            let path = self.layout.source(&candidate);
            let pending = files.iter().any(|(f, _)| *f == path);
            if !pending && !self.sources.contains_key(&candidate) && !self.exists(&path)? {
                id = Some((candidate, path));
                break;
            }
        }
        let Some((id, path)) = id else {
            return Err(Error::Invalid(format!(
                "could not find a free id for '{words}'"
            )));
        };
        let source = Source {
            id: id.clone(),
            title: x.title,
            outlet: x.outlet,
            author: x.author,
            url: x.url,
            published: x.published,
            dateline: x.dateline,
            language: x.language,
            captured_at: self.world.now(),
            original: Original {
                file_name: p.file_name,
                media_type: x.media_type,
                sha256: p.sha256.clone(),
                size: p.size,
            },
            reliability: Reliability::default(),
            reprint_of: reprint_of.clone(),
            attribution: x.attribution,
            tags: Vec::new(),
            notes: String::new(),
            removed: x.removed,
            pages: x.pages,
            warnings: x.warnings,
            text: x.text,
        };
        files.push((path.clone(), store::encode_source(&source).into_bytes()));
        self.sources.insert(id.clone(), source);
        if let Some(index) = &mut self.reprints {
            index.insert(id.clone(), p.fingerprint);
        }
        Ok((
            Planned {
                item,
                id,
                path,
                reprint_of,
            },
            p.sha256,
        ))
    }

    fn exists(&self, path: &Path) -> Result<bool> {
        self.world.fs.exists(path).map_err(|e| Error::io(path, e))
    }

    /// The existing source whose text the fingerprinted text probably reprints.
    fn probable_reprint_of(&mut self, fp: &Fingerprint) -> Option<Id> {
        let sources = &self.sources;
        let index = self.reprints.get_or_insert_with(|| {
            let mut index = dossier_import::dedup::Index::new();
            for (id, s) in sources.iter() {
                index.insert(id.clone(), Fingerprint::of(&s.text));
            }
            index
        });
        // A source removed since the index was built is no longer a candidate.
        index
            .probable_reprint_of(fp)
            .map(|(id, _)| id)
            .filter(|id| self.sources.contains_key(id))
    }
}

/// Told as each file of an import has been extracted: how many so far, and which file.
pub type Progress<'a> = dyn Fn(usize, &Path) + Sync + 'a;

/// What the caller of an import sees and decides while it runs.
#[derive(Default)]
pub struct ImportControl<'a> {
    /// Called as each file has been read and extracted (before its batch is written), with the
    /// number of files extracted so far; from the extracting threads.
    pub progress: Option<&'a Progress<'a>>,
    /// Set (by another thread) to stop: checked before each file is read. The files extracted
    /// until then are still added, in order; the rest are left out.
    pub cancel: Option<&'a AtomicBool>,
    /// How PDFs are parsed (default: a worker process of the current executable, which must
    /// call `dossier_import::pdf::serve_worker_if_asked` first in `main`).
    pub options: dossier_import::Options,
}

impl ImportControl<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

/// Imports `files` batch by batch: each batch is read through `fs` and extracted on every core
/// (pure: no project involved), then handed to `add` (normally [`Project::add_prepared_files`]),
/// so a caller that shares the project (the app, behind a mutex) holds it only while a batch is
/// written. One result per file settled, in order: all files, or on cancel the files before
/// the first one that was not extracted.
pub fn import_in_batches<E>(
    fs: &dyn Fs,
    files: &[PathBuf],
    control: &ImportControl<'_>,
    mut add: impl FnMut(Vec<Result<Prepared>>) -> std::result::Result<Vec<Result<Imported>>, E>,
) -> std::result::Result<Vec<Result<Imported>>, E> {
    let mut out = Vec::with_capacity(files.len());
    let extracted = AtomicUsize::new(0);
    for batch in files.chunks(BATCH) {
        let prepared: Vec<Option<Result<Prepared>>> = batch
            .par_iter()
            .map(|file| {
                if control.cancelled() {
                    return None;
                }
                let result = fs
                    .read(file)
                    .map_err(|e| Error::Import {
                        file: file.clone(),
                        message: e.to_string(),
                    })
                    .and_then(|bytes| Project::prepare_with(file, bytes, &control.options));
                if let Some(progress) = control.progress {
                    progress(extracted.fetch_add(1, Ordering::Relaxed) + 1, file);
                }
                Some(result)
            })
            .collect();
        let complete = prepared.iter().all(Option::is_some);
        // Only a prefix is added, so that the results stay in the order of `files`.
        let prepared: Vec<Result<Prepared>> = prepared.into_iter().map_while(|p| p).collect();
        if !prepared.is_empty() {
            out.extend(add(prepared)?);
        }
        if !complete || control.cancelled() {
            break;
        }
    }
    Ok(out)
}

/// The file extension an original is stored under, from its detected media type (never from
/// the name the file arrived with).
pub(super) fn extension_for(media_type: &str) -> &'static str {
    match media_type {
        "text/plain" => "txt",
        "text/markdown" => "md",
        "text/html" => "html",
        "application/pdf" => "pdf",
        "multipart/related" | "message/rfc822" => "mhtml",
        _ => "bin",
    }
}

fn base_name(file_name: &str) -> String {
    Path::new(file_name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file_name.to_string())
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use dossier_model::ProjectConfig;

    use super::*;
    use crate::World;

    /// Whether a file became a source (short, similar notes may be taken for reprints).
    fn added(r: &Result<Imported>) -> bool {
        matches!(r, Ok(Imported::Imported { .. } | Imported::Reprint { .. }))
    }

    /// A new project and `n` distinct text files to import into it.
    fn project_and_files(n: usize) -> (tempfile::TempDir, Project, Vec<PathBuf>) {
        let tmp = tempfile::tempdir().unwrap();
        let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let p = Project::create(
            World::new(now),
            &tmp.path().join("p"),
            ProjectConfig::new("t"),
        )
        .unwrap();
        let dir = tmp.path().join("in");
        std::fs::create_dir(&dir).unwrap();
        let files = (0..n)
            .map(|i| {
                let f = dir.join(format!("{i:04}.txt"));
                std::fs::write(&f, format!("Note {i}: the council met on the {i}th.\n")).unwrap();
                f
            })
            .collect();
        (tmp, p, files)
    }

    #[test]
    fn import_reports_each_file_as_it_is_extracted() {
        let (_tmp, mut p, files) = project_and_files(5);
        let seen = Mutex::new(Vec::new());
        let progress = |done: usize, file: &Path| {
            seen.lock().unwrap().push((done, file.to_path_buf()));
        };
        let control = ImportControl {
            progress: Some(&progress),
            ..ImportControl::default()
        };
        let results = p.import_files_with(&files, &control).unwrap();
        assert_eq!(results.len(), 5);
        assert!(results.iter().all(added), "{results:?}");
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        let counts: Vec<usize> = seen.iter().map(|(d, _)| *d).collect();
        assert_eq!(counts, [1, 2, 3, 4, 5]);
        let mut reported: Vec<PathBuf> = seen.into_iter().map(|(_, f)| f).collect();
        reported.sort();
        assert_eq!(reported, files);
    }

    #[test]
    fn import_cancelled_before_it_starts_adds_nothing() {
        let (_tmp, mut p, files) = project_and_files(3);
        let cancel = AtomicBool::new(true);
        let control = ImportControl {
            cancel: Some(&cancel),
            ..ImportControl::default()
        };
        assert!(p.import_files_with(&files, &control).unwrap().is_empty());
        assert_eq!(p.sources().len(), 0);
    }

    #[test]
    fn import_cancelled_midway_keeps_the_files_before_and_skips_the_rest() {
        // More than two batches, so the cancel is seen before the last batch at the latest.
        let (_tmp, mut p, files) = project_and_files(2 * BATCH + 10);
        let cancel = AtomicBool::new(false);
        let progress = |done: usize, _: &Path| {
            if done == 3 {
                cancel.store(true, Ordering::Relaxed);
            }
        };
        let control = ImportControl {
            progress: Some(&progress),
            cancel: Some(&cancel),
            ..ImportControl::default()
        };
        let results = p.import_files_with(&files, &control).unwrap();
        assert!(
            !results.is_empty() && results.len() <= BATCH,
            "{} results",
            results.len()
        );
        assert!(results.iter().all(added), "{results:?}");
        // The results are those of the first files, and exactly they are in the project.
        assert_eq!(p.sources().len(), results.len());
        let names: Vec<&str> = p.sources().map(|s| s.original.file_name.as_str()).collect();
        for f in &files[..results.len()] {
            let name = f.file_name().unwrap().to_str().unwrap();
            assert!(names.contains(&name), "{name} missing");
        }
    }
}
