use serde_json::json;

use crate::helpers::{Backend, error_code, spawn_app_with};

#[tokio::test]
async fn a_caller_over_its_budget_gets_429_with_retry_after_and_recovers() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.rate_requests_per_minute = 60).await;
    for _ in 0..60 {
        let ok = app
            .client
            .post(app.graphql_url())
            .json(&json!({ "query": "{ __typename }" }))
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), 200);
    }
    let limited = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(limited.status(), 429);
    let retry_after: u64 = limited.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&retry_after), "{retry_after}");
    assert_eq!(error_code(&limited.json().await.unwrap()), "RATE_LIMITED");

    tokio::time::sleep(std::time::Duration::from_secs(retry_after)).await;
    let recovered = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": "{ __typename }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(recovered.status(), 200);
}

#[tokio::test]
async fn login_attempts_have_their_own_small_budget() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.rate_logins_per_minute = 2).await;
    let login = r#"mutation { login(email: "who@example.com", password: "guess") { token } }"#;
    for _ in 0..2 {
        assert_eq!(error_code(&app.graphql(login, json!({})).await), "UNAUTHENTICATED");
    }
    let limited = app
        .client
        .post(app.graphql_url())
        .json(&json!({ "query": login }))
        .send()
        .await
        .unwrap();
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    let other = app.graphql("{ roles { totalCount } }", json!({})).await;
    assert!(other.get("errors").is_none(), "other requests go on");
}
