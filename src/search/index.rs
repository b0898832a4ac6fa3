//! The search index: a tantivy index of the project's sources and excerpts, kept under
//! `.dossier/search-v<FORMAT>/` as a cache that can always be rebuilt from the project's files.
//!
//! Each document carries its item's *version*: the first bytes of the SHA-256 of the file it was
//! made from (an excerpt's also of its source's, whose outlet, author and grade it is found by).
//! The first search of a handle compares the versions the index holds with the project's and
//! reindexes only the items that differ, so an index left behind by a crash, by another
//! program's edits or by a `git pull` is brought up to date, never trusted blindly; an index
//! that cannot be opened, or of another format, is deleted and built again. After that, each
//! search first applies the changes made through this `Project` since the last one (the
//! change logs of `Items`).
//!
//! The index lives in tantivy's own memory-mapped directory, not behind `Fs`: it is a cache of
//! what `Fs` read, and nothing in it is ever read back into the project. When the folder cannot
//! be written (a read-only project) or another program holds the index's writer lock, the index
//! is built in memory instead, for this handle only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier_model::{Excerpt, Id, Source};
use tantivy::directory::MmapDirectory;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{DocId, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::analyzer;
use crate::Project;

/// Bumped whenever the schema, the analyzer or what is indexed changes: an index of another
/// format is deleted and built again.
pub const FORMAT: u32 = 1;

/// The searched fields and how much a match in each weighs (BM25 times this).
pub const TEXT_FIELDS: [(&str, f32); 10] = [
    ("title", 3.0),
    ("outlet", 1.5),
    ("author", 1.5),
    ("notes", 1.0),
    ("text", 1.0),
    ("quote", 2.0),
    ("summary", 2.0),
    ("note", 1.0),
    ("tags", 1.5),
    ("translation", 1.0),
];

/// The tantivy fields of the schema.
#[derive(Clone, Copy)]
pub struct Fields {
    /// "s:<id>" or "x:<id>": what a document is, and how it is deleted.
    pub key: Field,
    /// "<key>@<version>": which file contents the document was made from.
    pub version: Field,
    /// "source" or "excerpt", for `kind:`.
    pub kind: Field,
    /// `TEXT_FIELDS`, in that order.
    pub text: [Field; 10],
    /// An excerpt's source's outlet and author, and a source's own: for `outlet:` and `author:`.
    pub outlet_filter: Field,
    pub author_filter: Field,
    /// The Admiralty grade: "b", "2" and "b2" for an excerpt graded B2.
    pub grade: Field,
    /// The first and last day of the item's date (days since 1970), for `date:`.
    pub day_from: Field,
    pub day_to: Field,
}

impl Fields {
    pub fn named(&self, name: &str) -> Option<Field> {
        TEXT_FIELDS
            .iter()
            .position(|(n, _)| *n == name)
            .map(|i| self.text[i])
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let analysed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let key = b.add_text_field("key", STRING | STORED);
    let version = b.add_text_field("version", STRING);
    let kind = b.add_text_field("kind", STRING);
    let text = TEXT_FIELDS.map(|(name, _)| b.add_text_field(name, analysed.clone()));
    let outlet_filter = b.add_text_field("outlet_filter", analysed.clone());
    let author_filter = b.add_text_field("author_filter", analysed.clone());
    let grade = b.add_text_field("grade", analysed);
    let day_from = b.add_i64_field("day_from", INDEXED | FAST);
    let day_to = b.add_i64_field("day_to", INDEXED | FAST);
    let fields = Fields {
        key,
        version,
        kind,
        text,
        outlet_filter,
        author_filter,
        grade,
        day_from,
        day_to,
    };
    (b.build(), fields)
}

pub fn source_key(id: &Id) -> String {
    format!("s:{id}")
}

pub fn excerpt_key(id: &Id) -> String {
    format!("x:{id}")
}

/// What a document's key names.
pub enum Key {
    Source(Id),
    Excerpt(Id),
}

impl Key {
    pub fn parse(key: &str) -> Option<Key> {
        let (kind, id) = key.split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "s" => Some(Key::Source(id)),
            "x" => Some(Key::Excerpt(id)),
            _ => None,
        }
    }
}

/// The open index.
pub struct Engine {
    pub index: Index,
    pub fields: Fields,
    pub reader: IndexReader,
    writer: Option<IndexWriter>,
    /// Where the index is kept; `None` when it is in memory.
    dir: Option<PathBuf>,
    /// The version of each live document, by key.
    live: HashMap<String, String>,
    /// How far into the project's change logs the index is: (log length, resets) of the
    /// sources, then of the excerpts.
    synced: [(usize, u64); 2],
}

/// A document to add (its key and version) or a key to remove.
enum Change {
    Put(String, String, TantivyDocument),
    Remove(String),
}

type Res<T> = tantivy::Result<T>;

impl Engine {
    /// The project's index, up to date: the one on disk if it can be used, else one in memory.
    pub fn open(project: &Project) -> Res<Engine> {
        let dir = project.layout().state().join(format!("search-v{FORMAT}"));
        match Engine::on_disk(project, &dir) {
            Ok(engine) => Ok(engine),
            Err(_) => Engine::in_memory(project),
        }
    }

    fn on_disk(project: &Project, dir: &Path) -> Res<Engine> {
        remove_other_formats(dir);
        std::fs::create_dir_all(dir)?;
        let (schema, fields) = schema();
        let open = || -> Res<Index> {
            let index = Index::builder()
                .schema(schema.clone())
                .open_or_create(MmapDirectory::open(dir)?)?;
            index
                .tokenizers()
                .register(analyzer::NAME, analyzer::analyzer());
            // Opening does not read every file: reading the versions does.
            let _ = index.load_metas()?;
            Ok(index)
        };
        let index = match open() {
            Ok(index) => index,
            Err(_) => {
                // Unreadable, or of another schema: a cache, so built again.
                std::fs::remove_dir_all(dir)?;
                std::fs::create_dir_all(dir)?;
                open()?
            }
        };
        let mut engine = Engine::new(index, fields, Some(dir.to_path_buf()))?;
        engine.live = match engine.read_versions() {
            Ok(live) => live,
            Err(e) => {
                // Damaged past what opening noticed: this handle searches in memory, the next
                // one builds the index on disk again.
                drop(engine);
                std::fs::remove_dir_all(dir)?;
                return Err(e);
            }
        };
        engine.sync_all(project)?;
        Ok(engine)
    }

    fn in_memory(project: &Project) -> Res<Engine> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index
            .tokenizers()
            .register(analyzer::NAME, analyzer::analyzer());
        let mut engine = Engine::new(index, fields, None)?;
        engine.sync_all(project)?;
        Ok(engine)
    }

    fn new(index: Index, fields: Fields, dir: Option<PathBuf>) -> Res<Engine> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Engine {
            index,
            fields,
            reader,
            writer: None,
            dir,
            live: HashMap::new(),
            synced: [(0, 0); 2],
        })
    }

    pub fn in_memory_only(&self) -> bool {
        self.dir.is_none()
    }

    /// Each live document's version, by key, from the index's `version` terms.
    fn read_versions(&self) -> Res<HashMap<String, String>> {
        let searcher = self.reader.searcher();
        let mut live = HashMap::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.version)?;
            let mut terms = inverted.terms().stream()?;
            while terms.advance() {
                let mut postings = inverted
                    .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
                let alive = loop {
                    let doc: DocId = tantivy::DocSet::doc(&postings);
                    if doc == tantivy::TERMINATED {
                        break false;
                    }
                    if !segment.is_deleted(doc) {
                        break true;
                    }
                    tantivy::DocSet::advance(&mut postings);
                };
                if alive {
                    let version = String::from_utf8_lossy(terms.key());
                    if let Some((key, v)) = version.rsplit_once('@') {
                        live.insert(key.to_string(), v.to_string());
                    }
                }
            }
        }
        Ok(live)
    }

    /// Brings the index to the project's items, comparing every version.
    fn sync_all(&mut self, project: &Project) -> Res<()> {
        let mut changes = Vec::new();
        let mut wanted = std::collections::HashSet::new();
        for s in project.sources() {
            let key = source_key(&s.id);
            self.put_if_changed(
                &key,
                source_version(project, s),
                || source_doc(&self.fields, s),
                &mut changes,
            );
            wanted.insert(key);
        }
        for x in project.excerpts() {
            let key = excerpt_key(&x.id);
            let source = project.source(&x.source).ok();
            self.put_if_changed(
                &key,
                excerpt_version(project, x),
                || excerpt_doc(&self.fields, x, source),
                &mut changes,
            );
            wanted.insert(key);
        }
        changes.extend(
            self.live
                .keys()
                .filter(|k| !wanted.contains(*k))
                .map(|k| Change::Remove(k.clone())),
        );
        self.synced = project.search_logs();
        self.apply(project, changes)
    }

    /// Applies the changes made through the project since the last search.
    pub fn update(&mut self, project: &Project) -> Res<()> {
        let logs = project.search_logs();
        if logs == self.synced {
            return Ok(());
        }
        let [(sources_at, sources_reset), (excerpts_at, excerpts_reset)] = self.synced;
        if logs[0].1 != sources_reset || logs[1].1 != excerpts_reset {
            return self.sync_all(project);
        }
        let (source_log, excerpt_log) = project.search_change_logs();
        let mut changes = Vec::new();
        let mut excerpts: std::collections::BTreeSet<&Id> =
            excerpt_log[excerpts_at..].iter().collect();
        let changed_sources: std::collections::BTreeSet<&Id> =
            source_log[sources_at..].iter().collect();
        if !changed_sources.is_empty() {
            // An excerpt is found by its source's outlet, author and grade: made again too.
            excerpts.extend(
                project
                    .excerpts()
                    .filter(|x| changed_sources.contains(&x.source))
                    .map(|x| &x.id),
            );
        }
        for id in changed_sources {
            let key = source_key(id);
            match project.source(id) {
                Ok(s) => self.put_if_changed(
                    &key,
                    source_version(project, s),
                    || source_doc(&self.fields, s),
                    &mut changes,
                ),
                Err(_) => changes.push(Change::Remove(key)),
            }
        }
        for id in excerpts {
            let key = excerpt_key(id);
            match project.excerpt(id) {
                Ok(x) => {
                    let source = project.source(&x.source).ok();
                    self.put_if_changed(
                        &key,
                        excerpt_version(project, x),
                        || excerpt_doc(&self.fields, x, source),
                        &mut changes,
                    )
                }
                Err(_) => changes.push(Change::Remove(key)),
            }
        }
        self.synced = logs;
        self.apply(project, changes)
    }

    fn put_if_changed(
        &self,
        key: &str,
        version: Option<String>,
        doc: impl FnOnce() -> TantivyDocument,
        changes: &mut Vec<Change>,
    ) {
        // An item whose file this handle has not seen has no version: always made again.
        if version.is_some() && self.live.get(key) == version.as_ref() {
            return;
        }
        let version = version.unwrap_or_else(|| "-".into());
        let mut doc = doc();
        doc.add_text(self.fields.key, key);
        doc.add_text(self.fields.version, format!("{key}@{version}"));
        changes.push(Change::Put(key.to_string(), version, doc));
    }

    /// Writes the changes in one commit. Without the writer lock (another program holds it),
    /// this handle falls back to an index of its own in memory.
    fn apply(&mut self, project: &Project, changes: Vec<Change>) -> Res<()> {
        if changes.is_empty() {
            return Ok(());
        }
        if self.writer.is_none() {
            let threads = rayon::current_num_threads().clamp(1, 4);
            match self
                .index
                .writer_with_num_threads(threads, threads * 24_000_000)
            {
                Ok(w) => self.writer = Some(w),
                Err(_) if self.dir.is_some() => {
                    *self = Engine::in_memory(project)?;
                    return Ok(());
                }
                Err(e) => return Err(e),
            }
        }
        let writer = self.writer.as_mut().expect("opened above");
        for change in changes {
            match change {
                Change::Put(key, version, doc) => {
                    writer.delete_term(Term::from_field_text(self.fields.key, &key));
                    writer.add_document(doc)?;
                    self.live.insert(key, version);
                }
                Change::Remove(key) => {
                    writer.delete_term(Term::from_field_text(self.fields.key, &key));
                    self.live.remove(&key);
                }
            }
        }
        writer.commit()?;
        self.reader.reload()
    }
}

/// Deletes the indexes of other formats next to `dir`.
fn remove_other_formats(dir: &Path) {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name();
        if n != name && n.to_string_lossy().starts_with("search-v") {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn hex8(sha: [u8; 32]) -> String {
    sha[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn source_version(project: &Project, s: &Source) -> Option<String> {
    project.file_sha(&project.layout().source(&s.id)).map(hex8)
}

fn excerpt_version(project: &Project, x: &Excerpt) -> Option<String> {
    let own = project.file_sha(&project.layout().excerpt(&x.id))?;
    let source = project.file_sha(&project.layout().source(&x.source))?;
    Some(format!("{}{}", hex8(own), hex8(source)))
}

pub fn found(f: &Option<dossier_model::Found<String>>) -> &str {
    f.as_ref().map_or("", |f| f.value.as_str())
}

fn add_date(fields: &Fields, doc: &mut TantivyDocument, date: Option<&dossier_model::Edtf>) {
    let Some(date) = date else { return };
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date");
    if let (Some(from), Some(to)) = (date.earliest(), date.latest()) {
        doc.add_i64(fields.day_from, (from - epoch).num_days());
        doc.add_i64(fields.day_to, (to - epoch).num_days());
    }
}

fn source_doc(fields: &Fields, s: &Source) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    let [title, outlet, author, notes, text, _, _, _, tags, _] = fields.text;
    doc.add_text(fields.kind, "source");
    doc.add_text(title, found(&s.title));
    doc.add_text(outlet, found(&s.outlet));
    doc.add_text(author, found(&s.author));
    doc.add_text(notes, &s.notes);
    doc.add_text(text, &s.text);
    for t in &s.tags {
        doc.add_text(tags, t.to_string());
    }
    doc.add_text(fields.outlet_filter, found(&s.outlet));
    doc.add_text(fields.author_filter, found(&s.author));
    doc.add_text(fields.grade, s.reliability.letter().to_string());
    add_date(fields, &mut doc, s.published.as_ref().map(|f| &f.value));
    doc
}

fn excerpt_doc(fields: &Fields, x: &Excerpt, source: Option<&Source>) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    let [_, _, _, _, _, quote, summary, note, tags, translation] = fields.text;
    doc.add_text(fields.kind, "excerpt");
    doc.add_text(quote, &x.quote);
    doc.add_text(summary, &x.summary);
    doc.add_text(note, &x.note);
    for t in &x.tags {
        doc.add_text(tags, t.to_string());
    }
    if let Some(t) = &x.translation {
        doc.add_text(translation, t);
    }
    let credibility = x.credibility.number();
    match source {
        Some(s) => {
            doc.add_text(fields.outlet_filter, found(&s.outlet));
            doc.add_text(fields.author_filter, found(&s.author));
            let letter = s.reliability.letter();
            doc.add_text(
                fields.grade,
                format!("{letter} {credibility} {letter}{credibility}"),
            );
        }
        None => doc.add_text(fields.grade, credibility.to_string()),
    }
    add_date(fields, &mut doc, x.date.as_ref().map(|f| &f.value));
    doc
}
