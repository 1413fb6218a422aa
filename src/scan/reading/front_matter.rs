//! Front matter at the top of a Markdown posting (`+++` TOML or `---` YAML,
//! as static-site job boards publish them): metadata, not the posting. Only
//! its title and employer are read; the rest asks for nothing.

use std::ops::Range;

use crate::scan::text::document::Document;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// Indices of its lines, the delimiters included.
    pub lines: Range<usize>,
    /// The value of its `title` key (normalized byte range), unquoted.
    pub title: Option<Range<usize>>,
    /// The employer's name (`company`, `companyName`, `organization`,
    /// `employer`), the same way.
    pub employer: Option<Range<usize>>,
}

const EMPLOYER_KEYS: [&str; 5] = ["company", "companyname", "company_name", "organization", "employer"];

/// The most lines front matter may have: a posting's metadata is short.
const MAX_LINES: usize = 80;

impl FrontMatter {
    pub(crate) fn find(doc: &Document) -> Option<Self> {
        let text = doc.text();
        let body = |i: usize| {
            doc.lines
                .get(i)
                .and_then(|line| text.get(line.range()))
                .unwrap_or("")
                .trim()
        };
        let first = (0..doc.lines.len().min(5)).find(|&i| !body(i).is_empty())?;
        // `<!-- ---` hides the front matter from a Markdown renderer.
        let opening = body(first).trim_start_matches("<!--").trim();
        let delimiter = ["+++", "---"].into_iter().find(|d| opening == *d)?;
        let last = (first + 1..doc.lines.len().min(first + MAX_LINES)).find(|&i| body(i).starts_with(delimiter))?;
        let value_of = |keys: &[&str]| {
            (first + 1..last).find_map(|i| {
                let line = doc.lines.get(i)?;
                let value = keys.iter().find_map(|key| key_value(text.get(line.range())?, key))?;
                Some(line.start + value.start..line.start + value.end)
            })
        };
        Some(Self {
            lines: first..last + 1,
            title: value_of(&["title"]),
            employer: value_of(&EMPLOYER_KEYS),
        })
    }
}

/// The value of a `key = "..."` or `key: ...` line, within the line.
fn key_value(line: &str, key: &str) -> Option<Range<usize>> {
    let rest = line.strip_prefix(key)?;
    let separator = rest.find(|c: char| c != ' ')?;
    if !matches!(rest.as_bytes().get(separator), Some(b'=' | b':')) {
        return None;
    }
    let value_start = key.len() + separator + 1;
    let value = line.get(value_start..)?;
    let trimmed = value.trim().trim_matches(['"', '\'']).trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = value_start + value.find(trimmed)?;
    Some(start..start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml_front_matter_give_their_title_and_lines() {
        let doc = Document::new("+++\ntitle = \"Registered Nurse \"\nsalary = \"$30\"\n+++\nWe care.");
        let fm = FrontMatter::find(&doc).unwrap();
        assert_eq!(fm.lines, 0..4);
        assert_eq!(&doc.text()[fm.title.unwrap()], "registered nurse");
        assert_eq!(fm.employer, None);
        let doc = Document::new("<!-- ---\nlayout: jobs\ntitle:   \"Software Engineer Intern\"\n--- --!\nText");
        let fm = FrontMatter::find(&doc).unwrap();
        assert_eq!(
            (fm.lines, &doc.text()[fm.title.unwrap()]),
            (0..4, "software engineer intern")
        );
    }

    #[test]
    fn the_employer_is_read_under_any_of_its_usual_keys() {
        for key in [
            "companyName: \"strongDM\"",
            "organization = \"strongDM\"",
            "company: strongDM",
        ] {
            let doc = Document::new(&format!("---\ntitle: Recruiter\n{key}\n---\nText"));
            let fm = FrontMatter::find(&doc).unwrap();
            assert_eq!(&doc.text()[fm.employer.unwrap()], "strongdm", "{key}");
        }
    }

    #[test]
    fn a_rule_or_an_unclosed_block_is_no_front_matter() {
        assert_eq!(FrontMatter::find(&Document::new("Backend Engineer\n---\nPython")), None);
        assert_eq!(FrontMatter::find(&Document::new("---\ntitle: x\nno end")), None);
    }
}
