//! Mistake detectors as curated data: each detector kind and its parameters,
//! parsed once when the taxonomy is loaded.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::taxonomy::model::Detector;

/// Where in a resume a phrase rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    All,
    Bullets,
    Experience,
    Summary,
    Skills,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrases {
    pub phrases: Vec<String>,
    #[serde(default)]
    pub scope: Scope,
    #[serde(default)]
    pub case_sensitive: bool,
    #[serde(default)]
    pub at_start: bool,
    #[serde(default)]
    pub unless_quantified: bool,
    #[serde(default = "one")]
    pub min_count: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffRoleSkills {
    pub skills: Vec<String>,
    #[serde(default = "skills_scope")]
    pub scope: Scope,
    #[serde(default = "one")]
    pub min_count: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpertiseClaims {
    #[serde(default = "claim_phrases")]
    pub phrases: Vec<String>,
    #[serde(default = "three")]
    pub max_skills: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnquantifiedBullets {
    #[serde(default = "quantified_ratio")]
    pub min_ratio: f64,
    #[serde(default = "three")]
    pub min_bullets: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillSprawl {
    #[serde(default = "sprawl_limit")]
    pub max_skills: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnsupportedSkills {
    #[serde(default = "five")]
    pub min_count: usize,
    #[serde(default = "half")]
    pub min_ratio: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobWording {
    #[serde(default = "one")]
    pub min_count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactDetail {
    Email,
    Phone,
    Linkedin,
    Location,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingContact {
    #[serde(default = "email_and_phone")]
    pub require: Vec<ContactDetail>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Summary,
    Experience,
    Education,
    Skills,
    Projects,
    Certifications,
}

impl SectionKind {
    /// The lowercase name, as in the detector parameters.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Summary => "summary",
            Self::Experience => "experience",
            Self::Education => "education",
            Self::Skills => "skills",
            Self::Projects => "projects",
            Self::Certifications => "certifications",
        }
    }

    /// The heading a resume would use.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Summary => "Summary",
            Self::Experience => "Experience",
            Self::Education => "Education",
            Self::Skills => "Skills",
            Self::Projects => "Projects",
            Self::Certifications => "Certifications",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingSections {
    #[serde(default = "core_sections")]
    pub sections: Vec<SectionKind>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Length {
    #[serde(default = "min_words")]
    pub min_words: usize,
    #[serde(default = "max_words")]
    pub max_words: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParameters {}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnexplainedAcronyms {
    #[serde(default = "three")]
    pub min_count: usize,
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatedVerbs {
    #[serde(default = "three")]
    pub max_repeats: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LongBullets {
    #[serde(default = "bullet_words")]
    pub max_words: usize,
    #[serde(default = "two")]
    pub min_count: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MissingSkills {
    pub any_of: Vec<String>,
}

/// A detector of the knowledge base with its parameters parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum MistakeRule {
    Phrases(Phrases),
    OffRoleSkills(OffRoleSkills),
    ExpertiseClaims(ExpertiseClaims),
    UnquantifiedBullets(UnquantifiedBullets),
    SkillSprawl(SkillSprawl),
    UnsupportedSkills(UnsupportedSkills),
    JobWording(JobWording),
    MissingContact(MissingContact),
    MissingSections(MissingSections),
    Length(Length),
    InconsistentDates(NoParameters),
    UnexplainedAcronyms(UnexplainedAcronyms),
    RepeatedVerbs(RepeatedVerbs),
    LongBullets(LongBullets),
    MissingSkills(MissingSkills),
}

impl MistakeRule {
    /// Every detector kind the scan engine runs.
    pub const KINDS: [&'static str; 15] = [
        "PHRASES",
        "OFF_ROLE_SKILLS",
        "EXPERTISE_CLAIMS",
        "UNQUANTIFIED_BULLETS",
        "SKILL_SPRAWL",
        "UNSUPPORTED_SKILLS",
        "JOB_WORDING",
        "MISSING_CONTACT",
        "MISSING_SECTIONS",
        "LENGTH",
        "INCONSISTENT_DATES",
        "UNEXPLAINED_ACRONYMS",
        "REPEATED_VERBS",
        "LONG_BULLETS",
        "MISSING_SKILLS",
    ];

    /// Parses a curated detector; the error names the kind or the parameter at fault.
    pub fn parse(detector: &Detector) -> Result<Self, String> {
        fn params<T: DeserializeOwned>(detector: &Detector) -> Result<T, String> {
            serde_json::from_value(detector.parameters.clone())
                .map_err(|e| format!("parameters of {}: {e}", detector.kind))
        }
        let rule = match detector.kind.as_str() {
            "PHRASES" => Self::Phrases(params(detector)?),
            "OFF_ROLE_SKILLS" => Self::OffRoleSkills(params(detector)?),
            "EXPERTISE_CLAIMS" => Self::ExpertiseClaims(params(detector)?),
            "UNQUANTIFIED_BULLETS" => Self::UnquantifiedBullets(params(detector)?),
            "SKILL_SPRAWL" => Self::SkillSprawl(params(detector)?),
            "UNSUPPORTED_SKILLS" => Self::UnsupportedSkills(params(detector)?),
            "JOB_WORDING" => Self::JobWording(params(detector)?),
            "MISSING_CONTACT" => Self::MissingContact(params(detector)?),
            "MISSING_SECTIONS" => Self::MissingSections(params(detector)?),
            "LENGTH" => Self::Length(params(detector)?),
            "INCONSISTENT_DATES" => Self::InconsistentDates(params(detector)?),
            "UNEXPLAINED_ACRONYMS" => Self::UnexplainedAcronyms(params(detector)?),
            "REPEATED_VERBS" => Self::RepeatedVerbs(params(detector)?),
            "LONG_BULLETS" => Self::LongBullets(params(detector)?),
            "MISSING_SKILLS" => Self::MissingSkills(params(detector)?),
            other => {
                return Err(format!(
                    "unknown detector kind `{other}`; known kinds: {}",
                    Self::KINDS.join(", ")
                ));
            }
        };
        if let Self::Phrases(p) = &rule
            && (p.phrases.is_empty() || p.phrases.iter().any(|phrase| phrase.trim().is_empty()))
        {
            return Err("parameters of PHRASES: `phrases` must be non-empty strings".into());
        }
        Ok(rule)
    }

    /// The skill slugs the rule refers to, for validation.
    pub fn skill_slugs(&self) -> &[String] {
        match self {
            Self::OffRoleSkills(p) => &p.skills,
            Self::MissingSkills(p) => &p.any_of,
            _ => &[],
        }
    }
}

fn one() -> usize {
    1
}
fn two() -> usize {
    2
}
fn three() -> usize {
    3
}
fn five() -> usize {
    5
}
fn half() -> f64 {
    0.5
}
fn quantified_ratio() -> f64 {
    0.3
}
fn sprawl_limit() -> usize {
    35
}
fn min_words() -> usize {
    200
}
fn max_words() -> usize {
    1100
}
fn bullet_words() -> usize {
    35
}
fn skills_scope() -> Scope {
    Scope::Skills
}
fn claim_phrases() -> Vec<String> {
    ["expert in", "expertise in", "mastery of"].map(String::from).to_vec()
}
fn email_and_phone() -> Vec<ContactDetail> {
    vec![ContactDetail::Email, ContactDetail::Phone]
}
fn core_sections() -> Vec<SectionKind> {
    vec![SectionKind::Experience, SectionKind::Education, SectionKind::Skills]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn detector(kind: &str, parameters: serde_json::Value) -> Detector {
        Detector {
            kind: kind.into(),
            parameters,
        }
    }

    #[test]
    fn defaults_fill_in_parameters_left_out() {
        let rule = MistakeRule::parse(&detector("LENGTH", json!({}))).unwrap();
        assert_eq!(
            rule,
            MistakeRule::Length(Length {
                min_words: 200,
                max_words: 1100
            })
        );
    }

    #[test]
    fn an_unknown_kind_or_parameter_is_an_error_that_names_it() {
        let err = MistakeRule::parse(&detector("TYPO_RULE", json!({}))).unwrap_err();
        assert!(err.contains("TYPO_RULE"), "{err}");
        let err = MistakeRule::parse(&detector("LENGTH", json!({"max_wrods": 3}))).unwrap_err();
        assert!(err.contains("max_wrods"), "{err}");
        let err = MistakeRule::parse(&detector("PHRASES", json!({"phrases": []}))).unwrap_err();
        assert!(err.contains("phrases"), "{err}");
    }
}
