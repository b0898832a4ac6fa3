//! `ui/src/lib/bindings.ts` must be exactly what the Rust types generate: the UI is type-checked
//! against it, so a stale file would let the two sides disagree silently.

use std::path::PathBuf;

#[test]
fn bindings_are_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let fresh = dossier_desktop::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == fresh,
        "{} is out of date with src-tauri/src/dto.rs; regenerate it with \
         `UPDATE_BINDINGS=1 cargo test -p dossier-desktop --test bindings` and commit it",
        path.display()
    );
}
