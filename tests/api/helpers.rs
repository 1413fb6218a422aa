//! Starting the real application on port 0, on SQLite or on a fresh
//! PostgreSQL database, and talking to it over HTTP.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use atscan::config::Settings;
use atscan::knowledge::Knowledge;
use atscan::startup::Application;
use sea_orm::{ConnectionTrait, Database};
use serde_json::{Value, json};

use crate::schema_walk::check_response;

/// The database a test runs against.
#[derive(Debug, Clone, Copy)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each listed scenario once per database: `name::sqlite` and
/// `name::postgres` (skipped, saying so, without `ATSCAN_TEST_DATABASE_URL`).
macro_rules! on_both_databases {
    ($($scenario:ident),* $(,)?) => {$(
        mod $scenario {
            #[tokio::test]
            async fn sqlite() {
                super::$scenario(crate::helpers::Backend::Sqlite).await;
            }

            #[tokio::test]
            async fn postgres() {
                if crate::helpers::postgres_url().is_none() {
                    eprintln!("skipped: ATSCAN_TEST_DATABASE_URL is not set");
                    return;
                }
                super::$scenario(crate::helpers::Backend::Postgres).await;
            }
        }
    )*};
}
pub(crate) use on_both_databases;

pub fn postgres_url() -> Option<String> {
    std::env::var("ATSCAN_TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A new, empty database of the given kind, alive as long as the guard.
pub struct TestDatabase {
    pub url: String,
    _dir: tempfile::TempDir,
}

static DATABASES: AtomicU32 = AtomicU32::new(0);

impl TestDatabase {
    pub async fn new(backend: Backend) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = match backend {
            Backend::Sqlite => format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display()),
            Backend::Postgres => {
                let admin_url = postgres_url().expect("postgres tests run only with ATSCAN_TEST_DATABASE_URL");
                let name = format!(
                    "atscan_t_{}_{}_{}",
                    std::process::id(),
                    DATABASES.fetch_add(1, Ordering::Relaxed),
                    chrono::Utc::now().timestamp_micros() % 1_000_000
                );
                let admin = Database::connect(&admin_url).await.unwrap();
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .unwrap();
                let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
                format!("{base}/{name}")
            }
        };
        Self { url, _dir: dir }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub knowledge: Arc<Knowledge>,
    pub database: TestDatabase,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(backend: Backend, configure: impl FnOnce(&mut Settings)) -> TestApp {
    let database = TestDatabase::new(backend).await;
    let mut settings = Settings::for_tests(&database.url, database._dir.path().join("index"));
    // Uploaded files are read by the atscan binary itself, not this test binary.
    settings.extractor = Some(env!("CARGO_BIN_EXE_atscan").into());
    configure(&mut settings);
    let app = Application::build(settings).await.expect("application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let knowledge = app.knowledge();
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    TestApp {
        address,
        client: reqwest::Client::new(),
        knowledge,
        database,
    }
}

impl TestApp {
    pub fn graphql_url(&self) -> String {
        format!("{}/graphql", self.address)
    }

    /// POSTs a GraphQL query as JSON and returns the response body, having
    /// checked it against the schema (`schema_walk`).
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let body = self
            .client
            .post(self.graphql_url())
            .json(&json!({ "query": query, "variables": &variables }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        check_response(query, &variables, &body);
        body
    }

    /// Like `graphql`, asserting there were no errors and returning `data`.
    pub async fn data(&self, query: &str, variables: Value) -> Value {
        let body = self.graphql(query, variables).await;
        assert!(body.get("errors").is_none(), "unexpected errors: {body}");
        body["data"].clone()
    }
}

/// UTF-16 slice of `text`, as a browser's `text.slice(start, end)`.
pub fn js_slice(text: &str, start: u64, end: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).unwrap()
}

/// The `extensions.code` of the first error of a response.
pub fn error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {body}"))
}

/// Creates a user directly in the database and returns a session token.
pub async fn signed_in(app: &TestApp, email: &str, role: &str) -> String {
    let db = atscan::store::connect(&app.database.url).await.unwrap();
    let hash = atscan::auth::password::hash_password("a long enough password").unwrap();
    atscan::store::accounts::create_user(&db, email, &hash, role)
        .await
        .unwrap();
    let body = app
        .graphql(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt } }",
            json!({ "e": email, "p": "a long enough password" }),
        )
        .await;
    body["data"]["login"]["token"]
        .as_str()
        .unwrap_or_else(|| panic!("login failed: {body}"))
        .to_owned()
}

/// Creates an API key directly in the database and returns its secret.
pub async fn api_key(app: &TestApp, scopes: &str) -> String {
    let db = atscan::store::connect(&app.database.url).await.unwrap();
    let key = atscan::auth::api_key::generate();
    atscan::store::accounts::create_api_key(&db, &format!("key {scopes}"), &key.prefix, &key.hash, scopes, None)
        .await
        .unwrap();
    key.secret
}

impl TestApp {
    /// POSTs a GraphQL query with an `Authorization: Bearer` credential.
    pub async fn graphql_as(&self, credential: &str, query: &str, variables: Value) -> (u16, Value) {
        let response = self
            .client
            .post(self.graphql_url())
            .bearer_auth(credential)
            .json(&json!({ "query": query, "variables": &variables }))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body = response.json().await.unwrap();
        check_response(query, &variables, &body);
        (status, body)
    }
}
