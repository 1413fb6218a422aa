//! The job's title, every word of it and nothing around it.
//!
//! Where it is written, in order: the posting's front matter, a labelled
//! line (`Job Title: ...`, or a table row `Job title | ...`), the first
//! title-like line at the top (past browser print headers, URL lines and
//! generic headings such as `Job description`), else a job title of the
//! knowledge base near the top. The text found is then cleaned of what is
//! not the title: the employer or board beside it (`Login.gov - ...`,
//! `... | Arizona State University`), parentheses that say where or how long
//! (`(Remote)`, `(Work From Home)`, `(3 Years of Experience)`, `(Contract)`),
//! a leading label and a trailing `job`.

use std::ops::Range;

use crate::scan::matching::KeywordMatcher;
use crate::scan::reading::front_matter::FrontMatter;
use crate::scan::text::document::Document;
use crate::scan::text::layout::inline_label;
use crate::taxonomy::{Catalog, RoleIdx, normalize_term};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JobTitle {
    /// As the job writes it (`Senior Backend Engineer`).
    pub wording: String,
    /// Normalized, without seniority words, for finding it in a resume
    /// (`backend engineer`).
    pub key: String,
    pub role: Option<RoleIdx>,
}

impl JobTitle {
    /// The title of a role's own name.
    pub(crate) fn of_role(catalog: &Catalog, role: RoleIdx) -> Option<Self> {
        let entry = catalog.roles.get(role.index())?;
        Some(Self::new(entry.role.title.clone(), Some(role)))
    }

    fn new(wording: String, role: Option<RoleIdx>) -> Self {
        let key = core_words(&normalize_term(&wording));
        Self { wording, key, role }
    }
}

/// Lines searched for a labelled title or a title line.
const TOP_LINES: usize = 15;

pub(crate) fn find_title(
    catalog: &Catalog,
    matcher: &KeywordMatcher,
    doc: &Document,
    front_matter: Option<&FrontMatter>,
) -> Option<JobTitle> {
    let from_front_matter = front_matter.and_then(|fm| fm.title.clone());
    let found = from_front_matter
        .or_else(|| labelled_title(doc))
        .or_else(|| title_line(matcher, doc, front_matter));
    if let Some(range) = found {
        let written = doc.norm.original_text(range);
        if let Some(wording) = clean(matcher, written) {
            let role = role_of(catalog, matcher, &wording);
            return Some(JobTitle::new(wording, role));
        }
    }
    // A knowledge-base title near the top: `... is looking for a Register Nurse`.
    let text = doc.text();
    let near_top = doc.lines.get(20).map_or(text.len(), |line| line.start);
    let skip = front_matter
        .and_then(|fm| doc.lines.get(fm.lines.end))
        .map_or(0, |line| line.start);
    let m = matcher
        .titles(text.get(skip..near_top).unwrap_or(""))
        .into_iter()
        .next()?;
    let wording = doc.norm.original_text(skip + m.start..skip + m.end).trim().to_owned();
    Some(JobTitle::new(wording, Some(m.role)))
}

/// The role a title names: the knowledge base's title inside it
/// (`Automation QA Engineer` is a QA Engineer), or the whole title.
fn role_of(catalog: &Catalog, matcher: &KeywordMatcher, title: &str) -> Option<RoleIdx> {
    let normalized = normalize_term(title);
    matcher
        .titles(&normalized)
        .into_iter()
        .max_by_key(|m| m.end - m.start)
        .map(|m| m.role)
        .or_else(|| catalog.role_by_job_title(title))
}

/// `Job Title: X`, `Position: X`, or a table row `Job title | X | ...`.
fn labelled_title(doc: &Document) -> Option<Range<usize>> {
    let text = doc.text();
    doc.lines.iter().take(TOP_LINES).find_map(|line| {
        if let Some((label, rest)) = inline_label(text, line)
            && is_title_label(&label)
        {
            return Some(rest..line.end);
        }
        // A table row read as `cell | cell | ...`.
        let body = text.get(line.range())?;
        let mut at = line.start;
        let mut cells = body.split('|').map(|cell| {
            let range = at..at + cell.len();
            at += cell.len() + 1;
            range
        });
        while let Some(cell) = cells.next() {
            if is_title_label(text.get(cell)?.trim()) {
                return cells.next();
            }
        }
        None
    })
}

fn is_title_label(label: &str) -> bool {
    matches!(
        label,
        "job title" | "title" | "position" | "position title" | "role" | "job" | "job description" | "vacancy"
    )
}

/// The first title-like line at the top: short, no sentence, not a generic
/// heading, a print header or a URL, and naming a kind of work.
fn title_line(matcher: &KeywordMatcher, doc: &Document, front_matter: Option<&FrontMatter>) -> Option<Range<usize>> {
    let text = doc.text();
    let first = front_matter.map_or(0, |fm| fm.lines.end);
    doc.lines
        .iter()
        .skip(first)
        .take(TOP_LINES)
        .map(|line| line.range())
        .filter(|range| text.get(range.clone()).is_some_and(|body| !body.trim().is_empty()))
        .take(6)
        .find(|range| {
            let body = text.get(range.clone()).unwrap_or("").trim();
            let words = body.split_whitespace().count();
            words <= 14
                && !body.ends_with(['.', ':', '!', '?'])
                && !is_generic_heading(body)
                && !is_noise_line(body)
                && clean(matcher, doc.norm.original_text(range.clone())).is_some()
        })
}

/// Headings that open a posting without naming the job.
fn is_generic_heading(body: &str) -> bool {
    let key = body.trim_matches(|c: char| !c.is_alphanumeric());
    matches!(
        key,
        "job description"
            | "description"
            | "summary"
            | "job summary"
            | "overview"
            | "the opportunity"
            | "about the job"
            | "about the role"
            | "the role"
            | "job posting"
            | "job details"
            | "position description"
    ) || key.starts_with("about ")
        || key.starts_with("why ")
}

/// A browser's print header (`5/10/24, 11:52 AM servicenow jobs`), a page
/// number, a URL, or a line of navigation links.
fn is_noise_line(body: &str) -> bool {
    let starts_with_date = body
        .split([',', ' '])
        .next()
        .is_some_and(|first| first.contains('/') && first.chars().all(|c| c.is_ascii_digit() || c == '/'));
    starts_with_date
        || body.starts_with("http")
        || body.starts_with("www.")
        || body.starts_with("{%")
        || body.starts_with("{{")
        || body.starts_with('<')
}

/// What cleaning leaves of a title as written, or `None` when nothing in it
/// names a kind of work.
fn clean(matcher: &KeywordMatcher, written: &str) -> Option<String> {
    let mut title = written.replace('\t', " | ");
    title.retain(|c| !matches!(c, '*' | '#' | '"' | '_' | '`'));
    // URLs beside the title (a printed web page) are not part of it.
    let words: Vec<&str> = title
        .split_whitespace()
        .filter(|w| !w.starts_with("http") && !w.starts_with("www."))
        .collect();
    let title = words.join(" ");
    let title = without_noise_parentheses(&title);
    // `Employer - Title`, `Title | Employer`, `Title at Employer`.
    let segments: Vec<&str> = title
        .split(" | ")
        .flat_map(|part| part.split(" - "))
        .flat_map(|part| part.split(" – "))
        .flat_map(|part| part.split(" — "))
        .flat_map(|part| part.split(" at "))
        .map(str::trim)
        .filter(|segment| !segment.is_empty())
        .collect();
    let chosen = segments
        .into_iter()
        .find(|segment| names_work(matcher, segment.split(", ").next().unwrap_or(segment)))?;
    // `Data Analyst, Austin TX`: a comma starts a location, unless it
    // carries on the title (`Senior Analyst, SaaS Data Journalist`).
    let chosen = match chosen.split_once(", ") {
        Some((head, tail)) if names_work(matcher, head) && !names_work(matcher, tail) => head,
        _ => chosen,
    };
    let chosen = strip_label(chosen);
    let chosen = chosen
        .strip_suffix(" job")
        .or_else(|| chosen.strip_suffix(" position"))
        .or_else(|| chosen.strip_suffix(" opening"))
        .unwrap_or(chosen)
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '|' | ':'));
    (!chosen.is_empty()).then(|| chosen.to_owned())
}

fn strip_label(title: &str) -> &str {
    let lower = title.to_lowercase();
    for label in [
        "job title:",
        "job description:",
        "position:",
        "title:",
        "role:",
        "vacancy:",
    ] {
        if lower.starts_with(label) {
            return title.get(label.len()..).unwrap_or(title).trim();
        }
    }
    title
}

/// Drops parentheses that say where, how long or on what terms
/// (`(Remote)`, `(3 Years of Experience)`, `(Contract)`, `(m/f/d)`), and
/// keeps those that are part of the title (`(IT Specialist)`).
fn without_noise_parentheses(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest.get(open..).and_then(|after| after.find(')')).map(|i| open + i) else {
            break;
        };
        out.push_str(rest.get(..open).unwrap_or(""));
        let inside = rest.get(open + 1..close).unwrap_or("").to_lowercase();
        if !is_noise_parenthesis(&inside) {
            out.push_str(rest.get(open..=close).unwrap_or(""));
        }
        rest = rest.get(close + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_noise_parenthesis(inside: &str) -> bool {
    const NOISE: [&str; 20] = [
        "remote",
        "hybrid",
        "on-site",
        "onsite",
        "on site",
        "from home",
        "wfh",
        "year",
        "yrs",
        "experience",
        "contract",
        "full-time",
        "full time",
        "part-time",
        "part time",
        "temporary",
        "permanent",
        "m/f",
        "f/m",
        "exam open",
    ];
    NOISE.iter().any(|word| inside.contains(word)) || inside.chars().all(|c| c.is_ascii_digit() || c == ' ')
}

/// Whether a text names a kind of work: a knowledge-base job title in it, or
/// a word that ends job titles.
fn names_work(matcher: &KeywordMatcher, text: &str) -> bool {
    let normalized = normalize_term(text);
    if !matcher.titles(&normalized).is_empty() {
        return true;
    }
    normalized
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| JOB_NOUNS.binary_search(&word).is_ok())
}

/// The title without parentheses and seniority words, normalized: what a
/// resume that holds the job says (`senior data analyst (contract)` is
/// carried by `data analyst`).
fn core_words(normalized: &str) -> String {
    let mut without_parentheses = String::with_capacity(normalized.len());
    let mut depth = 0usize;
    for c in normalized.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => without_parentheses.push(c),
            _ => {}
        }
    }
    let mut words: Vec<&str> = without_parentheses.split_whitespace().collect();
    while words.len() > 1 && words.first().is_some_and(|w| SENIORITY.contains(w)) {
        words.remove(0);
    }
    words.join(" ")
}

const SENIORITY: [&str; 12] = [
    "senior",
    "sr",
    "sr.",
    "junior",
    "jr",
    "jr.",
    "lead",
    "principal",
    "staff",
    "head",
    "chief",
    "experienced",
];

/// Words that end job titles, sorted for binary search.
const JOB_NOUNS: &[&str] = &[
    "accountant",
    "administrator",
    "advisor",
    "agent",
    "aide",
    "analyst",
    "animator",
    "architect",
    "artist",
    "assistant",
    "associate",
    "attorney",
    "auditor",
    "bookkeeper",
    "buyer",
    "caregiver",
    "carpenter",
    "cashier",
    "chef",
    "clerk",
    "clinician",
    "coach",
    "consultant",
    "controller",
    "cook",
    "coordinator",
    "counsel",
    "counselor",
    "designer",
    "developer",
    "director",
    "driver",
    "editor",
    "electrician",
    "engineer",
    "executive",
    "generalist",
    "guide",
    "hygienist",
    "illustrator",
    "inspector",
    "instructor",
    "intern",
    "janitor",
    "journalist",
    "lawyer",
    "librarian",
    "machinist",
    "manager",
    "marketer",
    "mechanic",
    "navigator",
    "nurse",
    "officer",
    "operator",
    "organizer",
    "paralegal",
    "pharmacist",
    "photographer",
    "physician",
    "planner",
    "practitioner",
    "producer",
    "programmer",
    "receptionist",
    "recruiter",
    "reporter",
    "representative",
    "researcher",
    "scientist",
    "secretary",
    "specialist",
    "storekeeper",
    "strategist",
    "supervisor",
    "teacher",
    "technician",
    "tester",
    "therapist",
    "trainer",
    "tutor",
    "welder",
    "worker",
    "writer",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit;

    fn title(text: &str) -> Option<String> {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let doc = Document::new(text);
        let fm = FrontMatter::find(&doc);
        find_title(catalog, matcher, &doc, fm.as_ref()).map(|t| t.wording)
    }

    #[test]
    fn the_job_nouns_are_sorted_for_binary_search() {
        assert!(JOB_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn labels_experience_counts_and_locations_are_not_the_title() {
        assert_eq!(
            title("Job Description: Java Developer (3 Years of Experience)\nWe build.").as_deref(),
            Some("Java Developer")
        );
        assert_eq!(
            title("Associate Software Engineer (Work From Home), Manila\nText").as_deref(),
            Some("Associate Software Engineer")
        );
        assert_eq!(
            title("Login.gov - DevOps/Site Reliability Engineer (IT Specialist)\nText").as_deref(),
            Some("DevOps/Site Reliability Engineer (IT Specialist)")
        );
    }

    #[test]
    fn print_headers_urls_and_generic_headings_are_skipped() {
        assert_eq!(
            title("5/10/24, 11:52 AM servicenow jobs\nJob description\nAutomation QA Engineer\nText").as_deref(),
            Some("Automation QA Engineer")
        );
        assert_eq!(
            title("Software Engineer | Arizona State University\thttps://example.org/x\nText").as_deref(),
            Some("Software Engineer")
        );
    }

    #[test]
    fn every_word_of_the_title_is_kept_and_the_role_is_read_inside_it() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let doc = Document::new("Senior Backend Engineer (Remote)\nWe build APIs.");
        let title = find_title(catalog, matcher, &doc, None).unwrap();
        assert_eq!(title.wording, "Senior Backend Engineer");
        assert_eq!(title.key, "backend engineer");
        assert_eq!(catalog.role(title.role.unwrap()).role.slug, "backend-developer");
    }

    #[test]
    fn front_matter_and_table_rows_name_the_title() {
        assert_eq!(
            title("---\ntitle: \"Recruiting Coordinator\"\nlocation: Remote\n---\nWe hire.").as_deref(),
            Some("Recruiting Coordinator")
        );
        assert_eq!(
            title("Job description\nAgency | IT | Unit | Data\nJob title | Senior System Administrator | Grade | 6")
                .as_deref(),
            Some("Senior System Administrator")
        );
    }
}
