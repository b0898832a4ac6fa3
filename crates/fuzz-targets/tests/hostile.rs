//! The hostile input corpus: every XSS vector of `vectors/xss.md` through every path by which
//! text reaches a reader: the HTML preview, an imported web page, titles, outlet and author
//! names and briefing text through every built-in template to Markdown, HTML and PDF, and file
//! names. Nothing executable may survive anywhere (`executable_in_html` says what that means).

use std::path::Path;

use chrono::{TimeZone, Utc};
use dossier::model::{Briefing, BriefingMeta, ProjectConfig};
use dossier::{ExcerptDraft, Imported, Project, SourceEdit, World};
use dossier_fuzz_targets::{executable_in_html, executable_in_markdown, xss_vectors};

fn inert_html(what: &str, html: &str) {
    if let Some(found) = executable_in_html(html) {
        panic!("{what}: {found}\n{html}");
    }
}

fn inert_markdown(what: &str, markdown: &str) {
    if let Some(found) = executable_in_markdown(markdown) {
        panic!("{what}: {found} when another editor renders this Markdown:\n{markdown}");
    }
}

fn first_line(v: &str) -> &str {
    v.lines().next().unwrap_or_default()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn the_preview_runs_nothing_from_markdown_title_or_banner() {
    for (name, v) in xss_vectors() {
        inert_html(name, &dossier_render::html(v, v, v));
    }
}

/// A page saying `vector` twice: as text (escaped, as a page quoting an attack) and as markup.
fn page(v: &str) -> String {
    let t = escape(first_line(v));
    format!(
        "<!DOCTYPE html><html><head><title>{t}</title>\
         <meta property=\"og:site_name\" content=\"{t}\"><meta name=\"author\" content=\"{t}\">\
         </head><body><article><h1>{t}</h1>\
         <p>Officials said on Tuesday that the harbour would stay closed for a week while the \
         inquiry continued, and that ships already at anchor would be inspected one by one.</p>\
         <p>{}</p><div>{v}</div><p><a href=\"javascript:alert(1)\">read more</a> \
         <a href=\"vbscript:msgbox(1)\">more</a> <a href=\"data:text/html,x\">more</a></p>\
         <p>The ministry gave no date for reopening the port to commercial traffic.</p>\
         </article></body></html>",
        escape(v)
    )
}

#[test]
fn imported_pages_stay_inert_in_the_preview() {
    for (name, v) in xss_vectors() {
        let x = dossier_import::extract(page(v).as_bytes(), "page.html")
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let title = x.title.as_ref().map(|t| t.value.as_str()).unwrap_or("");
        let outlet = x.outlet.as_ref().map(|t| t.value.as_str()).unwrap_or("");
        inert_html(name, &dossier_render::html(&x.text, title, outlet));
    }
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap()
}

/// A project whose every name is a vector: the project and briefing titles and author, each
/// source's title, outlet and author (one source per vector), excerpt summaries, notes and the
/// briefing text.
fn hostile_project(dir: &Path, classification: &str) -> Project {
    let vectors = xss_vectors();
    let mut config = ProjectConfig::new(first_line(vectors[0].1));
    config.author = first_line(vectors[1].1).into();
    // Templates that require markings render only a marked project.
    config.classification = Some(classification.parse().expect("a marking"));
    let mut p = Project::create(World::new(now()), dir, config).expect("create");
    let mut cites = String::new();
    for (i, (name, v)) in vectors.iter().enumerate() {
        let text = format!(
            "Harbour report {i}\n\nOn 3 March 2026 officials closed the harbour number {i} \
             for inspection.\n\n{v}\n"
        );
        let imported = p
            .import(&format!("source-{i}.txt"), text.into_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let (Imported::Imported { id } | Imported::Reprint { id, .. }) = imported else {
            panic!("{name}: {imported:?}");
        };
        let edit = SourceEdit {
            title: Some(Some(first_line(v).into())),
            outlet: Some(Some(v.replace('\n', " "))),
            author: Some(Some(first_line(v).into())),
            url: Some(Some("javascript:alert(1)".into())),
            notes: Some(v.to_string()),
            ..SourceEdit::default()
        };
        p.edit_source(&id, edit)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut draft = ExcerptDraft::new(
            id,
            format!("On 3 March 2026 officials closed the harbour number {i}"),
        );
        draft.summary = first_line(v).into();
        draft.note = v.to_string();
        let e = p
            .add_excerpt(draft)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        cites.push_str(&format!("- {} [@{}]\n", first_line(v), e.id));
    }
    let body: String = vectors
        .iter()
        .map(|(_, v)| format!("{v}\n\n"))
        .collect::<String>();
    p.save_briefing(Briefing {
        name: "main".into(),
        meta: BriefingMeta {
            title: first_line(vectors[2].1).into(),
            author: first_line(vectors[3].1).into(),
            ..BriefingMeta::default()
        },
        body: format!("## BLUF\n\n{body}## Key judgments\n\n{cites}\n## Discussion\n\n{body}"),
    })
    .expect("save briefing");
    p
}

/// Renders the hostile project's briefing with every built-in template (the TLP ones from a
/// TLP-marked copy: templates that require markings refuse an unmarked project).
fn each_rendering(mut check: impl FnMut(&str, &Project, dossier_render::Rendered)) {
    let dir = tempfile::tempdir().unwrap();
    let classified = hostile_project(&dir.path().join("classified"), "U");
    let tlp = hostile_project(&dir.path().join("tlp"), "TLP:AMBER");
    for template in dossier_render::builtin_names() {
        let p = if template.starts_with("tlp") {
            &tlp
        } else {
            &classified
        };
        let r = p
            .render("main", Some(template), None)
            .unwrap_or_else(|e| panic!("{template}: {e}"));
        check(template, p, r);
    }
}

#[test]
fn hostile_names_and_text_stay_inert_through_every_template_and_format() {
    each_rendering(|template, p, r| {
        inert_html(template, &r.html());
        let meta = dossier_pdf::DocumentMeta {
            title: r.title.clone(),
            author: p.config().author.clone(),
            banner: r.banner.clone(),
            created: now(),
            ..Default::default()
        };
        let doc = dossier_pdf::lay_out(&r.markdown, &r.style, &meta).unwrap();
        for link in doc.pages.iter().flat_map(|pg| &pg.links) {
            if let dossier_pdf::frame::LinkTarget::Uri(u) = &link.target {
                let scheme = u.trim().to_ascii_lowercase();
                assert!(
                    scheme.starts_with("https:")
                        || scheme.starts_with("http:")
                        || scheme.starts_with("mailto:"),
                    "{template}: the PDF links to {u}"
                );
            }
        }
        let pdf = dossier_pdf::render(&r.markdown, &r.style, &meta).unwrap();
        for action in [
            &b"/JavaScript"[..],
            b"/JS ",
            b"/JS(",
            b"/Launch",
            b"/SubmitForm",
        ] {
            assert!(
                !pdf.windows(action.len()).any(|w| w == action),
                "{template}: the PDF has a {} action",
                String::from_utf8_lossy(action)
            );
        }
    });
}

/// Dossier's own renderers read raw HTML as text, but the exported Markdown is also opened in
/// other editors, which render raw HTML. Source text is escaped (`|md`); the analyst's Markdown
/// has its raw HTML escaped and its unsafe link destinations replaced (`dossier_markdown::inert`).
#[test]
fn rendered_markdown_is_inert_in_other_editors() {
    each_rendering(|template, _, r| inert_markdown(template, &r.markdown));
}

#[test]
fn export_names_from_hostile_titles_are_one_plain_file_name() {
    for (name, v) in xss_vectors() {
        for title in [v, first_line(v)] {
            let file = dossier::export_name(title, "pdf");
            assert!(file.len() <= 255, "{name}: {file}");
            assert!(
                !file.contains(['/', '\\', '<', '>', ':', '"', '|', '?', '*']),
                "{name}: {file}"
            );
            assert!(!file.chars().any(char::is_control), "{name}: {file}");
            assert!(
                !file.starts_with('.') && file.ends_with(".pdf"),
                "{name}: {file}"
            );
            assert_eq!(Path::new(&file).components().count(), 1, "{name}: {file}");
        }
    }
}
