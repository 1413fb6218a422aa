use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};

use crate::helpers::{Backend, api_key, error_code, signed_in, spawn_app};

const READ: &str = r#"{ skill(slug: "docker") { name } }"#;
const CURATE: &str = r#"mutation { addAlias(skill: "docker", alias: "Docker CE") { aliases } }"#;
const ADMIN: &str = r#"{ apiKeys { name } }"#;

/// The error code a caller gets for a query, or "OK".
async fn outcome(app: &crate::helpers::TestApp, credential: Option<&str>, query: &str) -> String {
    let body = match credential {
        Some(credential) => app.graphql_as(credential, query, json!({})).await.1,
        None => app.graphql(query, json!({})).await,
    };
    match body.get("errors") {
        None => "OK".to_owned(),
        Some(_) => error_code(&body).to_owned(),
    }
}

#[tokio::test]
async fn every_caller_may_do_exactly_what_its_role_or_scopes_allow() {
    let app = spawn_app(Backend::Sqlite).await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let admin = signed_in(&app, "admin@example.com", "admin").await;
    let read_key = api_key(&app, "read").await;
    let scan_key = api_key(&app, "scan").await;
    let curate_key = api_key(&app, "curate").await;

    let matrix: [(&str, Option<&str>, [&str; 3]); 6] = [
        ("anonymous", None, ["OK", "UNAUTHENTICATED", "UNAUTHENTICATED"]),
        ("editor", Some(&editor), ["OK", "OK", "FORBIDDEN"]),
        ("admin", Some(&admin), ["OK", "OK", "OK"]),
        ("key:read", Some(&read_key), ["OK", "FORBIDDEN", "FORBIDDEN"]),
        ("key:scan", Some(&scan_key), ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]),
        ("key:curate", Some(&curate_key), ["FORBIDDEN", "OK", "FORBIDDEN"]),
    ];
    for (caller, credential, expected) in matrix {
        for (query, want) in [READ, CURATE, ADMIN].into_iter().zip(expected) {
            assert_eq!(outcome(&app, credential, query).await, want, "{caller}: {query}");
        }
    }
}

#[tokio::test]
async fn forged_expired_and_foreign_tokens_are_refused_with_401() {
    let app = spawn_app(Backend::Sqlite).await;
    signed_in(&app, "admin@example.com", "admin").await;
    let now = chrono::Utc::now().timestamp();
    let claims = |exp: i64, aud: &str| json!({ "sub": "1", "iss": "atscan", "aud": aud, "iat": now, "exp": exp });
    let secret = b"test-secret-that-is-at-least-32-bytes-long";
    let sign =
        |alg, claims: Value, key: &[u8]| encode(&Header::new(alg), &claims, &EncodingKey::from_secret(key)).unwrap();
    let unsigned = {
        use base64::Engine;
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!(
            "{}.{}.",
            b64(r#"{"alg":"none","typ":"JWT"}"#),
            b64(&claims(now + 600, "atscan-api").to_string())
        )
    };
    let attacks = [
        ("alg none", unsigned),
        ("HS512", sign(Algorithm::HS512, claims(now + 600, "atscan-api"), secret)),
        (
            "bad signature",
            sign(
                Algorithm::HS256,
                claims(now + 600, "atscan-api"),
                b"another-secret-that-is-32-bytes-long!!",
            ),
        ),
        (
            "expired",
            sign(Algorithm::HS256, claims(now - 60, "atscan-api"), secret),
        ),
        (
            "wrong audience",
            sign(Algorithm::HS256, claims(now + 600, "other-api"), secret),
        ),
        ("revoked or unknown key", "atk_not-a-real-key".to_owned()),
    ];
    for (attack, token) in attacks {
        let (status, body) = app.graphql_as(&token, READ, json!({})).await;
        assert_eq!(status, 401, "{attack}");
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{attack}");
    }
    let genuine = sign(Algorithm::HS256, claims(now + 600, "atscan-api"), secret);
    assert_eq!(
        app.graphql_as(&genuine, READ, json!({})).await.0,
        200,
        "the same claims, correctly signed, pass"
    );
}

#[tokio::test]
async fn a_wrong_email_and_a_wrong_password_fail_alike_and_disabled_users_are_locked_out() {
    let app = spawn_app(Backend::Sqlite).await;
    let token = signed_in(&app, "editor@example.com", "editor").await;
    let login = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }";
    let wrong_password = app
        .graphql(login, json!({ "e": "editor@example.com", "p": "not the password" }))
        .await;
    let wrong_email = app
        .graphql(
            login,
            json!({ "e": "nobody@example.com", "p": "a long enough password" }),
        )
        .await;
    assert_eq!(error_code(&wrong_password), "UNAUTHENTICATED");
    assert_eq!(
        wrong_password["errors"][0]["message"],
        wrong_email["errors"][0]["message"]
    );

    let (_, me) = app.graphql_as(&token, "{ me { email role } }", json!({})).await;
    assert_eq!(
        me["data"]["me"],
        json!({ "email": "editor@example.com", "role": "editor" })
    );

    let db = atscan::store::connect(&app.database.url).await.unwrap();
    assert!(
        atscan::store::accounts::disable_user(&db, "editor@example.com")
            .await
            .unwrap()
    );
    assert_eq!(
        app.graphql_as(&token, "{ me { email } }", json!({})).await.0,
        401,
        "the old session dies"
    );
    let again = app
        .graphql(
            login,
            json!({ "e": "editor@example.com", "p": "a long enough password" }),
        )
        .await;
    assert_eq!(error_code(&again), "UNAUTHENTICATED");
}

#[tokio::test]
async fn api_keys_are_shown_once_work_as_header_or_bearer_and_stop_when_revoked() {
    let app = spawn_app(Backend::Sqlite).await;
    let admin = signed_in(&app, "admin@example.com", "admin").await;
    let (_, created) = app
        .graphql_as(
            &admin,
            r#"mutation { createApiKey(name: "jobs board", scopes: [READ, SCAN]) { key apiKey { id prefix scopes } } }"#,
            json!({}),
        )
        .await;
    let key = created["data"]["createApiKey"]["key"].as_str().unwrap().to_owned();
    let id = created["data"]["createApiKey"]["apiKey"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(key.starts_with(created["data"]["createApiKey"]["apiKey"]["prefix"].as_str().unwrap()));

    let (_, listed) = app.graphql_as(&admin, "{ apiKeys { name prefix } }", json!({})).await;
    assert!(!listed.to_string().contains(&key), "the secret is never listed");

    let via_header = app
        .client
        .post(app.graphql_url())
        .header("x-api-key", &key)
        .json(&json!({ "query": READ }))
        .send()
        .await
        .unwrap();
    assert_eq!(via_header.status(), 200);
    assert_eq!(app.graphql_as(&key, READ, json!({})).await.0, 200);

    let (_, revoked) = app
        .graphql_as(
            &admin,
            "mutation($id: ID!) { revokeApiKey(id: $id) }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(revoked["data"]["revokeApiKey"], true);
    assert_eq!(app.graphql_as(&key, READ, json!({})).await.0, 401);
}
