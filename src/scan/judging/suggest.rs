//! What to change, most important first (priority 1):
//!
//! 1. ADD_KEYWORD for a missing REQUIRED keyword; ADD_CONTACT for a missing
//!    email or phone number.
//! 2. USE_EXACT_WORDING where the resume names a REQUIRED skill only by another
//!    alias or through a related skill; QUANTIFY the weakest work bullets;
//!    ADD_SECTION for a missing Experience, Education or Skills heading.
//! 3. The same for PREFERRED keywords; REMOVE_SKILL for off-role skills;
//!    ADD_CONTACT for a missing LinkedIn URL.

use crate::scan::judging::compare::related_in_resume;
use crate::scan::judging::compare::{Reading, shares_a_word};
use crate::scan::judging::detect::DetectedMistake;
use crate::scan::rules::{MistakeRule, Scope, SectionKind};
use crate::scan::text::TextSpan;
use crate::taxonomy::{Catalog, Importance, SkillIdx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    /// 1 = most important.
    pub priority: u8,
    pub message: String,
    /// The skill to add, reword or remove.
    pub skill: Option<SkillIdx>,
    /// What in the resume the suggestion points at.
    pub evidence: Vec<TextSpan>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuggestionKind {
    AddKeyword,
    UseExactWording,
    Quantify,
    RemoveSkill,
    AddSection,
    AddContact,
}

impl SuggestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AddKeyword => "ADD_KEYWORD",
            Self::UseExactWording => "USE_EXACT_WORDING",
            Self::Quantify => "QUANTIFY",
            Self::RemoveSkill => "REMOVE_SKILL",
            Self::AddSection => "ADD_SECTION",
            Self::AddContact => "ADD_CONTACT",
        }
    }
}

/// How many missing PREFERRED keywords get a suggestion, at most.
const PREFERRED_KEYWORD_LIMIT: usize = 5;

/// How many bullets QUANTIFY points at, at most.
const QUANTIFY_LIMIT: usize = 3;

/// Openers of bullets that describe duties rather than results.
const WEAK_OPENERS: [&str; 10] = [
    "responsible for",
    "worked on",
    "helped",
    "assisted",
    "participated",
    "involved in",
    "duties included",
    "tasked with",
    "handled",
    "in charge of",
];

pub(crate) fn suggest(catalog: &Catalog, report: &Reading, mistakes: &[DetectedMistake]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    keywords(catalog, report, &mut out);
    contact(report, &mut out);
    quantify(report, &mut out);
    sections(report, &mut out);
    remove_skills(catalog, report, mistakes, &mut out);
    // Stable: within a priority, the order above (keywords by importance and frequency).
    out.sort_by_key(|s| s.priority);
    out
}

fn push(out: &mut Vec<Suggestion>, kind: SuggestionKind, priority: u8, message: String, skill: Option<SkillIdx>) {
    out.push(Suggestion {
        kind,
        priority,
        message,
        skill,
        evidence: Vec::new(),
    });
}

fn priority(importance: Importance) -> u8 {
    match importance {
        Importance::Required => 1,
        Importance::Preferred => 3,
        Importance::Mentioned => 4,
    }
}

fn skill_name(catalog: &Catalog, skill: SkillIdx) -> &str {
    catalog.skills.get(skill.index()).map_or("", |s| s.skill.name.as_str())
}

fn contact(report: &Reading, out: &mut Vec<Suggestion>) {
    let stats = report.stats();
    let add = SuggestionKind::AddContact;
    if !stats.has_email {
        push(
            out,
            add,
            1,
            "Add an email address at the top so recruiters can reach you.".into(),
            None,
        );
    }
    if !stats.has_phone {
        push(
            out,
            add,
            1,
            "Add a phone number at the top so recruiters can reach you.".into(),
            None,
        );
    }
    if !stats.has_linkedin {
        push(
            out,
            add,
            3,
            "Add your LinkedIn profile URL next to your email.".into(),
            None,
        );
    }
}

fn keywords(catalog: &Catalog, report: &Reading, out: &mut Vec<Suggestion>) {
    let resume = &report.resume;
    let from_role = report.job.doc.is_none();
    let asker = match report.role().and_then(|r| catalog.roles.get(r.index())) {
        Some(entry) if from_role => format!("{} roles ask", entry.role.title),
        _ => "The job asks".to_owned(),
    };
    // Every required keyword, but only the first few preferred ones: a role
    // prefers dozens of skills, and a long list buries what matters.
    let mut preferred_left = PREFERRED_KEYWORD_LIMIT;
    let mut suggested_groups: Vec<SkillIdx> = Vec::new();
    for missing in report.missing() {
        if missing.importance == Importance::Mentioned {
            continue;
        }
        // One suggestion per group of alternatives: any one of them will do.
        if suggested_groups.contains(&missing.skill) {
            continue;
        }
        suggested_groups.extend(missing.alternatives.iter().copied());
        if missing.importance == Importance::Preferred {
            if preferred_left == 0 {
                continue;
            }
            preferred_left -= 1;
        }
        let importance = missing.importance.as_str();
        let wording = &missing.job_wording;
        if let Some(related) = related_in_resume(catalog, resume, missing.skill) {
            let mut s = Suggestion {
                kind: SuggestionKind::UseExactWording,
                priority: priority(missing.importance) + 1,
                message: format!(
                    "{asker} for \"{wording}\" ({importance}); your resume names only {}. If you have used {wording}, say so in those words.",
                    skill_name(catalog, related)
                ),
                skill: Some(missing.skill),
                evidence: Vec::new(),
            };
            if let Some(o) = resume.skills.of(related).next() {
                s.evidence.push(resume.doc.norm.span(o.start..o.end));
            }
            out.push(s);
            continue;
        }
        let how_often = match (from_role, missing.job_count) {
            (true, _) => format!("{importance} for the role"),
            (false, 1) => format!("{importance}, named once in the job"),
            (false, n) => format!("{importance}, named {n} times in the job"),
        };
        let what = if missing.alternatives.is_empty() {
            format!("\"{wording}\"")
        } else {
            let others: Vec<&str> = missing.alternatives.iter().map(|&s| skill_name(catalog, s)).collect();
            format!("\"{wording}\" or another of {}", others.join(", "))
        };
        push(
            out,
            SuggestionKind::AddKeyword,
            priority(missing.importance),
            format!("Add {what} ({how_often}) to your skills and to the bullet where you used it."),
            Some(missing.skill),
        );
    }
    // Without a job text there is no wording to copy.
    let alias_only = report.matched().iter().filter(|m| !m.exact_wording && !from_role);
    for matched in alias_only.filter(|m| m.importance != Importance::Mentioned) {
        let Some(keyword) = report.job.keyword(matched.skill) else {
            continue;
        };
        let Some(first) = resume.skills.of(matched.skill).next() else {
            continue;
        };
        let written = resume.doc.norm.original_text(first.start..first.end);
        if shares_a_word(&keyword.wording, written) {
            continue;
        }
        out.push(Suggestion {
            kind: SuggestionKind::UseExactWording,
            priority: priority(matched.importance) + 1,
            message: format!(
                "Write \"{}\" as the job does; your resume says \"{written}\".",
                keyword.wording
            ),
            skill: Some(matched.skill),
            evidence: vec![resume.doc.norm.span(first.start..first.end)],
        });
    }
}

fn quantify(report: &Reading, out: &mut Vec<Suggestion>) {
    let resume = &report.resume;
    let (n, q) = resume
        .work_bullets()
        .fold((0usize, 0usize), |(n, q), b| (n + 1, q + usize::from(b.quantified)));
    // Half the work bullets with a number earns full impact marks.
    if n == 0 || q * 2 >= n {
        return;
    }
    let mut weakest: Vec<_> = resume.work_bullets().filter(|b| !b.quantified).collect();
    weakest.sort_by_key(|b| {
        let text = resume.bullet_text(b);
        (!WEAK_OPENERS.iter().any(|w| text.starts_with(w)), b.words)
    });
    for bullet in weakest.into_iter().take(QUANTIFY_LIMIT) {
        let original = resume.doc.norm.original_text(bullet.range.clone());
        out.push(Suggestion {
            kind: SuggestionKind::Quantify,
            priority: 2,
            message: format!(
                "Add a number to \"{}\": how many, how much, how fast or how often?",
                shorten(original, 60)
            ),
            skill: None,
            evidence: vec![resume.doc.norm.span(bullet.range.clone())],
        });
    }
}

/// The first words of a text, at most about `limit` bytes, on one line.
fn shorten(text: &str, limit: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.len() <= limit {
        return flat;
    }
    let cut = flat.floor_char_boundary(limit);
    let head = flat.get(..cut).unwrap_or("");
    let head = head.rsplit_once(' ').map_or(head, |(words, _)| words);
    format!("{head}…")
}

fn sections(report: &Reading, out: &mut Vec<Suggestion>) {
    let doc = &report.resume.doc;
    for kind in [SectionKind::Experience, SectionKind::Education, SectionKind::Skills] {
        if !doc.has_section(kind) {
            push(
                out,
                SuggestionKind::AddSection,
                2,
                format!(
                    "Add {} \"{}\" heading: ATS software files what follows under it.",
                    if kind.heading().starts_with(['A', 'E', 'I', 'O', 'U']) {
                        "an"
                    } else {
                        "a"
                    },
                    kind.heading()
                ),
                None,
            );
        }
    }
    if report.job.asks_certification && !doc.has_section(SectionKind::Certifications) {
        push(
            out,
            SuggestionKind::AddSection,
            3,
            "Add a \"Certifications\" heading: the job asks for certification.".into(),
            None,
        );
    }
}

fn remove_skills(catalog: &Catalog, report: &Reading, mistakes: &[DetectedMistake], out: &mut Vec<Suggestion>) {
    let resume = &report.resume;
    let role = report
        .role()
        .and_then(|r| catalog.roles.get(r.index()))
        .map_or("this role", |r| r.role.title.as_str());
    let mut suggested: Vec<SkillIdx> = Vec::new();
    for detected in mistakes {
        let Some(MistakeRule::OffRoleSkills(rule)) = catalog.mistakes.get(detected.mistake.index()).map(|m| &m.rule)
        else {
            continue;
        };
        for skill in rule.skills.iter().filter_map(|slug| catalog.skill_by_slug(slug)) {
            let listed: Vec<_> = resume
                .skills
                .of(skill)
                .filter(|o| rule.scope != Scope::Skills || resume.doc.kind_at(o.start) == Some(SectionKind::Skills))
                .collect();
            if listed.is_empty() || report.job.keyword(skill).is_some() || suggested.contains(&skill) {
                continue;
            }
            suggested.push(skill);
            out.push(Suggestion {
                kind: SuggestionKind::RemoveSkill,
                priority: 3,
                message: format!(
                    "Remove {} from your skills: {role} jobs do not look for it, and it dilutes the skills that count.",
                    skill_name(catalog, skill)
                ),
                skill: Some(skill),
                evidence: listed.iter().map(|o| resume.doc.norm.span(o.start..o.end)).collect(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::testkit::{self, BACKEND_JOB, CLEAN_RESUME};

    fn suggestions(resume: &str, job: Option<&str>, role: Option<&str>) -> Vec<(SuggestionKind, u8, String)> {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        testkit::scan(resume, job, role)
            .suggestions(catalog, matcher)
            .iter()
            .map(|s| (s.kind, s.priority, s.message.clone()))
            .collect()
    }

    #[test]
    fn a_resume_that_fits_gets_no_suggestion() {
        assert_eq!(suggestions(CLEAN_RESUME, Some(BACKEND_JOB), None), Vec::new());
    }

    #[test]
    fn missing_required_keywords_come_first_in_the_job_wording() {
        let resume = CLEAN_RESUME.replace("REST API", "gRPC").replace("REST APIs", "gRPC");
        let found = suggestions(&resume, Some(BACKEND_JOB), None);
        assert_eq!(
            found.first(),
            Some(&(
                SuggestionKind::AddKeyword,
                1,
                "Add \"REST APIs\" (required, named once in the job) to your skills and to the bullet where you used it."
                    .to_owned()
            ))
        );
    }

    #[test]
    fn a_related_skill_or_another_alias_asks_for_the_exact_wording() {
        let resume = CLEAN_RESUME
            .replace("Kubernetes", "k8s")
            .replace("Git, CI/CD", "Git, CI/CD, Java");
        let job = format!("{BACKEND_JOB}- Spring Boot is required\n");
        let found = suggestions(&resume, Some(&job), None);
        let wording: Vec<&str> = found
            .iter()
            .filter(|(kind, _, _)| *kind == SuggestionKind::UseExactWording)
            .map(|(_, _, message)| message.as_str())
            .collect();
        assert_eq!(
            wording,
            [
                "The job asks for \"Spring Boot\" (required); your resume names only Java. If you have used Spring Boot, say so in those words.",
                "Write \"Kubernetes\" as the job does; your resume says \"k8s\".",
            ]
        );
        assert!(!found.iter().any(|(kind, _, _)| *kind == SuggestionKind::AddKeyword));
    }

    #[test]
    fn quantify_points_at_the_weakest_bullets_first() {
        let resume = "Experience\n• Designed the onboarding flow for new merchants\n• Responsible for deploys\n• Cut costs by 10%\n• Wrote the style guide";
        let found = suggestions(resume, None, None);
        let quantify: Vec<&str> = found
            .iter()
            .filter(|(kind, _, _)| *kind == SuggestionKind::Quantify)
            .map(|(_, _, message)| message.as_str())
            .collect();
        assert_eq!(quantify.len(), 3);
        assert!(quantify[0].contains("\"Responsible for deploys\""), "{quantify:?}");
        assert!(quantify[1].contains("\"Wrote the style guide\""), "{quantify:?}");
    }

    #[test]
    fn off_role_skills_sections_and_contact_details_are_suggested() {
        let resume = CLEAN_RESUME
            .replace("Git, CI/CD\n", "Git, CI/CD, HTML, CSS\n")
            .replace("Education\n", "")
            .replace("jane.doe@mail.com | ", "");
        let found = suggestions(&resume, None, Some("backend-developer"));
        let kinds: Vec<(SuggestionKind, u8)> = found.iter().map(|(kind, priority, _)| (*kind, *priority)).collect();
        assert_eq!(
            kinds,
            [
                (SuggestionKind::AddContact, 1),
                (SuggestionKind::AddSection, 2),
                (SuggestionKind::RemoveSkill, 3),
                (SuggestionKind::RemoveSkill, 3)
            ]
        );
        assert_eq!(
            found[2].2,
            "Remove HTML from your skills: Backend Developer jobs do not look for it, and it dilutes the skills that count."
        );
    }
}
