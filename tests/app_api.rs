//! The core calls the desktop app makes beyond the CLI's: rendering an unsaved briefing,
//! exporting, duplicating a template, reordering excerpts of a day, noticing changes on disk,
//! and the dates of a source's text.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use dossier::model::{Classification, Id, Marking, ProjectConfig};
use dossier::store::{Fs, OsFs};
use dossier::templates::Origin;
use dossier::{Error, ExcerptDraft, ExcerptEdit, ExportFormat, Project, World};

fn world() -> World {
    World::new(DateTime::<Utc>::from_timestamp(1_795_262_400, 0).unwrap())
}

const TEXT: &str = "Harbour closed\n\nPublished 3 June 2015\n\nOfficials closed the harbour on Tuesday.\n\nThe ferry resumed on Tuesday as well.\n\nA third ship sailed on Tuesday too.\n";

/// A project with one source and three excerpts dated the same day.
fn project(dir: &Path) -> (Project, Vec<Id>) {
    // A default marking, as intsum (the default template) requires every portion marked.
    let mut config = ProjectConfig::new("Harbour");
    config.classification = Some(Marking::Classification(Classification::Unclassified));
    let mut p = Project::create(world(), dir, config).unwrap();
    let source = match p.import("a.txt", TEXT.as_bytes().to_vec()).unwrap() {
        dossier::Imported::Imported { id } => id,
        other => panic!("{other:?}"),
    };
    let mut ids = Vec::new();
    for quote in [
        "Officials closed the harbour",
        "The ferry resumed",
        "A third ship sailed",
    ] {
        let mut d = ExcerptDraft::new(source.clone(), quote);
        d.date = Some("2015-06-02".parse().unwrap());
        ids.push(p.add_excerpt(d).unwrap().id.clone());
    }
    (p, ids)
}

#[test]
fn an_unsaved_briefing_renders_as_it_will_once_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut p, ids) = project(&tmp.path().join("p"));
    let mut draft = p.briefing("main").unwrap().clone();
    draft.body = format!(
        "## BLUF\n\nThe harbour closed [@{}].\n\n## Key judgments\n\n- It stays shut [@{}].\n",
        ids[0], ids[1]
    );
    let live = p.render_briefing(&draft, None, None).unwrap();
    assert!(
        live.markdown.contains("The harbour closed"),
        "{}",
        live.markdown
    );
    assert_ne!(
        live,
        p.render("main", None, None).unwrap(),
        "the draft is not saved yet"
    );
    p.save_briefing(draft).unwrap();
    assert_eq!(live, p.render("main", None, None).unwrap());
}

#[test]
fn export_writes_markdown_and_pdf_creating_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, _) = project(&tmp.path().join("p"));
    let rendered = p.render("main", None, None).unwrap();
    let md = tmp.path().join("out/new/briefing.md");
    p.export(&rendered, ExportFormat::Markdown, &md).unwrap();
    assert_eq!(std::fs::read_to_string(&md).unwrap(), rendered.markdown);
    let pdf = tmp.path().join("briefing.pdf");
    p.export(&rendered, ExportFormat::Pdf, &pdf).unwrap();
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert_eq!(bytes, p.pdf(&rendered).unwrap(), "PDFs are reproducible");
}

#[test]
fn duplicate_template_copies_into_the_project_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, _) = project(&tmp.path().join("p"));
    let dir = p.duplicate_template("intsum", "ours", None).unwrap();
    assert_eq!(dir, p.layout().templates().join("ours"));
    let listed = p.template_lookup(None).list().unwrap();
    let ours = listed.iter().find(|t| t.name == "ours").expect("listed");
    assert_eq!(ours.origin, Origin::Project);
    assert!(p.render("main", Some("ours"), None).is_ok());
    let again = p.duplicate_template("intsum", "ours", None).unwrap_err();
    assert_eq!(again.code(), "template");
}

#[test]
fn set_sequences_orders_a_day_and_persists() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let (mut p, ids) = project(&dir);
    let order = vec![ids[2].clone(), ids[0].clone(), ids[1].clone()];
    p.set_sequences(&order).unwrap();
    let reopened = Project::open(world(), &dir).unwrap();
    let firsts: Vec<Id> = reopened
        .chronology(&Default::default())
        .entries
        .iter()
        .map(|e| e.excerpts[0].clone())
        .collect();
    assert_eq!(firsts, order);
}

#[test]
fn set_sequences_with_an_unknown_id_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut p, ids) = project(&tmp.path().join("p"));
    let bad: Id = "2015-06-02-nothing-here-0000".parse().unwrap();
    let err = p.set_sequences(&[ids[1].clone(), bad]).unwrap_err();
    assert!(matches!(err, Error::UnknownExcerpt(_)), "{err}");
    assert_eq!(p.excerpt(&ids[1]).unwrap().sequence, 0);
    assert!(p.changes_on_disk().unwrap().is_empty());
}

#[test]
fn changes_on_disk_lists_changed_new_and_removed_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let (mut p, ids) = project(&dir);
    assert_eq!(
        p.changes_on_disk().unwrap(),
        Vec::<std::path::PathBuf>::new()
    );
    let changed = p.layout().excerpt(&ids[0]);
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("# edited elsewhere\n");
    std::fs::write(&changed, text).unwrap();
    let removed = p.layout().excerpt(&ids[1]);
    std::fs::remove_file(&removed).unwrap();
    let new = p.layout().briefings().join("second.md");
    std::fs::write(&new, "+++\ntitle = \"Second\"\n+++\n## BLUF\n").unwrap();
    let mut want = vec![changed, removed, new];
    want.sort();
    assert_eq!(p.changes_on_disk().unwrap(), want);
    let mut reopened = Project::open(world(), &dir).unwrap();
    assert!(reopened.changes_on_disk().unwrap().is_empty());
}

/// The real file system, counting the files read.
#[derive(Default)]
struct CountingFs {
    reads: AtomicUsize,
}

impl CountingFs {
    fn reads(&self) -> usize {
        self.reads.swap(0, Ordering::SeqCst)
    }
}

impl Fs for CountingFs {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.reads.fetch_add(1, Ordering::SeqCst);
        OsFs.read(path)
    }
    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        OsFs.write_atomic(path, bytes)
    }
    fn create_new(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        OsFs.create_new(path, bytes)
    }
    fn remove(&self, path: &Path) -> std::io::Result<()> {
        OsFs.remove(path)
    }
    fn create_dir_all(&self, path: &Path) -> std::io::Result<()> {
        OsFs.create_dir_all(path)
    }
    fn list(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        OsFs.list(dir)
    }
    fn exists(&self, path: &Path) -> std::io::Result<bool> {
        OsFs.exists(path)
    }
    fn stamp(&self, path: &Path) -> std::io::Result<dossier::store::Stamp> {
        OsFs.stamp(path)
    }
    fn links(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        OsFs.links(dir)
    }
}

/// Polled every few seconds on projects of 10,000 sources: only a file whose stamp changed is
/// read, a `touch` is not a change, and a rewrite that keeps size and modification time is.
#[test]
fn changes_on_disk_reads_only_files_whose_stamp_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let (p, ids) = project(&dir);
    drop(p);
    let fs = Arc::new(CountingFs::default());
    let mut p = Project::open(World::with_fs(fs.clone(), world().now()), &dir).unwrap();
    fs.reads();
    assert!(p.changes_on_disk().unwrap().is_empty());
    assert_eq!(fs.reads(), 0, "nothing changed, nothing read");

    let touched = p.layout().excerpt(&ids[0]);
    let file = std::fs::File::options().write(true).open(&touched).unwrap();
    file.set_modified(file.metadata().unwrap().modified().unwrap() + Duration::from_secs(60))
        .unwrap();
    assert!(
        p.changes_on_disk().unwrap().is_empty(),
        "a touch is not a change"
    );
    assert_eq!(fs.reads(), 1, "the touched file is read once");
    assert!(p.changes_on_disk().unwrap().is_empty());
    assert_eq!(fs.reads(), 0, "and its new stamp kept");

    // A file this handle saved is known by its stamp after the save too.
    p.edit_excerpt(
        &ids[2],
        ExcerptEdit {
            note: Some("saved again".into()),
            ..Default::default()
        },
    )
    .unwrap();
    fs.reads();
    assert!(p.changes_on_disk().unwrap().is_empty());
    assert_eq!(fs.reads(), 0, "a file this handle wrote is not read again");

    // Same size, same inode, modification time put back: the change time still tells.
    let mtime = std::fs::metadata(&touched).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&touched).unwrap();
    let edited = text.replacen("harbour", "HARBOUR", 1);
    assert_eq!(edited.len(), text.len());
    std::fs::write(&touched, edited).unwrap();
    file.set_modified(mtime).unwrap();
    assert_eq!(p.changes_on_disk().unwrap(), vec![touched]);
}

#[test]
fn expressions_are_resolved_against_the_publication_day() {
    let tmp = tempfile::tempdir().unwrap();
    let (p, _) = project(&tmp.path().join("p"));
    let source = p.sources().next().unwrap();
    let found = p.expressions(&source.id).unwrap();
    let tuesday = found
        .iter()
        .find(|e| e.text.contains("Tuesday"))
        .expect("Tuesday is found");
    assert_eq!(&source.text[tuesday.start..tuesday.end], tuesday.text);
    assert_eq!(
        tuesday.value.as_ref().map(ToString::to_string).as_deref(),
        Some("2015-06-02")
    );
}

/// Search keeps an index of the items; every change must be seen by the next search.
#[test]
fn search_sees_every_edit_made_after_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut p, ids) = project(&tmp.path().join("p"));
    let found = |p: &Project, q: &str| -> Vec<String> {
        dossier::search::search(p, q)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id.to_string())
            .collect()
    };
    let source = p.excerpt(&ids[1]).unwrap().source.clone();
    assert_eq!(found(&p, "FERRY"), [ids[1].to_string(), source.to_string()]);

    let edit = dossier::ExcerptEdit {
        summary: Some("Zeppelin sighted".into()),
        ..Default::default()
    };
    p.edit_excerpt(&ids[1], edit).unwrap();
    assert_eq!(found(&p, "zeppelin"), [ids[1].to_string()]);

    p.remove_excerpt(&ids[1]).unwrap();
    assert!(found(&p, "zeppelin").is_empty());

    let edit = dossier::SourceEdit {
        title: Some(Some("Airship over the Strait".into())),
        ..Default::default()
    };
    p.edit_source(&source, edit).unwrap();
    assert_eq!(found(&p, "airship"), [source.to_string()]);
}

/// A source's dates are read in its language; one in a language without a lexicon offers none,
/// and says why.
#[test]
fn a_source_s_dates_are_read_in_its_language() {
    let tmp = tempfile::tempdir().unwrap();
    let mut p =
        Project::create(world(), &tmp.path().join("p"), ProjectConfig::new("Rivers")).unwrap();
    let text = "گفت‌وگوهای آب\n\nهیئت‌ها روز سه‌شنبه ۱۲ شهریور ۱۳۹۸ در ژنو گفت‌وگو را آغاز کردند و گفتند این کار دو سال پیش متوقف شده بود.\n";
    let id = match p.import("fa.txt", text.as_bytes().to_vec()).unwrap() {
        dossier::Imported::Imported { id } => id,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        p.source(&id)
            .unwrap()
            .language
            .as_ref()
            .map(|l| l.value.as_str()),
        Some("fa")
    );
    let found = p.expressions(&id).unwrap();
    let solar = found
        .iter()
        .find(|e| e.text.contains("شهریور"))
        .expect("the Solar date");
    assert_eq!(
        solar.value.as_ref().map(ToString::to_string).as_deref(),
        Some("2019-09-03")
    );

    // The analyst says it is Italian: no lexicon, a clean refusal, no suggestions.
    let edit = dossier::SourceEdit {
        language: Some(Some("it".into())),
        ..Default::default()
    };
    p.edit_source(&id, edit).unwrap();
    let err = p.expressions(&id).unwrap_err();
    assert_eq!(err.code(), "language_not_supported");
    assert!(err.to_string().contains("'it'"), "{err}");
    assert!(p.suggest(Some(&id)).unwrap().is_empty());
}
