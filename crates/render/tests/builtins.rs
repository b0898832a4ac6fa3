//! Every built-in template renders the demo project and the seeds; snapshots pin the output.

mod common;

use dossier_render::{Template, builtin_names, render};

fn render_builtin(name: &str, p: &common::Project) -> dossier_render::Rendered {
    let t = Template::builtin(name).unwrap();
    let ctx = p
        .build(&t.manifest)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    render(&t, &ctx).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_five_builtins_exist() {
    assert_eq!(
        builtin_names(),
        ["chronology", "intsum", "one-pager", "sitrep", "tlp-brief"]
    );
}

#[test]
fn demo_project_renders_with_every_builtin() {
    for name in builtin_names() {
        let p = common::demo(name == "tlp-brief");
        let r = render_builtin(name, &p);
        insta::assert_snapshot!(format!("demo-{name}.md"), r.markdown);
        insta::assert_snapshot!(format!("demo-{name}.html"), r.html());
        let again = render_builtin(name, &p);
        assert_eq!(again, r, "{name}: same inputs, same bytes");
        let warnings: Vec<String> = r
            .warnings
            .iter()
            .map(|w| format!("{}:{:?}", w.kind, w.line))
            .collect();
        insta::assert_snapshot!(format!("demo-{name}.warnings"), warnings.join("\n"));
    }
}

#[test]
fn seeds_render_with_every_builtin() {
    let Some(_) = common::seeds("seeds_render_with_every_builtin") else {
        return;
    };
    for name in builtin_names() {
        let mut p = common::seeds("seeds").unwrap();
        if name == "tlp-brief" {
            p.config.classification = Some("TLP:CLEAR".parse().unwrap());
            for e in &mut p.excerpts {
                e.portion = None;
            }
        }
        let r = render_builtin(name, &p);
        insta::assert_snapshot!(format!("seeds-{name}.md"), r.markdown);
        insta::assert_snapshot!(format!("seeds-{name}.html"), r.html());
    }
}

/// Issue 15: no excerpt or source id reaches a page of any built-in, on the demo and the seeds.
#[test]
fn no_internal_id_reaches_a_page() {
    let seeds = common::seeds("no_internal_id_reaches_a_page").is_some();
    // A project for template `name`: tlp-brief needs TLP marks.
    let make = |seeds: bool, name: &str| {
        let tlp = name == "tlp-brief";
        if !seeds {
            return common::demo(tlp);
        }
        let mut p = common::seeds("seeds").unwrap();
        if tlp {
            p.config.classification = Some("TLP:CLEAR".parse().unwrap());
            for e in &mut p.excerpts {
                e.portion = None;
            }
        }
        p
    };
    for use_seeds in [false, true] {
        if use_seeds && !seeds {
            continue;
        }
        for name in builtin_names() {
            let p = make(use_seeds, name);
            let ids: Vec<String> = p
                .excerpts
                .iter()
                .map(|e| e.id.to_string())
                .chain(p.sources.iter().map(|s| s.id.to_string()))
                .collect();
            let r = render_builtin(name, &p);
            for (text, format) in [(r.markdown.clone(), "md"), (r.html(), "html")] {
                for id in &ids {
                    assert!(
                        !text.contains(id.as_str()),
                        "{name} ({format}, seeds: {use_seeds}) prints {id}:\n{text}"
                    );
                }
            }
        }
    }
}

/// `sitrep` and `one-pager` silently dropped the analyst's Key judgments and Discussion: a
/// template declares the sections it writes, and the others are warned of, at their line.
#[test]
fn regression_templates_dropped_sections_silently() {
    let p = common::demo(false);
    let warned = |name: &str| -> Vec<(String, Option<usize>)> {
        render_builtin(name, &p)
            .warnings
            .into_iter()
            .filter(|w| w.kind == "section-not-rendered")
            .map(|w| {
                let heading = w.message.split('"').nth(1).unwrap_or_default().to_string();
                (heading, w.line)
            })
            .collect()
    };
    // The demo's body: BLUF at line 1, Key judgments 5, Discussion 11, Outlook 17.
    assert_eq!(warned("intsum"), []);
    assert_eq!(
        warned("one-pager"),
        [
            ("Key judgments".to_string(), Some(5)),
            ("Discussion".to_string(), Some(11)),
            ("Outlook".to_string(), Some(17)),
        ]
    );
    assert_eq!(warned("sitrep"), [("Discussion".to_string(), Some(11))]);
    assert_eq!(warned("chronology").len(), 4);
    // Sitrep writes the key judgments now.
    let sitrep = render_builtin("sitrep", &p).markdown;
    assert!(sitrep.contains("Union discipline is strong."), "{sitrep}");
}

/// Entries whose day is not known are grouped at the start of their month, under one heading,
/// in every built-in that lists the chronology.
#[test]
fn month_only_entries_are_grouped_at_the_start_of_their_month() {
    let p = common::demo(false);
    let chronology = render_builtin("chronology", &p).markdown;
    let group = chronology
        .find("### March 2031 (day not known)")
        .unwrap_or_else(|| panic!("{chronology}"));
    let month = chronology
        .find("#### March 2031")
        .expect("the entry under it");
    let day = chronology.find("### 2 March 2031").expect("a day");
    assert!(group < month && month < day, "{chronology}");
    let intsum = render_builtin("intsum", &p).markdown;
    assert!(
        intsum.contains("| **March 2031 (day not known)** | | | |"),
        "{intsum}"
    );
    let sitrep = render_builtin("sitrep", &p).markdown;
    assert!(
        sitrep.contains("- **March 2031 (day not known)**\n  - **March 2031**"),
        "{sitrep}"
    );
}

/// A template that declares a cover and the classification authority block gets both, written
/// by Dossier; `authority-missing` warns of a classified briefing without one.
#[test]
fn a_declared_cover_and_authority_block() {
    let mut p = common::demo(false);
    p.briefing.meta.classified_by = "J. Analyst, Desk 4".into();
    p.briefing.meta.declassify_on = "2045-01-01".into();
    let mut t = Template::builtin("intsum").unwrap();
    t.manifest.cover = true;
    let r = render(&t, &p.build(&t.manifest).unwrap()).unwrap();
    let cover_end = r.markdown.find("\\newpage").expect("a cover page");
    let cover = &r.markdown[..cover_end];
    assert!(
        cover.starts_with("# Port Verrin strike will outlast the week\n"),
        "{cover}"
    );
    assert!(
        cover
            .contains("> **Classified by:** J. Analyst, Desk 4\\\n> **Declassify on:** 2045-01-01"),
        "{cover}"
    );
    assert!(!cover.contains("Derived from"), "{cover}");
    // Without a cover, the block stands under the title.
    let t = Template::builtin("intsum").unwrap();
    let r = render(&t, &p.build(&t.manifest).unwrap()).unwrap();
    assert!(
        r.markdown
            .starts_with("# Port Verrin strike will outlast the week\n\n> **Classified by:**"),
        "{}",
        r.markdown
    );
    // A SECRET briefing without an authority is warned of.
    let mut p = common::demo(false);
    p.briefing.meta.classification = Some("S".parse().unwrap());
    let r = render(&t, &p.build(&t.manifest).unwrap()).unwrap();
    assert!(
        r.warnings.iter().any(|w| w.kind == "authority-missing"),
        "{:?}",
        r.warnings
    );
}
