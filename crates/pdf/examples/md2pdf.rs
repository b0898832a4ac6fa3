//! Renders a Markdown file to PDF with the default page style (for the benchmark, until the
//! CLI's `dossier pdf` exists): `md2pdf IN.md OUT.pdf [TITLE]`.

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output, rest @ ..] = args.as_slice() else {
        eprintln!("usage: md2pdf IN.md OUT.pdf [TITLE]");
        return ExitCode::from(2);
    };
    let markdown = match std::fs::read_to_string(input) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let meta = dossier_pdf::DocumentMeta {
        title: rest.first().cloned().unwrap_or_else(|| input.clone()),
        banner: "UNCLASSIFIED".into(),
        ..Default::default()
    };
    match dossier_pdf::render(&markdown, &Default::default(), &meta) {
        Ok(pdf) => match std::fs::write(output, pdf) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cannot write {output}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
