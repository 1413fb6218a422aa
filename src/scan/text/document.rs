//! A normalized document cut into lines and headed sections.

use std::ops::Range;

use crate::scan::rules::SectionKind;
use crate::scan::text::layout::{Line, heading_key, inline_label, split_lines};
use crate::scan::text::{NormText, is_word_char};

/// A headed part of a document, from its heading to the next heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// `None` for a recognized heading of another kind (Awards, Interests, ...).
    pub kind: Option<SectionKind>,
    /// The heading text (normalized byte range).
    pub heading: Range<usize>,
    /// The whole section, heading included.
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub norm: NormText,
    pub lines: Vec<Line>,
    pub sections: Vec<Section>,
    /// Byte ranges of the sections that list skills.
    pub skill_sections: Vec<Range<usize>>,
}

impl Document {
    pub(crate) fn new(original: &str) -> Self {
        let norm = NormText::new(original);
        let lines = split_lines(norm.text());
        let sections = find_sections(norm.text(), &lines);
        let skill_sections = sections
            .iter()
            .filter(|s| s.kind == Some(SectionKind::Skills))
            .map(|s| s.range.clone())
            .collect();
        Self {
            norm,
            lines,
            sections,
            skill_sections,
        }
    }

    pub(crate) fn text(&self) -> &str {
        self.norm.text()
    }

    /// The section holding byte `pos`, if any heading precedes it.
    pub(crate) fn section_at(&self, pos: usize) -> Option<&Section> {
        let after = self.sections.partition_point(|s| s.range.start <= pos);
        self.sections.get(after.checked_sub(1)?)
    }

    pub(crate) fn kind_at(&self, pos: usize) -> Option<SectionKind> {
        self.section_at(pos).and_then(|s| s.kind)
    }

    pub(crate) fn has_section(&self, kind: SectionKind) -> bool {
        self.sections.iter().any(|s| s.kind == Some(kind))
    }

    /// Byte ranges of every section of `kind`.
    pub(crate) fn ranges_of(&self, kind: SectionKind) -> impl Iterator<Item = Range<usize>> + '_ {
        self.sections
            .iter()
            .filter(move |s| s.kind == Some(kind))
            .map(|s| s.range.clone())
    }
}

fn find_sections(text: &str, lines: &[Line]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for line in lines {
        if line.bullet {
            continue;
        }
        let (heading, inline) = match full_line_heading(text, line) {
            Some(heading) => (heading, false),
            None => match inline_heading(text, line) {
                Some(heading) => (heading, true),
                None => continue,
            },
        };
        let (kind, heading) = heading;
        // Only an inline heading may hand the line back to the open section.
        let open = if inline { sections.last().cloned() } else { None };
        if let Some(open) = sections.last_mut() {
            open.range.end = line.start;
        }
        sections.push(Section {
            kind,
            heading,
            range: line.start..text.len(),
        });
        // `Tech Stack: Go, Kafka` inside a job entry lists that job's skills:
        // the entry goes on after it.
        if let Some(open) =
            open.filter(|open| matches!(open.kind, Some(SectionKind::Experience | SectionKind::Projects)))
        {
            let resume_at = (line.end + 1).min(text.len());
            if let Some(labelled) = sections.last_mut() {
                labelled.range.end = resume_at;
            }
            sections.push(Section {
                range: resume_at..text.len(),
                ..open
            });
        }
    }
    sections
}

fn full_line_heading(text: &str, line: &Line) -> Option<(Option<SectionKind>, Range<usize>)> {
    let body = text.get(line.range())?;
    // The longest known heading has some 30 letters; sentences end in a stop.
    if body.len() > 48 || body.ends_with(['.', ',']) {
        return None;
    }
    let kind = resume_heading(&heading_key(body)?)?;
    let trimmed = body.trim_matches(|c: char| !is_word_char(c));
    let start = line.start + (body.len() - body.trim_start_matches(|c: char| !is_word_char(c)).len());
    Some((kind, start..start + trimmed.len()))
}

/// `Technical Skills: Go, Rust` opens a section on its own line.
fn inline_heading(text: &str, line: &Line) -> Option<(Option<SectionKind>, Range<usize>)> {
    let (label, rest) = inline_label(text, line)?;
    let kind = resume_heading(&label)??;
    Some((Some(kind), line.content..rest.saturating_sub(1)))
}

/// The kind of a resume heading: `Some(None)` for a recognized heading of a
/// section the scanner does not score (Awards, Interests, ...).
pub(crate) fn resume_heading(key: &str) -> Option<Option<SectionKind>> {
    use SectionKind::{Certifications, Education, Experience, Projects, Skills, Summary};
    let kind = match key {
        "summary"
        | "professional summary"
        | "career summary"
        | "executive summary"
        | "profile"
        | "professional profile"
        | "career profile"
        | "personal profile"
        | "about me"
        | "about"
        | "objective"
        | "career objective"
        | "professional objective"
        | "overview"
        | "professional overview"
        | "personal statement"
        | "summary of qualifications"
        | "qualifications summary"
        | "highlights"
        | "career highlights" => Summary,
        "experience"
        | "work experience"
        | "professional experience"
        | "relevant experience"
        | "work history"
        | "employment history"
        | "professional employment"
        | "experience summary"
        | "work experiences"
        | "employment"
        | "career history"
        | "professional background"
        | "experience and achievements"
        | "teaching experience"
        | "clinical experience"
        | "nursing experience"
        | "sales experience"
        | "industry experience"
        | "internship experience"
        | "internships"
        | "internship"
        | "positions held"
        | "professional history"
        | "relevant work experience"
        | "military experience"
        | "research experience"
        | "leadership experience"
        | "work experience and projects" => Experience,
        "education"
        | "academic background"
        | "academic history"
        | "education and training"
        | "educational background"
        | "academic qualifications"
        | "education and certifications"
        | "academics"
        | "degrees" => Education,
        "skills"
        | "technical skills"
        | "key skills"
        | "core skills"
        | "core competencies"
        | "competencies"
        | "skills and abilities"
        | "skills summary"
        | "areas of expertise"
        | "expertise"
        | "technologies"
        | "tech stack"
        | "technical stack"
        | "tools"
        | "tools and technologies"
        | "technical proficiencies"
        | "proficiencies"
        | "professional skills"
        | "relevant skills"
        | "skills and tools"
        | "skills and technologies"
        | "technical expertise"
        | "computer skills"
        | "software skills"
        | "hard skills"
        | "soft skills"
        | "key competencies"
        | "skill set"
        | "skillset"
        | "clinical skills"
        | "programming languages"
        | "languages and frameworks"
        | "languages and tools"
        | "skills and expertise"
        | "skills and qualifications"
        | "it skills"
        | "skills and competencies"
        | "technical competencies"
        | "key skills and competencies"
        | "tools and platforms"
        | "technical skills and tools"
        | "software"
        | "skills and interests"
        | "technical summary" => Skills,
        "projects"
        | "personal projects"
        | "selected projects"
        | "key projects"
        | "side projects"
        | "academic projects"
        | "technical projects"
        | "open source"
        | "open source contributions"
        | "open-source"
        | "open-source contributions"
        | "portfolio"
        | "project experience"
        | "notable projects"
        | "research projects" => Projects,
        "certifications"
        | "certification"
        | "certificates"
        | "licenses"
        | "licenses and certifications"
        | "certifications and licenses"
        | "licensure"
        | "credentials"
        | "professional certifications"
        | "certifications and training"
        | "licenses and certificates"
        | "professional licenses"
        | "licenses and credentials" => Certifications,
        "awards"
        | "honors"
        | "honors and awards"
        | "awards and honors"
        | "achievements"
        | "accomplishments"
        | "key achievements"
        | "publications"
        | "volunteer"
        | "volunteering"
        | "volunteer experience"
        | "volunteer work"
        | "community involvement"
        | "interests"
        | "hobbies"
        | "hobbies and interests"
        | "languages"
        | "spoken languages"
        | "references"
        | "activities"
        | "extracurricular activities"
        | "leadership"
        | "affiliations"
        | "memberships"
        | "professional affiliations"
        | "professional memberships"
        | "courses"
        | "coursework"
        | "relevant coursework"
        | "training"
        | "professional development"
        | "contact"
        | "contact information"
        | "personal information"
        | "personal details"
        | "additional information"
        | "conferences"
        | "patents"
        | "presentations"
        | "talks" => return Some(None),
        _ => return None,
    };
    Some(Some(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_their_synonyms_open_sections() {
        let doc = Document::new(
            "Jane Doe\nPROFESSIONAL SUMMARY\nBackend engineer.\n## Work History\n• Built it\nTechnical Skills: Go, Rust\nHonors & Awards\nDean's list\nLicenses & Certifications\nCKA",
        );
        let kinds: Vec<Option<SectionKind>> = doc.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                Some(SectionKind::Summary),
                Some(SectionKind::Experience),
                Some(SectionKind::Skills),
                // The labelled line sits in the work history, which goes on.
                Some(SectionKind::Experience),
                None,
                Some(SectionKind::Certifications)
            ]
        );
        assert_eq!(&doc.text()[doc.sections[1].heading.clone()], "work history");
        assert_eq!(&doc.text()[doc.sections[2].heading.clone()], "technical skills");
        let built = doc.text().find("built").unwrap();
        assert_eq!(doc.kind_at(built), Some(SectionKind::Experience));
        assert_eq!(doc.kind_at(0), None);
    }

    #[test]
    fn a_labelled_skills_line_in_a_job_entry_does_not_swallow_the_entry() {
        let doc = Document::new(
            "Experience
Acme, Engineer
Tech Stack: Go, Kafka
• Cut latency by 40%
Education
BSc",
        );
        let tech = doc.text().find("go, kafka").unwrap();
        let cut = doc.text().find("cut latency").unwrap();
        assert_eq!(doc.kind_at(tech), Some(SectionKind::Skills));
        assert_eq!(doc.kind_at(cut), Some(SectionKind::Experience));
        assert!(doc.has_section(SectionKind::Education));
    }

    #[test]
    fn a_sentence_that_starts_like_a_heading_is_not_one() {
        let doc = Document::new("Experience with Go.\nSkills.\nLanguages: English, German");
        assert!(doc.sections.is_empty(), "{:?}", doc.sections);
    }
}
