//! The one core API: a [`Project`] handle over a project folder. The CLI and the desktop app
//! are thin adapters over these methods; neither adds a capability of its own.
//!
//! Every mutation takes the project lock, writes each file atomically, and refuses to overwrite
//! a file that changed on disk since this handle loaded it (another window, a `git pull`).

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::path::Path;

use dossier_chronology::{Chronology, Filter};
use dossier_import::dedup::Index as ReprintIndex;
use dossier_model::{Briefing, Excerpt, Id, ProjectConfig, Source};

use crate::store::{Layout, Stamp};
use crate::{Error, Result, World};

mod changes;
mod edit;
mod events;
mod import;
mod items;
mod load;
mod provenance;
mod tag_set;
mod write;
pub use edit::{ExcerptDraft, ExcerptEdit, FoundBy, SourceEdit};
pub use import::{ImportControl, Imported, Prepared, import_in_batches};
pub(crate) use items::Items;
pub use load::Problem;
pub use provenance::{AliasProposal, AttributionEdit};

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
    /// The search index, opened at the first search (`search::index`).
    pub(crate) search: std::sync::Mutex<Option<crate::search::index::Engine>>,
}

/// What a handle knows of a file it loaded or wrote: its content's SHA-256, which decides
/// whether the file changed, and its stamp then, which spares reading it to find it has not.
#[derive(Debug, Clone, Copy)]
struct Seen {
    sha256: [u8; 32],
    /// `None` when the file could not be stamped: then only its content tells.
    stamp: Option<Stamp>,
}

impl Project {
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

    /// Where the sources' and the excerpts' change logs are: (length, resets) of each.
    pub(crate) fn search_logs(&self) -> [(usize, u64); 2] {
        let (s, x) = (self.sources.log(), self.excerpts.log());
        [(s.0.len(), s.1), (x.0.len(), x.1)]
    }

    /// The ids changed through this handle: the sources', then the excerpts'.
    pub(crate) fn search_change_logs(&self) -> (&[Id], &[Id]) {
        (self.sources.log().0, self.excerpts.log().0)
    }

    /// The SHA-256 of a project file as this handle last loaded or wrote it.
    pub(crate) fn file_sha(&self, path: &Path) -> Option<[u8; 32]> {
        self.seen.get(path.as_os_str()).map(|s| s.sha256)
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
        // An unreadable outlets file is reported by `validate`; the chronology still shows.
        let outlets = self
            .outlets()
            .unwrap_or_else(|_| dossier_model::Outlets::builtin());
        dossier_chronology::assemble_with(&sources, &excerpts, filter, &outlets)
    }
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
