//! YAML front matter of a clipped Markdown file: what the clipper recorded.

use dossier_dates::Years;
use dossier_model::Found;

use super::TextHeader;
use crate::text::Line;

/// YAML front matter of a clipped Markdown file (`---` … `---`): title, author, source URL and
/// publication date as the clipper recorded them. Returns the index of the first line after it.
pub(super) fn front_matter(lines: &[Line<'_>], h: &mut TextHeader) -> usize {
    if lines.first().is_none_or(|l| l.trimmed() != "---") {
        return 0;
    }
    let Some(end) = lines
        .iter()
        .skip(1)
        .position(|l| l.trimmed() == "---")
        .map(|e| e + 1)
    else {
        return 0;
    };
    for (i, line) in lines.iter().enumerate().take(end + 1) {
        h.remove.push((i, "front-matter"));
        let Some((key, value)) = line.trimmed().split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if value.is_empty() {
            continue;
        }
        let rule = |k: &str| format!("markdown:front-matter:{k}");
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => h.title = Some(Found::by_rule(value, rule("title"), 0.9)),
            "author" | "by" => h.author = Some(Found::by_rule(value, rule("author"), 0.85)),
            k @ ("source" | "url" | "link") if value.starts_with("http") => {
                h.url = Some(Found::by_rule(value, rule(k), 0.85))
            }
            k @ ("published" | "date") => {
                if let Some(d) = dossier_dates::metadata::day(&value, Years::PUBLISHED) {
                    h.published = Some(Found::by_rule(d, rule(k), 0.85));
                }
            }
            _ => {}
        }
    }
    end + 1
}
