use serde_json::{Value, json};

use crate::helpers::{Backend, error_code, signed_in, spawn_app};

const SEARCH: &str = "query($q: String!, $k: [SearchKind!], $n: Int) { search(query: $q, kinds: $k, first: $n) {
    score matchedText matchedBy node { __typename ... on Skill { slug } ... on Role { slug } ... on Mistake { slug } } } }";
const SUGGEST: &str = "query($p: String!, $k: [SearchKind!]) { suggest(prefix: $p, kinds: $k) { node { ... on Skill { slug } ... on Role { slug } } } }";

fn slugs(hits: &Value) -> Vec<String> {
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["node"]["slug"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn search_ranks_aliases_typos_and_roles_through_the_api() {
    let app = spawn_app(Backend::Sqlite).await;
    for (query, first, matched) in [
        ("k8s", "kubernetes", Some("k8s")),
        ("postgress", "postgresql", None),
        ("c#", "csharp", None),
    ] {
        let data = app.data(SEARCH, json!({ "q": query })).await;
        let top = &data["search"][0];
        assert_eq!(top["node"]["slug"], first, "{query}: {data}");
        if let Some(matched) = matched {
            assert_eq!(top["matchedText"], matched);
            assert_eq!(top["matchedBy"], "EXACT");
        }
    }
    let roles = app.data(SEARCH, json!({ "q": "backend", "k": ["ROLE"] })).await;
    assert!(
        roles["search"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["node"]["__typename"] == "Role")
    );
    assert_eq!(roles["search"][0]["node"]["slug"], "backend-developer");

    let suggested = app.data(SUGGEST, json!({ "p": "reac" })).await;
    let suggested = slugs(&suggested["suggest"]);
    assert!(suggested.iter().take(3).any(|s| s == "react"), "{suggested:?}");
    assert!(suggested.contains(&"react-native".to_owned()), "{suggested:?}");

    let capped = app.data(SEARCH, json!({ "q": "data", "n": 500 })).await;
    assert_eq!(capped["search"].as_array().unwrap().len(), 50, "first is capped at 50");
}

#[tokio::test]
async fn hostile_search_input_is_refused_or_answered_never_a_crash() {
    let app = spawn_app(Backend::Sqlite).await;
    for empty in ["", "   ", "\u{0}\u{7}"] {
        let body = app.graphql(SEARCH, json!({ "q": empty })).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{empty:?}: {body}");
    }
    let long = "kubernetes ".repeat(1_000);
    for query in [long.as_str(), "\"docker:(*~^\\", "title:java OR 1=1", "🚀🚀🚀"] {
        let body = app.graphql(SEARCH, json!({ "q": query })).await;
        assert!(
            body["data"]["search"].is_array() || error_code(&body) == "BAD_USER_INPUT",
            "{body}"
        );
    }
    let body = app.graphql(SEARCH, json!({ "q": "docker", "n": 0 })).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
}

#[tokio::test]
async fn searches_keep_answering_while_curation_swaps_the_index() {
    let app = spawn_app(Backend::Sqlite).await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let searching = async {
        for _ in 0..40 {
            let data = app.data(SEARCH, json!({ "q": "kubernetes" })).await;
            assert_eq!(data["search"][0]["node"]["slug"], "kubernetes");
        }
    };
    let curating = async {
        for i in 0..4 {
            let alias = format!("Zeebe Cloud {i}");
            let query = if i == 0 {
                r#"mutation { createSkill(input: { name: "Zeebe", slug: "zeebe-workflows", kind: HARD }) { slug } }"#
                    .to_owned()
            } else {
                format!(r#"mutation {{ addAlias(skill: "zeebe-workflows", alias: "{alias}") {{ slug }} }}"#)
            };
            let (_, body) = app.graphql_as(&editor, &query, json!({})).await;
            assert!(body.get("errors").is_none(), "{body}");
        }
    };
    tokio::join!(searching, curating);
    let data = app.data(SEARCH, json!({ "q": "temporal cloud 3" })).await;
    assert_eq!(
        data["search"][0]["node"]["slug"], "zeebe-workflows",
        "the newest index serves: {data}"
    );
    assert_eq!(data["search"][0]["matchedText"], "Zeebe Cloud 3");
}
