//! Scans in bulk for platforms: `rankResumes` (many resumes against one
//! job or role) and `compareJobs` (one resume against many jobs). Each item
//! is a scan as `scan` makes it, with the report the client selects, and
//! counts against the caller's scan budget. An item that cannot be read or
//! scanned carries its error; the others are still answered.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, Upload};

use super::account::rate_limited;
use super::error::ApiError;
use super::plain::{PlainField, plain_fields};
use super::scan::{ScanReport, read_document, scan_report, target_role};
use super::{RequestContext, require, services};
use crate::auth::Permission;
use crate::ratelimit::Budget;

/// Most items in one request.
pub const MAX_BATCH_ITEMS: usize = 50;
/// Most bytes of pasted text and uploaded files in one request, all items together.
pub const MAX_BATCH_BYTES: usize = 8 * 1024 * 1024;

/// A resume or a job: pasted text or an uploaded file.
#[derive(InputObject)]
pub struct DocumentInput {
    pub text: Option<String>,
    /// A .pdf, .docx or .txt file (GraphQL multipart request).
    pub file: Option<Upload>,
    /// The caller's name for it, returned with its result (an id, a file name).
    pub label: Option<String>,
}

/// One item of a batch, in rank order.
#[derive(SimpleObject)]
pub struct RankedScan {
    /// 1 = the best score; items that failed come last, without a rank.
    pub rank: Option<u32>,
    /// The item's place in the request's list, from 0.
    pub index: u32,
    pub label: Option<String>,
    pub report: Option<ScanReport>,
    /// Why the item could not be scanned (then `report` is null).
    pub error: Option<ItemError>,
}

plain_fields!(RankedScan {
    "rank" => rank,
    "index" => index,
    "label" => label,
    "report" => report,
    "error" => error,
});

#[derive(SimpleObject)]
pub struct ItemError {
    /// The `extensions.code` the same problem has on `scan`: BAD_USER_INPUT,
    /// PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE or INTERNAL_SERVER_ERROR.
    pub code: &'static str,
    pub message: String,
}

plain_fields!(ItemError { "code" => code, "message" => message });

#[derive(Default)]
pub struct BatchMutation;

#[Object]
impl BatchMutation {
    /// Scores resumes against one job description or role, best first.
    async fn rank_resumes(
        &self,
        ctx: &Context<'_>,
        job: Option<DocumentInput>,
        role: Option<String>,
        resumes: Vec<DocumentInput>,
    ) -> Result<PlainField<Vec<RankedScan>>> {
        if job.is_none() && role.is_none() {
            return Err(ApiError::BadUserInput("send a job or a role to rank the resumes against".into()).into());
        }
        start(ctx, resumes.len(), job.iter().chain(&resumes))?;
        let job = match job {
            Some(job) => read_document(ctx, job.text, job.file, "job", "text").await?,
            None => None,
        };
        let snap = super::types::snapshot(ctx)?;
        let role = target_role(&snap, role.as_deref())?;
        let mut items = Vec::with_capacity(resumes.len());
        for (index, resume) in resumes.into_iter().enumerate() {
            let report = read_document(ctx, resume.text, resume.file, "resume", "text")
                .await
                .and_then(|read| scan_report(snap.clone(), read.unwrap_or_default(), job.clone(), role));
            items.push(item(index, resume.label, report));
        }
        Ok(PlainField(ranked(items)))
    }

    /// Scores job descriptions against one resume, best fit first.
    async fn compare_jobs(
        &self,
        ctx: &Context<'_>,
        resume: DocumentInput,
        role: Option<String>,
        jobs: Vec<DocumentInput>,
    ) -> Result<PlainField<Vec<RankedScan>>> {
        start(ctx, jobs.len(), std::iter::once(&resume).chain(&jobs))?;
        let resume = read_document(ctx, resume.text, resume.file, "resume", "text")
            .await?
            .unwrap_or_default();
        let snap = super::types::snapshot(ctx)?;
        let role = target_role(&snap, role.as_deref())?;
        let mut items = Vec::with_capacity(jobs.len());
        for (index, job) in jobs.into_iter().enumerate() {
            let report = match read_document(ctx, job.text, job.file, "job", "text").await {
                Ok(Some(read)) => scan_report(snap.clone(), resume.clone(), Some(read), role),
                Ok(None) => Err(ApiError::BadUserInput(
                    "the job is empty: send its text or a file".into(),
                )),
                Err(error) => Err(error),
            };
            items.push(item(index, job.label, report));
        }
        Ok(PlainField(ranked(items)))
    }
}

/// Checks the caller and the batch's size (`items`, and the bytes of all
/// `documents`), and charges one scan per item to the caller's budget.
fn start<'a>(ctx: &Context<'_>, items: usize, documents: impl Iterator<Item = &'a DocumentInput>) -> Result<()> {
    let principal = require(ctx, Permission::Scan)?;
    let services = services(ctx)?;
    if items == 0 {
        return Err(ApiError::BadUserInput("the batch is empty".into()).into());
    }
    if items > MAX_BATCH_ITEMS {
        return Err(ApiError::PayloadTooLarge(format!(
            "a batch holds at most {MAX_BATCH_ITEMS} items; this one has {items}"
        ))
        .into());
    }
    let mut bytes = 0;
    for document in documents {
        bytes += document.text.as_ref().map_or(0, String::len);
        if let Some(file) = &document.file {
            bytes += file.value(ctx).map_or(0, |f| f.size().unwrap_or(0) as usize);
        }
    }
    if bytes > MAX_BATCH_BYTES {
        return Err(ApiError::PayloadTooLarge(format!(
            "a batch holds at most {MAX_BATCH_BYTES} bytes of documents; this one has {bytes}"
        ))
        .into());
    }
    let client_ip = ctx.data::<RequestContext>()?.client_ip;
    let key = principal.rate_key(client_ip);
    for _ in 0..items {
        if let Err(wait) = services.rate_limiter.check(Budget::Scan, &key) {
            return Err(rate_limited(wait).into());
        }
    }
    Ok(())
}

fn item(index: usize, label: Option<String>, report: Result<ScanReport, ApiError>) -> RankedScan {
    let (report, error) = match report {
        Ok(report) => (Some(report), None),
        Err(error) => {
            if let ApiError::Internal(source) = &error {
                tracing::error!(error = ?source, "internal error in a batch item");
            }
            let error = ItemError {
                code: error.code(),
                message: error.message().to_owned(),
            };
            (None, Some(error))
        }
    };
    RankedScan {
        rank: None,
        index: index as u32,
        label,
        report,
        error,
    }
}

/// Best score first, failed items last; ties keep the request's order.
fn ranked(mut items: Vec<RankedScan>) -> Vec<RankedScan> {
    let score = |item: &RankedScan| item.report.as_ref().map(ScanReport::overall);
    items.sort_by(|a, b| score(b).cmp(&score(a)).then(a.index.cmp(&b.index)));
    let mut place = 0;
    for item in &mut items {
        if item.report.is_some() {
            place += 1;
            item.rank = Some(place);
        }
    }
    items
}
