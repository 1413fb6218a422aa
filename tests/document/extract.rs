//! In-process extraction of well-formed resumes: the words survive, the
//! reading order holds, and the readability report says what an ATS would
//! trip on.

use atscan::document::{DocumentError, Extracted, Format, Limits, Warning, WarningCode, extract};

use crate::fixtures::*;

fn read(bytes: &[u8]) -> Extracted {
    extract(bytes, &Limits::default()).expect("a readable document")
}

fn has_warning(extracted: &Extracted, code: WarningCode) -> bool {
    extracted.warnings.iter().any(|w| w.code == code)
}

fn warning(extracted: &Extracted, code: WarningCode) -> &Warning {
    extracted
        .warnings
        .iter()
        .find(|w| w.code == code)
        .unwrap_or_else(|| panic!("no {code} warning in {:?}", extracted.warnings))
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

const SKILLS: [&str; 4] = ["Kubernetes", "PostgreSQL", "C++", "Node.js"];

fn assert_skills_survive(text: &str) {
    for skill in SKILLS {
        assert!(text.contains(skill), "{skill} is missing from:\n{text}");
    }
}

#[test]
fn plain_text_in_three_encodings_reads_the_same() {
    for (encoding, bytes) in [
        ("utf-8", RESUME_TEXT.as_bytes().to_vec()),
        ("utf-16", utf16le_with_bom(RESUME_TEXT)),
        ("latin-1", latin1(RESUME_TEXT)),
    ] {
        let extracted = read(&bytes);
        assert_eq!(extracted.format, Format::Text, "{encoding}");
        assert_eq!(words(&extracted.text), words(RESUME_TEXT), "{encoding}");
        assert!(extracted.text.contains("José Müller"), "{encoding}: {}", extracted.text);
        assert_skills_survive(&extracted.text);
        assert_eq!(extracted.characters, extracted.text.chars().count());
        assert!(extracted.warnings.is_empty(), "{encoding}: {:?}", extracted.warnings);
    }
}

#[test]
fn a_one_column_pdf_keeps_every_word_and_nothing_more() {
    let extracted = read(&one_column_pdf());
    assert_eq!(extracted.format, Format::Pdf);
    assert_eq!(extracted.pages, Some(2));
    assert_eq!(words(&extracted.text), words(ONE_COLUMN_TEXT), "{}", extracted.text);
    assert_skills_survive(&extracted.text);
    // Ligature glyphs and a word hyphenated across lines come back whole.
    assert!(extracted.text.contains("profile service and the official SDK"));
    assert!(extracted.text.contains("Ran Kubernetes"), "{}", extracted.text);
    // TeX-style spacing (position jumps, no space glyphs) still separates words.
    assert!(
        extracted
            .text
            .contains("Platforms: Kubernetes, Docker, PostgreSQL, Redis, Node.js")
    );
    // The running header is kept once, page numbers not at all.
    assert_eq!(extracted.text.matches("Jane Doe Resume").count(), 1);
    assert!(!extracted.text.contains("Page 1"));
    // A right-aligned date stays with its job title.
    let job = lines(&extracted.text)
        .into_iter()
        .find(|l| l.contains("Acme Payments"))
        .unwrap();
    assert!(job.contains("2019 - 2024"), "{job}");
    assert!(
        !has_warning(&extracted, WarningCode::MultiColumn),
        "{:?}",
        extracted.warnings
    );
}

#[test]
fn a_two_column_pdf_is_read_column_by_column() {
    let extracted = read(&two_column_pdf());
    assert_eq!(words(&extracted.text), words(&two_column_text()));
    assert_skills_survive(&extracted.text);

    let lines = lines(&extracted.text);
    assert_eq!(lines[..2], TWO_COLUMN_HEADER, "{}", extracted.text);
    // Each column's lines come out together and in order.
    for column in [&TWO_COLUMN_LEFT[..], &TWO_COLUMN_RIGHT[..]] {
        let first = lines.iter().position(|l| *l == column[0]).unwrap();
        assert_eq!(lines[first..first + column.len()], *column, "{}", extracted.text);
    }
    assert!(has_warning(&extracted, WarningCode::MultiColumn));
}

#[test]
fn a_title_turned_up_a_sidebar_is_read_as_one_line() {
    let mut page = PdfPage::default();
    page.text_turned_up(560.0, 300.0, 14.0, "GRAPHIC")
        .text(72.0, 700.0, 20.0, "Jane Doe")
        .text(72.0, 660.0, 11.0, "Experience")
        .text(72.0, 646.0, 11.0, "Designed posters for the city theatre");
    let extracted = read(&pdf(&[page]));
    assert_eq!(
        lines(&extracted.text),
        [
            "GRAPHIC",
            "Jane Doe",
            "Experience",
            "Designed posters for the city theatre"
        ],
        "{}",
        extracted.text
    );
}

#[test]
fn a_scanned_pdf_is_an_error_that_says_ats_cannot_read_it() {
    let error = extract(&scanned_pdf(), &Limits::default()).unwrap_err();
    assert_eq!(
        error,
        DocumentError::Empty("this PDF looks scanned: ATS systems cannot read it either".into())
    );
}

#[test]
fn subset_fonts_are_read_through_their_unicode_map_and_losses_are_reported() {
    let mut page = PdfPage::default();
    page.text(72.0, 700.0, 12.0, "Site reliability engineer")
        .text_in_subset_font(72.0, 680.0, 12.0, "Skills: Kubernetes, PostgreSQL, C++, Node.js")
        .text_without_unicode_map(72.0, 660.0, 12.0, 12);
    let extracted = read(&pdf(&[page]));
    assert_eq!(
        extracted.text,
        "Site reliability engineer\nSkills: Kubernetes, PostgreSQL, C++, Node.js"
    );
    let lost = warning(&extracted, WarningCode::LostCharacters);
    assert!(lost.message.starts_with("12 character(s)"), "{}", lost.message);
}

#[test]
fn a_word_font_map_with_two_byte_code_space_reads_one_byte_codes() {
    let line = "Liaison to the Oregon Fusion Center, 2022: quality and tax experts";
    let mut page = PdfPage::default();
    page.text_in_word_font(72.0, 700.0, 11.0, line);
    let extracted = read(&pdf(&[page]));
    // Codes the map lists and codes it leaves out (q, x, digits) alike.
    assert!(line.contains(|c| WORD_MAP_GAPS.contains(c)));
    assert_eq!(extracted.text, line);
    assert!(extracted.warnings.is_empty(), "{:?}", extracted.warnings);
}

#[test]
fn narrow_tj_moves_are_word_spaces_once_character_spacing_is_counted() {
    let spacing = |word, letter, char_spacing| TjSpacing {
        word,
        letter,
        char_spacing,
    };
    let mut page = PdfPage::default();
    // A space of 0.15 em, as XeTeX writes in a tight line.
    page.text_spaced(72.0, 700.0, 10.0, "DevOps Engineer", spacing(150.0, 0.0, 0.0))
        // Letters spread by 0.12 em, pulled back by character spacing.
        .text_spaced(72.0, 680.0, 10.0, "CIS Controls", spacing(300.0, 120.0, -0.5))
        // The same spread without it is letter-spaced text, read apart.
        .text_spaced(72.0, 660.0, 10.0, "GRC", spacing(300.0, 120.0, 0.0))
        // Tracking (positive character spacing) separates no letters.
        .text_spaced(72.0, 640.0, 10.0, "Anna Petrova", spacing(300.0, 1.0, 1.6));
    let extracted = read(&pdf(&[page]));
    assert_eq!(
        lines(&extracted.text),
        ["DevOps Engineer", "CIS Controls", "G R C", "Anna Petrova"]
    );
}

#[test]
fn actual_text_takes_the_place_of_its_glyphs() {
    let mut page = PdfPage::default();
    page.text(72.0, 700.0, 11.0, "Skills:")
        .text_with_actual_text(104.0, 700.0, 11.0, "K8s", "Kubernetes")
        // An icon whose actual text is empty is decoration, not a word.
        .text_with_actual_text(72.0, 680.0, 11.0, "z", "")
        .text(90.0, 680.0, 11.0, "jane@example.com");
    let extracted = read(&pdf(&[page]));
    assert_eq!(lines(&extracted.text), ["Skills: Kubernetes", "jane@example.com"]);
}

#[test]
fn text_too_small_to_see_is_left_out_of_a_pdf_and_reported() {
    let keywords = "Kubernetes Terraform Salesforce ".repeat(8);
    let mut page = PdfPage::default();
    page.text(72.0, 700.0, 11.0, "Registered nurse, cardiac ward")
        .text(72.0, 10.0, 1.0, &keywords);
    let extracted = read(&pdf(&[page]));
    assert_eq!(lines(&extracted.text), ["Registered nurse, cardiac ward"]);
    let hidden = warning(&extracted, WarningCode::HiddenText);
    assert!(hidden.message.starts_with("24 word(s)"), "{}", hidden.message);

    // A producer's credit line one point high is dropped without a word.
    let mut page = PdfPage::default();
    page.text(72.0, 700.0, 11.0, "Registered nurse, cardiac ward").text(
        72.0,
        10.0,
        1.0,
        "Powered by TCPDF (www.tcpdf.org)",
    );
    let extracted = read(&pdf(&[page]));
    assert_eq!(lines(&extracted.text), ["Registered nurse, cardiac ward"]);
    assert!(!has_warning(&extracted, WarningCode::HiddenText));
}

#[test]
fn each_pdf_page_starts_from_the_default_graphics_state() {
    // Each page scales its space by a tenth without saving the state; text
    // drawn at 110 units is 11 points on every page, not 1.1 on the second.
    let page = |text: &str| {
        let mut page = PdfPage::default();
        page.scaled_unsaved(0.1).text(720.0, 7000.0, 110.0, text);
        page
    };
    let extracted = read(&pdf(&[page("Registered nurse"), page("Cardiac ward")]));
    assert_eq!(lines(&extracted.text), ["Registered nurse", "Cardiac ward"]);
    assert!(!has_warning(&extracted, WarningCode::HiddenText));
}

#[test]
fn contact_details_only_in_a_running_header_of_a_pdf_are_reported() {
    let contact = "jane@example.com | +1 (555) 010-7788";
    let page = |body: &str| {
        let mut page = PdfPage::default();
        page.text(72.0, 770.0, 9.0, contact).text(72.0, 600.0, 11.0, body).text(
            300.0,
            30.0,
            9.0,
            "Jane Doe, page footer",
        );
        page
    };
    let two_pages = [
        page("Senior engineer at Acme, building payment systems in Rust."),
        page("Engineer at Globex, writing route planning services in Go."),
    ];
    let extracted = read(&pdf(&two_pages));
    assert!(
        has_warning(&extracted, WarningCode::ContactInHeaderFooter),
        "{:?}",
        extracted.warnings
    );
    // Kept once each: the header before the body, the footer after it.
    assert_eq!(extracted.text.matches(contact).count(), 1);
    assert!(extracted.text.starts_with(contact), "{}", extracted.text);
    assert!(extracted.text.ends_with("Jane Doe, page footer"), "{}", extracted.text);

    // On one page, nothing repeats: the line is the top of the body.
    let extracted = read(&pdf(&two_pages[..1]));
    assert!(!has_warning(&extracted, WarningCode::ContactInHeaderFooter));
    assert!(extracted.text.starts_with(contact), "{}", extracted.text);
}

#[test]
fn a_form_that_draws_itself_does_not_hang_the_page() {
    let mut page = PdfPage::default();
    page.text(
        72.0,
        700.0,
        12.0,
        "Quality engineer with Selenium and Playwright experience",
    )
    .self_drawing_form();
    let extracted = read(&pdf(&[page]));
    assert!(extracted.text.contains("Selenium and Playwright"));
}

#[test]
fn a_docx_reads_body_table_text_box_and_header() {
    let extracted = read(&docx_resume());
    assert_eq!(extracted.format, Format::Docx);
    assert_eq!(words(&extracted.text), words(DOCX_TEXT), "{}", extracted.text);
    assert_skills_survive(&extracted.text);
    let lines = lines(&extracted.text);
    // A table row stays on one line; a list item is marked as one.
    assert!(lines.contains(&"Languages | Rust, C++, Node.js"), "{lines:?}");
    assert!(lines.contains(&"• Reduced incident count by half with better alerting"));
    // The text box is read once, not again from its VML fallback copy;
    // deleted text (tracked changes) is not read.
    assert_eq!(extracted.text.matches("Open to relocation").count(), 1);
    assert!(!extracted.text.contains("OpenStack"));
    // The page header comes first, the footer last.
    assert!(lines[0].starts_with("Priya Natarajan"));
    assert_eq!(*lines.last().unwrap(), "Curriculum vitae");
    for code in [
        WarningCode::TableLayout,
        WarningCode::TextBoxes,
        WarningCode::ContactInHeaderFooter,
    ] {
        assert!(
            has_warning(&extracted, code),
            "{code} missing: {:?}",
            extracted.warnings
        );
    }
}

#[test]
fn hidden_and_tiny_runs_are_left_out_of_a_docx_and_reported() {
    let extracted = read(&docx_with_hidden_keywords());
    assert_eq!(
        lines(&extracted.text),
        [
            "Nurse with ten years on a cardiac ward",
            "Telemetry",
            "Patient care and triage",
            "Shown since a tracked change"
        ]
    );
    let hidden = warning(&extracted, WarningCode::HiddenText);
    assert!(hidden.message.starts_with("20 word(s)"), "{}", hidden.message);
}

#[test]
fn white_words_on_the_white_page_are_left_out_and_white_words_on_a_fill_are_read() {
    let extracted = read(&docx_with_white_text());
    let lines = lines(&extracted.text);
    assert_eq!(lines[0], "Teacher of English and history");
    for shown in [
        "Highlighted heading",
        "Shaded band",
        "Cell on a dark table",
        "Sidebar in a box",
    ] {
        assert!(
            lines.iter().any(|line| line.contains(shown)),
            "{shown} missing: {lines:?}"
        );
    }
    for hidden in ["Python", "AWS"] {
        assert!(!extracted.text.contains(hidden), "{hidden} read: {lines:?}");
    }
    let warning = warning(&extracted, WarningCode::HiddenText);
    assert!(warning.message.starts_with("20 word(s)"), "{}", warning.message);
}

#[test]
fn white_words_over_a_picture_behind_the_text_are_read() {
    let extracted = read(&docx_with_white_text_over_a_backdrop());
    assert!(
        extracted.text.contains("Python Kubernetes Terraform"),
        "{}",
        extracted.text
    );
    assert!(
        !has_warning(&extracted, WarningCode::HiddenText),
        "{:?}",
        extracted.warnings
    );
}

#[test]
fn a_docx_that_is_only_a_picture_is_an_error_that_says_so() {
    let error = extract(&docx_with_only_an_image(), &Limits::default()).unwrap_err();
    let DocumentError::Empty(why) = error else {
        panic!("expected Empty, got {error:?}");
    };
    assert!(why.contains("only in images"), "{why}");
}

#[test]
fn an_odt_reads_headings_lists_tables_and_skips_comments() {
    let extracted = read(&odt_resume());
    assert_eq!(extracted.format, Format::Odt);
    let lines = lines(&extracted.text);
    assert_eq!(lines[0], "Marta Kowalska");
    assert!(
        lines.contains(&"marta.kowalska@example.com\t+48 600 700 800"),
        "{lines:?}"
    );
    assert!(lines.contains(&"Data engineer building pipelines in Python and PostgreSQL"));
    assert!(lines.contains(&"• Kubernetes operators in Go"));
    assert!(lines.contains(&"Spark | Airflow"));
    assert!(lines.contains(&"Reviewed code daily"), "{lines:?}");
    assert!(has_warning(&extracted, WarningCode::TableLayout));
}

#[test]
fn rtf_html_and_markdown_are_recognized_by_content() {
    let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Calibri;}}\f0 Sam Lee\par Skills: Kubernetes, PostgreSQL, C++, Node.js\par Caf\'e9 owner\par}";
    let extracted = read(rtf);
    assert_eq!(extracted.format, Format::Rtf);
    assert_eq!(
        extracted.text,
        "Sam Lee\nSkills: Kubernetes, PostgreSQL, C++, Node.js\nCafé owner"
    );

    let html = b"<!doctype html><html><head><title>ignored</title><script>alert(1)</script></head>\
        <body><h1>Sam Lee</h1><ul><li>Kubernetes &amp; PostgreSQL</li><li>C++, Node.js</li></ul></body></html>";
    let extracted = read(html);
    assert_eq!(extracted.format, Format::Html);
    assert_eq!(extracted.text, "Sam Lee\n\n• Kubernetes & PostgreSQL\n• C++, Node.js");

    let markdown = "# Sam Lee\n\n## Skills\n\n- **Kubernetes**, `PostgreSQL`\n- C++, Node.js\n\n## Links\n\n[GitHub](https://github.com/samlee)\n";
    let extracted = read(markdown.as_bytes());
    assert_eq!(extracted.format, Format::Markdown);
    assert!(
        extracted.text.contains("- Kubernetes, PostgreSQL"),
        "{}",
        extracted.text
    );
    assert!(extracted.text.contains("GitHub (https://github.com/samlee)"));
}
