//! The scan engine: reads a resume (and a job description or a target role)
//! against the knowledge base and reports an ATS-style score, matched and
//! missing keywords, mistakes and suggestions. Plain Rust with no web or
//! database types, so GraphQL, the CLI, tests and benchmarks all call it.
//!
//! Build a [`KeywordMatcher`] once per catalog snapshot, then call [`scan`]
//! or [`extract_keywords`] per request.

mod detect;
mod document;
mod evidence;
mod first_words;
mod job;
mod keywords;
mod layout;
mod matcher;
mod report;
mod resume;
pub mod rules;
mod score;
mod suggest;
#[cfg(test)]
mod testkit;
mod text;

pub use detect::DetectedMistake;
pub use keywords::{KeywordHit, extract_keywords};
pub use matcher::{AutomatonKind, KeywordMatcher, MatcherError};
pub use report::{
    KeywordMatch, MAX_TEXT_BYTES, MissingKeyword, ResumeSection, ResumeStats, ScanError, ScanReport, ScanRequest, scan,
};
pub use score::{ScoreBreakdown, ScoreComponent, ScoreKey};
pub use suggest::{Suggestion, SuggestionKind};
pub use text::TextSpan;
