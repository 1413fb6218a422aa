//! What a resume is made of: sections, bullets, contact details, words, and
//! which bullets are quantified.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::scan::matching::found::Found;
use crate::scan::matching::matcher::KeywordMatcher;
use crate::scan::rules::SectionKind;
use crate::scan::text::document::Document;
use crate::scan::text::layout::Line;
use crate::scan::text::offset_in;
use crate::taxonomy::Catalog;

/// An analyzed resume.
#[derive(Debug, Clone)]
pub(crate) struct Resume {
    pub doc: Document,
    pub skills: Found,
    pub bullets: Vec<Bullet>,
    pub contact: Contact,
    pub words: usize,
}

/// A bullet point: its text (over wrapped lines) and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bullet {
    /// The bullet's text without its marker (normalized byte range).
    pub range: Range<usize>,
    pub section: Option<SectionKind>,
    /// Whether the bullet sits under a heading at all.
    pub headed: bool,
    pub words: usize,
    pub quantified: bool,
}

impl Bullet {
    /// Whether the bullet describes work: in experience or projects, or in a
    /// resume without those headings, anywhere but skills, education and
    /// certifications.
    pub(crate) fn describes_work(&self, resume_has_work_sections: bool) -> bool {
        match self.section {
            Some(SectionKind::Experience | SectionKind::Projects) => true,
            Some(SectionKind::Skills | SectionKind::Education | SectionKind::Certifications) => false,
            Some(SectionKind::Summary) | None => !resume_has_work_sections && !self.headed,
        }
    }
}

/// Where the contact details are (normalized byte ranges).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Contact {
    pub email: Option<Range<usize>>,
    pub phone: Option<Range<usize>>,
    pub linkedin: Option<Range<usize>>,
    pub github: Option<Range<usize>>,
    pub website: Option<Range<usize>>,
    pub location: Option<Range<usize>>,
}

impl Resume {
    pub(crate) fn new(catalog: &Catalog, matcher: &KeywordMatcher, text: &str) -> Self {
        let doc = Document::new(text);
        let skills = Found::find(catalog, matcher, &doc);
        let bullets = find_bullets(&doc);
        let contact = find_contact(&doc);
        let words = count_words(doc.text());
        Self {
            doc,
            skills,
            bullets,
            contact,
            words,
        }
    }

    pub(crate) fn text(&self) -> &str {
        self.doc.text()
    }

    /// Whether the resume has experience or project headings.
    pub(crate) fn has_work_sections(&self) -> bool {
        self.doc.has_section(SectionKind::Experience) || self.doc.has_section(SectionKind::Projects)
    }

    /// The bullets that describe work (experience and projects).
    pub(crate) fn work_bullets(&self) -> impl Iterator<Item = &Bullet> {
        let headed = self.has_work_sections();
        self.bullets.iter().filter(move |b| b.describes_work(headed))
    }

    /// The bullets that are not lists of skills, degrees or certificates.
    pub(crate) fn prose_bullets(&self) -> impl Iterator<Item = &Bullet> {
        self.bullets.iter().filter(|b| {
            !matches!(
                b.section,
                Some(SectionKind::Skills | SectionKind::Education | SectionKind::Certifications)
            )
        })
    }

    pub(crate) fn bullet_text(&self, bullet: &Bullet) -> &str {
        self.text().get(bullet.range.clone()).unwrap_or("")
    }
}

fn find_bullets(doc: &Document) -> Vec<Bullet> {
    let text = doc.text();
    let mut bullets: Vec<Bullet> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let heading_lines: Vec<usize> = doc.sections.iter().map(|s| s.range.start).collect();
    let close = |range: Range<usize>, bullets: &mut Vec<Bullet>| {
        let body = text.get(range.clone()).unwrap_or("");
        let section = doc.section_at(range.start);
        bullets.push(Bullet {
            section: section.and_then(|s| s.kind),
            headed: section.is_some(),
            words: count_words(body),
            quantified: is_quantified(body),
            range,
        });
    };
    for line in &doc.lines {
        let is_heading = heading_lines.contains(&line.start);
        if let Some(range) = open.take() {
            if !line.bullet && !is_heading && continues_bullet(doc, line) {
                open = Some(range.start..line.end);
                continue;
            }
            close(range, &mut bullets);
        }
        if line.bullet && !is_heading {
            open = Some(line.content_range());
        }
    }
    if let Some(range) = open {
        close(range, &mut bullets);
    }
    for section in &doc.sections {
        let work = matches!(section.kind, Some(SectionKind::Experience | SectionKind::Projects));
        if work && !bullets.iter().any(|b| section.range.contains(&b.range.start)) {
            for range in unmarked_work_lines(doc, section.range.clone()) {
                close(range, &mut bullets);
            }
        }
    }
    bullets.sort_by_key(|b| b.range.start);
    bullets
}

/// The sentences of a work section written without bullet glyphs, one per
/// line (a wrapped line carried on): lines of six words or more that hold no
/// date, so an entry's title and dates stay out.
fn unmarked_work_lines(doc: &Document, section: Range<usize>) -> Vec<Range<usize>> {
    let text = doc.text();
    let mut lines: Vec<Range<usize>> = Vec::new();
    for line in doc
        .lines
        .iter()
        .filter(|l| section.contains(&l.start) && l.start > section.start)
    {
        let body = text.get(line.range()).unwrap_or("");
        if let Some(last) = lines.last_mut()
            && last.end + 1 == line.start
            && continues_bullet(doc, line)
        {
            last.end = line.end;
            continue;
        }
        if count_words(body) >= 6 && !DATE.is_match(body) {
            lines.push(line.range());
        }
    }
    lines
}

/// The words of normalized text: runs between blanks that hold a letter or
/// a digit (a lone `•` or `|` is no word).
pub(crate) fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    let mut counted = false;
    for &b in text.as_bytes() {
        if b == b' ' || b == b'\n' {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            counted = false;
        }
        // A non-ASCII character counts as a letter unless it opens with 0xE2
        // (punctuation and symbols: `•`, `–`, `→`): close enough for length.
        if !counted && (b.is_ascii_alphanumeric() || b >= 0xC0 && b != 0xE2) {
            words += 1;
            counted = true;
        }
    }
    words
}

/// A line that carries on the bullet before it: text wrapped by a PDF
/// export, which starts in lowercase.
fn continues_bullet(doc: &Document, line: &Line) -> bool {
    let first = doc.norm.original_text(line.content..line.end);
    first.trim_start().chars().next().is_some_and(char::is_lowercase)
}

/// Words that quantify without digits.
fn is_number_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"twenty"
            | b"thirty"
            | b"fifty"
            | b"hundred"
            | b"hundreds"
            | b"thousand"
            | b"thousands"
            | b"million"
            | b"millions"
            | b"billion"
            | b"dozen"
            | b"dozens"
            | b"doubled"
            | b"tripled"
            | b"quadrupled"
            | b"halved"
            | b"tenfold"
    )
}

/// Whether normalized text contains a number that measures something: a
/// token that starts with a digit (`40%`, `$2M`, `120ms`, `3x`, `1,200`,
/// `+15%`) or a number word, but not a bare year (`in 2021`) nor a name with
/// digits (`k8s`, `S3`, `Python3`).
pub(crate) fn is_quantified(text: &str) -> bool {
    // Normalized blanks and the separators are ASCII: tokens are cut on bytes.
    let separator = |b: &u8| matches!(b, b' ' | b'\n' | b'(' | b')' | b'/' | b',' | b';' | b':');
    let stop = |b: &u8| matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'');
    text.as_bytes().split(separator).any(|token| {
        let start = token.iter().position(|b| !stop(b)).unwrap_or(token.len());
        let end = token.iter().rposition(|b| !stop(b)).map_or(start, |last| last + 1);
        let token = token.get(start..end).unwrap_or(&[]);
        let figure = without_signs(token);
        match figure.first() {
            Some(b) if b.is_ascii_digit() => !is_year(figure),
            Some(_) => (3..=10).contains(&token.len()) && is_number_word(token),
            None => false,
        }
    })
}

/// A figure without the currency and comparison signs before it (`$2M`, `~40%`, `€5k`).
fn without_signs(mut figure: &[u8]) -> &[u8] {
    const SIGNS: [&str; 11] = ["$", "~", "+", "-", "#", "<", ">", "€", "£", "¥", "≈"];
    while figure.first().is_some_and(|b| !b.is_ascii_alphanumeric())
        && let Some(rest) = SIGNS.iter().find_map(|sign| figure.strip_prefix(sign.as_bytes()))
    {
        figure = rest;
    }
    figure
}

fn is_year(token: &[u8]) -> bool {
    token.len() == 4 && token.iter().all(u8::is_ascii_digit) && {
        let year = token.iter().fold(0u32, |year, &d| year * 10 + u32::from(d - b'0'));
        (1950..=2039).contains(&year)
    }
}

/// Compiles the patterns now rather than during the first scan.
pub(crate) fn warm_up() {
    LazyLock::force(&LOCATION);
    LazyLock::force(&DATE);
}

/// A year or a month/year: the line of an entry's title and dates.
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b|\b\d{1,2}/\d{2,4}\b").expect("the pattern is valid"));

static LOCATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][A-Za-z.'-]+ ){0,3}[A-Z][A-Za-z.'-]+, ?(?:[A-Z]{2}(?: \d{5})?|(?:[A-Z][A-Za-z]+ ?){1,3})$")
        .expect("the pattern is valid")
});

fn find_contact(doc: &Document) -> Contact {
    let header = header_of(doc);
    let in_header = find_contact_in(doc.text(), 0..header);
    if in_header.email.is_some() && in_header.phone.is_some() {
        return Contact {
            location: find_location(doc),
            ..in_header
        };
    }
    // Contact details usually head the resume; look further only if needed.
    let mut contact = find_contact_in(doc.text(), 0..doc.text().len());
    contact.location = find_location(doc);
    contact
}

/// Where the header ends: the first heading, within the first lines.
fn header_of(doc: &Document) -> usize {
    let first_heading = doc.sections.first().map_or(doc.text().len(), |s| s.range.start);
    let tenth_line = doc.lines.get(10).map_or(doc.text().len(), |line| line.start);
    first_heading.min(tenth_line)
}

fn find_contact_in(text: &str, range: Range<usize>) -> Contact {
    let offset = range.start;
    let text = text.get(range).unwrap_or("");
    let shift = |r: Range<usize>| r.start + offset..r.end + offset;
    // The patterns are costly to run; their literal parts are cheap to look for.
    let mut contact = Contact {
        email: find_email(text),
        ..Contact::default()
    };
    for url in urls(text) {
        let link = text.get(url.clone()).unwrap_or("");
        let slot = if link.contains("linkedin.com") {
            &mut contact.linkedin
        } else if link.contains("github.com") || link.contains("gitlab.com") {
            &mut contact.github
        } else if contact.email.as_ref().is_some_and(|e| e.contains(&url.start)) {
            continue;
        } else {
            &mut contact.website
        };
        slot.get_or_insert(shift(url));
    }
    contact.phone = phone_runs(text)
        .find(|r| text.get(r.clone()).is_some_and(is_phone))
        .map(shift);
    contact.email = contact.email.map(shift);
    contact
}

/// Links: tokens that open with `http://`, `https://` or `www.`, or a domain
/// name followed by a path (`linkedin.com/in/jane`).
fn urls(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    const DOMAINS: [&str; 9] = [
        ".com/", ".io/", ".dev/", ".me/", ".net/", ".org/", ".co/", ".app/", ".ai/",
    ];
    text.split(|c: char| c.is_whitespace() || matches!(c, '|' | ',' | ';' | '•'))
        .filter_map(move |token| {
            let token = token.trim_start_matches('(').trim_end_matches(['.', ')']);
            let scheme = token.starts_with("http://") || token.starts_with("https://") || token.starts_with("www.");
            let domain_path = token.find('/').is_some_and(|slash| {
                let domain = token.get(..=slash).unwrap_or("");
                DOMAINS.iter().any(|d| domain.ends_with(d))
                    && domain
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'/'))
            });
            let start = offset_in(text, token);
            (scheme || domain_path).then(|| start..start + token.len())
        })
}

/// The first email address: `local@domain.tld` around an `@`.
fn find_email(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let local = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let domain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
    text.match_indices('@').find_map(|(at, _)| {
        let start = bytes.get(..at)?.iter().rposition(|b| !local(b)).map_or(0, |p| p + 1);
        let after = bytes.get(at + 1..)?;
        let mut end = at + 1 + after.iter().position(|b| !domain(b)).unwrap_or(after.len());
        while end > at + 1 && bytes.get(end - 1) == Some(&b'.') {
            end -= 1;
        }
        let name = bytes.get(start..at)?;
        let host = bytes.get(at + 1..end)?;
        let tld = host.rsplit(|&b| b == b'.').next()?;
        let valid = name.first().is_some_and(u8::is_ascii_alphanumeric)
            && host.contains(&b'.')
            && tld.len() >= 2
            && tld.iter().all(u8::is_ascii_alphabetic);
        valid.then_some(start..end)
    })
}

/// Runs that may be phone numbers: an optional `+` or `(`, then digits and
/// separators (blanks, dots, dashes, brackets), 7 to 24 bytes ending in a digit.
fn phone_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let in_run = |b: u8| b.is_ascii_digit() || matches!(b, b' ' | b'(' | b')' | b'.' | b'+' | b'-');
    let mut pos = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(pos) {
            let opens =
                b.is_ascii_digit() || matches!(b, b'+' | b'(') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit);
            let after_word = pos > 0 && bytes.get(pos - 1).is_some_and(u8::is_ascii_alphanumeric);
            if !opens || after_word {
                pos += 1;
                continue;
            }
            let start = pos;
            let mut end = start;
            while end - start < 24 && bytes.get(end).is_some_and(|&b| in_run(b)) {
                end += 1;
            }
            while end > start && !bytes.get(end - 1).is_some_and(u8::is_ascii_digit) {
                end -= 1;
            }
            pos = end.max(start + 1);
            if end - start >= 7 {
                return Some(start..end);
            }
        }
        None
    })
}

/// A run of digits and separators that is a phone number, not a date range
/// or a figure.
fn is_phone(run: &str) -> bool {
    let digits = run.bytes().filter(u8::is_ascii_digit).count();
    let groups: Vec<&str> = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let marked = run.starts_with(['+', '(']);
    let all_years = groups.iter().all(|g| is_year(g.as_bytes()));
    (10..=15).contains(&digits) && !all_years || (7..=9).contains(&digits) && marked && groups.len() >= 2
}

/// A `City, ST` or `City, Country` item among the lines before the first heading.
fn find_location(doc: &Document) -> Option<Range<usize>> {
    let header_end = doc.sections.first().map_or(doc.text().len(), |s| s.range.start);
    doc.lines
        .iter()
        .take(6)
        .filter(|line| line.end <= header_end)
        .flat_map(|line| {
            let body = doc.text().get(line.range()).unwrap_or("");
            body.split(['|', '•', ';'])
                .map(|piece| {
                    let start = line.start + offset_in(body, piece);
                    start..start + piece.len()
                })
                .collect::<Vec<_>>()
        })
        .find_map(|range| {
            // `City, ST`: short, with a comma; only then is the pattern tried.
            let piece = doc.text().get(range.clone()).unwrap_or("");
            if piece.len() > 48 || !piece.contains(',') || piece.contains(['@', '/', ':']) {
                return None;
            }
            let original = doc.norm.original_text(range.clone());
            LOCATION.is_match(original.trim()).then_some(range)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit;

    fn resume(text: &str) -> Resume {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        Resume::new(catalog, matcher, text)
    }

    #[test]
    fn work_lines_without_bullet_glyphs_are_work_bullets() {
        let r = resume(
            "Experience\nCustomer Service Advocate 09/2014 to 03/2015 Acme\n\
             Handled member calls via telephone every single day.\n\
             Collected customer feedback and cut churn by 10 percent\nacross three regions.\nEducation\nBSc",
        );
        let work: Vec<&str> = r.work_bullets().map(|b| r.bullet_text(b)).collect();
        assert_eq!(
            work,
            [
                "handled member calls via telephone every single day.",
                "collected customer feedback and cut churn by 10 percent\nacross three regions."
            ]
        );
        assert_eq!(r.work_bullets().filter(|b| b.quantified).count(), 1);
    }

    #[test]
    fn words_are_counted_without_bullets_and_separators() {
        assert_eq!(count_words("• built 3 apis | in go\nrésumé – done"), 7);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn numbers_quantify_a_bullet_but_a_bare_year_does_not() {
        for text in [
            "cut latency by 40%",
            "saved $2M",
            "p99 of 120ms",
            "3x faster",
            "served 1,200 users",
            "doubled revenue",
            "led two teams",
        ] {
            assert!(is_quantified(text), "{text}");
        }
        for text in [
            "joined in 2021",
            "built the payments api",
            "worked on one project",
            "moved to k8s and s3 with python3",
        ] {
            assert!(!is_quantified(text), "{text}");
        }
    }

    #[test]
    fn contact_details_are_found_and_dates_are_not_phones() {
        let r = resume(
            "Jane Doe\nAustin, TX | jane.doe@mail.com | (555) 123-4567\nlinkedin.com/in/janedoe · github.com/jane\nExperience\n2019 - 2021 Acme",
        );
        let text = r.text();
        assert_eq!(&text[r.contact.email.clone().unwrap()], "jane.doe@mail.com");
        assert_eq!(&text[r.contact.phone.clone().unwrap()], "(555) 123-4567");
        assert_eq!(&text[r.contact.linkedin.clone().unwrap()], "linkedin.com/in/janedoe");
        assert_eq!(&text[r.contact.github.clone().unwrap()], "github.com/jane");
        assert_eq!(
            r.doc.norm.original_text(r.contact.location.clone().unwrap()).trim(),
            "Austin, TX"
        );
        let r = resume("Jane\nExperience\n2019 - 2021 Acme\n2015 - 2019 2019 - 2021");
        assert_eq!(r.contact, Contact::default());
    }

    #[test]
    fn international_phone_numbers_count() {
        let r = resume("Jane Doe · +44 20 7946 0958 · London, United Kingdom");
        assert!(r.contact.phone.is_some());
        assert!(r.contact.location.is_some());
    }

    #[test]
    fn bullets_follow_their_wrapped_lines_and_know_their_section() {
        let r = resume(
            "Experience\n• Built the payments API, cutting\n  latency by 40%\n• Responsible for on-call\nSkills\n• Go\n- Python",
        );
        let texts: Vec<&str> = r.bullets.iter().map(|b| r.bullet_text(b)).collect();
        assert_eq!(
            texts,
            [
                "built the payments api, cutting\nlatency by 40%",
                "responsible for on-call",
                "go",
                "python"
            ]
        );
        assert!(r.bullets[0].quantified);
        assert_eq!(r.bullets[0].section, Some(SectionKind::Experience));
        assert_eq!(r.work_bullets().count(), 2);
        assert_eq!(r.prose_bullets().count(), 2);
    }

    #[test]
    fn without_headings_every_bullet_describes_work() {
        let r = resume("Jane Doe\n• Built X\n• Led Y");
        assert_eq!(r.work_bullets().count(), 2);
    }
}
