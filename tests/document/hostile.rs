//! Hostile and broken files: each ends in a clean error, quickly, with a
//! message a user can read (lowercase, no internals).

use std::time::{Duration, Instant};

use atscan::document::{DocumentError, Limits, extract};

use crate::fixtures::*;

/// Messages are shown to users: lowercase, no file paths, no panic text.
pub fn assert_clean_message(error: &DocumentError) {
    let message = error.to_string();
    assert!(message.starts_with(|c: char| c.is_lowercase()), "{message}");
    for leak in ["panicked", "src/", ".rs", "lopdf", "zip", "Error("] {
        assert!(!message.contains(leak), "{message} leaks {leak}");
    }
}

fn timed(bytes: &[u8]) -> (Result<atscan::document::Extracted, DocumentError>, Duration) {
    let started = Instant::now();
    let result = extract(bytes, &Limits::default());
    (result, started.elapsed())
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let limits = Limits::default();
    let mut huge = one_column_pdf();
    huge.resize(limits.max_bytes + 1, b' ');
    let error = extract(&huge, &limits).unwrap_err();
    assert_eq!(
        error,
        DocumentError::TooLarge {
            limit_bytes: 5 * 1024 * 1024
        }
    );
    assert_eq!(error.to_string(), "the file is larger than the 5 MB limit");
}

#[test]
fn a_zip_bomb_is_stopped_quickly() {
    // 200 MB of spaces in about 200 KB: more than three times the budget.
    let bomb = docx_bomb(200 * 1024 * 1024);
    assert!(bomb.len() < Limits::default().max_bytes);
    let (result, elapsed) = timed(&bomb);
    let error = result.unwrap_err();
    assert!(matches!(error, DocumentError::ResourceLimit(_)), "{error:?}");
    assert_clean_message(&error);
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");

    // Declared sizes are the attacker's to choose: reading is bounded anyway.
    let (result, elapsed) = timed(&lie_about_sizes(bomb, 1_000));
    let error = result.unwrap_err();
    assert!(
        matches!(error, DocumentError::ResourceLimit(_) | DocumentError::Corrupt(_)),
        "{error:?}"
    );
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
}

#[test]
fn an_archive_with_thousands_of_parts_is_refused() {
    let names: Vec<String> = (0..5_000).map(|i| format!("word/media/part{i}.xml")).collect();
    let mut parts: Vec<(&str, &[u8])> = vec![("[Content_Types].xml", b"<Types/>")];
    parts.extend(names.iter().map(|n| (n.as_str(), &b"<x/>"[..])));
    let error = extract(&zip_parts(&parts), &Limits::default()).unwrap_err();
    assert!(matches!(error, DocumentError::ResourceLimit(_)), "{error:?}");
}

#[test]
fn password_protected_files_are_reported_as_such() {
    // Office wraps an encrypted DOCX in an OLE compound file.
    let mut office = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    office.resize(512, 0);
    office.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(extract(&office, &Limits::default()), Err(DocumentError::Encrypted));

    let zip = mark_encrypted(docx_resume());
    assert_eq!(extract(&zip, &Limits::default()), Err(DocumentError::Encrypted));

    // A PDF whose user password is not empty.
    let encrypted = raw_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_owned(),
        format!(
            "<< /Filter /Standard /V 1 /R 2 /P -44 /O <{o}> /U <{u}> >>",
            o = "11".repeat(32),
            u = "22".repeat(32)
        ),
    ]);
    let encrypted = String::from_utf8(encrypted).unwrap().replace(
        "/Root 1 0 R",
        "/Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
    );
    assert_eq!(
        extract(encrypted.as_bytes(), &Limits::default()),
        Err(DocumentError::Encrypted)
    );
}

#[test]
fn formats_we_do_not_read_are_unsupported_with_the_accepted_list() {
    let spreadsheet = zip_parts(&[
        ("[Content_Types].xml", b"<Types/>"),
        (
            "_rels/.rels",
            br#"<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        ("xl/workbook.xml", b"<workbook><sheets/></workbook>"),
    ]);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let legacy_doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1WordDocument".to_vec();
    for bytes in [spreadsheet, png, legacy_doc, noise(4096, 7)] {
        let error = extract(&bytes, &Limits::default()).unwrap_err();
        assert_eq!(error, DocumentError::Unsupported);
        assert!(
            error
                .to_string()
                .contains("PDF, DOCX, ODT, RTF, HTML, Markdown or plain text")
        );
    }
}

#[test]
fn truncated_files_end_in_clean_errors_or_honest_partial_text() {
    for (name, bytes, source) in [
        ("pdf", one_column_pdf(), ONE_COLUMN_TEXT.to_owned()),
        ("two-column pdf", two_column_pdf(), two_column_text()),
        ("docx", docx_resume(), DOCX_TEXT.to_owned()),
        ("odt", odt_resume(), String::new()),
    ] {
        for share in [1, 10, 50, 90, 99] {
            let cut = &bytes[..bytes.len() * share / 100];
            match extract(cut, &Limits::default()) {
                Err(error) => assert_clean_message(&error),
                // A PDF reader may recover pages before the cut; what it
                // returns must come from the original, never be invented.
                Ok(extracted) => {
                    assert!(name.ends_with("pdf"), "{name} cut at {share}% read as {extracted:?}");
                    assert!(words(&extracted.text).is_subset(&words(&source)), "{}", extracted.text);
                }
            }
        }
    }
    // Zip archives keep their directory at the end: any cut breaks them.
    let docx = docx_resume();
    assert!(matches!(
        extract(&docx[..docx.len() - 30], &Limits::default()),
        Err(DocumentError::Corrupt(_))
    ));
}

#[test]
fn random_bytes_behind_real_signatures_end_in_clean_errors() {
    for (seed, magic) in [&b"%PDF-1.7\n"[..], b"PK\x03\x04", b"{\\rtf1 ", b"\xFF\xFE", b""]
        .iter()
        .enumerate()
    {
        let mut bytes = magic.to_vec();
        bytes.extend(noise(8192, seed as u64 + 1));
        match extract(&bytes, &Limits::default()) {
            Err(error) => assert_clean_message(&error),
            // RTF and UTF-16 decode anything; what matters is no crash.
            Ok(_) => assert!(magic.starts_with(b"{") || magic.starts_with(b"\xFF")),
        }
    }
}

#[test]
fn a_pdf_nested_thousands_of_levels_deep_is_refused_in_process() {
    let (result, elapsed) = timed(&deeply_nested_pdf(20_000));
    let error = result.unwrap_err();
    assert_eq!(
        error,
        DocumentError::Corrupt("its objects are nested too deeply".into())
    );
    assert_clean_message(&error);
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
}

#[test]
fn a_page_of_millions_of_operators_is_stopped_by_the_work_budget() {
    // 48 MB of `q Q` compresses to about 50 KB and decodes to 24 million
    // operators: bounded in time and memory by decoding them one by one.
    let content = "q Q\n".repeat(12 * 1024 * 1024);
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), content.into_bytes());
    stream.compress().unwrap();
    let content_id = doc.add_object(stream);
    let page = doc.add_object(lopdf::dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id });
    doc.objects.insert(
        pages_id,
        lopdf::Object::Dictionary(lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();

    let (result, elapsed) = timed(&bytes);
    let error = result.unwrap_err();
    assert!(matches!(error, DocumentError::ResourceLimit(_)), "{error:?}");
    assert!(elapsed < Duration::from_secs(30), "took {elapsed:?}");
}

#[test]
fn a_page_tree_that_contains_itself_does_not_hang() {
    let looped = raw_pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>".to_owned(),
    ]);
    let (result, elapsed) = timed(&looped);
    if let Err(error) = result {
        assert_clean_message(&error);
    }
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}
