// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // First, before any window: imports parse PDFs in a child process of this same executable
    // (`dossier_import::pdf::Isolation::default`); started as that worker, it serves and exits
    // instead of opening a second app (or, without a display, panicking in GTK).
    dossier::import::pdf::serve_worker_if_asked();
    dossier_desktop::run();
}
