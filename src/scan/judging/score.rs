//! The ATS score of a resume against a job.
//!
//! The score answers one question first: does the resume fit the job? The
//! match components below score 0-100 each; a component that does not apply
//! drops out and the weights of the rest are scaled to add up. Their
//! weighted mean is the match `M`.
//!
//! | key                | base weight | applies when                        | score |
//! |--------------------|-------------|-------------------------------------|-------|
//! | `hard_skills`      | 0.50        | the job (or role) names hard skills | 100 × Σ w(found) / Σ w(asked), w = 3 REQUIRED, 1.5 PREFERRED, 0.5 MENTIONED; an ask met only by a curated neighbour (PostgreSQL for SQL) earns a third of its weight |
//! | `soft_skills`      | 0.05 × min(n, 3) / 3 | the job names n soft skills | as `hard_skills`, over soft skills (one soft skill is something any resume may say) |
//! | `job_title`        | 0.10        | the job has a title or a role       | 100 if the resume carries the job's title (seniority aside); 75 if only another title of the role (100 when there is no job text, only a role); else 0 |
//! | `education`        | 0.05        | the job asks for a degree           | 100 if the resume names that degree or a higher one; 50 a lower one; 25 only an Education section; else 0 |
//! | `certifications`   | 0.05        | the job asks for certifications     | share of the job's certifications (weighted as skills) found; for a generic ask, 100 if the resume names any certification or has a Certifications section |
//! | `shared_wording`   | 0.15 to 0.40 | a job description is given         | the content words of the job's asking parts the resume shares, 0 at what an unrelated resume of the same length shares by chance (a longer resume shares more), 100 at what a fitting one does; it weighs more the fewer hard skills the knowledge base recognises in the job (0.40 with none, 0.15 with ten or more) |
//! | `role_skills`      | 0 to 0.30   | a job description names fewer than ten hard skills and its role is known | the role's skills the resume names, weighted as `hard_skills`, full marks at 40% of the weight; it weighs 0.30 with no hard skills in the job, nothing with ten |
//!
//! Document quality counts in proportion to the match, so that it cannot
//! carry a resume that does not fit: its two components share a weight of
//! `0.15 × M / 100` (0.15 at a full match, nothing at none), and the match
//! components the rest.
//!
//! | key                | score |
//! |--------------------|-------|
//! | `sections_contact` | 20 each for Experience, Education and Skills headings, an email and a phone number |
//! | `impact`           | 100 × min(1, q / (0.5 × n)) for q quantified of n work bullets; 0 without work bullets |
//!
//! `overall = round(Σ weight_i × score_i)`, then capped where the resume
//! lacks the job's must-haves: a job that names five or more hard skills and
//! a resume that has none of them scores at most 25; a resume with less than
//! half of three or more REQUIRED hard skills at most `25 + 50 × share`. The
//! cap names the missing must-haves. With neither a job nor a role only the
//! document is scored (0.5 each).

use crate::scan::judging::compare::{related_in_resume, stem_of};
use crate::scan::judging::wording::SharedWording;
use crate::scan::matching::KeywordMatcher;
use crate::scan::reading::degree::degree_levels;
use crate::scan::reading::job::JobKeyword;
use crate::scan::reading::{Job, Resume};
use crate::scan::rules::SectionKind;
use crate::scan::text::whole_words_at;
use crate::taxonomy::{Catalog, Importance, SkillIdx, SkillKind};

/// The overall score and how it is made up.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreBreakdown {
    /// What the score measures.
    pub basis: ScoreBasis,
    /// 0-100.
    pub overall: u8,
    /// The components that apply; their weights add up to 1.
    pub components: Vec<ScoreComponent>,
    /// The limit the job's missing must-haves put on `overall`, when below
    /// the weighted sum.
    pub cap: Option<ScoreCap>,
}

/// What a score measures: the fit to a job description, the fit to a
/// role's skill profile, or, with neither, only the resume as a document
/// (which is no ATS score: nothing was matched).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreBasis {
    JobDescription,
    Role,
    DocumentOnly,
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

/// Why the score is held down whatever the rest of the resume says.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreCap {
    /// 0-100.
    pub limit: u8,
    pub explanation: String,
    /// The must-have hard skills the resume lacks, most important first.
    pub gaps: Vec<SkillIdx>,
}

/// The parts of the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScoreKey {
    HardSkills,
    SoftSkills,
    JobTitle,
    Education,
    Certifications,
    SharedWording,
    RoleSkills,
    SectionsContact,
    Impact,
}

impl ScoreKey {
    pub const ALL: [Self; 9] = [
        Self::HardSkills,
        Self::SoftSkills,
        Self::JobTitle,
        Self::Education,
        Self::Certifications,
        Self::SharedWording,
        Self::RoleSkills,
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
            Self::SharedWording => "shared_wording",
            Self::RoleSkills => "role_skills",
            Self::SectionsContact => "sections_contact",
            Self::Impact => "impact",
        }
    }

    /// Whether the component measures the document rather than the fit.
    pub fn is_document_quality(self) -> bool {
        matches!(self, Self::SectionsContact | Self::Impact)
    }
}

/// Bullets with a number, as a share of work bullets, that earn full marks.
const FULL_IMPACT_RATIO: f64 = 0.5;
/// The share of document quality at a full match.
const DOCUMENT_SHARE: f64 = 0.15;
/// Hard skills from which the job's skills speak for themselves and the
/// shared wording weighs least.
const WELL_RECOGNISED: usize = 10;

/// Soft skills asked for from which their component weighs in full.
const FULL_SOFT_SKILLS: usize = 3;

pub(crate) fn score(catalog: &Catalog, matcher: &KeywordMatcher, resume: &Resume, job: &Job) -> ScoreBreakdown {
    let hard_asked = asked(catalog, job, SkillKind::Hard).count();
    let soft_asked = asked(catalog, job, SkillKind::Soft).count();
    let mut matching: Vec<(ScoreKey, f64, f64, String)> = Vec::new();
    let mut document: Vec<(ScoreKey, f64, String)> = Vec::new();
    for key in ScoreKey::ALL {
        let part = match key {
            ScoreKey::HardSkills => skills(catalog, resume, job, SkillKind::Hard),
            ScoreKey::SoftSkills => skills(catalog, resume, job, SkillKind::Soft),
            ScoreKey::JobTitle => job_title(matcher, resume, job),
            ScoreKey::Education => education(resume, job),
            ScoreKey::Certifications => certifications(catalog, resume, job),
            ScoreKey::SharedWording => shared_wording(resume, job, hard_asked),
            ScoreKey::RoleSkills => role_skills(catalog, resume, job, hard_asked),
            ScoreKey::SectionsContact => Some(sections_contact(resume)),
            ScoreKey::Impact => Some(impact(resume)),
        };
        let Some((score, explanation)) = part else { continue };
        let score = f64::from(percent(score));
        if key.is_document_quality() {
            document.push((key, score, explanation));
        } else {
            matching.push((key, base_weight(key, hard_asked, soft_asked), score, explanation));
        }
    }
    let base_total: f64 = matching.iter().map(|(_, base, _, _)| base).sum();
    let match_score = if base_total > 0.0 {
        matching.iter().map(|(_, base, score, _)| base * score).sum::<f64>() / base_total
    } else {
        0.0
    };
    // Without anything to match, the document is all there is to score.
    let document_share = if matching.is_empty() {
        1.0
    } else {
        DOCUMENT_SHARE * match_score / 100.0
    };
    let document_weight = document_share / document.len().max(1) as f64;
    let mut components: Vec<ScoreComponent> = matching
        .into_iter()
        .map(|(key, base, score, explanation)| ScoreComponent {
            key,
            score: percent(score),
            weight: (1.0 - document_share) * base / base_total,
            explanation,
        })
        .collect();
    components.extend(document.into_iter().map(|(key, score, explanation)| ScoreComponent {
        key,
        score: percent(score),
        weight: document_weight,
        explanation,
    }));
    let weighted = percent(components.iter().map(|c| c.weight * f64::from(c.score)).sum());
    let cap = must_have_cap(catalog, resume, job).filter(|cap| cap.limit < weighted);
    let basis = match (&job.doc, job.role) {
        (Some(_), _) => ScoreBasis::JobDescription,
        (None, Some(_)) => ScoreBasis::Role,
        (None, None) => ScoreBasis::DocumentOnly,
    };
    ScoreBreakdown {
        basis,
        overall: cap.as_ref().map_or(weighted, |cap| cap.limit),
        components,
        cap,
    }
}

fn base_weight(key: ScoreKey, hard_asked: usize, soft_asked: usize) -> f64 {
    match key {
        ScoreKey::HardSkills => 0.50,
        ScoreKey::JobTitle => 0.10,
        // One soft skill (`collaboration`) is something any resume may say:
        // the component weighs in full from three.
        ScoreKey::SoftSkills => 0.05 * soft_asked.min(FULL_SOFT_SKILLS) as f64 / FULL_SOFT_SKILLS as f64,
        ScoreKey::Education | ScoreKey::Certifications => 0.05,
        ScoreKey::SharedWording => 0.15 + 0.25 * shortage(hard_asked),
        ScoreKey::RoleSkills => 0.30 * shortage(hard_asked),
        ScoreKey::SectionsContact | ScoreKey::Impact => 0.0,
    }
}

/// How short the job falls of naming enough hard skills to speak for
/// itself: 1 with none, 0 with ten or more.
fn shortage(hard_asked: usize) -> f64 {
    1.0 - hard_asked.min(WELL_RECOGNISED) as f64 / WELL_RECOGNISED as f64
}

/// Share of the role's weighted skills a resume of that role names that
/// earns full marks: nobody lists every skill of a role.
const FULL_ROLE_COVERAGE: f64 = 0.4;

/// Where a job description names few hard skills, the skills its role
/// needs stand in for the rest (a two-sentence posting for a Data Analyst).
fn role_skills(catalog: &Catalog, resume: &Resume, job: &Job, hard_asked: usize) -> Option<(f64, String)> {
    if job.doc.is_none() || hard_asked >= WELL_RECOGNISED {
        return None;
    }
    let entry = catalog.roles.get(job.role?.index())?;
    let total: f64 = entry.skills.iter().map(|(_, importance)| importance.weight()).sum();
    if total == 0.0 {
        return None;
    }
    let (named, found): (Vec<SkillIdx>, f64) = entry
        .skills
        .iter()
        .filter(|(skill, _)| resume.skills.contains(*skill))
        .fold((Vec::new(), 0.0), |(mut named, found), (skill, importance)| {
            named.push(*skill);
            (named, found + importance.weight())
        });
    let score = (found / total / FULL_ROLE_COVERAGE).min(1.0) * 100.0;
    let explanation = format!(
        "The job names only {hard_asked} hard skills, so the skills of its role ({}) stand in: your resume names {} of its {}{}.",
        entry.role.title,
        named.len(),
        entry.skills.len(),
        if named.is_empty() {
            String::new()
        } else {
            format!(", such as {}", names(catalog, &named, 3))
        }
    );
    Some((score, explanation))
}

fn percent(score: f64) -> u8 {
    if score.is_nan() {
        return 0;
    }
    score.round().clamp(0.0, 100.0) as u8
}

/// The job's keywords of one kind.
fn asked<'j>(catalog: &'j Catalog, job: &'j Job, kind: SkillKind) -> impl Iterator<Item = &'j JobKeyword> {
    job.keywords.iter().filter(move |k| {
        catalog
            .skills
            .get(k.skill.index())
            .is_some_and(|s| s.skill.kind == kind)
    })
}

/// How far the missing must-haves hold the score down. The cap is blunt,
/// so it bites only where a must-have is truly absent: a resume that names
/// PostgreSQL and MySQL but not the word SQL has a gap in its wording (the
/// hard-skill component says so), not in its skills.
fn must_have_cap(catalog: &Catalog, resume: &Resume, job: &Job) -> Option<ScoreCap> {
    let hard = asks(catalog, job, SkillKind::Hard);
    let required: Vec<&Ask> = hard.iter().filter(|a| a.importance == Importance::Required).collect();
    let met = |a: &Ask| a.met_by(resume) || a.met_by_a_related_skill(catalog, resume);
    let gaps: Vec<&Ask> = required.iter().copied().filter(|a| !met(a)).collect();
    let gap_skills = |gaps: &[&Ask]| gaps.iter().flat_map(|a| a.skills.iter().copied()).collect();
    if hard.len() >= 5 && !hard.iter().any(met) {
        let all: Vec<&Ask> = hard.iter().collect();
        return Some(ScoreCap {
            limit: 25,
            explanation: format!(
                "Your resume has none of the {} hard skills the job names; missing: {}.",
                hard.len(),
                listed(&all.iter().map(|a| a.name(catalog)).collect::<Vec<_>>(), 5)
            ),
            gaps: gap_skills(&all),
        });
    }
    if required.len() < 3 {
        return None;
    }
    let share = (required.len() - gaps.len()) as f64 / required.len() as f64;
    (share < 0.5).then(|| ScoreCap {
        limit: percent(25.0 + 50.0 * share),
        explanation: format!(
            "Your resume has {} of the {} hard skills the job requires; missing: {}.",
            required.len() - gaps.len(),
            required.len(),
            listed(&gaps.iter().map(|a| a.name(catalog)).collect::<Vec<_>>(), 5)
        ),
        gaps: gap_skills(&gaps),
    })
}

/// One thing the job asks for: a skill, or a group of alternatives that
/// counts once (`one of Python, Ruby or Go`).
struct Ask {
    skills: Vec<SkillIdx>,
    importance: Importance,
}

impl Ask {
    fn met_by(&self, resume: &Resume) -> bool {
        self.skills.iter().any(|&s| resume.skills.contains(s))
    }

    /// Whether the resume names a neighbour the knowledge base curates for
    /// one of the ask's skills: PostgreSQL for SQL.
    fn met_by_a_related_skill(&self, catalog: &Catalog, resume: &Resume) -> bool {
        self.skills
            .iter()
            .any(|&asked| related_in_resume(catalog, resume, asked).is_some())
    }

    /// `Python`, or `one of Python, Ruby or Go`.
    fn name(&self, catalog: &Catalog) -> String {
        let names: Vec<&str> = self
            .skills
            .iter()
            .filter_map(|s| catalog.skills.get(s.index()).map(|e| e.skill.name.as_str()))
            .collect();
        match names.as_slice() {
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("one of {} or {last}", init.join(", ")),
            [] => String::new(),
        }
    }
}

/// The job's asks of one kind, alternatives grouped, in the job's order.
fn asks(catalog: &Catalog, job: &Job, kind: SkillKind) -> Vec<Ask> {
    let mut asks: Vec<Ask> = Vec::new();
    let mut group_at: Vec<(usize, usize)> = Vec::new();
    for keyword in asked(catalog, job, kind) {
        match keyword
            .group
            .and_then(|g| group_at.iter().find(|(group, _)| *group == g))
        {
            Some(&(_, at)) => {
                if let Some(ask) = asks.get_mut(at) {
                    ask.skills.push(keyword.skill);
                    ask.importance = ask.importance.min(keyword.importance);
                }
            }
            None => {
                if let Some(g) = keyword.group {
                    group_at.push((g, asks.len()));
                }
                asks.push(Ask {
                    skills: vec![keyword.skill],
                    importance: keyword.importance,
                });
            }
        }
    }
    asks
}

fn names(catalog: &Catalog, skills: &[SkillIdx], limit: usize) -> String {
    let names: Vec<String> = skills
        .iter()
        .filter_map(|s| catalog.skills.get(s.index()).map(|e| e.skill.name.clone()))
        .collect();
    listed(&names, limit)
}

/// `A, B, C, …` with at most `limit` items.
fn listed(items: &[String], limit: usize) -> String {
    let mut shown: Vec<&str> = items.iter().take(limit).map(String::as_str).collect();
    if items.len() > limit {
        shown.push("…");
    }
    shown.join(", ")
}

/// The share of an ask's weight that a curated neighbour of it earns
/// (PostgreSQL where the job asks for SQL): enough to tell a resume of the
/// field from one of another, too little to stand in for the skill.
const RELATED_CREDIT: f64 = 1.0 / 3.0;

fn skills(catalog: &Catalog, resume: &Resume, job: &Job, kind: SkillKind) -> Option<(f64, String)> {
    let asks = asks(catalog, job, kind);
    if asks.is_empty() {
        return None;
    }
    // How much of each ask the resume meets: all of it, or the related share.
    let credits: Vec<f64> = asks
        .iter()
        .map(|a| {
            if a.met_by(resume) {
                1.0
            } else if a.met_by_a_related_skill(catalog, resume) {
                RELATED_CREDIT
            } else {
                0.0
            }
        })
        .collect();
    let total: f64 = asks.iter().map(|a| a.importance.weight()).sum();
    let found: f64 = asks
        .iter()
        .zip(&credits)
        .map(|(a, credit)| credit * a.importance.weight())
        .sum();
    let have = credits.iter().filter(|&&credit| credit == 1.0).count();
    let through_related = credits.iter().filter(|&&credit| credit == RELATED_CREDIT).count();
    let missing: Vec<String> = asks
        .iter()
        .zip(&credits)
        .filter(|(_, credit)| **credit < 1.0)
        .map(|(a, _)| a.name(catalog))
        .collect();
    let what = if kind == SkillKind::Soft {
        "soft skills"
    } else {
        "hard skills"
    };
    let explanation = if missing.is_empty() {
        format!("Your resume names all {} {what} the job asks for.", asks.len())
    } else {
        let related = match through_related {
            0 => String::new(),
            n => format!(" ({n} of them partly met by a related skill)"),
        };
        format!(
            "Your resume names {have} of the {} {what} the job asks for, weighted by importance; missing: {}{related}.",
            asks.len(),
            listed(&missing, 5)
        )
    };
    Some((100.0 * found / total, explanation))
}

fn shared_wording(resume: &Resume, job: &Job, hard_asked: usize) -> Option<(f64, String)> {
    let wording = SharedWording::of(resume, job)?;
    let mut explanation = format!(
        "Your resume uses {} of the {} distinct words of the job's requirements and duties \
         ({:.0}% by weight, where a resume of its length shares about {:.0}% by chance).",
        wording.shared,
        wording.job_words,
        100.0 * wording.weighted_share,
        100.0 * wording.chance()
    );
    if hard_asked < 5 {
        explanation.push_str(&format!(
            " The knowledge base recognises only {hard_asked} hard skills in this job, so the shared wording counts more."
        ));
    }
    Some((wording.score(), explanation))
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
        None if has_every_word(text, &title.key) => Some((
            50.0,
            format!(
                "Your resume uses the words of the job title \"{}\" but not the title itself.",
                title.wording
            ),
        )),
        None => Some((
            0.0,
            format!("Your resume does not carry the job title \"{}\".", title.wording),
        )),
    }
}

/// Whether normalized `text` uses every word of `phrase`, give or take an
/// ending: each word's stem opens a word of the text.
fn has_every_word(text: &str, phrase: &str) -> bool {
    let mut wanted = phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    wanted.peek().is_some()
        && wanted.all(|word| {
            let stem = stem_of(word);
            text.match_indices(stem.as_ref()).any(|(at, _)| {
                !text
                    .get(..at)
                    .and_then(|b| b.chars().next_back())
                    .is_some_and(char::is_alphanumeric)
            })
        })
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
    let is_certification = |skill: SkillIdx| {
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
    use crate::scan::ScanReport;
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
    fn one_soft_skill_weighs_a_third_of_three() {
        let weight_ratio = |job: &str| {
            let report = testkit::scan("Skills\nPython, communication", Some(job), None);
            let weight = |key| component(report.score(), key).unwrap().weight;
            weight(ScoreKey::SoftSkills) / weight(ScoreKey::HardSkills)
        };
        let one = weight_ratio("Requirements:\n- Python\n- Communication");
        let three = weight_ratio("Requirements:\n- Python\n- Communication, leadership and teamwork");
        assert!((three / one - 3.0).abs() < 1e-9, "{one} {three}");
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

    /// A well-made resume of another field: every heading, contact detail
    /// and quantified bullet, and none of the job's skills.
    const MISFIT: &str = "Jane Doe\njane@mail.com | (555) 123-4567\nExperience\n\
        • Baked 400 loaves a day for 3 years\n• Cut flour waste by 20%\nEducation\nBA Culinary Arts\nSkills\nBaking";

    #[test]
    fn a_resume_with_none_of_five_hard_skills_scores_at_most_25_and_hears_why() {
        let about = "We build reliable services for merchants across Europe with careful reviews.";
        let job = format!("Backend Engineer\n{about}\nRequirements:\n- Python\n- Go\n- Kubernetes\n- Docker\n- SQL");
        // The title and the wording alone would score well above 25.
        let resume = format!("Backend Engineer\n{about}\n{MISFIT}");
        let report = testkit::scan(&resume, Some(&job), None);
        let score = report.score();
        assert!(score.overall <= 25, "{score:?}");
        let cap = score.cap.as_ref().expect("a cap");
        assert!(
            cap.explanation.contains("none of the 5 hard skills"),
            "{}",
            cap.explanation
        );
        assert_eq!(cap.gaps.len(), 5);
    }

    #[test]
    fn an_ask_met_only_by_a_related_skill_earns_part_of_its_weight() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let job = Job::from_text(catalog, matcher, "Engineer\nRequirements:\n- Java\n- Kubernetes", None);
        let hard = |resume: &str| {
            let (score, explanation) = skills(catalog, &Resume::new(catalog, matcher, resume), &job, SkillKind::Hard)
                .expect("the job asks for hard skills");
            (score.round(), explanation)
        };
        assert_eq!(hard("Skills\nJava, Kubernetes").0, 100.0);
        // Kubernetes' curated neighbours include Docker.
        let (score, explanation) = hard("Skills\nJava, Docker");
        assert_eq!(score, (100.0 * (1.0 + RELATED_CREDIT) / 2.0).round());
        assert!(
            explanation.contains("1 of them partly met by a related skill"),
            "{explanation}"
        );
        assert_eq!(hard("Skills\nJava, Python").0, 50.0);
    }

    #[test]
    fn a_must_have_met_by_a_related_skill_is_no_gap_for_the_cap() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let job = "Engineer\nRequirements:\n- Java\n- Kubernetes\n- TypeScript\n- React\n- MongoDB";
        let job = Job::from_text(catalog, matcher, job, None);
        let cap = |resume: &str| must_have_cap(catalog, &Resume::new(catalog, matcher, resume), &job);
        // Java's curated neighbours include Spring Boot; Kubernetes', Docker.
        let related = cap("Skills\nSpring Boot, Docker").expect("three must-haves are missing");
        assert!(related.explanation.contains("2 of the 5"), "{}", related.explanation);
        let unrelated = cap("Skills\nPython").expect("every must-have is missing");
        assert!(
            unrelated.explanation.contains("none of the 5"),
            "{}",
            unrelated.explanation
        );
    }

    #[test]
    fn document_quality_weighs_in_proportion_to_the_fit() {
        let job = "Backend Engineer\nRequirements:\n- Python\n- Go";
        let misfit = testkit::scan(MISFIT, Some(job), None);
        let document: f64 = misfit
            .score()
            .components
            .iter()
            .filter(|c| c.key.is_document_quality())
            .map(|c| c.weight * f64::from(c.score))
            .sum();
        assert!(document < 2.0, "formatting alone earned {document} points");
        let fit = testkit::scan(&format!("{MISFIT}, Python, Go"), Some(job), None);
        let weight = |report: &ScanReport| -> f64 {
            report
                .score()
                .components
                .iter()
                .filter(|c| c.key.is_document_quality())
                .map(|c| c.weight)
                .sum()
        };
        assert!(weight(&fit) > weight(&misfit));
        assert!(weight(&fit) <= DOCUMENT_SHARE + 1e-9);
    }

    #[test]
    fn one_skill_of_a_group_of_alternatives_meets_it() {
        let job = "Requirements:\n- At least one of Python, Go or Rust\n- SQL";
        let report = testkit::scan("Skills\nGo, SQL", Some(job), None);
        assert_eq!(component(report.score(), ScoreKey::HardSkills).unwrap().score, 100);
        assert!(report.missing().is_empty(), "{:?}", report.missing());
        let report = testkit::scan("Skills\nSQL", Some(job), None);
        let python = report.missing().iter().find(|m| !m.alternatives.is_empty()).unwrap();
        assert_eq!(python.alternatives.len(), 2);
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
