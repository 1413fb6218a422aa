//! Extraction in the child process (`atscan extract`): same results as in
//! process, and a hostile or stuck child cannot take the caller with it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use atscan::document::{DocumentError, Isolation, Limits, extract, extract_isolated};

use crate::fixtures::*;

fn isolation() -> Isolation {
    Isolation {
        program: PathBuf::from(env!("CARGO_BIN_EXE_atscan")),
        timeout: Duration::from_secs(20),
        memory_bytes: 1024 * 1024 * 1024,
        max_bytes: Limits::default().max_bytes,
    }
}

#[tokio::test]
async fn the_child_reads_documents_exactly_as_in_process() {
    for bytes in [docx_resume(), two_column_pdf(), RESUME_TEXT.as_bytes().to_vec()] {
        let isolated = extract_isolated(bytes.clone(), &isolation()).await;
        assert_eq!(isolated, extract(&bytes, &Limits::default()));
        assert!(isolated.is_ok());
    }
    // Errors come back as the same variants.
    assert_eq!(
        extract_isolated(scanned_pdf(), &isolation()).await,
        extract(&scanned_pdf(), &Limits::default())
    );
}

#[tokio::test]
async fn a_deeply_nested_pdf_fails_and_the_next_file_is_read_normally() {
    let error = extract_isolated(deeply_nested_pdf(50_000), &isolation())
        .await
        .unwrap_err();
    assert!(
        matches!(error, DocumentError::Corrupt(_) | DocumentError::ResourceLimit(_)),
        "{error:?}"
    );
    let extracted = extract_isolated(one_column_pdf(), &isolation()).await.unwrap();
    assert!(extracted.text.contains("Kubernetes"));
}

#[tokio::test]
async fn a_stuck_child_is_killed_at_the_deadline() {
    let folder = tempfile::tempdir().unwrap();
    let script = folder.path().join("stuck.sh");
    std::fs::write(&script, "#!/bin/sh\nexec sleep 60\n").unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o700)).unwrap();
    let options = Isolation {
        program: script,
        timeout: Duration::from_millis(500),
        ..isolation()
    };
    let started = Instant::now();
    let error = extract_isolated(docx_resume(), &options).await.unwrap_err();
    assert_eq!(error, DocumentError::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_child_over_its_memory_limit_fails_cleanly() {
    // 48 MiB of text once inflated, within the inflation limit: reading it
    // needs more than the 32 MiB of address space this child may use.
    let file = docx_bomb(48 * 1024 * 1024);
    let options = Isolation {
        memory_bytes: 32 * 1024 * 1024,
        ..isolation()
    };
    let error = extract_isolated(file.clone(), &options).await.unwrap_err();
    assert!(matches!(error, DocumentError::ResourceLimit(_)), "{error:?}");
    assert_eq!(error.code(), "BAD_USER_INPUT");
    // Under the default limit the same file is no resource problem, and
    // the caller is unharmed.
    let roomy = extract_isolated(file, &isolation()).await;
    assert!(!matches!(roomy, Err(DocumentError::ResourceLimit(_))), "{roomy:?}");
    assert!(extract_isolated(docx_resume(), &isolation()).await.is_ok());
}

#[tokio::test]
async fn oversized_files_are_refused_without_starting_a_child() {
    let options = Isolation {
        program: PathBuf::from("/nonexistent/atscan"),
        ..isolation()
    };
    let error = extract_isolated(vec![b' '; options.max_bytes + 1], &options)
        .await
        .unwrap_err();
    assert!(matches!(error, DocumentError::TooLarge { .. }));
    // And a missing program is the server's problem, not the user's.
    let error = extract_isolated(docx_resume(), &options).await.unwrap_err();
    assert_eq!(error, DocumentError::Unavailable);
    assert_eq!(error.code(), "INTERNAL_SERVER_ERROR");
}

#[tokio::test]
async fn text_is_read_in_process_without_a_child() {
    // No program to start: a text file needs none.
    let options = Isolation {
        program: PathBuf::from("/nonexistent/atscan"),
        ..isolation()
    };
    let extracted = extract_isolated(b"Jane Doe\nPython developer, Kubernetes".to_vec(), &options)
        .await
        .unwrap();
    assert!(extracted.text.contains("Kubernetes"));
}
