//! `dossier templates`, `template new` and `render`, run as the analyst runs them.
//!
//! Every run sets `XDG_CONFIG_HOME` to a folder of the test's own, so the machine's user
//! templates never leak in.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{EPOCH, Run, copy_tree, s};

/// A scratch folder with its own user config folder.
struct Scratch {
    tmp: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            tmp: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    fn xdg(&self) -> PathBuf {
        self.path("xdg")
    }

    /// Runs `dossier` with this scratch folder's `XDG_CONFIG_HOME`.
    fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(args)
            .env("SOURCE_DATE_EPOCH", EPOCH)
            .env("XDG_CONFIG_HOME", self.xdg())
            .env_remove("CI_TRACE")
            .output()
            .expect("run dossier");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// A copy of `samples/demo`, so that commands never touch the committed demo.
    fn demo(&self) -> PathBuf {
        let dir = self.path("demo");
        copy_tree(&dossier_testkit::repo_root().join("samples/demo"), &dir);
        dir
    }

    fn templates(&self, dir: Option<&Path>) -> Vec<(String, String)> {
        let mut args = vec!["templates", "--json"];
        if let Some(d) = dir {
            args.push(s(d));
        }
        let list = self.run(&args).ok().json();
        list.as_array()
            .expect("a list")
            .iter()
            .map(|t| {
                (
                    t["name"].as_str().unwrap().to_string(),
                    t["origin"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Renders and returns the path printed and the text written there.
#[track_caller]
fn render(sc: &Scratch, args: &[&str]) -> (PathBuf, String) {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    let r = sc.run(&all).ok();
    let path = PathBuf::from(r.stdout.trim());
    let text = read(&path);
    (path, text)
}

const BUILTINS: [&str; 5] = ["chronology", "intsum", "one-pager", "sitrep", "tlp-brief"];

#[test]
fn templates_json_lists_the_five_builtins() {
    let sc = Scratch::new();
    let list = sc.templates(None);
    let expected: Vec<(String, String)> = BUILTINS
        .iter()
        .map(|n| (n.to_string(), "builtin".to_string()))
        .collect();
    assert_eq!(list, expected);
    let raw = sc.run(&["templates", "--json"]).ok().json();
    for t in raw.as_array().unwrap() {
        assert!(
            !t["description"].as_str().unwrap().is_empty(),
            "{t}: a built-in says what it is for"
        );
    }
}

#[test]
fn template_new_copies_into_the_project_and_a_project_template_overrides_a_builtin() {
    let sc = Scratch::new();
    let dir = sc.demo();
    let r = sc
        .run(&["template", "new", "mybrief", "--from", "intsum", s(&dir)])
        .ok();
    let copied = dir.join("templates/mybrief");
    assert_eq!(PathBuf::from(r.stdout.trim()), copied);
    assert!(read(&copied.join("template.toml")).contains("name = \"mybrief\""));
    assert_eq!(
        read(&copied.join("briefing.md.j2")),
        read(&dossier_testkit::repo_root().join("templates/intsum/briefing.md.j2"))
    );
    let list = sc.templates(Some(&dir));
    assert!(
        list.contains(&("mybrief".into(), "project".into())),
        "{list:?}"
    );

    // A project template named like a built-in takes its place, listed once.
    sc.run(&["template", "new", "intsum", "--from", "chronology", s(&dir)])
        .ok();
    let list = sc.templates(Some(&dir));
    let intsum: Vec<_> = list.iter().filter(|(n, _)| n == "intsum").collect();
    assert_eq!(intsum, [&("intsum".to_string(), "project".to_string())]);
    // The demo's briefing asks for intsum: it now gets the project's (a chronology).
    let (_, md) = render(&sc, &[s(&dir)]);
    assert!(md.starts_with("# Chronology: "), "{md:.200}");

    // Copying over an existing template is refused.
    sc.run(&["template", "new", "mybrief", "--from", "sitrep", s(&dir)])
        .fails(1, "already exists");
}

#[test]
fn render_writes_markdown_and_html_beside_the_project_and_prints_the_path() {
    let sc = Scratch::new();
    let dir = sc.demo();
    let (path, md) = render(&sc, &[s(&dir), "--format", "md"]);
    assert_eq!(path, dir.join("out/main.md"));
    assert!(
        md.starts_with("# Kessen Strait blockade: the first three weeks\n"),
        "{md:.200}"
    );
    assert!(md.contains("\n[^1]: "), "endnotes are listed");
    assert!(!md.contains("[@"), "every citation is resolved");

    let (path, html) = render(&sc, &[s(&dir), "--format", "html"]);
    assert_eq!(path, dir.join("out/main.html"));
    assert!(html.starts_with("<!DOCTYPE html>"), "{html:.200}");
    assert_eq!(
        html.matches("<div class=\"banner\">UNCLASSIFIED</div>")
            .count(),
        2
    );

    let out = sc.path("elsewhere/brief.md");
    let (path, _) = render(&sc, &[s(&dir), "-o", s(&out)]);
    assert_eq!(path, out);
}

#[test]
fn same_inputs_render_byte_identical_output() {
    let sc = Scratch::new();
    let dir = sc.demo();
    for format in ["md", "html"] {
        let first = std::fs::read(render(&sc, &[s(&dir), "--format", format]).0).unwrap();
        let second = std::fs::read(render(&sc, &[s(&dir), "--format", format]).0).unwrap();
        assert!(first == second, "{format}: two renderings differ");
    }
}

#[test]
fn render_with_another_template() {
    let sc = Scratch::new();
    let dir = sc.demo();
    let (_, md) = render(&sc, &[s(&dir), "--template", "chronology"]);
    assert!(md.starts_with("# Chronology: "), "{md:.200}");
    assert!(md.contains("grade **"), "each entry shows its grade");
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let sc = Scratch::new();
    let dir = sc.demo();
    sc.run(&["template", "new", "broken", "--from", "intsum", s(&dir)])
        .ok();
    let file = dir.join("templates/broken/briefing.md.j2");
    std::fs::write(&file, "# {{ briefing.title }}\n\nBy {{ briefing.author\n").unwrap();
    let briefing = read(&dir.join("briefings/main.md"));
    let r = sc
        .run(&["render", s(&dir), "--template", "broken"])
        .fails(1, "line 3, column");
    assert!(r.stderr.contains(s(&file)), "{}", r.stderr);
    assert!(r.stderr.contains("By {{ briefing.author"), "{}", r.stderr);
    assert!(!dir.join("out/main.md").exists(), "nothing is written");
    assert_eq!(read(&dir.join("briefings/main.md")), briefing);
}

#[test]
fn user_templates_are_found_in_xdg_config_home() {
    let sc = Scratch::new();
    let dir = sc.demo();
    let r = sc
        .run(&["template", "new", "weekly", "--from", "sitrep"])
        .ok();
    let copied = sc.xdg().join("dossier/templates/weekly");
    assert_eq!(PathBuf::from(r.stdout.trim()), copied);
    assert!(
        sc.templates(None)
            .contains(&("weekly".into(), "user".into()))
    );
    assert!(
        sc.templates(Some(&dir))
            .contains(&("weekly".into(), "user".into()))
    );
    let (_, md) = render(&sc, &[s(&dir), "--template", "weekly"]);
    assert!(md.starts_with("# SITREP: "), "{md:.200}");
}

#[test]
fn an_unknown_template_is_a_clear_error() {
    let sc = Scratch::new();
    let dir = sc.demo();
    sc.run(&["render", s(&dir), "--template", "nope"])
        .fails(1, "no template named 'nope'");
}

#[test]
fn hostile_briefing_text_is_inert_in_the_html() {
    let sc = Scratch::new();
    let dir = sc.demo();
    let path = dir.join("briefings/main.md");
    let briefing = read(&path).replacen(
        "## BLUF\n\n",
        "## BLUF\n\n<script>alert(1)</script>\n\nSee <img src=x onerror=alert(1)> and [x](javascript:alert(1)).\n\n",
        1,
    );
    std::fs::write(&path, briefing).unwrap();
    let (_, html) = render(&sc, &[s(&dir), "--format", "html"]);
    let body = &html[html.find("<body>").unwrap()..];
    assert!(!body.contains("<script"), "{body}");
    assert!(!body.contains("<img"), "{body}");
    assert!(!body.contains("javascript:"), "{body}");
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "shown as text"
    );
}

/// The seed articles as a project built with the CLI: imported, dated, excerpted, briefed.
fn seed_project(sc: &Scratch, name: &str, classification: &str) -> Option<PathBuf> {
    let seeds = dossier_testkit::seeds(name)?;
    let dir = sc.path(name);
    sc.run(&[
        "new",
        s(&dir),
        "--title",
        "Iran and the Assad government",
        "--classification",
        classification,
    ])
    .ok();
    let mut args = vec!["import".to_string(), s(&dir).to_string(), "--json".into()];
    args.extend(seeds.iter().map(|(p, _)| s(p).to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let imported = sc.run(&args).ok().json();
    let id_of = |prefix: &str| -> String {
        imported
            .as_array()
            .unwrap()
            .iter()
            .find(|l| {
                Path::new(l["file"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(prefix)
            })
            .and_then(|l| l["id"].as_str())
            .unwrap_or_else(|| panic!("seed {prefix} imported: {imported}"))
            .to_string()
    };
    for (prefix, published) in dossier_testkit::SEED_PUBLISHED {
        sc.run(&[
            "source",
            "edit",
            s(&dir),
            &id_of(prefix),
            "--published",
            published,
        ])
        .ok();
    }
    let excerpt = |prefix: &str, quote: &str, date: &str, summary: &str| -> String {
        let r = sc
            .run(&[
                "excerpt",
                "add",
                s(&dir),
                "--source",
                &id_of(prefix),
                "--quote",
                quote,
                "--date",
                date,
                "--summary",
                summary,
                "--credibility",
                "2",
                "--json",
            ])
            .ok();
        r.json()["id"].as_str().expect("excerpt id").to_string()
    };
    let pledge = excerpt(
        "000",
        "until the end of the road",
        "2015-06-02",
        "Rouhani pledges to back Assad to the end",
    );
    let idlib = excerpt(
        "000",
        "as many as 20,000 troops are massing for an assault on Idlib province",
        "2015-06-03",
        "Up to 20,000 troops mass near Idlib",
    );
    let damascus = excerpt(
        "001",
        "the regime officially acknowledged the deployment of 7,000 Iranian and Iraqi fighters around Damascus",
        "2015-06",
        "Regime acknowledges 7,000 fighters around Damascus",
    );
    let evacuation = excerpt(
        "003",
        "the country started evacuating its military commanders and personnel",
        "2024-12-06",
        "Iran starts evacuating its commanders and personnel",
    );
    let confirmed = excerpt(
        "002",
        "Iran is starting to evacuate its forces and military personnel",
        "2024-12-06",
        "An Iranian adviser confirms the evacuation",
    );
    let briefing = format!(
        "+++\ntitle = \"Iran and the Assad government, 2015–2024\"\nauthor = \"J. Analyst\"\n+++\n\
         ## BLUF\n\nIran pledged in June 2015 to back Assad to the end [@{pledge}]; in December 2024 it began evacuating its forces [@{evacuation}].\n\n\
         ## Key judgments\n\n- Iran's 2015 pledge was backed by a real mobilisation [@{idlib}; @{damascus}].\n- The 2024 withdrawal ends Iran's military role in Syria [@{evacuation}; @{confirmed}].\n\n\
         ## Outlook\n\nA return of Iranian forces is unlikely.\n"
    );
    std::fs::write(dir.join("briefings/main.md"), briefing).unwrap();
    Some(dir)
}

#[test]
fn seeds_render_with_every_builtin_to_markdown_and_html() {
    let sc = Scratch::new();
    let Some(classified) = seed_project(&sc, "seeds-u", "U") else {
        return;
    };
    let tlp = seed_project(&sc, "seeds-tlp", "TLP:GREEN").expect("seeds present");
    for name in BUILTINS {
        let (dir, banner) = if name == "tlp-brief" {
            (&tlp, "TLP:GREEN")
        } else {
            (&classified, "UNCLASSIFIED")
        };
        let md_out = sc.path(&format!("out/{name}.md"));
        let (_, md) = render(&sc, &[s(dir), "--template", name, "-o", s(&md_out)]);
        assert!(!md.contains("[@"), "{name}: every citation is resolved");
        assert!(md.contains("Iran"), "{name}: {md:.300}");
        if name != "chronology" {
            assert!(
                md.contains("2015–2024"),
                "{name}: the briefing's title: {md:.300}"
            );
        }
        let html_out = sc.path(&format!("out/{name}.html"));
        let (_, html) = render(
            &sc,
            &[
                s(dir),
                "--template",
                name,
                "--format",
                "html",
                "-o",
                s(&html_out),
            ],
        );
        assert_eq!(
            // The banner's classes name its colours (a TLP label's), after `banner`.
            html.matches("<div class=\"banner")
                .count()
                .min(html.matches(&format!("\">{banner}</div>")).count()),
            2,
            "{name}: the banner above and below"
        );
    }
}

/// A briefing that needs markings and has none is refused with the list of unmarked portions.
#[test]
fn intsum_refuses_unmarked_portions_without_a_project_default() {
    let sc = Scratch::new();
    let dir = sc.path("p");
    sc.run(&["new", s(&dir), "--title", "Unmarked"]).ok();
    std::fs::write(
        dir.join("briefings/main.md"),
        "+++\ntitle = \"Unmarked\"\n+++\n## BLUF\n\nA bottom line.\n\n## Key judgments\n\n- A judgment.\n",
    )
    .unwrap();
    let r = sc
        .run(&["render", s(&dir), "--template", "intsum"])
        .fails(1, "unmarked");
    assert!(r.stderr.contains("BLUF paragraph 1"), "{}", r.stderr);
}
