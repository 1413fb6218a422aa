//! A scan: the request, the report, and the entry point that computes the
//! cheap core (keywords, score, matched and missing keywords, stats) eagerly
//! and the rest (spans, sections, mistakes, suggestions) on first use.

use std::sync::OnceLock;

use crate::scan::judging::{
    DetectedMistake, KeywordMatch, MissingKeyword, Reading, ResumeStats, ScoreBreakdown, Suggestion, detect, score,
    suggest,
};
use crate::scan::matching::{Fingerprint, KeywordHit, KeywordMatcher};
use crate::scan::reading::{Job, Resume};
use crate::scan::rules::SectionKind;
use crate::scan::text::TextSpan;
use crate::taxonomy::{Catalog, Importance, RoleIdx, SkillIdx};

/// The longest resume or job text a scan accepts, in bytes.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;

/// What to scan.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScanRequest<'a> {
    pub resume: &'a str,
    /// The job description; blank counts as none.
    pub job: Option<&'a str>,
    /// The target role; inferred from the job description when absent.
    pub role: Option<RoleIdx>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScanError {
    #[error("the resume is empty")]
    EmptyResume,
    #[error("the {what} is {bytes} bytes long; the limit is {limit} bytes")]
    TooLong {
        what: &'static str,
        bytes: usize,
        limit: usize,
    },
    #[error("role #{0} does not exist in this taxonomy snapshot")]
    UnknownRole(u32),
    #[error("the keyword matcher was built from another taxonomy snapshot")]
    StaleMatcher,
}

/// A headed section of the resume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeSection {
    /// `None` for a recognized heading the scanner does not score (Awards, ...).
    pub kind: Option<SectionKind>,
    /// The heading as written.
    pub heading: String,
    /// The whole section, heading included.
    pub span: TextSpan,
}

impl ResumeSection {
    /// `summary`, `experience`, ... or `other`.
    pub fn kind_name(&self) -> &'static str {
        self.kind.map_or("other", SectionKind::as_str)
    }
}

/// The result of a scan. Getters that take the catalog and matcher compute on
/// first use; pass the snapshot the scan ran on (another yields empty lists).
#[derive(Debug)]
pub struct ScanReport {
    fingerprint: Fingerprint,
    reading: Reading,
    score: ScoreBreakdown,
    resume_keywords: OnceLock<Vec<KeywordHit>>,
    job_keywords: OnceLock<Vec<KeywordHit>>,
    sections: OnceLock<Vec<ResumeSection>>,
    mistakes: OnceLock<Vec<DetectedMistake>>,
    suggestions: OnceLock<Vec<Suggestion>>,
}

/// Scans a resume against a job description, a role, both, or neither.
pub fn scan(catalog: &Catalog, matcher: &KeywordMatcher, request: &ScanRequest<'_>) -> Result<ScanReport, ScanError> {
    if !matcher.is_built_from(catalog) {
        return Err(ScanError::StaleMatcher);
    }
    let check_length = |what, text: &str| {
        if text.len() > MAX_TEXT_BYTES {
            return Err(ScanError::TooLong {
                what,
                bytes: text.len(),
                limit: MAX_TEXT_BYTES,
            });
        }
        Ok(())
    };
    check_length("resume", request.resume)?;
    if let Some(job) = request.job {
        check_length("job description", job)?;
    }
    if let Some(role) = request.role
        && catalog.roles.get(role.index()).is_none()
    {
        return Err(ScanError::UnknownRole(role.0));
    }
    let resume = Resume::new(catalog, matcher, request.resume);
    if resume.text().is_empty() {
        return Err(ScanError::EmptyResume);
    }
    let job_text = request.job.filter(|text| !text.trim().is_empty());
    let job = match (job_text, request.role) {
        (Some(text), role) => Job::from_text(catalog, matcher, text, role),
        (None, Some(role)) => Job::from_role(catalog, role),
        (None, None) => Job::none(),
    };
    let score = score::score(catalog, matcher, &resume, &job);
    let reading = Reading::new(resume, job);
    Ok(ScanReport {
        fingerprint: Fingerprint::of(catalog),
        reading,
        score,
        resume_keywords: OnceLock::new(),
        job_keywords: OnceLock::new(),
        sections: OnceLock::new(),
        mistakes: OnceLock::new(),
        suggestions: OnceLock::new(),
    })
}

impl ScanReport {
    /// The target role, given or inferred.
    pub fn role(&self) -> Option<RoleIdx> {
        self.reading.job.role
    }

    /// Whether the role was inferred from the job description.
    pub fn role_inferred(&self) -> bool {
        self.reading.job.role_inferred
    }

    /// The job's title as written, or the role's title without a job text.
    pub fn job_title(&self) -> Option<&str> {
        self.reading.job.title.as_ref().map(|t| t.wording.as_str())
    }

    pub fn score(&self) -> &ScoreBreakdown {
        &self.score
    }

    /// Job keywords the resume has, most important first.
    pub fn matched(&self) -> &[KeywordMatch] {
        self.reading.matched()
    }

    /// How much the job (or role) asks for `skill`, whether or not the
    /// resume has it or one of its alternatives.
    pub fn importance_of(&self, skill: SkillIdx) -> Option<Importance> {
        self.reading.job.keyword(skill).map(|k| k.importance)
    }

    /// Job keywords the resume lacks, by importance then frequency.
    pub fn missing(&self) -> &[MissingKeyword] {
        self.reading.missing()
    }

    pub fn stats(&self) -> &ResumeStats {
        self.reading.stats()
    }

    /// Every skill found in the resume, most frequent first.
    pub fn resume_keywords(&self) -> &[KeywordHit] {
        self.resume_keywords
            .get_or_init(|| self.reading.resume.skills.hits(&self.reading.resume.doc.norm))
    }

    /// Every skill found in the job description (empty without one).
    pub fn job_keywords(&self) -> &[KeywordHit] {
        self.job_keywords.get_or_init(|| {
            self.reading
                .job
                .doc
                .as_ref()
                .map(|doc| self.reading.job.found.hits(&doc.norm))
                .unwrap_or_default()
        })
    }

    /// The resume's headed sections, in order.
    pub fn sections(&self) -> &[ResumeSection] {
        self.sections.get_or_init(|| {
            let doc = &self.reading.resume.doc;
            doc.sections
                .iter()
                .map(|s| ResumeSection {
                    kind: s.kind,
                    heading: doc.norm.original_text(s.heading.clone()).to_owned(),
                    span: doc.norm.span(s.range.clone()),
                })
                .collect()
        })
    }

    /// The mistakes of the target role's list (or the general ones) that the
    /// resume makes. Pass the snapshot the scan ran on.
    pub fn mistakes(&self, catalog: &Catalog, matcher: &KeywordMatcher) -> &[DetectedMistake] {
        if !self.same_snapshot(catalog, matcher) {
            return &[];
        }
        self.mistakes
            .get_or_init(|| detect::detect(catalog, matcher, &self.reading))
    }

    /// What to change, most important first. Pass the snapshot the scan ran on.
    pub fn suggestions(&self, catalog: &Catalog, matcher: &KeywordMatcher) -> &[Suggestion] {
        if !self.same_snapshot(catalog, matcher) {
            return &[];
        }
        self.suggestions
            .get_or_init(|| suggest::suggest(catalog, &self.reading, self.mistakes(catalog, matcher)))
    }

    fn same_snapshot(&self, catalog: &Catalog, matcher: &KeywordMatcher) -> bool {
        self.fingerprint == Fingerprint::of(catalog) && matcher.is_built_from(catalog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit::{self, BACKEND_JOB, CLEAN_RESUME};

    fn request<'a>(resume: &'a str, job: Option<&'a str>) -> ScanRequest<'a> {
        ScanRequest {
            resume,
            job,
            role: None,
        }
    }

    #[test]
    fn a_report_can_be_shared_across_threads() {
        fn shareable<T: Send + Sync + 'static>() {}
        shareable::<ScanReport>();
        shareable::<KeywordMatcher>();
    }

    #[test]
    fn an_empty_or_blank_resume_is_refused() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        for resume in ["", "  \n\t ", "\u{200B}\u{FEFF}"] {
            assert_eq!(
                scan(catalog, matcher, &request(resume, None)).unwrap_err(),
                ScanError::EmptyResume
            );
        }
    }

    #[test]
    fn oversized_texts_unknown_roles_and_stale_matchers_are_refused() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let huge = "a ".repeat(MAX_TEXT_BYTES);
        assert!(matches!(
            scan(catalog, matcher, &request(&huge, None)),
            Err(ScanError::TooLong { what: "resume", .. })
        ));
        assert!(matches!(
            scan(catalog, matcher, &request("Python", Some(&huge))),
            Err(ScanError::TooLong {
                what: "job description",
                ..
            })
        ));
        let unknown = ScanRequest {
            resume: "Python",
            job: None,
            role: Some(RoleIdx(999)),
        };
        assert_eq!(
            scan(catalog, matcher, &unknown).unwrap_err(),
            ScanError::UnknownRole(999)
        );
        let other = Catalog::build(crate::taxonomy::Taxonomy::default(), 7).unwrap();
        assert_eq!(
            scan(&other, matcher, &request("Python", None)).unwrap_err(),
            ScanError::StaleMatcher
        );
    }

    #[test]
    fn a_blank_job_description_counts_as_none() {
        let report = testkit::scan(CLEAN_RESUME, Some(" \n "), None);
        assert!(report.matched().is_empty() && report.missing().is_empty());
        assert_eq!(report.role(), None);
    }

    #[test]
    fn matched_and_missing_split_the_job_keywords() {
        let (catalog, _) = testkit::catalog_and_matcher();
        let job = "Backend Engineer\nRequirements:\n- Python\n- Go, Golang and more Golang\n- Kubernetes\nNice to have: Kafka streams";
        let report = testkit::scan("Skills\nPython, k8s", Some(job), None);
        let slug = |skill: SkillIdx| catalog.skill(skill).skill.slug.as_str();
        let matched: Vec<(&str, bool)> = report
            .matched()
            .iter()
            .map(|m| (slug(m.skill), m.exact_wording))
            .collect();
        assert_eq!(matched, [("python", true), ("kubernetes", false)]);
        let missing: Vec<(&str, Importance, u32, &str)> = report
            .missing()
            .iter()
            .map(|m| (slug(m.skill), m.importance, m.job_count, m.job_wording.as_str()))
            .collect();
        assert_eq!(
            missing,
            [
                ("go", Importance::Required, 3, "Go"),
                ("kafka", Importance::Preferred, 1, "Kafka")
            ]
        );
    }

    #[test]
    fn a_role_without_a_job_stands_in_for_the_job() {
        let (catalog, _) = testkit::catalog_and_matcher();
        let report = testkit::scan("Skills\nPython, SQL", None, Some("backend-developer"));
        assert_eq!(report.job_title(), Some("Backend Developer"));
        assert!(!report.role_inferred());
        assert!(report.job_keywords().is_empty());
        let first_missing = &report.missing()[0];
        assert_eq!(catalog.skill(first_missing.skill).skill.slug, "rest-api");
        assert_eq!(
            (first_missing.importance, first_missing.job_count),
            (Importance::Required, 0)
        );
        assert_eq!(first_missing.job_wording, "REST API");
        assert!(report.matched().iter().all(|m| m.exact_wording));
    }

    #[test]
    fn sections_keywords_and_stats_describe_the_resume() {
        let report = testkit::scan(CLEAN_RESUME, Some(BACKEND_JOB), None);
        let kinds: Vec<&str> = report.sections().iter().map(ResumeSection::kind_name).collect();
        assert_eq!(kinds, ["summary", "experience", "education", "skills"]);
        assert_eq!(report.sections()[1].heading, "Experience");
        let stats = report.stats();
        assert_eq!((stats.bullets, stats.quantified_bullets), (6, 6));
        assert!(stats.has_email && stats.has_phone && stats.has_linkedin && stats.has_location && !stats.has_github);
        assert!(!report.resume_keywords().is_empty() && !report.job_keywords().is_empty());
    }

    #[test]
    fn lazy_parts_of_another_snapshot_are_empty_rather_than_wrong() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let report = testkit::scan("Experience\n• Worked on stuff", None, None);
        let mut other_taxonomy = testkit::taxonomy();
        other_taxonomy.skills.pop();
        let other = Catalog::build(other_taxonomy, 1).unwrap();
        let other_matcher = KeywordMatcher::build(&other).unwrap();
        assert!(report.mistakes(&other, &other_matcher).is_empty());
        assert!(report.suggestions(&other, &other_matcher).is_empty());
        assert!(!report.mistakes(catalog, matcher).is_empty());
    }
}
