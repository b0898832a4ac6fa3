//! The isolated PDF parser: reads a PDF on stdin, writes its pages as JSON on stdout.
//! See `dossier_import::pdf::Isolation` for why PDFs are parsed in a separate process.

fn main() {
    std::process::exit(dossier_import::pdf::worker_main());
}
