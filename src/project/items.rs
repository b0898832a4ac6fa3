//! A project's sources or excerpts by id, and the search shadow made from them.

use std::collections::BTreeMap;
use std::ops::Deref;
use std::sync::OnceLock;

use dossier_model::Id;

use crate::search::{Searchable, Shadow};

/// Items by id. Every change goes through `insert`, `remove` or `values_mut`, which drop the
/// search shadow: a shadow always mirrors the items it was made from.
pub(crate) struct Items<T> {
    map: BTreeMap<Id, T>,
    /// Built at the first search after a change.
    shadow: OnceLock<Shadow>,
}

impl<T> Items<T> {
    pub(crate) fn insert(&mut self, id: Id, item: T) -> Option<T> {
        self.shadow.take();
        self.map.insert(id, item)
    }

    pub(crate) fn remove(&mut self, id: &Id) -> Option<T> {
        self.shadow.take();
        self.map.remove(id)
    }

    pub(crate) fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.shadow.take();
        self.map.values_mut()
    }
}

impl<T: Searchable> Items<T> {
    pub(crate) fn has_shadow(&self) -> bool {
        self.shadow.get().is_some()
    }

    pub(crate) fn shadow(&self) -> &Shadow {
        self.shadow.get_or_init(|| Shadow::build(self.map.values()))
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
            shadow: OnceLock::new(),
        }
    }
}
