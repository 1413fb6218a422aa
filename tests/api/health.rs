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
