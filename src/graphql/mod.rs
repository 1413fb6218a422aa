//! The GraphQL API: schema assembly from one object per area.

pub mod error;
pub mod pagination;
pub mod taxonomy;
pub mod types;

use async_graphql::{EmptyMutation, EmptySubscription, MergedObject, Schema};

use self::error::ErrorCodes;
use self::taxonomy::TaxonomyQuery;

#[derive(MergedObject, Default)]
pub struct QueryRoot(TaxonomyQuery);

pub type AppSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

/// Limits applied to every operation.
#[derive(Debug, Clone)]
pub struct GraphqlLimits {
    pub max_depth: usize,
    pub max_complexity: usize,
    pub introspection: bool,
}

impl Default for GraphqlLimits {
    fn default() -> Self {
        Self {
            max_depth: 12,
            max_complexity: 5_000,
            introspection: true,
        }
    }
}

pub fn build_schema(limits: &GraphqlLimits) -> AppSchema {
    let mut builder = Schema::build(QueryRoot::default(), EmptyMutation, EmptySubscription)
        .extension(ErrorCodes)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(32);
    if !limits.introspection {
        builder = builder.disable_introspection().disable_suggestions();
    }
    builder.finish()
}

/// The schema in SDL, as committed in `schema/schema.graphql`.
pub fn sdl() -> String {
    build_schema(&GraphqlLimits::default()).sdl()
}
