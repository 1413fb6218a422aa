//! The scan engine: reads a resume (and a job description or a target role)
//! against the knowledge base and reports an ATS-style score, matched and
//! missing keywords, mistakes and suggestions. Plain Rust with no web or
//! database types, so GraphQL, the CLI, tests and benchmarks all call it.
//!
//! A scan is a pipeline whose stages only look down:
//!
//! 1. [`text`]: normalization with a map back to the original, lines and
//!    headed sections;
//! 2. [`matching`]: the knowledge base's terms found with evidence;
//! 3. [`reading`]: what the job asks for and what the resume shows;
//! 4. [`judging`]: the comparison, the score, mistakes and suggestions;
//! 5. [`report`]: the request, the entry point and the report.
//!
//! [`rules`] (the knowledge base's detector rules and section kinds) sits
//! beside them as plain data. Build a [`KeywordMatcher`] once per catalog
//! snapshot, call [`warm_up`] once per process, then [`scan`] or
//! [`extract_keywords`] per request.

mod judging;
mod matching;
mod reading;
mod report;
pub mod rules;
#[cfg(test)]
mod testkit;
mod text;

pub use judging::{
    DetectedMistake, KeywordMatch, MissingKeyword, ResumeStats, ScoreBasis, ScoreBreakdown, ScoreCap, ScoreComponent,
    ScoreKey, Suggestion, SuggestionKind,
};
pub use matching::{KeywordHit, KeywordMatcher, MatcherError, derived_wordings, extract_keywords};
pub use reading::requirements::{RequirementLine, requirement_lines};
pub use report::{MAX_TEXT_BYTES, ResumeSection, ScanError, ScanReport, ScanRequest, scan};
pub use text::TextSpan;

/// Compiles the engine's fixed word lists and patterns, off the request
/// path, rather than during the first scan.
pub fn warm_up() {
    reading::warm_up();
    judging::warm_up();
}
