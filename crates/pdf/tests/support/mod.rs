//! Shared helpers of the PDF tests: rendering with fixed metadata, external tools that skip
//! visibly where absent (and fail where `CI=true`), and text normalisation.

#![allow(
    clippy::disallowed_methods,
    reason = "tests read CI (absent tools fail there) from the environment"
)]
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use chrono::TimeZone;
use dossier_pdf::DocumentMeta;

pub fn meta() -> DocumentMeta {
    DocumentMeta {
        title: "Test Briefing".into(),
        author: "Analyst".into(),
        subject: "Tests".into(),
        keywords: vec!["test".into(), "pdf".into()],
        banner: "UNCLASSIFIED".into(),
        created: chrono::Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap(),
    }
}

pub fn render(md: &str) -> Vec<u8> {
    dossier_pdf::render(md, &Default::default(), &meta()).expect("renders")
}

/// Whether `tool` runs here. Absent: a visible SKIPPED line, or a panic where `CI=true`.
pub fn tool(test: &str, tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok();
    if !ok {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{test}: `{tool}` is missing; CI installs poppler-utils and qpdf");
        }
        eprintln!("SKIPPED {test}: `{tool}` not installed (apt-get install poppler-utils qpdf)");
    }
    ok
}

/// A scratch file under the target directory.
pub fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf-tests");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("scratch file");
    path
}

pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("tool runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The body text of a PDF (running heads cropped away), as pdftotext reads it.
pub fn body_text(pdf: &std::path::Path) -> String {
    // A4 in points; the running heads sit in the top and bottom 60 points.
    run(Command::new("pdftotext")
        .args([
            "-enc", "UTF-8", "-x", "0", "-y", "60", "-W", "596", "-H", "722", "-nopgbrk",
        ])
        .arg(pdf)
        .arg("-"))
}

/// Text for comparing reading order: no whitespace, no soft hyphens, and no hyphens (pdftotext
/// joins a line ending in a hyphen with the next and drops the hyphen).
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}' && *c != '-')
        .collect()
}

/// Every construct the templates produce.
pub const KITCHEN_SINK: &str = r#"# Kessen Strait: weekly briefing

**BLUF.** The blockade “tightened” on 3 June — shipping fell by a third[^ships], and the
coast guard’s ‘inspection regime’ now covers *every* vessel over 500 t. See
[the source list](https://example.org/sources) and `excerpt 12`.

## Key judgments

1. It is *likely* (55–80 %) that the inspections continue through July.
2. It is **unlikely** that either side escalates:
   - no naval reinforcements were seen;
   - diplomatic channels stay open.
3. ~~Withdrawn~~ judgment.

> [!NOTE]
> Likelihood terms follow the analytic standards.

## Chronology

| Date | Event | Sources |
|:-----|:------|--------:|
| 2015-06-02 | Coast guard announces inspections of all vessels over 500 t | 3 |
| 2015-06-03 | Shipping traffic falls by a third; insurers raise premiums sharply | 2 |
| c. 2011 | Earlier dispute over fishing rights in the strait | 1 |

> “We will inspect every ship that enters our waters,” the spokesman said, “without
> exception.”[^quote]

Greek and Cyrillic names: Αθήνα, Москва.

```
code   keeps   its spacing
```

---

\newpage

## Sources

- Tehran Times, 2 June 2015.
- Reuters, 3 June 2015.

[^ships]: Lloyd’s List figures, week 23.
[^quote]: Translated by the analyst.
"#;
