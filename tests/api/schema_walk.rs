//! Walks a response against the schema and the query that asked for it:
//! every selected field is there (unless the response carries errors), and
//! no field the schema declares non-null is null. Every response that the
//! suite's helpers receive goes through it.

use std::collections::HashMap;
use std::sync::OnceLock;

use async_graphql::parser::types::{
    BaseType, Directive, DocumentOperations, ExecutableDocument, Field, FragmentDefinition, OperationDefinition,
    OperationType, Selection, SelectionSet, Type, TypeKind, TypeSystemDefinition,
};
use async_graphql::{Name, Positioned};
use serde_json::Value;

/// The parts of the schema a walk needs: each object's field types, each
/// union's members, and the root types.
pub struct SchemaModel {
    pub objects: HashMap<String, Vec<FieldType>>,
    pub unions: HashMap<String, Vec<String>>,
    pub roots: HashMap<&'static str, String>,
}

/// A field of an object type.
pub struct FieldType {
    pub name: String,
    pub ty: Type,
    /// Whether the field can be asked for without arguments.
    pub needs_arguments: bool,
}

impl SchemaModel {
    /// The schema the application serves, parsed once.
    pub fn get() -> &'static SchemaModel {
        static MODEL: OnceLock<SchemaModel> = OnceLock::new();
        MODEL.get_or_init(|| SchemaModel::parse(&atscan::graphql::sdl()))
    }

    fn parse(sdl: &str) -> Self {
        let document = async_graphql::parser::parse_schema(sdl).expect("the schema's SDL parses");
        let mut model = SchemaModel {
            objects: HashMap::new(),
            unions: HashMap::new(),
            roots: HashMap::from([
                ("query", "Query".to_owned()),
                ("mutation", "Mutation".to_owned()),
                ("subscription", "Subscription".to_owned()),
            ]),
        };
        for definition in document.definitions {
            match definition {
                TypeSystemDefinition::Schema(schema) => {
                    let schema = schema.node;
                    for (root, name) in [
                        ("query", schema.query),
                        ("mutation", schema.mutation),
                        ("subscription", schema.subscription),
                    ] {
                        if let Some(name) = name {
                            model.roots.insert(root, name.node.to_string());
                        }
                    }
                }
                TypeSystemDefinition::Type(definition) => {
                    let definition = definition.node;
                    let name = definition.name.node.to_string();
                    match definition.kind {
                        TypeKind::Object(object) => {
                            let fields = object
                                .fields
                                .into_iter()
                                .map(|field| FieldType {
                                    name: field.node.name.node.to_string(),
                                    ty: field.node.ty.node,
                                    needs_arguments: field
                                        .node
                                        .arguments
                                        .iter()
                                        .any(|arg| !arg.node.ty.node.nullable && arg.node.default_value.is_none()),
                                })
                                .collect();
                            model.objects.insert(name, fields);
                        }
                        TypeKind::Union(union) => {
                            let members = union.members.into_iter().map(|m| m.node.to_string()).collect();
                            model.unions.insert(name, members);
                        }
                        _ => {}
                    }
                }
                TypeSystemDefinition::Directive(_) => {}
            }
        }
        model
    }

    /// Whether values of type `name` have fields of their own (an object or
    /// a union), so that a selection set goes with them.
    pub fn is_composite(&self, name: &str) -> bool {
        self.objects.contains_key(name) || self.unions.contains_key(name)
    }

    fn field(&self, object: &str, name: &str) -> Option<&FieldType> {
        self.objects.get(object)?.iter().find(|field| field.name == name)
    }
}

/// Checks `response` (the whole body) against `query` run with `variables`;
/// panics naming the path of the first field that breaks the schema.
pub fn check_response(query: &str, variables: &Value, response: &Value) {
    if let Err(problem) = walk_response(query, variables, response) {
        panic!("{problem}\nquery: {query}\nresponse: {response}");
    }
}

/// The first place where `response` breaks the schema, if any. A document
/// of several operations is walked for its first.
pub fn walk_response(query: &str, variables: &Value, response: &Value) -> Result<(), String> {
    let data = match response.get("data") {
        None | Some(Value::Null) => return Ok(()),
        Some(data) => data,
    };
    let Ok(document) = async_graphql::parser::parse_query(query) else {
        return Ok(());
    };
    let Some(operation) = first_operation(&document) else {
        return Ok(());
    };
    let model = SchemaModel::get();
    let root = match operation.ty {
        OperationType::Query => &model.roots["query"],
        OperationType::Mutation => &model.roots["mutation"],
        OperationType::Subscription => &model.roots["subscription"],
    };
    let walk = Walk {
        model,
        fragments: &document.fragments,
        variables,
        complete: response.get("errors").is_none(),
    };
    walk.object(root, &[&operation.selection_set.node], data, "data")
}

fn first_operation(document: &ExecutableDocument) -> Option<&OperationDefinition> {
    match &document.operations {
        DocumentOperations::Single(operation) => Some(&operation.node),
        DocumentOperations::Multiple(operations) => operations.values().next().map(|o| &o.node),
    }
}

/// Whether `@skip` or `@include` leave a selection out, with `variables`.
fn left_out(directives: &[Positioned<Directive>], variables: &Value) -> bool {
    directives.iter().any(|directive| {
        let Some(argument) = directive.node.get_argument("if") else {
            return false;
        };
        let argument = argument
            .node
            .clone()
            .into_const_with(|name| async_graphql::Value::from_json(variables[name.as_str()].clone()).map_err(|_| ()));
        let Ok(async_graphql::Value::Boolean(condition)) = argument else {
            return false;
        };
        match directive.node.name.node.as_str() {
            "skip" => condition,
            "include" => !condition,
            _ => false,
        }
    })
}

struct Walk<'a> {
    model: &'a SchemaModel,
    fragments: &'a HashMap<Name, Positioned<FragmentDefinition>>,
    variables: &'a Value,
    /// Without errors, every selected field must be in the answer.
    complete: bool,
}

impl<'a> Walk<'a> {
    /// Checks an answered object of type `ty` (an object or a union type)
    /// against the selection sets merged into it.
    fn object(&self, ty: &str, sets: &[&'a SelectionSet], value: &Value, path: &str) -> Result<(), String> {
        let Value::Object(answer) = value else {
            return Err(format!("{path}: expected an object of type {ty}, got {value}"));
        };
        let candidates = match self.model.unions.get(ty) {
            Some(members) => members.clone(),
            None => vec![ty.to_owned()],
        };
        let mut problems = Vec::new();
        for concrete in &candidates {
            if let Some(Value::String(typename)) = answer.get("__typename")
                && typename != concrete
            {
                continue;
            }
            let mut fields: Vec<(String, Vec<&'a Field>)> = Vec::new();
            for set in sets {
                self.collect(concrete, ty, set, &mut fields);
            }
            match self.fields(concrete, &fields, answer, path) {
                Ok(()) => return Ok(()),
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            return Err(format!("{path}: the __typename names no member of {ty}"));
        }
        Err(problems.join("; "))
    }

    /// The fields `set` selects on `concrete` (reached through the abstract
    /// type `ty`), grouped by response key.
    fn collect(&self, concrete: &str, ty: &str, set: &'a SelectionSet, fields: &mut Vec<(String, Vec<&'a Field>)>) {
        let applies = |condition: &str| condition == concrete || condition == ty;
        for item in &set.items {
            if left_out(item.node.directives(), self.variables) {
                continue;
            }
            match &item.node {
                Selection::Field(field) => {
                    let key = field.node.response_key().node.to_string();
                    match fields.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, same)) => same.push(&field.node),
                        None => fields.push((key, vec![&field.node])),
                    }
                }
                Selection::InlineFragment(fragment) => {
                    let condition = fragment.node.type_condition.as_ref().map(|c| c.node.on.node.as_str());
                    if condition.is_none_or(applies) {
                        self.collect(concrete, ty, &fragment.node.selection_set.node, fields);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    if let Some(fragment) = self.fragments.get(&spread.node.fragment_name.node)
                        && applies(&fragment.node.type_condition.node.on.node)
                    {
                        self.collect(concrete, ty, &fragment.node.selection_set.node, fields);
                    }
                }
            }
        }
    }

    fn fields(
        &self,
        concrete: &str,
        fields: &[(String, Vec<&'a Field>)],
        answer: &serde_json::Map<String, Value>,
        path: &str,
    ) -> Result<(), String> {
        let selected: Vec<&str> = fields.iter().map(|(key, _)| key.as_str()).collect();
        if let Some(extra) = answer.keys().find(|key| !selected.contains(&key.as_str())) {
            return Err(format!("{path}.{extra}: answered but not selected on {concrete}"));
        }
        for (key, same) in fields {
            let path = format!("{path}.{key}");
            let name = same[0].name.node.as_str();
            let Some(value) = answer.get(key) else {
                if self.complete {
                    return Err(format!("{path}: selected but missing"));
                }
                continue;
            };
            if name == "__typename" {
                if value.as_str() != Some(concrete) {
                    return Err(format!("{path}: {value} is not {concrete}"));
                }
                continue;
            }
            let Some(field) = self.model.field(concrete, name) else {
                return Err(format!("{path}: {concrete} has no field {name}"));
            };
            let sets: Vec<&SelectionSet> = same.iter().map(|field| &field.selection_set.node).collect();
            self.value(&field.ty, &sets, value, &path)?;
        }
        Ok(())
    }

    fn value(&self, ty: &Type, sets: &[&'a SelectionSet], value: &Value, path: &str) -> Result<(), String> {
        if value.is_null() {
            return if ty.nullable {
                Ok(())
            } else {
                Err(format!("{path}: null, but the schema says {ty}"))
            };
        }
        match &ty.base {
            BaseType::List(item) => match value {
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, v)| self.value(item, sets, v, &format!("{path}[{i}]"))),
                other => Err(format!("{path}: expected a list, got {other}")),
            },
            BaseType::Named(name) => {
                if self.model.is_composite(name) {
                    self.object(name, sets, value, path)
                } else {
                    Ok(())
                }
            }
        }
    }
}

#[test]
fn the_walk_finds_a_null_where_the_schema_promises_a_value() {
    let query = r#"{ suggest(prefix: "kub") { score node { ... on Skill { name } } } }"#;
    let broken = serde_json::json!({ "data": { "suggest": [{ "score": 1.0, "node": null }] } });
    let problem = walk_response(query, &Value::Null, &broken).unwrap_err();
    assert!(problem.contains("data.suggest[0].node: null"), "{problem}");
    let right = serde_json::json!({ "data": { "suggest": [{ "score": 1.0, "node": {} }] } });
    assert_eq!(walk_response(query, &Value::Null, &right), Ok(()));
    let named = serde_json::json!({ "data": { "suggest": [{ "score": 1.0, "node": { "name": "Kubernetes" } }] } });
    assert_eq!(walk_response(query, &Value::Null, &named), Ok(()));
}

#[test]
fn the_walk_finds_missing_and_unasked_fields() {
    let query = r#"{ skill(slug: "go") { name kind } }"#;
    let missing = serde_json::json!({ "data": { "skill": { "name": "Go" } } });
    assert!(
        walk_response(query, &Value::Null, &missing)
            .unwrap_err()
            .contains("data.skill.kind: selected but missing")
    );
    let extra = serde_json::json!({ "data": { "skill": { "name": "Go", "kind": "HARD", "slug": "go" } } });
    assert!(
        walk_response(query, &Value::Null, &extra)
            .unwrap_err()
            .contains("answered but not selected")
    );
    let null_kind = serde_json::json!({ "data": { "skill": { "name": "Go", "kind": null } } });
    assert!(
        walk_response(query, &Value::Null, &null_kind)
            .unwrap_err()
            .contains("null, but the schema says SkillKind!")
    );
}
