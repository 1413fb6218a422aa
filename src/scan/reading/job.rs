//! What a job asks for: its title and role, each skill with its importance,
//! frequency and wording, and whether it asks for a degree or certifications.
//! Importance and the parts that ask for nothing are read in
//! [`importance`](crate::scan::reading::importance), the title in
//! [`title`](crate::scan::reading::title).

use std::ops::Range;
use std::sync::LazyLock;

use crate::scan::matching::KeywordMatcher;
use crate::scan::matching::found::Found;
use crate::scan::reading::alternatives::alternatives;
use crate::scan::reading::degree::{DegreeLevel, degree_levels};
use crate::scan::reading::front_matter::FrontMatter;
use crate::scan::reading::importance::JobZones;
use crate::scan::reading::title::{JobTitle, find_title};
use crate::scan::text::document::Document;
use crate::scan::text::{WordList, whole_words_at};
use crate::taxonomy::{Catalog, Importance, RoleIdx, SkillIdx, SkillKind, normalize_term};

/// What the resume is measured against: a job description, or a role's skills.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    /// The job description, when one was given.
    pub doc: Option<Document>,
    /// The skills of the parts of the job description that ask for something.
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
    /// Byte ranges of the job description that ask for something: not its
    /// front matter, benefits, company description or how to apply.
    pub asking: Vec<Range<usize>>,
    /// Groups of skills of which any one meets the requirement.
    pub alternatives: Vec<Vec<SkillIdx>>,
    /// Byte range of the employer's name in the job description, when its
    /// front matter gives one: the posting's own name, no wording to share.
    pub employer: Option<Range<usize>>,
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
    /// The index in [`Job::alternatives`] of the group it belongs to: any
    /// one skill of the group meets the requirement.
    pub group: Option<usize>,
}

impl Job {
    /// Reads a job description; `role` is the target role if the client named one.
    pub(crate) fn from_text(catalog: &Catalog, matcher: &KeywordMatcher, text: &str, role: Option<RoleIdx>) -> Self {
        let doc = Document::new(text);
        let front_matter = FrontMatter::find(&doc);
        let zones = JobZones::read(&doc, front_matter.as_ref());
        let everything = Found::find(catalog, matcher, &doc);
        // Each occurrence's importance, in text order; what the boilerplate
        // names (`None`) is not the job's.
        let asked: Vec<(usize, Option<Importance>)> = everything
            .occurrences
            .iter()
            .map(|o| (o.start, zones.importance_at(&doc, o.start..o.end)))
            .collect();
        let mut kept = asked.iter().map(|(_, importance)| importance.is_some());
        let found = everything.retain(|_| kept.next().unwrap_or(false));
        let importance_at = |start: usize| {
            let at = asked.partition_point(|(s, _)| *s < start);
            asked.get(at).and_then(|(_, importance)| *importance)
        };
        let mut keywords: Vec<JobKeyword> = Vec::with_capacity(found.len());
        for skill in found.skills() {
            let mut importance = Importance::Mentioned;
            let mut forms: Vec<String> = Vec::new();
            for o in found.of(skill) {
                if let Some(here) = importance_at(o.start) {
                    importance = importance.min(here);
                }
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
                group: None,
            });
        }
        let alternatives = alternatives(&doc, &found);
        for keyword in &mut keywords {
            keyword.group = alternatives.iter().position(|group| group.contains(&keyword.skill));
        }
        keywords.sort_by_cached_key(|k| {
            (
                k.importance,
                std::cmp::Reverse(k.count),
                found.of(k.skill).next().map(|o| o.start),
            )
        });

        let title = find_title(catalog, matcher, &doc, front_matter.as_ref());
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
        let asking: Vec<Range<usize>> = zones.asking_ranges(&doc).collect();
        let asks_certification = keywords.iter().any(|k| {
            catalog
                .skills
                .get(k.skill.index())
                .is_some_and(|s| s.skill.kind == SkillKind::Certification)
        }) || asking
            .iter()
            .any(|range| CERTIFICATION.contains(doc.text().get(range.clone()).unwrap_or("")));
        Self {
            doc: Some(doc),
            found,
            keywords,
            title,
            role,
            role_inferred: role_inferred && role.is_some(),
            degree,
            asks_certification,
            asking,
            alternatives,
            employer: front_matter.and_then(|fm| fm.employer),
        }
    }

    /// A role's skills and importances, standing in for a job description.
    pub(crate) fn from_role(catalog: &Catalog, role: RoleIdx) -> Self {
        let keywords = catalog
            .roles
            .get(role.index())
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
                            group: None,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            title: JobTitle::of_role(catalog, role),
            keywords,
            role: Some(role),
            ..Self::none()
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
            employer: None,
            asks_certification: false,
            asking: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    pub(crate) fn keyword(&self, skill: SkillIdx) -> Option<&JobKeyword> {
        self.keywords.iter().find(|k| k.skill == skill)
    }
}

/// Whether `phrase` occurs in `text` as whole words.
pub(crate) fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase)
        .any(|(at, _)| whole_words_at(text, at, phrase.len()))
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

static CERTIFICATION: LazyLock<WordList<()>> = LazyLock::new(|| WordList::new(CERTIFICATION_WORDS));

/// Compiles the word lists now rather than during the first scan.
pub(crate) fn warm_up() {
    CERTIFICATION.contains("");
}

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
    use crate::scan::reading::degree::{DegreeLevel, degree_levels};
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
        // Benefits ask for nothing.
        assert_eq!(importance_of(&j, "postgresql"), None);
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
        assert_eq!(title.wording, "Senior Backend Engineer");
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
