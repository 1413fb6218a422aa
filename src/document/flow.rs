//! Rebuilding reading order from the nested structure of word-processor
//! XML (DOCX, ODT): paragraphs, list items, table rows and cells, and text
//! boxes, which sit inside a paragraph but read best after it.

/// One open structure while walking the XML.
enum Frame {
    /// Somewhere paragraphs land: the body, a table cell or a text box.
    Container(Vec<String>),
    Row(Vec<String>),
    Paragraph {
        text: String,
        list_item: bool,
        /// Text boxes anchored in this paragraph, read after it.
        boxes: Vec<String>,
    },
}

/// Separates table cells on one line: a reader sees the row, and the scan
/// engine treats `|` as a word boundary.
const CELL_SEPARATOR: &str = " | ";

pub(crate) struct Flow {
    frames: Vec<Frame>,
    /// Text boxes opened (reported: many ATS skip them).
    pub text_boxes: usize,
}

impl Flow {
    pub(crate) fn new() -> Self {
        Self {
            frames: vec![Frame::Container(Vec::new())],
            text_boxes: 0,
        }
    }

    pub(crate) fn open_paragraph(&mut self, list_item: bool) {
        self.frames.push(Frame::Paragraph {
            text: String::new(),
            list_item,
            boxes: Vec::new(),
        });
    }

    pub(crate) fn mark_list_item(&mut self) {
        if let Some(Frame::Paragraph { list_item, .. }) = self.nearest_paragraph() {
            *list_item = true;
        }
    }

    /// Adds text to the open paragraph; text outside any paragraph is
    /// layout noise (indentation whitespace) and dropped.
    pub(crate) fn push_text(&mut self, piece: &str) {
        if let Some(Frame::Paragraph { text, .. }) = self.nearest_paragraph() {
            text.push_str(piece);
        }
    }

    pub(crate) fn close_paragraph(&mut self) {
        let Some(position) = self.frames.iter().rposition(|f| matches!(f, Frame::Paragraph { .. })) else {
            return;
        };
        if position == 0 {
            return;
        }
        // Structures left open inside the paragraph (malformed input) close
        // with it, so their text is kept rather than lost.
        while self.frames.len() > position + 1 {
            self.close_top();
        }
        if let Some(Frame::Paragraph { text, list_item, boxes }) = self.frames.pop() {
            let line = if list_item && !text.trim().is_empty() {
                format!("• {}", text.trim_start())
            } else {
                text
            };
            self.emit(line);
            for paragraph in boxes {
                self.emit(paragraph);
            }
        }
    }

    pub(crate) fn open_row(&mut self) {
        self.frames.push(Frame::Row(Vec::new()));
    }

    pub(crate) fn close_row(&mut self) {
        if matches!(self.frames.last(), Some(Frame::Row(_)))
            && let Some(Frame::Row(cells)) = self.frames.pop()
        {
            let cells: Vec<String> = cells.into_iter().filter(|c| !c.trim().is_empty()).collect();
            self.emit(cells.join(CELL_SEPARATOR));
        }
    }

    pub(crate) fn open_cell(&mut self) {
        self.frames.push(Frame::Container(Vec::new()));
    }

    pub(crate) fn close_cell(&mut self) {
        if self.frames.len() > 1
            && matches!(self.frames.last(), Some(Frame::Container(_)))
            && let Some(Frame::Container(paragraphs)) = self.frames.pop()
        {
            let cell = paragraphs
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            match self.frames.iter_mut().rev().find(|f| matches!(f, Frame::Row(_))) {
                Some(Frame::Row(cells)) => cells.push(cell),
                _ => self.emit(cell),
            }
        }
    }

    pub(crate) fn open_text_box(&mut self) {
        self.text_boxes += 1;
        self.frames.push(Frame::Container(Vec::new()));
    }

    pub(crate) fn close_text_box(&mut self) {
        if self.frames.len() > 1
            && matches!(self.frames.last(), Some(Frame::Container(_)))
            && let Some(Frame::Container(paragraphs)) = self.frames.pop()
        {
            match self.nearest_paragraph() {
                Some(Frame::Paragraph { boxes, .. }) => boxes.extend(paragraphs),
                _ => paragraphs.into_iter().for_each(|p| self.emit(p)),
            }
        }
    }

    /// The text, one paragraph or table row per line.
    pub(crate) fn finish(mut self) -> String {
        while self.frames.len() > 1 {
            self.close_top();
        }
        match self.frames.pop() {
            Some(Frame::Container(paragraphs)) => paragraphs.join("\n"),
            _ => String::new(),
        }
    }

    fn close_top(&mut self) {
        match self.frames.last() {
            Some(Frame::Paragraph { .. }) => self.close_paragraph(),
            Some(Frame::Row(_)) => self.close_row(),
            Some(Frame::Container(_)) => self.close_cell(),
            None => {}
        }
    }

    fn nearest_paragraph(&mut self) -> Option<&mut Frame> {
        self.frames
            .iter_mut()
            .rev()
            .find(|f| matches!(f, Frame::Paragraph { .. }))
    }

    fn emit(&mut self, paragraph: String) {
        // The root container is popped only by `finish`, so one is found.
        if let Some(Frame::Container(paragraphs)) =
            self.frames.iter_mut().rev().find(|f| matches!(f, Frame::Container(_)))
        {
            paragraphs.push(paragraph);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_become_lines_of_cells() {
        let mut flow = Flow::new();
        flow.open_paragraph(false);
        flow.push_text("Skills");
        flow.close_paragraph();
        for row in [["Languages", "Rust, Go"], ["Databases", "PostgreSQL"]] {
            flow.open_row();
            for cell in row {
                flow.open_cell();
                flow.open_paragraph(false);
                flow.push_text(cell);
                flow.close_paragraph();
                flow.close_cell();
            }
            flow.close_row();
        }
        assert_eq!(flow.finish(), "Skills\nLanguages | Rust, Go\nDatabases | PostgreSQL");
    }

    #[test]
    fn a_text_box_is_read_after_its_anchor_paragraph() {
        let mut flow = Flow::new();
        flow.open_paragraph(true);
        flow.push_text("Led the team");
        flow.open_text_box();
        flow.open_paragraph(false);
        flow.push_text("Sidebar");
        flow.close_paragraph();
        flow.close_text_box();
        flow.push_text(" of five");
        flow.close_paragraph();
        assert_eq!(flow.text_boxes, 1);
        assert_eq!(flow.finish(), "• Led the team of five\nSidebar");
    }

    #[test]
    fn unclosed_structures_keep_their_text() {
        let mut flow = Flow::new();
        flow.open_row();
        flow.open_cell();
        flow.open_paragraph(false);
        flow.push_text("orphan");
        assert_eq!(flow.finish(), "orphan");
    }
}
