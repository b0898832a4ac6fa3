//! Outlets as entities: one canonical name and its aliases ("NYT", "New York Times" → "The New
//! York Times"), built in for the major wires and papers and extended by the project's
//! `outlets.toml`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// One outlet: the name Dossier shows and the other names it goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outlet {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// The major wires, agencies and papers, so that "AFP" and "Agence France-Presse" are one
/// origin in every project without the analyst saying so.
const BUILT_IN: &[(&str, &[&str])] = &[
    ("Reuters", &["Thomson Reuters", "Reuters news agency"]),
    (
        "AFP",
        &[
            "Agence France-Presse",
            "Agence France Presse",
            "France-Presse",
        ],
    ),
    ("AP", &["Associated Press", "The Associated Press"]),
    ("IRNA", &["Islamic Republic News Agency"]),
    ("SANA", &["Syrian Arab News Agency"]),
    ("TASS", &["ITAR-TASS"]),
    ("Xinhua", &["Xinhua News Agency"]),
    ("Anadolu Agency", &["Anadolu", "AA"]),
    ("dpa", &["Deutsche Presse-Agentur"]),
    ("Bloomberg", &["Bloomberg News"]),
    ("BBC", &["BBC News", "British Broadcasting Corporation"]),
    ("CNN", &[]),
    ("NBC News", &["NBC"]),
    ("Al Jazeera", &["Al-Jazeera", "Aljazeera"]),
    (
        "The New York Times",
        &["New York Times", "NYT", "NY Times", "NYTimes"],
    ),
    ("The Washington Post", &["Washington Post", "WaPo"]),
    ("The Wall Street Journal", &["Wall Street Journal", "WSJ"]),
    ("The Guardian", &["Guardian"]),
    (
        "The Telegraph",
        &["Telegraph", "The Daily Telegraph", "Daily Telegraph"],
    ),
    ("The Times", &["Times of London"]),
    ("Financial Times", &["FT", "The Financial Times"]),
    ("Le Monde", &[]),
    ("Der Spiegel", &["Spiegel"]),
];

/// Canonical outlet names by normalised name. Project entries win over built-in ones.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    list: Vec<Outlet>,
    by_key: HashMap<String, usize>,
}

impl Outlets {
    /// The built-in table only.
    pub fn builtin() -> Outlets {
        Outlets::with_project(&[])
    }

    /// The project's outlets over the built-in table: a project alias moves a name to the
    /// project's outlet.
    pub fn with_project(project: &[Outlet]) -> Outlets {
        let mut o = Outlets::default();
        for (name, aliases) in BUILT_IN {
            o.add(Outlet {
                name: (*name).to_string(),
                aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
            });
        }
        for outlet in project {
            o.add(outlet.clone());
        }
        o
    }

    fn add(&mut self, outlet: Outlet) {
        let at = self.list.len();
        for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
            let k = key(name);
            if !k.is_empty() {
                self.by_key.insert(k, at);
            }
        }
        self.list.push(outlet);
    }

    /// The known outlet `name` refers to, if any.
    pub fn get(&self, name: &str) -> Option<&Outlet> {
        self.by_key.get(&key(name)).map(|&i| &self.list[i])
    }

    /// The canonical name of `name`: the known outlet's, else `name` itself with a lower-case
    /// leading "the" dropped ("the Courier" as written in running text is not part of a name).
    pub fn canonical(&self, name: &str) -> String {
        match self.get(name) {
            Some(o) => o.name.clone(),
            None => {
                let n = name.trim();
                n.strip_prefix("the ").unwrap_or(n).to_string()
            }
        }
    }

    /// Every outlet the table knows, built-in first.
    pub fn iter(&self) -> impl Iterator<Item = &Outlet> {
        // A project entry that renamed a built-in one leaves the old entry unreachable.
        self.list
            .iter()
            .enumerate()
            .filter(|(i, o)| self.by_key.get(&key(&o.name)) == Some(i))
            .map(|(_, o)| o)
    }
}

/// A name as compared: lower case, punctuation as spaces, without the word "the".
pub fn key(name: &str) -> String {
    let lower = name.to_lowercase().replace(['’', '\''], "");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(outlets: &Outlets, name: &str, expected: &str) {
        assert_eq!(outlets.canonical(name), expected, "{name}");
    }

    #[test]
    fn names_map_to_one_canonical_outlet() {
        let o = Outlets::with_project(&[Outlet {
            name: "The Harbor Ledger".into(),
            aliases: vec!["the Ledger".into(), "Ledger".into()],
        }]);
        check(&o, "NYT", "The New York Times");
        check(&o, "New York Times", "The New York Times");
        check(&o, "the New York Times", "The New York Times");
        check(&o, "telegraph", "The Telegraph");
        check(&o, "Telegraph", "The Telegraph");
        check(&o, "Agence France-Presse", "AFP");
        check(&o, "Ledger", "The Harbor Ledger");
        check(&o, "the Valley Gazette", "Valley Gazette");
        check(&o, "The Valley Gazette", "The Valley Gazette");
        assert_eq!(key("The Valley Gazette"), key("valley gazette"));
    }

    #[test]
    fn a_project_alias_moves_a_name_from_the_built_in_table() {
        let o = Outlets::with_project(&[Outlet {
            name: "The Times of Sarovel".into(),
            aliases: vec!["The Times".into()],
        }]);
        check(&o, "the Times", "The Times of Sarovel");
        assert!(o.iter().all(|x| x.name != "The Times"));
    }
}
