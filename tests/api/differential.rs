//! The plain path (`src/graphql/plain.rs`) answers scan reports and their
//! long lists in one pass beside async-graphql's resolvers. Generated selection
//! sets over the scan report, search hits and taxonomy objects (fields,
//! aliases, repeated fields, inline and named fragments on every union
//! member, `__typename`, `@include` and `@skip` with variables and literals)
//! must get byte for byte the same answer from both, and every answer must
//! keep the schema's promises (`schema_walk`).

use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use async_graphql::parser::types::{BaseType, Type};
use async_graphql::{Request, Variables};
use atscan::graphql::plain::OrdinaryResolvers;
use atscan::startup::LocalApi;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Value, json};

use crate::schema_walk::{SchemaModel, walk_response};

const RESUME: &str = include_str!("../fixtures/scan/bench/resume.txt");
const JOB: &str = include_str!("../fixtures/scan/bench/job.txt");

/// A root field to select under, and the variable it needs.
struct Root {
    mutation: bool,
    field: &'static str,
    call: &'static str,
    input: Option<&'static str>,
}

const ROOTS: &[Root] = &[
    Root {
        mutation: true,
        field: "scan",
        call: "scan(input: $input)",
        input: Some("$input: ScanInput!"),
    },
    Root {
        mutation: true,
        field: "rankResumes",
        call: "rankResumes(role: \"backend-developer\", resumes: [{ text: $resume }, { text: \"Nurse. Patient care.\" }])",
        input: Some("$resume: String!"),
    },
    Root {
        mutation: false,
        field: "extractKeywords",
        call: "extractKeywords(text: $resume)",
        input: Some("$resume: String!"),
    },
    Root {
        mutation: false,
        field: "suggest",
        call: "suggest(prefix: \"dev\", first: 12)",
        input: None,
    },
    Root {
        mutation: false,
        field: "search",
        call: "search(query: \"engineer\")",
        input: None,
    },
    Root {
        mutation: false,
        field: "skill",
        call: "skill(slug: \"kubernetes\")",
        input: None,
    },
    Root {
        mutation: false,
        field: "role",
        call: "role(slug: \"backend-developer\")",
        input: None,
    },
];

/// How deep the generated selections reach below the root field.
const MAX_DEPTH: usize = 4;

/// splitmix64: the generator's only source of choices, from one seed, so
/// that a failing case is reproduced by its seed.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Writes one operation from a seed.
struct Generator<'m> {
    model: &'m SchemaModel,
    dice: Dice,
    aliases: usize,
    fragments: Vec<String>,
    /// The Boolean variables the directives use (`yes`, `no`).
    flags: BTreeSet<&'static str>,
}

fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(item) => named(item),
    }
}

impl Generator<'_> {
    fn operation(&mut self, root: &Root) -> String {
        let root_type = &self.model.roots[if root.mutation { "mutation" } else { "query" }];
        let field = self.model.objects[root_type]
            .iter()
            .find(|field| field.name == root.field)
            .expect("the root field is in the schema");
        let selection = self.selection(named(&field.ty), 0);
        let mut variables: Vec<&str> = root.input.into_iter().collect();
        let flags: Vec<String> = self.flags.iter().map(|flag| format!("${flag}: Boolean!")).collect();
        variables.extend(flags.iter().map(String::as_str));
        let variables = if variables.is_empty() {
            String::new()
        } else {
            format!("({})", variables.join(", "))
        };
        let kind = if root.mutation { "mutation" } else { "query" };
        format!(
            "{kind} Generated{variables} {{ {} {selection} }} {}",
            root.call,
            self.fragments.join(" ")
        )
    }

    /// A selection set `{ ... }` on the object or union `ty`.
    fn selection(&mut self, ty: &str, depth: usize) -> String {
        let items = 1 + self.dice.below(4);
        let mut chosen: Vec<String> = Vec::new();
        for _ in 0..items {
            let item = match self.model.unions.get(ty) {
                Some(members) => {
                    let member = self.dice.pick(members).clone();
                    match self.dice.below(4) {
                        0 => "__typename".to_owned(),
                        1 => self.named_fragment(&member, depth),
                        _ => format!("... on {member} {}", self.selection(&member, depth)),
                    }
                }
                None => match self.dice.below(20) {
                    0 => {
                        let directive = if self.dice.chance(50) {
                            self.directive()
                        } else {
                            String::new()
                        };
                        format!("... {directive} {}", self.selection(ty, depth))
                    }
                    1 => format!("... on {ty} {}", self.selection(ty, depth)),
                    2 => self.named_fragment(ty, depth),
                    3 => format!("{} __typename", self.alias()),
                    // The same field again: the answers' selections merge.
                    4 if !chosen.is_empty() => chosen[self.dice.below(chosen.len())].clone(),
                    _ => self.field(ty, depth),
                },
            };
            chosen.push(item);
        }
        format!("{{ {} }}", chosen.join(" "))
    }

    /// A field of the object `ty`, perhaps aliased or under a directive, with
    /// a selection of its own if it is an object.
    fn field(&mut self, ty: &str, depth: usize) -> String {
        let model = self.model;
        let fields: Vec<_> = model.objects[ty]
            .iter()
            .filter(|field| !field.needs_arguments)
            .filter(|field| depth < MAX_DEPTH || !model.is_composite(named(&field.ty)))
            .collect();
        let field = *self.dice.pick(&fields);
        let mut text = String::new();
        if self.dice.chance(15) {
            text.push_str(&self.alias());
            text.push(' ');
        }
        text.push_str(&field.name);
        if self.dice.chance(15) {
            text.push(' ');
            text.push_str(&self.directive());
        }
        let inner = named(&field.ty);
        if model.is_composite(inner) {
            text.push(' ');
            text.push_str(&self.selection(inner, depth + 1));
        }
        text
    }

    fn named_fragment(&mut self, ty: &str, depth: usize) -> String {
        let name = format!("F{}", self.fragments.len());
        // Reserve the name before the body, which may define fragments too.
        self.fragments.push(String::new());
        let index = self.fragments.len() - 1;
        let body = self.selection(ty, depth);
        self.fragments[index] = format!("fragment {name} on {ty} {body}");
        format!("...{name}")
    }

    /// A new alias, or none once the operation has as many as the API
    /// allows (50).
    fn alias(&mut self) -> String {
        if self.aliases == 40 {
            return String::new();
        }
        self.aliases += 1;
        format!("a{}:", self.aliases)
    }

    fn directive(&mut self) -> String {
        let directive = *self.dice.pick(&["include", "skip"]);
        let condition = *self.dice.pick(&["$yes", "$no", "true", "false"]);
        if let Some(flag) = condition.strip_prefix('$') {
            self.flags.insert(flag);
        }
        format!("@{directive}(if: {condition})")
    }
}

fn generate(seed: u64) -> String {
    let mut dice = Dice(seed);
    let root = dice.pick(ROOTS);
    let mut generator = Generator {
        model: SchemaModel::get(),
        dice,
        aliases: 0,
        fragments: Vec::new(),
        flags: BTreeSet::new(),
    };
    generator.operation(root)
}

fn variables() -> Value {
    json!({
        "input": { "resumeText": RESUME, "jobDescription": JOB },
        "resume": RESUME,
        "yes": true,
        "no": false,
    })
}

/// One operation answered by both paths: the two JSON texts.
async fn both_paths(api: &LocalApi, query: &str) -> (String, String) {
    let request = |ordinary: bool| {
        // Only the variables the operation declares may be sent.
        let mut sent = serde_json::Map::new();
        for (name, value) in variables().as_object().into_iter().flatten() {
            if query.contains(&format!("${name}:")) {
                sent.insert(name.clone(), value.clone());
            }
        }
        let request = Request::new(query).variables(Variables::from_json(Value::Object(sent)));
        if ordinary {
            request.data(OrdinaryResolvers)
        } else {
            request
        }
    };
    let plain = api.run(request(false)).await;
    let ordinary = api.run(request(true)).await;
    (
        serde_json::to_string(&plain).unwrap(),
        serde_json::to_string(&ordinary).unwrap(),
    )
}

fn local_api(runtime: &tokio::runtime::Runtime) -> &'static LocalApi {
    static API: OnceLock<LocalApi> = OnceLock::new();
    API.get_or_init(|| {
        runtime
            .block_on(LocalApi::open(None))
            .expect("the embedded knowledge base loads")
    })
}

#[test]
fn the_plain_path_and_the_resolvers_give_the_same_answer_to_any_selection() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let api = local_api(&runtime);
    let answered = Cell::new(0);
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    });
    let outcome = runner.run(&any::<u64>(), |seed| {
        let query = generate(seed);
        let (plain, ordinary) = runtime.block_on(both_paths(api, &query));
        prop_assert_eq!(&plain, &ordinary, "the paths differ on {}", query);
        let response: Value = serde_json::from_str(&plain).unwrap();
        walk_response(&query, &variables(), &response)
            .map_err(|problem| TestCaseError::fail(format!("{problem}\n{query}")))?;
        if response.get("errors").is_none() {
            answered.set(answered.get() + 1);
        }
        Ok(())
    });
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
    // The generator must write operations the schema accepts, or the
    // comparison says little.
    let answered = answered.get();
    assert!(
        answered >= 300,
        "only {answered} of 400 generated operations ran without errors"
    );
}

#[test]
fn the_generator_reaches_every_kind_of_selection() {
    let operations: Vec<String> = (0..400).map(generate).collect();
    let text = operations.join("\n");
    for needle in [
        "... on Skill",
        "... on Role",
        "... on Mistake",
        "fragment F0 on",
        "__typename",
        "@skip(if: $yes)",
        "@include(if: $no)",
        "... @",
        "a1:",
        "matched {",
        "missing {",
        "resumeKeywords {",
        "spans {",
    ] {
        assert!(text.contains(needle), "no generated operation holds {needle}");
    }
}

/// The case that was answered `"node": null`: a Role hit selected only
/// through a fragment on Skill gets `{}`.
#[test]
fn a_union_member_that_no_fragment_selects_is_an_empty_object() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let api = local_api(&runtime);
    let query = "{ suggest(prefix: \"dev\", first: 20) { matchedText node { ... on Skill { name } } } }";
    let response = runtime.block_on(api.execute(query, json!({})));
    let body = serde_json::to_value(&response).unwrap();
    let hits = body["data"]["suggest"].as_array().expect("hits");
    assert!(
        hits.iter().any(|hit| hit["node"] == json!({})),
        "a Role hit (DevOps Engineer) answered with an empty object: {body}"
    );
    assert!(hits.iter().all(|hit| !hit["node"].is_null()), "{body}");
    assert!(hits.iter().any(|hit| hit["node"]["name"].is_string()), "{body}");
}
