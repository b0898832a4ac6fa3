//! Articles in German, French, Spanish, Russian, Arabic and Persian (`tests/languages/`, written
//! for these tests): language, byline, dateline and date line found as in English.

use dossier_import::extract;

/// What import finds in `file`: (language, author, dateline, published).
fn header(file: &str) -> [Option<String>; 4] {
    let path = format!("{}/tests/languages/{file}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("the sample article");
    let x = extract(&bytes, file).expect("extracts");
    [
        x.language.map(|f| f.value),
        x.author.map(|f| f.value),
        x.dateline.map(|f| f.value),
        x.published.map(|f| f.value.to_string()),
    ]
}

fn check(file: &str, expected: [Option<&str>; 4]) {
    let got = header(file);
    let want = expected.map(|v| v.map(str::to_string));
    assert_eq!(got, want, "{file}: [language, author, dateline, published]");
}

#[test]
fn each_language_s_byline_dateline_and_date_line() {
    check(
        "de.txt",
        [
            Some("de"),
            Some("Katrin Vogelsang"),
            Some("GENF"),
            Some("2019-09-03"),
        ],
    );
    check(
        "fr.txt",
        [
            Some("fr"),
            Some("Hélène Marchetti"),
            Some("GENÈVE"),
            Some("2019-09-03"),
        ],
    );
    check(
        "es.txt",
        [
            Some("es"),
            Some("Lucía Fernández"),
            Some("GINEBRA"),
            Some("2019-09-03"),
        ],
    );
    check(
        "ru.txt",
        [Some("ru"), Some("Ирина Соколова"), Some("МОСКВА"), None],
    );
    check(
        "ar.txt",
        [Some("ar"), Some("سليم الحداد"), Some("دمشق"), None],
    );
    check(
        "fa.txt",
        [Some("fa"), Some("مریم احمدی"), Some("تهران"), None],
    );
}
