//! The foundation's command-line contract, end to end through the real binary.

mod common;

use common::{dossier, import_text, new_project, s, snapshot};

const ARTICLE: &str = "Harbour closes\n\nPort officials closed the harbour on Tuesday after a storm.\n\nThe closure affects “twelve ships”, officials said.\n";

#[test]
fn seeds_import_excerpt_chronology_validate() {
    let Some((_tmp, dir, ids)) = common::seed_project("seeds_import_excerpt_chronology_validate")
    else {
        return;
    };
    // 000: Rouhani's pledge; 002: the evacuation.
    let pledge = dossier(&[
        "excerpt", "add", s(&dir), "--source", &ids[0], "--quote",
        "\"The Iranian nation and government will remain at the side of the Syrian nation and government until the end of the road,\"",
        "--date", "2015-06-02", "--summary", "Rouhani pledges support", "--tag", "actor:Rouhani", "--json",
    ])
    .ok()
    .json();
    assert!(
        pledge["quote"].as_str().unwrap().starts_with('\u{201C}'),
        "the stored quote is the source's own text"
    );
    let evac = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[2],
        "--quote",
        "Iran is starting to evacuate its forces and military personnel",
        "--date",
        "2024-12-06",
        "--json",
    ])
    .ok()
    .json();
    let chrono = dossier(&["chronology", s(&dir), "--json"]).ok().json();
    let entries = chrono["entries"].as_array().unwrap();
    let order: Vec<&str> = entries
        .iter()
        .map(|e| e["excerpts"][0].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [pledge["id"].as_str().unwrap(), evac["id"].as_str().unwrap()]
    );
    assert_eq!(entries[0]["date"], "2015-06-02");
    let filtered = dossier(&["chronology", s(&dir), "--from", "2024", "--json"])
        .ok()
        .json();
    assert_eq!(filtered["entries"].as_array().unwrap().len(), 1);
    dossier(&["validate", s(&dir)]).ok();
    let listed = dossier(&["sources", s(&dir), "--json"]).ok().json();
    let first = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == ids[0].as_str())
        .unwrap();
    assert_eq!(first["published"], "2015-06-03");
    assert_eq!(first["excerpts"], 1);
    assert_eq!(first["file"], "000_5e1402a093419d35.txt");
}

#[test]
fn quote_not_in_source_is_refused_and_nothing_is_written() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    let before = snapshot(&dir);
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "fourteen ships",
    ])
    .fails(1, "the quote is not in source");
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn quote_matching_forgives_quotes_dashes_and_spacing() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    let x = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "affects  \"twelve ships\"",
        "--json",
    ])
    .ok()
    .json();
    assert_eq!(x["quote"], "affects “twelve ships”");
    let start = x["locator"]["start"].as_u64().unwrap() as usize;
    let end = x["locator"]["end"].as_u64().unwrap() as usize;
    let src = dossier(&["source", "show", s(&dir), &id, "--json"])
        .ok()
        .json();
    assert_eq!(
        &src["text"].as_str().unwrap()[start..end],
        "affects “twelve ships”"
    );
}

#[test]
fn occurrence_selects_a_later_match() {
    let (_tmp, dir) = new_project();
    let id = import_text(
        &dir,
        "a.txt",
        "Title\n\nthe ships left. Later the ships came back.\n",
    );
    let first = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "the ships",
        "--json",
    ])
    .ok()
    .json();
    let second = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "the ships",
        "--occurrence",
        "2",
        "--json",
    ])
    .ok()
    .json();
    assert!(second["locator"]["start"].as_u64() > first["locator"]["start"].as_u64());
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "the ships",
        "--occurrence",
        "3",
    ])
    .fails(1, "occurs 2 times");
}

#[test]
fn json_into_a_closed_pipe_ends_quietly() {
    let (_tmp, dir) = new_project();
    import_text(&dir, "a.txt", ARTICLE);
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' sources '{}' --json | head -c 1",
            env!("CARGO_BIN_EXE_dossier"),
            s(&dir)
        ))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "{stderr}"
    );
}

#[test]
fn unknown_source_id() {
    let (_tmp, dir) = new_project();
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        "no-such-source",
        "--quote",
        "x",
    ])
    .fails(1, "no source with id 'no-such-source'");
    dossier(&["source", "show", s(&dir), "nope"])
        .fails(1, "no source with id 'nope'")
        .fails(1, "`dossier sources DIR` lists them");
}

#[test]
fn bad_edtf_is_a_usage_error_naming_the_value() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "harbour",
        "--date",
        "2015-02-30",
    ])
    .fails(1, "'2015-02-30' is not a date");
    dossier(&["source", "edit", s(&dir), &id, "--published", "June 2015"])
        .fails(1, "dates are written in EDTF");
    dossier(&["excerpt", "add", s(&dir), "--source", &id, "--quote", "  "])
        .fails(1, "the quote is empty");
}

#[test]
fn usage_errors_exit_1_and_help_exits_0() {
    dossier(&["frobnicate"]).fails(1, "unrecognized subcommand");
    dossier(&["excerpt", "add"]).fails(1, "required");
    assert!(dossier(&["--help"]).ok().stdout.contains("chronology"));
}

#[test]
fn not_a_project() {
    let tmp = tempfile::tempdir().unwrap();
    dossier(&["sources", s(tmp.path())])
        .fails(1, "is not a Dossier project")
        .fails(1, "`dossier new DIR` creates one");
    let (_t, dir) = new_project();
    dossier(&["new", s(&dir)]).fails(1, "already a Dossier project");
}

#[test]
fn a_second_writer_gets_the_lock_message() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    // This test process is alive: its lock is held.
    let host = gethostname();
    let lock = format!(
        "host = \"{host}\"\npid = {}\nsince = \"2026-11-21T11:00:00Z\"\n",
        std::process::id()
    );
    std::fs::write(dir.join(".dossier/lock"), lock).unwrap();
    let before = snapshot(&dir);
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "harbour",
    ])
    .fails(
        1,
        &format!(
            "locked by process {} on {host} since 2026-11-21 11:00:00 UTC",
            std::process::id()
        ),
    );
    assert_eq!(snapshot(&dir), before);
    // Readers are not blocked.
    dossier(&["sources", s(&dir)]).ok();
}

#[test]
fn a_stale_lock_from_a_dead_process_is_recovered() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let lock = format!(
        "host = \"{}\"\npid = {dead}\nsince = \"2026-11-21T11:00:00Z\"\n",
        gethostname()
    );
    std::fs::write(dir.join(".dossier/lock"), lock).unwrap();
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "harbour",
    ])
    .ok();
    assert!(
        !dir.join(".dossier/lock").exists(),
        "the lock is released after the write"
    );
}

fn gethostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_default()
}

#[test]
fn a_newer_format_is_refused_and_nothing_rewritten() {
    let (_tmp, dir) = new_project();
    let config = dir.join("dossier.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("format = 1", "format = 2\nfuture_field = true");
    std::fs::write(&config, &text).unwrap();
    let before = snapshot(&dir);
    dossier(&["sources", s(&dir)]).fails(1, "format version 2, newer than this program's 1");
    dossier(&["import", s(&dir), s(&config)]).fails(1, "newer than");
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn identical_bytes_import_once() {
    let (_tmp, dir) = new_project();
    let a = import_text(&dir, "a.txt", ARTICLE);
    let file = dir.parent().unwrap().join("copy.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let r = dossier(&["import", s(&dir), s(&file), "--json"])
        .ok()
        .json();
    assert_eq!(r[0]["status"], "duplicate");
    assert_eq!(r[0]["id"], a.as_str());
}

#[test]
fn bad_files_fail_alone_and_change_nothing() {
    let (_tmp, dir) = new_project();
    let root = dir.parent().unwrap();
    std::fs::write(root.join("empty.txt"), "").unwrap();
    std::fs::write(root.join("bin.dat"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(root.join("good.txt"), ARTICLE).unwrap();
    let r = dossier(&[
        "import",
        s(&dir),
        s(&root.join("empty.txt")),
        s(&root.join("bin.dat")),
        s(&root.join("good.txt")),
        "--json",
    ]);
    assert_eq!(r.code, 1);
    let lines = r.json();
    assert_eq!(lines[0]["status"], "failed");
    assert!(
        lines[0]["error"].as_str().unwrap().contains("empty.txt"),
        "{lines}"
    );
    assert_eq!(lines[1]["status"], "failed");
    assert_eq!(lines[2]["status"], "imported");
    assert_eq!(
        std::fs::read_dir(dir.join("sources/originals"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn source_rm_refuses_while_cited() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "harbour",
    ])
    .ok();
    dossier(&["source", "rm", s(&dir), &id])
        .fails(1, "cited by 1 excerpt(s)")
        .fails(1, "pass --with-excerpts");
    dossier(&["source", "rm", s(&dir), &id, "--with-excerpts"]).ok();
    assert_eq!(
        dossier(&["sources", s(&dir), "--json"]).ok().json(),
        serde_json::json!([])
    );
    assert_eq!(std::fs::read_dir(dir.join("excerpts")).unwrap().count(), 0);
    dossier(&["validate", s(&dir)]).ok();
}

#[test]
fn every_field_can_be_set_from_the_cli() {
    let (_tmp, dir) = new_project();
    let a = import_text(&dir, "a.txt", ARTICLE);
    let b = import_text(
        &dir,
        "b.txt",
        "Reprint\n\nPort officials closed the harbour on Tuesday after a storm.\n",
    );
    let src = dossier(&[
        "source",
        "edit",
        s(&dir),
        &b,
        "--title",
        "Harbour closes (reprint)",
        "--outlet",
        "Gazette",
        "--author",
        "A. Writer",
        "--url",
        "https://example.org/x",
        "--published",
        "2015-06",
        "--reliability",
        "b",
        "--tag",
        "place:Port Alder",
        "--note",
        "checked by phone",
        "--reprint-of",
        &a,
        "--dateline",
        "Port Alder",
        "--language",
        "en",
        "--json",
    ])
    .ok()
    .json();
    assert_eq!(src["title"]["value"], "Harbour closes (reprint)");
    assert_eq!(src["title"]["provenance"], "analyst");
    assert_eq!(src["published"]["value"], "2015-06");
    assert_eq!(src["reliability"], "B");
    assert_eq!(src["reprint_of"], a.as_str());
    assert_eq!(src["tags"][0], "place:Port Alder");
    let x = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &b,
        "--quote",
        "closed the harbour",
        "--date",
        "2015-05-25/2015-05-31",
        "--reported",
        "2015-06",
        "--summary",
        "Harbour closed",
        "--tag",
        "actor:Port authority",
        "--tag",
        "storm",
        "--credibility",
        "2",
        "--portion",
        "tlp:amber+strict",
        "--note",
        "n",
        "--translation",
        "t",
        "--sequence",
        "3",
        "--json",
    ])
    .ok()
    .json();
    for (k, v) in [
        ("reported", "2015-06"),
        ("summary", "Harbour closed"),
        ("portion", "TLP:AMBER+STRICT"),
        ("note", "n"),
        ("translation", "t"),
    ] {
        assert_eq!(x[k], v, "{k}");
    }
    assert_eq!(x["date"]["value"], "2015-05-25/2015-05-31");
    assert_eq!(x["credibility"], 2);
    assert_eq!(x["sequence"], 3);
    assert_eq!(
        x["tags"],
        serde_json::json!(["actor:Port authority", "storm"])
    );
    let id = x["id"].as_str().unwrap();
    let y = dossier(&[
        "excerpt",
        "edit",
        s(&dir),
        id,
        "--portion",
        "none",
        "--untag",
        "storm",
        "--date",
        "2015-05~",
        "--json",
    ])
    .ok()
    .json();
    assert!(y.get("portion").is_none());
    assert_eq!(y["tags"], serde_json::json!(["actor:Port authority"]));
    assert_eq!(y["date"]["value"], "2015-05~");
    let chrono = dossier(&["chronology", s(&dir)]).ok().stdout;
    assert!(chrono.contains("c. May 2015"), "{chrono}");
    dossier(&["excerpt", "rm", s(&dir), id]).ok();
    dossier(&["excerpt", "show", s(&dir), id]).fails(1, "no excerpt with id");
}

#[test]
fn source_date_epoch_makes_two_runs_identical() {
    let run = || {
        let (tmp, dir) = new_project();
        let id = import_text(&dir, "a.txt", ARTICLE);
        dossier(&[
            "excerpt",
            "add",
            s(&dir),
            "--source",
            &id,
            "--quote",
            "closed the harbour",
            "--date",
            "2015",
        ])
        .ok();
        let snap = snapshot(&dir);
        drop(tmp);
        snap
    };
    let (a, b) = (run(), run());
    assert_eq!(a, b);
    let source = a
        .iter()
        .find(|(p, _)| p.starts_with("sources") && p.extension().is_some_and(|e| e == "md"))
        .unwrap();
    assert!(String::from_utf8_lossy(source.1).contains("captured_at = \"2026-11-21T12:00:00Z\""));
}

#[test]
fn validate_reports_conflict_markers_with_file_and_line() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    let x = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "harbour",
        "--json",
    ])
    .ok()
    .json();
    let file = dir
        .join("excerpts")
        .join(format!("{}.toml", x["id"].as_str().unwrap()));
    let text = std::fs::read_to_string(&file).unwrap();
    let conflicted = text.replacen(
        "credibility = 6\n",
        "<<<<<<< HEAD\ncredibility = 6\n=======\ncredibility = 2\n>>>>>>> theirs\n",
        1,
    );
    std::fs::write(&file, conflicted).unwrap();
    let r = dossier(&["validate", s(&dir), "--json"]);
    assert_eq!(r.code, 1);
    let findings = r.json();
    // The starter briefing's unmarked portions are listed too (warnings).
    let f = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "conflict")
        .unwrap_or_else(|| panic!("{findings}"));
    assert_eq!(f["line"], 1);
    assert!(f["file"].as_str().unwrap().starts_with("excerpts/"));
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("delete the three marker lines")
    );
    // Other commands name the broken file.
    dossier(&["chronology", s(&dir)]).fails(1, "excerpts/");
}

#[test]
fn validate_finds_unknown_citations_and_undated_excerpts() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "harbour",
    ])
    .ok();
    let main = dir.join("briefings/main.md");
    let text = std::fs::read_to_string(&main).unwrap() + "\nSee [@missing-1234].\n";
    std::fs::write(&main, text).unwrap();
    let findings = dossier(&["validate", s(&dir), "--json"]).json();
    let kinds: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"unknown-citation") && kinds.contains(&"undated"),
        "{findings}"
    );
    let cite = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "unknown-citation")
        .unwrap();
    let text = std::fs::read_to_string(&main).unwrap();
    let line = text
        .lines()
        .nth(cite["line"].as_u64().unwrap() as usize - 1)
        .unwrap();
    assert!(
        line.contains("[@missing-1234]"),
        "the line points at the citation: {line}"
    );
}

#[test]
fn search_finds_sources_and_excerpts() {
    let (_tmp, dir) = new_project();
    let id = import_text(&dir, "a.txt", ARTICLE);
    dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &id,
        "--quote",
        "twelve ships",
        "--summary",
        "Ships affected",
    ])
    .ok();
    let hits = dossier(&["search", s(&dir), "TWELVE ships", "--json"])
        .ok()
        .json();
    let kinds: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["excerpt", "source"]);
    assert_eq!(
        dossier(&["search", s(&dir), "submarine", "--json"])
            .ok()
            .json(),
        serde_json::json!([])
    );
}
