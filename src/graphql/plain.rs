//! A fast path for scan reports and their long lists (keywords with their
//! spans, matched and missing keywords): objects whose fields are values in
//! memory, resolved in one synchronous pass over the selection set.
//!
//! async-graphql resolves every field of every object through its own boxed
//! future; a full report has a couple of thousand values, and that machinery
//! cost more than the scan itself. A [`PlainField`] answers from here when
//! every field selected under it is plain, and otherwise hands its value to
//! async-graphql unchanged, so any selection the schema allows still works.
//! The schema sees the same type either way, and a request carrying
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

/// A value the plain path can write: a scalar, an enum, a plain object, or
/// a list or an option of them. `None` when part of it needs the full
/// resolver.
pub trait PlainValue {
    fn plain(&self, selection: &Plain<'_>) -> Option<Value>;
}

impl<T: PlainObject> PlainValue for T {
    fn plain(&self, selection: &Plain<'_>) -> Option<Value> {
        selection.object(self)
    }
}

impl<T: PlainValue> PlainValue for Vec<T> {
    fn plain(&self, selection: &Plain<'_>) -> Option<Value> {
        self.iter()
            .map(|item| item.plain(selection))
            .collect::<Option<Vec<_>>>()
            .map(Value::List)
    }
}

impl<T: PlainValue> PlainValue for Option<T> {
    fn plain(&self, selection: &Plain<'_>) -> Option<Value> {
        match self {
            Some(value) => value.plain(selection),
            None => Some(Value::Null),
        }
    }
}

impl PlainValue for &str {
    fn plain(&self, _: &Plain<'_>) -> Option<Value> {
        Some(Value::String((*self).to_owned()))
    }
}

/// Implements [`PlainValue`] for scalars and enums, writing them as their
/// own resolvers do.
macro_rules! plain_scalars {
    ($($type:ty),* $(,)?) => {
        $(impl $crate::graphql::plain::PlainValue for $type {
            fn plain(&self, _: &$crate::graphql::plain::Plain<'_>) -> Option<async_graphql::Value> {
                Some(async_graphql::InputType::to_value(self))
            }
        })*
    };
}
pub(crate) use plain_scalars;

plain_scalars!(u8, u32, u64, i32, f64, bool, String);

/// Implements [`PlainObject`] for a struct whose GraphQL fields are its own
/// fields, named in the schema as listed: `plain_fields!(ScoreCap { "limit" => limit })`.
macro_rules! plain_fields {
    ($type:ident { $($name:literal => $field:ident),* $(,)? }) => {
        impl $crate::graphql::plain::PlainObject for $type {
            // async-graphql names an object after its Rust type.
            const TYPE_NAME: &'static str = stringify!($type);

            fn field(
                &self,
                name: &str,
                selection: &$crate::graphql::plain::Plain<'_>,
            ) -> Option<async_graphql::Value> {
                match name {
                    $($name => $crate::graphql::plain::PlainValue::plain(&self.$field, selection),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use plain_fields;

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
                    // Arguments are left to the full resolver.
                    if !field.arguments.is_empty() {
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
                    // So is a key asked for twice, whose selections GraphQL merges.
                    let key = field.response_key().node.clone();
                    if fields.insert(key, value).is_some() {
                        return None;
                    }
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

/// A field whose value the plain path answers when it can; see the module
/// documentation.
pub struct PlainField<V>(pub V);

impl<V: PlainValue + OutputType> OutputType for PlainField<V> {
    fn type_name() -> Cow<'static, str> {
        V::type_name()
    }

    fn qualified_type_name() -> String {
        V::qualified_type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        V::create_type_info(registry)
    }

    async fn resolve(&self, ctx: &ContextSelectionSet<'_>, field: &Positioned<Field>) -> ServerResult<Value> {
        // The field's selection and the operation's fragments, as
        // async-graphql's own generated resolvers read them.
        let plain = Plain {
            set: &ctx.item.node,
            fragments: &ctx.query_env.fragments,
        };
        let answered = match ctx.data_opt::<OrdinaryResolvers>() {
            Some(OrdinaryResolvers) => None,
            None => self.0.plain(&plain),
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
