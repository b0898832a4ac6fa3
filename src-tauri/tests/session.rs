//! The session behind the commands, driven as the window drives it: create, import, excerpt by
//! byte range, date it, see it in the chronology. Errors come back as `{code, message}`.

use dossier_desktop::dto::{
    AttributionPatch, ExcerptPatch, ExportFormat, HitKind, NewExcerpt, Provenance, Reliability,
    SourceFound, SourcePatch, TemplateOrigin,
};
use dossier_desktop::session::{Session, parse_date};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

const ARTICLE: &str = "Café talks\n\nOn 2 June 2015 the minister said “talks resumed” in Vienna. \
Later, talks resumed again.\n";

fn session_with_source() -> (tempfile::TempDir, Session, String) {
    let tmp = tempfile::tempdir().unwrap();
    let s = Session::new(Some(tmp.path().join("config/recent.json")), None);
    s.create(&tmp.path().join("p"), "Talks").unwrap();
    let file = tmp.path().join("talks.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let progress = Mutex::new(Vec::new());
    let results = s
        .import_files(std::slice::from_ref(&file), &|done, f| {
            progress.lock().unwrap().push((done, f.to_path_buf()))
        })
        .unwrap();
    assert_eq!(progress.into_inner().unwrap(), [(1, file)]);
    let id = match results.into_iter().next().unwrap().unwrap() {
        dossier::Imported::Imported { id } => id.to_string(),
        other => panic!("expected an import, got {other:?}"),
    };
    (tmp, s, id)
}

fn byte_range(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let start = text.match_indices(needle).nth(nth).unwrap().0;
    (start as u32, (start + needle.len()) as u32)
}

#[test]
fn parse_date_echoes_in_words_or_fails_with_a_code() {
    let d = parse_date(" 2015-05-25/2015-05-31 ").unwrap();
    assert_eq!(d.value, "2015-05-25/2015-05-31");
    assert_eq!(d.human, "25–31 May 2015");
    assert_eq!(parse_date("2015-13").unwrap_err().code, "invalid_date");
}

#[test]
fn commands_before_a_project_is_open_fail_with_no_project() {
    let s = Session::new(None, None);
    assert_eq!(s.sources().unwrap_err().code, "no_project");
    assert_eq!(s.chronology().unwrap_err().code, "no_project");
}

#[test]
fn an_excerpt_made_from_a_selection_is_the_selected_occurrence() {
    let (_tmp, s, id) = session_with_source();
    let text = s.source(&id).unwrap().text;
    // The second "talks resumed" (plain quotes), not the first one in curly quotes.
    let (start, end) = byte_range(&text, "talks resumed", 1);
    let x = s
        .add_excerpt(NewExcerpt {
            source: id.clone(),
            start,
            end,
        })
        .unwrap();
    assert_eq!(
        (x.start, x.end, x.quote.as_str()),
        (start, end, "talks resumed")
    );
}

#[test]
fn a_selection_outside_the_text_or_inside_a_character_is_refused() {
    let (_tmp, s, id) = session_with_source();
    let text = s.source(&id).unwrap().text;
    let inside_e_acute = text.find('é').unwrap() as u32 + 1;
    for (start, end) in [(0, 100_000), (inside_e_acute, inside_e_acute + 3), (5, 5)] {
        let e = s
            .add_excerpt(NewExcerpt {
                source: id.clone(),
                start,
                end,
            })
            .unwrap_err();
        assert_eq!(e.code, "invalid", "{start}..{end}");
    }
}

#[test]
fn a_dated_excerpt_appears_in_the_chronology() {
    let (_tmp, s, id) = session_with_source();
    let text = s.source(&id).unwrap().text;
    let (start, end) = byte_range(&text, "the minister said", 0);
    let x = s
        .add_excerpt(NewExcerpt {
            source: id,
            start,
            end,
        })
        .unwrap();
    let bad = ExcerptPatch {
        date: Some("June 2015".into()),
        ..Default::default()
    };
    assert_eq!(s.edit_excerpt(&x.id, bad).unwrap_err().code, "invalid_date");
    let patch = ExcerptPatch {
        date: Some("2015-06-02".into()),
        summary: Some("Talks resume".into()),
        tags: Some(vec!["place:Vienna".into(), "topic".into()]),
        ..Default::default()
    };
    let edited = s.edit_excerpt(&x.id, patch).unwrap();
    assert_eq!(edited.date.unwrap().date.human, "2 June 2015");
    assert_eq!(edited.tags.len(), 2);
    let c = s.chronology().unwrap();
    assert_eq!(c.entries.len(), 1);
    assert_eq!(c.entries[0].summary, "Talks resume");
    assert_eq!(c.entries[0].excerpts, vec![x.id]);
}

#[test]
fn opened_projects_are_remembered_most_recent_first() {
    let (tmp, s, _) = session_with_source();
    s.create(&tmp.path().join("q"), "").unwrap();
    let recent = s.recent();
    assert_eq!(
        recent.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(),
        ["q", "Talks"]
    );
    let again = Session::new(Some(tmp.path().join("config/recent.json")), None);
    again.open(std::path::Path::new(&recent[1].path)).unwrap();
    assert_eq!(again.recent()[0].title, "Talks");
}

#[test]
fn core_errors_keep_their_stable_code() {
    let tmp = tempfile::tempdir().unwrap();
    let s = Session::new(None, None);
    assert_eq!(s.open(tmp.path()).unwrap_err().code, "not_a_project");
    s.create(tmp.path(), "x").unwrap();
    assert_eq!(
        s.create(tmp.path(), "x").unwrap_err().code,
        "already_a_project"
    );
    assert_eq!(
        s.source("no-such-source").unwrap_err().code,
        "unknown_source"
    );
}

#[test]
fn the_preview_renders_unsaved_text_and_autosave_writes_it() {
    let (tmp, s, _) = session_with_source();
    let body =
        "## BLUF\n\nTalks will likely resume with high confidence.\n\n<script>alert(1)</script>\n";
    // sitrep: no required sections or markings, so a starting briefing renders.
    let p = s.preview("main", body.into(), "sitrep".into()).unwrap();
    assert!(p.html.contains("Talks will likely resume"), "{}", p.html);
    assert!(
        !p.html.contains("<script"),
        "the preview is sanitised: {}",
        p.html
    );
    assert!(p.style.contains("font"), "the style sheet travels with it");
    assert!(
        p.warnings
            .iter()
            .any(|w| w.kind == "likelihood-with-confidence" && w.line == Some(3)),
        "{:?}",
        p.warnings
    );
    // Previewing does not save.
    assert_ne!(s.briefing("main").unwrap().body, body);
    s.save_briefing("main", body.into(), "sitrep".into())
        .unwrap();
    let saved = std::fs::read_to_string(tmp.path().join("p/briefings/main.md")).unwrap();
    assert!(saved.contains("Talks will likely resume") && saved.contains("sitrep"));
    assert_eq!(s.briefing("main").unwrap().template, "sitrep");
    // intsum requires a Key judgments section: the preview says so with the template's code.
    let e = s.preview("main", body.into(), "intsum".into()).unwrap_err();
    assert_eq!(e.code, "template");
}

#[test]
fn a_briefing_changed_on_disk_is_reported_and_not_overwritten() {
    let (tmp, s, _) = session_with_source();
    assert!(s.changes_on_disk().unwrap().is_empty());
    let file = tmp.path().join("p/briefings/main.md");
    let pulled = std::fs::read_to_string(&file).unwrap() + "\nA colleague's paragraph.\n";
    std::fs::write(&file, &pulled).unwrap();
    assert_eq!(s.changes_on_disk().unwrap(), vec!["briefings/main.md"]);
    let e = s
        .save_briefing("main", "mine".into(), String::new())
        .unwrap_err();
    assert_eq!(e.code, "changed_on_disk");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), pulled);
    s.reload().unwrap();
    assert!(s.changes_on_disk().unwrap().is_empty());
    assert!(
        s.briefing("main")
            .unwrap()
            .body
            .contains("A colleague's paragraph.")
    );
}

#[test]
fn exports_are_written_and_only_they_may_be_opened() {
    let (tmp, s, _) = session_with_source();
    let out = tmp.path().join("exports");
    std::fs::create_dir(&out).unwrap();
    let raw = format!("{}/brief", out.display());
    let path = dossier_desktop::paths::export_file(&raw, "pdf").unwrap();
    let written = s
        .export("main", Some("sitrep"), ExportFormat::Pdf, path.clone())
        .unwrap();
    assert!(written.ends_with("brief.pdf"), "{written}");
    assert!(std::fs::read(&path).unwrap().starts_with(b"%PDF-"));
    assert_eq!(s.exported(&written).unwrap(), path);
    let other = tmp.path().join("p/dossier.toml").display().to_string();
    assert_eq!(s.exported(&other).unwrap_err().code, "bad_path");
    let md = out.join("brief.md");
    s.export("main", Some("sitrep"), ExportFormat::Markdown, md.clone())
        .unwrap();
    assert!(std::fs::read_to_string(&md).unwrap().contains("Talks"));
}

#[test]
fn templates_list_duplicate_and_preview() {
    let (_tmp, s, _) = session_with_source();
    let list = s.templates().unwrap();
    assert!(
        list.iter()
            .any(|t| t.name == "intsum" && t.origin == TemplateOrigin::Builtin)
    );
    let copy = s.duplicate_template("sitrep", "mine").unwrap();
    assert_eq!(copy.row.origin, TemplateOrigin::Project);
    assert!(copy.files.iter().any(|f| f.path == "briefing.md.j2"));
    assert!(s.templates().unwrap().iter().any(|t| t.name == "mine"));
    assert_eq!(
        s.duplicate_template("intsum", "mine").unwrap_err().code,
        "template"
    );
    assert!(
        s.preview_template("main", "mine")
            .unwrap()
            .html
            .contains("<article>")
    );
}

#[test]
fn undoing_a_duplicate_removes_the_copy_unless_it_was_edited() {
    let (tmp, s, _) = session_with_source();
    let folder = tmp.path().join("p/templates/mine");
    let copy = s.duplicate_template("sitrep", "mine").unwrap();
    s.remove_template_copy("mine", copy.files).unwrap();
    assert!(!folder.exists(), "the undo removes the copy");
    assert!(!s.templates().unwrap().iter().any(|t| t.name == "mine"));

    // Redone, then edited by the analyst: the undo keeps it and says why.
    let copy = s.duplicate_template("sitrep", "mine").unwrap();
    let edited = folder.join("briefing.md.j2");
    std::fs::write(&edited, "{{ briefing.title }} edited\n").unwrap();
    let err = s
        .remove_template_copy("mine", copy.files.clone())
        .unwrap_err();
    assert_eq!(err.code, "template");
    assert!(
        err.message.contains("changed since it was duplicated"),
        "{}",
        err.message
    );
    assert!(edited.exists());
    // A file added to the copy is an edit too.
    let original = copy
        .files
        .iter()
        .find(|f| f.path == "briefing.md.j2")
        .unwrap();
    std::fs::write(&edited, &original.text).unwrap();
    std::fs::write(folder.join("notes.txt"), "mine\n").unwrap();
    assert_eq!(
        s.remove_template_copy("mine", copy.files).unwrap_err().code,
        "template"
    );
    assert!(folder.exists());
    assert_eq!(
        s.remove_template_copy("../p", Vec::new()).unwrap_err().code,
        "template"
    );
}

#[test]
fn a_day_reordered_keeps_its_order_and_the_reader_sees_dates() {
    let (_tmp, s, id) = session_with_source();
    let text = s.source(&id).unwrap().text;
    let mut ids = Vec::new();
    for needle in ["the minister said", "Later, talks resumed again"] {
        let (start, end) = byte_range(&text, needle, 0);
        let x = s
            .add_excerpt(NewExcerpt {
                source: id.clone(),
                start,
                end,
            })
            .unwrap();
        let patch = ExcerptPatch {
            date: Some("2015-06-02".into()),
            summary: Some(needle.into()),
            ..Default::default()
        };
        ids.push(s.edit_excerpt(&x.id, patch).unwrap().id);
    }
    ids.reverse();
    s.reorder(&ids).unwrap();
    let c = s.chronology().unwrap();
    let order: Vec<&str> = c.entries.iter().map(|e| e.excerpts[0].as_str()).collect();
    assert_eq!(order, [ids[0].as_str(), ids[1].as_str()]);
    let e = &c.entries[0];
    assert_eq!((e.year, e.month, e.day), (2015, Some(6), Some(2)));
    assert_eq!(e.first_day, "2015-06-02");
    assert_eq!(c.sources.len(), 1);
    let dates = s.source_dates(&id).unwrap();
    let june = dates
        .expressions
        .iter()
        .find(|d| d.text == "2 June 2015")
        .expect("the date in the text");
    assert_eq!(&text[june.start as usize..june.end as usize], "2 June 2015");
    assert_eq!(june.date.as_ref().unwrap().value, "2015-06-02");
}

#[test]
fn source_details_edited_in_the_reader_are_the_analysts() {
    let (tmp, s, id) = session_with_source();
    let patch = SourcePatch {
        outlet: Some("IRNA".into()),
        published: Some("2015-06".into()),
        reliability: Some(Reliability::B),
        author: Some("".into()),
        ..SourcePatch::default()
    };
    let d = s.edit_source(&id, patch).unwrap();
    let outlet = d.row.outlet.unwrap();
    assert_eq!(outlet.value, "IRNA");
    assert_eq!(outlet.found.rule, "analyst");
    assert_eq!(d.row.published.unwrap().date.value, "2015-06");
    assert_eq!(d.row.reliability, Reliability::B);
    assert!(d.row.author.is_none(), "an empty string clears");
    // Written through the core: a new session reads the same details.
    let again = Session::new(None, None);
    again.open(&tmp.path().join("p")).unwrap();
    assert_eq!(again.source(&id).unwrap().row.outlet.unwrap().value, "IRNA");
    let bad = SourcePatch {
        published: Some("June-ish".into()),
        ..SourcePatch::default()
    };
    assert_eq!(s.edit_source(&id, bad).unwrap_err().code, "invalid_date");
    // A grade outside A–F does not even cross IPC: the patch does not deserialise.
    assert!(serde_json::from_str::<SourcePatch>(r#"{"reliability": "Z"}"#).is_err());
    assert!(serde_json::from_str::<SourcePatch>(r#"{"reliability": "B"}"#).is_ok());
}

#[test]
fn undoing_a_source_edit_restores_what_the_importer_found() {
    let (tmp, s, id) = session_with_source();
    let before = s.source(&id).unwrap().row;
    let title = before
        .title_found
        .clone()
        .expect("the importer found a title");
    assert_ne!(title.rule, "analyst");
    let patch = SourcePatch {
        title: Some("Talks in Vienna".into()),
        ..SourcePatch::default()
    };
    assert_eq!(
        s.edit_source(&id, patch)
            .unwrap()
            .row
            .title_found
            .unwrap()
            .rule,
        "analyst"
    );
    // The undo the reader records: the value back, with the rule that found it.
    let undo = SourcePatch {
        title: Some(before.title.clone()),
        found: Some(SourceFound {
            title: Some(title.clone()),
            ..SourceFound::default()
        }),
        ..SourcePatch::default()
    };
    assert_eq!(s.edit_source(&id, undo).unwrap().row, before);
    let again = Session::new(None, None);
    again.open(&tmp.path().join("p")).unwrap();
    assert_eq!(again.source(&id).unwrap().row, before, "as saved");

    let bad = SourcePatch {
        title: Some("x".into()),
        found: Some(SourceFound {
            title: Some(Provenance {
                rule: "text:first-line".into(),
                confidence: 7.0,
                evidence: None,
            }),
            ..SourceFound::default()
        }),
        ..SourcePatch::default()
    };
    assert_eq!(s.edit_source(&id, bad).unwrap_err().code, "invalid");
}

/// `n` short notes in a folder of their own, to import.
fn notes(dir: &Path, n: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..n)
        .map(|i| {
            let f = dir.join(format!("{i:04}.txt"));
            std::fs::write(&f, format!("Note {i}: the envoys met in Vienna.\n")).unwrap();
            f
        })
        .collect()
}

/// Regression: `import_files` held the session lock for the whole import, so every other
/// command (the sources list, a save) waited until the last file was extracted. Now the
/// extraction runs without it: from inside an extraction, another command gets its answer.
#[test]
fn other_commands_answer_while_an_import_extracts() {
    let tmp = tempfile::tempdir().unwrap();
    let s = Arc::new(Session::new(None, None));
    s.create(&tmp.path().join("p"), "Talks").unwrap();
    let files = notes(&tmp.path().join("in"), 2);
    let answered = Mutex::new(Vec::new());
    let progress = |_: usize, _: &Path| {
        let (tx, rx) = mpsc::channel();
        let other = Arc::clone(&s);
        // A thread of its own, as another command would run: if the import held the session
        // lock it would wait for the import, which waits here.
        std::thread::spawn(move || {
            let _ = tx.send(other.sources().map(|rows| rows.len()));
        });
        let answer = rx.recv_timeout(Duration::from_secs(20));
        answered.lock().unwrap().push(answer.is_ok());
    };
    let results = s.import_files(&files, &progress).unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(answered.into_inner().unwrap(), [true, true]);
    assert_eq!(s.sources().unwrap().len(), 2);
}

#[test]
fn a_cancelled_import_keeps_what_it_extracted_and_stops() {
    let tmp = tempfile::tempdir().unwrap();
    let s = Session::new(None, None);
    s.create(&tmp.path().join("p"), "Talks").unwrap();
    let files = notes(&tmp.path().join("in"), 600);
    let progress = |done: usize, _: &Path| {
        if done == 2 {
            s.cancel_import();
        }
    };
    let results = s.import_files(&files, &progress).unwrap();
    assert!(
        !results.is_empty() && results.len() < files.len(),
        "{} of {} files settled",
        results.len(),
        files.len()
    );
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(s.sources().unwrap().len(), results.len());
    // The next import starts afresh, not cancelled.
    let rest = s.import_files(&files[results.len()..], &|_, _| {}).unwrap();
    assert_eq!(rest.len(), files.len() - results.len());
}

/// Regression: the app parses PDFs in a worker process of its own executable
/// (`Isolation::default()`: `dossier-desktop __dossier-pdf-worker`), but only the CLI's `main`
/// served that argument, so the desktop app started itself again (without a display: a GTK
/// panic) and every PDF import failed. A test process is not the app, so the worker here is
/// the built `dossier-desktop` binary, called exactly as the app calls itself.
#[test]
fn a_pdf_imports_through_the_desktop_binary_as_its_worker() {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = Session::new(None, None);
    s.import_options.pdf = dossier::import::pdf::Isolation::Worker {
        program: env!("CARGO_BIN_EXE_dossier-desktop").into(),
        args: vec![dossier::import::pdf::WORKER_ARG.into()],
        // Without the fix the app itself starts: fail in seconds rather than after 30.
        time_limit: Duration::from_secs(15),
    };
    s.create(&tmp.path().join("p"), "Talks").unwrap();
    // Dossier's own PDF: the briefing, exported.
    let body = "## BLUF\n\nThe envoys resumed talks in Vienna on 2 June 2015.\n";
    s.save_briefing("main", body.into(), "one-pager".into())
        .unwrap();
    let pdf = s
        .export(
            "main",
            None,
            ExportFormat::Pdf,
            tmp.path().join("brief.pdf"),
        )
        .unwrap();
    let results = s.import_files(&[PathBuf::from(&pdf)], &|_, _| {}).unwrap();
    let id = match results.into_iter().next().unwrap() {
        Ok(dossier::Imported::Imported { id }) => id.to_string(),
        other => panic!("the PDF was not imported: {other:?}"),
    };
    let source = s.source(&id).unwrap();
    assert!(
        source.text.contains("resumed talks in Vienna"),
        "{}",
        source.text
    );
}

/// Two dated excerpts of the article; returns their ids.
fn two_dated_excerpts(s: &Session, id: &str) -> Vec<String> {
    let text = s.source(id).unwrap().text;
    ["the minister said", "Later, talks resumed again"]
        .into_iter()
        .map(|needle| {
            let (start, end) = byte_range(&text, needle, 0);
            let x = s
                .add_excerpt(NewExcerpt {
                    source: id.to_string(),
                    start,
                    end,
                })
                .unwrap();
            let patch = ExcerptPatch {
                date: Some("2015-06-02".into()),
                ..Default::default()
            };
            s.edit_excerpt(&x.id, patch).unwrap().id
        })
        .collect()
}

#[test]
fn the_inspectors_attribution_edit_is_the_analysts_and_undo_restores_the_rules() {
    let (_tmp, s, id) = session_with_source();
    let x = two_dated_excerpts(&s, &id)[0].clone();
    let found = s.excerpt(&x).unwrap().attribution;
    let edited = s
        .edit_attribution(
            &x,
            AttributionPatch {
                speaker: Some("Ana Varo".into()),
                origin: Some("nyt".into()),
                via: Some(vec!["Pellan Wire".into(), " ".into()]),
            },
        )
        .unwrap();
    let a = &edited.attribution;
    assert_eq!(a.speaker.as_ref().unwrap().value, "Ana Varo");
    assert_eq!(a.speaker.as_ref().unwrap().found.rule, "analyst");
    assert_eq!(
        a.origin.as_ref().unwrap().value,
        "The New York Times",
        "the analyst's name is made canonical"
    );
    assert_eq!(
        a.via.iter().map(|v| v.value.as_str()).collect::<Vec<_>>(),
        ["Pellan Wire"]
    );
    let c = s.chronology().unwrap();
    let entry = c.entries.iter().find(|e| e.excerpts.contains(&x)).unwrap();
    assert_eq!(entry.origins, ["The New York Times"]);
    // Undo: exactly what the rules had found, provenance included.
    let back = s.restore_attribution(&x, found.clone()).unwrap();
    assert_eq!(back.attribution, found);
    // Clearing an analyst's value gives the rules' values back too.
    s.edit_attribution(
        &x,
        AttributionPatch {
            origin: Some("Reuters".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(s.clear_attribution(&x).unwrap().attribution, found);
}

#[test]
fn events_split_and_joined_in_the_app_undo_to_the_keys_they_had() {
    let (_tmp, s, id) = session_with_source();
    let ids = two_dated_excerpts(&s, &id);
    let entries = |s: &Session| -> Vec<Vec<String>> {
        s.chronology()
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.excerpts)
            .collect()
    };
    // Same day, same talks: the rules keep them apart or together; the analyst decides.
    let joined = s.join_events(&ids).unwrap();
    assert_eq!(entries(&s).len(), 1);
    assert!(s.chronology().unwrap().entries[0].grouped_by_analyst);
    assert!(joined.iter().all(|k| k.event.is_none()), "{joined:?}");
    let before_split = s.split_event(&ids[1]).unwrap();
    assert_eq!(entries(&s).len(), 2);
    assert_eq!(
        s.excerpt(&ids[1]).unwrap().event.as_deref(),
        Some(ids[1].as_str())
    );
    // Undo the split: the joined event again. Undo the join: the rules' grouping.
    s.set_events(before_split).unwrap();
    assert_eq!(entries(&s).len(), 1);
    s.set_events(joined).unwrap();
    assert!(ids.iter().all(|x| s.excerpt(x).unwrap().event.is_none()));
    assert_eq!(
        s.join_events(&ids[..1]).unwrap_err().code,
        "invalid",
        "one excerpt cannot be joined"
    );
}

/// The outline marks the sections the template does not print by the preview's
/// `section-not-rendered` warnings: both must name the same line of the editor.
#[test]
fn a_section_the_template_drops_is_warned_at_the_outlines_line() {
    let (_tmp, s, _) = session_with_source();
    let body = "## BLUF\n\n(U) Talks resumed.\n\n## Discussion\n\n(U) More talks.\n";
    let p = s.preview("main", body.into(), "one-pager".into()).unwrap();
    let dropped: Vec<Option<u32>> = p
        .warnings
        .iter()
        .filter(|w| w.kind == "section-not-rendered")
        .map(|w| w.line)
        .collect();
    let discussion = dossier_desktop::dto::SectionView::list(body)
        .into_iter()
        .find(|s| s.title == "Discussion")
        .unwrap();
    assert_eq!(dropped, [Some(discussion.line)], "{:?}", p.warnings);
}

#[test]
fn search_gives_ranked_hits_with_utf8_ranges_and_warnings() {
    let (_tmp, s, id) = session_with_source();
    let r = s.search("cafe \"talks resumed\" AND").unwrap();
    assert_eq!(r.warnings.len(), 1, "the dangling AND: {:?}", r.warnings);
    let hit = &r.hits[0];
    assert_eq!((hit.kind, hit.id.as_str()), (HitKind::Source, id.as_str()));
    let [a, b] = hit.highlights[0];
    let marked = &hit.snippet.as_bytes()[a as usize..b as usize];
    assert!(
        std::str::from_utf8(marked).is_ok(),
        "highlights fall on characters"
    );
    assert!(s.search("").unwrap().hits.is_empty());
}
