//! Scanning: `scan`, `extractKeywords` and term resolution. The report is
//! computed once per scan; its costlier parts (mistakes, suggestions) only
//! when a client selects them. Report objects are `serial`, like the
//! taxonomy's (see `types`): a full report has thousands of fields.

use std::sync::Arc;

use async_graphql::{Context, Enum, InputObject, Object, Result, SimpleObject, Upload, Value};

use super::account::rate_limited;
use super::error::ApiError;
use super::plain::{Plain, PlainField, PlainObject, PlainValue as _, plain_fields, plain_scalars};
use super::types::{Importance, Mistake, Role, Skill};
use super::{RequestContext, require, services};
use std::io::Read as _;

use crate::auth::Permission;
use crate::document::{DocumentError, extract_isolated};
use crate::knowledge::Snapshot;
use crate::ratelimit::Budget;
use crate::scan::{self, ScanError, ScanRequest};
use crate::taxonomy::RoleIdx;

/// The full report query, as the CLI prints it and the load script sends it.
pub const FULL_REPORT_QUERY: &str = include_str!("scan_report.graphql");

#[derive(InputObject)]
pub struct ScanInput {
    pub resume_text: Option<String>,
    /// A .pdf, .docx or .txt file (GraphQL multipart request).
    pub resume: Option<Upload>,
    pub job_description: Option<String>,
    pub job: Option<Upload>,
    /// Target role slug; inferred from the job description when absent.
    pub role: Option<String>,
}

impl From<ScanError> for ApiError {
    fn from(error: ScanError) -> Self {
        match error {
            ScanError::EmptyResume => {
                Self::BadUserInput("the resume is empty: send resumeText or a resume file".into())
            }
            ScanError::TooLong { .. } => Self::PayloadTooLarge(error.to_string()),
            ScanError::UnknownRole(_) | ScanError::StaleMatcher => Self::internal(error),
        }
    }
}

/// Refuses a text over the configured limit, naming it.
fn check_length(what: &str, text: &str, limit: usize) -> Result<(), ApiError> {
    if text.len() > limit {
        return Err(ApiError::PayloadTooLarge(format!(
            "the {what} is {} bytes long; the limit is {limit} bytes",
            text.len()
        )));
    }
    Ok(())
}

#[derive(Default)]
pub struct ScanMutation;

#[Object]
impl ScanMutation {
    /// Scores a resume against a job description, a target role, or neither
    /// (then only the document's quality counts).
    async fn scan(&self, ctx: &Context<'_>, input: ScanInput) -> Result<PlainField<ScanReport>> {
        let principal = require(ctx, Permission::Scan)?;
        let services = services(ctx)?;
        let client_ip = ctx.data::<RequestContext>()?.client_ip;
        if let Err(wait) = services
            .rate_limiter
            .check(Budget::Scan, &principal.rate_key(client_ip))
        {
            return Err(rate_limited(wait).into());
        }
        let resume = read_document(ctx, input.resume_text, input.resume, "resume", "resumeText")
            .await?
            .unwrap_or_default();
        let job = read_document(ctx, input.job_description, input.job, "job", "jobDescription").await?;
        let snap = super::types::snapshot(ctx)?;
        let role = target_role(&snap, input.role.as_deref())?;
        Ok(PlainField(scan_report(snap, resume, job, role)?))
    }
}

/// A document of a scan as read: its text, and how its file read (none
/// for pasted text).
#[derive(Clone, Default)]
pub(super) struct ReadDocument {
    pub text: String,
    pub file: Option<DocumentReport>,
}

/// One side of a scan: pasted text or an uploaded file (read by the
/// isolated extractor), never both; `None` when neither was sent.
pub(super) async fn read_document(
    ctx: &Context<'_>,
    text: Option<String>,
    upload: Option<Upload>,
    what: &str,
    text_field: &str,
) -> Result<Option<ReadDocument>, ApiError> {
    let (text, file) = match (text, upload) {
        (Some(_), Some(_)) => {
            return Err(ApiError::BadUserInput(format!(
                "send {text_field} or a {what} file, not both"
            )));
        }
        (Some(text), None) => (text, None),
        (None, Some(upload)) => read_upload(ctx, upload, what).await?,
        (None, None) => return Ok(None),
    };
    let named = if what == "job" { "job description" } else { what };
    check_length(named, &text, request_services(ctx)?.max_text_bytes)?;
    Ok(Some(ReadDocument { text, file }))
}

/// The services, for helpers that answer with an [`ApiError`].
fn request_services<'a>(ctx: &Context<'a>) -> Result<&'a super::Services, ApiError> {
    services(ctx).map_err(|e| ApiError::internal(anyhow::anyhow!(e.message)))
}

/// The role a scan targets, by slug; an unknown slug is answered with the
/// closest roles.
pub(super) fn target_role(snap: &Snapshot, slug: Option<&str>) -> Result<Option<RoleIdx>, ApiError> {
    slug.map(|slug| {
        snap.catalog
            .role_by_slug(slug)
            .ok_or_else(|| ApiError::NotFound(unknown_role(snap, slug)))
    })
    .transpose()
}

/// Scans a resume against a job description, a role, both or neither, on
/// the request's snapshot.
pub(super) fn scan_report(
    snap: Arc<Snapshot>,
    resume: ReadDocument,
    job: Option<ReadDocument>,
    role: Option<RoleIdx>,
) -> Result<ScanReport, ApiError> {
    let (job_text, job_file) = job.map_or((None, None), |job| (Some(job.text), job.file));
    let request = ScanRequest {
        resume: &resume.text,
        job: job_text.as_deref(),
        role,
    };
    let report = scan::scan(&snap.catalog, &snap.matcher, &request)?;
    Ok(ScanReport {
        snap,
        report: Arc::new(report),
        resume_file: resume.file,
        job_file,
    })
}

#[derive(Default)]
pub struct ScanQuery;

#[Object]
impl ScanQuery {
    /// The skills found in any text, e.g. a job posting, most frequent first.
    async fn extract_keywords(&self, ctx: &Context<'_>, text: String) -> Result<PlainField<Vec<KeywordHit>>> {
        require(ctx, Permission::Scan)?;
        check_length("text", &text, services(ctx)?.max_text_bytes)?;
        let snap = super::types::snapshot(ctx)?;
        let hits = scan::extract_keywords(&snap.catalog, &snap.matcher, &text);
        Ok(PlainField(KeywordHit::list(&snap, &hits)))
    }

    /// Exact resolution of one term or alias: k8s -> Kubernetes; null if unknown.
    async fn resolve(&self, ctx: &Context<'_>, term: String) -> Result<Option<Skill>> {
        Ok(self.resolve_term(ctx, term).await?.map(|resolution| resolution.skill))
    }

    /// Like `resolve`, saying which alias matched and whether it is ambiguous.
    async fn resolve_term(&self, ctx: &Context<'_>, term: String) -> Result<Option<TermResolution>> {
        require(ctx, Permission::Read)?;
        if term.trim().is_empty() {
            return Err(ApiError::BadUserInput("`term` is empty".into()).into());
        }
        let snap = super::types::snapshot(ctx)?;
        let Some(best) = snap.catalog.resolve(&term) else {
            return Ok(None);
        };
        let owners = snap.catalog.skills_named(&term);
        let alternatives = owners
            .iter()
            .filter(|t| t.skill != best.skill)
            .map(|t| Skill {
                snap: Arc::clone(&snap),
                idx: t.skill,
            })
            .collect();
        Ok(Some(TermResolution {
            matched_text: best.written.clone(),
            ambiguous: best.ambiguous || owners.len() > 1,
            skill: Skill {
                snap: Arc::clone(&snap),
                idx: best.skill,
            },
            alternatives,
        }))
    }
}

/// How a term resolved.
#[derive(SimpleObject)]
#[graphql(serial)]
pub struct TermResolution {
    /// The most likely skill for a technical reader.
    pub skill: Skill,
    /// The curated name or alias the term matched, e.g. k8s.
    pub matched_text: String,
    /// The term is also ordinary English or names several skills.
    pub ambiguous: bool,
    /// Other skills written the same way.
    pub alternatives: Vec<Skill>,
}

/// A UTF-16 span of the original text: `text.slice(start, end)` in a browser.
#[derive(SimpleObject)]
#[graphql(serial)]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

plain_fields!(TextSpan { "start" => start, "end" => end, "text" => text });

impl From<&scan::TextSpan> for TextSpan {
    fn from(span: &scan::TextSpan) -> Self {
        Self {
            start: span.start,
            end: span.end,
            text: span.text.clone(),
        }
    }
}

fn spans(spans: &[scan::TextSpan]) -> Vec<TextSpan> {
    spans.iter().map(TextSpan::from).collect()
}

pub struct KeywordHit {
    skill: Skill,
    count: u32,
    spans: Vec<TextSpan>,
}

plain_fields!(KeywordHit { "skill" => skill, "count" => count, "spans" => spans });

impl KeywordHit {
    /// The engine's hits as the schema's list.
    fn list(snap: &Arc<Snapshot>, hits: &[scan::KeywordHit]) -> Vec<Self> {
        hits.iter()
            .map(|hit| Self {
                skill: Skill {
                    snap: Arc::clone(snap),
                    idx: hit.skill,
                },
                count: hit.count,
                spans: spans(&hit.spans),
            })
            .collect()
    }
}

#[Object(serial)]
impl KeywordHit {
    async fn skill(&self) -> &Skill {
        &self.skill
    }

    async fn count(&self) -> u32 {
        self.count
    }

    async fn spans(&self) -> &[TextSpan] {
        &self.spans
    }
}

pub struct ScanReport {
    snap: Arc<Snapshot>,
    report: Arc<scan::ScanReport>,
    resume_file: Option<DocumentReport>,
    job_file: Option<DocumentReport>,
}

impl ScanReport {
    /// The overall score, 0-100.
    pub(super) fn overall(&self) -> u8 {
        self.report.score().overall
    }

    fn skill(&self, idx: crate::taxonomy::SkillIdx) -> Skill {
        Skill {
            snap: Arc::clone(&self.snap),
            idx,
        }
    }

    // The report's parts as the schema's objects, for the resolvers below
    // and for the plain path alike.

    fn target_role(&self) -> Option<Role> {
        self.report.role().map(|idx| Role {
            snap: Arc::clone(&self.snap),
            idx,
        })
    }

    fn score_breakdown(&self) -> ScoreBreakdown {
        let score = self.report.score();
        ScoreBreakdown {
            basis: score.basis.into(),
            overall: score.overall,
            components: score
                .components
                .iter()
                .map(|c| ScoreComponent {
                    key: c.key.as_str(),
                    score: c.score,
                    weight: c.weight,
                    explanation: c.explanation.clone(),
                })
                .collect(),
            cap: score.cap.as_ref().map(|cap| ScoreCap {
                limit: cap.limit,
                explanation: cap.explanation.clone(),
            }),
            partial_read: self.resume_file.as_ref().is_some_and(|file| file.partial_read),
        }
    }

    fn matched_keywords(&self) -> Vec<KeywordMatch> {
        self.report
            .matched()
            .iter()
            .map(|m| KeywordMatch {
                skill: self.skill(m.skill),
                importance: m.importance.into(),
                resume_count: m.resume_count,
                job_count: m.job_count,
                exact_wording: m.exact_wording,
            })
            .collect()
    }

    fn missing_keywords(&self) -> Vec<MissingKeyword> {
        self.report
            .missing()
            .iter()
            .map(|m| MissingKeyword {
                skill: self.skill(m.skill),
                importance: m.importance.into(),
                job_count: m.job_count,
                job_wording: m.job_wording.clone(),
                alternatives: m.alternatives.iter().map(|&s| self.skill(s)).collect(),
            })
            .collect()
    }

    fn detected_mistakes(&self) -> Vec<DetectedMistake> {
        let snap = &self.snap;
        self.report
            .mistakes(&snap.catalog, &snap.matcher)
            .iter()
            .map(|m| DetectedMistake {
                mistake: Mistake {
                    snap: Arc::clone(snap),
                    idx: m.mistake,
                },
                message: m.message.clone(),
                evidence: spans(&m.evidence),
            })
            .collect()
    }

    fn suggestion_list(&self) -> Vec<Suggestion> {
        let snap = &self.snap;
        self.report
            .suggestions(&snap.catalog, &snap.matcher)
            .iter()
            .map(|s| Suggestion {
                kind: s.kind.as_str(),
                priority: s.priority,
                message: s.message.clone(),
                skill: s.skill.map(|idx| self.skill(idx)),
                evidence: spans(&s.evidence),
            })
            .collect()
    }

    fn section_list(&self) -> Vec<ResumeSection> {
        self.report
            .sections()
            .iter()
            .map(|s| ResumeSection {
                kind: s.kind_name(),
                heading: s.heading.clone(),
                span: TextSpan::from(&s.span),
            })
            .collect()
    }

    fn resume_stats(&self) -> ResumeStats {
        let s = self.report.stats();
        ResumeStats {
            words: s.words,
            bullets: s.bullets,
            quantified_bullets: s.quantified_bullets,
            has_email: s.has_email,
            has_phone: s.has_phone,
            has_linkedin: s.has_linkedin,
            has_github: s.has_github,
            has_website: s.has_website,
            has_location: s.has_location,
        }
    }
}

#[Object(serial)]
impl ScanReport {
    /// The target role, given or inferred.
    async fn role(&self) -> Option<Role> {
        self.target_role()
    }

    /// Whether the role was inferred from the job description's title.
    async fn role_inferred(&self) -> bool {
        self.report.role_inferred()
    }

    /// The job title read from the job description.
    async fn job_title(&self) -> Option<&str> {
        self.report.job_title()
    }

    async fn score(&self) -> ScoreBreakdown {
        self.score_breakdown()
    }

    /// Job keywords the resume has.
    async fn matched(&self) -> PlainField<Vec<KeywordMatch>> {
        PlainField(self.matched_keywords())
    }

    /// Job keywords the resume lacks, most important first.
    async fn missing(&self) -> PlainField<Vec<MissingKeyword>> {
        PlainField(self.missing_keywords())
    }

    /// Every skill found in the resume.
    async fn resume_keywords(&self) -> PlainField<Vec<KeywordHit>> {
        PlainField(KeywordHit::list(&self.snap, self.report.resume_keywords()))
    }

    /// Every skill found in the job description.
    async fn job_keywords(&self) -> PlainField<Vec<KeywordHit>> {
        PlainField(KeywordHit::list(&self.snap, self.report.job_keywords()))
    }

    /// Mistakes found in the resume, each with its evidence.
    async fn mistakes(&self) -> Vec<DetectedMistake> {
        self.detected_mistakes()
    }

    /// What to change, most important first.
    async fn suggestions(&self) -> Vec<Suggestion> {
        self.suggestion_list()
    }

    async fn sections(&self) -> Vec<ResumeSection> {
        self.section_list()
    }

    /// How readable the uploaded resume file is to an ATS; null for pasted text.
    async fn document(&self) -> Option<&DocumentReport> {
        self.resume_file.as_ref()
    }

    /// The same for an uploaded job description file.
    async fn job_document(&self) -> Option<&DocumentReport> {
        self.job_file.as_ref()
    }

    async fn stats(&self) -> ResumeStats {
        self.resume_stats()
    }
}

impl PlainObject for ScanReport {
    const TYPE_NAME: &'static str = "ScanReport";

    fn field(&self, name: &str, selection: &Plain<'_>) -> Option<Value> {
        match name {
            "role" => self.target_role().plain(selection),
            "roleInferred" => self.report.role_inferred().plain(selection),
            "jobTitle" => self.report.job_title().plain(selection),
            "score" => self.score_breakdown().plain(selection),
            "matched" => self.matched_keywords().plain(selection),
            "missing" => self.missing_keywords().plain(selection),
            "resumeKeywords" => KeywordHit::list(&self.snap, self.report.resume_keywords()).plain(selection),
            "jobKeywords" => KeywordHit::list(&self.snap, self.report.job_keywords()).plain(selection),
            "mistakes" => self.detected_mistakes().plain(selection),
            "suggestions" => self.suggestion_list().plain(selection),
            "sections" => self.section_list().plain(selection),
            "document" => self.resume_file.plain(selection),
            "jobDocument" => self.job_file.plain(selection),
            "stats" => self.resume_stats().plain(selection),
            _ => None,
        }
    }
}

/// Reads an uploaded file in the isolated extractor.
async fn read_upload(
    ctx: &Context<'_>,
    upload: Upload,
    what: &str,
) -> Result<(String, Option<DocumentReport>), ApiError> {
    let services = request_services(ctx)?;
    let mut bytes = Vec::new();
    // The file is a temporary file of the request, deleted with it.
    upload
        .value(ctx)
        .map_err(|e| ApiError::BadUserInput(format!("the {what} file could not be read: {e}")))?
        .into_read()
        .read_to_end(&mut bytes)
        .map_err(|e| ApiError::BadUserInput(format!("the {what} file could not be read: {e}")))?;
    let _permit = services.extractions.acquire().await.map_err(ApiError::internal)?;
    let extracted = extract_isolated(bytes, &services.isolation).await.map_err(|error| {
        let message = format!("{what} file: {error}");
        match error {
            DocumentError::TooLarge { .. } => ApiError::PayloadTooLarge(message),
            DocumentError::Unsupported => ApiError::UnsupportedMediaType(message),
            DocumentError::Unavailable => ApiError::internal(error),
            _ => ApiError::BadUserInput(message),
        }
    })?;
    let report = DocumentReport {
        format: extracted.format.name(),
        pages: extracted.pages,
        characters: extracted.characters as u64,
        readability: extracted.readability,
        partial_read: extracted.partial_read,
        warnings: extracted
            .warnings
            .iter()
            .map(|w| DocumentWarning {
                code: w.code.as_str(),
                message: w.message.clone(),
                fix: w.code.fix(),
            })
            .collect(),
        text: extracted.text.clone(),
    };
    Ok((extracted.text, Some(report)))
}

/// How an ATS would fare reading a file.
#[derive(Clone, SimpleObject)]
#[graphql(serial)]
pub struct DocumentReport {
    /// PDF, DOCX, ODT, RTF, HTML, Markdown or plain text, detected from the content.
    pub format: &'static str,
    pub pages: Option<u32>,
    pub characters: u64,
    /// 0-100: the share of the text that reads as ordinary words, not
    /// glued together or lost to an unknown encoding.
    pub readability: u8,
    /// Part of the file could not be read (readability below 95, or pages
    /// without a text layer): the scan saw less than the resume says.
    pub partial_read: bool,
    pub warnings: Vec<DocumentWarning>,
    /// The text exactly as the scan read it; the report's spans index into it.
    pub text: String,
}

plain_fields!(DocumentReport {
    "format" => format,
    "pages" => pages,
    "characters" => characters,
    "readability" => readability,
    "partialRead" => partial_read,
    "warnings" => warnings,
    "text" => text,
});

#[derive(Clone, SimpleObject)]
#[graphql(serial)]
pub struct DocumentWarning {
    /// NO_TEXT_LAYER, TEXT_IN_IMAGES, MULTI_COLUMN, TABLE_LAYOUT, TEXT_BOXES, CONTACT_IN_HEADER_FOOTER,
    /// LOST_CHARACTERS, GLUED_WORDS, HIDDEN_TEXT
    pub code: &'static str,
    /// What was found.
    pub message: String,
    /// What to do about it.
    pub fix: &'static str,
}

plain_fields!(DocumentWarning { "code" => code, "message" => message, "fix" => fix });

/// What a score measures.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "scan::ScoreBasis")]
pub enum ScoreBasis {
    /// The fit to the job description (and the role, when one is given).
    JobDescription,
    /// The fit to the role's skill profile: no job description was given.
    Role,
    /// Neither a job description nor a role was given: only the resume as
    /// a document is scored, which is no ATS score.
    DocumentOnly,
}

plain_scalars!(ScoreBasis);

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct ScoreBreakdown {
    /// What the score measures.
    pub basis: ScoreBasis,
    /// 0-100.
    pub overall: u8,
    pub components: Vec<ScoreComponent>,
    /// Set when the job's missing must-have skills hold the score below the
    /// weighted sum of the components.
    pub cap: Option<ScoreCap>,
    /// The resume file was only partly readable (see `document`): the score
    /// rests on the text that could be read and understates the resume.
    pub partial_read: bool,
}

plain_fields!(ScoreBreakdown {
    "basis" => basis,
    "overall" => overall,
    "components" => components,
    "cap" => cap,
    "partialRead" => partial_read,
});

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct ScoreCap {
    /// The most the overall score may be, 0-100.
    pub limit: u8,
    /// Which must-haves are missing.
    pub explanation: String,
}

plain_fields!(ScoreCap { "limit" => limit, "explanation" => explanation });

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct ScoreComponent {
    /// hard_skills, soft_skills, job_title, education, certifications,
    /// shared_wording (fit), sections_contact, impact (document quality)
    pub key: &'static str,
    /// 0-100.
    pub score: u8,
    /// Share of the overall score, 0-1; the weights add up to 1. Document
    /// quality weighs in proportion to the fit.
    pub weight: f64,
    pub explanation: String,
}

plain_fields!(ScoreComponent {
    "key" => key,
    "score" => score,
    "weight" => weight,
    "explanation" => explanation,
});

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct KeywordMatch {
    pub skill: Skill,
    pub importance: Importance,
    pub resume_count: u32,
    pub job_count: u32,
    /// True when the resume uses the job's own wording, not only an alias.
    pub exact_wording: bool,
}

plain_fields!(KeywordMatch {
    "skill" => skill,
    "importance" => importance,
    "resumeCount" => resume_count,
    "jobCount" => job_count,
    "exactWording" => exact_wording,
});

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct MissingKeyword {
    pub skill: Skill,
    pub importance: Importance,
    pub job_count: u32,
    /// The job's own wording, to use verbatim.
    pub job_wording: String,
    /// Other skills of which any one meets the same requirement: the job
    /// asks for one of them (`one of Playwright, Cypress or Selenium`).
    pub alternatives: Vec<Skill>,
}

plain_fields!(MissingKeyword {
    "skill" => skill,
    "importance" => importance,
    "jobCount" => job_count,
    "jobWording" => job_wording,
    "alternatives" => alternatives,
});

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct DetectedMistake {
    pub mistake: Mistake,
    pub message: String,
    pub evidence: Vec<TextSpan>,
}

plain_fields!(DetectedMistake { "mistake" => mistake, "message" => message, "evidence" => evidence });

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct Suggestion {
    /// ADD_KEYWORD, USE_EXACT_WORDING, QUANTIFY, REMOVE_SKILL, ADD_SECTION, ADD_CONTACT
    pub kind: &'static str,
    /// 1 = most important.
    pub priority: u8,
    pub message: String,
    pub skill: Option<Skill>,
    /// What in the resume the suggestion points at.
    pub evidence: Vec<TextSpan>,
}

plain_fields!(Suggestion {
    "kind" => kind,
    "priority" => priority,
    "message" => message,
    "skill" => skill,
    "evidence" => evidence,
});

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct ResumeSection {
    /// summary, experience, education, skills, projects, certifications, ... or other
    pub kind: &'static str,
    pub heading: String,
    pub span: TextSpan,
}

plain_fields!(ResumeSection { "kind" => kind, "heading" => heading, "span" => span });

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct ResumeStats {
    pub words: u32,
    pub bullets: u32,
    pub quantified_bullets: u32,
    pub has_email: bool,
    pub has_phone: bool,
    pub has_linkedin: bool,
    pub has_github: bool,
    pub has_website: bool,
    pub has_location: bool,
}

plain_fields!(ResumeStats {
    "words" => words,
    "bullets" => bullets,
    "quantifiedBullets" => quantified_bullets,
    "hasEmail" => has_email,
    "hasPhone" => has_phone,
    "hasLinkedin" => has_linkedin,
    "hasGithub" => has_github,
    "hasWebsite" => has_website,
    "hasLocation" => has_location,
});

/// Says that no role has this slug, and which roles come closest to it
/// (by the typo-tolerant, alias-aware search): `nurse` finds `registered-nurse`.
fn unknown_role(snap: &Snapshot, slug: &str) -> String {
    let query = slug.replace('-', " ");
    let closest: Vec<String> = snap
        .search()
        .and_then(|index| index.search(&query, &[crate::search::Kind::Role], 5))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|hit| match hit.target {
            crate::search::Target::Role(role) => snap
                .catalog
                .roles
                .get(role.index())
                .map(|r| format!("`{}`", r.role.slug)),
            _ => None,
        })
        .collect();
    if closest.is_empty() {
        format!("no role `{slug}`; the `roles` query lists them all")
    } else {
        format!("no role `{slug}`; the closest are {}", closest.join(", "))
    }
}
