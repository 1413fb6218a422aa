//! A small streaming walk over the XML parts of DOCX and ODT files.
//!
//! Elements are matched by local name: prefixes are only conventions
//! (`w:`, `text:`), and DrawingML's `a:p`/`a:t` carry text as well.
//! quick-xml never expands DTD entities, so "billion laughs" files cannot
//! inflate here; unknown entities are dropped.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::DocumentError;

/// One step of the walk. An empty element (`<w:tab/>`) is an `Open`
/// immediately followed by its `Close`.
pub(crate) enum Node<'e, 'x> {
    Open(&'e Element<'x>),
    Close(&'e str),
    Text(&'e str),
}

/// An opening tag: its local name and attributes.
pub(crate) struct Element<'x> {
    start: BytesStart<'x>,
}

impl Element<'_> {
    pub(crate) fn name(&self) -> &str {
        local(self.start.name().into_inner())
    }

    /// The value of the attribute with this local name, entities resolved.
    pub(crate) fn attr(&self, wanted: &str) -> Option<String> {
        self.start
            .attributes()
            .with_checks(false)
            .filter_map(Result::ok)
            .find(|a| local(a.key.as_ref()) == wanted)
            .map(|a| quick_xml::escape::unescape(&a.value).map_or_else(|_| a.value.to_string(), |v| v.into_owned()))
    }
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// Follows the subtree of an element whose content is not text (deleted
/// text, field codes, ...) through the walk, counting how often the element
/// nests in itself so that its own close ends the subtree.
#[derive(Debug, Default)]
pub(crate) struct SkippedSubtree {
    open: Option<(String, usize)>,
}

impl SkippedSubtree {
    /// Whether the element opening here lies in a skipped subtree, starting
    /// one if it is named in `skipped`.
    pub(crate) fn opens(&mut self, name: &str, skipped: &[&str]) -> bool {
        if let Some((element, nesting)) = &mut self.open {
            if element == name {
                *nesting += 1;
            }
            return true;
        }
        if skipped.contains(&name) {
            self.open = Some((name.to_owned(), 1));
            return true;
        }
        false
    }

    /// Whether the element closing here lies in a skipped subtree (the
    /// subtree's own close included).
    pub(crate) fn closes(&mut self, name: &str) -> bool {
        let Some((element, nesting)) = &mut self.open else {
            return false;
        };
        if element == name {
            *nesting -= 1;
            if *nesting == 0 {
                self.open = None;
            }
        }
        true
    }

    /// Whether the walk is inside a skipped subtree.
    pub(crate) fn is_open(&self) -> bool {
        self.open.is_some()
    }
}

/// Decodes an XML part's bytes: UTF-8 (what Office and LibreOffice write),
/// or UTF-16 when it starts with a byte-order mark.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        encoding_rs::UTF_16LE.decode_without_bom_handling(rest).0.into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        encoding_rs::UTF_16BE.decode_without_bom_handling(rest).0.into_owned()
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// Walks `xml`, calling `visit` for every element and text node.
pub(crate) fn walk(xml: &str, mut visit: impl FnMut(Node<'_, '_>)) -> Result<(), DocumentError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|_| DocumentError::corrupt("a part of the document is not valid XML"))?;
        match event {
            Event::Start(start) => visit(Node::Open(&Element { start })),
            Event::Empty(start) => {
                let element = Element { start };
                visit(Node::Open(&element));
                visit(Node::Close(element.name()));
            }
            Event::End(end) => visit(Node::Close(local(end.name().into_inner()))),
            Event::Text(text) => visit(Node::Text(&text.xml10_content())),
            Event::CData(data) => visit(Node::Text(&data)),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => resolve_predefined_entity(&reference).map(str::to_owned),
                    Err(_) => None,
                };
                if let Some(text) = resolved {
                    visit(Node::Text(&text));
                }
            }
            Event::Eof => return Ok(()),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> String {
        let mut out = String::new();
        walk(xml, |node| match node {
            Node::Open(e) if e.name() == "br" => out.push('/'),
            Node::Text(t) => out.push_str(t),
            _ => {}
        })
        .unwrap();
        out
    }

    #[test]
    fn prefixes_entities_and_empty_elements_are_handled() {
        let xml = r#"<w:p xmlns:w="x"><w:t>C++ &amp; R&#233;sum&#xE9;</w:t><w:br/><w:t>&lt;Go&gt;</w:t></w:p>"#;
        assert_eq!(texts(xml), "C++ & Résumé/<Go>");
    }

    #[test]
    fn declared_entities_are_not_expanded() {
        let xml = r#"<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>x&b;y</d>"#;
        assert_eq!(texts(xml), "xy");
    }

    #[test]
    fn broken_xml_is_corrupt() {
        assert!(walk("<a><b>text<!-- never closed", |_| {}).is_err());
    }
}
