//! An item's whole new tag list (what the app's tag editor sends) as an edit's tags to add and
//! to remove, so that the CLI's `--tag`/`--untag` and the app meet in one `ExcerptEdit`.

use dossier_model::Tag;

use super::ExcerptEdit;

impl ExcerptEdit {
    /// Makes this edit turn the excerpt's tags from `current` into `wanted`: the tags of
    /// `wanted` not yet there are added (in `wanted`'s order), the others of `current` removed.
    pub fn set_tags(&mut self, current: &[Tag], wanted: Vec<Tag>) {
        self.remove_tags = current
            .iter()
            .filter(|t| !wanted.contains(t))
            .cloned()
            .collect();
        self.add_tags = wanted
            .into_iter()
            .filter(|t| !current.contains(t))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<Tag> {
        list.iter().map(|t| t.parse().unwrap()).collect()
    }

    #[track_caller]
    fn check(current: &[&str], wanted: &[&str], add: &[&str], remove: &[&str]) {
        let mut edit = ExcerptEdit::default();
        edit.set_tags(&tags(current), tags(wanted));
        assert_eq!((edit.add_tags, edit.remove_tags), (tags(add), tags(remove)));
    }

    #[test]
    fn a_new_tag_list_is_the_tags_to_add_and_to_remove() {
        check(&[], &["actor:Rouhani"], &["actor:Rouhani"], &[]);
        check(
            &["actor:Rouhani", "nuclear"],
            &["nuclear"],
            &[],
            &["actor:Rouhani"],
        );
        check(
            &["actor:Rouhani", "place:Vienna"],
            &["place:Vienna", "talks", "actor:Zarif"],
            &["talks", "actor:Zarif"],
            &["actor:Rouhani"],
        );
        check(&["talks"], &["talks"], &[], &[]);
        check(&["a", "b"], &[], &[], &["a", "b"]);
    }
}
