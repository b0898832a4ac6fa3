//! The one core API: a [`Project`] handle over a project folder. The CLI and the desktop app
//! are thin adapters over these methods; neither adds a capability of its own.
//!
//! Every mutation takes the project lock, writes each file atomically, and refuses to overwrite
//! a file that changed on disk since this handle loaded it (another window, a `git pull`).

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use dossier_chronology::{Chronology, Filter};
use dossier_import::dedup::Index as ReprintIndex;
use dossier_model::{
    Briefing, BriefingMeta, Credibility, Edtf, Excerpt, Found, Id, Locator, Marking, Period,
    ProjectConfig, Reliability, Source, Tag,
};
use sha2::{Digest, Sha256};

use crate::store::{self, Layout, Lock, Stamp};
use crate::{Error, Result, World, quote};

mod import;
mod items;
mod tag_set;
use import::extension_for;
pub use import::{ImportControl, Imported, Prepared, import_in_batches};
pub(crate) use items::Items;

/// An open project.
pub struct Project {
    world: World,
    layout: Layout,
    config: ProjectConfig,
    sources: Items<Source>,
    excerpts: Items<Excerpt>,
    briefings: BTreeMap<String, Briefing>,
    /// Each file as this handle last loaded or wrote it.
    seen: HashMap<OsString, Seen>,
    /// MinHash index of the sources' texts for reprint detection, built at the first import.
    reprints: Option<ReprintIndex<Id>>,
}

/// What a handle knows of a file it loaded or wrote: its content's SHA-256, which decides
/// whether the file changed, and its stamp then, which spares reading it to find it has not.
#[derive(Debug, Clone, Copy)]
struct Seen {
    sha256: [u8; 32],
    /// `None` when the file could not be stamped: then only its content tells.
    stamp: Option<Stamp>,
}

/// A file that could not be loaded; `dossier validate` reports these, `open` refuses them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

/// Changes to a source; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct SourceEdit {
    pub title: Option<Option<String>>,
    pub outlet: Option<Option<String>>,
    pub author: Option<Option<String>>,
    pub url: Option<Option<String>>,
    pub published: Option<Option<Edtf>>,
    pub dateline: Option<Option<String>>,
    pub language: Option<Option<String>>,
    pub reliability: Option<Reliability>,
    pub reprint_of: Option<Option<Id>>,
    pub add_tags: Vec<Tag>,
    pub remove_tags: Vec<Tag>,
    pub notes: Option<String>,
    /// Where the values set above came from when not from the analyst (the default).
    pub found_by: FoundBy,
}

/// The provenance and confidence of values a [`SourceEdit`] sets, when they are not the
/// analyst's: undoing an edit puts back each value as the rule that found it said it.
#[derive(Debug, Clone, Default)]
pub struct FoundBy {
    pub title: Option<Found<()>>,
    pub outlet: Option<Found<()>>,
    pub author: Option<Found<()>>,
    pub url: Option<Found<()>>,
    pub published: Option<Found<()>>,
    pub dateline: Option<Found<()>>,
    pub language: Option<Found<()>>,
}

/// A new excerpt as the analyst describes it.
#[derive(Debug, Clone)]
pub struct ExcerptDraft {
    pub source: Id,
    pub quote: String,
    /// 1-based occurrence of the quote in the source text.
    pub occurrence: usize,
    pub date: Option<Edtf>,
    pub reported: Option<Edtf>,
    pub summary: String,
    pub tags: Vec<Tag>,
    pub credibility: Credibility,
    pub portion: Option<Marking>,
    pub note: String,
    pub translation: Option<String>,
    pub sequence: u32,
}

impl ExcerptDraft {
    pub fn new(source: Id, quote: impl Into<String>) -> ExcerptDraft {
        ExcerptDraft {
            source,
            quote: quote.into(),
            occurrence: 1,
            date: None,
            reported: None,
            summary: String::new(),
            tags: Vec::new(),
            credibility: Credibility::default(),
            portion: None,
            note: String::new(),
            translation: None,
            sequence: 0,
        }
    }
}

/// Changes to an excerpt; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct ExcerptEdit {
    /// A new quote, located again in the source (with its occurrence).
    pub quote: Option<(String, usize)>,
    pub date: Option<Option<Edtf>>,
    pub reported: Option<Option<Edtf>>,
    pub summary: Option<String>,
    pub credibility: Option<Credibility>,
    pub add_tags: Vec<Tag>,
    pub remove_tags: Vec<Tag>,
    pub portion: Option<Option<Marking>>,
    pub note: Option<String>,
    pub translation: Option<Option<String>>,
    pub sequence: Option<u32>,
}

const STARTER_BRIEFING: &str = "\
## BLUF

State the bottom line up front in one or two sentences.

## Key judgments

- A judgment, citing the excerpts that support it as `[@excerpt-id]`.

## Discussion

## Outlook
";

impl Project {
    /// Creates a new project in `dir` (created if missing; refused if it is a project already).
    pub fn create(world: World, dir: &Path, mut config: ProjectConfig) -> Result<Project> {
        let layout = Layout::new(dir);
        store::refuse_links(&layout)?;
        let fs = world.fs.clone();
        if fs.read(&layout.config()).is_ok() {
            return Err(Error::AlreadyAProject(dir.to_path_buf()));
        }
        for d in [
            layout.sources(),
            layout.originals(),
            layout.excerpts(),
            layout.briefings(),
            layout.state(),
        ] {
            fs.create_dir_all(&d).map_err(|e| Error::io(&d, e))?;
        }
        config.format = dossier_model::FORMAT_VERSION;
        let mut p = Project::empty(world, layout, config);
        let _lock = p.lock()?;
        let ignore = p.layout.root.join(".gitignore");
        p.write_new(
            &ignore,
            b"# Dossier's lock and caches, rebuilt on demand\n/.dossier/\n/out/\n",
        )?;
        let main = Briefing {
            name: "main".into(),
            meta: BriefingMeta {
                title: p.config.title.clone(),
                ..BriefingMeta::default()
            },
            body: STARTER_BRIEFING.into(),
        };
        p.write_new(
            &p.layout.briefing("main"),
            store::encode_briefing(&main).as_bytes(),
        )?;
        p.briefings.insert(main.name.clone(), main);
        // The config last: a crash before this leaves a folder that is not yet a project.
        p.write_new(
            &p.layout.config(),
            store::encode_config(&p.config).as_bytes(),
        )?;
        Ok(p)
    }

    /// A project with its configuration and no items yet (what `create` and `load` start from).
    fn empty(world: World, layout: Layout, config: ProjectConfig) -> Project {
        Project {
            world,
            layout,
            config,
            sources: BTreeMap::new().into(),
            excerpts: BTreeMap::new().into(),
            briefings: BTreeMap::new(),
            seen: HashMap::new(),
            reprints: None,
        }
    }

    /// Opens the project in `dir`; any file that cannot be loaded is an error naming it.
    pub fn open(world: World, dir: &Path) -> Result<Project> {
        let (project, problems) = Project::load(world, dir)?;
        match problems.into_iter().next() {
            Some(p) => Err(Error::Parse {
                file: p.file,
                line: p.line,
                message: p.message,
            }),
            None => Ok(project),
        }
    }

    /// Loads what can be loaded and lists the files that could not. Only a missing, unreadable
    /// or newer-format `dossier.toml` is an error here.
    pub fn load(world: World, dir: &Path) -> Result<(Project, Vec<Problem>)> {
        let layout = Layout::new(dir);
        store::refuse_links(&layout)?;
        let fs = world.fs.clone();
        let config_path = layout.config();
        let config_stamp = fs.stamp(&config_path).ok();
        let config_text = match store::read_text(&*fs, &config_path) {
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NotAProject(dir.to_path_buf()));
            }
            other => other?,
        };
        let config = store::decode_config(&config_path, &config_text)?;
        let mut p = Project::empty(world, layout, config);
        p.seen.insert(
            config_path.clone().into_os_string(),
            Seen {
                sha256: Sha256::digest(config_text.as_bytes()).into(),
                stamp: config_stamp,
            },
        );
        let mut problems = Vec::new();
        let list = |d: &Path, ext: &str| -> Result<Vec<PathBuf>> {
            Ok(fs
                .list(d)
                .map_err(|e| Error::io(d, e))?
                .into_iter()
                .filter(|f| f.extension().is_some_and(|e| e == ext) && !is_hidden(f))
                .collect())
        };
        let sources = load_all(&*fs, list(&p.layout.sources(), "md")?, store::decode_source);
        p.sources = gather(sources, |s| s.id.clone(), &mut p.seen, &mut problems).into();
        let excerpts = load_all(
            &*fs,
            list(&p.layout.excerpts(), "toml")?,
            store::decode_excerpt,
        );
        p.excerpts = gather(excerpts, |x| x.id.clone(), &mut p.seen, &mut problems).into();
        let briefings = load_all(
            &*fs,
            list(&p.layout.briefings(), "md")?,
            store::decode_briefing,
        );
        p.briefings = gather(briefings, |b| b.name.clone(), &mut p.seen, &mut problems);
        problems.extend(store::item_links(&p.layout).into_iter().map(|file| {
            Problem {
                file,
                line: 1,
                message:
                    "a symbolic link, which Dossier does not follow (it could lead outside the \
                      project); replace it with the file itself"
                        .into(),
            }
        }));
        Ok((p, problems))
    }

    pub fn root(&self) -> &Path {
        &self.layout.root
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn world(&self) -> &World {
        &self.world
    }

    pub fn config(&self) -> &ProjectConfig {
        &self.config
    }

    pub fn sources(&self) -> impl ExactSizeIterator<Item = &Source> + Clone {
        self.sources.values()
    }

    pub fn excerpts(&self) -> impl ExactSizeIterator<Item = &Excerpt> + Clone {
        self.excerpts.values()
    }

    pub(crate) fn source_items(&self) -> &Items<Source> {
        &self.sources
    }

    pub(crate) fn excerpt_items(&self) -> &Items<Excerpt> {
        &self.excerpts
    }

    pub fn briefings(&self) -> impl ExactSizeIterator<Item = &Briefing> {
        self.briefings.values()
    }

    pub fn source(&self, id: &Id) -> Result<&Source> {
        self.sources
            .get(id)
            .ok_or_else(|| Error::UnknownSource(id.clone()))
    }

    pub fn excerpt(&self, id: &Id) -> Result<&Excerpt> {
        self.excerpts
            .get(id)
            .ok_or_else(|| Error::UnknownExcerpt(id.clone()))
    }

    pub fn briefing(&self, name: &str) -> Result<&Briefing> {
        self.briefings.get(name).ok_or_else(|| {
            Error::Invalid(format!(
                "no briefing named '{name}' in {}; briefings are the .md files there",
                self.layout.briefings().display()
            ))
        })
    }

    /// The excerpts that cite `source`, in id order.
    pub fn excerpts_of<'a>(&'a self, source: &'a Id) -> impl Iterator<Item = &'a Excerpt> + 'a {
        self.excerpts.values().filter(move |e| &e.source == source)
    }

    /// The chronology of the project's excerpts under `filter`.
    pub fn chronology(&self, filter: &Filter) -> Chronology {
        let sources: Vec<&Source> = self.sources.values().collect();
        let excerpts: Vec<&Excerpt> = self.excerpts.values().collect();
        dossier_chronology::assemble(&sources, &excerpts, filter)
    }

    // ----- sources -----

    pub fn edit_source(&mut self, id: &Id, edit: SourceEdit) -> Result<&Source> {
        let mut s = self.source(id)?.clone();
        if let Some(Some(target)) = &edit.reprint_of {
            if target == id {
                return Err(Error::Invalid(format!(
                    "source '{id}' cannot be a reprint of itself"
                )));
            }
            self.source(target)?;
        }
        let by = edit.found_by;
        set_found(&mut s.title, edit.title, by.title);
        set_found(&mut s.outlet, edit.outlet, by.outlet);
        set_found(&mut s.author, edit.author, by.author);
        set_found(&mut s.url, edit.url, by.url);
        set_found(&mut s.published, edit.published, by.published);
        set_found(&mut s.dateline, edit.dateline, by.dateline);
        set_found(&mut s.language, edit.language, by.language);
        if let Some(r) = edit.reliability {
            s.reliability = r;
        }
        if let Some(r) = edit.reprint_of {
            s.reprint_of = r;
        }
        edit_tags(&mut s.tags, edit.add_tags, &edit.remove_tags);
        if let Some(n) = edit.notes {
            s.notes = n;
        }
        let _lock = self.lock()?;
        self.write(&self.layout.source(id), store::encode_source(&s).as_bytes())?;
        self.sources.insert(id.clone(), s);
        Ok(&self.sources[id])
    }

    /// Removes a source; refused while excerpts cite it unless `with_excerpts`, which removes
    /// them too. Returns the ids of the removed excerpts.
    pub fn remove_source(&mut self, id: &Id, with_excerpts: bool) -> Result<Vec<Id>> {
        let source = self.source(id)?.clone();
        let citing: Vec<Id> = self.excerpts_of(id).map(|e| e.id.clone()).collect();
        if !citing.is_empty() && !with_excerpts {
            return Err(Error::SourceInUse {
                id: id.clone(),
                count: citing.len(),
                first: citing[0].clone(),
            });
        }
        let _lock = self.lock()?;
        for e in &citing {
            self.delete(&self.layout.excerpt(e))?;
            self.excerpts.remove(e);
        }
        self.delete(&self.layout.source(id))?;
        self.sources.remove(id);
        let original = self.layout.original(
            &source.original.sha256,
            extension_for(&source.original.media_type),
        );
        let _ = self.world.fs.remove(&original);
        for other in self
            .sources
            .values_mut()
            .filter(|s| s.reprint_of.as_ref() == Some(id))
        {
            other.reprint_of = None;
        }
        Ok(citing)
    }

    // ----- excerpts -----

    pub fn add_excerpt(&mut self, d: ExcerptDraft) -> Result<&Excerpt> {
        let source = self.source(&d.source)?;
        let (start, end) = locate(source, &d.quote, d.occurrence)?;
        let quote = source.text[start..end].to_string();
        let page = source.page_at(start);
        let words = if d.summary.is_empty() {
            quote.clone()
        } else {
            d.summary.clone()
        };
        let seed = hex(&Sha256::digest(
            format!("{}\n{start}\n{quote}", d.source).as_bytes(),
        ));
        // Without a date from the analyst, the one date of the quote's sentence, if one.
        let date = match d.date {
            Some(date) => Some(Found::by_analyst(date)),
            None => crate::dating::sentence_date(source, start, end),
        };
        let prefix = date
            .as_ref()
            .map(|f| id_prefix(&f.value))
            .unwrap_or_default();
        let mut excerpt = Excerpt {
            id: Id::compose("", "x", 1, "x"),
            source: d.source,
            quote,
            locator: Locator { start, end, page },
            date,
            reported: d.reported,
            summary: d.summary,
            credibility: d.credibility,
            tags: dedup_tags(d.tags),
            portion: d.portion,
            note: d.note,
            translation: d.translation,
            sequence: d.sequence,
        };
        let _lock = self.lock()?;
        let id = self.claim_id(
            &prefix,
            &words,
            &seed,
            |id| {
                excerpt.id = id.clone();
                store::encode_excerpt(&excerpt)
            },
            |l, id| l.excerpt(id),
        )?;
        self.excerpts.insert(id.clone(), excerpt);
        Ok(&self.excerpts[&id])
    }

    pub fn edit_excerpt(&mut self, id: &Id, edit: ExcerptEdit) -> Result<&Excerpt> {
        let mut x = self.excerpt(id)?.clone();
        if let Some((quote, occurrence)) = edit.quote {
            let source = self.source(&x.source)?;
            let (start, end) = locate(source, &quote, occurrence)?;
            x.quote = source.text[start..end].to_string();
            x.locator = Locator {
                start,
                end,
                page: source.page_at(start),
            };
        }
        if let Some(d) = edit.date {
            x.date = d.map(Found::by_analyst);
        }
        if let Some(r) = edit.reported {
            x.reported = r;
        }
        if let Some(s) = edit.summary {
            x.summary = s;
        }
        if let Some(c) = edit.credibility {
            x.credibility = c;
        }
        edit_tags(&mut x.tags, edit.add_tags, &edit.remove_tags);
        if let Some(p) = edit.portion {
            x.portion = p;
        }
        if let Some(n) = edit.note {
            x.note = n;
        }
        if let Some(t) = edit.translation {
            x.translation = t;
        }
        if let Some(s) = edit.sequence {
            x.sequence = s;
        }
        let _lock = self.lock()?;
        self.write(
            &self.layout.excerpt(id),
            store::encode_excerpt(&x).as_bytes(),
        )?;
        self.excerpts.insert(id.clone(), x);
        Ok(&self.excerpts[id])
    }

    pub fn remove_excerpt(&mut self, id: &Id) -> Result<()> {
        self.excerpt(id)?;
        let _lock = self.lock()?;
        self.delete(&self.layout.excerpt(id))?;
        self.excerpts.remove(id);
        Ok(())
    }

    /// Sets the `sequence` of each excerpt in `order` to its place there (1, 2, 3 …): the
    /// analyst's order of excerpts that share a date. Only the files that change are written.
    pub fn set_sequences(&mut self, order: &[Id]) -> Result<()> {
        for id in order {
            self.excerpt(id)?;
        }
        let _lock = self.lock()?;
        for (i, id) in order.iter().enumerate() {
            let sequence = u32::try_from(i + 1).unwrap_or(u32::MAX);
            if self.excerpts[id].sequence == sequence {
                continue;
            }
            let mut x = self.excerpts[id].clone();
            x.sequence = sequence;
            self.write(
                &self.layout.excerpt(id),
                store::encode_excerpt(&x).as_bytes(),
            )?;
            self.excerpts.insert(id.clone(), x);
        }
        Ok(())
    }

    // ----- briefings -----

    /// Saves a briefing (new or changed). Names are file stems: letters, digits, `-` and `_`.
    pub fn save_briefing(&mut self, b: Briefing) -> Result<()> {
        let ok = !b.name.is_empty()
            && b.name.len() <= 80
            && b.name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
        if !ok {
            return Err(Error::Invalid(format!(
                "'{}' is not a briefing name: use letters, digits, '-' and '_' (at most 80)",
                b.name
            )));
        }
        let _lock = self.lock()?;
        self.write(
            &self.layout.briefing(&b.name),
            store::encode_briefing(&b).as_bytes(),
        )?;
        self.briefings.insert(b.name.clone(), b);
        Ok(())
    }

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

    // ----- storage primitives -----

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
        }
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

    /// Records `bytes` as what this handle just wrote to `path`.
    fn remember(&mut self, path: &Path, bytes: &[u8]) {
        let seen = Seen {
            sha256: Sha256::digest(bytes).into(),
            stamp: self.world.fs.stamp(path).ok(),
        };
        self.seen.insert(path.as_os_str().to_owned(), seen);
    }

    /// Refuses to replace a file that changed since this handle last saw it.
    fn check_unchanged(&self, path: &Path) -> Result<()> {
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
    fn ensure_parent(&self, path: &Path) -> Result<()> {
        match path.parent() {
            Some(dir) => self
                .world
                .fs
                .create_dir_all(dir)
                .map_err(|e| Error::io(dir, e)),
            None => Ok(()),
        }
    }

    fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.check_unchanged(path)?;
        self.ensure_parent(path)?;
        self.world
            .fs
            .write_atomic(path, bytes)
            .map_err(|e| Error::io(path, e))?;
        self.remember(path, bytes);
        Ok(())
    }

    fn write_new(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.ensure_parent(path)?;
        self.world
            .fs
            .create_new(path, bytes)
            .map_err(|e| Error::io(path, e))?;
        self.remember(path, bytes);
        Ok(())
    }

    fn delete(&mut self, path: &Path) -> Result<()> {
        self.check_unchanged(path)?;
        self.world.fs.remove(path).map_err(|e| Error::io(path, e))?;
        self.seen.remove(path.as_os_str());
        Ok(())
    }

    /// Writes a new item under the shortest free id `<prefix>-<words>-<hash>`, lengthening the
    /// hash on collision. `encode` sets the id into the item and returns its file content.
    fn claim_id(
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

type Loaded<T> = Result<(PathBuf, T, Seen)>;

/// Reads and decodes files on every core: opening a project of 60,000 files is mostly this.
/// The result is in the order of `paths`, so loading is deterministic.
fn load_all<T: Send>(
    fs: &dyn store::Fs,
    paths: Vec<PathBuf>,
    decode: fn(&Path, &str) -> Result<T>,
) -> Vec<Loaded<T>> {
    let one = |path: PathBuf| -> Loaded<T> {
        // The stamp before the content: a change after it shows in the next look.
        let stamp = fs.stamp(&path).ok();
        let text = store::read_text(fs, &path)?;
        let item = decode(&path, &text)?;
        let sha256 = Sha256::digest(text.as_bytes()).into();
        Ok((path, item, Seen { sha256, stamp }))
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads == 1 || paths.len() < 64 {
        return paths.into_iter().map(one).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    let mut chunks: Vec<Vec<PathBuf>> = Vec::with_capacity(threads);
    let mut paths = paths.into_iter().peekable();
    while paths.peek().is_some() {
        chunks.push(paths.by_ref().take(chunk).collect());
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| scope.spawn(move || c.into_iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a loader thread panicked"))
            .collect()
    })
}

/// Files loaded by [`load_all`] into a map by `key`, remembering what was seen of each file;
/// the files that could not be loaded become problems.
fn gather<T, K: Ord>(
    loaded: Vec<Loaded<T>>,
    key: impl Fn(&T) -> K,
    seen: &mut HashMap<OsString, Seen>,
    problems: &mut Vec<Problem>,
) -> BTreeMap<K, T> {
    let mut out = BTreeMap::new();
    for item in loaded {
        match item {
            Ok((path, value, digest)) => {
                seen.insert(path.into_os_string(), digest);
                out.insert(key(&value), value);
            }
            Err(e) => problems.push(problem(e)),
        }
    }
    out
}

fn problem(e: Error) -> Problem {
    match e {
        Error::Parse {
            file,
            line,
            message,
        } => Problem {
            file,
            line,
            message,
        },
        Error::Io { path, source } => Problem {
            file: path,
            line: 1,
            message: source.to_string(),
        },
        other => Problem {
            file: PathBuf::new(),
            line: 1,
            message: other.to_string(),
        },
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Locates the `occurrence`-th (1-based) match of `quote` in the source text.
fn locate(source: &Source, quote: &str, occurrence: usize) -> Result<(usize, usize)> {
    if quote.trim().is_empty() {
        return Err(Error::Invalid(
            "the quote is empty; give the passage to excerpt with --quote".into(),
        ));
    }
    let found = quote::find_all(&source.text, quote);
    if found.is_empty() {
        return Err(Error::QuoteNotFound {
            source_id: source.id.clone(),
            quote: quote.trim().to_string(),
        });
    }
    let r = found
        .get(occurrence.saturating_sub(1))
        .filter(|_| occurrence >= 1)
        .ok_or(Error::NoSuchOccurrence {
            source_id: source.id.clone(),
            wanted: occurrence,
            found: found.len(),
        })?;
    Ok((r.start, r.end))
}

/// The id prefix of a date: `2015` or `2015-06` (ids stay readable; days would be noise).
fn id_prefix(d: &Edtf) -> String {
    let period = match d {
        Edtf::Single(d) => Some(d.period()),
        Edtf::Interval(a, b) => a.date().or(b.date()).map(|d| d.period()),
    };
    match period {
        Some(Period::Year(y)) => format!("{y:04}"),
        Some(Period::Month { year, month }) => format!("{year:04}-{month:02}"),
        Some(Period::Day(day)) => day.format("%Y-%m").to_string(),
        None => String::new(),
    }
}

/// Sets `field` to the edit's value, the analyst's unless `by` says who found it.
fn set_found<T>(field: &mut Option<Found<T>>, edit: Option<Option<T>>, by: Option<Found<()>>) {
    if let Some(v) = edit {
        *field = v.map(|value| match by {
            Some(by) => Found {
                value,
                provenance: by.provenance,
                confidence: by.confidence,
                evidence: by.evidence,
            },
            None => Found::by_analyst(value),
        });
    }
}

fn edit_tags(tags: &mut Vec<Tag>, add: Vec<Tag>, remove: &[Tag]) {
    tags.retain(|t| !remove.iter().any(|r| t.matches(r)));
    tags.extend(add);
    *tags = dedup_tags(std::mem::take(tags));
}

fn dedup_tags(mut tags: Vec<Tag>) -> Vec<Tag> {
    tags.sort();
    tags.dedup();
    tags
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}
