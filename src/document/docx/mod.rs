//! DOCX (Office Open XML): the main document part plus its headers and
//! footers, read through [`Flow`] so tables, lists and text boxes keep a
//! sensible reading order. Text a reader cannot see ([`visibility`]) is
//! left out and counted.

mod visibility;

use self::visibility::{Styles, Visibility, paints_behind_text};
use super::archive::Archive;
use super::flow::Flow;
use super::xml::{self, Node, SkippedSubtree};
use super::{DocumentError, Parsed, Warning, WarningCode};

/// What the walk of one part found besides its text.
#[derive(Default)]
struct Layout {
    tables: usize,
    text_boxes: usize,
    images: usize,
    columns: u32,
    is_word_document: bool,
    hidden_words: usize,
}

/// Parses a DOCX, or `None` when the package is another Office format
/// (spreadsheet, presentation).
pub(crate) fn parse(archive: &mut Archive<'_>) -> Result<Option<Parsed>, DocumentError> {
    let main_part = main_part_name(archive)?;
    let Some(bytes) = archive.read(&main_part)? else {
        return Ok(None);
    };
    // Headers, footers and styles live beside the main part
    // (`word/header1.xml`): first-page, even and default variants of
    // headers often repeat one another.
    let folder = main_part.rsplit_once('/').map_or("", |(folder, _)| folder);
    let styles = match archive.read(&format!("{folder}/styles.xml"))? {
        Some(bytes) => Styles::parse(&bytes)?,
        None => Styles::default(),
    };
    // Headers and footers first: a backdrop in any part (a template's
    // sidebar anchored in the header) lies behind the text of every part.
    let mut margins: Vec<(bool, Vec<u8>)> = Vec::new();
    for name in archive.names() {
        let Some(file) = name.strip_prefix(folder).and_then(|n| n.strip_prefix('/').or(Some(n))) else {
            continue;
        };
        let is_header = file.starts_with("header") && file.ends_with(".xml");
        let is_footer = file.starts_with("footer") && file.ends_with(".xml");
        if (is_header || is_footer)
            && let Some(bytes) = archive.read(&name)?
        {
            margins.push((is_header, bytes));
        }
    }
    let mut painted_behind = paints_behind_text(&bytes)?;
    for (_, part) in &margins {
        painted_behind = painted_behind || paints_behind_text(part)?;
    }
    let mut layout = Layout::default();
    let body = read_part(&bytes, &styles, painted_behind, &mut layout)?;
    if !layout.is_word_document {
        return Ok(None);
    }
    let mut headers: Vec<String> = Vec::new();
    let mut footers: Vec<String> = Vec::new();
    for (is_header, bytes) in &margins {
        let target = if *is_header { &mut headers } else { &mut footers };
        let mut part = Layout::default();
        let text = read_part(bytes, &styles, painted_behind, &mut part)?;
        layout.hidden_words += part.hidden_words;
        if !text.trim().is_empty() && !target.contains(&text) {
            target.push(text);
        }
    }

    Ok(Some(Parsed {
        header: headers.join("\n"),
        body,
        footer: footers.join("\n"),
        pages: None,
        images: layout.images,
        warnings: layout_warnings(&layout),
    }))
}

/// The main part's name from the package relationships; Word always
/// writes `word/document.xml`, other producers may not.
fn main_part_name(archive: &mut Archive<'_>) -> Result<String, DocumentError> {
    let fallback = "word/document.xml".to_owned();
    let Some(rels) = archive.read("_rels/.rels")? else {
        return Ok(fallback);
    };
    let mut target = None;
    xml::walk(&xml::decode(&rels), |node| {
        if let Node::Open(element) = node
            && element.name() == "Relationship"
            && element.attr("Type").is_some_and(|t| t.ends_with("/officeDocument"))
        {
            target = element.attr("Target");
        }
    })?;
    Ok(target.map_or(fallback, |t| t.trim_start_matches('/').to_owned()))
}

/// Elements whose content is not document text: paragraph and run
/// properties (their `w:tab` are tab stops, not tabs), deleted text, field
/// codes, and the VML fallback that repeats every modern drawing.
const SKIPPED: &[&str] = &["pPr", "rPr", "delText", "instrText", "Fallback", "del", "moveFrom"];

fn read_part(
    bytes: &[u8],
    styles: &Styles,
    painted_behind: bool,
    layout: &mut Layout,
) -> Result<String, DocumentError> {
    let mut flow = Flow::new();
    let mut visibility = Visibility::new(painted_behind);
    let mut skipped = SkippedSubtree::default();
    let mut in_text = false;
    let mut depth = 0usize;
    xml::walk(&xml::decode(bytes), |node| {
        match node {
            Node::Open(element) => {
                let name = element.name();
                depth += 1;
                if depth == 1 && name == "document" {
                    layout.is_word_document = true;
                }
                // Read even inside skipped properties: they mark list items
                // and section columns.
                match name {
                    "numPr" => flow.mark_list_item(),
                    "pStyle" if element.attr("val").is_some_and(|v| v.starts_with("List")) => flow.mark_list_item(),
                    "cols" => {
                        let columns = element.attr("num").and_then(|n| n.parse().ok()).unwrap_or(1);
                        layout.columns = layout.columns.max(columns);
                    }
                    _ => {}
                }
                visibility.open(element, styles);
                if skipped.opens(name, SKIPPED) {
                    return;
                }
                match name {
                    "p" => flow.open_paragraph(false),
                    "t" => in_text = true,
                    "tab" | "ptab" => flow.push_text("\t"),
                    "br" | "cr" => flow.push_text("\n"),
                    "noBreakHyphen" => flow.push_text("-"),
                    "sym" => {
                        // Symbol-font characters (bullets, check marks) are
                        // private-use code points; the normalizer maps them.
                        let symbol = element
                            .attr("char")
                            .and_then(|c| u32::from_str_radix(&c, 16).ok())
                            .and_then(char::from_u32);
                        if let Some(symbol) = symbol {
                            flow.push_text(symbol.encode_utf8(&mut [0; 4]));
                        }
                    }
                    "tbl" => layout.tables += 1,
                    "tr" => flow.open_row(),
                    "tc" => flow.open_cell(),
                    "txbxContent" => flow.open_text_box(),
                    "blip" | "imagedata" => layout.images += 1,
                    _ => {}
                }
            }
            Node::Close(name) => {
                depth = depth.saturating_sub(1);
                visibility.close(name);
                if skipped.closes(name) {
                    return;
                }
                match name {
                    "p" => flow.close_paragraph(),
                    "t" => in_text = false,
                    "tr" => flow.close_row(),
                    "tc" => flow.close_cell(),
                    "txbxContent" => flow.close_text_box(),
                    _ => {}
                }
            }
            Node::Text(text) => {
                if in_text && !skipped.is_open() {
                    if visibility.hidden() {
                        layout.hidden_words += text.split_whitespace().count();
                    } else {
                        flow.push_text(text);
                    }
                }
            }
        }
    })?;
    layout.text_boxes += flow.text_boxes;
    Ok(flow.finish())
}

fn layout_warnings(layout: &Layout) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if layout.columns >= 2 {
        warnings.push(Warning::new(
            WarningCode::MultiColumn,
            format!(
                "the document is laid out in {} columns: many ATS read straight across columns and mix them up",
                layout.columns
            ),
        ));
    }
    if layout.tables > 0 {
        warnings.push(Warning::tables(layout.tables));
    }
    if layout.text_boxes > 0 {
        warnings.push(Warning::text_boxes(layout.text_boxes));
    }
    warnings.extend(Warning::hidden_text(
        layout.hidden_words,
        "hidden, too small to see or white on the white page",
    ));
    warnings
}
