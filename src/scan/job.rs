//! What a job asks for: its title and role, each skill with its importance,
//! frequency and wording, and whether it asks for a degree or certifications.
//!
//! A skill is REQUIRED under a requirements heading (`Requirements`, `Must
//! have`, `What you'll need`, `Qualifications`) or in a sentence that says
//! `required` or `must`; PREFERRED under `Nice to have`, `Preferred`, `Bonus`
//! or in a sentence that says `a plus` or `preferred`; MENTIONED otherwise.
//! The sentence wins over the heading (`Kafka is a plus` under Requirements
//! is PREFERRED).

use std::ops::Range;
use std::sync::LazyLock;

use crate::scan::document::Document;
use crate::scan::keywords::Found;
use crate::scan::layout::{Line, heading_key, inline_label, line_index, sentence_around};
use crate::scan::matcher::KeywordMatcher;
use crate::scan::text::{NormText, WordList, whole_words_at};
use crate::taxonomy::{Catalog, Importance, RoleIdx, SkillIdx, SkillKind, normalize_term};

/// What the resume is measured against: a job description, or a role's skills.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    /// The job description, when one was given.
    pub doc: Option<Document>,
    pub found: Found,
    /// Most important first, then most frequent.
    pub keywords: Vec<JobKeyword>,
    pub title: Option<JobTitle>,
    pub role: Option<RoleIdx>,
    /// Whether the role was inferred from the text rather than given.
    pub role_inferred: bool,
    /// The lowest degree the job accepts, when it asks for one.
    pub degree: Option<DegreeLevel>,
    pub asks_certification: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JobKeyword {
    pub skill: SkillIdx,
    pub importance: Importance,
    /// How often the job names it (0 when the keyword comes from a role).
    pub count: usize,
    /// The job's own wording: the first time it names the skill.
    pub wording: String,
    /// Every way the job writes it, normalized (`rest apis`).
    pub forms: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JobTitle {
    /// As the job writes it (`Senior Backend Engineer`).
    pub wording: String,
    /// Normalized, for finding it in a resume.
    pub key: String,
    pub role: Option<RoleIdx>,
}

/// Degrees from the lowest; a job asking for one accepts any above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DegreeLevel {
    HighSchool,
    Any,
    Bachelor,
    Master,
    Doctorate,
}

impl DegreeLevel {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::HighSchool => "a high-school diploma",
            Self::Any => "a degree",
            Self::Bachelor => "a bachelor's degree",
            Self::Master => "a master's degree",
            Self::Doctorate => "a doctorate",
        }
    }
}

impl Job {
    /// Reads a job description; `role` is the target role if the client named one.
    pub(crate) fn from_text(catalog: &Catalog, matcher: &KeywordMatcher, text: &str, role: Option<RoleIdx>) -> Self {
        let doc = Document::new(text);
        let found = Found::find(catalog, matcher, &doc);
        let zones = importance_zones(doc.text(), &doc.lines);
        let cues = importance_cues(doc.text());
        let mut keywords: Vec<JobKeyword> = Vec::with_capacity(found.len());
        for skill in found.skills() {
            let mut importance = Importance::Mentioned;
            let mut forms: Vec<String> = Vec::new();
            for o in found.of(skill) {
                importance = importance.min(importance_at(&doc, &zones, &cues, o.start));
                let form = doc.text().get(o.start..o.end).unwrap_or("");
                if !forms.iter().any(|f| f == form) {
                    forms.push(form.to_owned());
                }
            }
            let first = found.of(skill).next();
            keywords.push(JobKeyword {
                skill,
                importance,
                count: found.count(skill),
                wording: first.map_or_else(String::new, |o| doc.norm.original_text(o.start..o.end).to_owned()),
                forms,
            });
        }
        keywords.sort_by_cached_key(|k| {
            (
                k.importance,
                std::cmp::Reverse(k.count),
                found.of(k.skill).next().map(|o| o.start),
            )
        });

        let title = find_title(catalog, matcher, &doc);
        let (role, role_inferred) = match role {
            Some(role) => (Some(role), false),
            None => (
                title
                    .as_ref()
                    .and_then(|t| t.role)
                    .or_else(|| role_by_skills(catalog, &keywords)),
                true,
            ),
        };
        let degree = degree_levels(doc.text()).into_iter().min();
        let asks_certification = keywords.iter().any(|k| {
            catalog
                .skills
                .get(k.skill.index())
                .is_some_and(|s| s.skill.kind == SkillKind::Certification)
        }) || { CERTIFICATION.contains(doc.text()) };
        Self {
            doc: Some(doc),
            found,
            keywords,
            title,
            role,
            role_inferred: role_inferred && role.is_some(),
            degree,
            asks_certification,
        }
    }

    /// A role's skills and importances, standing in for a job description.
    pub(crate) fn from_role(catalog: &Catalog, role: RoleIdx) -> Self {
        let entry = catalog.roles.get(role.index());
        let keywords = entry
            .map(|entry| {
                entry
                    .skills
                    .iter()
                    .filter_map(|&(skill, importance)| {
                        let name = &catalog.skills.get(skill.index())?.skill.name;
                        Some(JobKeyword {
                            skill,
                            importance,
                            count: 0,
                            wording: name.clone(),
                            forms: vec![normalize_term(name)],
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let title = entry.map(|entry| JobTitle {
            wording: entry.role.title.clone(),
            key: normalize_term(&entry.role.title),
            role: Some(role),
        });
        Self {
            doc: None,
            found: Found::default(),
            keywords,
            title,
            role: Some(role),
            role_inferred: false,
            degree: None,
            asks_certification: false,
        }
    }

    /// Nothing to measure against: only the document itself is scored.
    pub(crate) fn none() -> Self {
        Self {
            doc: None,
            found: Found::default(),
            keywords: Vec::new(),
            title: None,
            role: None,
            role_inferred: false,
            degree: None,
            asks_certification: false,
        }
    }

    pub(crate) fn keyword(&self, skill: SkillIdx) -> Option<&JobKeyword> {
        self.keywords.iter().find(|k| k.skill == skill)
    }
}

/// The part of a job a line is in. Ordered so that, among the words of one
/// heading, preferred wins over required over neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Zone {
    Preferred,
    Required,
    Neutral,
}

/// The importance zone each line falls in, from the headings above it.
fn importance_zones(text: &str, lines: &[Line]) -> Vec<Zone> {
    let mut zone = Zone::Neutral;
    lines
        .iter()
        .map(|line| {
            if let Some(heading) = job_heading(text, line) {
                zone = heading;
            } else if let Some((label, _)) = inline_label(text, line) {
                // `Nice to have: Kafka` or `Location: remote`.
                if let Some(labelled) = classify_heading(&label) {
                    zone = labelled;
                }
            }
            zone
        })
        .collect()
}

/// A line that is a heading of a job description, and its zone.
fn job_heading(text: &str, line: &Line) -> Option<Zone> {
    if line.bullet {
        return None;
    }
    let body = text.get(line.range())?.trim();
    // Headings are short and end without a full stop.
    if body.len() > 80 || body.ends_with(['.', ',', ';']) {
        return None;
    }
    let key = heading_key(body)?;
    let words = key.split_whitespace().count();
    if body.ends_with(':') && words <= 7 {
        return Some(classify_heading(&key).unwrap_or(Zone::Neutral));
    }
    if words > 5 {
        return None;
    }
    classify_heading(&key)
}

/// The zone a heading opens: `None` when the text is not a known heading.
/// Preferred wins over required (`Preferred qualifications`).
fn classify_heading(key: &str) -> Option<Zone> {
    HEADINGS.find(key).map(|(zone, _)| zone).min()
}

static HEADINGS: LazyLock<WordList<Zone>> = LazyLock::new(|| WordList::new(HEADING_WORDS));
static CUES: LazyLock<WordList<Importance>> = LazyLock::new(|| WordList::new(IMPORTANCE_CUES));
static DEGREES: LazyLock<WordList<DegreeLevel>> = LazyLock::new(|| WordList::new(DEGREE_WORDS));
static CERTIFICATION: LazyLock<WordList<()>> = LazyLock::new(|| WordList::new(CERTIFICATION_WORDS));

/// Compiles the word lists now rather than during the first scan.
pub(crate) fn warm_up() {
    HEADINGS.contains("");
    CUES.contains("");
    DEGREES.contains("");
    CERTIFICATION.contains("");
}

/// What a heading's words say about the zone it opens.
const HEADING_WORDS: &[(&str, Zone)] = &[
    ("nice to have", Zone::Preferred),
    ("nice-to-have", Zone::Preferred),
    ("nice to haves", Zone::Preferred),
    ("nice-to-haves", Zone::Preferred),
    ("preferred", Zone::Preferred),
    ("bonus", Zone::Preferred),
    ("plus", Zone::Preferred),
    ("pluses", Zone::Preferred),
    ("desired", Zone::Preferred),
    ("desirable", Zone::Preferred),
    ("good to have", Zone::Preferred),
    ("stand out", Zone::Preferred),
    ("extra credit", Zone::Preferred),
    ("optional", Zone::Preferred),
    ("advantage", Zone::Preferred),
    ("ideally", Zone::Preferred),
    ("would be great", Zone::Preferred),
    ("even better", Zone::Preferred),
    ("brownie points", Zone::Preferred),
    ("requirements", Zone::Required),
    ("requirement", Zone::Required),
    ("required", Zone::Required),
    ("must have", Zone::Required),
    ("must-have", Zone::Required),
    ("must haves", Zone::Required),
    ("must-haves", Zone::Required),
    ("qualifications", Zone::Required),
    ("qualification", Zone::Required),
    ("what you'll need", Zone::Required),
    ("what you will need", Zone::Required),
    ("what you need", Zone::Required),
    ("what we need", Zone::Required),
    ("looking for", Zone::Required),
    ("who you are", Zone::Required),
    ("you have", Zone::Required),
    ("you bring", Zone::Required),
    ("you'll bring", Zone::Required),
    ("essential", Zone::Required),
    ("ideal candidate", Zone::Required),
    ("about you", Zone::Required),
    ("your profile", Zone::Required),
    ("your background", Zone::Required),
    ("skills and experience", Zone::Required),
    ("experience and skills", Zone::Required),
    ("minimum", Zone::Required),
    ("basic", Zone::Required),
    ("what it takes", Zone::Required),
    ("we expect", Zone::Required),
    ("skills", Zone::Required),
    ("responsibilities", Zone::Neutral),
    ("what you'll do", Zone::Neutral),
    ("what you will do", Zone::Neutral),
    ("what you'll be doing", Zone::Neutral),
    ("your role", Zone::Neutral),
    ("the role", Zone::Neutral),
    ("role", Zone::Neutral),
    ("about us", Zone::Neutral),
    ("who we are", Zone::Neutral),
    ("benefits", Zone::Neutral),
    ("perks", Zone::Neutral),
    ("what we offer", Zone::Neutral),
    ("compensation", Zone::Neutral),
    ("salary", Zone::Neutral),
    ("about the job", Zone::Neutral),
    ("job description", Zone::Neutral),
    ("description", Zone::Neutral),
    ("overview", Zone::Neutral),
    ("summary", Zone::Neutral),
    ("the team", Zone::Neutral),
    ("location", Zone::Neutral),
    ("how to apply", Zone::Neutral),
    ("duties", Zone::Neutral),
    ("day to day", Zone::Neutral),
    ("your impact", Zone::Neutral),
    ("why join us", Zone::Neutral),
    ("company", Zone::Neutral),
    ("job title", Zone::Neutral),
    ("our stack", Zone::Neutral),
    ("how we work", Zone::Neutral),
    ("interview process", Zone::Neutral),
];

/// Words that make a sentence's skills required or preferred, whatever the
/// heading above says.
const IMPORTANCE_CUES: &[(&str, Importance)] = &[
    ("a plus", Importance::Preferred),
    ("plus", Importance::Preferred),
    ("bonus", Importance::Preferred),
    ("preferred", Importance::Preferred),
    ("preferably", Importance::Preferred),
    ("nice to have", Importance::Preferred),
    ("nice-to-have", Importance::Preferred),
    ("ideally", Importance::Preferred),
    ("desirable", Importance::Preferred),
    ("an advantage", Importance::Preferred),
    ("advantageous", Importance::Preferred),
    ("would be great", Importance::Preferred),
    ("helpful", Importance::Preferred),
    ("not required", Importance::Preferred),
    ("optional", Importance::Preferred),
    ("required", Importance::Required),
    ("require", Importance::Required),
    ("requires", Importance::Required),
    ("requirement", Importance::Required),
    ("must", Importance::Required),
    ("mandatory", Importance::Required),
    ("essential", Importance::Required),
    ("need to", Importance::Required),
    ("needs to", Importance::Required),
];

/// Where the job's sentences say `required` or `a plus`, in text order.
fn importance_cues(text: &str) -> Vec<(usize, Importance)> {
    CUES.find(text)
        .map(|(importance, range)| (range.start, importance))
        .collect()
}

/// The importance of an occurrence at `pos`: its sentence's wording (a
/// preferred cue beats a required one: `preferred but not required`), else
/// its zone.
fn importance_at(doc: &Document, zones: &[Zone], cues: &[(usize, Importance)], pos: usize) -> Importance {
    let text = doc.text();
    let Some(at) = line_index(&doc.lines, pos) else {
        return Importance::Mentioned;
    };
    let (Some(line), Some(zone)) = (doc.lines.get(at), zones.get(at)) else {
        return Importance::Mentioned;
    };
    let sentence = sentence_around(text, line, pos);
    let first = cues.partition_point(|(cue, _)| *cue < sentence.start);
    let said = cues
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|(cue, _)| *cue < sentence.end)
        .map(|(_, importance)| *importance)
        .min_by_key(|importance| match importance {
            Importance::Preferred => 0,
            Importance::Required => 1,
            Importance::Mentioned => 2,
        });
    said.unwrap_or(match zone {
        Zone::Required => Importance::Required,
        Zone::Preferred => Importance::Preferred,
        Zone::Neutral => Importance::Mentioned,
    })
}

/// Whether `phrase` occurs in `text` as whole words.
pub(crate) fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase)
        .any(|(at, _)| whole_words_at(text, at, phrase.len()))
}

/// The job's title: a `Job title:` line, else the catalog job title in the
/// first line, else the first line if it is short, else the first catalog
/// job title anywhere near the top.
fn find_title(catalog: &Catalog, matcher: &KeywordMatcher, doc: &Document) -> Option<JobTitle> {
    let text = doc.text();
    let labelled = doc.lines.iter().take(15).find_map(|line| {
        let (label, rest) = inline_label(text, line)?;
        matches!(
            label.as_str(),
            "job title" | "title" | "position" | "role" | "job" | "position title"
        )
        .then(|| rest..line.end)
    });
    let first_line = doc
        .lines
        .iter()
        .find(|line| text.get(line.range()).is_some_and(|body| !body.trim().is_empty()))
        .map(Line::range)
        .filter(|range| {
            let body = text.get(range.clone()).unwrap_or("");
            body.split_whitespace().count() <= 12 && !body.trim_end().ends_with(['.', ':'])
        });
    let line_title = labelled.or(first_line);
    // Titles only count near the top: `as a Backend Engineer you will...`
    // further down is no title.
    let near_top = doc.lines.get(20).map_or(text.len(), |line| line.start);
    if let Some(range) = &line_title
        && let Some(m) = matcher.titles(text.get(range.clone()).unwrap_or("")).first()
    {
        let at = range.start;
        return Some(title_of(&doc.norm, at + m.start..at + m.end, Some(m.role)));
    }
    if let Some(range) = line_title {
        let trimmed = trim_range(text, range);
        let role = catalog.role_by_job_title(text.get(trimmed.clone()).unwrap_or(""));
        return Some(title_of(&doc.norm, trimmed, role));
    }
    matcher
        .titles(text.get(..near_top).unwrap_or(text))
        .first()
        .map(|m| title_of(&doc.norm, m.start..m.end, Some(m.role)))
}

fn title_of(norm: &NormText, range: Range<usize>, role: Option<RoleIdx>) -> JobTitle {
    JobTitle {
        wording: norm.original_text(range.clone()).trim().to_owned(),
        key: normalize_term(norm.text().get(range).unwrap_or("")),
        role,
    }
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let body = text.get(range.clone()).unwrap_or("");
    let start = range.start + (body.len() - body.trim_start().len());
    start..start + body.trim().len()
}

/// The role whose skills the job asks for most, if it shares at least three.
fn role_by_skills(catalog: &Catalog, keywords: &[JobKeyword]) -> Option<RoleIdx> {
    // One bit per skill of the catalog: the roles' skill lists are long.
    let mut asked = vec![0u64; catalog.skills.len().div_ceil(64)];
    for keyword in keywords {
        let i = keyword.skill.index();
        if let Some(bits) = asked.get_mut(i / 64) {
            *bits |= 1 << (i % 64);
        }
    }
    let is_asked = |skill: SkillIdx| {
        let i = skill.index();
        asked.get(i / 64).is_some_and(|bits| bits & (1 << (i % 64)) != 0)
    };
    catalog
        .roles
        .iter()
        .enumerate()
        .filter_map(|(i, entry)| {
            let (shared, weight) = entry
                .skills
                .iter()
                .filter(|&&(skill, _)| is_asked(skill))
                .fold((0, 0.0), |(n, weight), (_, importance)| {
                    (n + 1, weight + importance.weight())
                });
            (shared >= 3).then_some((RoleIdx(i as u32), weight))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(role, _)| role)
}

/// Every degree level a text names (`Bachelor's or Master's`, `BSN`, `PhD`).
pub(crate) fn degree_levels(text: &str) -> Vec<DegreeLevel> {
    let mut levels: Vec<DegreeLevel> = DEGREES.find(text).map(|(level, _)| level).collect();
    levels.sort();
    levels.dedup();
    // `Bachelor's degree` names one level, not also "any degree".
    if levels.iter().any(|&level| level > DegreeLevel::Any) {
        levels.retain(|&level| level != DegreeLevel::Any);
    }
    levels
}

const DEGREE_WORDS: &[(&str, DegreeLevel)] = {
    use DegreeLevel::{Any, Bachelor, Doctorate, HighSchool, Master};
    &[
        ("phd", Doctorate),
        ("ph.d", Doctorate),
        ("ph.d.", Doctorate),
        ("doctorate", Doctorate),
        ("doctoral", Doctorate),
        ("master's", Master),
        ("masters", Master),
        ("master of", Master),
        ("master degree", Master),
        ("msc", Master),
        ("m.sc", Master),
        ("m.s.", Master),
        ("ms in", Master),
        ("ma in", Master),
        ("mba", Master),
        ("m.b.a", Master),
        ("meng", Master),
        ("m.eng", Master),
        ("msn", Master),
        ("m.ed", Master),
        ("mph", Master),
        ("bachelor's", Bachelor),
        ("bachelors", Bachelor),
        ("bachelor", Bachelor),
        ("bsc", Bachelor),
        ("b.sc", Bachelor),
        ("b.s.", Bachelor),
        ("b.a.", Bachelor),
        ("bs in", Bachelor),
        ("ba in", Bachelor),
        ("bs/ms", Bachelor),
        ("b.eng", Bachelor),
        ("beng", Bachelor),
        ("btech", Bachelor),
        ("b.tech", Bachelor),
        ("bsn", Bachelor),
        ("bba", Bachelor),
        ("b.b.a", Bachelor),
        ("b.com", Bachelor),
        ("undergraduate degree", Bachelor),
        ("four-year degree", Bachelor),
        ("4-year degree", Bachelor),
        ("associate's degree", Any),
        ("associate degree", Any),
        ("associates degree", Any),
        ("associate of", Any),
        ("adn", Any),
        ("a.a.s", Any),
        ("degree", Any),
        ("degrees", Any),
        ("diploma", HighSchool),
        ("high school", HighSchool),
        ("ged", HighSchool),
    ]
};

/// Words that ask for certification.
const CERTIFICATION_WORDS: &[(&str, ())] = &[
    ("certification", ()),
    ("certifications", ()),
    ("certified", ()),
    ("certificate", ()),
    ("license", ()),
    ("licensed", ()),
    ("licensure", ()),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit;

    fn job(text: &str) -> Job {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        Job::from_text(catalog, matcher, text, None)
    }

    fn importance_of(job: &Job, slug: &str) -> Option<Importance> {
        let (catalog, _) = testkit::catalog_and_matcher();
        let skill = catalog.skill_by_slug(slug)?;
        job.keyword(skill).map(|k| k.importance)
    }

    #[test]
    fn headings_and_sentences_decide_importance() {
        let j = job("Backend Engineer\n\
            About the role\nYou will build services with Docker.\n\
            Requirements:\n- 3+ years of Python\n- SQL\n- Apache Kafka is a plus\n\
            Nice to have\n- Kubernetes\n- Golang experience is required\n\
            Benefits\n- Free PostgreSQL swag");
        assert_eq!(importance_of(&j, "docker"), Some(Importance::Mentioned));
        assert_eq!(importance_of(&j, "python"), Some(Importance::Required));
        assert_eq!(importance_of(&j, "sql"), Some(Importance::Required));
        assert_eq!(importance_of(&j, "kafka"), Some(Importance::Preferred));
        assert_eq!(importance_of(&j, "kubernetes"), Some(Importance::Preferred));
        assert_eq!(importance_of(&j, "go"), Some(Importance::Required));
        assert_eq!(importance_of(&j, "postgresql"), Some(Importance::Mentioned));
    }

    #[test]
    fn the_strongest_mention_of_a_skill_wins_and_counts_add_up() {
        let j = job("We use Python daily.\nMust have: Python and REST APIs.\nPython, Python.");
        let (catalog, _) = testkit::catalog_and_matcher();
        let python = j.keyword(catalog.skill_by_slug("python").unwrap()).unwrap();
        assert_eq!(
            (python.importance, python.count, python.wording.as_str()),
            (Importance::Required, 4, "Python")
        );
        let rest = j.keyword(catalog.skill_by_slug("rest-api").unwrap()).unwrap();
        assert_eq!(rest.wording, "REST APIs");
        assert_eq!(j.keywords[0].skill, python.skill, "required and most frequent first");
    }

    #[test]
    fn the_title_and_role_come_from_the_first_line_or_a_title_label() {
        let (catalog, _) = testkit::catalog_and_matcher();
        let j = job("Senior Backend Engineer (Remote)\nWe build APIs.");
        let title = j.title.clone().unwrap();
        assert_eq!(title.wording, "Backend Engineer");
        assert_eq!(catalog.role(j.role.unwrap()).role.slug, "backend-developer");
        assert!(j.role_inferred);
        let j = job("Acme Corp is hiring!\nJob Title: Front-End Developer\nReact and CSS.");
        assert_eq!(catalog.role(j.role.unwrap()).role.slug, "frontend-developer");
    }

    #[test]
    fn without_a_title_the_role_is_the_one_whose_skills_the_job_asks_for() {
        let (catalog, _) = testkit::catalog_and_matcher();
        let j = job("We are a fast-growing company and we need help.\nYou know JavaScript, React, HTML and CSS.");
        assert_eq!(catalog.role(j.role.unwrap()).role.slug, "frontend-developer");
        let j = job("We are a bakery looking for someone friendly.");
        assert_eq!(j.role, None);
    }

    #[test]
    fn degrees_are_read_as_levels() {
        assert_eq!(
            degree_levels("bachelor's or master's degree in cs"),
            [DegreeLevel::Bachelor, DegreeLevel::Master]
        );
        assert_eq!(
            degree_levels("active rn license; bsn preferred"),
            [DegreeLevel::Bachelor]
        );
        assert_eq!(
            degree_levels("scrum master and mastery of ms office"),
            Vec::<DegreeLevel>::new()
        );
        let j = job("Data Scientist\nRequirements: PhD or MSc in statistics");
        assert_eq!(j.degree, Some(DegreeLevel::Master));
    }
}
