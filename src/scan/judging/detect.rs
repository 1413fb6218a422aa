//! Mistake detection: every detector kind of `MistakeRule`, run over an
//! analyzed resume, each finding naming its evidence and a specific message.
//!
//! Only the mistakes of the target role run (those whose role list names it,
//! and the general ones); without a role, only the general ones.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::scan::judging::compare::{Reading, related_in_resume, shares_a_word};
use crate::scan::matching::matcher::KeywordMatcher;
use crate::scan::reading::resume::Resume;
use crate::scan::rules::{
    ContactDetail, ExpertiseClaims, JobWording, Length, LongBullets, MissingContact, MissingSections, MissingSkills,
    MistakeRule, OffRoleSkills, Phrases, RepeatedVerbs, Scope, SectionKind, SkillSprawl, UnexplainedAcronyms,
    UnquantifiedBullets, UnsupportedSkills,
};
use crate::scan::text::layout::{line_index, opens_sentence, sentence_around};
use crate::scan::text::{TextSpan, fold_keep_case};
use crate::taxonomy::{Catalog, Importance, MistakeIdx, RoleIdx, SkillIdx, SkillKind, normalize_term};

/// A mistake the resume makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetectedMistake {
    pub mistake: MistakeIdx,
    /// What was found, specifically: `3 of 9 work bullets contain a number`.
    pub message: String,
    /// Where, in the resume.
    pub evidence: Vec<TextSpan>,
}

struct Finding {
    message: String,
    evidence: Vec<TextSpan>,
}

struct Ctx<'a> {
    catalog: &'a Catalog,
    mistake: MistakeIdx,
    /// Every detector phrase in the resume, for all rules at once.
    phrases: &'a [(&'a [MistakeIdx], Range<usize>)],
    report: &'a Reading,
    resume: &'a Resume,
    role: Option<RoleIdx>,
    mistake_roles: &'a [RoleIdx],
}

pub(crate) fn detect(catalog: &Catalog, matcher: &KeywordMatcher, report: &Reading) -> Vec<DetectedMistake> {
    let role = report.job.role;
    let phrases = matcher.phrases(report.resume.text());
    let applicable: Vec<MistakeIdx> = match role.and_then(|r| catalog.roles.get(r.index())) {
        Some(entry) => entry.mistakes.clone(),
        None => catalog
            .mistakes
            .iter()
            .enumerate()
            .filter(|(_, m)| m.roles.is_empty())
            .map(|(i, _)| MistakeIdx(i as u32))
            .collect(),
    };
    applicable
        .into_iter()
        .filter_map(|idx| {
            let entry = catalog.mistakes.get(idx.index())?;
            let ctx = Ctx {
                catalog,
                mistake: idx,
                phrases: &phrases,
                report,
                resume: &report.resume,
                role,
                mistake_roles: &entry.roles,
            };
            let finding = run(&ctx, &entry.rule)?;
            Some(DetectedMistake {
                mistake: idx,
                message: finding.message,
                evidence: finding.evidence,
            })
        })
        .collect()
}

fn run(ctx: &Ctx<'_>, rule: &MistakeRule) -> Option<Finding> {
    match rule {
        MistakeRule::Phrases(p) => phrases(ctx, p),
        MistakeRule::OffRoleSkills(p) => off_role_skills(ctx, p),
        MistakeRule::ExpertiseClaims(p) => expertise_claims(ctx, p),
        MistakeRule::UnquantifiedBullets(p) => unquantified_bullets(ctx, p),
        MistakeRule::SkillSprawl(p) => skill_sprawl(ctx, p),
        MistakeRule::UnsupportedSkills(p) => unsupported_skills(ctx, p),
        MistakeRule::JobWording(p) => job_wording(ctx, p),
        MistakeRule::MissingContact(p) => missing_contact(ctx, p),
        MistakeRule::MissingSections(p) => missing_sections(ctx, p),
        MistakeRule::Length(p) => length(ctx, p),
        MistakeRule::InconsistentDates(_) => inconsistent_dates(ctx),
        MistakeRule::UnexplainedAcronyms(p) => unexplained_acronyms(ctx, p),
        MistakeRule::RepeatedVerbs(p) => repeated_verbs(ctx, p),
        MistakeRule::LongBullets(p) => long_bullets(ctx, p),
        MistakeRule::MissingSkills(p) => missing_skills(ctx, p),
    }
}

impl Ctx<'_> {
    fn span(&self, range: Range<usize>) -> TextSpan {
        self.resume.doc.norm.span(range)
    }

    fn skill_name(&self, skill: SkillIdx) -> &str {
        self.catalog
            .skills
            .get(skill.index())
            .map_or("", |s| s.skill.name.as_str())
    }

    fn role_title(&self) -> &str {
        self.role
            .and_then(|r| self.catalog.roles.get(r.index()))
            .map_or("this role", |r| r.role.title.as_str())
    }

    /// Whether the target role is one the mistake is about (any role, when
    /// the mistake names none).
    fn role_applies(&self) -> bool {
        match self.role {
            Some(role) => self.mistake_roles.is_empty() || self.mistake_roles.contains(&role),
            None => self.mistake_roles.is_empty(),
        }
    }

    fn skills_by_slug(&self, slugs: &[String]) -> Vec<SkillIdx> {
        slugs
            .iter()
            .filter_map(|slug| self.catalog.skill_by_slug(slug))
            .collect()
    }

    /// Where a scope lies in the resume (normalized byte ranges).
    fn scope(&self, scope: Scope) -> Vec<Range<usize>> {
        let resume = self.resume;
        match scope {
            Scope::All => std::iter::once(0..resume.text().len()).collect(),
            Scope::Bullets => resume.prose_bullets().map(|b| b.range.clone()).collect(),
            Scope::Experience => {
                let sections: Vec<_> = resume.doc.ranges_of(SectionKind::Experience).collect();
                if sections.is_empty() && !resume.has_work_sections() {
                    resume.work_bullets().map(|b| b.range.clone()).collect()
                } else {
                    sections
                }
            }
            Scope::Summary => resume.doc.ranges_of(SectionKind::Summary).collect(),
            Scope::Skills => resume.doc.ranges_of(SectionKind::Skills).collect(),
        }
    }

    /// Whether `pos` lies in a skills section.
    fn in_skills_section(&self, pos: usize) -> bool {
        self.resume.doc.kind_at(pos) == Some(SectionKind::Skills)
    }
}

/// How a message names a scope, with its verb: `Your bullets use`.
fn scope_subject(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "Your resume uses",
        Scope::Bullets => "Your bullets use",
        Scope::Experience => "Your experience section uses",
        Scope::Summary => "Your summary uses",
        Scope::Skills => "Your skills section uses",
    }
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Lists names in prose: `A`, `A and B`, `A, B and C`, `A, B, C and 2 more`.
fn list(items: &[String], limit: usize) -> String {
    let shown: Vec<&str> = items.iter().take(limit).map(String::as_str).collect();
    let rest = items.len().saturating_sub(limit);
    match (shown.as_slice(), rest) {
        ([], _) => String::new(),
        ([only], 0) => (*only).to_owned(),
        (_, 0) => {
            let (last, head) = shown.split_last().map_or(("", &[][..]), |(l, h)| (*l, h));
            format!("{} and {last}", head.join(", "))
        }
        (_, rest) => format!("{} and {rest} more", shown.join(", ")),
    }
}

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

impl Ctx<'_> {
    /// This rule's phrases within `ranges`, the longest where two overlap.
    fn phrase_hits(&self, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut hits: Vec<Range<usize>> = self
            .phrases
            .iter()
            .filter(|(owners, hit)| {
                owners.contains(&self.mistake) && ranges.iter().any(|r| r.start <= hit.start && hit.end <= r.end)
            })
            .map(|(_, hit)| hit.clone())
            .collect();
        hits.sort_by_key(|hit| (hit.start, std::cmp::Reverse(hit.end)));
        let mut kept: Vec<Range<usize>> = Vec::with_capacity(hits.len());
        for hit in hits {
            if kept.last().is_none_or(|last| hit.start >= last.end) {
                kept.push(hit);
            }
        }
        kept
    }
}

fn phrases(ctx: &Ctx<'_>, p: &Phrases) -> Option<Finding> {
    let resume = ctx.resume;
    let text = resume.text();
    let curated: Vec<String> = if p.case_sensitive {
        p.phrases
            .iter()
            .map(|phrase| fold_keep_case(phrase).into_owned())
            .collect()
    } else {
        Vec::new()
    };
    let hits: Vec<Range<usize>> = ctx
        .phrase_hits(&ctx.scope(p.scope))
        .into_iter()
        .filter(|hit| {
            !p.case_sensitive
                || curated
                    .iter()
                    .any(|c| *c == *fold_keep_case(resume.doc.norm.original_text(hit.clone())))
        })
        .filter(|hit| {
            !p.at_start
                || line_index(&resume.doc.lines, hit.start)
                    .and_then(|l| resume.doc.lines.get(l))
                    .is_some_and(|line| opens_sentence(text, line, hit.start))
        })
        .filter(|hit| {
            !p.unless_quantified
                || !resume
                    .bullets
                    .iter()
                    .any(|b| b.range.contains(&hit.start) && b.quantified)
        })
        .collect();
    if hits.is_empty() || hits.len() < p.min_count {
        return None;
    }
    // Counted by normalized phrase, quoted as first written.
    let mut counts: Vec<(&str, String, usize)> = Vec::new();
    for hit in &hits {
        let key = text.get(hit.clone()).unwrap_or("");
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, n)) => *n += 1,
            None => counts.push((key, resume.doc.norm.original_text(hit.clone()).to_owned(), 1)),
        }
    }
    let said: Vec<String> = counts
        .iter()
        .map(|(_, phrase, n)| format!("{} {}", quoted(phrase), times(*n)))
        .collect();
    let unquantified = if p.unless_quantified {
        ", with no number to back it up"
    } else {
        ""
    };
    let opening = if p.at_start {
        " to open a bullet or sentence"
    } else {
        ""
    };
    Some(Finding {
        message: format!("{} {}{opening}{unquantified}.", scope_subject(p.scope), list(&said, 4)),
        evidence: hits.into_iter().map(|hit| ctx.span(hit)).collect(),
    })
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn off_role_skills(ctx: &Ctx<'_>, p: &OffRoleSkills) -> Option<Finding> {
    if ctx.role.is_none() || !ctx.role_applies() {
        return None;
    }
    let job = &ctx.report.job;
    let mut listed: Vec<(SkillIdx, Vec<Range<usize>>)> = Vec::new();
    for skill in ctx.skills_by_slug(&p.skills) {
        // A skill the job itself asks for is not off-role for this job.
        if job.keyword(skill).is_some() {
            continue;
        }
        let spans: Vec<Range<usize>> = ctx
            .resume
            .skills
            .of(skill)
            .filter(|o| p.scope != Scope::Skills || ctx.in_skills_section(o.start))
            .map(|o| o.start..o.end)
            .collect();
        if !spans.is_empty() {
            listed.push((skill, spans));
        }
    }
    if listed.is_empty() || listed.len() < p.min_count {
        return None;
    }
    let names: Vec<String> = listed
        .iter()
        .map(|(skill, _)| ctx.skill_name(*skill).to_owned())
        .collect();
    let where_ = if p.scope == Scope::Skills {
        "Your skills section lists"
    } else {
        "Your resume names"
    };
    Some(Finding {
        message: format!(
            "{where_} {}, which {} jobs do not look for.",
            list(&names, 5),
            ctx.role_title()
        ),
        evidence: listed
            .into_iter()
            .flat_map(|(_, spans)| spans)
            .map(|r| ctx.span(r))
            .collect(),
    })
}

fn expertise_claims(ctx: &Ctx<'_>, p: &ExpertiseClaims) -> Option<Finding> {
    let resume = ctx.resume;
    let text = resume.text();
    let mut claims: Vec<(Range<usize>, Vec<SkillIdx>)> = Vec::new();
    for hit in ctx.phrase_hits(std::slice::from_ref(&(0..text.len()))) {
        let Some(line) = line_index(&resume.doc.lines, hit.start).and_then(|l| resume.doc.lines.get(l)) else {
            continue;
        };
        let sentence_end = sentence_around(text, line, hit.start).end;
        let mut skills: Vec<SkillIdx> = Vec::new();
        for o in &resume.skills.occurrences {
            if o.start >= hit.end && o.end <= sentence_end && !skills.contains(&o.skill) {
                skills.push(o.skill);
            }
        }
        if skills.len() > p.max_skills {
            claims.push((hit.start..sentence_end, skills));
        }
    }
    let (first, skills) = claims.first()?;
    let claim = text.get(first.start..first.start + 20.min(first.len())).unwrap_or("");
    let claim = p
        .phrases
        .iter()
        .map(|phrase| normalize_term(phrase))
        .find(|phrase| claim.starts_with(phrase.as_str()))
        .unwrap_or_default();
    let names: Vec<String> = skills.iter().map(|s| ctx.skill_name(*s).to_owned()).collect();
    Some(Finding {
        message: format!(
            "{} is followed by {} skills ({}); claim expertise in at most {}.",
            quoted(&capitalize(&claim)),
            skills.len(),
            list(&names, 4),
            p.max_skills
        ),
        evidence: claims.into_iter().map(|(range, _)| ctx.span(range)).collect(),
    })
}

fn unquantified_bullets(ctx: &Ctx<'_>, p: &UnquantifiedBullets) -> Option<Finding> {
    let bullets: Vec<_> = ctx.resume.work_bullets().collect();
    let quantified = bullets.iter().filter(|b| b.quantified).count();
    let n = bullets.len();
    if n == 0 || n < p.min_bullets || quantified as f64 / n as f64 >= p.min_ratio {
        return None;
    }
    Some(Finding {
        message: format!(
            "{quantified} of {n} work bullets contain a number; aim for at least {:.0}%.",
            p.min_ratio * 100.0
        ),
        evidence: bullets
            .iter()
            .filter(|b| !b.quantified)
            .map(|b| ctx.span(b.range.clone()))
            .collect(),
    })
}

/// The distinct skills listed in skills sections, with their first occurrence.
fn listed_skills(ctx: &Ctx<'_>) -> Vec<(SkillIdx, Range<usize>)> {
    let mut listed: Vec<(SkillIdx, Range<usize>)> = Vec::new();
    for o in &ctx.resume.skills.occurrences {
        if ctx.in_skills_section(o.start) && !listed.iter().any(|(s, _)| *s == o.skill) {
            listed.push((o.skill, o.start..o.end));
        }
    }
    listed
}

fn skill_sprawl(ctx: &Ctx<'_>, p: &SkillSprawl) -> Option<Finding> {
    let listed = listed_skills(ctx);
    if listed.len() <= p.max_skills {
        return None;
    }
    Some(Finding {
        message: format!(
            "Your skills section lists {} distinct skills; keep it to the {} that matter most for the job.",
            listed.len(),
            p.max_skills
        ),
        evidence: ctx
            .resume
            .doc
            .ranges_of(SectionKind::Skills)
            .map(|r| ctx.span(r))
            .collect(),
    })
}

fn unsupported_skills(ctx: &Ctx<'_>, p: &UnsupportedSkills) -> Option<Finding> {
    let resume = ctx.resume;
    let has_work_sections = resume.has_work_sections();
    let shows_use = |pos: usize| match resume.doc.kind_at(pos) {
        Some(SectionKind::Experience | SectionKind::Projects) => true,
        Some(SectionKind::Skills | SectionKind::Certifications | SectionKind::Education) => false,
        Some(SectionKind::Summary) | None => !has_work_sections,
    };
    let listed: Vec<_> = listed_skills(ctx)
        .into_iter()
        .filter(|(skill, _)| {
            ctx.catalog
                .skills
                .get(skill.index())
                .is_some_and(|s| s.skill.kind == SkillKind::Hard)
        })
        .collect();
    let unsupported: Vec<_> = listed
        .iter()
        .filter(|(skill, _)| !resume.skills.of(*skill).any(|o| shows_use(o.start)))
        .collect();
    let n = unsupported.len();
    if n == 0 || n < p.min_count || (n as f64) < p.min_ratio * listed.len() as f64 {
        return None;
    }
    let names: Vec<String> = unsupported.iter().map(|(s, _)| ctx.skill_name(*s).to_owned()).collect();
    Some(Finding {
        message: format!(
            "{n} of the {} skills in your skills section ({}) appear nowhere in your experience or projects.",
            listed.len(),
            list(&names, 4)
        ),
        evidence: unsupported.iter().map(|(_, range)| ctx.span(range.clone())).collect(),
    })
}

fn job_wording(ctx: &Ctx<'_>, p: &JobWording) -> Option<Finding> {
    let report = ctx.report;
    // A role alone has no wording of its own to ignore.
    report.job.doc.as_ref()?;
    let resume = ctx.resume;
    let mut notes: Vec<String> = Vec::new();
    let mut evidence: Vec<TextSpan> = Vec::new();
    for m in report.matched().iter().filter(|m| !m.exact_wording) {
        let Some(keyword) = report.job.keyword(m.skill) else {
            continue;
        };
        let Some(first) = resume.skills.of(m.skill).next() else {
            continue;
        };
        let written = resume.doc.norm.original_text(first.start..first.end);
        // `Bash` for `Bash scripting` keeps the job's word; `k8s` for
        // `Kubernetes` does not.
        if shares_a_word(&keyword.wording, written) {
            continue;
        }
        notes.push(format!("{} (you wrote {})", quoted(&keyword.wording), quoted(written)));
        evidence.push(ctx.span(first.start..first.end));
    }
    // Only what the job requires: related skills are many, and a preferred
    // skill left out is no sign of ignoring the job.
    for missing in report.missing().iter().filter(|m| m.importance == Importance::Required) {
        if let Some(related) = related_in_resume(ctx.catalog, resume, missing.skill) {
            notes.push(format!(
                "{} (you name only {})",
                quoted(&missing.job_wording),
                ctx.skill_name(related)
            ));
            if let Some(o) = resume.skills.of(related).next() {
                evidence.push(ctx.span(o.start..o.end));
            }
        }
    }
    if notes.is_empty() || notes.len() < p.min_count {
        return None;
    }
    Some(Finding {
        message: format!("The job's own wording is missing for {}.", list(&notes, 4)),
        evidence,
    })
}

fn missing_contact(ctx: &Ctx<'_>, p: &MissingContact) -> Option<Finding> {
    let contact = &ctx.resume.contact;
    let missing: Vec<String> = p
        .require
        .iter()
        .filter(|detail| match detail {
            ContactDetail::Email => contact.email.is_none(),
            ContactDetail::Phone => contact.phone.is_none(),
            ContactDetail::Linkedin => contact.linkedin.is_none(),
            ContactDetail::Location => contact.location.is_none(),
        })
        .map(|detail| {
            match detail {
                ContactDetail::Email => "email address",
                ContactDetail::Phone => "phone number",
                ContactDetail::Linkedin => "LinkedIn URL",
                ContactDetail::Location => "location (city and region)",
            }
            .to_owned()
        })
        .collect();
    if missing.is_empty() {
        return None;
    }
    Some(Finding {
        message: format!("Your resume has no {}.", either(&missing)),
        evidence: Vec::new(),
    })
}

/// `A`, `A or B`, `A, B or C`.
fn either(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, head)) => format!("{} or {last}", head.join(", ")),
    }
}

fn missing_sections(ctx: &Ctx<'_>, p: &MissingSections) -> Option<Finding> {
    let missing: Vec<String> = p
        .sections
        .iter()
        .filter(|kind| !ctx.resume.doc.has_section(**kind))
        .map(|kind| kind.heading().to_owned())
        .collect();
    if missing.is_empty() {
        return None;
    }
    let headings = if missing.len() == 1 { "heading" } else { "headings" };
    Some(Finding {
        message: format!(
            "Your resume has no {} {headings}, which ATS software looks for.",
            either(&missing)
        ),
        evidence: Vec::new(),
    })
}

fn length(ctx: &Ctx<'_>, p: &Length) -> Option<Finding> {
    let words = ctx.resume.words;
    if (p.min_words..=p.max_words).contains(&words) {
        return None;
    }
    // The bound that was crossed: the other one may be no advice at all
    // (a rule against long resumes has no minimum).
    let message = if words < p.min_words {
        format!(
            "Your resume has {words} words, too short; aim for at least {}.",
            p.min_words
        )
    } else {
        format!(
            "Your resume has {words} words, too long; aim for at most {}.",
            p.max_words
        )
    };
    Some(Finding {
        message,
        evidence: Vec::new(),
    })
}

/// A date range such as `Jan 2020 - Mar 2021`, `01/2020 – present`, `2019-2021`.
static DATE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let date = r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}|\d{1,2}/\d{4}|\d{4}-\d{2}(?-u:\b)|\d{4})";
    Regex::new(&format!(
        r"(?-u:\b)({date})\s?(?:-|to|until)\s?({date}|present|current|now|today)(?-u:\b)"
    ))
    .expect("the pattern is valid")
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum DateFormat {
    MonthAbbreviated,
    MonthFull,
    Numeric,
    Iso,
    Year,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date's format and (year, month) value; `None` for `present`.
fn parse_date(text: &str) -> Option<(Option<DateFormat>, (u32, u32))> {
    if text.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        let (month, year) = text.split_once(' ')?;
        let month = month.trim_end_matches('.');
        let prefix = month.get(..3)?;
        let index = MONTHS.iter().position(|m| m.starts_with(prefix))?;
        let full = MONTHS.get(index).is_some_and(|m| *m == month);
        // `May` is both the short and the long form.
        let format = if month.len() == 3 && full {
            None
        } else if full {
            Some(DateFormat::MonthFull)
        } else {
            Some(DateFormat::MonthAbbreviated)
        };
        return Some((format, (year.parse().ok()?, index as u32 + 1)));
    }
    if let Some((month, year)) = text.split_once('/') {
        return Some((Some(DateFormat::Numeric), (year.parse().ok()?, month.parse().ok()?)));
    }
    if let Some((year, month)) = text.split_once('-') {
        return Some((Some(DateFormat::Iso), (year.parse().ok()?, month.parse().ok()?)));
    }
    Some((Some(DateFormat::Year), (text.parse().ok()?, 0)))
}

fn inconsistent_dates(ctx: &Ctx<'_>) -> Option<Finding> {
    let resume = ctx.resume;
    let text = resume.text();
    let mut formats: Vec<(DateFormat, Range<usize>)> = Vec::new();
    let mut backwards: Vec<Range<usize>> = Vec::new();
    for caps in DATE_RANGE.captures_iter(text) {
        let (Some(whole), Some(start)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        // Years alone are the norm for degrees: compare work dates only.
        if resume.doc.kind_at(whole.start()) == Some(SectionKind::Education) {
            continue;
        }
        let Some((start_format, start_value)) = parse_date(start.as_str()) else {
            continue;
        };
        let end_date = caps.get(2);
        let end = end_date.and_then(|m| parse_date(m.as_str()));
        // Each format is shown by the date written in it, not by its range:
        // `June 2025 - Mar 2026` holds two formats in one range.
        let written = [
            start_format.map(|f| (f, start.range())),
            end.and_then(|(f, _)| f).zip(end_date.map(|m| m.range())),
        ];
        for (format, range) in written.into_iter().flatten() {
            if !formats.iter().any(|(f, _)| *f == format) {
                formats.push((format, range));
            }
        }
        if let Some((_, end_value)) = end
            && end_value.0 > 0
            && (end_value.0, end_value.1) < start_value
            && (end_value.1 > 0 && start_value.1 > 0 || end_value.0 < start_value.0)
        {
            backwards.push(whole.range());
        }
    }
    let mut problems: Vec<String> = Vec::new();
    let mut evidence: Vec<TextSpan> = Vec::new();
    if formats.len() > 1 {
        let examples: Vec<String> = formats
            .iter()
            .map(|(_, range)| quoted(resume.doc.norm.original_text(range.clone()).trim()))
            .collect();
        problems.push(format!("dates mix {} formats ({})", formats.len(), list(&examples, 5)));
        evidence.extend(formats.iter().map(|(_, range)| ctx.span(range.clone())));
    }
    if let Some(first) = backwards.first() {
        let shown = resume.doc.norm.original_text(first.clone());
        problems.push(format!(
            "{} ends before it starts",
            if backwards.len() == 1 {
                quoted(shown)
            } else {
                format!("{} and {} more", quoted(shown), backwards.len() - 1)
            }
        ));
        evidence.extend(backwards.iter().map(|range| ctx.span(range.clone())));
    }
    if problems.is_empty() {
        return None;
    }
    Some(Finding {
        message: format!("{}.", capitalize(&list(&problems, 2))),
        evidence,
    })
}

/// Acronyms every reader knows, and words often written in capitals.
const COMMON_ACRONYMS: [&str; 64] = [
    "US", "USA", "UK", "EU", "UAE", "NYC", "CEO", "CTO", "CFO", "COO", "CIO", "CMO", "CISO", "VP", "SVP", "EVP", "HR",
    "IT", "PM", "AM", "QA", "UI", "UX", "BA", "BS", "BSC", "MS", "MSC", "MA", "MBA", "PHD", "GPA", "LLC", "INC", "LTD",
    "CO", "OK", "ID", "TV", "PC", "FAQ", "ASAP", "CV", "PDF", "URL", "USD", "EUR", "GBP", "KPI", "KPIS", "ROI", "AI",
    "B2B", "B2C", "IPO", "NGO", "RN", "MD", "DC", "ET", "PT", "CST", "EST", "PST",
];

/// Capitalised tokens of two to seven letters (with digits), like `SLO`,
/// `GKE` or `SLOs`: their start and text.
fn capital_tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '_'))
        .filter(|token| {
            let core = token.strip_suffix('s').unwrap_or(token);
            (2..=7).contains(&core.len())
                && core.starts_with(|c: char| c.is_ascii_uppercase())
                && core
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&')
        })
        .map(move |token| (crate::scan::text::offset_in(line, token), token))
}

fn unexplained_acronyms(ctx: &Ctx<'_>, p: &UnexplainedAcronyms) -> Option<Finding> {
    let resume = ctx.resume;
    let norm = &resume.doc.norm;
    let original = norm.original();
    let job_text = ctx.report.job.doc.as_ref().map_or("", |doc| doc.text());
    // Skill names are known to the reader; so is anything the job itself says.
    let skill_ranges: Vec<Range<usize>> = resume
        .skills
        .occurrences
        .iter()
        .map(|o| norm.original_range(o.start..o.end))
        .collect();
    let allowed: HashSet<String> = p.allow.iter().map(|a| a.to_uppercase()).collect();
    let mut explained: HashSet<String> = HashSet::new();
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for line in original.lines() {
        let offset = crate::scan::text::offset_in(original, line);
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        let upper = line.chars().filter(|c| c.is_uppercase()).count();
        // Headings and names in capitals are not acronyms.
        if letters == 0 || upper * 10 >= letters * 6 {
            continue;
        }
        for (at, written) in capital_tokens(line) {
            let token = written.trim_end_matches('s');
            let range = offset + at..offset + at + written.len();
            if token.chars().filter(char::is_ascii_uppercase).count() < 2 || is_roman_numeral(token) {
                continue;
            }
            let before = line.get(..at).unwrap_or("");
            let after = line.get(at + written.len()..).unwrap_or("");
            if before.ends_with('(') && after.starts_with(')') || after.starts_with(" (") || after.starts_with('(') {
                explained.insert(token.to_owned());
                continue;
            }
            // `Austin, TX`
            if token.len() == 2 && before.ends_with(", ") {
                continue;
            }
            let key = normalize_term(token);
            let known = COMMON_ACRONYMS.contains(&token.to_uppercase().as_str())
                || allowed.contains(&token.to_uppercase())
                || !ctx.catalog.skills_named(token).is_empty()
                || ctx.catalog.role_by_job_title(token).is_some()
                || skill_ranges
                    .iter()
                    .any(|r| r.start <= range.start && range.end <= r.end)
                || (!job_text.is_empty() && crate::scan::reading::job::contains_words(job_text, &key))
                || resume.doc.kind_at(norm.normalized_position(range.start)) == Some(SectionKind::Education);
            if known {
                continue;
            }
            if !seen.contains_key(token) {
                order.push(token.to_owned());
                seen.insert(token.to_owned(), range);
            }
        }
    }
    let unexplained: Vec<String> = order.into_iter().filter(|a| !explained.contains(a)).collect();
    if unexplained.is_empty() || unexplained.len() < p.min_count {
        return None;
    }
    Some(Finding {
        message: format!(
            "{} acronyms are never spelled out: {}.",
            unexplained.len(),
            list(&unexplained, 6)
        ),
        evidence: unexplained
            .iter()
            .filter_map(|a| seen.get(a))
            .map(|range| norm.original_span(range.clone()))
            .collect(),
    })
}

fn is_roman_numeral(token: &str) -> bool {
    token.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn repeated_verbs(ctx: &Ctx<'_>, p: &RepeatedVerbs) -> Option<Finding> {
    let resume = ctx.resume;
    let mut openers: Vec<(String, Vec<Range<usize>>)> = Vec::new();
    for bullet in resume.prose_bullets() {
        let body = resume.bullet_text(bullet);
        let Some(word) = body.split(|c: char| !c.is_alphabetic()).next().filter(|w| w.len() >= 2) else {
            continue;
        };
        let range = bullet.range.start..bullet.range.start + word.len();
        match openers.iter_mut().find(|(w, _)| w == word) {
            Some((_, ranges)) => ranges.push(range),
            None => openers.push((word.to_owned(), vec![range])),
        }
    }
    let repeated: Vec<_> = openers
        .into_iter()
        .filter(|(_, ranges)| ranges.len() > p.max_repeats)
        .collect();
    if repeated.is_empty() {
        return None;
    }
    let said: Vec<String> = repeated
        .iter()
        .map(|(_, ranges)| {
            let first = ranges.first().map_or("", |r| resume.doc.norm.original_text(r.clone()));
            format!("{} opens {} bullets", quoted(&capitalize(first)), ranges.len())
        })
        .collect();
    Some(Finding {
        message: format!("{}; vary your verbs.", list(&said, 3)),
        evidence: repeated
            .into_iter()
            .flat_map(|(_, ranges)| ranges)
            .map(|r| ctx.span(r))
            .collect(),
    })
}

fn long_bullets(ctx: &Ctx<'_>, p: &LongBullets) -> Option<Finding> {
    let long: Vec<_> = ctx.resume.prose_bullets().filter(|b| b.words > p.max_words).collect();
    if long.is_empty() || long.len() < p.min_count {
        return None;
    }
    let longest = long.iter().map(|b| b.words).max().unwrap_or(0);
    Some(Finding {
        message: format!(
            "{} run longer than {} words (the longest has {longest}).",
            plural(long.len(), "bullet", "bullets"),
            p.max_words
        ),
        evidence: long.iter().map(|b| ctx.span(b.range.clone())).collect(),
    })
}

fn missing_skills(ctx: &Ctx<'_>, p: &MissingSkills) -> Option<Finding> {
    if !ctx.role_applies() {
        return None;
    }
    let skills = ctx.skills_by_slug(&p.any_of);
    if skills.is_empty() || skills.iter().any(|s| ctx.resume.skills.contains(*s)) {
        return None;
    }
    let names: Vec<String> = skills.iter().map(|s| ctx.skill_name(*s).to_owned()).collect();
    let any = if names.len() == 1 { "" } else { "any of " };
    Some(Finding {
        message: format!(
            "Your resume does not name {any}{}, which {} jobs expect.",
            either(&names),
            ctx.role_title()
        ),
        evidence: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use crate::scan::testkit::{self, BACKEND_JOB, CLEAN_RESUME};

    /// Slug and message of every mistake detected.
    fn detected(resume: &str, job: Option<&str>, role: Option<&str>) -> Vec<(String, String)> {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let report = testkit::scan(resume, job, role);
        report
            .mistakes(catalog, matcher)
            .iter()
            .map(|m| (catalog.mistake(m.mistake).mistake.slug.clone(), m.message.clone()))
            .collect()
    }

    fn message_in(found: &[(String, String)], slug: &str) -> Option<String> {
        found.iter().find(|(s, _)| s == slug).map(|(_, m)| m.clone())
    }

    /// The clean resume with one line replaced.
    fn clean_with(from: &str, to: &str) -> String {
        assert!(CLEAN_RESUME.contains(from), "{from}");
        CLEAN_RESUME.replacen(from, to, 1)
    }

    #[test]
    fn a_clean_resume_commits_no_mistake() {
        assert_eq!(detected(CLEAN_RESUME, Some(BACKEND_JOB), None), Vec::new());
        assert_eq!(detected(CLEAN_RESUME, None, Some("backend-developer")), Vec::new());
        assert_eq!(detected(CLEAN_RESUME, None, None), Vec::new());
    }

    #[test]
    fn vague_wording_is_detected_unless_a_number_backs_it() {
        let vague = clean_with("• Mentored 3 engineers on Python testing", "• Worked on Python testing");
        let found = detected(&vague, Some(BACKEND_JOB), None);
        let message = message_in(&found, "vague-wording").unwrap();
        assert!(message.contains("\"Worked on\" once"), "{message}");
        let backed = clean_with(
            "• Mentored 3 engineers on Python testing",
            "• Worked on Python testing for 3 teams",
        );
        assert_eq!(message_of(&backed, "vague-wording"), None);
    }

    fn message_of(resume: &str, slug: &str) -> Option<String> {
        message_in(&detected(resume, Some(BACKEND_JOB), None), slug)
    }

    #[test]
    fn case_sensitive_phrases_count_only_as_written_and_from_their_minimum() {
        let twice = clean_with("Backend Engineer who builds", "I am a Backend Engineer. My work builds");
        let message = message_of(&twice, "first-person").unwrap();
        assert_eq!(message, "Your resume uses \"I am\" once and \"My\" once.");
        let once = clean_with("Backend Engineer who builds", "I am a Backend Engineer who builds");
        assert_eq!(message_of(&once, "first-person"), None, "below min_count");
        let other_case = clean_with("Backend Engineer who builds", "i am a Backend Engineer. MY work builds");
        assert_eq!(message_of(&other_case, "first-person"), None, "case-sensitive");
    }

    #[test]
    fn duties_are_detected_where_they_open_a_bullet_only() {
        let duties = clean_with(
            "• Mentored 3 engineers on Python testing",
            "• Responsible for Python testing",
        );
        assert!(message_of(&duties, "duties-not-achievements").is_some());
        let inside = clean_with(
            "• Mentored 3 engineers on Python testing",
            "• Mentored the engineers responsible for testing",
        );
        assert_eq!(message_of(&inside, "duties-not-achievements"), None);
    }

    #[test]
    fn frontend_skills_on_a_backend_resume_are_off_role_unless_the_job_asks_for_them() {
        let resume = clean_with("Git, CI/CD\n", "Git, CI/CD, HTML, CSS\n");
        let found = detected(&resume, None, Some("backend-developer"));
        let message = message_in(&found, "frontend-skills-as-backend").unwrap();
        assert_eq!(
            message,
            "Your skills section lists HTML and CSS, which Backend Developer jobs do not look for."
        );
        assert_eq!(
            message_of(&resume, "frontend-skills-as-backend").as_deref(),
            Some(message.as_str())
        );
        // The rule belongs to backend roles, and a job asking for HTML makes it fit.
        assert_eq!(
            message_in(
                &detected(&resume, None, Some("frontend-developer")),
                "frontend-skills-as-backend"
            ),
            None
        );
        let full_stack_job = format!("{BACKEND_JOB}- HTML\n");
        assert_eq!(
            message_in(
                &detected(&resume, Some(&full_stack_job), None),
                "frontend-skills-as-backend"
            ),
            None
        );
    }

    #[test]
    fn claiming_expertise_in_many_skills_is_an_overclaim() {
        let resume = clean_with(
            "Backend Engineer who builds Python services and REST APIs.",
            "Expert in Python, SQL, Docker, Kubernetes and Git.",
        );
        let message = message_of(&resume, "expertise-overclaim").unwrap();
        assert!(message.contains("followed by 5 skills"), "{message}");
        let modest = clean_with(
            "Backend Engineer who builds Python services and REST APIs.",
            "Expert in Python and SQL. Also uses Docker, Kubernetes and Git.",
        );
        assert_eq!(message_of(&modest, "expertise-overclaim"), None);
    }

    #[test]
    fn bullets_without_numbers_are_unquantified_achievements() {
        let resume = "Experience\n• Built the billing API\n• Led the migration to Docker\n• Wrote SQL reports\n• Mentored 2 interns\n";
        let message = message_of(resume, "unquantified-achievements").unwrap();
        assert_eq!(message, "1 of 4 work bullets contain a number; aim for at least 30%.");
    }

    #[test]
    fn a_long_skills_section_is_a_laundry_list() {
        let resume = clean_with("Git, CI/CD\n", "Git, CI/CD, Java, TypeScript, MongoDB\n");
        let message = message_of(&resume, "technology-laundry-list").unwrap();
        assert!(message.contains("11 distinct skills"), "{message}");
    }

    #[test]
    fn listed_skills_that_no_experience_shows_are_unsupported() {
        let resume =
            "Experience\n• Built APIs in Python for 3 teams\nSkills\nPython, Java, TypeScript, MongoDB, Swift\n";
        let message = message_of(resume, "unsupported-skills").unwrap();
        assert!(message.starts_with("4 of the 5 skills"), "{message}");
        assert_eq!(message_of(CLEAN_RESUME, "unsupported-skills"), None);
    }

    #[test]
    fn another_alias_or_only_a_related_skill_ignores_the_job_wording() {
        let resume = clean_with("Docker, Kubernetes, Git", "Docker, k8s, Git, Java");
        let job = format!("{BACKEND_JOB}- Spring Boot is required\n");
        let message = message_in(&detected(&resume, Some(&job), None), "ignoring-job-keywords").unwrap();
        assert!(message.contains("\"Spring Boot\" (you name only Java)"), "{message}");
        let exact = clean_with("Docker, Kubernetes, Git", "Docker, Kubernetes, Git, Spring Boot");
        assert_eq!(
            message_in(&detected(&exact, Some(&job), None), "ignoring-job-keywords"),
            None
        );
    }

    #[test]
    fn missing_contact_details_and_sections_are_named() {
        let resume = CLEAN_RESUME.replace(" | (555) 123-4567", "").replace("Education\n", "");
        let found = detected(&resume, None, None);
        assert_eq!(
            message_in(&found, "missing-contact").as_deref(),
            Some("Your resume has no phone number.")
        );
        assert_eq!(
            message_in(&found, "missing-sections").as_deref(),
            Some("Your resume has no Education heading, which ATS software looks for.")
        );
    }

    #[test]
    fn a_short_resume_is_too_short() {
        let found = detected("Jane Doe\nSkills\nPython", None, None);
        assert_eq!(
            message_in(&found, "length").as_deref(),
            Some("Your resume has 4 words, too short; aim for at least 40.")
        );
    }

    #[test]
    fn mixed_date_formats_and_backward_ranges_are_inconsistent() {
        let mixed = clean_with("Jun 2017 - Dec 2019", "06/2017 - 12/2019");
        let message = message_of(&mixed, "inconsistent-dates").unwrap();
        // Each format is quoted by a date written in it.
        assert!(message.contains("(\"Jan 2020\" and \"06/2017\")"), "{message}");
        // One range in two formats quotes two different dates.
        let within = clean_with("Jun 2017 - Dec 2019", "June 2017 - 12/2019");
        let message = message_of(&within, "inconsistent-dates").unwrap();
        let quoted: Vec<&str> = message.split('"').skip(1).step_by(2).collect();
        assert!(quoted.len() >= 2, "{message}");
        let mut distinct = quoted.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), quoted.len(), "{message}");
        let backwards = clean_with("Jun 2017 - Dec 2019", "Dec 2019 - Jun 2017");
        let message = message_of(&backwards, "inconsistent-dates").unwrap();
        assert!(message.contains("ends before it starts"), "{message}");
    }

    #[test]
    fn acronyms_never_spelled_out_are_unexplained_unless_known() {
        let resume = clean_with(
            "• Mentored 3 engineers on Python testing",
            "• Improved SLO, MTTR and RPO for 3 teams under the SLA",
        );
        let message = message_of(&resume, "unexplained-acronyms").unwrap();
        assert_eq!(message, "3 acronyms are never spelled out: SLO, MTTR and RPO.");
        let explained = clean_with(
            "• Mentored 3 engineers on Python testing",
            "• Improved service level objectives (SLO), MTTR (mean time to recovery) and RPO (recovery point objective) for 3 teams",
        );
        assert_eq!(message_of(&explained, "unexplained-acronyms"), None);
    }

    #[test]
    fn the_same_opening_verb_on_many_bullets_is_repetitive() {
        let resume = CLEAN_RESUME
            .replace("• Built", "• Managed")
            .replace("• Cut", "• Managed")
            .replace("• Automated", "• Managed");
        let message = message_of(&resume, "repeated-verbs").unwrap();
        assert_eq!(message, "\"Managed\" opens 3 bullets; vary your verbs.");
    }

    #[test]
    fn two_long_bullets_are_walls_of_text() {
        let long = "• Built a very long bullet that keeps going with words about Python and SQL and Docker and more words so that it runs well past the limit of twenty five words";
        let resume = clean_with("• Mentored 3 engineers on Python testing", &format!("{long}\n{long}"));
        let message = message_of(&resume, "long-bullets").unwrap();
        assert!(message.starts_with("2 bullets run longer than 25 words"), "{message}");
    }

    #[test]
    fn a_role_skill_the_resume_never_names_is_missing() {
        let resume = CLEAN_RESUME.replace("Git hooks", "hooks").replace(", Git,", ",");
        let found = detected(&resume, None, Some("backend-developer"));
        assert_eq!(
            message_in(&found, "no-version-control").as_deref(),
            Some("Your resume does not name Git, which Backend Developer jobs expect.")
        );
        assert_eq!(
            message_in(&detected(&resume, None, None), "no-version-control"),
            None,
            "role-specific"
        );
    }

    #[test]
    fn evidence_spans_point_at_the_original_text() {
        let (catalog, matcher) = testkit::catalog_and_matcher();
        let resume = clean_with(
            "• Mentored 3 engineers on Python testing",
            "• 🚀 Worked on Python testing",
        );
        let report = testkit::scan(&resume, None, None);
        let vague = report
            .mistakes(catalog, matcher)
            .iter()
            .find(|m| catalog.mistake(m.mistake).mistake.slug == "vague-wording")
            .unwrap();
        let units: Vec<u16> = resume.encode_utf16().collect();
        let span = &vague.evidence[0];
        assert_eq!(
            String::from_utf16_lossy(&units[span.start as usize..span.end as usize]),
            "Worked on"
        );
    }
}
