//! PDF fonts as text extraction needs them: how byte codes map to Unicode
//! and how far each glyph advances (to know where one piece of text ends
//! and whether the next one follows after a space).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

/// Advance widths per code, in thousandths of the font size.
enum Widths {
    /// Simple fonts: `/Widths` starting at `/FirstChar`.
    Simple { first: u32, widths: Vec<f64>, missing: f64 },
    /// Composite (Type0) fonts: `/W` ranges of CIDs, `/DW` otherwise.
    Composite { widths: HashMap<u32, f64>, default: f64 },
    /// No widths in the file: one of the standard 14 fonts, measured with
    /// metrics of its family.
    Standard(Family),
}

#[derive(Clone, Copy)]
enum Family {
    Sans,
    Serif,
    Mono,
}

/// Helvetica's advance widths for ASCII 32..=126 (Adobe's AFM files).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
];

/// Most composite fonts in the wild are CJK or Identity-H encoded in two
/// bytes per code; a cap on `/W` entries bounds hostile arrays.
const MAX_WIDTH_ENTRIES: usize = 65_536;

pub(crate) struct Font<'a> {
    /// `None` when the font cannot be decoded at all (a composite font
    /// without a `/ToUnicode` map): its glyphs count as lost characters.
    encoding: Option<Encoding<'a>>,
    /// A simple font's own `/Encoding`, for the codes its `/ToUnicode` map
    /// leaves out.
    base: Option<Encoding<'a>>,
    two_byte: bool,
    widths: Widths,
    /// Glyph space to text space (1/1000 except for Type3 fonts).
    scale: f64,
}

impl<'a> Font<'a> {
    pub(crate) fn load(doc: &'a Document, dict: &'a Dictionary, limit: usize) -> Self {
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let mut base = if two_byte {
            None
        } else {
            dict.get_font_encoding_with_limit(doc, limit).ok()
        };
        let encoding = match to_unicode(doc, dict, limit) {
            Some(map) => Some(map),
            None if two_byte => None,
            None => base.take(),
        };
        let scale = if subtype == b"Type3" {
            dict.get_deref(b"FontMatrix", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|m| m.first())
                .and_then(|v| v.as_float().ok())
                .map_or(0.001, f64::from)
        } else {
            0.001
        };
        let widths = if two_byte {
            composite_widths(doc, dict)
        } else {
            simple_widths(doc, dict)
        };
        Self {
            encoding,
            base,
            two_byte,
            widths,
            scale,
        }
    }

    /// A font for text shown before any `Tf`, or with an unknown name.
    pub(crate) fn fallback() -> Self {
        Self {
            encoding: None,
            base: None,
            two_byte: false,
            widths: Widths::Standard(Family::Sans),
            scale: 0.001,
        }
    }

    pub(crate) fn decode(&self, bytes: &[u8]) -> String {
        match &self.encoding {
            // A simple font's codes are single bytes, whatever code space
            // its map declares (Word writes <0000> <FFFF> over one-byte
            // entries, and lopdf's decoding of such maps lost letters):
            // read them one by one, each missing one from the font's own
            // encoding.
            Some(Encoding::UnicodeMapEncoding(map)) if !self.two_byte => {
                let mut text = String::with_capacity(bytes.len());
                for &byte in bytes {
                    let code = u32::from(byte);
                    match map.get(code, 1).or_else(|| map.get(code, 2)) {
                        Some(units) => text.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}'))),
                        None => text.push_str(&decode_with(self.base.as_ref(), &[byte])),
                    }
                }
                text
            }
            Some(encoding) => decode_with(Some(encoding), bytes),
            None if self.two_byte => "\u{FFFD}".repeat(bytes.len().div_ceil(2)),
            None => decode_with(None, bytes),
        }
    }

    /// The codes in `bytes` with whether each is the single-byte space
    /// (word spacing `Tw` applies to it alone).
    pub(crate) fn codes(&self, bytes: &[u8]) -> Vec<(u32, bool)> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|pair| (pair.iter().fold(0u32, |code, b| (code << 8) | u32::from(*b)), false))
                .collect()
        } else {
            bytes.iter().map(|b| (u32::from(*b), *b == b' ')).collect()
        }
    }

    /// Advance of one code in text space units per unit of font size.
    pub(crate) fn advance(&self, code: u32) -> f64 {
        let glyph = match &self.widths {
            Widths::Simple { first, widths, missing } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .filter(|w| *w > 0.0)
                .unwrap_or(*missing),
            Widths::Composite { widths, default } => widths.get(&code).copied().unwrap_or(*default),
            Widths::Standard(family) => return standard_advance(*family, code),
        };
        glyph * self.scale
    }
}

/// Text of `bytes` in a one-byte `encoding`; Windows-1252, the common
/// case, for unknown named encodings and fonts without one.
fn decode_with(encoding: Option<&Encoding<'_>>, bytes: &[u8]) -> String {
    encoding
        .and_then(|encoding| encoding.bytes_to_string(bytes).ok())
        .unwrap_or_else(|| {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        })
}

/// The font's `/ToUnicode` map, which the PDF specification makes the
/// authority for text extraction. lopdf consults it only when `/Encoding`
/// is absent, and falls back to StandardEncoding when a `/Differences`
/// glyph name is unknown (`/uni0041`, `/g12`): garbage where the map had
/// the answer.
fn to_unicode<'a>(doc: &'a Document, dict: &Dictionary, limit: usize) -> Option<Encoding<'a>> {
    dict.get(b"ToUnicode").ok()?;
    let mut without_encoding = dict.clone();
    without_encoding.remove(b"Encoding");
    match without_encoding.get_font_encoding_with_limit(doc, limit).ok()? {
        // The map owns its data: it can outlive the cloned dictionary.
        Encoding::UnicodeMapEncoding(map) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}

fn standard_advance(family: Family, code: u32) -> f64 {
    let helvetica = code
        .checked_sub(32)
        .and_then(|i| HELVETICA.get(i as usize))
        .map_or(556.0, |w| f64::from(*w));
    match family {
        Family::Sans => helvetica / 1000.0,
        // Times is about a tenth narrower than Helvetica on average text.
        Family::Serif => helvetica * 0.9 / 1000.0,
        Family::Mono => 0.6,
    }
}

fn number(object: &Object) -> Option<f64> {
    object.as_float().ok().map(f64::from)
}

fn simple_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let base = dict.get(b"BaseFont").and_then(Object::as_name).unwrap_or(b"");
    let family = if contains(base, b"Courier") || contains(base, b"Mono") {
        Family::Mono
    } else if contains(base, b"Times") || contains(base, b"Serif") {
        Family::Serif
    } else {
        Family::Sans
    };
    let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) else {
        return Widths::Standard(family);
    };
    let first = dict
        .get(b"FirstChar")
        .and_then(Object::as_i64)
        .ok()
        .and_then(|f| u32::try_from(f).ok())
        .unwrap_or(0);
    let missing = dict
        .get_deref(b"FontDescriptor", doc)
        .and_then(Object::as_dict)
        .and_then(|d| d.get(b"MissingWidth"))
        .ok()
        .and_then(number)
        .filter(|w| *w > 0.0)
        .unwrap_or(500.0);
    let widths = widths
        .iter()
        .take(256)
        .map(|w| match w {
            Object::Reference(id) => doc.get_object(*id).ok().and_then(number),
            other => number(other),
        })
        .map(|w| w.unwrap_or(0.0))
        .collect();
    Widths::Simple { first, widths, missing }
}

fn composite_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let descendant = dict
        .get_deref(b"DescendantFonts", doc)
        .and_then(Object::as_array)
        .ok()
        .and_then(|fonts| fonts.first())
        .and_then(|font| doc.dereference(font).ok())
        .and_then(|(_, font)| font.as_dict().ok());
    let Some(descendant) = descendant else {
        return Widths::Composite {
            widths: HashMap::new(),
            default: 1000.0,
        };
    };
    let default = descendant.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
    let mut widths = HashMap::new();
    if let Ok(entries) = descendant.get_deref(b"W", doc).and_then(Object::as_array) {
        // `c [w1 w2 ...]` gives consecutive CIDs from c; `c1 c2 w` a range.
        let mut at = 0;
        while at < entries.len() && widths.len() < MAX_WIDTH_ENTRIES {
            let Some(start) = entries[at].as_i64().ok().and_then(|c| u32::try_from(c).ok()) else {
                break;
            };
            match entries.get(at + 1) {
                Some(Object::Array(list)) => {
                    for (offset, w) in list.iter().take(MAX_WIDTH_ENTRIES).enumerate() {
                        if let Some(w) = number(w) {
                            widths.insert(start.saturating_add(offset as u32), w);
                        }
                    }
                    at += 2;
                }
                Some(end) => {
                    let end = end.as_i64().ok().and_then(|c| u32::try_from(c).ok()).unwrap_or(start);
                    let w = entries.get(at + 2).and_then(number).unwrap_or(default);
                    let end = end.min(start.saturating_add(MAX_WIDTH_ENTRIES as u32));
                    for cid in start..=end {
                        widths.insert(cid, w);
                    }
                    at += 3;
                }
                None => break,
            }
        }
    }
    Widths::Composite { widths, default }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
