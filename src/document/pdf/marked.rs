//! Marked content that carries `/ActualText`: the text a span of glyphs
//! stands for (a ligature, a word hyphenated across lines, an icon named
//! in words), which the PDF specification makes the text to extract in
//! place of the glyphs. An empty `/ActualText` hides decoration (an icon,
//! a soft hyphen) from extraction.

use lopdf::{Dictionary, decode_text_string};

/// Where a replaced span's first glyph sat: x, baseline, size, turned.
pub(super) type Origin = (f64, f64, f64, bool);

/// A finished replacement: its text, where its glyphs began (`None` when
/// it drew none) and the x where the last of them ended.
pub(super) struct Replacement {
    pub text: String,
    pub origin: Option<Origin>,
    pub end: f64,
}

/// The open `BMC`/`BDC` sequences of a content stream.
#[derive(Default)]
pub(super) struct MarkedContent {
    /// Per open sequence, whether it opened the replacement.
    open: Vec<bool>,
    replacement: Option<Replacement>,
}

impl MarkedContent {
    /// `BDC` with its property list, or `BMC` (`None`). Inside a
    /// replacement, nested actual texts are part of it.
    pub(super) fn begin(&mut self, properties: Option<&Dictionary>) {
        let actual = properties
            .and_then(|p| p.get(b"ActualText").ok())
            .and_then(|text| decode_text_string(text).ok());
        let opens = self.replacement.is_none() && actual.is_some();
        if let (true, Some(text)) = (opens, actual) {
            self.replacement = Some(Replacement {
                text,
                origin: None,
                end: f64::NAN,
            });
        }
        self.open.push(opens);
    }

    /// `EMC`: the replacement it closes, if it closes one.
    pub(super) fn end(&mut self) -> Option<Replacement> {
        if self.open.pop()? {
            self.replacement.take()
        } else {
            None
        }
    }

    /// Whether glyphs shown now (from `origin` to `end`) are replaced,
    /// noting where the first began and the last ended.
    pub(super) fn replaces(&mut self, origin: Option<Origin>, end: f64) -> bool {
        match &mut self.replacement {
            Some(replacement) => {
                if origin.is_some() {
                    replacement.origin = replacement.origin.or(origin);
                    replacement.end = end;
                }
                true
            }
            None => false,
        }
    }
}
