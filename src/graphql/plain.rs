//! A fast path for the long lists of a scan report (keywords with their
//! spans, matched and missing keywords): objects whose fields are values in
//! memory, resolved in one synchronous pass over the selection set.
//!
//! async-graphql resolves every field of every object through its own boxed
//! future; a full report has a couple of thousand values, and that machinery
//! cost more than the scan itself. A [`PlainList`] answers from here when
//! every selected field is plain, and otherwise hands the list to
//! async-graphql unchanged, so any selection the schema allows still works.
//! The schema sees the same `[T!]!` either way, and a request carrying
//! [`OrdinaryResolvers`] skips the fast path, so that the two can be compared.

use std::borrow::Cow;
use std::collections::HashMap;

use async_graphql::indexmap::IndexMap;
use async_graphql::parser::types::{Field, FragmentDefinition, Selection, SelectionSet};
use async_graphql::registry::Registry;
use async_graphql::{ContextSelectionSet, Name, OutputType, Positioned, ServerResult, Value};

/// An object some of whose fields are plain values.
pub trait PlainObject {
    /// The GraphQL type name, for `__typename` and fragment type conditions.
    const TYPE_NAME: &'static str;

    /// The value of the field `name`, reading nested objects through
    /// `selection` (the field's own selection set); `None` when the field
    /// needs the full resolver.
    fn field(&self, name: &str, selection: &Plain<'_>) -> Option<Value>;
}

/// A selection set being answered on the plain path.
pub struct Plain<'a> {
    set: &'a SelectionSet,
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
}

impl<'a> Plain<'a> {
    /// The selected fields of `object`, or `None` if one of them is not plain.
    pub fn object<T: PlainObject>(&self, object: &T) -> Option<Value> {
        let mut fields = IndexMap::with_capacity(self.set.items.len());
        self.collect(self.set, object, &mut fields)?;
        Some(Value::Object(fields))
    }

    pub fn list<'i, T: PlainObject + 'i>(&self, items: impl IntoIterator<Item = &'i T>) -> Option<Value> {
        items
            .into_iter()
            .map(|item| self.object(item))
            .collect::<Option<Vec<_>>>()
            .map(Value::List)
    }

    fn collect<T: PlainObject>(
        &self,
        set: &'a SelectionSet,
        object: &T,
        fields: &mut IndexMap<Name, Value>,
    ) -> Option<()> {
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let key = field.response_key().node.clone();
                    // Arguments and a key asked for twice (whose selections
                    // GraphQL merges) are left to the full resolver.
                    if !field.arguments.is_empty() || fields.contains_key(&key) {
                        return None;
                    }
                    let value = if field.name.node == "__typename" {
                        Value::String(T::TYPE_NAME.to_owned())
                    } else {
                        let nested = Plain {
                            set: &field.selection_set.node,
                            fragments: self.fragments,
                        };
                        object.field(&field.name.node, &nested)?
                    };
                    fields.insert(key, value);
                }
                Selection::FragmentSpread(spread) => {
                    let fragment = &self.fragments.get(&spread.node.fragment_name.node)?.node;
                    if fragment.type_condition.node.on.node != T::TYPE_NAME {
                        return None;
                    }
                    self.collect(&fragment.selection_set.node, object, fields)?;
                }
                Selection::InlineFragment(fragment) => {
                    let fragment = &fragment.node;
                    if fragment
                        .type_condition
                        .as_ref()
                        .is_some_and(|condition| condition.node.on.node != T::TYPE_NAME)
                    {
                        return None;
                    }
                    self.collect(&fragment.selection_set.node, object, fields)?;
                }
            }
        }
        Some(())
    }
}

/// Request data that turns the plain path off: every field is resolved by
/// async-graphql. The differential tests compare the two answers, and the
/// GraphQL benchmark measures what the plain path saves.
pub struct OrdinaryResolvers;

/// A list field of plain objects; see the module documentation.
pub struct PlainList<T>(pub Vec<T>);

impl<T: PlainObject + OutputType> OutputType for PlainList<T> {
    fn type_name() -> Cow<'static, str> {
        <Vec<T> as OutputType>::type_name()
    }

    fn qualified_type_name() -> String {
        <Vec<T> as OutputType>::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        <Vec<T> as OutputType>::create_type_info(registry)
    }

    async fn resolve(&self, ctx: &ContextSelectionSet<'_>, field: &Positioned<Field>) -> ServerResult<Value> {
        // The item selection and the operation's fragments, as async-graphql's
        // own generated resolvers read them.
        let plain = Plain {
            set: &ctx.item.node,
            fragments: &ctx.query_env.fragments,
        };
        let answered = match ctx.data_opt::<OrdinaryResolvers>() {
            Some(OrdinaryResolvers) => None,
            None => plain.list(&self.0),
        };
        match answered {
            Some(value) => Ok(value),
            None => OutputType::resolve(&self.0, ctx, field).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;
    use async_graphql::parser::types::{DocumentOperations, ExecutableDocument};

    use super::*;
    use crate::graphql::scan::TextSpan;

    fn answer(query: &str, span: &TextSpan) -> Option<serde_json::Value> {
        let document: ExecutableDocument = parse_query(query).unwrap();
        let DocumentOperations::Single(operation) = &document.operations else {
            panic!("one operation");
        };
        let plain = Plain {
            set: &operation.node.selection_set.node,
            fragments: &document.fragments,
        };
        plain.object(span).map(|value| value.into_json().unwrap())
    }

    #[test]
    fn plain_fields_are_answered_with_aliases_fragments_and_typename() {
        let span = TextSpan {
            start: 3,
            end: 5,
            text: "Go".into(),
        };
        let query = "{ __typename a: start ...on TextSpan { end } ...rest } fragment rest on TextSpan { text }";
        assert_eq!(
            answer(query, &span),
            Some(serde_json::json!({ "__typename": "TextSpan", "a": 3, "end": 5, "text": "Go" }))
        );
    }

    #[test]
    fn anything_else_is_left_to_the_full_resolver() {
        let span = TextSpan {
            start: 0,
            end: 1,
            text: "R".into(),
        };
        for query in [
            "{ start unknown }",
            "{ start start }",
            "{ ... on Skill { start } }",
            "{ start(x: 1) }",
        ] {
            assert_eq!(answer(query, &span), None, "{query}");
        }
    }
}
