use serde_json::{Value, json};

use crate::helpers::{Backend, error_code, on_both_databases, spawn_app};

on_both_databases!(
    a_fresh_server_serves_the_seeded_backend_developer_role,
    a_skill_shows_its_aliases_category_related_skills_and_roles,
    an_imported_skill_names_its_source_and_a_curated_one_none,
    skills_filter_by_category_kind_and_role,
    mistakes_of_a_role_include_general_and_role_specific_ones,
    pages_of_a_connection_cover_the_whole_list_exactly_once,
    bad_arguments_get_precise_error_codes,
);

async fn a_fresh_server_serves_the_seeded_backend_developer_role(backend: Backend) {
    let app = spawn_app(backend).await;
    let data = app
        .data(
            r#"{ role(slug: "backend-developer") { title aliases skills(first: 100) { totalCount edges { node { importance skill { slug } } } } } }"#,
            json!({}),
        )
        .await;
    let role = &data["role"];
    assert_eq!(role["title"], "Backend Developer");
    assert!(
        role["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Backend Engineer")
    );
    assert!(role["skills"]["totalCount"].as_u64().unwrap() >= 25);
    let slugs: Vec<&str> = role["skills"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["skill"]["slug"].as_str().unwrap())
        .collect();
    for expected in [
        "postgresql",
        "redis",
        "docker",
        "rest-api",
        "jwt",
        "oauth",
        "kubernetes",
    ] {
        assert!(
            slugs.contains(&expected),
            "backend developer lacks {expected}: {slugs:?}"
        );
    }
    let first = &role["skills"]["edges"][0]["node"];
    assert_eq!(first["importance"], "REQUIRED", "required skills come first");
}

async fn a_skill_shows_its_aliases_category_related_skills_and_roles(backend: Backend) {
    let app = spawn_app(backend).await;
    let data = app
        .data(
            r#"{ skill(slug: "kubernetes") { id name kind aliases category { slug } related { slug }
                 roles { importance role { slug } } } missing: skill(slug: "no-such-skill") { name } }"#,
            json!({}),
        )
        .await;
    let skill = &data["skill"];
    assert_eq!(skill["name"], "Kubernetes");
    assert_eq!(skill["kind"], "HARD");
    assert!(
        skill["aliases"].as_array().unwrap().iter().any(|a| a == "k8s"),
        "{skill}"
    );
    assert!(!skill["related"].as_array().unwrap().is_empty());
    assert!(
        skill["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["role"]["slug"] == "devops-engineer"),
        "{skill}"
    );
    assert!(skill["category"]["slug"].is_string());
    assert!(data["missing"].is_null());
}

async fn an_imported_skill_names_its_source_and_a_curated_one_none(backend: Backend) {
    let app = spawn_app(backend).await;
    let data = app
        .data(
            r#"{ imported: skill(slug: "garageband") { name source } curated: skill(slug: "kubernetes") { source } }"#,
            json!({}),
        )
        .await;
    assert_eq!(data["imported"]["name"], "GarageBand");
    assert!(
        data["imported"]["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("Lightcast Open Skills ")),
        "{data}"
    );
    assert!(data["curated"]["source"].is_null(), "{data}");
}

async fn skills_filter_by_category_kind_and_role(backend: Backend) {
    let app = spawn_app(backend).await;
    let data = app
        .data(
            r#"{ databases: skills(category: "databases", first: 100) { totalCount edges { node { category { slug } } } }
                 certs: skills(kind: CERTIFICATION, first: 100) { totalCount edges { node { kind } } }
                 nurse: skills(role: "registered-nurse", first: 100) { totalCount edges { node { slug } } }
                 all: skills { totalCount } }"#,
            json!({}),
        )
        .await;
    let total = data["all"]["totalCount"].as_u64().unwrap();
    for (field, check) in [("databases", "category"), ("certs", "kind")] {
        let count = data[field]["totalCount"].as_u64().unwrap();
        assert!(count > 0 && count < total, "{field}: {count} of {total}");
        for edge in data[field]["edges"].as_array().unwrap() {
            match check {
                "category" => assert_eq!(edge["node"]["category"]["slug"], "databases"),
                _ => assert_eq!(edge["node"]["kind"], "CERTIFICATION"),
            }
        }
    }
    let nurse: Vec<&str> = data["nurse"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["slug"].as_str().unwrap())
        .collect();
    assert!(nurse.contains(&"patient-care"), "{nurse:?}");
    assert!(!nurse.contains(&"kubernetes"));
}

async fn mistakes_of_a_role_include_general_and_role_specific_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    let data = app
        .data(
            r#"{ backend: mistakes(role: "backend-developer", first: 100) { edges { node { slug roles { slug } detector { kind parameters } } } }
                 nurse: mistakes(role: "registered-nurse", first: 100) { edges { node { slug } } }
                 all: mistakes { totalCount } }"#,
            json!({}),
        )
        .await;
    let slugs = |field: &str| -> Vec<String> {
        data[field]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    let backend_mistakes = slugs("backend");
    assert!(backend_mistakes.contains(&"frontend-skills-as-backend".to_owned()));
    assert!(
        backend_mistakes.contains(&"vague-wording".to_owned()),
        "general mistakes apply to every role"
    );
    assert!(!slugs("nurse").contains(&"frontend-skills-as-backend".to_owned()));
    let off_role = data["backend"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["slug"] == "frontend-skills-as-backend")
        .unwrap();
    assert_eq!(off_role["node"]["detector"]["kind"], "OFF_ROLE_SKILLS");
    assert!(
        off_role["node"]["detector"]["parameters"]["skills"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "html")
    );
}

async fn pages_of_a_connection_cover_the_whole_list_exactly_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let query = r#"query($after: String) { roles(first: 7, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug } } } }"#;
    let mut after = Value::Null;
    let mut seen = Vec::new();
    let total = loop {
        let data = app.data(query, json!({ "after": after })).await;
        let page = &data["roles"];
        for edge in page["edges"].as_array().unwrap() {
            let slug = edge["node"]["slug"].as_str().unwrap().to_owned();
            assert_ne!(edge["cursor"].as_str().unwrap(), slug, "cursors are opaque");
            seen.push(slug);
        }
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break page["totalCount"].as_u64().unwrap();
        }
        after = page["pageInfo"]["endCursor"].clone();
    };
    assert_eq!(seen.len() as u64, total);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen, "pages are in slug order without repeats");
    assert!(total >= 40);
}

async fn bad_arguments_get_precise_error_codes(backend: Backend) {
    let app = spawn_app(backend).await;
    let cases = [
        (r#"{ roles(after: "not-a-cursor") { totalCount } }"#, "BAD_USER_INPUT"),
        (r#"{ roles(first: -1) { totalCount } }"#, "BAD_USER_INPUT"),
        (r#"{ skills(role: "astronaut") { totalCount } }"#, "NOT_FOUND"),
        (r#"{ mistakes(role: "astronaut") { totalCount } }"#, "NOT_FOUND"),
        (r#"{ skills(category: "alchemy") { totalCount } }"#, "NOT_FOUND"),
        (r#"{ roles { noSuchField } }"#, "GRAPHQL_VALIDATION_FAILED"),
        (r#"{ roles { "#, "GRAPHQL_PARSE_FAILED"),
    ];
    for (query, code) in cases {
        let body = app.graphql(query, json!({})).await;
        assert_eq!(error_code(&body), code, "{query}: {body}");
    }
}
