//! The fourth stage of a scan: the job and the resume as read are compared
//! ([`compare`]), scored ([`score`], with the [`wording`] they share), checked for mistakes ([`detect`]) and
//! turned into advice ([`suggest`]).

pub(crate) mod compare;
pub(crate) mod detect;
pub(crate) mod score;
pub(crate) mod suggest;
pub(crate) mod wording;

pub(crate) use compare::Reading;
pub use compare::{KeywordMatch, MissingKeyword, ResumeStats};
pub use detect::DetectedMistake;
pub use score::{ScoreBasis, ScoreBreakdown, ScoreCap, ScoreComponent, ScoreKey};

/// Compiles the judges' fixed word sets now rather than during the first scan.
pub(crate) fn warm_up() {
    wording::warm_up();
}
pub use suggest::{Suggestion, SuggestionKind};
