//! Which runs of a Word document a reader can see. Text is hidden by
//! `w:vanish`, drawn too small to read (a size under two points) or in
//! white on the white page (the forms keyword stuffing takes), set on the
//! run itself, on its character style or on its paragraph's style, each
//! overriding the one before.
//!
//! White counts as hidden only where nothing may paint behind it: not on a
//! shaded run or paragraph, never in a table cell or a text box, whose fill
//! (their own or their table style's) is how designed resumes put white
//! headings on a dark band, and nowhere in a document with a coloured page
//! or a picture or shape laid behind its text.

use std::collections::HashMap;

use super::super::xml::{self, Element, Node};
use super::DocumentError;

/// Font sizes are in half-points: below this, under two points.
const TINY_BELOW_HALF_POINTS: u32 = 4;
/// `basedOn` chains longer than this are cycles or abuse.
const MAX_STYLE_DEPTH: usize = 16;

/// What one style, or a run's own properties, say about visibility; `None`
/// leaves the inherited value.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Look {
    vanish: Option<bool>,
    tiny: Option<bool>,
    white: Option<bool>,
    /// A run's own shading or highlight: a backdrop for white text.
    backdrop: Option<bool>,
}

impl Look {
    /// Reads a property element of a run's or style's `rPr`.
    fn read(&mut self, element: &Element<'_>) {
        match element.name() {
            "vanish" => self.vanish = Some(is_on(element)),
            "sz" => {
                let half_points = element.attr("val").and_then(|v| v.parse::<u32>().ok());
                if let Some(half_points) = half_points {
                    self.tiny = Some(half_points < TINY_BELOW_HALF_POINTS);
                }
            }
            "color" => self.white = Some(is_white_color(element)),
            "shd" => self.backdrop = Some(is_filled(element)),
            "highlight" => self.backdrop = Some(element.attr("val").is_some_and(|v| v != "none")),
            _ => {}
        }
    }

    /// `self` over `base`.
    fn over(self, base: Look) -> Look {
        Look {
            vanish: self.vanish.or(base.vanish),
            tiny: self.tiny.or(base.tiny),
            white: self.white.or(base.white),
            backdrop: self.backdrop.or(base.backdrop),
        }
    }

    fn unreadable(self) -> bool {
        self.vanish == Some(true) || self.tiny == Some(true)
    }

    fn white_on_nothing(self) -> bool {
        self.white == Some(true) && self.backdrop != Some(true)
    }
}

/// `w:color` in white or nearly (every channel at least `F0`), or the
/// theme's background colour.
fn is_white_color(element: &Element<'_>) -> bool {
    if let Some(theme) = element.attr("themeColor") {
        return matches!(theme.as_str(), "background1" | "light1");
    }
    element.attr("val").is_some_and(|v| is_white_hex(&v))
}

fn is_white_hex(value: &str) -> bool {
    value.len() == 6
        && (0..3).all(|i| {
            value
                .get(2 * i..2 * i + 2)
                .and_then(|channel| u8::from_str_radix(channel, 16).ok())
                .is_some_and(|channel| channel >= 0xF0)
        })
}

/// `w:shd` with a fill other than none, `auto` or white.
fn is_filled(element: &Element<'_>) -> bool {
    element
        .attr("fill")
        .is_some_and(|fill| fill != "auto" && !is_white_hex(&fill))
        || element
            .attr("themeFill")
            .is_some_and(|theme| !matches!(theme.as_str(), "background1" | "light1"))
}

/// `<w:vanish/>` is on; `w:val="0"`, `"false"` or `"off"` turns it off.
fn is_on(element: &Element<'_>) -> bool {
    element
        .attr("val")
        .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

/// The styles of `word/styles.xml`, each resolved through its `basedOn`.
#[derive(Debug, Default)]
pub(super) struct Styles {
    looks: HashMap<String, Look>,
}

impl Styles {
    pub(super) fn parse(bytes: &[u8]) -> Result<Self, DocumentError> {
        let mut own: HashMap<String, (Look, Option<String>)> = HashMap::new();
        let mut current: Option<(String, Look, Option<String>)> = None;
        let mut in_run_properties = false;
        xml::walk(&xml::decode(bytes), |node| match node {
            Node::Open(element) => match element.name() {
                "style" => current = element.attr("styleId").map(|id| (id, Look::default(), None)),
                "basedOn" => {
                    if let Some((_, _, based_on)) = &mut current {
                        *based_on = element.attr("val");
                    }
                }
                "rPr" => in_run_properties = true,
                _ if in_run_properties => {
                    if let Some((_, look, _)) = &mut current {
                        look.read(element);
                    }
                }
                _ => {}
            },
            Node::Close("rPr") => in_run_properties = false,
            Node::Close("style") => {
                if let Some((id, look, based_on)) = current.take() {
                    own.insert(id, (look, based_on));
                }
            }
            _ => {}
        })?;
        let looks = own
            .keys()
            .map(|id| {
                let mut look = Look::default();
                let mut next = Some(id);
                for _ in 0..MAX_STYLE_DEPTH {
                    let Some((style, based_on)) = next.and_then(|id| own.get(id)) else {
                        break;
                    };
                    look = look.over(*style);
                    next = based_on.as_ref();
                }
                (id.clone(), look)
            })
            .collect();
        Ok(Self { looks })
    }

    fn look(&self, id: Option<String>) -> Look {
        id.and_then(|id| self.looks.get(&id).copied()).unwrap_or_default()
    }
}

/// Follows paragraphs and runs through a part's walk.
#[derive(Debug, Default)]
pub(super) struct Visibility {
    paragraph: Look,
    run: Option<Look>,
    /// Open tracked formatting changes: they hold the properties before
    /// the change, not the ones in force.
    changes: usize,
    /// Open table cells and text boxes: they may be filled behind the text.
    fills: usize,
    /// Something of the document is painted behind its text (see
    /// [`paints_behind_text`]): white may be seen anywhere.
    painted_behind: bool,
}

/// Tracked changes of run and paragraph properties.
const CHANGES: [&str; 2] = ["rPrChange", "pPrChange"];

/// Whether a part paints something behind the text: a page colour
/// (`w:background`), a picture or shape laid behind the text (`wp:anchor
/// behindDoc="1"`, or a VML shape with a negative `z-index`). Such a
/// backdrop may sit under any line of the page, so it holds for the whole
/// document.
pub(super) fn paints_behind_text(bytes: &[u8]) -> Result<bool, DocumentError> {
    let mut behind = false;
    xml::walk(&xml::decode(bytes), |node| {
        if let Node::Open(element) = node {
            behind |= match element.name() {
                "background" => element.attr("color").is_some_and(|c| c != "auto" && !is_white_hex(&c)),
                "anchor" => element.attr("behindDoc").is_some_and(|v| v == "1"),
                _ => element
                    .attr("style")
                    .is_some_and(|style| style.replace(' ', "").contains("z-index:-")),
            };
        }
    })?;
    Ok(behind)
}

impl Visibility {
    pub(super) fn new(painted_behind: bool) -> Self {
        Self {
            painted_behind,
            ..Self::default()
        }
    }

    /// Called for every element that opens; properties count only where
    /// they stand (a paragraph's `rPr` styles its mark, not its runs).
    pub(super) fn open(&mut self, element: &Element<'_>, styles: &Styles) {
        if CHANGES.contains(&element.name()) {
            self.changes += 1;
        }
        if self.changes > 0 {
            return;
        }
        if matches!(element.name(), "tc" | "txbxContent") {
            self.fills += 1;
        }
        match (element.name(), &mut self.run) {
            // A paragraph opens inside a run only in a text box: that run
            // is left behind.
            ("p", _) => {
                self.paragraph = Look::default();
                self.run = None;
            }
            ("pStyle", None) => self.paragraph = styles.look(element.attr("val")),
            // The paragraph's own shading (`pPr/shd`) is a backdrop too.
            ("shd", None) => self.paragraph.backdrop = Some(is_filled(element)),
            ("r", _) => self.run = Some(self.paragraph),
            ("rStyle", Some(run)) => *run = styles.look(element.attr("val")).over(self.paragraph),
            (_, Some(run)) => run.read(element),
            _ => {}
        }
    }

    pub(super) fn close(&mut self, name: &str) {
        match name {
            _ if CHANGES.contains(&name) => self.changes = self.changes.saturating_sub(1),
            "r" => self.run = None,
            "tc" | "txbxContent" => self.fills = self.fills.saturating_sub(1),
            _ => {}
        }
    }

    /// Whether text here is hidden from a reader.
    pub(super) fn hidden(&self) -> bool {
        self.run
            .is_some_and(|run| run.unreadable() || (run.white_on_nothing() && self.fills == 0 && !self.painted_behind))
    }
}
