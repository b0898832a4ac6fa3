//! The analyst's grouping of excerpts into events: `join`, `split` and `reset` set or clear
//! each excerpt's `event` key, which the chronology's automatic grouping never overrides
//! (`dossier_chronology`). The keys live in the excerpt files, so a regrouping survives
//! re-import, re-render and git merges like any other edit.

use std::collections::BTreeSet;

use dossier_chronology::{Chronology, Filter};
use dossier_model::{Excerpt, Id};

use super::Project;
use crate::store;
use crate::{Error, Result};

impl Project {
    /// Joins the events that cite `ids` into one: every excerpt of their chronology entries
    /// gets one event key. Returns the excerpts of the joined event, in id order.
    pub fn join_events(&mut self, ids: &[Id]) -> Result<Vec<Id>> {
        if ids.len() < 2 {
            return Err(Error::Invalid(
                "name at least two excerpts to join their events".into(),
            ));
        }
        let chronology = self.chronology(&Filter::default());
        let mut members = BTreeSet::new();
        for id in ids {
            members.extend(self.event_of(&chronology, id)?);
        }
        let key = members.first().expect("two excerpts at least").to_string();
        let changes: Vec<(Id, Option<String>)> = members
            .iter()
            .map(|id| (id.clone(), Some(key.clone())))
            .collect();
        self.set_events(&changes)?;
        Ok(members.into_iter().collect())
    }

    /// Takes excerpt `id` out of its event: it becomes an event of its own, and the rest stay
    /// together; neither is joined to the other again automatically. Returns the excerpts that
    /// stay in the old event, in id order.
    pub fn split_event(&mut self, id: &Id) -> Result<Vec<Id>> {
        let chronology = self.chronology(&Filter::default());
        let rest: Vec<Id> = self
            .event_of(&chronology, id)?
            .into_iter()
            .filter(|x| x != id)
            .collect();
        let mut changes = vec![(id.clone(), Some(id.to_string()))];
        if let Some(key) = rest.first() {
            changes.extend(rest.iter().map(|x| (x.clone(), Some(key.to_string()))));
        }
        self.set_events(&changes)?;
        Ok(rest)
    }

    /// Gives `ids` back to the automatic grouping.
    pub fn reset_events(&mut self, ids: &[Id]) -> Result<()> {
        let changes: Vec<(Id, Option<String>)> = ids.iter().map(|id| (id.clone(), None)).collect();
        self.set_events(&changes)
    }

    /// Stores each excerpt's event key as given, under one lock (the app's undo puts the
    /// previous keys back this way). Every excerpt is checked before anything is written.
    pub fn set_events(&mut self, changes: &[(Id, Option<String>)]) -> Result<()> {
        let updated: Vec<Excerpt> = changes
            .iter()
            .map(|(id, key)| {
                let mut x = self.excerpt(id)?.clone();
                x.event = key.clone();
                Ok(x)
            })
            .collect::<Result<_>>()?;
        let _lock = self.lock()?;
        for x in updated {
            if self.excerpts.get(&x.id) == Some(&x) {
                continue;
            }
            let path = self.layout.excerpt(&x.id);
            self.write(&path, store::encode_excerpt(&x).as_bytes())?;
            self.excerpts.insert(x.id.clone(), x);
        }
        Ok(())
    }

    /// The excerpts of the chronology entry that cites `id` (only `id` when it has none yet).
    fn event_of(&self, chronology: &Chronology, id: &Id) -> Result<Vec<Id>> {
        let x = self.excerpt(id)?;
        if x.event_date().is_none() {
            return Err(Error::Invalid(format!(
                "excerpt {id} has no event date, so it is in no chronology entry: date it first \
                 (dossier excerpt edit DIR {id} --date YYYY-MM-DD)"
            )));
        }
        Ok(chronology
            .entries
            .iter()
            .find(|e| e.excerpts.contains(id))
            .map_or_else(|| vec![id.clone()], |e| e.excerpts.clone()))
    }
}
