use serde_json::json;

use crate::helpers::{Backend, error_code, on_both_databases, signed_in, spawn_app};

on_both_databases!(
    a_new_skill_and_its_alias_are_served_at_once_and_audited,
    concurrent_edits_of_one_skill_let_exactly_one_win,
);

async fn a_new_skill_and_its_alias_are_served_at_once_and_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = signed_in(&app, "admin@example.com", "admin").await;
    let (_, created) = app
        .graphql_as(
            &admin,
            r#"mutation { createSkill(input: { name: "Zeebe", slug: "zeebe-workflows", kind: HARD,
                category: "backend-development", description: "Workflow engine of Camunda 8.",
                aliases: ["Zeebe.io"], related: ["go"] }) { slug name aliases version } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        created["data"]["createSkill"]["aliases"],
        json!(["Zeebe.io"]),
        "{created}"
    );
    assert_eq!(created["data"]["createSkill"]["version"], 1);

    let (_, with_alias) = app
        .graphql_as(
            &admin,
            r#"mutation { addAlias(skill: "zeebe-workflows", alias: "temporalio") { aliases } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        with_alias["data"]["addAlias"]["aliases"],
        json!(["Zeebe.io", "temporalio"])
    );
    let read = app
        .data(
            r#"{ skill(slug: "zeebe-workflows") { name aliases related { slug } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        read["skill"]["related"],
        json!([{ "slug": "go" }]),
        "the next request sees the change"
    );

    let (_, log) = app
        .graphql_as(
            &admin,
            r#"{ auditLog(first: 5, entity: "skill") { totalCount entries { actor action slug before after } } }"#,
            json!({}),
        )
        .await;
    let entries = &log["data"]["auditLog"]["entries"];
    assert_eq!(log["data"]["auditLog"]["totalCount"], 2, "{log}");
    assert_eq!(entries[0]["action"], "addAlias");
    assert_eq!(entries[0]["actor"], "user:admin@example.com");
    assert_eq!(entries[0]["before"]["aliases"], json!(["Zeebe.io"]));
    assert_eq!(entries[0]["after"]["aliases"], json!(["Zeebe.io", "temporalio"]));
    assert_eq!(entries[1]["action"], "createSkill");
    assert!(entries[1]["before"].is_null());
}

async fn concurrent_edits_of_one_skill_let_exactly_one_win(backend: Backend) {
    let app = spawn_app(backend).await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let version = app.data(r#"{ skill(slug: "redis") { version } }"#, json!({})).await["skill"]["version"]
        .as_i64()
        .unwrap();
    let update = |description: &'static str| {
        let app = &app;
        let editor = &editor;
        async move {
            app.graphql_as(
                editor,
                "mutation($v: Int!, $d: String!) { updateSkill(slug: \"redis\", input: { description: $d }, expectedVersion: $v) { version description } }",
                json!({ "v": version, "d": description }),
            )
            .await
            .1
        }
    };
    let (a, b) = tokio::join!(
        update("In-memory data store, edit A."),
        update("In-memory data store, edit B.")
    );
    let outcomes = [&a, &b];
    let winners: Vec<_> = outcomes.iter().filter(|r| r.get("errors").is_none()).collect();
    let losers: Vec<_> = outcomes.iter().filter(|r| r.get("errors").is_some()).collect();
    assert_eq!(winners.len(), 1, "{a} {b}");
    assert_eq!(error_code(losers[0]), "CONFLICT");
    let winner = &winners[0]["data"]["updateSkill"];
    assert_eq!(winner["version"].as_i64().unwrap(), version + 1);
    let stored = app.data(r#"{ skill(slug: "redis") { description } }"#, json!({})).await;
    assert_eq!(
        stored["skill"]["description"], winner["description"],
        "the loser wrote nothing"
    );
}

#[tokio::test]
async fn curation_refuses_clashes_and_malformed_input_with_precise_codes() {
    let app = spawn_app(Backend::Sqlite).await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let cases = [
        (
            r#"mutation { addAlias(skill: "docker", alias: "k8s") { name } }"#,
            "CONFLICT",
            "kubernetes",
        ),
        (
            r#"mutation { deleteSkill(slug: "docker") }"#,
            "CONFLICT",
            "backend-developer",
        ),
        (
            r#"mutation { createSkill(input: { name: "X", slug: "Bad Slug", kind: HARD }) { name } }"#,
            "BAD_USER_INPUT",
            "slug",
        ),
        (
            r#"mutation { createSkill(input: { name: "  ", slug: "blank", kind: HARD }) { name } }"#,
            "BAD_USER_INPUT",
            "name",
        ),
        (
            r#"mutation { createSkill(input: { name: "Docker", kind: HARD }) { name } }"#,
            "CONFLICT",
            "docker",
        ),
        (
            r#"mutation { updateSkill(slug: "docker", input: { related: ["nope"] }) { name } }"#,
            "BAD_USER_INPUT",
            "nope",
        ),
        (
            r#"mutation { updateSkill(slug: "nope", input: { name: "Nope" }) { name } }"#,
            "NOT_FOUND",
            "nope",
        ),
        (
            r#"mutation { updateSkill(slug: "docker", input: { name: "Docker" }, expectedVersion: 99) { name } }"#,
            "CONFLICT",
            "version",
        ),
        (
            r#"mutation { createMistake(input: { title: "T", description: "D", fix: "F", detector: { kind: "MAGIC" } }) { slug } }"#,
            "BAD_USER_INPUT",
            "MAGIC",
        ),
    ];
    for (query, code, mentions) in cases {
        let (_, body) = app.graphql_as(&editor, query, json!({})).await;
        assert_eq!(error_code(&body), code, "{query}: {body}");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(mentions), "{query}: {message}");
    }
    let (_, named) = app
        .graphql_as(
            &editor,
            r#"mutation { deleteSkill(slug: "docker", force: true) }"#,
            json!({}),
        )
        .await;
    assert_eq!(error_code(&named), "CONFLICT", "a detector names docker: {named}");
    let (_, forced) = app
        .graphql_as(
            &editor,
            r#"mutation { deleteSkill(slug: "memcached", force: true) }"#,
            json!({}),
        )
        .await;
    assert_eq!(forced["data"]["deleteSkill"], true, "{forced}");
    let gone = app
        .data(
            r#"{ skill(slug: "memcached") { name } role(slug: "backend-developer") { skills(first: 200) { edges { node { skill { slug } } } } } }"#,
            json!({}),
        )
        .await;
    assert!(gone["skill"].is_null());
    assert!(
        !gone["role"].to_string().contains("\"memcached\""),
        "roles were unlinked"
    );
}

#[tokio::test]
async fn admins_import_a_taxonomy_file_by_upload_and_export_it_as_json() {
    let app = spawn_app(Backend::Sqlite).await;
    let admin = signed_in(&app, "admin@example.com", "admin").await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let bundle = "[[skill]]\nslug = \"zeebe-workflows\"\nname = \"Zeebe\"\nkind = \"hard\"\naliases = [\"Zeebe.io\"]\n";
    let upload = |token: &str| {
        let form = reqwest::multipart::Form::new()
            .text(
                "operations",
                json!({ "query": "mutation($f: Upload!) { importTaxonomy(file: $f, mode: MERGE) }", "variables": { "f": null } })
                    .to_string(),
            )
            .text("map", r#"{ "0": ["variables.f"] }"#)
            .part("0", reqwest::multipart::Part::text(bundle).file_name("extra.toml"));
        app.client
            .post(app.graphql_url())
            .bearer_auth(token)
            .header("apollo-require-preflight", "true")
            .multipart(form)
            .send()
    };
    let refused: serde_json::Value = upload(&editor).await.unwrap().json().await.unwrap();
    assert_eq!(error_code(&refused), "FORBIDDEN");
    let imported: serde_json::Value = upload(&admin).await.unwrap().json().await.unwrap();
    assert!(imported["data"]["importTaxonomy"].as_i64().unwrap() >= 2, "{imported}");
    let skill = app
        .data(r#"{ skill(slug: "zeebe-workflows") { aliases } }"#, json!({}))
        .await;
    assert_eq!(skill["skill"]["aliases"], json!(["Zeebe.io"]));

    let (_, exported) = app.graphql_as(&admin, "{ exportTaxonomy }", json!({})).await;
    let skills = exported["data"]["exportTaxonomy"]["skills"].as_array().unwrap();
    assert!(skills.iter().any(|s| s["slug"] == "zeebe-workflows"));
    assert!(skills.len() >= 1_500);
}
