use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::{Value, json};

use crate::helpers::{Backend, error_code, signed_in, spawn_app, spawn_app_with};

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";

#[tokio::test]
async fn queries_work_over_get_but_mutations_are_refused_with_405() {
    let app = spawn_app(Backend::Sqlite).await;
    let ok = app
        .client
        .get(app.graphql_url())
        .query(&[("query", "{ roles { totalCount } }")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let body: Value = ok.json().await.unwrap();
    assert!(body["data"]["roles"]["totalCount"].as_u64().unwrap() >= 40);

    let mutation = app
        .client
        .get(app.graphql_url())
        .query(&[("query", "mutation { __typename }")])
        .send()
        .await
        .unwrap();
    assert_eq!(mutation.status(), 405);
    assert_eq!(mutation.headers()["allow"], "POST");
}

#[tokio::test]
async fn request_errors_are_400_without_data_under_graphql_response_json_and_200_under_json() {
    let app = spawn_app(Backend::Sqlite).await;
    for (accept, status, has_data) in [(GRAPHQL_RESPONSE_JSON, 400, false), ("application/json", 200, true)] {
        let response = app
            .client
            .post(app.graphql_url())
            .header(ACCEPT, accept)
            .json(&json!({ "query": "{ roles { nope } }" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{accept}");
        assert!(response.headers()[CONTENT_TYPE].to_str().unwrap().starts_with(accept));
        let body: Value = response.json().await.unwrap();
        assert_eq!(body.get("data").is_some(), has_data, "{accept}: {body}");
        assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED");
    }
}

#[tokio::test]
async fn a_post_needs_a_json_or_multipart_content_type() {
    let app = spawn_app(Backend::Sqlite).await;
    let query = r#"{"query":"{ roles { totalCount } }"}"#;
    let without = app.client.post(app.graphql_url()).body(query).send().await.unwrap();
    assert_eq!(without.status(), 415);
    assert_eq!(error_code(&without.json().await.unwrap()), "UNSUPPORTED_MEDIA_TYPE");

    let plain = app
        .client
        .post(app.graphql_url())
        .header(CONTENT_TYPE, "text/plain")
        .body(query)
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status(), 415);
}

#[tokio::test]
async fn multipart_without_a_preflight_header_is_refused_as_possible_csrf() {
    let app = spawn_app(Backend::Sqlite).await;
    let form = || {
        reqwest::multipart::Form::new()
            .text("operations", r#"{"query":"{ roles { totalCount } }","variables":{}}"#)
            .text("map", "{}")
    };
    let refused = app
        .client
        .post(app.graphql_url())
        .multipart(form())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let body: Value = refused.json().await.unwrap();
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("apollo-require-preflight")
    );

    let allowed = app
        .client
        .post(app.graphql_url())
        .header("apollo-require-preflight", "true")
        .multipart(form())
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.status(), 200);
}

#[tokio::test]
async fn oversized_bodies_and_queries_are_refused_with_413() {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.max_body_bytes = 64 * 1024;
        s.max_query_bytes = 4 * 1024;
    })
    .await;
    let padding = "x".repeat(100 * 1024);
    let body = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": "{ roles { totalCount } }", "variables": { "pad": padding } }))
        .send()
        .await
        .unwrap();
    assert_eq!(body.status(), 413);
    assert_eq!(error_code(&body.json().await.unwrap()), "PAYLOAD_TOO_LARGE");

    let long_query = format!("{{ roles {{ totalCount }} }} # {}", "y".repeat(5 * 1024));
    let query = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": long_query }))
        .send()
        .await
        .unwrap();
    assert_eq!(query.status(), 413);
}

#[tokio::test]
async fn batches_deep_queries_and_alias_floods_are_rejected() {
    let app = spawn_app(Backend::Sqlite).await;
    let batch = app
        .client
        .post(app.graphql_url())
        .json(&json!([{ "query": "{ roles { totalCount } }" }, { "query": "{ roles { totalCount } }" }]))
        .send()
        .await
        .unwrap();
    assert_eq!(batch.status(), 400, "batching is off");

    let deep = format!(
        r#"{{ skill(slug: "go") {{ {} name {} }} }}"#,
        "related { ".repeat(15),
        "}".repeat(15)
    );
    let body = app.graphql(&deep, json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");

    let flood: String = (0..60).map(|i| format!("a{i}: __typename ")).collect();
    let body = app.graphql(&format!("{{ {flood} }}"), json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    assert!(
        body["errors"][0]["message"].as_str().unwrap().contains("60 aliases"),
        "{body}"
    );

    let roots: String = (0..25).map(|i| format!("r{i}: roles {{ totalCount }} ")).collect();
    let body = app.graphql(&format!("{{ {roots} }}"), json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");

    let fine: String = (0..10).map(|i| format!("a{i}: __typename ")).collect();
    assert!(
        app.graphql(&format!("{{ {fine} }}"), json!({}))
            .await
            .get("errors")
            .is_none()
    );
}

#[tokio::test]
async fn a_browser_opening_the_endpoint_gets_graphiql() {
    let app = spawn_app(Backend::Sqlite).await;
    let page = app
        .client
        .get(app.graphql_url())
        .header(ACCEPT, "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().to_lowercase().contains("graphiql"));
}

/// Documents are parsed once and cached by their text, but every request is
/// still validated with its own variables and operation name.
#[tokio::test]
async fn a_cached_document_is_still_validated_per_request() {
    let app = spawn_app(Backend::Sqlite).await;
    let query = "query One($slug: String!) { skill(slug: $slug) { name } } query Two { __typename }";
    let request = |body: Value| {
        let client = app.client.clone();
        let url = app.graphql_url();
        async move {
            let response: Value = client.post(url).json(&body).send().await.unwrap().json().await.unwrap();
            response
        }
    };
    for _ in 0..2 {
        let ok = request(json!({ "query": query, "operationName": "One", "variables": { "slug": "go" } })).await;
        assert_eq!(ok["data"]["skill"]["name"], "Go", "{ok}");
        let wrong_type = request(json!({ "query": query, "operationName": "One", "variables": { "slug": 7 } })).await;
        assert_eq!(error_code(&wrong_type), "GRAPHQL_VALIDATION_FAILED", "{wrong_type}");
        let unknown = request(json!({ "query": query, "operationName": "Three" })).await;
        assert_eq!(error_code(&unknown), "GRAPHQL_VALIDATION_FAILED", "{unknown}");
        let broken = request(json!({ "query": "{ skill(slug: " })).await;
        assert_eq!(error_code(&broken), "GRAPHQL_PARSE_FAILED", "{broken}");
    }
}

/// Under `Accept: application/graphql-response+json`, every kind of error
/// the endpoint gives comes as that media type with its `extensions.code`:
/// a request refused before execution without `data` and with a 4xx, a
/// field error with `data` and a 200.
#[tokio::test]
async fn every_error_kind_answers_in_graphql_response_json() {
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.max_body_bytes = 64 * 1024;
        s.rate_requests_per_minute = 30;
    })
    .await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let post = |body: Value| app.client.post(app.graphql_url()).json(&body);
    // (what, request, status, code, whether the body has `data`)
    let cases = [
        ("parse", post(json!({ "query": "{ skill(" })), 400, "GRAPHQL_PARSE_FAILED", false),
        ("validation", post(json!({ "query": "{ roles { nope } }" })), 400, "GRAPHQL_VALIDATION_FAILED", false),
        (
            "variable of the wrong type",
            post(json!({ "query": "query($s: String!) { skill(slug: $s) { name } }", "variables": { "s": 7 } })),
            400,
            "GRAPHQL_VALIDATION_FAILED",
            false,
        ),
        (
            "unknown operation",
            post(json!({ "query": "query A { __typename }", "operationName": "B" })),
            400,
            "GRAPHQL_VALIDATION_FAILED",
            false,
        ),
        // A body without `query` holds an empty document, which does not parse.
        ("no query", post(json!({ "variables": {} })), 400, "GRAPHQL_PARSE_FAILED", false),
        (
            "a mutation over GET",
            app.client.get(app.graphql_url()).query(&[("query", "mutation { __typename }")]),
            405,
            "BAD_USER_INPUT",
            false,
        ),
        (
            "no content type",
            app.client.post(app.graphql_url()).body(r#"{"query":"{ __typename }"}"#),
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            false,
        ),
        (
            "a body over the limit",
            post(json!({ "query": "{ __typename }", "variables": { "pad": "x".repeat(100 * 1024) } })),
            413,
            "PAYLOAD_TOO_LARGE",
            false,
        ),
        (
            "an unknown credential",
            post(json!({ "query": "{ __typename }" })).bearer_auth("not-a-token"),
            401,
            "UNAUTHENTICATED",
            false,
        ),
        ("a field's bad input", post(json!({ "query": r#"{ search(query: "") { score } }"# })), 200, "BAD_USER_INPUT", true),
        ("not signed in", post(json!({ "query": "{ apiKeys { name } }" })), 200, "UNAUTHENTICATED", true),
        ("not allowed", post(json!({ "query": "{ apiKeys { name } }" })).bearer_auth(&editor), 200, "FORBIDDEN", true),
        (
            "not found",
            post(json!({ "query": r#"mutation { updateSkill(slug: "no-such-skill", input: { name: "X" }) { slug } }"# }))
                .bearer_auth(&editor),
            200,
            "NOT_FOUND",
            true,
        ),
        (
            "conflict",
            post(json!({ "query": r#"mutation { createSkill(input: { name: "Kube", slug: "kubernetes", kind: HARD }) { slug } }"# }))
                .bearer_auth(&editor),
            200,
            "CONFLICT",
            true,
        ),
    ];
    for (what, request, status, code, has_data) in cases {
        let response = request.header(ACCEPT, GRAPHQL_RESPONSE_JSON).send().await.unwrap();
        assert_eq!(response.status(), status, "{what}");
        assert_eq!(response.headers()[CONTENT_TYPE], GRAPHQL_RESPONSE_JSON, "{what}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(error_code(&body), code, "{what}: {body}");
        assert_eq!(body.get("data").is_some(), has_data, "{what}: {body}");
    }

    // The budget of 30 requests a minute is spent by now.
    let mut limited = None;
    for _ in 0..30 {
        let response = post(json!({ "query": "{ __typename }" }))
            .header(ACCEPT, GRAPHQL_RESPONSE_JSON)
            .send()
            .await
            .unwrap();
        if response.status() == 429 {
            limited = Some(response);
            break;
        }
    }
    let limited = limited.expect("the rate limit answers 429");
    assert_eq!(limited.headers()[CONTENT_TYPE], GRAPHQL_RESPONSE_JSON);
    assert!(limited.headers().contains_key("retry-after"));
    let body: Value = limited.json().await.unwrap();
    assert_eq!(error_code(&body), "RATE_LIMITED", "{body}");
}

/// A request still running at the time limit gets a coded error, not an
/// empty 408. With a limit of zero, a login (which hashes on a blocking
/// thread) is always still running.
#[tokio::test]
async fn a_request_over_the_time_limit_is_answered_408_with_a_code() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.request_timeout_secs = 0).await;
    let response = app
        .client
        .post(app.graphql_url())
        .header(ACCEPT, GRAPHQL_RESPONSE_JSON)
        .json(&json!({ "query": r#"mutation { login(email: "a@example.com", password: "a long enough password") { token } }"# }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 408);
    assert_eq!(response.headers()[CONTENT_TYPE], GRAPHQL_RESPONSE_JSON);
    let body: Value = response.json().await.unwrap();
    assert_eq!(error_code(&body), "REQUEST_TIMEOUT", "{body}");
}
