//! The app's state: the open project (behind a mutex; one writer at a time) and the list of
//! recent projects. Commands are one-line adapters over these methods, which keeps them
//! testable without a window.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use dossier::model::{Briefing, Edtf, Found, Id, ProjectConfig, Tag};
use dossier::{
    AttributionEdit, ExcerptDraft, ExcerptEdit, ImportControl, Imported, Project, World,
};

use crate::dto::*;
use crate::error::{IpcError, IpcResult};

const MAX_RECENT: usize = 10;

pub struct Session {
    project: Mutex<Option<Project>>,
    /// The files this session exported: the only ones the app will open or reveal.
    exported: Mutex<HashSet<PathBuf>>,
    /// The user's templates folder (`dossier::user_templates_dir`), read once by the binary.
    pub user_templates: Option<PathBuf>,
    /// `recent.json` in the app's config folder; `None` keeps the list in memory only.
    recent_file: Option<PathBuf>,
    /// The project named on the command line (`dossier-desktop DIR`), opened at start.
    pub initial: Option<PathBuf>,
    /// How imports extract (where PDFs are parsed: by default a worker process of this
    /// executable, which `main` serves).
    pub import_options: dossier::import::Options,
    /// Set by `cancel_import`; the running import checks it before each file.
    cancel: AtomicBool,
}

/// The system clock, stopped at `SOURCE_DATE_EPOCH` when it is set; asked at each use, so a
/// project open for days stamps imports and exports with the time they happen.
fn world() -> IpcResult<World> {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    World::for_run(epoch.as_deref(), chrono::Utc::now).map_err(IpcError::invalid)
}

fn parse_id(raw: &str) -> IpcResult<Id> {
    raw.parse()
        .map_err(|e| IpcError::invalid(format!("'{raw}' is not an id: {e}")))
}

fn parse_ids(raw: &[String]) -> IpcResult<Vec<Id>> {
    raw.iter().map(|i| parse_id(i)).collect()
}

/// Parses an EDTF date for the inspector; the error code is `invalid_date`.
pub fn parse_date(text: &str) -> IpcResult<DateEcho> {
    text.trim()
        .parse::<Edtf>()
        .map(|d| DateEcho::from(&d))
        .map_err(|e| IpcError::new("invalid_date", e.to_string()))
}

/// `""` clears, anything else must parse.
fn optional_date(raw: String) -> IpcResult<Option<Edtf>> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(raw.trim().parse().map_err(
        |e: dossier::model::edtf::ParseError| IpcError::new("invalid_date", e.to_string()),
    )?))
}

/// The provenance an undo puts back, checked: a rule's name and a confidence from 0 to 1.
fn found_by(f: SourceFound) -> IpcResult<dossier::FoundBy> {
    let one = |p: Option<Provenance>| -> IpcResult<Option<Found<()>>> {
        let Some(p) = p else { return Ok(None) };
        if p.rule.trim().is_empty() || !(0.0..=1.0).contains(&p.confidence) {
            return Err(IpcError::invalid(format!(
                "'{}' with confidence {} is not a provenance: give a rule's name and a confidence from 0 to 1",
                p.rule, p.confidence
            )));
        }
        Ok(Some(Found {
            value: (),
            provenance: p.rule,
            confidence: p.confidence,
            evidence: p.evidence,
        }))
    };
    Ok(dossier::FoundBy {
        title: one(f.title)?,
        outlet: one(f.outlet)?,
        author: one(f.author)?,
        published: one(f.published)?,
        ..dossier::FoundBy::default()
    })
}

impl Session {
    pub fn new(recent_file: Option<PathBuf>, initial: Option<PathBuf>) -> Session {
        Session {
            project: Mutex::new(None),
            exported: Mutex::new(HashSet::new()),
            user_templates: None,
            recent_file,
            initial,
            import_options: Default::default(),
            cancel: AtomicBool::new(false),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Project>> {
        // A panic while holding the lock cannot leave the project half-written (the core writes
        // atomically), so a poisoned mutex is still safe to use.
        self.project.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn with<T>(&self, f: impl FnOnce(&mut Project) -> IpcResult<T>) -> IpcResult<T> {
        match self.lock().as_mut() {
            Some(p) => f(p),
            None => Err(IpcError::no_project()),
        }
    }

    fn info(p: &Project) -> ProjectInfo {
        ProjectInfo {
            path: p.root().display().to_string(),
            title: p.config().title.clone(),
            sources: p.sources().len().try_into().unwrap_or(u32::MAX),
            excerpts: p.excerpts().len().try_into().unwrap_or(u32::MAX),
        }
    }

    fn install(&self, p: Project) -> ProjectInfo {
        let info = Session::info(&p);
        *self.lock() = Some(p);
        self.remember(&info);
        info
    }

    pub fn open(&self, dir: &Path) -> IpcResult<ProjectInfo> {
        let p = Project::open(world()?, dir)?;
        Ok(self.install(p))
    }

    pub fn create(&self, dir: &Path, title: &str) -> IpcResult<ProjectInfo> {
        let title = match title.trim() {
            "" => dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Untitled".into()),
            t => t.to_string(),
        };
        let p = Project::create(world()?, dir, ProjectConfig::new(title))?;
        Ok(self.install(p))
    }

    pub fn sources(&self) -> IpcResult<Vec<SourceRow>> {
        self.with(|p| {
            Ok(p.sources()
                .map(|s| SourceRow::new(s, p.excerpts_of(&s.id).count()))
                .collect())
        })
    }

    pub fn source(&self, id: &str) -> IpcResult<SourceDetail> {
        let id = parse_id(id)?;
        self.with(|p| {
            let s = p.source(&id)?;
            let xs = p.excerpts_of(&id).map(ExcerptView::from).collect();
            Ok(SourceDetail::new(s, xs))
        })
    }

    /// Imports checked files through the core: each batch is read and extracted on every core
    /// without the session lock (other commands go on meanwhile), and the lock is taken only
    /// to write the batch. `progress(done, file)` is called as each file is extracted. Results
    /// are one per file settled, in order: fewer than `files` when `cancel_import` stopped it.
    pub fn import_files(
        &self,
        files: &[PathBuf],
        progress: &(dyn Fn(usize, &Path) + Sync),
    ) -> IpcResult<Vec<IpcResult<Imported>>> {
        let (fs, root) = self.with(|p| Ok((p.world().fs.clone(), p.root().to_path_buf())))?;
        self.cancel.store(false, Ordering::Relaxed);
        let control = ImportControl {
            progress: Some(progress),
            cancel: Some(&self.cancel),
            options: self.import_options.clone(),
        };
        let results = dossier::import_in_batches(fs.as_ref(), files, &control, |batch| {
            self.with(|p| {
                if p.root() != root {
                    return Err(IpcError::new(
                        "project_changed",
                        "another project was opened during the import; import the rest into it again",
                    ));
                }
                Ok(p.add_prepared_files(batch)?)
            })
        })?;
        Ok(results
            .into_iter()
            .map(|r| r.map_err(IpcError::from))
            .collect())
    }

    /// Stops the running import before its next file; the files extracted so far are added.
    pub fn cancel_import(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Edits a source's details (title, outlet, author, publication date, reliability).
    pub fn edit_source(&self, id: &str, patch: SourcePatch) -> IpcResult<SourceDetail> {
        let id = parse_id(id)?;
        let text =
            |v: Option<String>| v.map(|v| Some(v.trim().to_string()).filter(|v| !v.is_empty()));
        let edit = dossier::SourceEdit {
            title: text(patch.title),
            outlet: text(patch.outlet),
            author: text(patch.author),
            published: patch.published.map(optional_date).transpose()?,
            reliability: patch.reliability.map(Into::into),
            found_by: patch.found.map(found_by).transpose()?.unwrap_or_default(),
            ..dossier::SourceEdit::default()
        };
        self.with(|p| {
            p.edit_source(&id, edit)?;
            let s = p.source(&id)?;
            let xs = p.excerpts_of(&id).map(ExcerptView::from).collect();
            Ok(SourceDetail::new(s, xs))
        })
    }

    /// Makes an excerpt of bytes `start..end` of the source's cleaned text (which the core
    /// locates as a quote and its occurrence, `dossier::quote::selection`).
    pub fn add_excerpt(&self, new: NewExcerpt) -> IpcResult<ExcerptView> {
        let id = parse_id(&new.source)?;
        self.with(|p| {
            let text = &p.source(&id)?.text;
            let (quote, occurrence) = dossier::quote::selection(
                text,
                new.start as usize..new.end as usize,
            )
            .ok_or_else(|| {
                IpcError::invalid(
                    "the selection is empty or not within the text; select the passage again",
                )
            })?;
            let draft = ExcerptDraft {
                occurrence,
                ..ExcerptDraft::new(id.clone(), quote)
            };
            Ok(p.add_excerpt(draft)?.into())
        })
    }

    pub fn edit_excerpt(&self, id: &str, patch: ExcerptPatch) -> IpcResult<ExcerptView> {
        let id = parse_id(id)?;
        let mut edit = ExcerptEdit {
            date: patch.date.map(optional_date).transpose()?,
            reported: patch.reported.map(optional_date).transpose()?,
            summary: patch.summary,
            note: patch.note,
            sequence: patch.sequence,
            ..ExcerptEdit::default()
        };
        if let Some(c) = patch.credibility {
            edit.credibility = Some(
                c.to_string()
                    .parse()
                    .map_err(|e| IpcError::invalid(format!("{e}")))?,
            );
        }
        if let Some(m) = patch.portion {
            edit.portion = Some(match m.trim() {
                "" => None,
                m => Some(m.parse().map_err(|e| IpcError::invalid(format!("{e}")))?),
            });
        }
        self.with(|p| {
            if let Some(tags) = &patch.tags {
                let wanted = tags
                    .iter()
                    .map(|t| {
                        t.parse::<Tag>()
                            .map_err(|e| IpcError::invalid(format!("{e}")))
                    })
                    .collect::<IpcResult<Vec<_>>>()?;
                edit.set_tags(&p.excerpt(&id)?.tags, wanted);
            }
            Ok(p.edit_excerpt(&id, edit)?.into())
        })
    }

    pub fn remove_excerpt(&self, id: &str) -> IpcResult<()> {
        let id = parse_id(id)?;
        self.with(|p| Ok(p.remove_excerpt(&id)?))
    }

    pub fn chronology(&self) -> IpcResult<ChronologyView> {
        self.with(|p| Ok(ChronologyView::new(&p.chronology(&Default::default()), p)))
    }

    pub fn excerpt(&self, id: &str) -> IpcResult<ExcerptView> {
        let id = parse_id(id)?;
        self.with(|p| Ok(p.excerpt(&id)?.into()))
    }

    /// The analyst's change to an excerpt's attribution (names made canonical).
    pub fn edit_attribution(&self, id: &str, patch: AttributionPatch) -> IpcResult<ExcerptView> {
        let id = parse_id(id)?;
        let blank_is_none = |v: String| {
            let v = v.trim().to_string();
            (!v.is_empty()).then_some(v)
        };
        let edit = AttributionEdit {
            speaker: patch.speaker.map(blank_is_none),
            origin: patch.origin.map(blank_is_none),
            via: patch
                .via
                .map(|v| v.into_iter().filter_map(blank_is_none).collect()),
        };
        self.with(|p| Ok(p.edit_attribution(&id, edit)?.into()))
    }

    /// Puts an attribution back exactly as it was (undo).
    pub fn restore_attribution(&self, id: &str, a: AttributionView) -> IpcResult<ExcerptView> {
        let id = parse_id(id)?;
        self.with(|p| Ok(p.set_attribution(&id, a.into())?.into()))
    }

    /// Drops the analyst's attribution: the rules' values come back.
    pub fn clear_attribution(&self, id: &str) -> IpcResult<ExcerptView> {
        let id = parse_id(id)?;
        self.with(|p| Ok(p.clear_attribution(&id)?.into()))
    }

    /// Joins the events citing `ids`; returns the keys as they were, to undo with.
    pub fn join_events(&self, ids: &[String]) -> IpcResult<Vec<EventKey>> {
        let ids = parse_ids(ids)?;
        self.regroup(|p| p.join_events(&ids))
    }

    /// Takes an excerpt out of its event; returns the keys as they were, to undo with.
    pub fn split_event(&self, id: &str) -> IpcResult<Vec<EventKey>> {
        let id = parse_id(id)?;
        self.regroup(|p| {
            let mut changed = p.split_event(&id)?;
            changed.push(id.clone());
            Ok(changed)
        })
    }

    /// Sets excerpts' event keys as given (undo and redo of a regrouping).
    pub fn set_events(&self, keys: Vec<EventKey>) -> IpcResult<()> {
        let changes = keys
            .into_iter()
            .map(|k| Ok((parse_id(&k.excerpt)?, k.event)))
            .collect::<IpcResult<Vec<_>>>()?;
        self.with(|p| Ok(p.set_events(&changes)?))
    }

    /// Runs a regrouping that returns the excerpts it changed; returns their keys before.
    fn regroup(
        &self,
        f: impl FnOnce(&mut Project) -> dossier::Result<Vec<Id>>,
    ) -> IpcResult<Vec<EventKey>> {
        self.with(|p| {
            let before: std::collections::HashMap<Id, Option<String>> = p
                .excerpts()
                .map(|x| (x.id.clone(), x.event.clone()))
                .collect();
            let changed = f(p)?;
            Ok(changed
                .into_iter()
                .map(|id| EventKey {
                    excerpt: id.to_string(),
                    event: before.get(&id).cloned().flatten(),
                })
                .collect())
        })
    }

    /// Gives the excerpts in `order` the sequences 1, 2, 3 … (a day reordered by dragging).
    pub fn reorder(&self, order: &[String]) -> IpcResult<()> {
        let ids = parse_ids(order)?;
        self.with(|p| Ok(p.set_sequences(&ids)?))
    }

    /// The temporal expressions and suggested excerpts of a source, for the reader.
    pub fn source_dates(&self, id: &str) -> IpcResult<SourceDates> {
        let id = parse_id(id)?;
        self.with(|p| {
            Ok(SourceDates::new(
                &p.expressions(&id)?,
                &p.suggest(Some(&id))?,
            ))
        })
    }

    /// The best hits for a query, as the search box shows them.
    pub fn search(&self, query: &str) -> IpcResult<SearchView> {
        self.with(|p| Ok(dossier::search::search(p, query)?.into()))
    }

    // ----- briefings -----

    pub fn briefing(&self, name: &str) -> IpcResult<BriefingView> {
        self.with(|p| {
            let b = p.briefing(name)?;
            Ok(BriefingView {
                name: b.name.clone(),
                title: b.meta.title.clone(),
                template: b.meta.template.clone(),
                project_template: p.config().template.clone(),
                body: b.body.clone(),
            })
        })
    }

    /// The saved briefing `name` with the editor's body and template choice.
    fn edited(p: &Project, name: &str, body: String, template: String) -> IpcResult<Briefing> {
        let mut b = p.briefing(name)?.clone();
        b.body = body;
        b.meta.template = template;
        Ok(b)
    }

    /// Saves the editor's text (atomically; refused with `changed_on_disk` when the file
    /// changed since it was loaded).
    pub fn save_briefing(&self, name: &str, body: String, template: String) -> IpcResult<()> {
        self.with(|p| {
            let b = Session::edited(p, name, body, template)?;
            if p.briefing(name)? != &b {
                p.save_briefing(b)?;
            }
            Ok(())
        })
    }

    /// Every excerpt as a citation shows it, in id order.
    pub fn citables(&self) -> IpcResult<Vec<CitableView>> {
        self.with(|p| Ok(p.citables().into_iter().map(Into::into).collect()))
    }

    /// The excerpts to cite for `query`, best first; `replacing`: for an unknown id.
    pub fn citation_candidates(&self, query: &str, replacing: bool) -> IpcResult<Vec<CitableView>> {
        let limit = dossier::citations::DEFAULT_LIMIT;
        self.with(|p| {
            let found = if replacing {
                p.replacement_candidates(query, limit)
            } else {
                p.citation_candidates(query, limit)
            };
            Ok(found.into_iter().map(Into::into).collect())
        })
    }

    /// Renders the editor's text, saved or not, for the live preview.
    pub fn preview(&self, name: &str, body: String, template: String) -> IpcResult<PreviewView> {
        let user = self.user_templates.clone();
        self.with(|p| {
            let b = Session::edited(p, name, body, template)?;
            Ok(PreviewView::new(&p.render_briefing(&b, None, user)?))
        })
    }

    /// Renders the saved briefing with `template` (default: its own) and writes it to `out`;
    /// the file may then be opened or revealed.
    pub fn export(
        &self,
        name: &str,
        template: Option<&str>,
        format: ExportFormat,
        out: PathBuf,
    ) -> IpcResult<String> {
        let user = self.user_templates.clone();
        self.with(|p| {
            let rendered = p.render(name, template.filter(|t| !t.is_empty()), user)?;
            p.export(&rendered, format.into(), &out)?;
            Ok(())
        })?;
        let shown = out.display().to_string();
        self.exported
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(out);
        Ok(shown)
    }

    /// `path` if this session exported it; the opener is limited to such files.
    pub fn exported(&self, path: &str) -> IpcResult<PathBuf> {
        let p = PathBuf::from(path);
        if self
            .exported
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&p)
        {
            Ok(p)
        } else {
            Err(IpcError::bad_path(format!(
                "{path} was not exported by this window; export it first"
            )))
        }
    }

    // ----- templates -----

    pub fn templates(&self) -> IpcResult<Vec<TemplateRow>> {
        let user = self.user_templates.clone();
        self.with(|p| {
            let list = p
                .template_lookup(user)
                .list()
                .map_err(dossier::Error::from)?;
            Ok(list.iter().map(Into::into).collect())
        })
    }

    pub fn template(&self, name: &str) -> IpcResult<TemplateDetail> {
        let user = self.user_templates.clone();
        self.with(|p| {
            let t = p
                .template_lookup(user)
                .find(name)
                .map_err(dossier::Error::from)?;
            Ok((&t).into())
        })
    }

    /// Copies a template into the project's `templates/` to edit.
    pub fn duplicate_template(&self, from: &str, name: &str) -> IpcResult<TemplateDetail> {
        let user = self.user_templates.clone();
        self.with(|p| {
            p.duplicate_template(from, name, user.clone())?;
            let t = p
                .template_lookup(user)
                .find(name)
                .map_err(dossier::Error::from)?;
            Ok((&t).into())
        })
    }

    /// Undoes `duplicate_template`: removes the project's template `name` if its files are
    /// still `files`, as the copy wrote them; refused once they were edited.
    pub fn remove_template_copy(&self, name: &str, files: Vec<TemplateFile>) -> IpcResult<()> {
        let files = files.into_iter().map(|f| (f.path, f.text)).collect();
        self.with(|p| Ok(p.remove_template_copy(name, &files)?))
    }

    /// Briefing `name` rendered with `template`, for the templates view's preview.
    pub fn preview_template(&self, name: &str, template: &str) -> IpcResult<PreviewView> {
        let user = self.user_templates.clone();
        self.with(|p| Ok(PreviewView::new(&p.render(name, Some(template), user)?)))
    }

    // ----- changes on disk -----

    /// Project files changed on disk since they were loaded (relative paths); empty if none.
    pub fn changes_on_disk(&self) -> IpcResult<Vec<String>> {
        self.with(|p| {
            let root = p.root().to_path_buf();
            Ok(p.changes_on_disk()?
                .iter()
                .map(|f| f.strip_prefix(&root).unwrap_or(f).display().to_string())
                .collect())
        })
    }

    /// Reads the open project again from disk (after a `git pull`).
    pub fn reload(&self) -> IpcResult<ProjectInfo> {
        let root = self.with(|p| Ok(p.root().to_path_buf()))?;
        self.open(&root)
    }

    // ----- recent projects -----

    pub fn recent(&self) -> Vec<RecentProject> {
        let Some(file) = &self.recent_file else {
            return Vec::new();
        };
        // A missing or damaged list is not worth an error: it is rebuilt as projects are opened.
        let list: Vec<RecentProject> = std::fs::read(file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        list.into_iter()
            .filter(|r| Path::new(&r.path).join("dossier.toml").is_file())
            .collect()
    }

    fn remember(&self, info: &ProjectInfo) {
        let Some(file) = &self.recent_file else {
            return;
        };
        let mut list = self.recent();
        list.retain(|r| r.path != info.path);
        list.insert(
            0,
            RecentProject {
                path: info.path.clone(),
                title: info.title.clone(),
            },
        );
        list.truncate(MAX_RECENT);
        // Best effort: failing to remember a recent project must not fail the open.
        let write = || -> std::io::Result<()> {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let tmp = file.with_extension("json.tmp");
            std::fs::write(&tmp, serde_json::to_vec_pretty(&list)?)?;
            std::fs::rename(&tmp, file)
        };
        if let Err(e) = write() {
            eprintln!("dossier: could not update {}: {e}", file.display());
        }
    }
}
