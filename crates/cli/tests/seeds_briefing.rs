//! Issue 15's briefing on the seeds, through the real pipeline: the five articles imported,
//! thirteen excerpts, a briefing with a bottom line, key judgments and discussion whose
//! citations run together, rendered through every built-in template.
//!
//! - Nothing internal reaches a page: no excerpt or source id in the Markdown, the HTML or the
//!   PDF's text.
//! - Golden pages: each template's PDF rasterised (`pdftoppm -r 20 -gray`) and compared with
//!   the reviewed references in `tests/reference/`, with a tolerance for anti-aliasing noise.
//!   After an intended change of the look, regenerate with `UPDATE_REFERENCE=1 cargo test -p
//!   dossier-cli --test seeds_briefing`, look at the new PNGs, and commit them;
//!   `SEEDS_BRIEFING_OUT=DIR` keeps the PDFs to look at them closer (`pdftoppm -r 60`).

#![allow(
    clippy::disallowed_methods,
    reason = "tests read UPDATE_REFERENCE from the environment"
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{dossier, s};

const TEMPLATES: [&str; 5] = ["chronology", "intsum", "one-pager", "sitrep", "tlp-brief"];

/// The thirteen excerpts: source index (seed order), quote, date, summary.
const EXCERPTS: [(usize, &str, &str, &str); 13] = [
    (
        0,
        "will remain at the side of the Syrian nation and government until the end of the road",
        "2015-06-02",
        "Rouhani pledges to back Assad until the end of the road",
    ),
    (
        0,
        "as many as 20,000 troops are massing for an assault on Idlib province",
        "2015-06",
        "Up to 20,000 troops mass for an assault on Idlib",
    ),
    (
        0,
        "15,000 of the troops are reported to be Iranian",
        "2015-06",
        "15,000 of the troops massing near Idlib are Iranian",
    ),
    (
        0,
        "the leader of the elite Quds force announced that the world would be",
        "2015-06-01",
        "Soleimani promises a surprise in the coming days",
    ),
    (
        1,
        "the regime officially acknowledged the deployment of 7,000 Iranian and Iraqi fighters around Damascus",
        "2015-06",
        "Regime acknowledges 7,000 Iranian and Iraqi fighters around Damascus",
    ),
    (
        1,
        "The goal is to deploy 10,000 Iranian and Iraqi fighters",
        "2015-06",
        "The goal is 10,000 Iranian and Iraqi fighters",
    ),
    (
        1,
        "more than 20,000 Shiite fighters from Iran, Iraq and Lebanon fluxed into an area near Idlib",
        "2015-06-01/2015-06-04",
        "More than 20,000 Shiite fighters move into an area near Idlib",
    ),
    (
        1,
        "the Iranians prepare a \u{201c}surprise\u{201d} along with the Assad regime",
        "2015-06-01",
        "Soleimani: Iran prepares a surprise with the Assad regime",
    ),
    (
        4,
        "IRNA quoted President Hassan Rouhani as saying on Tuesday",
        "2015-06-02",
        "Rouhani's pledge, as the Telegraph reported it",
    ),
    (
        4,
        "lost control of most of the northwestern province of Idlib",
        "2015-05-25/2015-05-31",
        "Government forces lose most of Idlib province",
    ),
    (
        4,
        "around 10,000 Iraqis and between five and seven thousand fighters from Hezbollah",
        "2015-06",
        "10,000 Iraqis and 5,000 to 7,000 Hezbollah fighters deployed since the war began",
    ),
    (
        2,
        "Iran is starting to evacuate its forces and military personnel",
        "2024-12-06",
        "An adviser confirms the evacuation to the New York Times",
    ),
    (
        3,
        "the country started evacuating its military commanders and personnel",
        "2024-12-06",
        "Iran starts evacuating commanders and personnel from Syria",
    ),
];

/// The briefing, with `{n}` standing for the id of excerpt n. Citations run together on
/// purpose: `[@a][@b]` and `[@a; @b; @c; @d]` were set as one number.
const BODY: &str = "## BLUF

Iran backed Assad in June 2015 with words and troops [@{0}][@{8}], and left Syria in December 2024 [@{11}; @{12}].

## Key judgments

- Iran was likely to stay as long as Assad held Damascus [@{0}; @{4}; @{5}].
- The Idlib build-up was probably larger than any before it [@{1}; @{2}; @{6}; @{10}].
- The 2024 withdrawal was very likely final [@{11}][@{12}].

## Discussion

Figures for the build-up disagree: 20,000 troops near Idlib [@{1}] against 7,000 fighters around Damascus [@{4}][@{5}].

Soleimani's promise of a surprise came a day before Rouhani's pledge [@{3}; @{7}], after the loss of Idlib [@{9}].

## Outlook

Without Iran, the Assad government depends on Russia alone [@{11}].
";

/// A project over the seeds with the thirteen excerpts and the briefing; `None` where
/// `../shared` is absent.
fn project(test: &str) -> Option<(tempfile::TempDir, PathBuf, Vec<String>)> {
    let (tmp, dir, sources) = common::seed_project(test)?;
    let mut ids = Vec::new();
    for (source, quote, date, summary) in EXCERPTS {
        let x = dossier(&[
            "excerpt",
            "add",
            s(&dir),
            "--source",
            &sources[source],
            "--quote",
            quote,
            "--date",
            date,
            "--summary",
            summary,
            "--json",
        ])
        .ok()
        .json();
        ids.push(x["id"].as_str().expect("an id").to_string());
    }
    let mut body = BODY.to_string();
    for (n, id) in ids.iter().enumerate().rev() {
        body = body.replace(&format!("{{{n}}}"), id);
    }
    std::fs::write(
        dir.join("briefings/main.md"),
        format!(
            "+++\ntitle = \"Iran and the Assad government, 2015\u{2013}2024\"\nauthor = \"Seeds desk\"\n+++\n{body}"
        ),
    )
    .unwrap();
    set_classification(&dir, "U");
    let mut all = ids;
    all.extend(sources);
    Some((tmp, dir, all))
}

/// Sets the project's default marking: the classification templates need one, tlp-brief a TLP
/// label.
fn set_classification(dir: &Path, marking: &str) {
    let path = dir.join("dossier.toml");
    let config = std::fs::read_to_string(&path).unwrap();
    let kept: String = config
        .lines()
        .filter(|l| !l.starts_with("classification"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, format!("{kept}classification = \"{marking}\"\n")).unwrap();
}

/// Renders the briefing with `template` as `format`; returns the file.
fn render(dir: &Path, template: &str, format: &str) -> PathBuf {
    if template == "tlp-brief" {
        set_classification(dir, "TLP:AMBER");
    }
    let out = dir.join(format!("out/{template}.{format}"));
    dossier(&[
        "render",
        s(dir),
        "--template",
        template,
        "--format",
        format,
        "-o",
        s(&out),
    ])
    .ok();
    if template == "tlp-brief" {
        set_classification(dir, "U");
    }
    out
}

fn tool(test: &str, name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{test}: {name} is missing, and CI installs poppler-utils");
        }
        eprintln!("SKIPPED {test}: {name} not found (poppler-utils)");
    }
    found
}

#[test]
fn nothing_internal_reaches_a_page() {
    let Some((_tmp, dir, ids)) = project("nothing_internal_reaches_a_page") else {
        return;
    };
    let pdftotext = tool("nothing_internal_reaches_a_page", "pdftotext");
    for template in TEMPLATES {
        let mut pages = vec![
            std::fs::read_to_string(render(&dir, template, "md")).unwrap(),
            std::fs::read_to_string(render(&dir, template, "html")).unwrap(),
        ];
        if pdftotext {
            let pdf = render(&dir, template, "pdf");
            let o = Command::new("pdftotext")
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            assert!(o.status.success());
            pages.push(String::from_utf8_lossy(&o.stdout).into_owned());
        }
        for (page, format) in pages.iter().zip(["md", "html", "pdf"]) {
            for id in &ids {
                assert!(
                    !page.contains(id.as_str()),
                    "{template} ({format}) prints the id {id}:\n{page}"
                );
            }
        }
    }
}

#[test]
fn note_references_that_run_together_are_separated() {
    let Some((_tmp, dir, _)) = project("note_references_that_run_together_are_separated") else {
        return;
    };
    let md = std::fs::read_to_string(render(&dir, "intsum", "md")).unwrap();
    // `[@a][@b]` and `[@a; @b]` both: never two references side by side.
    assert!(!md.contains("][^"), "{md}");
    assert!(md.contains("[^1],[^2]"), "{md}");
    let html = std::fs::read_to_string(render(&dir, "intsum", "html")).unwrap();
    assert!(
        html.contains("<sup class=\"note-separator\">,</sup>"),
        "{html}"
    );
}

/// Pixels whose grey level differs by more than this count as changed.
const LEVEL_TOLERANCE: u8 = 64;
/// At most this share of a page's pixels may change.
const AREA_TOLERANCE: f64 = 0.01;

fn gray_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("png"),
    ));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    buf.truncate(info.buffer_size());
    let channels = info.color_type.samples();
    let gray = buf
        .chunks(channels)
        .map(|px| {
            (px.iter().take(3).map(|&v| v as u32).sum::<u32>() / px.len().min(3) as u32) as u8
        })
        .collect();
    (info.width, info.height, gray)
}

/// The page images of `pdf` at `dpi`, in page order.
fn rasterise(pdf: &Path, dpi: u32, prefix: &str) -> Vec<PathBuf> {
    let out = pdf.with_file_name(prefix);
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-gray", "-png"])
        .arg(pdf)
        .arg(&out)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let mut pages: Vec<PathBuf> = std::fs::read_dir(pdf.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{prefix}-"))
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn golden_pages_of_every_template() {
    let test = "golden_pages_of_every_template";
    if !tool(test, "pdftoppm") {
        return;
    }
    let Some((_tmp, dir, _)) = project(test) else {
        return;
    };
    let reference = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let update = std::env::var("UPDATE_REFERENCE").is_ok_and(|v| v == "1");
    // `SEEDS_BRIEFING_OUT=DIR` keeps the PDFs there, to look at the pages (and make the
    // page images in docs/).
    let keep = std::env::var_os("SEEDS_BRIEFING_OUT").map(PathBuf::from);
    for template in TEMPLATES {
        let pdf = render(&dir, template, "pdf");
        if let Some(keep) = &keep {
            std::fs::create_dir_all(keep).unwrap();
            std::fs::copy(&pdf, keep.join(format!("{template}.pdf"))).unwrap();
        }
        let pages = rasterise(&pdf, 20, &format!("{template}-page"));
        let stale: Vec<PathBuf> = std::fs::read_dir(&reference)
            .map(|d| {
                d.map(|e| e.unwrap().path())
                    .filter(|p| {
                        p.file_name()
                            .unwrap()
                            .to_string_lossy()
                            .starts_with(&format!("seeds-{template}-"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if update {
            std::fs::create_dir_all(&reference).unwrap();
            for old in stale {
                std::fs::remove_file(old).unwrap();
            }
            for (i, page) in pages.iter().enumerate() {
                std::fs::copy(
                    page,
                    reference.join(format!("seeds-{template}-{}.png", i + 1)),
                )
                .unwrap();
            }
            continue;
        }
        assert_eq!(
            pages.len(),
            stale.len(),
            "{template}: {} pages, the reference has {}; run with UPDATE_REFERENCE=1 and review",
            pages.len(),
            stale.len()
        );
        for (i, page) in pages.iter().enumerate() {
            let want = reference.join(format!("seeds-{template}-{}.png", i + 1));
            let (w1, h1, got) = gray_png(page);
            let (w2, h2, exp) = gray_png(&want);
            assert_eq!((w1, h1), (w2, h2), "{template} page {}: size", i + 1);
            let changed = got
                .iter()
                .zip(&exp)
                .filter(|(a, b)| a.abs_diff(**b) > LEVEL_TOLERANCE)
                .count();
            let share = changed as f64 / got.len() as f64;
            assert!(
                share <= AREA_TOLERANCE,
                "{template} page {}: {:.2}% of the pixels changed (at most {:.2}%); look at {} \
                 against {}, and if the change is intended run with UPDATE_REFERENCE=1",
                i + 1,
                share * 100.0,
                AREA_TOLERANCE * 100.0,
                page.display(),
                want.display()
            );
        }
    }
}

/// `suggest` offered "Last week … lost control of Idlib" as 25–31 May, but `excerpt add` with the
/// same quote stored it undated without saying so: one dating rule for both now.
#[test]
fn regression_suggest_and_excerpt_add_dated_a_sentence_differently() {
    let Some((_tmp, dir, ids)) =
        common::seed_project("regression_suggest_and_excerpt_add_dated_a_sentence_differently")
    else {
        return;
    };
    let quote = "lost control of most of the northwestern province of Idlib";
    let suggestions = dossier(&["suggest", s(&dir), "--source", &ids[4], "--json"])
        .ok()
        .json();
    let suggested = suggestions
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["sentence"].as_str().unwrap().contains(quote))
        .expect("the sentence is suggested");
    let added = dossier(&[
        "excerpt",
        "add",
        s(&dir),
        "--source",
        &ids[4],
        "--quote",
        quote,
        "--json",
    ])
    .ok();
    let x = added.json();
    assert_eq!(x["date"]["value"], suggested["date"], "{x}\n{suggested}");
    assert!(added.stderr.contains("dated "), "{}", added.stderr);
}
