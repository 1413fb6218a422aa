//! Objects whose selection comes out empty are answered `{}`, as GraphQL
//! says, and not `null`.
//!
//! async-graphql answers `null` for an object none of whose selected fields
//! apply: a search hit's `node { ... on Skill { name } }` when the hit is a
//! Role, or fields that `@skip` removes. For a non-null field that breaks the
//! schema. Where a selection set might come out empty, the document gets one
//! more field, `__typename` under a reserved alias, so that no object is
//! empty; the answer drops that key again.

use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, Field, Selection, SelectionSet};
use async_graphql::{Name, Positioned, Value};

/// The guard's response key. Names that start with `__` are reserved for
/// GraphQL itself, so no client alias can collide with it.
const GUARD: &str = "__atscanNonEmpty";

/// Adds the guard to every nested selection set that might come out empty;
/// true if it added any (the answer must then go through [`strip`]).
pub fn guard(document: &mut ExecutableDocument) -> bool {
    let mut guarded = false;
    let operations: Vec<&mut SelectionSet> = match &mut document.operations {
        DocumentOperations::Single(operation) => vec![&mut operation.node.selection_set.node],
        DocumentOperations::Multiple(operations) => operations
            .values_mut()
            .map(|operation| &mut operation.node.selection_set.node)
            .collect(),
    };
    // A root selection is never guarded: a subscription root may hold only
    // its one field.
    for root in operations {
        guarded |= guard_fields_of(root);
    }
    for fragment in document.fragments.values_mut() {
        guarded |= guard_fields_of(&mut fragment.node.selection_set.node);
    }
    guarded
}

/// Guards the selection sets of the fields in `set`, and theirs in turn.
fn guard_fields_of(set: &mut SelectionSet) -> bool {
    let mut guarded = false;
    for item in &mut set.items {
        match &mut item.node {
            Selection::Field(field) => {
                let nested = &mut field.node.selection_set;
                // A leaf field has no selection set to guard.
                if !nested.node.items.is_empty() && might_be_empty(&nested.node) {
                    let field = Field {
                        alias: Some(Positioned::new(Name::new(GUARD), nested.pos)),
                        name: Positioned::new(Name::new("__typename"), nested.pos),
                        arguments: Vec::new(),
                        directives: Vec::new(),
                        selection_set: Positioned::new(SelectionSet::default(), nested.pos),
                    };
                    nested.node.items.push(Positioned::new(
                        Selection::Field(Positioned::new(field, nested.pos)),
                        nested.pos,
                    ));
                    guarded = true;
                }
                guarded |= guard_fields_of(&mut nested.node);
            }
            Selection::InlineFragment(fragment) => guarded |= guard_fields_of(&mut fragment.node.selection_set.node),
            // Named fragments are guarded once, where they are defined.
            Selection::FragmentSpread(_) => {}
        }
    }
    guarded
}

/// Whether no field of `set` is sure to be answered: every field sits in a
/// fragment (which may be for another type) or under a directive (which may
/// skip it).
fn might_be_empty(set: &SelectionSet) -> bool {
    !set.items.iter().any(|item| match &item.node {
        Selection::Field(field) => field.node.directives.is_empty(),
        _ => false,
    })
}

/// Removes the guard from an answer.
pub fn strip(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            // A scan of the few keys costs less than hashing them.
            if let Some(guard) = fields.keys().position(|key| key.as_str() == GUARD) {
                fields.shift_remove_index(guard);
            }
            fields.values_mut().for_each(strip);
        }
        Value::List(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    /// Whether the document was guarded, and how many guards it holds.
    fn guarded(query: &str) -> (bool, usize) {
        let mut document = parse_query(query).unwrap();
        let guarded = guard(&mut document);
        (guarded, format!("{document:?}").matches(GUARD).count())
    }

    #[test]
    fn only_selections_that_might_come_out_empty_are_guarded() {
        // Every nested set here has a field that is always answered.
        assert_eq!(
            guarded("{ search(query: \"x\") { score node { __typename } } }"),
            (false, 0)
        );
        // A union selected only through fragments, a field under @skip, and
        // a named fragment's own nested field.
        let (any, guards) = guarded(
            "query($s: Boolean!) { suggest(prefix: \"k\") { node { ... on Skill { name } } \
             hit: node { ...role } } skill(slug: \"go\") { name @skip(if: $s) } } \
             fragment role on Role { skills { nodes { ... on RoleSkill { importance } } } }",
        );
        assert!(any);
        assert_eq!(guards, 4, "node, hit, skill, and the fragment's nodes");
    }

    #[test]
    fn the_guard_key_is_removed_from_every_depth() {
        let mut value = Value::from_json(serde_json::json!({
            "a": { GUARD: "Skill", "b": [{ GUARD: "Role" }, { "c": 1, GUARD: "Role" }] }
        }))
        .unwrap();
        strip(&mut value);
        assert_eq!(
            value.into_json().unwrap(),
            serde_json::json!({ "a": { "b": [{}, { "c": 1 }] } })
        );
    }
}
