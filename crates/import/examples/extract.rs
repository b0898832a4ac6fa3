//! Prints what import finds in one file, as JSON: `extract FILE`.

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

fn main() {
    dossier_import::pdf::serve_worker_if_asked();
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract FILE");
        std::process::exit(1);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    match dossier_import::extract(&bytes, &path) {
        Ok(x) => println!("{}", serde_json::to_string_pretty(&x).expect("json")),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
