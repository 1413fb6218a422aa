use serde_json::{Value, json};

use crate::helpers::{Backend, spawn_app};

const RESUME: &str = "Sam Lee\nsam@example.com\n\nExperience\n- Built React and TypeScript dashboards used by 40k analysts\n\
    - Worked on the design system\n\nSkills\nReact, TypeScript, CSS, Jest\n\nEducation\nBA Design";
const JOB: &str =
    "Frontend Developer\n\nRequirements\n- React, TypeScript\n- Accessibility (WCAG)\n\nNice to have\n- Next.js";

#[tokio::test]
async fn the_cli_prints_the_same_report_as_the_graphql_api() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.txt"), RESUME).unwrap();
    std::fs::write(dir.path().join("job.txt"), JOB).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_atscan"))
        .args(["scan", "--json", "--resume", "resume.txt", "--job", "job.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut from_cli: Value = serde_json::from_slice(&output.stdout).unwrap();
    // The CLI sends the files as uploads: the report says how they read.
    for document in ["document", "jobDocument"] {
        let reading = from_cli[document].take();
        assert_eq!(reading["format"], "plain text", "{reading}");
        assert_eq!(reading["readability"], 100, "{reading}");
        assert_eq!(reading["partialRead"], false, "{reading}");
    }

    let app = spawn_app(Backend::Sqlite).await;
    let mut from_api = app
        .data(
            atscan::graphql::scan::FULL_REPORT_QUERY,
            json!({ "input": { "resumeText": RESUME, "jobDescription": JOB } }),
        )
        .await;
    for document in ["document", "jobDocument"] {
        assert!(
            from_api["scan"][document].take().is_null(),
            "pasted text has no file report"
        );
    }
    assert_eq!(from_cli, from_api["scan"]);
    assert!(from_cli["score"]["overall"].as_u64().unwrap() > 0);

    let readable = std::process::Command::new(env!("CARGO_BIN_EXE_atscan"))
        .args(["scan", "--resume", "resume.txt", "--job", "job.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(readable.stdout).unwrap();
    assert!(text.starts_with("ATS score"), "{text}");
    assert!(!text.contains('\x1b'), "no colour codes when stdout is not a terminal");
}

#[test]
fn atscan_text_prints_what_the_scan_reads_and_how_well_it_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.pdf"), crate::fixtures::one_column_pdf()).unwrap();
    let atscan = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_atscan"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };

    let plain = atscan(&["text", "resume.pdf"]);
    assert!(plain.status.success(), "{}", String::from_utf8_lossy(&plain.stderr));
    let text = String::from_utf8(plain.stdout).unwrap();
    assert!(text.contains("Languages: Rust, Go, C++, Python, TypeScript"), "{text}");
    let quality = String::from_utf8(plain.stderr).unwrap();
    assert!(quality.starts_with("PDF, "), "{quality}");
    assert!(quality.contains("readability 100/100"), "{quality}");

    let json = atscan(&["text", "--json", "resume.pdf"]);
    let reading: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(reading["format"], "PDF");
    assert_eq!(reading["text"].as_str().unwrap(), text.trim_end_matches('\n'));

    let missing = atscan(&["text", "nowhere.pdf"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere.pdf"));

    let report = atscan(&["scan", "--resume", "resume.pdf"]);
    let report = String::from_utf8(report.stdout).unwrap();
    let reading = report
        .lines()
        .find(|l| l.starts_with("Resume file: PDF, "))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(reading.ends_with("readability 100/100"), "{report}");
}
