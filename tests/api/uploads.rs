use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::fixtures;
use crate::helpers::{Backend, TestApp, error_code, js_slice, spawn_app};
use crate::schema_walk::check_response;

const JOB: &str = "Site Reliability Engineer\n\nRequirements\n- Kubernetes, Terraform, PostgreSQL\n- Go or Rust\n\nNice to have\n- Node.js, Redis, C++";
const SCAN: &str = "mutation($input: ScanInput!) { scan(input: $input) {
    matched { skill { slug } } document { format pages characters warnings { code message } } } }";

/// Scans an uploaded resume file (GraphQL multipart request) against `JOB`.
async fn scan_file(app: &TestApp, name: &str, bytes: Vec<u8>) -> (u16, Value) {
    scan_file_with(app, SCAN, name, bytes).await
}

fn matched(body: &Value) -> BTreeSet<String> {
    body["data"]["scan"]["matched"]
        .as_array()
        .unwrap_or_else(|| panic!("no scan in {body}"))
        .iter()
        .map(|m| m["skill"]["slug"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn uploaded_pdf_and_docx_resumes_match_the_same_keywords_as_their_pasted_text() {
    let app = spawn_app(Backend::Sqlite).await;
    let cases = [
        (
            "resume.pdf",
            fixtures::one_column_pdf(),
            fixtures::ONE_COLUMN_TEXT.to_owned(),
            "PDF",
        ),
        (
            "two-columns.pdf",
            fixtures::two_column_pdf(),
            fixtures::two_column_text(),
            "PDF",
        ),
        (
            "resume.docx",
            fixtures::docx_resume(),
            fixtures::DOCX_TEXT.to_owned(),
            "DOCX",
        ),
        (
            "resume.txt",
            fixtures::utf16le_with_bom(fixtures::ONE_COLUMN_TEXT),
            fixtures::ONE_COLUMN_TEXT.to_owned(),
            "plain text",
        ),
    ];
    for (name, bytes, text, format) in cases {
        let (status, uploaded) = scan_file(&app, name, bytes).await;
        assert_eq!(status, 200, "{name}: {uploaded}");
        let pasted = app
            .data(SCAN, json!({ "input": { "resumeText": text, "jobDescription": JOB } }))
            .await;
        assert!(!matched(&uploaded).is_empty(), "{name}");
        assert_eq!(matched(&uploaded), matched(&json!({ "data": pasted })), "{name}");
        let document = &uploaded["data"]["scan"]["document"];
        assert_eq!(document["format"], format, "{name}");
        let characters = document["characters"]
            .as_u64()
            .unwrap_or_else(|| panic!("{name}: {document}"));
        assert!(
            characters as usize >= text.chars().count() * 9 / 10,
            "{name}: {document}"
        );
        match format {
            "PDF" => assert!(
                document["pages"].as_u64().is_some_and(|pages| pages >= 1),
                "{name}: {document}"
            ),
            "plain text" => assert!(document["pages"].is_null(), "{name}: {document}"),
            _ => {}
        }
        assert!(pasted["scan"]["document"].is_null(), "pasted text has no file report");
    }
    let (_, docx) = scan_file(&app, "resume.docx", fixtures::docx_resume()).await;
    let codes: Vec<&str> = docx["data"]["scan"]["document"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"CONTACT_IN_HEADER_FOOTER"), "{codes:?}");
}

/// Scans an uploaded resume with `query` (taking `$input: ScanInput!`) against `JOB`.
async fn scan_file_with(app: &TestApp, query: &str, name: &str, bytes: Vec<u8>) -> (u16, Value) {
    let operations = json!({ "query": query, "variables": { "input": { "resume": null, "jobDescription": JOB } } });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", r#"{ "0": ["variables.input.resume"] }"#)
        .part("0", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
    let response = app
        .client
        .post(app.graphql_url())
        .header("apollo-require-preflight", "true")
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.json().await.unwrap();
    check_response(query, &operations["variables"], &body);
    (status, body)
}

#[tokio::test]
async fn the_report_shows_the_text_the_scan_read_and_marks_a_glued_read_partial() {
    let app = spawn_app(Backend::Sqlite).await;
    let query = "mutation($input: ScanInput!) { scan(input: $input) {
        score { partialRead } resumeKeywords { spans { start end text } }
        document { text readability partialRead warnings { code message fix } } } }";

    let (_, body) = scan_file_with(&app, query, "resume.pdf", fixtures::one_column_pdf()).await;
    let scan = &body["data"]["scan"];
    let text = scan["document"]["text"].as_str().unwrap_or_else(|| panic!("{body}"));
    assert!(text.contains("Languages: Rust, Go, C++, Python, TypeScript"), "{text}");
    let spans: Vec<&Value> = scan["resumeKeywords"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|k| k["spans"].as_array().unwrap())
        .collect();
    assert!(!spans.is_empty());
    for span in spans {
        let (start, end) = (span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
        assert_eq!(js_slice(text, start, end), span["text"].as_str().unwrap(), "{span}");
    }
    assert_eq!(scan["document"]["partialRead"], false);
    assert_eq!(scan["score"]["partialRead"], false);

    // A producer that dropped every space between words.
    let mut page = fixtures::PdfPage::default();
    page.text(72.0, 700.0, 12.0, "JaneDoeSeniorSoftwareEngineer")
        .text(72.0, 680.0, 10.0, "WorkExperienceAtAcmeCorporation")
        .text(72.0, 660.0, 10.0, "BuiltKubernetesClustersWithTerraform")
        .text(72.0, 640.0, 10.0, "MaintainedPostgreSQLDatabasesForPayments");
    let (_, body) = scan_file_with(&app, query, "glued.pdf", fixtures::pdf(&[page])).await;
    let scan = &body["data"]["scan"];
    assert_eq!(scan["document"]["partialRead"], true, "{body}");
    assert_eq!(scan["score"]["partialRead"], true, "{body}");
    assert!(scan["document"]["readability"].as_u64().unwrap() < 50, "{body}");
    let warning = scan["document"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "GLUED_WORDS")
        .unwrap_or_else(|| panic!("{body}"));
    assert!(
        warning["fix"].as_str().unwrap().contains("spaces between words"),
        "{warning}"
    );
}

#[tokio::test]
async fn keywords_hidden_in_a_file_are_reported_and_match_nothing() {
    let app = spawn_app(Backend::Sqlite).await;
    // The job asks for Kubernetes and Terraform; the resume names them only
    // in a paragraph one point high.
    let (status, body) = scan_file(&app, "stuffed.docx", fixtures::docx_with_hidden_keywords()).await;
    assert_eq!(status, 200, "{body}");
    let matched = matched(&body);
    assert!(
        !matched.contains("kubernetes") && !matched.contains("terraform"),
        "{matched:?}"
    );
    let warnings = body["data"]["scan"]["document"]["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w["code"] == "HIDDEN_TEXT"), "{body}");
}

#[tokio::test]
async fn hostile_files_get_clear_errors_and_the_server_keeps_serving() {
    let app = spawn_app(Backend::Sqlite).await;
    let pdf = fixtures::one_column_pdf();
    let noise: Vec<u8> = (0u32..4096)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases: [(&str, Vec<u8>, u16, &str, &str); 6] = [
        (
            "bomb.docx",
            fixtures::docx_bomb(100 * 1024 * 1024),
            200,
            "BAD_USER_INPUT",
            "resources",
        ),
        ("scan.pdf", fixtures::scanned_pdf(), 200, "BAD_USER_INPUT", "scanned"),
        (
            "nested.pdf",
            fixtures::deeply_nested_pdf(5_000),
            200,
            "BAD_USER_INPUT",
            "",
        ),
        (
            "truncated.pdf",
            pdf[..pdf.len() / 2].to_vec(),
            200,
            "BAD_USER_INPUT",
            "",
        ),
        ("noise.bin", noise, 200, "UNSUPPORTED_MEDIA_TYPE", "PDF, DOCX"),
        ("huge.pdf", vec![b'%'; 5_200_000], 413, "PAYLOAD_TOO_LARGE", ""),
    ];
    for (name, bytes, status, code, mentions) in cases {
        let started = std::time::Instant::now();
        let (got, body) = scan_file(&app, name, bytes).await;
        assert_eq!(got, status, "{name}: {body}");
        assert_eq!(error_code(&body), code, "{name}: {body}");
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(mentions), "{name}: {message}");
        assert!(
            !message.contains("panicked") && !message.contains("/tmp"),
            "{name} leaks internals: {message}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "{name} took {:?}",
            started.elapsed()
        );
    }
    let (status, body) = scan_file(&app, "resume.pdf", fixtures::one_column_pdf()).await;
    assert_eq!(status, 200);
    assert!(matched(&body).contains("kubernetes"), "the server still scans: {body}");
}
