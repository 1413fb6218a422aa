//! The ATS score of a resume against a job.
//!
//! Each component scores 0-100 and carries a base weight; a component that
//! does not apply drops out and the weights of the rest are scaled to add up
//! to 1. The overall score is the weighted sum of the (rounded) component
//! scores, rounded:
//!
//! | key                | base weight | applies when                        | score |
//! |--------------------|-------------|-------------------------------------|-------|
//! | `hard_skills`      | 0.40        | the job (or role) names hard skills | 100 × Σ w(found) / Σ w(asked), w = 3 REQUIRED, 1.5 PREFERRED, 0.5 MENTIONED |
//! | `soft_skills`      | 0.10        | the job names soft skills           | as `hard_skills`, over soft skills |
//! | `job_title`        | 0.10        | the job has a title or a role       | 100 if the resume carries the job's title; 75 if only another title of the role (100 when there is no job text, only a role); else 0 |
//! | `education`        | 0.05        | the job asks for a degree           | 100 if the resume names that degree or a higher one; 50 a lower one; 25 only an Education section; else 0 |
//! | `certifications`   | 0.05        | the job asks for certifications     | share of the job's certifications (weighted as skills) found; for a generic ask, 100 if the resume names any certification or has a Certifications section |
//! | `sections_contact` | 0.15        | always                              | 20 each for Experience, Education and Skills headings, an email and a phone number |
//! | `impact`           | 0.15        | always                              | 100 × min(1, q / (0.5 × n)) for q quantified of n work bullets; 0 without work bullets |
//!
//! `overall = round(Σ weight_i × score_i)`. With neither a job nor a role
//! only `sections_contact` and `impact` apply (0.5 each).

use crate::scan::job::{Job, degree_levels};
use crate::scan::matcher::KeywordMatcher;
use crate::scan::resume::Resume;
use crate::scan::rules::SectionKind;
use crate::scan::text::whole_words_at;
use crate::taxonomy::{Catalog, SkillKind};

/// The overall score and how it is made up.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreBreakdown {
    /// 0-100.
    pub overall: u8,
    /// The components that apply; their weights add up to 1.
    pub components: Vec<ScoreComponent>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreComponent {
    pub key: ScoreKey,
    /// 0-100.
    pub score: u8,
    /// Share of the overall score, 0-1.
    pub weight: f64,
    /// One sentence on why the component scored what it did.
    pub explanation: String,
}

/// The parts of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScoreKey {
    HardSkills,
    SoftSkills,
    JobTitle,
    Education,
    Certifications,
    SectionsContact,
    Impact,
}

impl ScoreKey {
    pub const ALL: [Self; 7] = [
        Self::HardSkills,
        Self::SoftSkills,
        Self::JobTitle,
        Self::Education,
        Self::Certifications,
        Self::SectionsContact,
        Self::Impact,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::HardSkills => "hard_skills",
            Self::SoftSkills => "soft_skills",
            Self::JobTitle => "job_title",
            Self::Education => "education",
            Self::Certifications => "certifications",
            Self::SectionsContact => "sections_contact",
            Self::Impact => "impact",
        }
    }

    /// The weight before the components that do not apply drop out.
    pub fn base_weight(self) -> f64 {
        match self {
            Self::HardSkills => 0.40,
            Self::SoftSkills | Self::JobTitle => 0.10,
            Self::Education | Self::Certifications => 0.05,
            Self::SectionsContact | Self::Impact => 0.15,
        }
    }
}

/// Bullets with a number, as a share of work bullets, that earn full marks.
const FULL_IMPACT_RATIO: f64 = 0.5;

pub(crate) fn score(catalog: &Catalog, matcher: &KeywordMatcher, resume: &Resume, job: &Job) -> ScoreBreakdown {
    let parts: Vec<(ScoreKey, f64, String)> = ScoreKey::ALL
        .into_iter()
        .filter_map(|key| {
            let (score, explanation) = match key {
                ScoreKey::HardSkills => skills(catalog, resume, job, SkillKind::Hard),
                ScoreKey::SoftSkills => skills(catalog, resume, job, SkillKind::Soft),
                ScoreKey::JobTitle => job_title(matcher, resume, job),
                ScoreKey::Education => education(resume, job),
                ScoreKey::Certifications => certifications(catalog, resume, job),
                ScoreKey::SectionsContact => Some(sections_contact(resume)),
                ScoreKey::Impact => Some(impact(resume)),
            }?;
            Some((key, score, explanation))
        })
        .collect();
    let total_weight: f64 = parts.iter().map(|(key, _, _)| key.base_weight()).sum();
    let components: Vec<ScoreComponent> = parts
        .into_iter()
        .map(|(key, score, explanation)| ScoreComponent {
            key,
            score: percent(score),
            weight: if total_weight > 0.0 {
                key.base_weight() / total_weight
            } else {
                0.0
            },
            explanation,
        })
        .collect();
    let overall: f64 = components.iter().map(|c| c.weight * f64::from(c.score)).sum();
    ScoreBreakdown {
        overall: percent(overall),
        components,
    }
}

fn percent(score: f64) -> u8 {
    if score.is_nan() {
        return 0;
    }
    score.round().clamp(0.0, 100.0) as u8
}

fn names(catalog: &Catalog, skills: &[crate::taxonomy::SkillIdx], limit: usize) -> String {
    let mut listed: Vec<&str> = skills
        .iter()
        .take(limit)
        .filter_map(|s| catalog.skills.get(s.index()).map(|e| e.skill.name.as_str()))
        .collect();
    if skills.len() > limit {
        listed.push("…");
    }
    listed.join(", ")
}

fn skills(catalog: &Catalog, resume: &Resume, job: &Job, kind: SkillKind) -> Option<(f64, String)> {
    let asked: Vec<_> = job
        .keywords
        .iter()
        .filter(|k| {
            catalog
                .skills
                .get(k.skill.index())
                .is_some_and(|s| s.skill.kind == kind)
        })
        .collect();
    if asked.is_empty() {
        return None;
    }
    let total: f64 = asked.iter().map(|k| k.importance.weight()).sum();
    let found: f64 = asked
        .iter()
        .filter(|k| resume.skills.contains(k.skill))
        .map(|k| k.importance.weight())
        .sum();
    let have = asked.iter().filter(|k| resume.skills.contains(k.skill)).count();
    let missing: Vec<_> = asked
        .iter()
        .filter(|k| !resume.skills.contains(k.skill))
        .map(|k| k.skill)
        .collect();
    let what = if kind == SkillKind::Soft {
        "soft skills"
    } else {
        "hard skills"
    };
    let explanation = if missing.is_empty() {
        format!("Your resume names all {} {what} the job asks for.", asked.len())
    } else {
        format!(
            "Your resume names {have} of the {} {what} the job asks for, weighted by importance; missing: {}.",
            asked.len(),
            names(catalog, &missing, 5)
        )
    };
    Some((100.0 * found / total, explanation))
}

fn job_title(matcher: &KeywordMatcher, resume: &Resume, job: &Job) -> Option<(f64, String)> {
    let title = job.title.as_ref()?;
    let text = resume.text();
    let exact = !title.key.is_empty()
        && text
            .match_indices(title.key.as_str())
            .any(|(at, _)| whole_words_at(text, at, title.key.len()));
    if exact {
        return Some((
            100.0,
            format!("Your resume carries the job title \"{}\".", title.wording),
        ));
    }
    let role = job.role.or(title.role);
    let other_title = role.and_then(|role| matcher.titles(text).into_iter().find(|m| m.role == role));
    match other_title {
        Some(m) => {
            let named = resume.doc.norm.original_text(m.start..m.end);
            if job.doc.is_none() {
                Some((
                    100.0,
                    format!("Your resume carries \"{named}\", a title of the target role."),
                ))
            } else {
                Some((
                    75.0,
                    format!(
                        "Your resume says \"{named}\" but not the job's own title \"{}\".",
                        title.wording
                    ),
                ))
            }
        }
        None => Some((
            0.0,
            format!("Your resume does not carry the job title \"{}\".", title.wording),
        )),
    }
}

fn education(resume: &Resume, job: &Job) -> Option<(f64, String)> {
    let asked = job.degree?;
    // Degrees live in the Education section; look further only without one.
    let in_education = resume
        .doc
        .ranges_of(SectionKind::Education)
        .filter_map(|range| degree_levels(resume.text().get(range)?).into_iter().max())
        .max();
    let best = in_education.or_else(|| degree_levels(resume.text()).into_iter().max());
    let result = match best {
        Some(level) if level >= asked => (
            100.0,
            format!(
                "The job asks for {} and your resume names {}.",
                asked.name(),
                level.name()
            ),
        ),
        Some(level) => (
            50.0,
            format!(
                "The job asks for {} but your resume names only {}.",
                asked.name(),
                level.name()
            ),
        ),
        None if resume.doc.has_section(SectionKind::Education) => (
            25.0,
            format!(
                "The job asks for {} and your Education section names no degree.",
                asked.name()
            ),
        ),
        None => (
            0.0,
            format!("The job asks for {} and your resume has no education.", asked.name()),
        ),
    };
    Some(result)
}

fn certifications(catalog: &Catalog, resume: &Resume, job: &Job) -> Option<(f64, String)> {
    if !job.asks_certification {
        return None;
    }
    let is_certification = |skill: crate::taxonomy::SkillIdx| {
        catalog
            .skills
            .get(skill.index())
            .is_some_and(|s| s.skill.kind == SkillKind::Certification)
    };
    let asked: Vec<_> = job.keywords.iter().filter(|k| is_certification(k.skill)).collect();
    if asked.is_empty() {
        let has_any =
            resume.skills.skills().any(is_certification) || resume.doc.has_section(SectionKind::Certifications);
        return Some(if has_any {
            (
                100.0,
                "The job asks for certification and your resume lists certifications.".to_owned(),
            )
        } else {
            (
                0.0,
                "The job asks for certification and your resume lists none.".to_owned(),
            )
        });
    }
    let total: f64 = asked.iter().map(|k| k.importance.weight()).sum();
    let found: f64 = asked
        .iter()
        .filter(|k| resume.skills.contains(k.skill))
        .map(|k| k.importance.weight())
        .sum();
    let missing: Vec<_> = asked
        .iter()
        .filter(|k| !resume.skills.contains(k.skill))
        .map(|k| k.skill)
        .collect();
    let explanation = if missing.is_empty() {
        "Your resume names every certification the job asks for.".to_owned()
    } else {
        format!(
            "Your resume lacks certifications the job asks for: {}.",
            names(catalog, &missing, 5)
        )
    };
    Some((100.0 * found / total, explanation))
}

fn sections_contact(resume: &Resume) -> (f64, String) {
    let checks = [
        ("an Experience section", resume.doc.has_section(SectionKind::Experience)),
        ("an Education section", resume.doc.has_section(SectionKind::Education)),
        ("a Skills section", resume.doc.has_section(SectionKind::Skills)),
        ("an email address", resume.contact.email.is_some()),
        ("a phone number", resume.contact.phone.is_some()),
    ];
    let present = checks.iter().filter(|(_, ok)| *ok).count();
    let missing: Vec<&str> = checks.iter().filter(|(_, ok)| !ok).map(|(what, _)| *what).collect();
    let explanation = if missing.is_empty() {
        "Your resume has Experience, Education and Skills headings, an email and a phone number.".to_owned()
    } else {
        format!("Your resume lacks {}.", missing.join(", "))
    };
    (20.0 * present as f64, explanation)
}

fn impact(resume: &Resume) -> (f64, String) {
    let (n, q) = resume
        .work_bullets()
        .fold((0usize, 0usize), |(n, q), b| (n + 1, q + usize::from(b.quantified)));
    if n == 0 {
        return (
            0.0,
            "No bullet points describe your work; list achievements as bullets with numbers.".to_owned(),
        );
    }
    let score = (100.0 * q as f64 / (FULL_IMPACT_RATIO * n as f64)).min(100.0);
    (score, format!("{q} of {n} work bullets contain a number."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit::{self, BACKEND_JOB, CLEAN_RESUME};

    fn component(breakdown: &ScoreBreakdown, key: ScoreKey) -> Option<&ScoreComponent> {
        breakdown.components.iter().find(|c| c.key == key)
    }

    #[test]
    fn weights_of_the_components_that_apply_add_up_to_one() {
        for (job, role) in [
            (Some(BACKEND_JOB), None),
            (None, Some("backend-developer")),
            (None, None),
        ] {
            let report = testkit::scan(CLEAN_RESUME, job, role);
            let total: f64 = report.score().components.iter().map(|c| c.weight).sum();
            assert!((total - 1.0).abs() < 1e-9, "{total}");
        }
    }

    #[test]
    fn without_job_or_role_only_the_document_is_scored() {
        let report = testkit::scan(CLEAN_RESUME, None, None);
        let keys: Vec<ScoreKey> = report.score().components.iter().map(|c| c.key).collect();
        assert_eq!(keys, [ScoreKey::SectionsContact, ScoreKey::Impact]);
        assert_eq!(report.score().overall, 100);
    }

    #[test]
    fn overall_is_the_weighted_sum_of_the_components() {
        let report = testkit::scan(
            "Jane\nExperience\n• Built an API in Python\n• Cut costs by 10%",
            Some(BACKEND_JOB),
            None,
        );
        let score = report.score();
        let sum: f64 = score.components.iter().map(|c| c.weight * f64::from(c.score)).sum();
        assert_eq!(score.overall, sum.round() as u8);
    }

    #[test]
    fn hard_skills_are_weighted_by_importance() {
        // Python (required, 3) of Python + Kubernetes (preferred, 1.5): 3 / 4.5.
        let job = "Requirements:\n- Python\nNice to have:\n- Kubernetes";
        let report = testkit::scan("Skills\nPython", Some(job), None);
        let hard = component(report.score(), ScoreKey::HardSkills).unwrap();
        assert_eq!(hard.score, 67);
        assert!(hard.explanation.contains("missing: Kubernetes"), "{}", hard.explanation);
        let report = testkit::scan("Skills\nKubernetes", Some(job), None);
        assert_eq!(component(report.score(), ScoreKey::HardSkills).unwrap().score, 33);
    }

    #[test]
    fn the_job_title_scores_exact_wording_above_another_title_of_the_role() {
        let job = Some("Backend Engineer\nRequirements: Python");
        let exact = testkit::scan("Jane, Backend Engineer\nSkills: Python", job, None);
        assert_eq!(component(exact.score(), ScoreKey::JobTitle).unwrap().score, 100);
        let other = testkit::scan("Jane, Backend Developer\nSkills: Python", job, None);
        assert_eq!(component(other.score(), ScoreKey::JobTitle).unwrap().score, 75);
        let none = testkit::scan("Jane, Baker\nSkills: Python", job, None);
        assert_eq!(component(none.score(), ScoreKey::JobTitle).unwrap().score, 0);
        let role_only = testkit::scan("Jane, Server-Side Developer", None, Some("backend-developer"));
        assert_eq!(component(role_only.score(), ScoreKey::JobTitle).unwrap().score, 100);
    }

    #[test]
    fn education_counts_when_the_job_asks_for_a_degree() {
        let job = Some("Data Scientist\nRequirements: Master's degree and Python");
        let master = testkit::scan("Education\nMSc Statistics", job, None);
        assert_eq!(component(master.score(), ScoreKey::Education).unwrap().score, 100);
        let bachelor = testkit::scan("Education\nB.S. Statistics", job, None);
        assert_eq!(component(bachelor.score(), ScoreKey::Education).unwrap().score, 50);
        let no_ask = testkit::scan("Education\nB.S. Statistics", Some("Data Scientist\nPython"), None);
        assert!(component(no_ask.score(), ScoreKey::Education).is_none());
    }

    #[test]
    fn certifications_count_when_the_job_asks_for_them() {
        let job = Some("Cloud Engineer\nRequirements: AWS Certified Solutions Architect");
        let with = testkit::scan("Certifications\nAWS Certified Solutions Architect", job, None);
        assert_eq!(component(with.score(), ScoreKey::Certifications).unwrap().score, 100);
        let without = testkit::scan("Skills\nAWS", job, None);
        assert_eq!(component(without.score(), ScoreKey::Certifications).unwrap().score, 0);
    }

    #[test]
    fn impact_rewards_quantified_work_bullets() {
        let half = testkit::scan("Experience\n• Cut costs by 10%\n• Led the team", None, None);
        assert_eq!(component(half.score(), ScoreKey::Impact).unwrap().score, 100);
        let quarter = testkit::scan(
            "Experience\n• Cut costs by 10%\n• Led the team\n• Ran demos\n• Wrote docs",
            None,
            None,
        );
        let impact = component(quarter.score(), ScoreKey::Impact).unwrap();
        assert_eq!(
            (impact.score, impact.explanation.as_str()),
            (50, "1 of 4 work bullets contain a number.")
        );
    }
}
