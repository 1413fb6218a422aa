//! The readability report: turning what a parser found into the final text
//! and the warnings a user can act on, or into an `Empty` error that says
//! why there is nothing to read. Never an empty or made-up resume.

use std::sync::LazyLock;

use regex::Regex;

use super::normalize::clean;
use super::readability::{PARTIAL_BELOW, Reading};
use super::{DocumentError, Extracted, Format, Limits, Parsed, Warning, WarningCode};

pub(crate) const SCANNED_PDF: &str = "this PDF looks scanned: ATS systems cannot read it either";
const TEXT_ONLY_IN_IMAGES: &str = "this document has its text only in images: ATS systems cannot read it either";
const NO_TEXT: &str = "the file contains no readable text";

/// Fewer glued words than this are a name or two written as one, not a
/// producer that dropped the spaces.
const MIN_GLUED_WORDS: usize = 3;

/// Fewer letters and digits than this is no resume or job description:
/// a page number or a lone heading at most.
const MIN_MEANINGFUL_CHARS: usize = 16;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}").expect("valid regex")
});
static PHONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\+?\(?\d[\d\s().-]{6,}\d").expect("valid regex"));

pub(crate) fn finish(format: Format, parsed: Parsed, limits: &Limits) -> Result<Extracted, DocumentError> {
    let header = clean(&parsed.header);
    let body = clean(&parsed.body);
    let footer = clean(&parsed.footer);
    let mut warnings = parsed.warnings;

    let meaningful = [&header.text, &body.text, &footer.text]
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| c.is_alphanumeric())
        .count();
    if meaningful < MIN_MEANINGFUL_CHARS {
        let why = match (format, parsed.images) {
            (Format::Pdf, _) => SCANNED_PDF,
            (_, 1..) => TEXT_ONLY_IN_IMAGES,
            (_, 0) => NO_TEXT,
        };
        return Err(DocumentError::Empty(why.to_owned()));
    }

    let margins = format!("{}\n{}", header.text, footer.text);
    if has_contact(&margins) && !has_contact(&body.text) {
        warnings.push(Warning::new(
            WarningCode::ContactInHeaderFooter,
            "your email or phone number is only in the page header or footer, which many ATS ignore",
        ));
    }
    let lost = header.lost + body.lost + footer.lost;
    if lost > 0 {
        warnings.push(Warning::new(
            WarningCode::LostCharacters,
            format!(
                "{lost} character(s) could not be decoded (an unusual font or encoding): \
                 an ATS will misread those words too"
            ),
        ));
    }
    if parsed.images > 0 && format != Format::Pdf && !warnings.iter().any(|w| w.code == WarningCode::TextInImages) {
        warnings.push(Warning::new(
            WarningCode::TextInImages,
            format!(
                "the document contains {} image(s): any text in them is invisible to ATS systems",
                parsed.images
            ),
        ));
    }

    let text = [header.text, body.text, footer.text]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    let characters = text.chars().count();
    if characters > limits.max_text_chars {
        return Err(DocumentError::resource(
            "it holds far more text than a resume or job description",
        ));
    }
    let reading = Reading::of(&text);
    if reading.glued_words.len() >= MIN_GLUED_WORDS {
        let examples = reading
            .glued_words
            .iter()
            .take(3)
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>();
        warnings.push(Warning::new(
            WarningCode::GluedWords,
            format!(
                "{} word(s) run together without spaces, such as {}: an ATS reads each as one unknown word \
                 and misses the keywords in it",
                reading.glued_words.len(),
                examples.join(", ")
            ),
        ));
    }
    let readability = reading.score(lost);
    let partial_read = readability < PARTIAL_BELOW || warnings.iter().any(|w| w.code == WarningCode::NoTextLayer);
    Ok(Extracted {
        format,
        text,
        pages: parsed.pages,
        characters,
        readability,
        partial_read,
        warnings,
    })
}

/// An email address, or a phone number of at least nine digits (years and
/// date ranges like "2019 - 2023" have eight).
pub(crate) fn has_contact(text: &str) -> bool {
    EMAIL.is_match(text)
        || PHONE
            .find_iter(text)
            .any(|m| m.as_str().chars().filter(char::is_ascii_digit).count() >= 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(header: &str, body: &str) -> Parsed {
        Parsed {
            header: header.into(),
            body: body.into(),
            ..Parsed::default()
        }
    }

    const BODY: &str = "Experience\nSenior engineer at Acme, building payment systems in Rust.";

    #[test]
    fn contact_details_only_in_the_header_are_reported() {
        let extracted = finish(Format::Docx, parsed("jane@example.com", BODY), &Limits::default()).unwrap();
        assert!(
            extracted
                .warnings
                .iter()
                .any(|w| w.code == WarningCode::ContactInHeaderFooter)
        );
        assert!(extracted.text.starts_with("jane@example.com\n\nExperience"));
    }

    #[test]
    fn contact_details_repeated_in_the_body_are_fine() {
        let body = format!("{BODY}\nPhone: +1 (555) 123-4567");
        let extracted = finish(Format::Docx, parsed("+1 (555) 123-4567", &body), &Limits::default()).unwrap();
        assert!(extracted.warnings.is_empty(), "{:?}", extracted.warnings);
    }

    #[test]
    fn date_ranges_are_not_phone_numbers() {
        assert!(!has_contact("2019 - 2023"));
        assert!(has_contact("+44 20 7946 0958"));
    }

    #[test]
    fn a_scanned_pdf_is_an_error_that_says_so() {
        let error = finish(Format::Pdf, parsed("", " 1 \n"), &Limits::default()).unwrap_err();
        assert_eq!(error, DocumentError::Empty(SCANNED_PDF.into()));
    }

    #[test]
    fn lost_characters_are_counted_in_the_warning() {
        let body = format!("{BODY} \u{FFFD}\u{FFFD}");
        let extracted = finish(Format::Pdf, parsed("", &body), &Limits::default()).unwrap();
        let warning = extracted
            .warnings
            .iter()
            .find(|w| w.code == WarningCode::LostCharacters)
            .unwrap();
        assert!(warning.message.starts_with("2 character(s)"));
        assert!(!extracted.text.contains('\u{FFFD}'));
    }

    #[test]
    fn a_text_with_its_spaces_lost_is_a_partial_read_that_says_so() {
        let glued = "WorkExperienceSeniorEngineer\nBuiltCIpipelinesWithJenkinsAndDocker at Acme\n\
                     ImprovedDeploymentSpeedByHalf in 2023 withasmallteamofengineers";
        let extracted = finish(Format::Pdf, parsed("", glued), &Limits::default()).unwrap();
        assert!(extracted.partial_read);
        assert!(extracted.readability < 50, "{}", extracted.readability);
        let warning = extracted
            .warnings
            .iter()
            .find(|w| w.code == WarningCode::GluedWords)
            .unwrap();
        assert!(warning.message.starts_with("4 word(s)"), "{}", warning.message);
        assert!(warning.message.contains("\"WorkExperienceSeniorEngineer\""));

        let clean = finish(Format::Pdf, parsed("", BODY), &Limits::default()).unwrap();
        assert!(!clean.partial_read);
        assert_eq!(clean.readability, 100);
    }
}
