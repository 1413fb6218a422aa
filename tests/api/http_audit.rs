//! The graphql-http server audit (GraphQL over HTTP conformance), run by
//! Node.js against the application: no MUST may fail. `.ci/run` installs the
//! audit (`npm ci` in `tests/http-audit`); without it the test says so and
//! passes.

use std::path::Path;
use std::process::Command;

use crate::helpers::{Backend, spawn_app};

#[tokio::test]
async fn the_graphql_over_http_audit_finds_no_failed_must() {
    let audit = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/http-audit");
    if !audit.join("node_modules/graphql-http").is_dir() {
        eprintln!("skipped: the audit is not installed (npm ci --prefix tests/http-audit)");
        return;
    }
    let app = spawn_app(Backend::Sqlite).await;
    let url = app.graphql_url();
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg("audit.mjs")
            .arg(url)
            .current_dir(audit)
            .output()
            .expect("node runs")
    })
    .await
    .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    eprintln!("{report}{}", String::from_utf8_lossy(&output.stderr));
    let failed: Vec<&str> = report.lines().filter(|line| line.starts_with("error\t")).collect();
    assert!(failed.is_empty(), "MUST audits failed:\n{}", failed.join("\n"));
    assert!(output.status.success(), "the audit did not finish");
    assert!(report.lines().any(|line| line.starts_with("summary\t")), "no summary");
}
