//! A linear pre-scan for absurd nesting. lopdf (≥ 0.42) stops parsing an
//! object nested deeper than 100 levels, but then quietly drops it and
//! reads the rest, so such a file would be reported as "scanned". No real
//! document nests arrays or dictionaries that deep: refuse it up front.

/// lopdf's own limit; anything deeper is lost to it anyway.
pub(crate) const MAX_DEPTH: usize = 100;

/// Whether some array or dictionary in `bytes` nests deeper than
/// [`MAX_DEPTH`]. Skips strings, comments and stream data, whose brackets
/// are not structure.
pub(crate) fn too_deep(bytes: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut at = 0usize;
    while at < bytes.len() {
        match bytes[at] {
            b'[' => depth += 1,
            b'<' if bytes.get(at + 1) == Some(&b'<') => {
                depth += 1;
                at += 1;
            }
            b']' => depth = depth.saturating_sub(1),
            b'>' if bytes.get(at + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            b'<' => at = skip_past(bytes, at, b">"),
            b'(' => at = skip_literal_string(bytes, at),
            b'%' => at = skip_past(bytes, at, b"\n"),
            b's' if bytes[at..].starts_with(b"stream") && !bytes[..at].ends_with(b"end") => {
                at = skip_past(bytes, at, b"endstream");
                depth = 0;
            }
            // Objects start at depth zero: a missing bracket in one object
            // must not add up across the file.
            b'e' if bytes[at..].starts_with(b"endobj") => depth = 0,
            _ => {}
        }
        if depth > MAX_DEPTH {
            return true;
        }
        at += 1;
    }
    false
}

/// The position of the last byte of the next `needle` after `from`, or
/// the end.
fn skip_past(bytes: &[u8], from: usize, needle: &[u8]) -> usize {
    bytes[from + 1..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map_or(bytes.len(), |p| from + 1 + p + needle.len() - 1)
}

/// Literal strings nest balanced parentheses and escape with `\`.
fn skip_literal_string(bytes: &[u8], from: usize) -> usize {
    let mut open = 0usize;
    let mut at = from;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'(' => open += 1,
            b')' => {
                open -= 1;
                if open == 0 {
                    return at;
                }
            }
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_arrays_and_dictionaries_are_caught() {
        let deep = format!("1 0 obj {}{} endobj", "[".repeat(101), "]".repeat(101));
        assert!(too_deep(deep.as_bytes()));
        let deep = format!("1 0 obj {}{} endobj", "<< /A ".repeat(150), ">>".repeat(150));
        assert!(too_deep(deep.as_bytes()));
    }

    #[test]
    fn brackets_in_strings_streams_and_hex_do_not_count() {
        let brackets = "[".repeat(500);
        let text = format!(
            "1 0 obj << /T ({brackets}) /H <4142> /L 5 >> stream\n{brackets}\nendstream endobj 2 0 obj [[1]] endobj"
        );
        assert!(!too_deep(text.as_bytes()));
    }

    #[test]
    fn unbalanced_objects_do_not_add_up() {
        let text = "1 0 obj [ endobj\n".repeat(500);
        assert!(!too_deep(text.as_bytes()));
    }
}
