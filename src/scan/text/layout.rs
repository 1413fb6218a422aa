//! Lines, bullets, headings and sentences of a normalized document.

use std::borrow::Cow;
use std::ops::Range;

use crate::scan::text::is_word_char;

/// One line of normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    /// Where the text begins after a bullet marker.
    pub content: usize,
    pub bullet: bool,
}

impl Line {
    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub(crate) fn content_range(&self) -> Range<usize> {
        self.content..self.end
    }
}

/// Splits normalized text (whose line breaks are single `\n`) into lines.
pub(crate) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split('\n') {
        let end = start + piece.len();
        let marker = bullet_marker_len(piece);
        lines.push(Line {
            start,
            end,
            content: start + marker.unwrap_or(0),
            bullet: marker.is_some(),
        });
        start = end + 1;
    }
    lines
}

/// The length of a bullet marker (with the blanks after it) opening a line:
/// a glyph (`•`, `-`, `*`, `+`, `>`) or a list number (`1.`, `2)`).
fn bullet_marker_len(line: &str) -> Option<usize> {
    let after_glyph = line.strip_prefix('•').or_else(|| {
        line.strip_prefix(['-', '*', '+', '>'])
            .filter(|rest| rest.starts_with(' '))
    });
    let rest = match after_glyph {
        Some(rest) => rest,
        None => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            if !(1..=2).contains(&digits) {
                return None;
            }
            line.get(digits..)?.strip_prefix(['.', ')'])?.strip_prefix(' ')?
        }
    };
    let content = rest.trim_start_matches([' ', '•']);
    if content.is_empty() {
        return None;
    }
    Some(line.len() - content.len())
}

/// The index of the line holding byte `pos`.
pub(crate) fn line_index(lines: &[Line], pos: usize) -> Option<usize> {
    let after = lines.partition_point(|line| line.start <= pos);
    after.checked_sub(1)
}

/// A heading as a lookup key: decorations stripped (`## Skills:` is
/// `skills`), `&` spelled `and`; `None` for text too long to be a heading.
pub(crate) fn heading_key(text: &str) -> Option<Cow<'_, str>> {
    let core = text.trim_matches(|c: char| !is_word_char(c) && c != '\'');
    if core.is_empty() || core.len() > 60 {
        return None;
    }
    // Normalized text has single blanks already; only `&` needs rewriting.
    if !core.contains(['&', '\n', '\t']) && !core.contains("  ") {
        return (core.split(' ').count() <= 7).then_some(Cow::Borrowed(core));
    }
    let spelled = core.replace('&', " and ");
    let words: Vec<&str> = spelled.split_whitespace().collect();
    (words.len() <= 7).then(|| Cow::Owned(words.join(" ")))
}

/// A line that opens with a label and a colon, `Technical Skills: Go, Rust`:
/// the label key and where the rest of the line begins.
pub(crate) fn inline_label(text: &str, line: &Line) -> Option<(String, usize)> {
    let body = text.get(line.content_range())?;
    let colon = body.find(':')?;
    let label = body.get(..colon)?;
    if label.split_whitespace().count() > 4 || label.contains(['.', ',']) {
        return None;
    }
    Some((heading_key(label)?.into_owned(), line.content + colon + 1))
}

/// The sentence around byte `pos` within `line`: bounded by the line and by
/// `.`, `!`, `?` or `;` followed by a blank (so `Node.js` stays whole).
pub(crate) fn sentence_around(text: &str, line: &Line, pos: usize) -> Range<usize> {
    let Some(body) = text.get(line.content..line.end) else {
        return line.range();
    };
    let rel = pos.saturating_sub(line.content).min(body.len());
    // The stops are ASCII and normalized blanks are ASCII: bytes will do.
    let bytes = body.as_bytes();
    let stop_byte = |b: &u8| matches!(b, b'.' | b'!' | b'?' | b';');
    let ends_sentence = |i: usize| bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace);
    let mut start = 0;
    let mut before = bytes.get(..rel).unwrap_or(&[]);
    while let Some(i) = before.iter().rposition(stop_byte) {
        if ends_sentence(i) {
            start = i + 1;
            break;
        }
        before = before.get(..i).unwrap_or(&[]);
    }
    let mut end = bytes.len();
    let mut from = rel;
    while let Some(i) = bytes.get(from..).and_then(|after| after.iter().position(stop_byte)) {
        if ends_sentence(from + i) {
            end = from + i + 1;
            break;
        }
        from += i + 1;
    }
    line.content + start..line.content + end
}

/// Whether a sentence starts at `pos` of `line`: at the line's content or
/// after the end of a sentence.
pub(crate) fn opens_sentence(text: &str, line: &Line, pos: usize) -> bool {
    let before = text.get(line.content..pos).unwrap_or("").trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', ';', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_are_recognized_by_glyph_or_number() {
        let text = "• Built X\n- Led Y\n1. Won Z\n2019 - 2021\n-5% churn\n•\n* ";
        let lines = split_lines(text);
        let bullets: Vec<bool> = lines.iter().map(|l| l.bullet).collect();
        assert_eq!(bullets, [true, true, true, false, false, false, false]);
        assert_eq!(&text[lines[0].content_range()], "Built X");
        assert_eq!(&text[lines[2].content_range()], "Won Z");
    }

    #[test]
    fn heading_keys_drop_decoration_and_spell_out_ampersands() {
        assert_eq!(
            heading_key("## licenses & certifications:").as_deref(),
            Some("licenses and certifications")
        );
        assert_eq!(heading_key("— skills —").as_deref(), Some("skills"));
        assert_eq!(heading_key("what you'll need:").as_deref(), Some("what you'll need"));
        assert_eq!(heading_key("one two three four five six seven eight"), None);
    }

    #[test]
    fn a_sentence_ends_at_a_full_stop_before_a_blank_only() {
        let text = "built apis in node.js. then go. and more";
        let line = split_lines(text)[0];
        let pos = text.find("node").unwrap();
        assert_eq!(&text[sentence_around(text, &line, pos)], "built apis in node.js.");
        let pos = text.find("go").unwrap();
        assert_eq!(&text[sentence_around(text, &line, pos)], " then go.");
    }

    #[test]
    fn an_inline_label_names_the_list_after_it() {
        let text = "programming languages: go, rust";
        let line = split_lines(text)[0];
        let (key, rest) = inline_label(text, &line).unwrap();
        assert_eq!(key, "programming languages");
        assert_eq!(&text[rest..], " go, rust");
        let text = "i built it. then: more";
        assert_eq!(inline_label(text, &split_lines(text)[0]), None);
    }
}
