//! The GraphQL API: schema assembly from one object per area.

pub mod account;
pub mod batch;
pub mod curation;
mod empty_selection;
pub mod error;
pub mod executor;
pub mod limits;
pub mod pagination;
pub mod plain;
pub mod scan;
pub mod search;
pub mod taxonomy;
pub mod types;

use std::net::IpAddr;
use std::sync::Arc;

use async_graphql::{Context, Json, MergedObject, Object, Result, Schema, SimpleObject, Subscription};
use futures_util::Stream;

use self::account::{AccountMutation, AccountQuery};
use self::batch::BatchMutation;
use self::curation::CurationMutation;
use self::error::ApiError;
pub use self::executor::Api;
use self::limits::ShapeLimits;
use self::scan::{ScanMutation, ScanQuery};
use self::search::SearchQuery;
use self::taxonomy::TaxonomyQuery;
use crate::auth::{Authenticator, Permission, Principal, PublicAccess};
use crate::document::Isolation;
use crate::knowledge::Knowledge;
use crate::ratelimit::RateLimiter;

/// Long-lived services every resolver may use.
pub struct Services {
    pub knowledge: Arc<Knowledge>,
    pub authenticator: Authenticator,
    pub rate_limiter: RateLimiter,
    pub public: PublicAccess,
    /// Longest resume or job text accepted, in bytes.
    pub max_text_bytes: usize,
    /// How uploaded files are read.
    pub isolation: Isolation,
    /// Bounds how many files are read at once (each in its own process).
    pub extractions: tokio::sync::Semaphore,
}

/// Who sent the request being served, and from where.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub principal: Principal,
    pub client_ip: IpAddr,
}

pub fn services<'a>(ctx: &Context<'a>) -> Result<&'a Services> {
    ctx.data::<Arc<Services>>()
        .map(AsRef::as_ref)
        .map_err(|_| ApiError::internal(anyhow::anyhow!("no services")).into())
}

/// The caller, if allowed to do `permission`; otherwise UNAUTHENTICATED or FORBIDDEN.
pub fn require<'a>(ctx: &Context<'a>, permission: Permission) -> Result<&'a Principal> {
    let request = ctx
        .data::<RequestContext>()
        .map_err(|_| ApiError::internal(anyhow::anyhow!("no request context")))?;
    request.principal.require(permission, services(ctx)?.public)?;
    Ok(&request.principal)
}

#[derive(Default)]
pub struct AdminQuery;

#[Object]
impl AdminQuery {
    /// The whole taxonomy as JSON, in the format `atscan import` reads (admins only).
    async fn export_taxonomy(&self, ctx: &Context<'_>) -> Result<Json<serde_json::Value>> {
        require(ctx, Permission::Administer)?;
        let (taxonomy, _) = crate::store::load_taxonomy(services(ctx)?.knowledge.db())
            .await
            .map_err(ApiError::internal)?;
        Ok(Json(serde_json::to_value(taxonomy).map_err(ApiError::internal)?))
    }
}

#[derive(MergedObject, Default)]
pub struct QueryRoot(TaxonomyQuery, SearchQuery, ScanQuery, AccountQuery, AdminQuery);

#[derive(MergedObject, Default)]
pub struct MutationRoot(ScanMutation, BatchMutation, AccountMutation, CurationMutation);

/// A taxonomy change, announced to admin tools.
#[derive(SimpleObject)]
pub struct TaxonomyChanged {
    pub version: i64,
    /// e.g. createSkill; null when another server made the change.
    pub action: Option<String>,
    pub entity: Option<String>,
    pub slug: Option<String>,
}

#[derive(Default)]
pub struct SubscriptionRoot;

#[Subscription]
impl SubscriptionRoot {
    /// Every new taxonomy version this server serves (editors and admins).
    async fn taxonomy_changed(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = TaxonomyChanged>> {
        require(ctx, Permission::Curate)?;
        let receiver = services(ctx)?.knowledge.subscribe();
        Ok(futures_util::stream::unfold(receiver, |mut receiver| async move {
            loop {
                match receiver.recv().await {
                    Ok(change) => {
                        let item = TaxonomyChanged {
                            version: change.version,
                            action: change.action,
                            entity: change.entity,
                            slug: change.slug,
                        };
                        return Some((item, receiver));
                    }
                    // A slow subscriber skips to the newest change.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                }
            }
        }))
    }
}

pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Limits applied to every operation.
#[derive(Debug, Clone)]
pub struct GraphqlLimits {
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_aliases: usize,
    pub max_root_fields: usize,
    pub introspection: bool,
}

impl Default for GraphqlLimits {
    fn default() -> Self {
        Self {
            max_depth: 12,
            max_complexity: 5_000,
            max_aliases: 50,
            max_root_fields: 20,
            introspection: true,
        }
    }
}

/// The API; `services` is absent only where the schema is printed.
pub fn build_api(limits: &GraphqlLimits, services: Option<Arc<Services>>) -> Api {
    let mut builder = Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot)
        .limit_depth(limits.max_depth)
        .limit_complexity(limits.max_complexity)
        .limit_recursive_depth(32);
    if let Some(services) = services {
        builder = builder.data(services);
    }
    if !limits.introspection {
        builder = builder.disable_introspection().disable_suggestions();
    }
    let shape = ShapeLimits {
        max_aliases: limits.max_aliases,
        max_root_fields: limits.max_root_fields,
    };
    Api::new(builder.finish(), shape)
}

/// The schema in SDL, as committed in `schema/schema.graphql`.
pub fn sdl() -> String {
    build_api(&GraphqlLimits::default(), None).schema().sdl()
}
