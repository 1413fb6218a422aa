//! What the scan benchmark and the engine-rate example share: the benchmark
//! pair, and the engine's full report of it with every lazy part computed.

use std::hint::black_box;

use atscan::scan::{self, KeywordMatcher, ScanRequest};
use atscan::taxonomy::Catalog;

pub const RESUME: &str = include_str!("../../tests/fixtures/scan/bench/resume.txt");
pub const JOB: &str = include_str!("../../tests/fixtures/scan/bench/job.txt");

/// The benchmark pair as a scan request.
pub fn request() -> ScanRequest<'static> {
    ScanRequest {
        resume: RESUME,
        job: Some(JOB),
        role: None,
    }
}

/// The scan with keywords, sections, mistakes and suggestions computed, as
/// a full report needs them; the number of suggestions, or `None` when the
/// scan fails.
pub fn full_report(catalog: &Catalog, matcher: &KeywordMatcher, request: &ScanRequest<'_>) -> Option<usize> {
    let report = scan::scan(catalog, matcher, black_box(request)).ok()?;
    black_box(report.resume_keywords());
    black_box(report.job_keywords());
    black_box(report.sections());
    black_box(report.mistakes(catalog, matcher));
    Some(report.suggestions(catalog, matcher).len())
}
