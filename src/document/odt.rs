//! ODT (OpenDocument text): `content.xml` for the body, the master pages in
//! `styles.xml` for headers and footers.

use super::archive::Archive;
use super::flow::Flow;
use super::xml::{self, Node, SkippedSubtree};
use super::{DocumentError, Parsed, Warning, WarningCode};

#[derive(Default)]
struct Layout {
    tables: usize,
    images: usize,
    columns: u32,
}

/// Which part of `styles.xml` a walk keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Region {
    Body,
    Header,
    Footer,
}

pub(crate) fn parse(archive: &mut Archive<'_>) -> Result<Parsed, DocumentError> {
    let content = archive
        .read("content.xml")?
        .ok_or_else(|| DocumentError::corrupt("the document has no content part"))?;
    let mut layout = Layout::default();
    let (body, text_boxes) = read_part(&content, Region::Body, &mut layout)?;
    let (header, footer) = match archive.read("styles.xml")? {
        Some(styles) => (
            read_part(&styles, Region::Header, &mut Layout::default())?.0,
            read_part(&styles, Region::Footer, &mut Layout::default())?.0,
        ),
        None => (String::new(), String::new()),
    };
    let mut warnings = Vec::new();
    if layout.columns >= 2 {
        warnings.push(Warning::new(
            WarningCode::MultiColumn,
            "the document is laid out in columns: many ATS read straight across columns and mix them up",
        ));
    }
    if layout.tables > 0 {
        warnings.push(Warning::tables(layout.tables));
    }
    if text_boxes > 0 {
        warnings.push(Warning::text_boxes(text_boxes));
    }
    Ok(Parsed {
        header,
        body,
        footer,
        pages: None,
        images: layout.images,
        warnings,
    })
}

/// Elements whose text is not document text: tracked deletions, comments,
/// and (in `styles.xml`) everything but the region asked for.
/// The left-page and first-page variants of headers and footers usually
/// repeat the default one.
const SKIPPED: &[&str] = &[
    "tracked-changes",
    "annotation",
    "sequence-decls",
    "header-left",
    "header-first",
    "footer-left",
    "footer-first",
];

fn read_part(bytes: &[u8], region: Region, layout: &mut Layout) -> Result<(String, usize), DocumentError> {
    let mut flow = Flow::new();
    let mut skipped = SkippedSubtree::default();
    // In styles.xml only text inside the wanted header/footer is kept; in
    // content.xml only text inside the office body.
    let mut inside = 0usize;
    let mut list_item_pending = false;
    let wanted = match region {
        Region::Body => "text",
        Region::Header => "header",
        Region::Footer => "footer",
    };
    xml::walk(&xml::decode(bytes), |node| match node {
        Node::Open(element) => {
            let name = element.name();
            if name == "columns"
                && let Some(count) = element.attr("column-count").and_then(|c| c.parse().ok())
            {
                layout.columns = layout.columns.max(count);
            }
            if skipped.opens(name, SKIPPED) {
                return;
            }
            if name == wanted || (region != Region::Body && name.starts_with(wanted)) {
                inside += 1;
            }
            if inside == 0 {
                return;
            }
            match name {
                "p" | "h" => flow.open_paragraph(std::mem::take(&mut list_item_pending)),
                "list-item" => list_item_pending = true,
                "s" => {
                    let count = element.attr("c").and_then(|c| c.parse().ok()).unwrap_or(1usize);
                    flow.push_text(&" ".repeat(count.min(64)));
                }
                "tab" => flow.push_text("\t"),
                "line-break" => flow.push_text("\n"),
                "table" => layout.tables += 1,
                "table-row" => flow.open_row(),
                "table-cell" => flow.open_cell(),
                "text-box" => flow.open_text_box(),
                "image" => layout.images += 1,
                _ => {}
            }
        }
        Node::Close(name) => {
            if skipped.closes(name) {
                return;
            }
            if inside == 0 {
                return;
            }
            match name {
                "p" | "h" => flow.close_paragraph(),
                "table-row" => flow.close_row(),
                "table-cell" => flow.close_cell(),
                "text-box" => flow.close_text_box(),
                _ => {}
            }
            if name == wanted || (region != Region::Body && name.starts_with(wanted)) {
                inside -= 1;
            }
        }
        Node::Text(text) => {
            // ODF collapses whitespace in paragraphs: line breaks in the
            // XML are formatting, real ones are <text:line-break/>.
            if inside > 0 && !skipped.is_open() {
                flow.push_text(&text.replace(['\n', '\r', '\t'], " "));
            }
        }
    })?;
    let text_boxes = flow.text_boxes;
    Ok((flow.finish(), text_boxes))
}
