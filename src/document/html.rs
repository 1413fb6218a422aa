//! HTML (resumes saved from a web builder or a job page): tags dropped,
//! block elements turned into line breaks, scripts and styles skipped,
//! entities decoded. A forgiving scanner rather than a full parser: we
//! only need the words in order.

use super::Parsed;

pub(crate) fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") || head.contains("<html")
}

/// Elements whose content is never shown as text.
const HIDDEN: &[&str] = &["script", "style", "head", "template", "noscript", "svg", "object"];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "address",
    "figure",
    "form",
];

pub(crate) fn parse(html: &str) -> Parsed {
    let mut body = String::with_capacity(html.len() / 2);
    let mut images = 0usize;
    let mut tables = 0usize;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_text(&rest[..open], &mut body);
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(close) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') {
            rest = skip_element(rest, &name);
            continue;
        }
        match name.as_str() {
            "li" if !closing => body.push_str("\n• "),
            "td" | "th" if closing => body.push_str(" | "),
            "table" if !closing => tables += 1,
            "img" => images += 1,
            name if BLOCKS.contains(&name) => body.push('\n'),
            _ => {}
        }
    }
    push_text(rest, &mut body);
    let mut warnings = Vec::new();
    if tables > 0 {
        warnings.push(super::Warning::new(
            super::WarningCode::TableLayout,
            "the page uses tables: many ATS scramble or skip table cells",
        ));
    }
    Parsed {
        body,
        images,
        warnings,
        ..Parsed::default()
    }
}

/// Skips to just after `</name>` (case-insensitive), or to the end.
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    for (at, _) in rest.match_indices("</") {
        let after = &rest.as_bytes()[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]);
        }
    }
    ""
}

/// Appends text with HTML whitespace collapsed and entities decoded.
fn push_text(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        if c == '&'
            && let Some(end) = rest[1..].find(';').filter(|end| *end <= 10)
            && let Some(decoded) = entity(&rest[1..=end])
        {
            out.push(decoded);
            rest = &rest[end + 2..];
            continue;
        }
        if c.is_whitespace() {
            if !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "bull" => '•',
        "middot" => '·',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_scripts_and_entities_are_handled() {
        let html = "<!DOCTYPE html><html><head><title>CV</title><style>p{}</style></head><body>\
                    <h1>Jane&nbsp;Doe</h1><script>var x = '<p>';</script><!-- note -->\
                    <ul><li>C++ &amp; Rust</li><li>Node.js</li></ul><p>R&eacute;sum&#233;</p></body></html>";
        assert!(looks_like_html(html));
        let body = parse(html).body;
        assert_eq!(
            body.split_whitespace().collect::<Vec<_>>(),
            ["Jane", "Doe", "•", "C++", "&", "Rust", "•", "Node.js", "Résumé"]
        );
        assert!(!body.contains("var x"));
        assert!(!body.contains("CV"));
    }

    #[test]
    fn table_cells_are_separated() {
        let body = parse("<body><table><tr><td>Go</td><td>5 years</td></tr></table></body>").body;
        assert!(body.contains("Go | 5 years"), "{body}");
    }
}
