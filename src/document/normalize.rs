//! Cleaning extracted text the same way whatever the format: ligatures
//! spelled out, invisible characters dropped, undecodable glyphs removed
//! (and counted, so the report can say characters were lost), whitespace
//! tidied.

use unicode_normalization::UnicodeNormalization;

/// Normalized text and how many characters could not be decoded.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Cleaned {
    pub text: String,
    pub lost: usize,
}

pub(crate) fn clean(raw: &str) -> Cleaned {
    let mut lost = 0usize;
    let mut spelled = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // PDF fonts show ligatures as one glyph; "ﬁ" would hide "profile".
            '\u{FB00}' => spelled.push_str("ff"),
            '\u{FB01}' => spelled.push_str("fi"),
            '\u{FB02}' => spelled.push_str("fl"),
            '\u{FB03}' => spelled.push_str("ffi"),
            '\u{FB04}' => spelled.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => spelled.push_str("st"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => spelled.push('\n'),
            '\u{0C}' | '\u{0B}' | '\u{85}' | '\u{2028}' | '\u{2029}' => spelled.push('\n'),
            '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => spelled.push(' '),
            // Invisible: zero-width spaces and joiners, soft hyphens left
            // over once line-end hyphens were joined, byte-order marks.
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            // Symbol and Wingdings bullets land in the private use area.
            '\u{F0B7}' | '\u{F0A7}' | '\u{F0A8}' | '\u{F0D8}' | '\u{F0FC}' | '\u{F076}' | '\u{F06E}' => {
                spelled.push('•');
            }
            '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}' => lost += 1,
            '\t' | '\n' => spelled.push(c),
            c if c.is_control() => {}
            c => spelled.push(c),
        }
    }
    let composed: String = spelled.nfc().collect();
    Cleaned {
        text: tidy_whitespace(&composed),
        lost,
    }
}

/// Trims line ends, collapses runs of spaces, keeps at most one blank line
/// in a row, and trims the whole text.
fn tidy_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    for line in text.split('\n') {
        let line = collapse_spaces(line);
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(&line);
    }
    out
}

/// A run of blanks becomes one space, or one tab if it held a tab (tabs
/// separate columns and labels in office documents).
fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending: Option<char> = None;
    for c in line.chars() {
        if c == ' ' || c == '\t' {
            pending = match pending {
                Some('\t') => Some('\t'),
                _ => Some(c),
            };
            continue;
        }
        if let Some(blank) = pending.take()
            && !out.is_empty()
        {
            out.push(blank);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_are_spelled_out() {
        assert_eq!(clean("pro\u{FB01}le e\u{FB03}cient").text, "profile efficient");
    }

    #[test]
    fn undecodable_glyphs_are_removed_and_counted() {
        let cleaned = clean("Kuber\u{FFFD}netes \u{E123}\u{E124}Go");
        assert_eq!(cleaned.text, "Kubernetes Go");
        assert_eq!(cleaned.lost, 3);
    }

    #[test]
    fn symbol_font_bullets_become_bullets_not_losses() {
        let cleaned = clean("\u{F0B7} Rust");
        assert_eq!(cleaned.text, "• Rust");
        assert_eq!(cleaned.lost, 0);
    }

    #[test]
    fn whitespace_is_tidied_but_paragraphs_survive() {
        let cleaned = clean("  Jane   Doe \r\n\r\n\r\n\r\nSkills:\t\t Go\u{A0}lang\u{200B}\n");
        assert_eq!(cleaned.text, "Jane Doe\n\nSkills:\tGo lang");
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(clean("Rene\u{301}").text, "René");
    }
}
