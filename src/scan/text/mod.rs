//! Text normalization for matching, with a map back to the original text.
//!
//! Everything the scanner reads (keywords, headings, bullets, phrases) is
//! found in one normalized copy of a document: NFKC, typographic punctuation
//! folded to ASCII, bullet glyphs folded to `•`, soft hyphens and zero-width
//! characters dropped, words hyphenated across a line break joined, runs of
//! whitespace collapsed (to `\n` when they hold a line break) and lowercased.
//! Aho-corasick folds ASCII case only, so lowercasing happens here once.
//!
//! Positions found in the normalized text map back to byte ranges of the
//! original, and from there to UTF-16 code units, the offsets a browser uses.
//!
//! The first stage of a scan: [`document`] cuts the normalized text into
//! lines ([`layout`]) and headed sections, and every later stage reads that.

pub(crate) mod document;
pub(crate) mod layout;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::taxonomy::normalize::fold_punctuation;

/// A range of the original text in UTF-16 code units, with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSpan {
    /// First UTF-16 code unit, as JavaScript's `String.prototype.slice` counts.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
    /// The original text of the span, exactly as written.
    pub text: String,
}

/// A stretch of normalized text whose bytes map to the original either one
/// to one (`unit_end` is `None`) or all to one original unit.
#[derive(Debug, Clone, Copy)]
struct Segment {
    norm: usize,
    orig: usize,
    unit_end: Option<usize>,
}

/// A document in normalized form, with its original text.
#[derive(Debug, Clone)]
pub(crate) struct NormText {
    original: String,
    text: String,
    segments: Vec<Segment>,
    /// Built on first use: most scans never ask for a span.
    utf16: OnceLock<Utf16Map>,
}

impl NormText {
    pub(crate) fn new(original: &str) -> Self {
        let mut builder = Builder {
            original,
            text: String::with_capacity(original.len()),
            segments: Vec::new(),
            pending_space: None,
            last: ' ',
        };
        builder.run();
        Self {
            original: original.to_owned(),
            text: builder.text,
            segments: builder.segments,
            utf16: OnceLock::new(),
        }
    }

    /// The normalized, lowercased text that every search runs on.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn original(&self) -> &str {
        &self.original
    }

    /// The original byte range that the normalized range `range` came from.
    pub(crate) fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.original_start(range.start);
        let end = if range.end <= range.start {
            start
        } else {
            self.original_end(range.end).max(start)
        };
        start..end
    }

    /// The original text behind a normalized range.
    pub(crate) fn original_text(&self, range: Range<usize>) -> &str {
        self.original.get(self.original_range(range)).unwrap_or("")
    }

    /// A span of the original text, in UTF-16 code units, for a normalized range.
    pub(crate) fn span(&self, range: Range<usize>) -> TextSpan {
        self.original_span(self.original_range(range))
    }

    /// A span of an original byte range.
    pub(crate) fn original_span(&self, original: Range<usize>) -> TextSpan {
        TextSpan {
            start: self.utf16().offset(original.start),
            end: self.utf16().offset(original.end),
            text: self.original.get(original).unwrap_or("").to_owned(),
        }
    }

    /// The normalized position an original byte offset maps to (the start
    /// of the segment for offsets inside a folded unit or dropped text).
    pub(crate) fn normalized_position(&self, original: usize) -> usize {
        let after = self.segments.partition_point(|s| s.orig <= original);
        let Some(seg) = after.checked_sub(1).and_then(|i| self.segments.get(i)) else {
            return 0;
        };
        let next = self.segments.get(after).map_or(self.text.len(), |s| s.norm);
        match seg.unit_end {
            None => (seg.norm + (original - seg.orig)).min(next),
            Some(_) => seg.norm,
        }
    }

    fn utf16(&self) -> &Utf16Map {
        self.utf16.get_or_init(|| Utf16Map::new(&self.original))
    }

    fn segment_of(&self, pos: usize) -> Option<&Segment> {
        let after = self.segments.partition_point(|s| s.norm <= pos);
        self.segments.get(after.checked_sub(1)?)
    }

    fn original_start(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.original.len();
        }
        match self.segment_of(pos) {
            Some(seg) if seg.unit_end.is_none() => seg.orig + (pos - seg.norm),
            Some(seg) => seg.orig,
            None => 0,
        }
    }

    fn original_end(&self, pos: usize) -> usize {
        let Some(last) = pos.checked_sub(1) else { return 0 };
        match self.segment_of(last) {
            Some(seg) => match seg.unit_end {
                None => (seg.orig + (pos - seg.norm)).min(self.original.len()),
                Some(end) => end,
            },
            None => 0,
        }
    }
}

/// Original byte offsets to UTF-16 offsets.
#[derive(Debug, Clone)]
struct Utf16Map {
    /// After each non-ASCII character: (byte offset, UTF-16 offset).
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Map {
    fn new(text: &str) -> Self {
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let mut utf16 = 0;
            let mut ascii_since = 0;
            for (byte, c) in text.char_indices() {
                if !c.is_ascii() {
                    utf16 += byte - ascii_since + c.len_utf16();
                    ascii_since = byte + c.len_utf8();
                    checkpoints.push((ascii_since, utf16));
                }
            }
        }
        Self { checkpoints }
    }

    fn offset(&self, byte: usize) -> u32 {
        let after = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let utf16 = match after.checked_sub(1).and_then(|i| self.checkpoints.get(i)) {
            Some(&(b, u)) => u + (byte - b),
            None => byte,
        };
        u32::try_from(utf16).unwrap_or(u32::MAX)
    }
}

struct Builder<'a> {
    original: &'a str,
    text: String,
    segments: Vec<Segment>,
    /// Collapsed whitespace not yet written: whether it held a line break,
    /// and the original range of its first character.
    pending_space: Option<(bool, usize, usize)>,
    /// The last character written.
    last: char,
}

/// The length of the plain run that opens `bytes`: printable ASCII with
/// single spaces, ending before a double blank, a line break, a control or a
/// non-ASCII character, and never on a blank or a hyphen (which may join a
/// word broken across lines).
fn run_length(bytes: &[u8]) -> usize {
    let mut previous_blank = false;
    let mut len = bytes
        .iter()
        .position(|&b| {
            let blank = b == b' ';
            let stop = !(b.is_ascii_graphic() || blank) || (blank && previous_blank);
            previous_blank = blank;
            stop
        })
        .unwrap_or(bytes.len());
    while len > 1 && bytes.get(len - 1).is_some_and(|&b| b == b' ' || b == b'-') {
        len -= 1;
    }
    len
}

/// ASCII bytes copied as they are (lowercased): everything but whitespace,
/// controls and the hyphen, which needs a look ahead.
fn is_plain_ascii(b: u8) -> bool {
    b.is_ascii_graphic() && b != b'-'
}

const BULLET: char = '•';

fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '\u{2022}' // •
        | '\u{2023}' // ‣
        | '\u{2043}' // ⁃
        | '\u{2219}' // ∙
        | '\u{00B7}' // ·
        | '\u{25AA}' // ▪
        | '\u{25AB}' // ▫
        | '\u{25A0}' // ■
        | '\u{25A1}' // □
        | '\u{25CF}' // ●
        | '\u{25CB}' // ○
        | '\u{25E6}' // ◦
        | '\u{25C6}' // ◆
        | '\u{25C7}' // ◇
        | '\u{25BA}' // ►
        | '\u{25B8}' // ▸
        | '\u{25B9}' // ▹
        | '\u{27A2}' // ➢
        | '\u{27A4}' // ➤
        | '\u{2713}' // ✓
        | '\u{2714}' // ✔
        | '\u{2756}' // ❖
        | '\u{2605}' // ★
        | '\u{F0B7}' | '\u{F0A7}' | '\u{F076}' | '\u{F0D8}' | '\u{F0FC}' // Symbol and Wingdings bullets from word processors
    )
}

/// Characters that carry nothing for reading: soft hyphens, zero-width
/// spaces and joiners, the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

impl Builder<'_> {
    fn run(&mut self) {
        let bytes = self.original.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if is_plain_ascii(b) {
                // Copy whole runs of plain text at once: single spaces between
                // words and hyphens inside words need no special handling.
                let rest = bytes.get(i..).unwrap_or(&[]);
                let mut end = i + run_length(rest);
                // A combining mark may follow: leave the last letter to the
                // per-character path so that NFKC can compose it.
                let next = self.original.get(end..).and_then(|rest| rest.chars().next());
                if next.is_some_and(|c| !c.is_ascii() && canonical_combining_class(c) != 0) {
                    end -= 1;
                }
                if end > i {
                    self.push_ascii_run(i, end);
                    i = end;
                    continue;
                }
            }
            let Some(c) = self.original.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i = self.push_char(c, i);
        }
    }

    fn push_ascii_run(&mut self, start: usize, end: usize) {
        self.flush_space();
        let Some(run) = self.original.get(start..end) else {
            return;
        };
        let at = self.text.len();
        self.note_segment(start, end, true);
        self.text.push_str(run);
        if let Some(written) = self.text.get_mut(at..) {
            written.make_ascii_lowercase();
        }
        self.last = run.chars().next_back().unwrap_or(self.last);
    }

    /// Writes the character at `start` (with any combining marks after it)
    /// and returns where to continue.
    fn push_char(&mut self, c: char, start: usize) -> usize {
        let end = start + c.len_utf8();
        if is_line_break(c) || c.is_whitespace() {
            self.space(is_line_break(c), start, end);
            return end;
        }
        if is_invisible(c) || (c.is_control() && !c.is_whitespace()) {
            return end;
        }
        if is_bullet_glyph(c) {
            self.emit(BULLET, start, end);
            return end;
        }
        let folded = fold_punctuation(c);
        if folded == '-' {
            return self.hyphen(start, end);
        }
        if folded != c {
            self.emit(folded, start, end);
            return end;
        }
        // Gather the combining marks that follow, for NFKC to compose.
        let rest = self.original.get(end..).unwrap_or("");
        let marks: usize = rest
            .chars()
            .take_while(|&m| canonical_combining_class(m) != 0)
            .map(char::len_utf8)
            .sum();
        let cluster_end = end + marks;
        if marks == 0 && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next())
                && l.len_utf8() == c.len_utf8()
            {
                self.flush_space();
                self.note_segment(start, end, true);
                self.text.push(l);
                self.last = l;
                return end;
            }
        }
        let cluster = self.original.get(start..cluster_end).unwrap_or("");
        for n in cluster.nfkc() {
            let n = fold_punctuation(n);
            if is_line_break(n) || n.is_whitespace() {
                self.space(is_line_break(n), start, cluster_end);
            } else if is_bullet_glyph(n) {
                self.emit(BULLET, start, cluster_end);
            } else if !is_invisible(n) {
                for l in n.to_lowercase() {
                    self.emit_unit(l, start, cluster_end);
                }
            }
        }
        cluster_end
    }

    /// A hyphen: joins a word hyphenated across a line break (`micro-\nservices`),
    /// keeps the hyphen of a compound split there (`Objective-\nC`).
    fn hyphen(&mut self, start: usize, end: usize) -> usize {
        if self.pending_space.is_none() && self.last.is_alphabetic() {
            let rest = self.original.get(end..).unwrap_or("");
            let after_blanks = rest.trim_start_matches([' ', '\t']);
            let after_break = after_blanks
                .strip_prefix("\r\n")
                .or_else(|| after_blanks.strip_prefix('\n'))
                .or_else(|| after_blanks.strip_prefix('\r'));
            if let Some(after_break) = after_break {
                let next_line = after_break.trim_start_matches([' ', '\t']);
                if let Some(next) = next_line.chars().next()
                    && next.is_alphabetic()
                {
                    if !next.is_lowercase() {
                        self.emit('-', start, end);
                    }
                    return self.original.len() - next_line.len();
                }
            }
        }
        self.emit('-', start, end);
        end
    }

    fn space(&mut self, line_break: bool, start: usize, end: usize) {
        match &mut self.pending_space {
            Some((held_break, _, _)) => *held_break |= line_break,
            None => self.pending_space = Some((line_break, start, end)),
        }
    }

    fn flush_space(&mut self) {
        if let Some((line_break, start, end)) = self.pending_space.take()
            && !self.text.is_empty()
        {
            let c = if line_break { '\n' } else { ' ' };
            self.note_segment(start, end, end - start == 1);
            self.text.push(c);
            self.last = c;
        }
    }

    /// Writes a character that replaces the original range `start..end`.
    fn emit(&mut self, c: char, start: usize, end: usize) {
        self.flush_space();
        self.note_segment(start, end, c.len_utf8() == end - start);
        self.text.push(c);
        self.last = c;
    }

    /// Writes one of possibly several characters that all come from `start..end`.
    fn emit_unit(&mut self, c: char, start: usize, end: usize) {
        self.flush_space();
        self.note_segment(start, end, false);
        self.text.push(c);
        self.last = c;
    }

    fn note_segment(&mut self, start: usize, end: usize, linear: bool) {
        let norm = self.text.len();
        let continues = match self.segments.last() {
            Some(seg) if linear => seg.unit_end.is_none() && seg.orig + (norm - seg.norm) == start,
            Some(seg) => seg.unit_end == Some(end) && seg.orig == start,
            None => false,
        };
        if !continues {
            self.segments.push(Segment {
                norm,
                orig: start,
                unit_end: (!linear).then_some(end),
            });
        }
    }
}

/// A fixed list of lowercase phrases, each with a value, compiled once into
/// one automaton so that a text is read once for the whole list.
pub(crate) struct WordList<T: 'static> {
    automaton: Option<AhoCorasick>,
    entries: &'static [(&'static str, T)],
}

impl<T: Copy> WordList<T> {
    pub(crate) fn new(entries: &'static [(&'static str, T)]) -> Self {
        // The lists are short: a full DFA stays small and reads fastest.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(entries.iter().map(|(phrase, _)| phrase))
            .ok();
        Self { automaton, entries }
    }

    /// Every phrase of the list in normalized `text`, as whole words, the
    /// longest where several start together: its value and where.
    pub(crate) fn find<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (T, Range<usize>)> + 't {
        self.automaton
            .iter()
            .flat_map(move |automaton| automaton.find_iter(text))
            .filter(move |m| whole_words_at(text, m.start(), m.len()))
            .filter_map(|m| Some((self.entries.get(m.pattern().as_usize())?.1, m.range())))
    }

    pub(crate) fn contains(&self, text: &str) -> bool {
        self.find(text).next().is_some()
    }
}

/// Folds a term the way documents are normalized, but keeps its case: for
/// comparing what a text says with a curated case-sensitive form.
pub(crate) fn fold_keep_case(text: &str) -> Cow<'_, str> {
    // Plain ASCII words with single blanks are already folded.
    if text.bytes().all(|b| b.is_ascii_graphic() || b == b' ') && !text.contains("  ") && text.trim() == text {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkc() {
        let c = fold_punctuation(c);
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !is_invisible(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether a character joins the letters of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character before byte `pos` of `text`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character at byte `pos` of `text`.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The byte offset of `inner`, a slice of `outer`, within `outer`.
pub(crate) fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize)
        .saturating_sub(outer.as_ptr() as usize)
        .min(outer.len())
}

/// Whether the word that ends `before` (blanks aside) makes what follows
/// someone's own: `our Product Marketing Manager`, `the frontend team`.
pub(crate) fn after_a_determiner(before: &str) -> bool {
    const DETERMINERS: [&str; 4] = ["our", "the", "your", "their"];
    before
        .trim_end_matches(' ')
        .rsplit(' ')
        .next()
        .is_some_and(|word| DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word)))
}

/// Whether `needle` occurs in `text` at `pos` as whole words.
pub(crate) fn whole_words_at(text: &str, pos: usize, len: usize) -> bool {
    !char_before(text, pos).is_some_and(is_word_char) && !char_at(text, pos + len).is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice_utf16(text: &str, span: &TextSpan) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16_lossy(&units[span.start as usize..span.end as usize])
    }

    fn find(norm: &NormText, needle: &str) -> Range<usize> {
        let start = norm.text().find(needle).unwrap();
        start..start + needle.len()
    }

    #[test]
    fn case_whitespace_and_quotes_are_folded() {
        let norm = NormText::new("  Senior\t\tGo   Developer’s\r\n\r\n  Résumé ");
        assert_eq!(norm.text(), "senior go developer's\nrésumé");
    }

    #[test]
    fn ligatures_and_full_width_letters_normalize_and_map_back() {
        let text = "Certiﬁed in ＡＷＳ and Pyth\u{FB01}";
        let norm = NormText::new(text);
        assert_eq!(norm.text(), "certified in aws and pythfi");
        assert_eq!(norm.original_text(find(&norm, "certified")), "Certiﬁed");
        assert_eq!(norm.original_text(find(&norm, "aws")), "ＡＷＳ");
        assert_eq!(norm.original_text(find(&norm, "pythfi")), "Pyth\u{FB01}");
    }

    #[test]
    fn a_word_hyphenated_across_a_line_break_is_joined() {
        let norm = NormText::new("Built micro-\n   services and Objective-\nC apps; go-\n\nto");
        assert_eq!(norm.text(), "built microservices and objective-c apps; go-\nto");
        assert_eq!(norm.original_text(find(&norm, "microservices")), "micro-\n   services");
    }

    #[test]
    fn bullet_glyphs_soft_hyphens_and_dashes_are_folded() {
        let norm = NormText::new("▪ Kuber\u{00AD}netes\n◦ CI\u{2013}CD\n\u{F0B7} Go");
        assert_eq!(norm.text(), "• kubernetes\n• ci-cd\n• go");
        assert_eq!(norm.original_text(find(&norm, "kubernetes")), "Kuber\u{00AD}netes");
    }

    #[test]
    fn decomposed_accents_compose_like_the_curated_terms() {
        let norm = NormText::new("Cafe\u{301} and re\u{301}sume\u{301}");
        assert_eq!(norm.text(), "café and résumé");
        assert_eq!(norm.original_text(find(&norm, "café")), "Cafe\u{301}");
    }

    #[test]
    fn spans_count_utf16_code_units_after_emoji() {
        let text = "🚀 Shipped 🇩🇪 Go services with Kubernetes 👩‍💻";
        let norm = NormText::new(text);
        for word in ["shipped", "go", "kubernetes"] {
            let span = norm.span(find(&norm, word));
            assert_eq!(slice_utf16(text, &span), span.text);
            assert!(span.text.eq_ignore_ascii_case(word), "{span:?}");
        }
    }

    #[test]
    fn an_empty_or_blank_text_normalizes_to_nothing() {
        assert_eq!(NormText::new("").text(), "");
        assert_eq!(NormText::new(" \n\u{200B}\t ").text(), "");
        assert_eq!(NormText::new("").span(0..0).text, "");
    }

    #[test]
    fn keeping_case_folds_everything_but_case() {
        assert_eq!(fold_keep_case("Go\u{00AD}"), "Go");
        assert_eq!(fold_keep_case(" Spring  Boot "), "Spring Boot");
    }
}
