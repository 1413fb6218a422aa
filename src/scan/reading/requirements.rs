//! A job description's requirement lines (its duties where it lists no
//! requirements) and the skills each yields: how
//! much of what real postings ask for the knowledge base can name
//! (`atscan coverage`).

use crate::scan::matching::KeywordMatcher;
use crate::scan::matching::found::Found;
use crate::scan::reading::degree::degree_levels;
use crate::scan::reading::front_matter::FrontMatter;
use crate::scan::reading::importance::JobZones;
use crate::scan::text::document::Document;
use crate::taxonomy::{Catalog, SkillIdx};

/// Lines shorter than this are labels or stray words, not requirements.
const MIN_WORDS: usize = 3;

/// One line under a job's requirements (or its pluses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequirementLine {
    /// The line as the job writes it.
    pub text: String,
    /// The skills found on it, in order, each once.
    pub skills: Vec<SkillIdx>,
    /// Whether it names a degree, which the scan reads as the job's
    /// education requirement.
    pub degree: bool,
}

impl RequirementLine {
    /// Whether the scan reads something on the line: a skill or a degree.
    pub fn yields(&self) -> bool {
        !self.skills.is_empty() || self.degree
    }
}

/// The requirement lines of a job description, with the skills found on each.
pub fn requirement_lines(catalog: &Catalog, matcher: &KeywordMatcher, job: &str) -> Vec<RequirementLine> {
    let doc = Document::new(job);
    let front_matter = FrontMatter::find(&doc);
    let zones = JobZones::read(&doc, front_matter.as_ref());
    let found = Found::find(catalog, matcher, &doc);
    zones
        .requirement_lines(&doc)
        .into_iter()
        .filter_map(|line| {
            let range = line.range();
            let text = doc.norm.original_text(range.clone()).trim();
            if text.split_whitespace().count() < MIN_WORDS {
                return None;
            }
            let first = found.occurrences.partition_point(|o| o.start < range.start);
            let mut skills: Vec<SkillIdx> = Vec::new();
            for occurrence in found.occurrences.get(first..).unwrap_or(&[]) {
                if occurrence.start >= range.end {
                    break;
                }
                if !skills.contains(&occurrence.skill) {
                    skills.push(occurrence.skill);
                }
            }
            Some(RequirementLine {
                text: text.to_owned(),
                skills,
                degree: !degree_levels(doc.text().get(range).unwrap_or("")).is_empty(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit::catalog_and_matcher;

    #[test]
    fn only_the_lines_under_requirements_count_with_their_skills() {
        let (catalog, matcher) = catalog_and_matcher();
        let job = "Backend Developer\n\nAbout us\nWe build Python tools for farmers.\n\n\
                   Requirements\n- Five years of Python and PostgreSQL\n- A calm head under pressure\n- SQL\n\
                   - A bachelor's degree in any field\n\n\
                   Nice to have\n- Experience with Kubernetes clusters\n\nBenefits\n- Free Docker stickers for everyone";
        let lines = requirement_lines(catalog, matcher, job);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "- Five years of Python and PostgreSQL",
                "- A calm head under pressure",
                "- A bachelor's degree in any field",
                "- Experience with Kubernetes clusters"
            ]
        );
        let slugs = |line: &RequirementLine| {
            line.skills
                .iter()
                .map(|&s| catalog.skills[s.index()].skill.slug.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(slugs(&lines[0]), ["python", "postgresql"]);
        assert!(!lines[1].yields());
        assert!(lines[2].skills.is_empty() && lines[2].yields());
        assert_eq!(slugs(&lines[3]), ["kubernetes"]);

        let duties_only = "Backend Developer\n\nWhat you'll do\n- Build Python services for our clients\n\
                           Benefits\n- Free Docker stickers for everyone";
        let lines = requirement_lines(catalog, matcher, duties_only);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert_eq!(slugs(&lines[0]), ["python"]);
    }
}
