//! A project on disk: a folder of plain, diffable files (format v1, `docs/project-format.md`).
//!
//! ```text
//! <project>/
//!   dossier.toml                       format version, title, author, template, classification
//!   sources/<id>.md                    TOML front matter, then the cleaned text
//!   sources/originals/<sha256>.<ext>   the imported bytes, never modified
//!   excerpts/<id>.toml
//!   briefings/<name>.md                front matter, then the analyst's Markdown
//!   templates/                         optional project templates
//!   .dossier/                          lock file and rebuildable caches (git-ignored)
//! ```

mod format;
mod fs;
mod lock;

use std::path::{Path, PathBuf};

use dossier_model::{Briefing, BriefingMeta, Excerpt, FORMAT_VERSION, Id, ProjectConfig, Source};

pub use format::{FormatError, from_toml, line_of, to_toml};
pub use fs::{Fs, OsFs, Stamp};
pub(crate) use lock::is_dead_writers_temp;
pub use lock::{Holder, Lock};

use crate::Error;

/// The paths of a project's files.
#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
}

impl Layout {
    pub fn new(root: impl Into<PathBuf>) -> Layout {
        Layout { root: root.into() }
    }
    pub fn config(&self) -> PathBuf {
        self.root.join("dossier.toml")
    }
    /// The project's outlets and their aliases.
    pub fn outlets(&self) -> PathBuf {
        self.root.join("outlets.toml")
    }
    pub fn sources(&self) -> PathBuf {
        self.root.join("sources")
    }
    pub fn originals(&self) -> PathBuf {
        self.root.join("sources").join("originals")
    }
    pub fn excerpts(&self) -> PathBuf {
        self.root.join("excerpts")
    }
    pub fn briefings(&self) -> PathBuf {
        self.root.join("briefings")
    }
    pub fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }
    pub fn state(&self) -> PathBuf {
        self.root.join(".dossier")
    }
    pub fn lock(&self) -> PathBuf {
        self.state().join("lock")
    }
    pub fn source(&self, id: &Id) -> PathBuf {
        self.sources().join(format!("{id}.md"))
    }
    pub fn original(&self, sha256: &str, ext: &str) -> PathBuf {
        self.originals().join(format!("{sha256}.{ext}"))
    }
    pub fn excerpt(&self, id: &Id) -> PathBuf {
        self.excerpts().join(format!("{id}.toml"))
    }
    pub fn briefing(&self, name: &str) -> PathBuf {
        self.briefings().join(format!("{name}.md"))
    }
    pub fn root(&self) -> PathBuf {
        self.root.clone()
    }
    pub fn output(&self) -> PathBuf {
        self.root.join("out")
    }

    /// Every folder Dossier reads or writes in, below the root.
    pub fn folders(&self) -> [PathBuf; 7] {
        [
            self.sources(),
            self.originals(),
            self.excerpts(),
            self.briefings(),
            self.templates(),
            self.state(),
            self.output(),
        ]
    }

    /// The path relative to the project root, for messages.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }
}

/// Refuses a project whose `dossier.toml` or folders are symbolic links: reads would come from,
/// and every write would land in, wherever the link points, outside the project.
pub fn refuse_links(fs: &dyn Fs, layout: &Layout) -> Result<(), Error> {
    // The folders are in the root, but for `sources/originals`.
    let mut links = Vec::new();
    for dir in [layout.root(), layout.sources()] {
        links.extend(fs.links(&dir).map_err(|e| Error::io(&dir, e))?);
    }
    match std::iter::once(layout.config())
        .chain(layout.folders())
        .find(|p| links.contains(p))
    {
        Some(link) => Err(Error::Symlink(link)),
        None => Ok(()),
    }
}

/// The symbolic links among the items of a project (sources, excerpts, briefings). They are
/// never read ([`Fs::list`] lists real files only); the caller reports each. A folder that
/// cannot be read has none here: loading reports it.
pub fn item_links(fs: &dyn Fs, layout: &Layout) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = [layout.sources(), layout.excerpts(), layout.briefings()]
        .iter()
        .flat_map(|dir| fs.links(dir).unwrap_or_default())
        .collect();
    out.sort();
    out
}

fn parse_error(path: &Path, e: FormatError) -> Error {
    Error::Parse {
        file: path.to_path_buf(),
        line: e.line,
        message: e.message,
    }
}

/// A file's text; invalid UTF-8 is a parse error naming the line.
pub fn read_text(fs: &dyn Fs, path: &Path) -> Result<String, Error> {
    let bytes = fs.read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = line_of(&String::from_utf8_lossy(&e.as_bytes()[..at]), at);
        Error::Parse {
            file: path.to_path_buf(),
            line,
            message: "the file is not valid UTF-8".into(),
        }
    })
}

pub fn encode_config(c: &ProjectConfig) -> String {
    format::to_toml(c)
}

pub fn decode_config(path: &Path, text: &str) -> Result<ProjectConfig, Error> {
    // Check the version before anything else, so a newer format is refused for what it is
    // rather than for a field this program does not know.
    #[derive(serde::Deserialize)]
    struct Version {
        format: Option<u32>,
    }
    let v: Version = format::from_toml(text).map_err(|e| parse_error(path, e))?;
    match v.format {
        None => {
            return Err(Error::Parse {
                file: path.to_path_buf(),
                line: 1,
                message: "missing `format = 1`".into(),
            });
        }
        Some(found) if found > FORMAT_VERSION => {
            return Err(Error::NewerFormat {
                file: path.to_path_buf(),
                found,
                supported: FORMAT_VERSION,
            });
        }
        Some(_) => {}
    }
    format::from_toml(text).map_err(|e| parse_error(path, e))
}

pub fn encode_source(s: &Source) -> String {
    format::to_front_matter(s, &s.text)
}

pub fn decode_source(path: &Path, text: &str) -> Result<Source, Error> {
    let (mut s, body): (Source, &str) =
        format::from_front_matter(text).map_err(|e| parse_error(path, e))?;
    s.text = body.to_string();
    check_file_name(path, &s.id, "md")?;
    Ok(s)
}

pub fn encode_excerpt(e: &Excerpt) -> String {
    format::to_toml(e)
}

pub fn decode_excerpt(path: &Path, text: &str) -> Result<Excerpt, Error> {
    let e: Excerpt = format::from_toml(text).map_err(|e| parse_error(path, e))?;
    check_file_name(path, &e.id, "toml")?;
    Ok(e)
}

pub fn encode_briefing(b: &Briefing) -> String {
    format::to_front_matter(&b.meta, &b.body)
}

pub fn decode_briefing(path: &Path, text: &str) -> Result<Briefing, Error> {
    let (meta, body): (BriefingMeta, &str) =
        format::from_front_matter(text).map_err(|e| parse_error(path, e))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Briefing {
        name,
        meta,
        body: body.to_string(),
    })
}

/// The id inside a file must be its name: a renamed or copied file is caught, not guessed at.
fn check_file_name(path: &Path, id: &Id, ext: &str) -> Result<(), Error> {
    let expected = format!("{id}.{ext}");
    if path.file_name().is_some_and(|n| n == expected.as_str()) {
        return Ok(());
    }
    Err(Error::Parse {
        file: path.to_path_buf(),
        line: 1,
        message: format!(
            "the id inside is '{id}' but the file is not named {expected}; rename the file or fix the id"
        ),
    })
}
