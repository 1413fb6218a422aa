//! Resume and job files (PDF, DOCX, ODT, RTF, HTML, Markdown, plain text)
//! turned into faithful text plus a readability report.
//!
//! Formats are detected from the bytes, never from the file name. Parsing
//! untrusted files is risky (decompression bombs, pathological PDFs), so the
//! server calls [`extract_isolated`], which runs [`extract`] in a child
//! process (`atscan extract`) under a wall-clock, CPU and memory limit; the
//! in-process code also bounds everything it can (size, inflated bytes,
//! archive entries, nesting, pages).

mod archive;
mod detect;
mod docx;
mod error;
mod flow;
mod html;
mod isolate;
mod normalize;
mod odt;
mod pdf;
mod readability;
mod report;
mod rtf;
mod text;
mod xml;

use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::{Deserialize, Serialize};

pub use error::DocumentError;
pub use isolate::{ChildArgs, Isolation, extract_isolated, run_child};

/// A file format, as detected from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Rtf,
    Html,
    Markdown,
    Text,
}

impl Format {
    /// The name users know the format by.
    pub fn name(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Docx => "DOCX",
            Self::Odt => "ODT",
            Self::Rtf => "RTF",
            Self::Html => "HTML",
            Self::Markdown => "Markdown",
            Self::Text => "plain text",
        }
    }
}

/// What kind of readability problem a [`Warning`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WarningCode {
    /// Some pages are images without text (scanned).
    NoTextLayer,
    /// Images that may hold text an ATS cannot read.
    TextInImages,
    /// Two or more columns side by side: many ATS read straight across them.
    MultiColumn,
    /// Tables: many ATS scramble or drop their cells.
    TableLayout,
    /// Text boxes: many ATS skip them.
    TextBoxes,
    /// Email or phone only in a page header or footer, which many ATS ignore.
    ContactInHeaderFooter,
    /// Characters that could not be decoded (unusual fonts or encodings).
    LostCharacters,
    /// Words run together without spaces (glyphs placed without space characters).
    GluedWords,
    /// Text a reader cannot see (too small or hidden): left out of the scan.
    HiddenText,
}

impl WarningCode {
    /// The UPPER_SNAKE code clients match on, e.g. `MULTI_COLUMN`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NoTextLayer => "NO_TEXT_LAYER",
            Self::TextInImages => "TEXT_IN_IMAGES",
            Self::MultiColumn => "MULTI_COLUMN",
            Self::TableLayout => "TABLE_LAYOUT",
            Self::TextBoxes => "TEXT_BOXES",
            Self::ContactInHeaderFooter => "CONTACT_IN_HEADER_FOOTER",
            Self::LostCharacters => "LOST_CHARACTERS",
            Self::GluedWords => "GLUED_WORDS",
            Self::HiddenText => "HIDDEN_TEXT",
        }
    }
}

impl WarningCode {
    /// What the user can do about it, in plain words.
    pub fn fix(self) -> &'static str {
        match self {
            Self::NoTextLayer => {
                "an ATS sees those pages as empty: export the file from your editor as a text PDF instead of \
                 scanning or printing it to an image"
            }
            Self::TextInImages => "put that text in the document itself, as ordinary text",
            Self::MultiColumn => "use a single column, with sections one below the other",
            Self::TableLayout => "write the content as headings and plain lines instead of table cells",
            Self::TextBoxes => "move the text out of text boxes into the body of the document",
            Self::ContactInHeaderFooter => "repeat your email and phone number at the top of the body",
            Self::LostCharacters => "use a standard font (Arial, Calibri, Times New Roman) and export again",
            Self::GluedWords => {
                "export the PDF again from a word processor, or use another template: an ATS must see the \
                 spaces between words"
            }
            Self::HiddenText => {
                "remove the hidden text: recruiters cannot read it, and many ATS flag hidden keywords as \
                 stuffing; name your skills in the visible text"
            }
        }
    }
}

impl std::fmt::Display for WarningCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One readability problem: the file was read, but an ATS may misread it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: WarningCode,
    /// Lowercase advice for the user.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(code: WarningCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    /// Tables in a word-processor document (DOCX, ODT).
    pub(crate) fn tables(count: usize) -> Self {
        Self::new(
            WarningCode::TableLayout,
            format!("the document uses {count} table(s): many ATS scramble or skip table cells"),
        )
    }

    /// Text boxes in a word-processor document (DOCX, ODT).
    pub(crate) fn text_boxes(count: usize) -> Self {
        Self::new(
            WarningCode::TextBoxes,
            format!("the document has {count} text box(es): many ATS skip text boxes entirely"),
        )
    }

    /// The warning for `words` left out of the text because a reader
    /// cannot see them (`how`: "drawn too small to see", ...), or none for
    /// a few words: some PDF producers print their credit line one point
    /// high ("Powered by TCPDF"), where keyword stuffing hides dozens.
    pub(crate) fn hidden_text(words: usize, how: &str) -> Option<Self> {
        const FEWEST_WORTH_TELLING: usize = 20;
        (words >= FEWEST_WORTH_TELLING).then(|| {
            Self::new(
                WarningCode::HiddenText,
                format!(
                    "{words} word(s) are {how}: a recruiter never reads them, so the scan leaves them out, \
                     while some ATS read them and flag the resume for keyword stuffing"
                ),
            )
        })
    }
}

/// The text of a file and how readable it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    pub format: Format,
    /// Reading-order text: headers first, then the body, then footers.
    pub text: String,
    /// Page count where the format has pages (PDF).
    pub pages: Option<u32>,
    /// Characters (Unicode scalar values) in `text`.
    pub characters: usize,
    /// 0-100: the share of characters that read as ordinary words (not
    /// glued to their neighbours, not lost to an unknown encoding).
    pub readability: u8,
    /// Part of the file could not be read: a low readability, or pages
    /// without a text layer. A score on such a text understates the resume.
    pub partial_read: bool,
    pub warnings: Vec<Warning>,
}

/// Bounds on what one file may cost to read. The defaults suit resumes and
/// job descriptions with a wide margin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file, checked before any parsing.
    pub max_bytes: usize,
    /// Total bytes that may be decompressed (zip entries, PDF streams).
    pub max_inflated_bytes: u64,
    /// Most entries an archive (DOCX, ODT) may list.
    pub max_archive_entries: usize,
    /// Most pages read from a PDF.
    pub max_pages: u32,
    /// Most characters of extracted text.
    pub max_text_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 5 * 1024 * 1024,
            max_inflated_bytes: 64 * 1024 * 1024,
            max_archive_entries: 1_000,
            max_pages: 100,
            max_text_chars: 1_000_000,
        }
    }
}

/// What a format parser found, before normalization and the readability
/// report.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub header: String,
    pub body: String,
    pub footer: String,
    pub pages: Option<u32>,
    pub images: usize,
    pub warnings: Vec<Warning>,
}

/// Extracts the text of `bytes` in this process.
///
/// Safe to call on untrusted input as far as this code can tell (limits,
/// depth caps, panics caught), but a parser library could still overflow
/// the stack or allocate wildly: the server uses [`extract_isolated`].
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, DocumentError> {
    if bytes.len() > limits.max_bytes {
        return Err(DocumentError::TooLarge {
            limit_bytes: limits.max_bytes,
        });
    }
    // A panic in a parser is a bug on a hostile file, not a reason to take
    // the process down; the user learns only that the file is unreadable.
    catch_unwind(AssertUnwindSafe(|| extract_unchecked(bytes, limits))).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::warn!(panic = %message, "a document parser panicked");
        // Under the child's memory limit, fallible allocations fail first
        // and some libraries turn that into a panic.
        if ["alloc", "memory", "capacity"]
            .iter()
            .any(|word| message.contains(word))
        {
            Err(DocumentError::resource("reading it needs more memory than allowed"))
        } else {
            Err(DocumentError::corrupt("its structure is invalid"))
        }
    })
}

fn extract_unchecked(bytes: &[u8], limits: &Limits) -> Result<Extracted, DocumentError> {
    let (format, parsed) = match detect::sniff(bytes) {
        detect::Kind::Pdf => (Format::Pdf, pdf::parse(bytes, limits)?),
        detect::Kind::Zip => parse_zip(bytes, limits)?,
        detect::Kind::Rtf => (Format::Rtf, rtf::parse(bytes, limits)?),
        detect::Kind::EncryptedOffice => return Err(DocumentError::Encrypted),
        detect::Kind::Binary => return Err(DocumentError::Unsupported),
        detect::Kind::Text => {
            let decoded = text::decode(bytes)?;
            if html::looks_like_html(&decoded) {
                (Format::Html, html::parse(&decoded))
            } else if text::looks_like_markdown(&decoded) {
                (Format::Markdown, text::parse_markdown(&decoded))
            } else {
                (Format::Text, text::parse_plain(decoded))
            }
        }
    };
    report::finish(format, parsed, limits)
}

/// Tells DOCX from ODT by their parts and parses them; any other zip
/// (XLSX, PPTX, EPUB, a plain archive) is unsupported.
fn parse_zip(bytes: &[u8], limits: &Limits) -> Result<(Format, Parsed), DocumentError> {
    let mut archive = archive::Archive::open(bytes, limits)?;
    let names = archive.names();
    if names.iter().any(|n| n == "EncryptionInfo" || n == "EncryptedPackage") {
        return Err(DocumentError::Encrypted);
    }
    if let Some(mimetype) = archive.read("mimetype")? {
        return if mimetype.trim_ascii() == b"application/vnd.oasis.opendocument.text" {
            Ok((Format::Odt, odt::parse(&mut archive)?))
        } else {
            Err(DocumentError::Unsupported)
        };
    }
    if names.iter().any(|n| n == "[Content_Types].xml") {
        return match docx::parse(&mut archive)? {
            Some(parsed) => Ok((Format::Docx, parsed)),
            None => Err(DocumentError::Unsupported),
        };
    }
    Err(DocumentError::Unsupported)
}
