//! The job's keywords split into those the resume has and those it lacks,
//! and the resume's counts, over the job and the resume as read.

use std::borrow::Cow;

use crate::scan::reading::job::Job;
use crate::scan::reading::resume::Resume;
use crate::taxonomy::{Catalog, Importance, RoleIdx, SkillIdx, normalize_term};

/// The job and the resume as read, and how their keywords compare: what
/// every judge (score, mistakes, suggestions) works from.
#[derive(Debug)]
pub(crate) struct Reading {
    pub resume: Resume,
    pub job: Job,
    matched: Vec<KeywordMatch>,
    missing: Vec<MissingKeyword>,
    stats: ResumeStats,
}

impl Reading {
    pub(crate) fn new(resume: Resume, job: Job) -> Self {
        let (matched, missing) = compare(&resume, &job);
        let stats = stats(&resume);
        Self {
            resume,
            job,
            matched,
            missing,
            stats,
        }
    }

    /// The target role, given or inferred.
    pub(crate) fn role(&self) -> Option<RoleIdx> {
        self.job.role
    }

    /// Job keywords the resume has, most important first.
    pub(crate) fn matched(&self) -> &[KeywordMatch] {
        &self.matched
    }

    /// Job keywords the resume lacks, by importance then frequency.
    pub(crate) fn missing(&self) -> &[MissingKeyword] {
        &self.missing
    }

    pub(crate) fn stats(&self) -> &ResumeStats {
        &self.stats
    }
}

/// A job keyword the resume has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeywordMatch {
    pub skill: SkillIdx,
    pub importance: Importance,
    pub resume_count: u32,
    pub job_count: u32,
    /// Whether the resume uses the job's own wording, not only another alias.
    pub exact_wording: bool,
}

/// A job keyword the resume lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingKeyword {
    pub skill: SkillIdx,
    pub importance: Importance,
    pub job_count: u32,
    /// The job's own wording, to use verbatim.
    pub job_wording: String,
    /// Other skills of which any one meets the same requirement (`one of`).
    pub alternatives: Vec<SkillIdx>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResumeStats {
    pub words: u32,
    /// Bullet points outside skills, education and certification lists.
    pub bullets: u32,
    /// Those of them that contain a number.
    pub quantified_bullets: u32,
    pub has_email: bool,
    pub has_phone: bool,
    pub has_linkedin: bool,
    /// A GitHub or GitLab profile.
    pub has_github: bool,
    pub has_website: bool,
    pub has_location: bool,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Splits the job's keywords into those the resume has and those it lacks.
fn compare(resume: &Resume, job: &Job) -> (Vec<KeywordMatch>, Vec<MissingKeyword>) {
    let mut matched = Vec::new();
    let mut missing = Vec::new();
    for keyword in &job.keywords {
        let resume_count = resume.skills.count(keyword.skill);
        if resume_count > 0 {
            matched.push(KeywordMatch {
                skill: keyword.skill,
                importance: keyword.importance,
                resume_count: count(resume_count),
                job_count: count(keyword.count),
                exact_wording: resume.skills.of(keyword.skill).any(|o| {
                    let written = resume.text().get(o.start..o.end).unwrap_or("");
                    keyword
                        .forms
                        .iter()
                        .any(|form| form == written || same_wording(form, written))
                }),
            });
        } else {
            let alternatives: Vec<SkillIdx> = keyword
                .group
                .and_then(|g| job.alternatives.get(g))
                .map(|group| group.iter().copied().filter(|&s| s != keyword.skill).collect())
                .unwrap_or_default();
            // Another skill of its group meets the requirement.
            if alternatives.iter().any(|&s| resume.skills.contains(s)) {
                continue;
            }
            missing.push(MissingKeyword {
                skill: keyword.skill,
                importance: keyword.importance,
                job_count: count(keyword.count),
                job_wording: keyword.wording.clone(),
                alternatives,
            });
        }
    }
    // Job keywords are already most important first, then most frequent.
    missing.sort_by_key(|m| (m.importance, std::cmp::Reverse(m.job_count)));
    (matched, missing)
}

/// Whether the resume's wording carries the job's: the same words, give or
/// take a plural or an -ing (`unit tests` for `unit testing`), possibly within
/// a longer name (`sourcing candidates` for `sourcing`). Both are normalized.
fn same_wording(job: &str, resume: &str) -> bool {
    let job: Vec<String> = job.split_whitespace().map(stem).collect();
    let resume: Vec<String> = resume.split_whitespace().map(stem).collect();
    !job.is_empty() && resume.windows(job.len()).any(|window| window == job.as_slice())
}

/// A skill of the resume that the knowledge base names as a neighbour of
/// `skill`, when the resume lacks `skill` itself: the job asks for Spring
/// Boot, the resume says Java. Only the missing skill's own neighbours
/// count: many skills point at Communication, but none of them is a way of
/// saying it.
pub(crate) fn related_in_resume(catalog: &Catalog, resume: &Resume, skill: SkillIdx) -> Option<SkillIdx> {
    let entry = catalog.skills.get(skill.index())?;
    entry.related.iter().copied().find(|r| resume.skills.contains(*r))
}

/// Whether two wordings share a word, give or take an ending: `Bash` and
/// `Bash scripting` do (close enough to read as the same keyword), `k8s` and
/// `Kubernetes` do not.
pub(crate) fn shares_a_word(a: &str, b: &str) -> bool {
    let a: Vec<String> = normalize_term(a).split_whitespace().map(stem).collect();
    normalize_term(b)
        .split_whitespace()
        .map(stem)
        .any(|word| a.contains(&word))
}

/// A word without its plural, possessive or -ing ending.
pub(crate) fn stem(word: &str) -> String {
    stem_of(word).into_owned()
}

/// [`stem`] without a copy where the stem is a slice of the word.
pub(crate) fn stem_of(word: &str) -> Cow<'_, str> {
    let word = word.strip_suffix("'s").unwrap_or(word);
    let chars = word.chars().count();
    if chars > 4
        && let Some(base) = word.strip_suffix("ies")
    {
        return Cow::Owned(format!("{base}y"));
    }
    if chars > 5
        && let Some(base) = word.strip_suffix("ing")
    {
        return Cow::Borrowed(base);
    }
    if chars > 3 && !word.ends_with("ss") {
        return Cow::Borrowed(word.strip_suffix('s').unwrap_or(word));
    }
    Cow::Borrowed(word)
}

fn stats(resume: &Resume) -> ResumeStats {
    let (bullets, quantified) = resume
        .prose_bullets()
        .fold((0, 0), |(n, q), b| (n + 1, q + usize::from(b.quantified)));
    ResumeStats {
        words: count(resume.words),
        bullets: count(bullets),
        quantified_bullets: count(quantified),
        has_email: resume.contact.email.is_some(),
        has_phone: resume.contact.phone.is_some(),
        has_linkedin: resume.contact.linkedin.is_some(),
        has_github: resume.contact.github.is_some(),
        has_website: resume.contact.website.is_some(),
        has_location: resume.contact.location.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording_matches_across_plurals_endings_and_longer_names_only() {
        assert!(same_wording("unit testing", "unit tests"));
        assert!(same_wording("rest apis", "rest api"));
        assert!(same_wording("sourcing", "sourcing candidates"));
        assert!(same_wording("applicant tracking system", "applicant tracking systems"));
        assert!(!same_wording("bash scripting", "bash"));
        assert!(!same_wording("kubernetes", "k8s"));
        assert!(!same_wording("salesforce crm", "salesforce"));
    }
}
