//! Plain text and Markdown: decoding the bytes (UTF-8, UTF-16 with or
//! without a byte-order mark, Windows-1252/Latin-1 as the fallback) and
//! telling text from binary.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::{DocumentError, Parsed};

/// Decodes text bytes, refusing what is evidently binary.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, DocumentError> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        UTF_16LE.decode_without_bom_handling(rest).0.into_owned()
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        UTF_16BE.decode_without_bom_handling(rest).0.into_owned()
    } else if let Some(little_endian) = utf16_without_bom(bytes) {
        // Before UTF-8: ASCII in UTF-16 is valid UTF-8 full of NULs.
        let encoding = if little_endian { UTF_16LE } else { UTF_16BE };
        encoding.decode_without_bom_handling(bytes).0.into_owned()
    } else if let Ok(utf8) = std::str::from_utf8(bytes) {
        utf8.to_owned()
    } else {
        // Windows-1252 is a superset of Latin-1's printable range and is
        // what "ANSI" text saved on Windows really is.
        WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()
    };
    if looks_binary(&text) {
        return Err(DocumentError::Unsupported);
    }
    Ok(text)
}

/// UTF-16 text of a Latin-script language has a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let odd_zero = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let even_zero = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(true)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(false)
    } else {
        None
    }
}

/// Text has no NULs and almost no other control characters; random or
/// binary bytes decoded as Windows-1252 have one in every eight.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}' | '\u{85}') {
            control += 1;
        }
    }
    control > 0 && control * 100 > total
}

pub(crate) fn parse_plain(text: String) -> Parsed {
    Parsed {
        body: text,
        ..Parsed::default()
    }
}

/// Markdown is read as text, but only if several lines use its syntax: a
/// single leading `#` or `-` proves nothing.
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    let mut signals = 0;
    for line in text.lines().take(400) {
        let line = line.trim_start();
        if line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ") {
            signals += 2;
        } else if line.starts_with("```") || line.contains("](http") || line.contains("**") {
            signals += 1;
        }
    }
    signals >= 3
}

/// Strips the Markdown markers that would glue to words (`**Go**`,
/// `[site](url)`), keeping every word of the text.
pub(crate) fn parse_markdown(text: &str) -> Parsed {
    let mut body = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        let line = if trimmed.starts_with('#') {
            trimmed.trim_start_matches('#').trim_start()
        } else if trimmed.starts_with("```") {
            ""
        } else {
            line
        };
        // A backslash at the end of a line is a hard line break.
        push_without_inline_markers(line.strip_suffix('\\').unwrap_or(line), &mut body);
        body.push('\n');
    }
    Parsed {
        body,
        ..Parsed::default()
    }
}

fn push_without_inline_markers(line: &str, out: &mut String) {
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        // `[label](target)` becomes `label (target)`: both may matter.
        if c == '['
            && let Some(close) = rest.find("](")
            && let Some(end) = rest[close..].find(')')
        {
            out.push_str(&rest[1..close]);
            out.push_str(" (");
            out.push_str(&rest[close + 2..close + end]);
            out.push(')');
            rest = &rest[close + end + 1..];
            continue;
        }
        if rest.starts_with("**") || rest.starts_with("__") {
            rest = &rest[2..];
            continue;
        }
        if c == '`' {
            rest = &rest[1..];
            continue;
        }
        // `\*` is a literal `*`, `\_` a literal `_`.
        if c == '\\'
            && let Some(escaped) = rest[1..].chars().next().filter(char::is_ascii_punctuation)
        {
            out.push(escaped);
            rest = &rest[1 + escaped.len_utf8()..];
            continue;
        }
        // `_emphasis_` and `*emphasis*` lose their markers; `snake_case` keeps its.
        if matches!(c, '_' | '*') {
            let before = out.chars().next_back();
            let after = rest[1..].chars().next();
            let opens = before.is_none_or(char::is_whitespace) && after.is_some_and(|a| !a.is_whitespace());
            let closes = before.is_some_and(|b| !b.is_whitespace())
                && after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation());
            if opens || closes {
                rest = &rest[1..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_emphasis_and_hard_breaks_are_read_as_text() {
        let parsed = parse_markdown("- Git\\\n- Docker\\\n_\\* Splunk's CISO_ says\n*snake_case* and C#");
        assert_eq!(
            parsed.body,
            "- Git\n- Docker\n* Splunk's CISO says\nsnake_case and C#\n"
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Café C++".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes).unwrap(), "Café C++");
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("Zürich".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&bytes).unwrap(), "Zürich");
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_recognized() {
        let bytes: Vec<u8> = "Senior engineer".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bytes).unwrap(), "Senior engineer");
    }

    #[test]
    fn latin1_is_the_fallback_for_invalid_utf8() {
        assert_eq!(decode(b"Jos\xE9 M\xFCller, na\xEFve").unwrap(), "José Müller, naïve");
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"abc\0def"), Err(DocumentError::Unsupported));
        let noise: Vec<u8> = (0..=255u8).cycle().take(2048).collect();
        assert_eq!(decode(&noise), Err(DocumentError::Unsupported));
    }

    #[test]
    fn markdown_markers_do_not_glue_to_skills() {
        let text = "# Jane Doe\n\n## Skills\n- **Kubernetes**, `Node.js`\n- [GitHub](https://github.com/jane)\n";
        assert!(looks_like_markdown(text));
        let body = parse_markdown(text).body;
        assert!(body.contains("Jane Doe\n"), "{body}");
        assert!(body.contains("- Kubernetes, Node.js"), "{body}");
        assert!(body.contains("GitHub (https://github.com/jane)"), "{body}");
    }

    #[test]
    fn a_plain_resume_is_not_markdown() {
        assert!(!looks_like_markdown("Jane Doe\n- Go\n- Rust\n# 1 in sales"));
    }
}
