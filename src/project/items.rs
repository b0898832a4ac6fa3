//! A project's sources or excerpts by id, and the log of their changes that the search index
//! follows.

use std::collections::BTreeMap;
use std::ops::Deref;

use dossier_model::Id;

/// Items by id. Every change goes through `insert`, `remove` or `values_mut`, which log it: the
/// search index (`search::index`) applies the log at the next search, so it always mirrors
/// the items.
pub(crate) struct Items<T> {
    map: BTreeMap<Id, T>,
    /// The ids inserted or removed, in order (an id may come more than once).
    log: Vec<Id>,
    /// How many times every item may have changed at once (`values_mut`).
    resets: u64,
}

impl<T> Items<T> {
    pub(crate) fn insert(&mut self, id: Id, item: T) -> Option<T> {
        self.log.push(id.clone());
        self.map.insert(id, item)
    }

    pub(crate) fn remove(&mut self, id: &Id) -> Option<T> {
        self.log.push(id.clone());
        self.map.remove(id)
    }

    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.resets += 1;
        self.map.values_mut()
    }

    /// The change log: the ids changed, in order, and the count of changes to every item.
    pub(crate) fn log(&self) -> (&[Id], u64) {
        (&self.log, self.resets)
    }
}

impl<T> Deref for Items<T> {
    type Target = BTreeMap<Id, T>;

    fn deref(&self) -> &BTreeMap<Id, T> {
        &self.map
    }
}

impl<T> From<BTreeMap<Id, T>> for Items<T> {
    fn from(map: BTreeMap<Id, T>) -> Items<T> {
        Items {
            map,
            log: Vec::new(),
            resets: 0,
        }
    }
}
