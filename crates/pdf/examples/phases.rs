//! Where the time goes: `phases FILE.md` times parsing, layout and writing separately (best
//! of five runs each).

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

use std::time::Instant;

fn best<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(v);
    }
    (best * 1000.0, out.expect("ran"))
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: phases FILE.md");
    let md = std::fs::read_to_string(path).expect("readable Markdown");
    let meta = dossier_pdf::DocumentMeta {
        title: "Bench".into(),
        ..Default::default()
    };
    let style = Default::default();
    let (parse, _) = best(|| dossier_pdf::blocks::parse(&md).len());
    let (layout, doc) = best(|| dossier_pdf::lay_out(&md, &style, &meta).expect("lays out"));
    let (all, pdf) = best(|| dossier_pdf::render(&md, &style, &meta).expect("renders"));
    println!(
        "parse {parse:.1} ms, layout incl. parse {layout:.1} ms, write {:.1} ms, total {all:.1} ms; {} pages, {} bytes",
        all - layout,
        doc.pages.len(),
        pdf.len()
    );
}
