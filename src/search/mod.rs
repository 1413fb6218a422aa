//! Taxonomy search on a tantivy index: ranked, typo-tolerant, alias-aware.
//!
//! [`SearchIndex::search`] ranks in tiers, each tier strictly above the next:
//! an exact name or alias (`k8s` is Kubernetes), then names that start with
//! the query (`kube`), then the query as a phrase, then every query word with
//! one in a name or alias, then every word in names with typos allowed
//! (`kubernets`), then every word in descriptions or categories only, then
//! some of the words. See [`MatchKind`]. [`SearchIndex::suggest`]
//! completes word prefixes of names and aliases as the user types.
//!
//! The tantivy index lives in its own directory per build
//! (`<dir>/v<version>-<nonce>`) and records the taxonomy it was built from,
//! so a stale or damaged index is rebuilt rather than served.

mod build;
mod distance;
mod entries;
mod fields;
mod hits;
mod index;
mod names;
mod query;
mod rank;
mod storage;
mod suggest;
#[cfg(test)]
mod test_catalog;
mod tokenizer;

use crate::taxonomy::{MistakeIdx, RoleIdx, SkillIdx};

pub use build::BuildProgress;
pub use index::SearchIndex;

/// Results returned when the caller does not say (the API's default).
pub const DEFAULT_LIMIT: usize = 10;
/// The most results one call returns, whatever the caller asks.
pub const MAX_LIMIT: usize = 50;
/// Longer queries are cut to this many characters: nobody types more, and
/// every extra word costs a term lookup (and a fuzzy automaton).
pub const MAX_QUERY_CHARS: usize = 200;
/// Words beyond this many are ignored: names are shorter, and each word
/// adds term lookups to every tier.
pub const MAX_QUERY_WORDS: usize = 8;

/// What a search looks for; an empty list of kinds means all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Skill,
    Role,
    Mistake,
}

impl Kind {
    pub const ALL: [Self; 3] = [Self::Skill, Self::Role, Self::Mistake];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Skill => "skill",
            Self::Role => "role",
            Self::Mistake => "mistake",
        }
    }
}

/// The catalog entry a hit names, valid for the catalog the index was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Skill(SkillIdx),
    Role(RoleIdx),
    Mistake(MistakeIdx),
}

impl Target {
    pub fn kind(self) -> Kind {
        match self {
            Self::Skill(_) => Kind::Skill,
            Self::Role(_) => Kind::Role,
            Self::Mistake(_) => Kind::Mistake,
        }
    }
}

/// How a hit matched the query, from the strongest tier to the weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The query is a name or alias.
    Exact,
    /// A name or alias starts with the query.
    Prefix,
    /// The query's words appear in this order (multi-word queries only).
    Phrase,
    /// Every query word appears in a name, alias, description or category,
    /// and at least one in a name or alias.
    AllWords,
    /// Every query word appears in a name or alias, allowing typos.
    Fuzzy,
    /// Every query word appears, but only in the description or category.
    Description,
    /// Some of the query's words appear (multi-word queries only).
    SomeWords,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    /// Higher is better; decreasing along the results of one call.
    pub score: f32,
    /// The name or alias that matched, e.g. `k8s` for Kubernetes; `None` when
    /// only the description or category matched.
    pub matched_text: Option<String>,
    pub matched_by: MatchKind,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the search query is empty")]
    EmptyQuery,
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory {path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// The index on disk was not built from this catalog; it is rebuilt.
    #[error("search index is stale: {0}")]
    Stale(String),
    /// The in-memory index of a snapshot could not be built (the first
    /// attempt's error, kept for every later search).
    #[error("search index is unavailable: {0}")]
    Unavailable(String),
}
