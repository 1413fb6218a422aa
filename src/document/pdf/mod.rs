//! PDF text layers, in reading order, with lopdf (pure Rust; ≥ 0.42 caps
//! object nesting instead of overflowing the stack).
//!
//! Each page's content stream is interpreted for positions
//! ([`content`]), then ordered into lines ([`layout`]). Lines repeated in
//! the top or bottom margin of several pages (running headers and
//! footers) are kept once, apart from the body; page numbers are dropped.
//! A second engine reads the text layer too, and the better of the two
//! texts is kept ([`second_reading`]).

mod content;
mod font;
mod layout;
mod marked;
mod nesting;
mod second_reading;

use std::collections::{HashMap, HashSet};

use lopdf::{Document, LoadOptions, Object, ObjectId};

use self::content::{Budget, Interpreter};
use self::layout::Line;
use super::{DocumentError, Limits, Parsed, Warning, WarningCode};

/// Enough operators for a hundred dense pages; a content stream that
/// needs more is built to waste time.
const MAX_OPERATIONS: usize = 5_000_000;
const MAX_FORM_INVOCATIONS: usize = 10_000;
/// Share of the page height treated as the top or bottom margin.
const MARGIN_SHARE: f64 = 0.1;
/// A page with fewer letters than this and an image is taken as scanned.
const SCANNED_PAGE_LETTERS: usize = 20;

pub(crate) fn parse(bytes: &[u8], limits: &Limits) -> Result<Parsed, DocumentError> {
    if nesting::too_deep(bytes) {
        return Err(DocumentError::corrupt("its objects are nested too deeply"));
    }
    let inflate_limit = usize::try_from(limits.max_inflated_bytes).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(inflate_limit),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    if doc.is_encrypted() {
        return Err(DocumentError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(DocumentError::corrupt("it has no readable pages"));
    }
    if pages.len() > limits.max_pages as usize {
        return Err(DocumentError::ResourceLimit(format!(
            "it has {} pages, more than the {} read",
            pages.len(),
            limits.max_pages
        )));
    }

    let mut budget = Budget {
        operations: MAX_OPERATIONS,
        forms: MAX_FORM_INVOCATIONS,
        inflated_bytes: inflate_limit,
    };
    let mut interpreter = Interpreter::new(&doc, &mut budget);
    let mut page_lines: Vec<(Vec<Line>, (f64, f64))> = Vec::with_capacity(pages.len());
    let mut scanned_pages: Vec<u32> = Vec::new();
    let mut images = 0usize;
    let mut columns = 0usize;
    let mut tables = 0usize;
    let mut hidden_words = 0usize;
    for (&number, &page) in &pages {
        let drawn = interpreter.run_page(page)?;
        let (lines, signals) = layout::read_page(&drawn.spans);
        let letters: usize = lines
            .iter()
            .map(|l| l.text.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        if drawn.images > 0 && letters < SCANNED_PAGE_LETTERS {
            scanned_pages.push(number);
        }
        images += drawn.images;
        columns += signals.column_regions;
        tables += signals.table_regions;
        hidden_words += drawn.hidden_words;
        page_lines.push((lines, vertical_bounds(&doc, page)));
    }

    let mut assembled = assemble(page_lines);
    let operations = MAX_OPERATIONS - budget.operations;
    let hidden_text = Warning::hidden_text(hidden_words, "drawn too small to see");
    // The second engine cannot tell hidden text apart: it would read it back.
    if hidden_text.is_none()
        && operations <= second_reading::MAX_OPERATIONS
        && let Some(theirs) = second_reading::read(bytes)
        && second_reading::reads_better(&assembled.body, &theirs)
    {
        // The second reading prints running headers where they stand.
        assembled = Assembled {
            body: theirs,
            ..Assembled::default()
        };
    }
    let mut warnings = Vec::new();
    if !scanned_pages.is_empty() && scanned_pages.len() < pages.len() {
        let list = scanned_pages.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        warnings.push(Warning::new(
            WarningCode::NoTextLayer,
            format!("page(s) {list} have no text layer (scanned or images): ATS systems cannot read them"),
        ));
    }
    warnings.extend(hidden_text);
    if columns > 0 {
        warnings.push(Warning::new(
            WarningCode::MultiColumn,
            "the PDF is laid out in columns: many ATS read straight across columns and mix them up",
        ));
    }
    if tables > 0 {
        warnings.push(Warning::new(
            WarningCode::TableLayout,
            "the PDF lays text out in a table: many ATS scramble or skip table cells",
        ));
    }
    Ok(Parsed {
        header: assembled.header,
        body: assembled.body,
        footer: assembled.footer,
        pages: Some(pages.len() as u32),
        images,
        warnings,
    })
}

fn load_error(error: lopdf::Error) -> DocumentError {
    match error {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword | lopdf::Error::AlreadyEncrypted => {
            DocumentError::Encrypted
        }
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            DocumentError::resource("the PDF inflates to far more data than a document holds")
        }
        lopdf::Error::RecursionLimit | lopdf::Error::ReferenceLimit | lopdf::Error::ReferenceCycle(_) => {
            DocumentError::corrupt("its objects are nested too deeply or refer to themselves")
        }
        _ => DocumentError::corrupt("it is not a valid PDF (truncated or damaged)"),
    }
}

/// The page's bottom and top edges (`/MediaBox`, inherited from the page
/// tree), so margins can be told from the body.
fn vertical_bounds(doc: &Document, page: ObjectId) -> (f64, f64) {
    let mut node = doc.get_dictionary(page).ok();
    let mut seen = HashSet::new();
    while let Some(dict) = node {
        if let Ok(media_box) = dict.get_deref(b"MediaBox", doc).and_then(Object::as_array)
            && media_box.len() == 4
        {
            let v = |i: usize| media_box[i].as_float().map_or(0.0, f64::from);
            let (bottom, top) = (v(1).min(v(3)), v(1).max(v(3)));
            if top - bottom > 1.0 {
                return (bottom, top);
            }
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok();
        node = parent
            .filter(|id| seen.insert(*id))
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    // US Letter, the usual default.
    (0.0, 792.0)
}

/// A document's text with its running headers and footers apart.
#[derive(Default)]
struct Assembled {
    header: String,
    body: String,
    footer: String,
}

/// Joins the pages, dropping page numbers. Lines in the top or bottom
/// margin of two or more pages are running headers and footers: kept once,
/// apart from the body (a name in a running header is real content, but
/// an ATS that skips headers does not see it).
fn assemble(pages: Vec<(Vec<Line>, (f64, f64))>) -> Assembled {
    let in_margin = |line: &Line, (bottom, top): (f64, f64)| {
        let margin = (top - bottom) * MARGIN_SHARE;
        line.y > top - margin || line.y < bottom + margin
    };
    let mut pages_with: HashMap<String, usize> = HashMap::new();
    for (lines, bounds) in &pages {
        let keys: HashSet<String> = lines
            .iter()
            .filter(|line| in_margin(line, *bounds))
            .map(|line| margin_key(&line.text))
            .collect();
        for key in keys {
            *pages_with.entry(key).or_default() += 1;
        }
    }
    let mut running: HashSet<String> = HashSet::new();
    let mut out = Assembled::default();
    for (lines, bounds) in pages {
        let mut previous: Option<&Line> = None;
        if !out.body.is_empty() {
            out.body.push_str("\n\n");
        }
        for line in &lines {
            if in_margin(line, bounds) {
                if is_page_number(&line.text) {
                    continue;
                }
                let key = margin_key(&line.text);
                if pages_with.get(&key).is_some_and(|&n| n > 1) {
                    if running.insert(key) {
                        let apart = if line.y < bounds.0 + (bounds.1 - bounds.0) / 2.0 {
                            &mut out.footer
                        } else {
                            &mut out.header
                        };
                        apart.push_str(&line.text);
                        apart.push('\n');
                    }
                    continue;
                }
            }
            if let Some(previous) = previous {
                out.body.push('\n');
                // A wide vertical gap, or a jump back up (the next column),
                // starts a new paragraph.
                let gap = previous.y - line.y;
                if gap > 1.8 * previous.size.max(line.size) || gap < 0.0 {
                    out.body.push('\n');
                }
            }
            out.body.push_str(&line.text);
            previous = Some(line);
        }
    }
    out
}

/// "3", "Page 3", "Page 3 of 4", "- 3 -", "3/4".
fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let stripped = lower
        .trim_start_matches("page")
        .trim_matches(|c: char| c == '-' || c.is_whitespace());
    !stripped.is_empty()
        && stripped.chars().any(|c| c.is_ascii_digit())
        && stripped
            .split(|c: char| c.is_whitespace() || c == '/')
            .all(|word| word == "of" || word.is_empty() || word.chars().all(|c| c.is_ascii_digit()))
}

/// Running headers differ only in their page number.
fn margin_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognized() {
        for text in ["3", "Page 3", "page 3 of 4", "- 3 -", "3/4"] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["Rust 2021", "Page layout", "2019 - 2023 Acme"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
