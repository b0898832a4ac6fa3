//! Replays every file of every fuzz corpus (`fuzz/corpus/<target>/`) through its target's body:
//! what the fuzzers found interesting once stays checked on every `cargo test`, no nightly needed.

use std::path::Path;

#[test]
fn every_corpus_file_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    for (name, body) in dossier_fuzz_targets::TARGETS {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}; every target keeps a corpus", dir.display()))
            .map(|e| e.expect("a corpus entry").path())
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{} is empty", dir.display());
        for file in files {
            let data = std::fs::read(&file).expect("a corpus file reads");
            // Name the input on failure: the panic message of the body alone does not say which.
            let result = std::panic::catch_unwind(|| body(&data));
            assert!(result.is_ok(), "{name}: {} fails", file.display());
        }
    }
}
