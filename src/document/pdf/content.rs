//! Running a page's content stream far enough to know where each piece of
//! text lands: the text and graphics state operators, text showing, and
//! form XObjects (with a depth cap and cycle check, since a form may draw
//! itself). Positions are what make reading order recoverable for
//! multi-column layouts; a plain dump of the stream is in drawing order.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::Font;
use super::marked::{MarkedContent, Origin, Replacement};
use crate::document::DocumentError;

/// A run of text from one show operator, in points, in the frame its text
/// reads in: page space (y up) for upright text; for turned text (a title
/// run up a sidebar) the page turned until the text is upright.
#[derive(Debug, Clone)]
pub(crate) struct Span {
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Font size on the page (after all scaling).
    pub size: f64,
    pub text: String,
    /// Whether the text runs other than left to right across the page.
    pub turned: bool,
}

/// What one page draws.
#[derive(Debug, Default)]
pub(crate) struct PageContent {
    pub spans: Vec<Span>,
    /// Images drawn, and the page area they cover (points²).
    pub images: usize,
    pub image_area: f64,
    /// Words drawn too small to see (see [`HIDDEN_BELOW_POINTS`]), left out
    /// of `spans`.
    pub hidden_words: usize,
}

/// Work allowed across the whole document, so a crafted file cannot spin
/// the interpreter for minutes.
pub(crate) struct Budget {
    pub operations: usize,
    pub forms: usize,
    pub inflated_bytes: usize,
}

const MAX_FORM_DEPTH: usize = 12;
/// Moving right by more than this many ems inside one `TJ` is layout (a
/// jump to another column or a tab stop), not kerning: split the span.
const TJ_SPLIT_EMS: f64 = 2.0;
/// A gap of more than this fraction of an em inside one `TJ` is how many
/// generators write a space without a space glyph (poppler's word break
/// is the same tenth of the font size).
const TJ_SPACE_EMS: f64 = 0.1;
/// Text drawn smaller than this (in points, on the page) cannot be read
/// by a person: it is there for machines, as keyword stuffing is. The
/// smallest print meant to be read (footnotes, legal lines) is 5-6 points.
const HIDDEN_BELOW_POINTS: f64 = 2.0;
/// Enough for deep but honest `q`/`Q` use; further saves are ignored.
const MAX_SAVED_STATES: usize = 256;

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b` (PDF multiplies row vectors: point × a × b).
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

#[derive(Clone)]
struct State<'a> {
    ctm: Matrix,
    font: Option<Rc<Font<'a>>>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    horizontal_scale: f64,
    leading: f64,
    rise: f64,
}

pub(crate) struct Interpreter<'a, 'b> {
    doc: &'a Document,
    budget: &'b mut Budget,
    /// Fonts by dictionary address: the same font object is shared by
    /// every page and form that names it.
    fonts: HashMap<usize, Rc<Font<'a>>>,
    out: PageContent,
    state: State<'a>,
    saved: Vec<State<'a>>,
    text_matrix: Matrix,
    line_matrix: Matrix,
    /// Forms being drawn, to refuse a form that draws itself.
    form_path: Vec<ObjectId>,
    marked: MarkedContent,
}

impl Default for State<'_> {
    fn default() -> Self {
        Self {
            ctm: IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

impl<'a, 'b> Interpreter<'a, 'b> {
    pub(crate) fn new(doc: &'a Document, budget: &'b mut Budget) -> Self {
        Self {
            doc,
            budget,
            fonts: HashMap::new(),
            out: PageContent::default(),
            state: State::default(),
            saved: Vec::new(),
            text_matrix: IDENTITY,
            line_matrix: IDENTITY,
            form_path: Vec::new(),
            marked: MarkedContent::default(),
        }
    }

    /// Runs one page and returns what it drew.
    pub(crate) fn run_page(&mut self, page: ObjectId) -> Result<PageContent, DocumentError> {
        let limit = self.budget.inflated_bytes;
        let content = match self.doc.get_page_content_with_limit(page, limit) {
            Ok(content) => content,
            Err(lopdf::Error::Decompress(_)) => return Err(too_big()),
            Err(_) => Vec::new(),
        };
        self.budget.inflated_bytes = limit.saturating_sub(content.len());
        let resources = page_resources(self.doc, page);
        // Every page starts from the default graphics state: a page whose
        // stream scales the page without `q`/`Q` (as Skia writes them) must
        // not scale the next one.
        self.state = State::default();
        self.saved.clear();
        self.marked = MarkedContent::default();
        self.run(&content, &resources)?;
        Ok(std::mem::take(&mut self.out))
    }

    fn run(&mut self, content: &[u8], resources: &[&'a Dictionary]) -> Result<(), DocumentError> {
        // Operations are decoded one at a time: a small stream of tiny
        // operators would otherwise become gigabytes of `Operation`s before
        // the budget could stop it. A stream that stops parsing keeps what
        // it drew so far: the other pages may still be fine.
        for operation in Content::decode_iter(content) {
            let Ok(operation) = operation else { break };
            self.budget.operations = self.budget.operations.checked_sub(1).ok_or_else(too_big)?;
            let operands = &operation.operands;
            let num = |i: usize| operands.get(i).and_then(|o| o.as_float().ok()).map_or(0.0, f64::from);
            let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
            match operation.operator.as_str() {
                "q" if self.saved.len() < MAX_SAVED_STATES => self.saved.push(self.state.clone()),
                "Q" => {
                    if let Some(state) = self.saved.pop() {
                        self.state = state;
                    }
                }
                "cm" => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)].map(finite);
                    self.state.ctm = multiply(&m, &self.state.ctm);
                }
                "BT" => {
                    self.text_matrix = IDENTITY;
                    self.line_matrix = IDENTITY;
                }
                "Tf" => {
                    self.state.font_size = finite(num(1));
                    let name = operands.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
                    self.state.font = Some(self.font(resources, name));
                }
                "Tc" => self.state.char_spacing = finite(num(0)),
                "Tw" => self.state.word_spacing = finite(num(0)),
                "Tz" => self.state.horizontal_scale = finite(num(0)) / 100.0,
                "TL" => self.state.leading = finite(num(0)),
                "Ts" => self.state.rise = finite(num(0)),
                "Td" => self.move_line(finite(num(0)), finite(num(1))),
                "TD" => {
                    self.state.leading = -finite(num(1));
                    self.move_line(finite(num(0)), finite(num(1)));
                }
                "Tm" => {
                    let m = [num(0), num(1), num(2), num(3), num(4), num(5)].map(finite);
                    self.text_matrix = m;
                    self.line_matrix = m;
                }
                "T*" => self.next_line(),
                "Tj" => {
                    if let Some(string) = operands.first() {
                        self.show(std::slice::from_ref(string));
                    }
                }
                "'" => {
                    self.next_line();
                    if let Some(string) = operands.first() {
                        self.show(std::slice::from_ref(string));
                    }
                }
                "\"" => {
                    self.state.word_spacing = finite(num(0));
                    self.state.char_spacing = finite(num(1));
                    self.next_line();
                    if let Some(string) = operands.get(2) {
                        self.show(std::slice::from_ref(string));
                    }
                }
                "TJ" => {
                    if let Some(Ok(items)) = operands.first().map(Object::as_array) {
                        self.show(items);
                    }
                }
                "Do" => {
                    let name = operands.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
                    self.draw_object(resources, name)?;
                }
                "BI" => self.count_image(),
                "BMC" => self.marked.begin(None),
                "BDC" => {
                    let properties = match operands.get(1) {
                        Some(Object::Name(name)) => lookup(self.doc, resources, b"Properties", name),
                        other => other,
                    };
                    self.marked.begin(properties.and_then(|p| p.as_dict().ok()));
                }
                "EMC" => self.end_marked(),
                _ => {}
            }
        }
        Ok(())
    }

    fn move_line(&mut self, tx: f64, ty: f64) {
        self.line_matrix = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    fn next_line(&mut self) {
        self.move_line(0.0, -self.state.leading);
    }

    /// Shows strings (and `TJ` position adjustments), emitting spans.
    fn show(&mut self, items: &[Object]) {
        let font = self.state.font.clone().unwrap_or_else(|| Rc::new(Font::fallback()));
        let size = self.state.font_size;
        let scale = self.state.horizontal_scale;
        let mut text = String::new();
        let mut start: Option<Origin> = None;
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    if start.is_none() {
                        start = Some(self.text_origin());
                    }
                    text.push_str(&font.decode(bytes));
                    let advance: f64 = font
                        .codes(bytes)
                        .into_iter()
                        .map(|(code, is_space)| {
                            let word = if is_space { self.state.word_spacing } else { 0.0 };
                            (font.advance(code) * size + self.state.char_spacing + word) * scale
                        })
                        .sum();
                    self.advance(advance);
                }
                other => {
                    let Ok(adjust) = other.as_float() else { continue };
                    let ems = -f64::from(adjust) / 1000.0;
                    // The white space this leaves after the last glyph:
                    // negative character spacing, already in its advance,
                    // pulls the letters together and eats into the move;
                    // positive spacing tracks every letter alike and
                    // separates no words.
                    let tightening = self.state.char_spacing.min(0.0);
                    let gap = if size > 0.0 { ems + tightening / size } else { ems };
                    if gap > TJ_SPLIT_EMS {
                        self.emit(start.take(), std::mem::take(&mut text));
                    } else if gap > TJ_SPACE_EMS && !text.is_empty() && !text.ends_with(' ') {
                        text.push(' ');
                    }
                    self.advance(ems * size * scale);
                }
            }
        }
        self.emit(start, text);
    }

    /// Where the next glyph's origin lands in the frame the text reads in
    /// (see [`Span`]), the font size there, and whether the text is turned.
    fn text_origin(&self) -> Origin {
        let matrix = multiply(&self.text_matrix, &self.state.ctm);
        let (x, y) = apply(&matrix, 0.0, self.state.rise);
        let size = self.state.font_size * (matrix[2] * matrix[2] + matrix[3] * matrix[3]).sqrt();
        // The direction the text runs in on the page.
        let (dx, dy) = (matrix[0], matrix[1]);
        let length = dx.hypot(dy);
        let turned = length > 0.0 && (dy.abs() > dx.abs() || dx < 0.0);
        if !turned {
            return (x, y, size.abs(), false);
        }
        let (cos, sin) = (dx / length, dy / length);
        (x * cos + y * sin, y * cos - x * sin, size.abs(), true)
    }

    fn advance(&mut self, tx: f64) {
        if tx.is_finite() {
            self.text_matrix = multiply(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.text_matrix);
        }
    }

    fn emit(&mut self, start: Option<Origin>, text: String) {
        let (end, _, _, _) = self.text_origin();
        if self.marked.replaces(start, end) {
            return;
        }
        if let Some(start) = start {
            self.push_span(start, end, text);
        }
    }

    /// `EMC`: an actual text that closes takes the place of its glyphs.
    fn end_marked(&mut self) {
        if let Some(Replacement {
            text,
            origin: Some(origin),
            end,
        }) = self.marked.end()
        {
            self.push_span(origin, end, text);
        }
    }

    fn push_span(&mut self, (x0, y, size, turned): Origin, x1: f64, text: String) {
        if text.trim().is_empty() || !x0.is_finite() || !y.is_finite() {
            return;
        }
        if size < HIDDEN_BELOW_POINTS {
            self.out.hidden_words += text.split_whitespace().count();
            return;
        }
        self.out.spans.push(Span {
            x0,
            x1: if x1.is_finite() { x1.max(x0) } else { x0 },
            y,
            size: if size.is_finite() { size } else { 1.0 },
            text,
            turned,
        });
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Rc<Font<'a>> {
        let Some(dict) = lookup(self.doc, resources, b"Font", name).and_then(|o| o.as_dict().ok()) else {
            return Rc::new(Font::fallback());
        };
        let key = std::ptr::from_ref(dict) as usize;
        let limit = self.budget.inflated_bytes;
        self.fonts
            .entry(key)
            .or_insert_with(|| Rc::new(Font::load(self.doc, dict, limit)))
            .clone()
    }

    fn draw_object(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Result<(), DocumentError> {
        let Some(reference) = lookup_reference(self.doc, resources, name) else {
            return Ok(());
        };
        let Ok(stream) = self.doc.get_object(reference).and_then(Object::as_stream) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.count_image(),
            Ok(b"Form") => {
                if self.form_path.contains(&reference) || self.form_path.len() >= MAX_FORM_DEPTH {
                    return Ok(());
                }
                self.budget.forms = self.budget.forms.checked_sub(1).ok_or_else(too_big)?;
                let content = match stream.get_plain_content_with_limit(self.budget.inflated_bytes) {
                    Ok(content) => content,
                    Err(lopdf::Error::Decompress(_)) => return Err(too_big()),
                    Err(_) => return Ok(()),
                };
                self.budget.inflated_bytes = self.budget.inflated_bytes.saturating_sub(content.len());
                let own: Vec<&'a Dictionary> = stream
                    .dict
                    .get_deref(b"Resources", self.doc)
                    .and_then(Object::as_dict)
                    .map(|d| vec![d])
                    .unwrap_or_else(|_| resources.to_vec());
                let matrix = stream
                    .dict
                    .get_deref(b"Matrix", self.doc)
                    .and_then(Object::as_array)
                    .ok()
                    .filter(|m| m.len() == 6)
                    .map(|m| {
                        let v = |i: usize| m[i].as_float().map_or(0.0, f64::from);
                        [v(0), v(1), v(2), v(3), v(4), v(5)]
                    })
                    .unwrap_or(IDENTITY);
                // A form runs in its own graphics state and text objects.
                let saved_state = self.state.clone();
                let saved_text = (self.text_matrix, self.line_matrix);
                let saved_depth = self.saved.len();
                self.state.ctm = multiply(&matrix, &self.state.ctm);
                self.form_path.push(reference);
                let result = self.run(&content, &own);
                self.form_path.pop();
                self.saved.truncate(saved_depth);
                self.state = saved_state;
                (self.text_matrix, self.line_matrix) = saved_text;
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    fn count_image(&mut self) {
        // An image fills the unit square mapped by the current matrix.
        let m = self.state.ctm;
        let area = (m[0] * m[3] - m[1] * m[2]).abs();
        self.out.images += 1;
        if area.is_finite() {
            self.out.image_area += area;
        }
    }
}

fn too_big() -> DocumentError {
    DocumentError::resource("the PDF holds far more drawing data than a document needs")
}

/// The page's resource dictionaries, nearest first (pages inherit them).
fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((direct, ids)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    direct
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

/// `resources[category][name]`, dereferenced.
fn lookup<'a>(doc: &'a Document, resources: &[&'a Dictionary], category: &[u8], name: &[u8]) -> Option<&'a Object> {
    resources.iter().find_map(|dict| {
        let entries = dict.get_deref(category, doc).and_then(Object::as_dict).ok()?;
        let entry = entries.get(name).ok()?;
        doc.dereference(entry).ok().map(|(_, object)| object)
    })
}

/// The object id of an XObject: forms are tracked by id to catch cycles.
fn lookup_reference(doc: &Document, resources: &[&Dictionary], name: &[u8]) -> Option<ObjectId> {
    resources.iter().find_map(|dict| {
        let entries = dict.get_deref(b"XObject", doc).and_then(Object::as_dict).ok()?;
        entries.get(name).ok()?.as_reference().ok()
    })
}
