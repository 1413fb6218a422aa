//! The one normalization that makes two spellings of a term comparable.

use unicode_normalization::UnicodeNormalization;

/// Normalizes a term for comparison: Unicode NFKC, lowercase, typographic
/// quotes and dashes folded to ASCII, whitespace collapsed and trimmed.
/// `normalize_term("  Node.JS ")` is `"node.js"`.
pub fn normalize_term(term: &str) -> String {
    // NFKC leaves ASCII as it is, and most terms are ASCII with their
    // spaces already in order: lowercasing the bytes is all they need.
    if term.is_ascii() {
        let lower = term.to_ascii_lowercase();
        if is_collapsed(&lower) {
            return lower;
        }
        collapse(lower.len(), lower.chars())
    } else {
        collapse(term.len(), term.nfkc().flat_map(char::to_lowercase))
    }
}

/// Whether ASCII `text` has single spaces between words and no other
/// whitespace (what [`collapse`] would leave unchanged).
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.windows(2).any(|pair| pair == b"  ")
        && !bytes.iter().any(|b| (b'\t'..=b'\r').contains(b))
}

/// Folds punctuation, collapses whitespace runs to one space and trims.
fn collapse(capacity: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(capacity);
    let mut pending_space = false;
    for c in chars {
        let c = fold_punctuation(c);
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Folds typographic variants of punctuation to their ASCII form.
pub fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_that_differ_in_case_width_and_spacing_normalize_alike() {
        assert_eq!(normalize_term("  Node.JS "), "node.js");
        assert_eq!(normalize_term("Amazon   Web\tServices"), "amazon web services");
        assert_eq!(normalize_term("ＣＩ／ＣＤ"), "ci/cd");
        assert_eq!(normalize_term("T\u{2013}SQL"), "t-sql");
    }

    #[test]
    fn ascii_terms_normalize_as_the_unicode_path_would() {
        for term in [
            "Node.JS",
            "  Amazon   Web\tServices ",
            "C++",
            "a\x0bb",
            "CI/CD\r\n",
            " ",
            "",
            "data  science",
            "R&D",
        ] {
            assert_eq!(
                normalize_term(term),
                collapse(term.len(), term.nfkc().flat_map(char::to_lowercase)),
                "{term:?}"
            );
        }
    }
}
