//! File names for exports, built from titles an analyst (or an imported page) wrote.
//!
//! A title is untrusted text; the name made from it must be one plain file name on every system
//! the project folder may travel to (Linux, macOS, Windows, a FAT USB stick): no separators, no
//! `..`, no Windows device name, no trailing dot or space, no control character, at most 255
//! bytes, never empty.

/// The longest file name (in bytes) the common file systems accept.
pub const MAX_NAME_BYTES: usize = 255;

/// What an empty or wholly unusable title becomes.
const FALLBACK: &str = "untitled";

/// Windows device names: reserved with any extension and in any case (`con.pdf`, `Lpt1.md`).
const DEVICES: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
    "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$",
];

/// A safe file name for `title` with extension `ext` (e.g. `"pdf"`; empty for none).
///
/// Separators and characters Windows forbids become spaces, runs of spaces fold to one, leading
/// and trailing dots and spaces go, a device name gets a `_` in front, and the stem is cut on a
/// character boundary so that the whole name, extension included, fits in 255 bytes.
pub fn export_name(title: &str, ext: &str) -> String {
    let ext: String = ext
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(16)
        .collect();
    let mut stem = String::with_capacity(title.len());
    for c in title.chars() {
        let c = if c.is_control() || "/\\<>:\"|?*".contains(c) {
            ' '
        } else {
            c
        };
        // Any whitespace (tabs, no-break and ideographic spaces) folds into one plain space.
        if c.is_whitespace() {
            if !stem.ends_with(' ') {
                stem.push(' ');
            }
        } else {
            stem.push(c);
        }
    }
    let suffix = if ext.is_empty() {
        String::new()
    } else {
        format!(".{ext}")
    };
    let mut stem = cut(tidy(&stem), MAX_NAME_BYTES - suffix.len()).to_string();
    if stem.is_empty() {
        stem = FALLBACK.into();
    }
    if is_device(&stem) {
        stem.insert(0, '_');
        stem = cut(&stem, MAX_NAME_BYTES - suffix.len()).to_string();
    }
    stem + &suffix
}

/// Without leading dots (hidden files, `..`) and trailing dots (Windows drops them), nor spaces
/// at either end.
fn tidy(s: &str) -> &str {
    s.trim_matches(|c| c == ' ' || c == '.')
}

/// `s` cut to at most `max` bytes on a character boundary, tidied again (the cut may leave a
/// trailing dot or space).
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    tidy(&s[..end])
}

/// Windows reads the part before the first dot, trailing spaces dropped, as the device name.
fn is_device(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or_default().trim_end();
    DEVICES.iter().any(|d| base.eq_ignore_ascii_case(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(title: &str, ext: &str, expected: &str) {
        assert_eq!(export_name(title, ext), expected, "title {title:?}");
    }

    #[test]
    fn plain_titles_stay_readable() {
        check(
            "Kessen Strait blockade, March 2026",
            "pdf",
            "Kessen Strait blockade, March 2026.pdf",
        );
        check("Café – Überblick 東京", "md", "Café – Überblick 東京.md");
        check("  spaced\t\tout  ", "html", "spaced out.html");
        check("no extension", "", "no extension");
        check("weird ext", ".p/d\\f", "weird ext.pdf");
    }

    #[test]
    fn separators_and_traversal_never_leave_the_folder() {
        check("../../etc/passwd", "md", "etc passwd.md");
        check("..\\..\\Windows\\win.ini", "pdf", "Windows win.ini.pdf");
        check("/absolute/path", "md", "absolute path.md");
        check("..", "md", "untitled.md");
        check(".", "pdf", "untitled.pdf");
        check(".hidden", "md", "hidden.md");
        check("C:\\Users\\x", "pdf", "C Users x.pdf");
        check("a/../b", "md", "a .. b.md");
    }

    #[test]
    fn windows_forbidden_characters_and_trailing_dots_go() {
        check(
            "What? Who: \"Them\" <x> | y*",
            "pdf",
            "What Who Them x y.pdf",
        );
        check("trailing dots...", "md", "trailing dots.md");
        check("trailing space . . ", "md", "trailing space.md");
    }

    #[test]
    fn device_names_are_defused_in_any_case_and_with_extensions() {
        for name in [
            "CON", "con", "Prn", "aux", "NUL", "com1", "COM9", "LPT1", "lpt9", "COM¹",
        ] {
            check(name, "pdf", &format!("_{name}.pdf"));
        }
        check("con.txt", "md", "_con.txt.md");
        check("NUL .tar", "pdf", "_NUL .tar.pdf");
        check("CON..", "md", "_CON.md");
        check("CONSOLE", "md", "CONSOLE.md");
        check("COM10", "md", "COM10.md");
        check("my con", "md", "my con.md");
    }

    #[test]
    fn control_characters_and_empty_results() {
        check("a\0b\x07c\x1bd\u{7f}e\u{85}f", "md", "a b c d e f.md");
        check("line\nbreak\r\n", "md", "line break.md");
        check("", "pdf", "untitled.pdf");
        check("   ", "pdf", "untitled.pdf");
        check("///", "pdf", "untitled.pdf");
        check("\0\0", "", "untitled");
    }

    #[test]
    fn long_titles_fit_in_255_bytes_on_a_char_boundary_keeping_the_extension() {
        let ascii = "a".repeat(400);
        let name = export_name(&ascii, "pdf");
        assert_eq!(name.len(), 255);
        assert!(name.ends_with("aaa.pdf"));
        // Three-byte characters: 251 bytes for the stem is not a multiple of 3.
        let cjk = "東".repeat(200);
        let name = export_name(&cjk, "pdf");
        assert!(name.len() <= 255 && name.len() > 250, "{}", name.len());
        assert!(name.ends_with("東.pdf"));
        // Four-byte characters, and a cut that lands before a space or a dot.
        let emoji = "🛳".repeat(100);
        assert!(export_name(&emoji, "md").len() <= 255);
        let dotted = format!("{}. tail", "b".repeat(250));
        assert_eq!(
            export_name(&dotted, "pdf"),
            format!("{}.pdf", "b".repeat(250))
        );
        let device_long = format!("con.{}", "x".repeat(300));
        let name = export_name(&device_long, "md");
        assert!(name.starts_with("_con.") && name.len() <= 255, "{name}");
    }
}
