//! `dossier pdf FILE.md [-o OUT.pdf] [--style TEMPLATE]`.

use std::process::Command;

fn dossier(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .expect("dossier runs")
}

#[test]
fn pdf_typesets_a_markdown_file_reproducibly() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("brief.md");
    std::fs::write(&md, "# Brief\n\nThe “bottom line” — first.\n").unwrap();
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    for out in [&a, &b] {
        let o = dossier(&[
            "pdf",
            md.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--style",
            "intsum",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let bytes = std::fs::read(&a).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    assert_eq!(
        bytes,
        std::fs::read(&b).unwrap(),
        "same input, same date: same bytes"
    );
    // Without -o the PDF goes beside the Markdown.
    let o = dossier(&["pdf", md.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(dir.path().join("brief.pdf").is_file());
}

#[test]
fn pdf_explains_an_unknown_style() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("brief.md");
    std::fs::write(&md, "x").unwrap();
    let o = dossier(&["pdf", md.to_str().unwrap(), "--style", "no-such-template"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no template named"));
}

#[test]
fn render_format_pdf_typesets_the_demo_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let copy = Command::new("cp")
        .arg("-r")
        .arg(dossier_testkit::repo_root().join("samples/demo"))
        .arg(&demo)
        .status()
        .unwrap();
    assert!(copy.success());
    let out = dir.path().join("demo.pdf");
    let o = dossier(&[
        "render",
        demo.to_str().unwrap(),
        "--format",
        "pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/Outlines"), "briefings get bookmarks");
}
