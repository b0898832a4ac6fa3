//! Visual regression: low-resolution page images of the kitchen-sink document against reviewed
//! references in `tests/reference/`, with a tolerance for anti-aliasing noise.
//!
//! After an intended change of the look, regenerate with `UPDATE_REFERENCE=1 cargo test -p
//! dossier-pdf --test visual`, look at the new PNGs, and commit them.

#![allow(
    clippy::disallowed_methods,
    reason = "tests read UPDATE_REFERENCE from the environment"
)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{KITCHEN_SINK, render, scratch, tool};

/// Pixels whose grey level differs by more than this count as changed.
const LEVEL_TOLERANCE: u8 = 64;
/// At most this share of a page's pixels may change.
const AREA_TOLERANCE: f64 = 0.004;

fn gray_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("png"),
    ));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png frame");
    buf.truncate(info.buffer_size());
    // pdftoppm writes RGB PNGs even when asked for grey: average the channels.
    let channels = info.color_type.samples();
    let gray = buf
        .chunks(channels)
        .map(|px| {
            (px.iter().take(3).map(|&v| v as u32).sum::<u32>() / px.len().min(3) as u32) as u8
        })
        .collect();
    (info.width, info.height, gray)
}

#[test]
fn pages_look_like_the_reviewed_references() {
    if !tool("pages_look_like_the_reviewed_references", "pdftoppm") {
        return;
    }
    let pdf = scratch("visual.pdf", &render(KITCHEN_SINK));
    let prefix = pdf.with_file_name("visual-page");
    let status = Command::new("pdftoppm")
        .args(["-r", "40", "-gray", "-png"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let reference = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference");
    let update = std::env::var("UPDATE_REFERENCE").is_ok_and(|v| v == "1");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(pdf.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("visual-page")
        })
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 2, "the kitchen sink has two pages");
    for (i, page) in pages.iter().enumerate() {
        let want = reference.join(format!("kitchen-sink-{}.png", i + 1));
        if update {
            std::fs::create_dir_all(&reference).unwrap();
            std::fs::copy(page, &want).unwrap();
            continue;
        }
        assert!(
            want.exists(),
            "no reference {}: run with UPDATE_REFERENCE=1 and review",
            want.display()
        );
        let (w1, h1, got) = gray_png(page);
        let (w2, h2, exp) = gray_png(&want);
        assert_eq!((w1, h1), (w2, h2), "page {} size", i + 1);
        let changed = got
            .iter()
            .zip(&exp)
            .filter(|(a, b)| a.abs_diff(**b) > LEVEL_TOLERANCE)
            .count();
        let share = changed as f64 / got.len() as f64;
        assert!(
            share <= AREA_TOLERANCE,
            "page {} differs from {} in {:.2} % of its pixels (see {})",
            i + 1,
            want.display(),
            share * 100.0,
            page.display()
        );
    }
}

#[test]
fn the_comparison_sees_a_changed_page() {
    // Guards the tolerance: moving text by a line must fail the comparison.
    if !tool("the_comparison_sees_a_changed_page", "pdftoppm") {
        return;
    }
    let moved = format!("Shifted.\n\n{KITCHEN_SINK}");
    let pdf = scratch("moved.pdf", &render(&moved));
    let prefix = pdf.with_file_name("moved-page");
    Command::new("pdftoppm")
        .args(["-r", "40", "-gray", "-png", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    let got_path = pdf.with_file_name("moved-page-1.png");
    let want = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reference/kitchen-sink-1.png");
    if !want.exists() {
        return;
    }
    let (_, _, got) = gray_png(&got_path);
    let (_, _, exp) = gray_png(&want);
    let changed = got
        .iter()
        .zip(&exp)
        .filter(|(a, b)| a.abs_diff(**b) > LEVEL_TOLERANCE)
        .count();
    assert!(changed as f64 / got.len() as f64 > AREA_TOLERANCE);
}
