//! `dossier extract` and the import enhancements (reprints, HTML, PDF through the worker).

mod common;

use common::dossier;
use serde_json::Value;

const ARTICLE: &str = "Quarry closes after rain\n\nBy Ines Harrow\n\nThe limestone quarry above the \
village closed on Friday after three days of heavy rain loosened the northern face, the owner \
said, and blasting will not resume before the slope has been surveyed.\n\nResidents had \
complained for years about dust and lorries on the narrow lane, and the council said it would \
use the pause to review the operating licence.\n\nAdvertisement\n\nLeave a comment\n";

#[test]
fn extract_json_without_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quarry.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let r = dossier(&["extract", file.to_str().unwrap(), "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["title"]["value"], "Quarry closes after rain");
    assert_eq!(v["title"]["provenance"], "text:first-line");
    assert!(v["title"]["confidence"].as_f64().unwrap() > 0.5);
    assert_eq!(v["author"]["value"], "Ines Harrow");
    assert_eq!(v["published"], Value::Null);
    assert_eq!(v["url"], Value::Null);
    let removed: Vec<&str> = v["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(removed, ["advertisement", "comment-form"]);
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .contains("limestone quarry above the village")
    );
    assert!(v["attribution"].is_array() && v["warnings"].is_array());
}

#[test]
fn extract_refuses_binary_with_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("photo.txt");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let r = dossier(&["extract", file.to_str().unwrap(), "--json"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("a PNG image"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn a_reprint_is_imported_and_linked() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p");
    assert_eq!(dossier(&["new", project.to_str().unwrap()]).code, 0);
    let original = dir.path().join("original.txt");
    let reprint = dir.path().join("reprint.html");
    std::fs::write(&original, ARTICLE).unwrap();
    let body: String = ARTICLE
        .split("\n\n")
        .skip(2)
        .take(2)
        .map(|p| format!("<p>{p}</p>"))
        .collect();
    std::fs::write(
        &reprint,
        format!("<html><head><title>Quarry closes | Valley Weekly</title></head><body><nav><a href=/>Home</a></nav><article>{body}</article></body></html>"),
    )
    .unwrap();
    let r = dossier(&[
        "import",
        project.to_str().unwrap(),
        original.to_str().unwrap(),
        reprint.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["status"], "imported");
    assert_eq!(v[1]["status"], "reprint", "{v}");
    assert_eq!(v[1]["reprint_of"], v[0]["id"]);

    let again = dossier(&[
        "import",
        project.to_str().unwrap(),
        original.to_str().unwrap(),
    ]);
    assert_eq!(again.code, 0);
    assert!(
        again
            .stdout
            .contains("0 imported, 1 duplicates, 0 reprints, 0 failed"),
        "{}",
        again.stdout
    );
}

#[test]
fn pdf_is_parsed_by_the_binary_itself_as_worker() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.pdf");
    std::fs::write(&file, b"%PDF-1.7\nnot really a pdf\n").unwrap();
    let r = dossier(&["extract", file.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("PDF"), "{}", r.stderr);
}
