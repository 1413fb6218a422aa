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
    let from_cli: Value = serde_json::from_slice(&output.stdout).unwrap();

    let app = spawn_app(Backend::Sqlite).await;
    let from_api = app
        .data(
            atscan::graphql::scan::FULL_REPORT_QUERY,
            json!({ "input": { "resumeText": RESUME, "jobDescription": JOB } }),
        )
        .await;
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
