//! Taxonomy search and as-you-type suggestions.

use std::sync::Arc;

use async_graphql::{Context, Enum, Object, Result, SimpleObject, Union};

use super::error::ApiError;
use super::require;
use super::types::{Mistake, Role, Skill, snapshot};
use crate::auth::Permission;
use crate::knowledge::Snapshot;
use crate::search::{self, Hit, Kind, SearchError, SearchIndex, Target};

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "Kind")]
pub enum SearchKind {
    Skill,
    Role,
    Mistake,
}

#[derive(Union)]
pub enum SearchResult {
    Skill(Skill),
    Role(Role),
    Mistake(Mistake),
}

#[derive(SimpleObject)]
pub struct SearchHit {
    pub score: f64,
    pub node: SearchResult,
    /// The name or alias that matched, e.g. k8s for Kubernetes.
    pub matched_text: Option<String>,
    /// How it matched: EXACT, PREFIX, PHRASE, ALL_WORDS, FUZZY, DESCRIPTION, SOME_WORDS.
    pub matched_by: &'static str,
}

fn hit(snap: &Arc<Snapshot>, hit: Hit) -> SearchHit {
    let snap = Arc::clone(snap);
    let node = match hit.target {
        Target::Skill(idx) => SearchResult::Skill(Skill { snap, idx }),
        Target::Role(idx) => SearchResult::Role(Role { snap, idx }),
        Target::Mistake(idx) => SearchResult::Mistake(Mistake { snap, idx }),
    };
    let matched_by = match hit.matched_by {
        search::MatchKind::Exact => "EXACT",
        search::MatchKind::Prefix => "PREFIX",
        search::MatchKind::Phrase => "PHRASE",
        search::MatchKind::AllWords => "ALL_WORDS",
        search::MatchKind::Fuzzy => "FUZZY",
        search::MatchKind::Description => "DESCRIPTION",
        search::MatchKind::SomeWords => "SOME_WORDS",
    };
    SearchHit {
        score: f64::from(hit.score),
        node,
        matched_text: hit.matched_text,
        matched_by,
    }
}

impl From<SearchError> for ApiError {
    fn from(error: SearchError) -> Self {
        match error {
            SearchError::EmptyQuery => Self::BadUserInput("the search query is empty".into()),
            other => Self::internal(other),
        }
    }
}

/// How many results to return: the default when absent, capped at the maximum.
fn page_size(first: Option<i32>, default: usize) -> Result<usize, ApiError> {
    match first {
        None => Ok(default),
        Some(n) if n < 1 => Err(ApiError::BadUserInput("`first` must be at least 1".into())),
        Some(n) => Ok((n as usize).min(search::MAX_LIMIT)),
    }
}

/// Runs a search or suggestion on the request's snapshot for a reader.
fn run(
    ctx: &Context<'_>,
    kinds: Option<Vec<SearchKind>>,
    search: impl FnOnce(&SearchIndex, &[Kind]) -> Result<Vec<Hit>, SearchError>,
) -> Result<Vec<SearchHit>> {
    require(ctx, Permission::Read)?;
    let snap = snapshot(ctx)?;
    let kinds: Vec<Kind> = kinds.unwrap_or_default().into_iter().map(Into::into).collect();
    let hits = snap
        .search()
        .and_then(|index| search(index, &kinds))
        .map_err(ApiError::from)?;
    Ok(hits.into_iter().map(|h| hit(&snap, h)).collect())
}

#[derive(Default)]
pub struct SearchQuery;

#[Object]
impl SearchQuery {
    /// Full-text, typo-tolerant, alias-aware search over the taxonomy.
    async fn search(
        &self,
        ctx: &Context<'_>,
        query: String,
        kinds: Option<Vec<SearchKind>>,
        #[graphql(default = 10)] first: Option<i32>,
    ) -> Result<Vec<SearchHit>> {
        let limit = page_size(first, search::DEFAULT_LIMIT)?;
        run(ctx, kinds, |index, kinds| index.search(&query, kinds, limit))
    }

    /// As-you-type completion on word prefixes of names and aliases.
    async fn suggest(
        &self,
        ctx: &Context<'_>,
        prefix: String,
        kinds: Option<Vec<SearchKind>>,
        #[graphql(default = 8)] first: Option<i32>,
    ) -> Result<Vec<SearchHit>> {
        let limit = page_size(first, 8)?;
        run(ctx, kinds, |index, kinds| index.suggest(&prefix, kinds, limit))
    }
}
