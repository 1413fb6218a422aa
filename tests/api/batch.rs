//! `rankResumes` and `compareJobs`: many scans in one request.

use serde_json::{Value, json};

use crate::fixtures;
use crate::helpers::{Backend, error_code, spawn_app, spawn_app_with};
use crate::schema_walk::check_response;

const JOB: &str = "Backend Developer\n\nRequirements\n- Go, PostgreSQL, Kubernetes\n- Terraform";
const BACKEND: &str =
    "Experience\n- Built billing APIs in Go and PostgreSQL on Kubernetes\n\nSkills\nGo, PostgreSQL, Terraform";
const NURSE: &str = "Experience\n- Charted care for 30 patients a shift\n\nSkills\nPatient care, charting, BLS";
const RANK: &str = "mutation($job: DocumentInput, $role: String, $resumes: [DocumentInput!]!) {
    rankResumes(job: $job, role: $role, resumes: $resumes) {
        rank index label report { score { overall basis } jobTitle } error { code message } } }";

#[tokio::test]
async fn resumes_are_ranked_best_first_and_a_bad_item_carries_its_error() {
    let app = spawn_app(Backend::Sqlite).await;
    let data = app
        .data(
            RANK,
            json!({ "job": { "text": JOB }, "resumes": [
                { "text": NURSE, "label": "nurse" },
                { "text": "   ", "label": "empty" },
                { "text": BACKEND, "label": "backend" },
            ] }),
        )
        .await;
    let items = data["rankResumes"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["backend", "nurse", "empty"]);
    assert_eq!(items[0]["rank"], 1);
    assert_eq!(items[0]["index"], 2);
    assert_eq!(items[0]["report"]["jobTitle"], "Backend Developer");
    assert!(items[0]["report"]["score"]["overall"].as_u64() > items[1]["report"]["score"]["overall"].as_u64());
    assert_eq!(items[2]["rank"], Value::Null);
    assert_eq!(items[2]["report"], Value::Null);
    assert_eq!(items[2]["error"]["code"], "BAD_USER_INPUT", "{}", items[2]);

    // The same report as `scan` gives for the pair.
    let single = app
        .data(
            "mutation($input: ScanInput!) { scan(input: $input) { score { overall } } }",
            json!({ "input": { "resumeText": BACKEND, "jobDescription": JOB } }),
        )
        .await;
    assert_eq!(
        items[0]["report"]["score"]["overall"],
        single["scan"]["score"]["overall"]
    );
}

#[tokio::test]
async fn jobs_are_compared_against_one_resume_and_a_role_alone_ranks_too() {
    let app = spawn_app(Backend::Sqlite).await;
    let data = app
        .data(
            "mutation($resume: DocumentInput!, $jobs: [DocumentInput!]!) {
                compareJobs(resume: $resume, jobs: $jobs) { rank label report { jobTitle score { overall } } } }",
            json!({ "resume": { "text": BACKEND }, "jobs": [
                { "text": "Registered Nurse\n\nRequirements\n- Patient care, charting, BLS", "label": "nurse" },
                { "text": JOB, "label": "backend" },
            ] }),
        )
        .await;
    let labels: Vec<&str> = data["compareJobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["backend", "nurse"]);

    let by_role = app
        .data(
            RANK,
            json!({ "role": "registered-nurse", "resumes": [{ "text": BACKEND }, { "text": NURSE }] }),
        )
        .await;
    let items = by_role["rankResumes"].as_array().unwrap();
    assert_eq!(items[0]["index"], 1, "{items:?}");
    assert_eq!(items[0]["report"]["score"]["basis"], "ROLE");
}

#[tokio::test]
async fn a_batch_has_limits_and_counts_each_item_against_the_scan_budget() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.rate_scans_per_minute = 3).await;
    let empty = app
        .graphql(RANK, json!({ "job": { "text": JOB }, "resumes": [] }))
        .await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT");
    let nothing_to_rank_against = app.graphql(RANK, json!({ "resumes": [{ "text": BACKEND }] })).await;
    assert_eq!(error_code(&nothing_to_rank_against), "BAD_USER_INPUT");
    let too_many: Vec<Value> = (0..=atscan::graphql::batch::MAX_BATCH_ITEMS)
        .map(|_| json!({ "text": BACKEND }))
        .collect();
    let body = app
        .graphql(RANK, json!({ "job": { "text": JOB }, "resumes": too_many }))
        .await;
    assert_eq!(error_code(&body), "PAYLOAD_TOO_LARGE");
    let huge = "Go developer. ".repeat(atscan::graphql::batch::MAX_BATCH_BYTES / 14 / 2 + 1);
    let body = app
        .graphql(
            RANK,
            json!({ "job": { "text": JOB }, "resumes": [{ "text": huge }, { "text": huge }] }),
        )
        .await;
    assert_eq!(error_code(&body), "PAYLOAD_TOO_LARGE");
    // Three scans a minute: two items pass, the next two do not.
    let two = json!({ "job": { "text": JOB }, "resumes": [{ "text": BACKEND }, { "text": NURSE }] });
    assert!(app.graphql(RANK, two.clone()).await["errors"].is_null());
    assert_eq!(error_code(&app.graphql(RANK, two).await), "RATE_LIMITED");
}

#[tokio::test]
async fn an_uploaded_resume_in_a_batch_reports_how_its_file_read() {
    let app = spawn_app(Backend::Sqlite).await;
    let query = "mutation($job: DocumentInput, $resumes: [DocumentInput!]!) {
        rankResumes(job: $job, resumes: $resumes) { label report { document { format } } error { code } } }";
    let operations = json!({
        "query": query,
        "variables": { "job": { "text": JOB }, "resumes": [
            { "file": null, "label": "docx" },
            { "file": null, "label": "zip" },
        ] },
    });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text(
            "map",
            r#"{ "0": ["variables.resumes.0.file"], "1": ["variables.resumes.1.file"] }"#,
        )
        .part(
            "0",
            reqwest::multipart::Part::bytes(fixtures::docx_resume()).file_name("cv.docx"),
        )
        .part(
            "1",
            reqwest::multipart::Part::bytes(b"PK\x03\x04not a zip".to_vec()).file_name("cv.zip"),
        );
    let body: Value = app
        .client
        .post(app.graphql_url())
        .header("apollo-require-preflight", "true")
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    check_response(query, &operations["variables"], &body);
    let items = body["data"]["rankResumes"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"));
    assert_eq!(items[0]["label"], "docx");
    assert_eq!(items[0]["report"]["document"]["format"], "DOCX");
    assert_eq!(items[1]["label"], "zip");
    assert!(items[1]["error"]["code"].is_string(), "{body}");
}
