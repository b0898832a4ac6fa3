#![no_main]

use std::sync::Once;

use dossier_fuzz_targets::PDF_PARSER_THREAD;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        // libFuzzer's hook aborts on every panic. A panic of the PDF parser on its own thread
        // is contained by design (it becomes `ImportError::Pdf`), so only panics elsewhere
        // (Dossier's code around the parser) are findings.
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(PDF_PARSER_THREAD) {
                fuzzer_hook(info);
            }
        }));
    });
    dossier_fuzz_targets::import_pdf(data)
});
