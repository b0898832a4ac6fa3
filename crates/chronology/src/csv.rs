//! The chronology as CSV (RFC 4180) for spreadsheets: one row per entry.

use crate::Chronology;

const HEADER: [&str; 8] = [
    "date",
    "date_human",
    "summary",
    "excerpts",
    "sources",
    "dependence",
    "dependence_detail",
    "conflicts",
];

/// One row per entry, in chronological order; several ids in a cell are separated by spaces.
/// `conflicts` lists the 1-based numbers of the conflicts that involve the entry's excerpts.
pub fn to_csv(c: &Chronology) -> String {
    let mut out = String::new();
    row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for e in &c.entries {
        let conflicts: Vec<String> = c
            .conflicts
            .iter()
            .enumerate()
            .filter(|(_, k)| k.excerpts.iter().any(|x| e.excerpts.contains(x)))
            .map(|(n, _)| (n + 1).to_string())
            .collect();
        let ids =
            |v: &[dossier_model::Id]| v.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(" ");
        row(
            &mut out,
            [
                e.date.to_string(),
                e.date_human.clone(),
                e.summary.clone(),
                ids(&e.excerpts),
                ids(&e.sources),
                e.dependence.name().to_string(),
                e.dependence_detail.clone(),
                conflicts.join(" "),
            ]
            .into_iter(),
        );
    }
    out
}

fn row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Quote what a spreadsheet would misread; a leading = + - @ is defused against formula
        // injection (OWASP) by a leading apostrophe.
        let cell = if cell.starts_with(['=', '+', '-', '@']) {
            format!("'{cell}")
        } else {
            cell
        };
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}
