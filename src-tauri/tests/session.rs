//! The session behind the commands, driven as the window drives it: create, import, excerpt by
//! byte range, date it, see it in the chronology. Errors come back as `{code, message}`.

use dossier_desktop::dto::{ExcerptPatch, NewExcerpt};
use dossier_desktop::session::{Session, parse_date};

const ARTICLE: &str = "Café talks\n\nOn 2 June 2015 the minister said “talks resumed” in Vienna. \
Later, talks resumed again.\n";

fn session_with_source() -> (tempfile::TempDir, Session, String) {
    let tmp = tempfile::tempdir().unwrap();
    let s = Session::new(Some(tmp.path().join("config/recent.json")), None);
    s.create(&tmp.path().join("p"), "Talks").unwrap();
    let file = tmp.path().join("talks.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let mut progress = Vec::new();
    let results = s
        .import_files(std::slice::from_ref(&file), |done, f| {
            progress.push((done, f.to_path_buf()))
        })
        .unwrap();
    assert_eq!(progress, [(1, file)]);
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
