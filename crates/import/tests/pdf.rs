//! PDFs: text layer with page offsets, and every way a PDF can be wrong, parsed in the isolated
//! worker (`dossier-pdf-worker`), so that even a parser crash is an ordinary error.

use dossier_import::{ImportError, Options, extract_with, pdf::Isolation};

fn options() -> Options {
    Options {
        pdf: Isolation::worker(env!("CARGO_BIN_EXE_dossier-pdf-worker")),
    }
}

/// A minimal, valid PDF: one page per entry of `pages`, each line set in Helvetica.
fn pdf(pages: &[&[&str]], trailer_extra: &str) -> Vec<u8> {
    let n = pages.len();
    // Objects: 1 catalog, 2 pages, 3 font, then per page a page object and its content stream.
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            (0..n)
                .map(|i| format!("{} 0 R", 4 + 2 * i))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    ];
    for (i, lines) in pages.iter().enumerate() {
        let mut stream = String::from("BT /F1 12 Tf 72 720 Td 14 TL\n");
        for line in *lines {
            stream.push_str(&format!("({line}) Tj T*\n"));
        }
        stream.push_str("ET");
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn text_layer_with_page_offsets() {
    let bytes = pdf(
        &[
            &[
                "Harbour Report",
                "The northern quay closed on Monday after a crane fell.",
            ],
            &["Engineers will inspect the remaining cranes this week."],
        ],
        "",
    );
    let x = extract_with(&bytes, "report.pdf", &options()).unwrap();
    assert_eq!(x.media_type, "application/pdf");
    assert_eq!(x.pages.len(), 2);
    assert_eq!(x.pages[0], 0);
    let second = &x.text[x.pages[1]..];
    assert!(second.contains("Engineers will inspect"), "{:?}", x.text);
    assert!(!x.text[..x.pages[1]].contains("Engineers"), "{:?}", x.text);
    assert!(x.text.contains("crane fell"), "{:?}", x.text);
    assert_eq!(x.title.unwrap().value, "Harbour Report");
}

#[test]
fn a_scan_without_text_layer_says_so() {
    let bytes = pdf(&[&[]], "");
    let err = extract_with(&bytes, "scan.pdf", &options()).unwrap_err();
    assert_eq!(err, ImportError::PdfNoText);
    assert!(err.to_string().contains("no text layer"));
}

#[test]
fn an_encrypted_pdf_says_so() {
    let bytes = pdf(
        &[&["Secret text"]],
        "/Encrypt << /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4 >> /ID [(a) (a)] ",
    );
    let err = extract_with(&bytes, "locked.pdf", &options()).unwrap_err();
    assert_eq!(err, ImportError::PdfEncrypted, "{err}");
}

#[test]
fn a_broken_pdf_is_a_clear_error() {
    for bytes in [
        b"%PDF-1.7\nthis is not a PDF body at all\n".to_vec(),
        pdf(&[&["Cut short"]], "")[..120].to_vec(),
    ] {
        let err = extract_with(&bytes, "broken.pdf", &options()).unwrap_err();
        assert!(
            matches!(err, ImportError::Pdf(_) | ImportError::PdfNoText),
            "{err}"
        );
    }
}

/// Nesting deep enough to overflow a recursive parser's stack: the worker may die, we may not.
#[test]
fn a_parser_crash_does_not_take_the_process_down() {
    let depth = 2_000_000;
    let mut bytes = b"%PDF-1.4\n1 0 obj\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'[', depth));
    bytes.extend(std::iter::repeat_n(b']', depth));
    bytes.extend_from_slice(b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    let err = extract_with(&bytes, "deep.pdf", &options()).unwrap_err();
    assert!(matches!(err, ImportError::Pdf(_)), "{err}");
}

#[test]
fn a_missing_worker_is_a_clear_error() {
    let options = Options {
        pdf: Isolation::worker("/nonexistent/dossier-pdf-worker"),
    };
    let err = extract_with(&pdf(&[&["x"]], ""), "a.pdf", &options).unwrap_err();
    assert!(err.to_string().contains("could not start"), "{err}");
}

/// The worker caps its own address space before it reads a byte of the PDF: seen from outside,
/// in `/proc/<pid>/limits`, while it waits for its input.
#[cfg(target_os = "linux")]
#[test]
fn the_worker_runs_under_a_memory_limit() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier-pdf-worker"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let limits = format!("/proc/{}/limits", child.id());
    let line = (0..200)
        .find_map(|_| {
            let text = std::fs::read_to_string(&limits).ok()?;
            let line = text.lines().find(|l| l.starts_with("Max address space"))?;
            if line.contains("unlimited") {
                std::thread::sleep(std::time::Duration::from_millis(10));
                return None;
            }
            Some(line.to_string())
        })
        .expect("the worker limits its address space");
    drop(child.stdin.take());
    child.wait().unwrap();
    let soft: u64 = line.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert_eq!(soft, dossier_import::pdf::MEMORY_LIMIT, "{line}");
}

/// Found by the `import_pdf` fuzzer: a page that is its own `/Parent` sent pdf-extract's lookup
/// of inherited attributes round the loop for ever (in process: a hang; in the worker: killed
/// after the time limit). Now it is refused at once, also in process.
#[test]
fn regression_page_that_is_its_own_parent() {
    let good = pdf(&[&["Harbour talks"], &["Second page"]], "");
    let text = String::from_utf8(good).unwrap();
    // Page 2 (object 6) names itself as its parent; offsets stay valid (same length).
    let looped = text.replacen(
        "6 0 obj\n<< /Type /Page /Parent 2 0 R",
        "6 0 obj\n<< /Type /Page /Parent 6 0 R",
        1,
    );
    assert_ne!(looped, text);
    for options in [
        options(),
        Options {
            pdf: Isolation::InProcess,
        },
    ] {
        let err = extract_with(looped.as_bytes(), "loop.pdf", &options).unwrap_err();
        assert!(err.to_string().contains("page tree is circular"), "{err}");
    }
}
