use crate::helpers::{Backend, on_both_databases, spawn_app};

on_both_databases!(liveness_and_readiness_answer_once_the_taxonomy_is_loaded);

async fn liveness_and_readiness_answer_once_the_taxonomy_is_loaded(backend: Backend) {
    let app = spawn_app(backend).await;

    let health = app.client.get(format!("{}/healthz", app.address)).send().await.unwrap();
    assert_eq!(health.status(), 200);

    let ready = app.client.get(format!("{}/readyz", app.address)).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let body: serde_json::Value = ready.json().await.unwrap();
    assert_eq!(body["status"], "ready");
    assert!(body["taxonomyVersion"].as_i64().unwrap() >= 1, "{body}");
}

#[tokio::test]
async fn production_mode_refuses_to_start_without_a_jwt_secret() {
    let database = crate::helpers::TestDatabase::new(Backend::Sqlite).await;
    let mut settings = atscan::config::Settings::for_tests(&database.url, std::env::temp_dir());
    settings.production = true;
    settings.jwt_secret = None;
    let error = atscan::startup::Application::build(settings.clone())
        .await
        .err()
        .expect("refuses to start");
    assert!(error.to_string().contains("ATSCAN_JWT_SECRET"), "{error}");
    settings.jwt_secret = Some("too short".into());
    assert!(
        atscan::startup::Application::build(settings).await.is_err(),
        "a short secret is refused too"
    );
}
