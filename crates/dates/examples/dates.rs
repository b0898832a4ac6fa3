//! `cargo run --example dates -p dossier-dates -- [YYYY-MM-DD] < text`: prints the expressions.

#![allow(
    clippy::disallowed_methods,
    reason = "an example program: it reads its own arguments"
)]

use std::io::Read;

fn main() {
    let reference = std::env::args()
        .nth(1)
        .and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8 text");
        std::process::exit(1);
    }
    for e in dossier_dates::find(&text, reference) {
        let value = e
            .value
            .map(|v| v.to_string())
            .unwrap_or_else(|| "null".into());
        println!(
            "{:?} => {value} [{:?} {}] {:?} {}",
            e.text, e.timex.kind, e.timex.value, e.kind, e.rule
        );
    }
}
