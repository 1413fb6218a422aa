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

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    // More text than a pipe holds: the write is still going when the
    // reader goes away, as with `atscan text FILE | head`.
    let dir = tempfile::tempdir().unwrap();
    let line = "Led the migration from VMs to Kubernetes and PostgreSQL 15\n";
    std::fs::write(dir.path().join("resume.txt"), line.repeat(4_000)).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_atscan"))
        .args(["text", "resume.txt"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Runs `atscan` in `dir`; stdout is a pipe, so no colour unless asked.
fn atscan_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_atscan"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// Compares `actual` with the golden file, or rewrites it with ATSCAN_BLESS=1.
fn assert_golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name);
    if std::env::var_os("ATSCAN_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs (ATSCAN_BLESS=1 rewrites it):\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn the_terminal_report_keeps_its_layout_with_and_without_colour() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.txt"), RESUME).unwrap();
    std::fs::write(dir.path().join("job.txt"), JOB).unwrap();
    let plain = atscan_in(dir.path(), &["scan", "--resume", "resume.txt", "--job", "job.txt"]);
    assert!(plain.status.success(), "{}", String::from_utf8_lossy(&plain.stderr));
    // A one-shot command logs nothing unless asked to (-v).
    assert_eq!(String::from_utf8_lossy(&plain.stderr), "");
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains('\x1b'), "{plain}");
    assert_golden("report.txt", &plain);

    let coloured = atscan_in(
        dir.path(),
        &[
            "scan",
            "--color",
            "always",
            "--resume",
            "resume.txt",
            "--job",
            "job.txt",
        ],
    );
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    assert!(coloured.contains("\x1b[1mATS score\x1b[0m"), "{coloured}");
    assert_golden("report.color.txt", &coloured);

    // Suggestions are numbered by their place, 1 to n.
    let numbers: Vec<usize> = plain
        .lines()
        .skip_while(|l| *l != "Suggestions")
        .skip(1)
        .map_while(|l| l.trim_start().split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect();
    assert!(!numbers.is_empty(), "{plain}");
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>(), "{plain}");
}

#[test]
fn a_scan_without_a_job_or_role_gives_no_ats_score() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.txt"), RESUME).unwrap();
    let report = atscan_in(dir.path(), &["scan", "--resume", "resume.txt"]);
    let report = String::from_utf8(report.stdout).unwrap();
    assert!(report.starts_with("Resume as a document "), "{report}");
    assert!(report.contains("this is no ATS score"), "{report}");
    let json = atscan_in(dir.path(), &["scan", "--json", "--resume", "resume.txt"]);
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["score"]["basis"], "DOCUMENT_ONLY");
}

#[test]
fn an_unknown_role_is_answered_with_the_closest_roles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.txt"), RESUME).unwrap();
    let output = atscan_in(dir.path(), &["scan", "--resume", "resume.txt", "--role", "nurse"]);
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("no role `nurse`; the closest are `registered-nurse`"),
        "{error}"
    );
}

#[test]
fn fail_under_turns_a_low_score_into_exit_status_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.txt"), RESUME).unwrap();
    std::fs::write(dir.path().join("job.txt"), JOB).unwrap();
    let scan = |threshold: &str| {
        atscan_in(
            dir.path(),
            &[
                "scan",
                "--resume",
                "resume.txt",
                "--job",
                "job.txt",
                "--fail-under",
                threshold,
            ],
        )
        .status
        .code()
    };
    assert_eq!(scan("0"), Some(0));
    assert_eq!(scan("100"), Some(1));
    assert_eq!(scan("101"), Some(2), "out of range is a usage error");
}

const NURSE_RESUME: &str = "Ada Obi\nada@example.com\n\nExperience\n- Charted care for 30 patients a shift\n\
    - Administered medications and IV therapy\n\nSkills\nPatient care, charting, BLS\n\nEducation\nBSN Nursing";

#[test]
fn many_resumes_are_ranked_against_one_job_and_a_bad_file_gets_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let resumes = dir.path().join("resumes");
    std::fs::create_dir(&resumes).unwrap();
    std::fs::write(resumes.join("frontend.txt"), RESUME).unwrap();
    std::fs::write(resumes.join("nurse.txt"), NURSE_RESUME).unwrap();
    // A PDF header over garbage: the extraction fails, the batch goes on.
    std::fs::write(resumes.join("broken.pdf"), b"%PDF-1.7\n\x00\x01garbage").unwrap();
    std::fs::write(dir.path().join("job.txt"), JOB).unwrap();

    let table = atscan_in(dir.path(), &["scan", "--job", "job.txt", "resumes"]);
    assert!(table.status.success(), "{}", String::from_utf8_lossy(&table.stderr));
    let table = String::from_utf8(table.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(
        lines[1].contains("resumes/frontend.txt"),
        "the fitting resume first:\n{table}"
    );
    assert!(lines[2].contains("resumes/nurse.txt"), "{table}");
    assert!(
        lines[3].contains("resumes/broken.pdf") && lines[3].contains("error:"),
        "{table}"
    );

    let csv = atscan_in(dir.path(), &["scan", "--job", "job.txt", "resumes", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("rank,score,file,"), "{csv}");
    assert_eq!(csv.lines().count(), 4, "{csv}");

    let jsonl = atscan_in(
        dir.path(),
        &["scan", "--json", "--job", "job.txt", "resumes", "--fail-under", "50"],
    );
    assert_eq!(
        jsonl.status.code(),
        Some(1),
        "the nurse and the broken file are below 50"
    );
    let lines: Vec<Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["file"], "resumes/frontend.txt");
    assert!(
        lines[0]["report"]["score"]["overall"].as_u64().unwrap()
            > lines[1]["report"]["score"]["overall"].as_u64().unwrap()
    );
    assert!(lines[2]["error"].as_str().is_some(), "{}", lines[2]);
}

#[test]
fn one_resume_is_ranked_against_many_jobs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.txt"), NURSE_RESUME).unwrap();
    std::fs::write(dir.path().join("frontend.txt"), JOB).unwrap();
    std::fs::write(
        dir.path().join("nursing.txt"),
        "Registered Nurse\n\nRequirements\n- Patient care and charting\n- BLS certification\n- Medication administration",
    )
    .unwrap();
    let table = atscan_in(
        dir.path(),
        &["scan", "--resume", "resume.txt", "frontend.txt", "nursing.txt"],
    );
    let table = String::from_utf8(table.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].contains("job"), "{table}");
    assert!(lines[1].contains("nursing.txt"), "the nursing job first:\n{table}");
}

#[test]
fn json_output_follows_its_published_schema() {
    let schema: Value = serde_json::from_str(include_str!("../../schema/scan-output.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("resume.txt"), RESUME).unwrap();
    std::fs::write(dir.path().join("nurse.txt"), NURSE_RESUME).unwrap();
    std::fs::write(dir.path().join("broken.pdf"), b"%PDF-1.7\n\x00garbage").unwrap();
    std::fs::write(dir.path().join("job.txt"), JOB).unwrap();
    let mut outputs: Vec<Value> = Vec::new();
    for args in [
        &["scan", "--json", "--resume", "resume.txt", "--job", "job.txt"][..],
        &["scan", "--json", "--resume", "resume.txt"],
        &["scan", "--json", "--resume", "nurse.txt", "--role", "registered-nurse"],
    ] {
        outputs.push(serde_json::from_slice(&atscan_in(dir.path(), args).stdout).unwrap());
    }
    let batch = atscan_in(
        dir.path(),
        &[
            "scan",
            "--json",
            "--job",
            "job.txt",
            "resume.txt",
            "nurse.txt",
            "broken.pdf",
        ],
    );
    for line in String::from_utf8(batch.stdout).unwrap().lines() {
        outputs.push(serde_json::from_str(line).unwrap());
    }
    assert_eq!(outputs.len(), 6);
    for output in &outputs {
        let errors: Vec<String> = validator.iter_errors(output).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:#?}\n{output:#}");
    }
    // The schema is strict enough to fail: a report without its score does not pass.
    let mut broken = outputs[0].clone();
    broken.as_object_mut().unwrap().remove("score");
    assert!(!validator.is_valid(&broken));
}
