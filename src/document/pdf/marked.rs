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

#[cfg(test)]
mod tests {
    use lopdf::{Object, dictionary};

    use super::*;

    const ORIGIN: Origin = (72.0, 700.0, 11.0, false);

    fn actual(text: &str) -> Dictionary {
        dictionary! { "ActualText" => Object::string_literal(text) }
    }

    #[test]
    fn glyphs_inside_an_actual_text_give_way_to_it() {
        let mut marked = MarkedContent::default();
        assert!(!marked.replaces(Some(ORIGIN), 90.0));
        marked.begin(Some(&actual("Kubernetes")));
        assert!(marked.replaces(Some(ORIGIN), 90.0));
        assert!(marked.replaces(Some((95.0, 700.0, 11.0, false)), 120.0));
        let replacement = marked.end().expect("the actual text closes");
        assert_eq!(replacement.text, "Kubernetes");
        assert_eq!(replacement.origin, Some(ORIGIN));
        assert_eq!(replacement.end, 120.0);
        assert!(!marked.replaces(Some(ORIGIN), 90.0));
    }

    #[test]
    fn nested_and_plain_sequences_neither_open_nor_close_it() {
        let mut marked = MarkedContent::default();
        marked.begin(None);
        marked.begin(Some(&actual("fi")));
        marked.begin(Some(&actual("inner")));
        marked.begin(Some(&dictionary! { "MCID" => 3 }));
        assert!(marked.end().is_none());
        assert!(
            marked.end().is_none(),
            "the nested actual text is part of the outer one"
        );
        assert_eq!(marked.end().map(|r| r.text).as_deref(), Some("fi"));
        assert!(marked.end().is_none());
        // An EMC with nothing open is ignored.
        assert!(marked.end().is_none());
    }

    #[test]
    fn an_actual_text_that_draws_nothing_has_no_origin() {
        let mut marked = MarkedContent::default();
        marked.begin(Some(&actual("")));
        assert!(marked.replaces(None, 0.0));
        assert!(marked.end().is_some_and(|r| r.origin.is_none()));
    }
}
