//! Provenance in a project: the outlets file (`outlets.toml`), each excerpt's attribution (found
//! by `dossier_import::claim` or set by the analyst, whose value always wins), reprints of
//! outlets outside the project, and descriptions proposed as aliases.

use dossier_import::claim;
use dossier_model::{
    ANALYST, Attribution, ClaimAttribution, Excerpt, Found, Id, Outlet, Outlets, Relation, Source,
    outlet,
};
use serde::{Deserialize, Serialize};

use super::Project;
use crate::store;
use crate::store as format;
use crate::{Error, Result};

/// `outlets.toml`: the project's outlets, one `[[outlet]]` table each.
#[derive(Debug, Default, Serialize, Deserialize)]
struct OutletsFile {
    #[serde(default, rename = "outlet", skip_serializing_if = "Vec::is_empty")]
    outlets: Vec<Outlet>,
}

/// The analyst's change to an excerpt's attribution; `None` leaves a part as it is.
#[derive(Debug, Clone, Default)]
pub struct AttributionEdit {
    pub speaker: Option<Option<String>>,
    pub origin: Option<Option<String>>,
    pub via: Option<Vec<String>>,
}

/// A description in an excerpt's attribution ("a regional daily") that a source elsewhere
/// says is a named outlet ("The Northern Courier, a regional daily based in Drusk").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AliasProposal {
    pub description: String,
    pub outlet: String,
    /// The excerpts whose origin is the description.
    pub excerpts: Vec<Id>,
    /// The source that names the outlet so, and its words.
    pub source: Id,
    pub evidence: String,
}

impl Project {
    /// The project's own outlet entries (`outlets.toml`), as written.
    pub fn project_outlets(&self) -> Result<Vec<Outlet>> {
        let path = self.layout.outlets();
        match self.world.fs.read(&path) {
            Ok(_) => {
                let text = store::read_text(self.world.fs.as_ref(), &path)?;
                let file: OutletsFile = format::from_toml(&text).map_err(|e| Error::Parse {
                    file: path.clone(),
                    line: e.line,
                    message: e.message,
                })?;
                Ok(file.outlets)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    /// The outlet table: the project's entries over the built-in ones.
    pub fn outlets(&self) -> Result<Outlets> {
        Ok(Outlets::with_project(&self.project_outlets()?))
    }

    /// Makes `alias` a name of `name` (an outlet created in `outlets.toml` when the project has
    /// none of that name), then re-attributes the excerpts whose found values it changes.
    pub fn alias_outlet(&mut self, name: &str, alias: &str) -> Result<Vec<Outlet>> {
        let (name, alias) = (name.trim(), alias.trim());
        if name.is_empty() || alias.is_empty() {
            return Err(Error::Invalid(
                "an outlet and its alias each need a name".into(),
            ));
        }
        let mut list = self.project_outlets()?;
        let canonical = self.outlets()?.canonical(name);
        let at = match list
            .iter()
            .position(|o| outlet::key(&o.name) == outlet::key(&canonical))
        {
            Some(i) => i,
            None => {
                let builtin = Outlets::builtin();
                list.push(builtin.get(&canonical).cloned().unwrap_or(Outlet {
                    name: canonical.clone(),
                    aliases: Vec::new(),
                }));
                list.len() - 1
            }
        };
        // A name belongs to one outlet: taking it moves it.
        for (i, o) in list.iter_mut().enumerate() {
            if i != at {
                o.aliases.retain(|a| outlet::key(a) != outlet::key(alias));
            }
        }
        let o = &mut list[at];
        if outlet::key(&o.name) != outlet::key(alias)
            && !o
                .aliases
                .iter()
                .any(|a| outlet::key(a) == outlet::key(alias))
        {
            o.aliases.push(alias.to_string());
            o.aliases.sort();
        }
        self.save_outlets(list)
    }

    /// Merges outlet `from` into `into`: `from` and its aliases become aliases of `into`.
    pub fn merge_outlets(&mut self, into: &str, from: &str) -> Result<Vec<Outlet>> {
        let list = self.project_outlets()?;
        let from_aliases: Vec<String> = list
            .iter()
            .find(|o| outlet::key(&o.name) == outlet::key(from))
            .map(|o| o.aliases.clone())
            .unwrap_or_default();
        let mut list: Vec<Outlet> = list
            .into_iter()
            .filter(|o| outlet::key(&o.name) != outlet::key(from))
            .collect();
        let canonical = Outlets::with_project(&list).canonical(into);
        if !list
            .iter()
            .any(|o| outlet::key(&o.name) == outlet::key(&canonical))
        {
            list.push(Outlet {
                name: canonical.clone(),
                aliases: Vec::new(),
            });
        }
        self.save_outlets(list)?;
        self.alias_outlet(&canonical, from)?;
        for a in from_aliases {
            self.alias_outlet(&canonical, &a)?;
        }
        self.project_outlets()
    }

    fn save_outlets(&mut self, mut list: Vec<Outlet>) -> Result<Vec<Outlet>> {
        list.sort_by(|a, b| a.name.cmp(&b.name));
        let text = format::to_toml(&OutletsFile {
            outlets: list.clone(),
        });
        {
            let _lock = self.lock()?;
            let path = self.layout.outlets();
            self.write(&path, text.as_bytes())?;
        }
        self.reattribute(None)?;
        Ok(list)
    }

    /// What the rules find about the claim at `start..end` of `source`.
    pub(crate) fn found_attribution(
        source: &Source,
        outlets: &Outlets,
        start: usize,
        end: usize,
    ) -> ClaimAttribution {
        claim::attribute(
            &claim::Context {
                text: &source.text,
                outlet: source.outlet_name(),
                chain: &source.attribution,
                outlets,
            },
            start,
            end,
        )
    }

    /// Finds again the attribution of every excerpt (of one source, or all), keeping the
    /// analyst's values; writes only the excerpts that change.
    pub fn reattribute(&mut self, of_source: Option<&Id>) -> Result<usize> {
        let outlets = self.outlets()?;
        let mut changed: Vec<Excerpt> = Vec::new();
        for x in self.excerpts.values() {
            if of_source.is_some_and(|s| &x.source != s) {
                continue;
            }
            let Some(source) = self.sources.get(&x.source) else {
                continue;
            };
            let found = Self::found_attribution(source, &outlets, x.locator.start, x.locator.end);
            let merged = x.attribution.merged_with(found);
            if merged != x.attribution {
                let mut x = x.clone();
                x.attribution = merged;
                changed.push(x);
            }
        }
        let n = changed.len();
        if n > 0 {
            let _lock = self.lock()?;
            for x in changed {
                let path = self.layout.excerpt(&x.id);
                self.write(&path, store::encode_excerpt(&x).as_bytes())?;
                self.excerpts.insert(x.id.clone(), x);
            }
        }
        Ok(n)
    }

    /// The analyst's attribution of an excerpt: each part given becomes the analyst's value
    /// (an empty speaker or origin clears it for good: "no one"); the others stay.
    pub fn edit_attribution(&mut self, id: &Id, edit: AttributionEdit) -> Result<&Excerpt> {
        let mut a = self.excerpt(id)?.attribution.clone();
        let outlets = self.outlets()?;
        if let Some(s) = edit.speaker {
            a.speaker = s.map(|s| Found::by_analyst(s.trim().to_string()));
        }
        if let Some(o) = edit.origin {
            a.origin = o.map(|o| Found::by_analyst(outlets.canonical(&o)));
        }
        if let Some(v) = edit.via {
            a.via = v
                .iter()
                .map(|v| Found::by_analyst(outlets.canonical(v)))
                .collect();
        }
        self.set_attribution(id, a)
    }

    /// Stores `attribution` as given: the app's undo puts back the previous value this way.
    pub fn set_attribution(&mut self, id: &Id, attribution: ClaimAttribution) -> Result<&Excerpt> {
        let mut x = self.excerpt(id)?.clone();
        x.attribution = attribution;
        let _lock = self.lock()?;
        self.write(
            &self.layout.excerpt(id),
            store::encode_excerpt(&x).as_bytes(),
        )?;
        self.excerpts.insert(id.clone(), x);
        Ok(&self.excerpts[id])
    }

    /// Drops the analyst's attribution of an excerpt: the rules' values come back.
    pub fn clear_attribution(&mut self, id: &Id) -> Result<&Excerpt> {
        let x = self.excerpt(id)?;
        let source = self.source(&x.source)?;
        let found =
            Self::found_attribution(source, &self.outlets()?, x.locator.start, x.locator.end);
        self.set_attribution(id, found)
    }

    /// Marks a source as a reprint of an outlet's article that is not in the project (or,
    /// with `None`, not a reprint of one), then finds its excerpts' attribution again.
    pub fn set_reprint_of_outlet(&mut self, id: &Id, name: Option<&str>) -> Result<&Source> {
        let mut s = self.source(id)?.clone();
        s.attribution
            .retain(|a| !(a.relation == Relation::Reprint && a.evidence == ANALYST));
        if let Some(name) = name {
            let name = self.outlets()?.canonical(name);
            s.attribution.retain(|a| a.relation != Relation::Reprint);
            s.attribution.insert(
                0,
                Attribution {
                    reporter: name,
                    relation: Relation::Reprint,
                    evidence: ANALYST.into(),
                },
            );
        }
        {
            let _lock = self.lock()?;
            self.write(&self.layout.source(id), store::encode_source(&s).as_bytes())?;
        }
        self.sources.insert(id.clone(), s);
        self.reattribute(Some(id))?;
        Ok(&self.sources[id])
    }

    /// Descriptions used as origins that a source of the project defines as a named outlet:
    /// proposals the analyst confirms with [`Project::alias_outlet`], never applied silently.
    pub fn alias_proposals(&self) -> Vec<AliasProposal> {
        let mut described: Vec<(String, Vec<Id>)> = Vec::new();
        for x in self.excerpts.values() {
            if let Some(o) = &x.attribution.origin
                && o.provenance.starts_with("claim:")
                && o.value.starts_with(['a', 'A'])
                && o.value
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
            {
                match described.iter_mut().find(|(d, _)| *d == o.value) {
                    Some((_, ids)) => ids.push(x.id.clone()),
                    None => described.push((o.value.clone(), vec![x.id.clone()])),
                }
            }
        }
        let mut out = Vec::new();
        for (description, excerpts) in described {
            for s in self.sources.values() {
                if let Some((name, d)) = claim::descriptions(&s.text)
                    .into_iter()
                    .find(|(_, d)| claim::description_fits(&description, d))
                {
                    // The name the project already uses for that outlet, if any.
                    let outlet = self
                        .sources
                        .values()
                        .filter_map(|s| s.outlet_name())
                        .find(|o| outlet::key(o) == outlet::key(&name))
                        .map_or_else(|| name.clone(), str::to_string);
                    out.push(AliasProposal {
                        description: description.clone(),
                        outlet,
                        excerpts: excerpts.clone(),
                        source: s.id.clone(),
                        evidence: format!("{name}, {d}"),
                    });
                    break;
                }
            }
        }
        out
    }
}
