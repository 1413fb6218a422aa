//! RTF: a small tokenizer that keeps the document text and drops the
//! destinations that hold none (font tables, pictures, field codes, ...).
//! Group nesting is iterative with a depth cap, so a file of a million
//! `{` cannot overflow the stack.

use encoding_rs::Encoding;

use super::{DocumentError, Limits, Parsed, Warning, WarningCode};

/// Deeper than any word processor writes; deeper than this is an attack.
const MAX_GROUP_DEPTH: usize = 512;

/// Destinations whose content is not text.
const SKIPPED_DESTINATIONS: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "objdata",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "mmathPr",
    "fldinst",
    "filetbl",
    "revtbl",
    "pgdsctbl",
    "bkmkstart",
    "bkmkend",
    "annotation",
    "atnid",
    "atnauthor",
    "footnote",
    "shpinst",
    "nonshppict",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Destination {
    Body,
    Header,
    Footer,
    Skipped,
}

#[derive(Clone, Copy)]
struct Group {
    destination: Destination,
    /// How many fallback characters follow a `\uN` escape.
    unicode_skip: usize,
}

struct Output {
    body: String,
    header: String,
    footer: String,
    /// Bytes in the document's code page, decoded when text of another
    /// kind follows (multi-byte code pages need whole sequences).
    pending: Vec<u8>,
    pending_destination: Destination,
    encoding: &'static Encoding,
    images: usize,
    tables: usize,
}

impl Output {
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let decoded = self.encoding.decode_without_bom_handling(&self.pending).0.into_owned();
        self.pending.clear();
        let destination = self.pending_destination;
        self.push_str(destination, &decoded);
    }

    fn push_byte(&mut self, destination: Destination, byte: u8) {
        if self.pending_destination != destination {
            self.flush();
            self.pending_destination = destination;
        }
        self.pending.push(byte);
    }

    fn push_str(&mut self, destination: Destination, text: &str) {
        if !self.pending.is_empty() {
            self.flush();
        }
        match destination {
            Destination::Body => self.body.push_str(text),
            Destination::Header => self.header.push_str(text),
            Destination::Footer => self.footer.push_str(text),
            Destination::Skipped => {}
        }
    }
}

pub(crate) fn parse(bytes: &[u8], _limits: &Limits) -> Result<Parsed, DocumentError> {
    let mut out = Output {
        body: String::new(),
        header: String::new(),
        footer: String::new(),
        pending: Vec::new(),
        pending_destination: Destination::Body,
        encoding: encoding_rs::WINDOWS_1252,
        images: 0,
        tables: 0,
    };
    let mut stack: Vec<Group> = Vec::new();
    let mut group = Group {
        destination: Destination::Body,
        unicode_skip: 1,
    };
    // Fallback characters still to drop after a `\uN`.
    let mut to_skip = 0usize;
    // Set by `\*`: the next control word starts an optional destination
    // that readers which do not know it must skip.
    let mut optional_destination = false;
    let mut at = 0usize;
    while at < bytes.len() {
        let byte = bytes[at];
        at += 1;
        match byte {
            b'{' => {
                if stack.len() >= MAX_GROUP_DEPTH {
                    return Err(DocumentError::corrupt("its groups are nested too deeply"));
                }
                stack.push(group);
                to_skip = 0;
            }
            b'}' => {
                group = stack.pop().unwrap_or(group);
                to_skip = 0;
            }
            b'\r' | b'\n' => {}
            b'\\' => {
                let Some(&next) = bytes.get(at) else { break };
                if next.is_ascii_alphabetic() {
                    let (word, parameter, end) = control_word(bytes, at);
                    at = end;
                    if optional_destination {
                        optional_destination = false;
                        group.destination = Destination::Skipped;
                        continue;
                    }
                    if word == "bin" {
                        // Raw binary data of the given length follows.
                        at = at
                            .saturating_add(parameter.unwrap_or(0).max(0) as usize)
                            .min(bytes.len());
                        continue;
                    }
                    if word == "u" {
                        let code = parameter.unwrap_or(0);
                        let code = if code < 0 { code + 65_536 } else { code };
                        let c = u32::try_from(code).ok().and_then(char::from_u32).unwrap_or('\u{FFFD}');
                        out.push_str(group.destination, c.encode_utf8(&mut [0; 4]));
                        to_skip = group.unicode_skip;
                        continue;
                    }
                    apply_control_word(word, parameter, &mut group, &mut out);
                    continue;
                }
                at += 1;
                match next {
                    b'\'' => {
                        let hex = bytes.get(at..at + 2).and_then(|h| std::str::from_utf8(h).ok());
                        at = (at + 2).min(bytes.len());
                        if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                            if to_skip > 0 {
                                to_skip -= 1;
                            } else {
                                out.push_byte(group.destination, value);
                            }
                        }
                    }
                    b'*' => optional_destination = true,
                    b'~' => out.push_str(group.destination, "\u{A0}"),
                    b'_' => out.push_str(group.destination, "-"),
                    b'-' => {}
                    b'\r' | b'\n' => out.push_str(group.destination, "\n"),
                    b'\\' | b'{' | b'}' => out.push_byte(group.destination, next),
                    _ => {}
                }
            }
            _ => {
                if to_skip > 0 {
                    to_skip -= 1;
                } else {
                    out.push_byte(group.destination, byte);
                }
            }
        }
    }
    out.flush();
    let mut warnings = Vec::new();
    if out.tables > 0 {
        warnings.push(Warning::new(
            WarningCode::TableLayout,
            "the document uses tables: many ATS scramble or skip table cells",
        ));
    }
    Ok(Parsed {
        header: out.header,
        body: out.body,
        footer: out.footer,
        pages: None,
        images: out.images,
        warnings,
    })
}

/// Reads a control word and its optional numeric parameter starting at
/// `at` (just after the backslash); returns them and the next position.
fn control_word(bytes: &[u8], mut at: usize) -> (&str, Option<i64>, usize) {
    let start = at;
    while at < bytes.len() && bytes[at].is_ascii_alphabetic() && at - start < 32 {
        at += 1;
    }
    let word = std::str::from_utf8(&bytes[start..at]).unwrap_or("");
    let number_start = at;
    if bytes.get(at) == Some(&b'-') {
        at += 1;
    }
    while at < bytes.len() && bytes[at].is_ascii_digit() && at - number_start < 11 {
        at += 1;
    }
    let parameter = std::str::from_utf8(&bytes[number_start..at])
        .ok()
        .and_then(|n| n.parse().ok());
    if bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    (word, parameter, at)
}

fn apply_control_word(word: &str, parameter: Option<i64>, group: &mut Group, out: &mut Output) {
    let destination = group.destination;
    match word {
        "par" | "line" | "sect" | "page" | "row" => out.push_str(destination, "\n"),
        "cell" => out.push_str(destination, " | "),
        "tab" => out.push_str(destination, "\t"),
        "trowd" => out.tables = out.tables.max(1),
        "emdash" => out.push_str(destination, "—"),
        "endash" => out.push_str(destination, "–"),
        "bullet" => out.push_str(destination, "•"),
        "lquote" => out.push_str(destination, "‘"),
        "rquote" => out.push_str(destination, "’"),
        "ldblquote" => out.push_str(destination, "“"),
        "rdblquote" => out.push_str(destination, "”"),
        "uc" => group.unicode_skip = parameter.unwrap_or(1).clamp(0, 8) as usize,
        "ansicpg" => {
            if let Some(encoding) = parameter.and_then(code_page) {
                out.flush();
                out.encoding = encoding;
            }
        }
        "header" | "headerl" | "headerr" | "headerf" if destination != Destination::Skipped => {
            group.destination = Destination::Header;
        }
        "footer" | "footerl" | "footerr" | "footerf" if destination != Destination::Skipped => {
            group.destination = Destination::Footer;
        }
        "pict" | "shppict" => {
            if destination != Destination::Skipped {
                out.images += 1;
            }
            group.destination = Destination::Skipped;
        }
        word if SKIPPED_DESTINATIONS.contains(&word) => group.destination = Destination::Skipped,
        _ => {}
    }
}

fn code_page(number: i64) -> Option<&'static Encoding> {
    let label = match number {
        437 | 850 | 1252 => "windows-1252",
        1250..=1258 => return Encoding::for_label(format!("windows-{number}").as_bytes()),
        874 => "windows-874",
        932 => "shift_jis",
        936 => "gbk",
        949 => "euc-kr",
        950 => "big5",
        10000 => "macintosh",
        65001 => "utf-8",
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(rtf: &str) -> String {
        parse(rtf.as_bytes(), &Limits::default()).unwrap().body
    }

    #[test]
    fn text_escapes_and_unicode_are_decoded() {
        let rtf =
            r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\*\generator Writer;}\f0 Ren\'e9 \u8212? C++\par Node.js}";
        assert_eq!(body(rtf), "René — C++\nNode.js");
    }

    #[test]
    fn headers_pictures_and_tables_are_sorted_out() {
        let rtf = r"{\rtf1{\header jane@example.com}{\pict\pngblip 89504e47}\trowd Go\cell Rust\cell\row}";
        let parsed = parse(rtf.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(parsed.header, "jane@example.com");
        assert_eq!(parsed.body, "Go | Rust | \n");
        assert_eq!(parsed.images, 1);
        assert_eq!(parsed.warnings[0].code, WarningCode::TableLayout);
    }

    #[test]
    fn absurd_nesting_is_refused_without_recursion() {
        let rtf = format!("{{\\rtf1{}", "{".repeat(100_000));
        assert!(matches!(
            parse(rtf.as_bytes(), &Limits::default()),
            Err(DocumentError::Corrupt(_))
        ));
    }
}
