//! Opening a project: `create`, `open`, `load` (every item file read and decoded on every
//! core), and the files that could not be loaded as [`Problem`]s.

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use dossier_model::{Briefing, BriefingMeta, ProjectConfig};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::{Project, Seen};
use crate::store::{self, Layout};
use crate::{Error, Result, World};

/// A file that could not be loaded; `dossier validate` reports these, `open` refuses them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
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
        let fs = world.fs.clone();
        store::refuse_links(&*fs, &layout)?;
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
            search: Default::default(),
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
        let fs = world.fs.clone();
        store::refuse_links(&*fs, &layout)?;
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
        problems.extend(store::item_links(&*fs, &p.layout).into_iter().map(|file| {
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
}

type Loaded<T> = Result<(PathBuf, T, Seen)>;

/// Reads and decodes files on every core (rayon): opening a project of 60,000 files is mostly
/// this.
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
    paths.into_par_iter().map(one).collect()
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

pub(super) fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}
