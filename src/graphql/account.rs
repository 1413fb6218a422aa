//! Sessions, the current caller, API keys and the audit log.

use std::time::Duration;

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};

use super::error::ApiError;
use super::{RequestContext, require, services};
use crate::auth::api_key::{self, Scope, format_scopes, parse_scopes};
use crate::auth::password::{DUMMY_HASH, verify_password};
use crate::auth::{Permission, Principal};
use crate::ratelimit::Budget;
use crate::store::accounts;

#[derive(SimpleObject)]
pub struct Session {
    pub token: String,
    /// RFC 3339 time after which the token is refused.
    pub expires_at: String,
}

#[derive(SimpleObject)]
pub struct User {
    pub id: ID,
    pub email: String,
    pub role: String,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "Scope")]
pub enum ApiKeyScope {
    Scan,
    Read,
    Curate,
}

#[derive(SimpleObject)]
pub struct ApiKey {
    pub id: ID,
    pub name: String,
    /// The first characters of the key, to recognize it.
    pub prefix: String,
    pub scopes: Vec<ApiKeyScope>,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

impl From<accounts::ApiKeyRow> for ApiKey {
    fn from(row: accounts::ApiKeyRow) -> Self {
        Self {
            id: ID(row.id.to_string()),
            name: row.name,
            prefix: row.prefix,
            scopes: parse_scopes(&row.scopes).into_iter().map(Into::into).collect(),
            created_at: row.created_at.to_rfc3339(),
            revoked_at: row.revoked_at.map(|t| t.to_rfc3339()),
        }
    }
}

#[derive(SimpleObject)]
pub struct CreatedApiKey {
    /// The key itself: shown this once, stored only as a hash.
    pub key: String,
    pub api_key: ApiKey,
}

#[derive(SimpleObject)]
pub struct AuditEntry {
    pub id: ID,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub slug: Option<String>,
    pub before: Option<async_graphql::Json<serde_json::Value>>,
    pub after: Option<async_graphql::Json<serde_json::Value>>,
    pub at: String,
}

#[derive(SimpleObject)]
pub struct AuditPage {
    pub total_count: u64,
    pub entries: Vec<AuditEntry>,
    /// Pass as `after` for the next (older) page; null on the last page.
    pub end_cursor: Option<String>,
}

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The signed-in user, or null for anonymous callers and API keys.
    async fn me(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(match &ctx.data::<RequestContext>()?.principal {
            Principal::User { id, email, role } => Some(User {
                id: ID(id.to_string()),
                email: email.clone(),
                role: role.as_str().into(),
            }),
            _ => None,
        })
    }

    /// Every API key (admins only).
    async fn api_keys(&self, ctx: &Context<'_>) -> Result<Vec<ApiKey>> {
        require(ctx, Permission::Administer)?;
        let rows = accounts::list_api_keys(services(ctx)?.knowledge.db())
            .await
            .map_err(ApiError::internal)?;
        Ok(rows.into_iter().map(ApiKey::from).collect())
    }

    /// Who changed what, newest first (admins only).
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        entity: Option<String>,
    ) -> Result<AuditPage> {
        require(ctx, Permission::Administer)?;
        let limit = first.unwrap_or(20).clamp(1, 100) as u64;
        let before_id = after
            .map(|cursor| {
                cursor
                    .parse::<i32>()
                    .map_err(|_| ApiError::BadUserInput("`after` is not an audit cursor".into()))
            })
            .transpose()?;
        let db = services(ctx)?.knowledge.db();
        let (rows, total_count) = accounts::audit_page(db, entity.as_deref(), before_id, limit)
            .await
            .map_err(ApiError::internal)?;
        let parse = |text: Option<String>| {
            text.and_then(|t| serde_json::from_str(&t).ok())
                .map(async_graphql::Json)
        };
        let end_cursor = (rows.len() as u64 == limit)
            .then(|| rows.last().map(|r| r.id.to_string()))
            .flatten();
        let entries = rows
            .into_iter()
            .map(|row| AuditEntry {
                id: ID(row.id.to_string()),
                actor: row.actor,
                action: row.action,
                entity: row.entity,
                slug: row.entity_slug,
                before: parse(row.before),
                after: parse(row.after),
                at: row.created_at.to_rfc3339(),
            })
            .collect();
        Ok(AuditPage {
            total_count,
            entries,
            end_cursor,
        })
    }
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Exchanges an email and password for a session token (one hour).
    async fn login(&self, ctx: &Context<'_>, email: String, password: String) -> Result<Session> {
        let request = ctx.data::<RequestContext>()?;
        let services = services(ctx)?;
        if let Err(wait) = services
            .rate_limiter
            .check(Budget::Login, &format!("ip:{}", request.client_ip))
        {
            return Err(rate_limited(wait).into());
        }
        let user = accounts::find_user_by_email(services.knowledge.db(), email.trim())
            .await
            .map_err(ApiError::internal)?;
        // Verify against a dummy hash when the email is unknown, so that both
        // failures take the same time and say the same thing.
        let hash = user.as_ref().map_or(DUMMY_HASH.as_str(), |u| u.password_hash.as_str());
        let password_ok = tokio::task::spawn_blocking({
            let hash = hash.to_owned();
            move || verify_password(&password, &hash)
        })
        .await
        .map_err(ApiError::internal)?;
        let user = user
            .filter(|u| password_ok && !u.disabled)
            .ok_or_else(|| ApiError::Unauthenticated("wrong email or password".into()))?;
        let (token, expires) = services.authenticator.keys.issue(user.id).map_err(ApiError::internal)?;
        let expires_at = chrono::DateTime::from_timestamp(expires, 0)
            .map(|t| t.to_rfc3339())
            .unwrap_or_default();
        Ok(Session { token, expires_at })
    }

    /// Creates an API key for a platform (admins only); the key is shown once.
    async fn create_api_key(&self, ctx: &Context<'_>, name: String, scopes: Vec<ApiKeyScope>) -> Result<CreatedApiKey> {
        let principal = require(ctx, Permission::Administer)?;
        if name.trim().is_empty() || scopes.is_empty() {
            return Err(ApiError::BadUserInput("an API key needs a name and at least one scope".into()).into());
        }
        let scopes: Vec<Scope> = scopes.into_iter().map(Into::into).collect();
        let created_by = match principal {
            Principal::User { id, .. } => Some(*id),
            _ => None,
        };
        let key = api_key::generate();
        let db = services(ctx)?.knowledge.db();
        let row = accounts::create_api_key(
            db,
            name.trim(),
            &key.prefix,
            &key.hash,
            &format_scopes(&scopes),
            created_by,
        )
        .await
        .map_err(ApiError::internal)?;
        Ok(CreatedApiKey {
            key: key.secret,
            api_key: row.into(),
        })
    }

    /// Revokes an API key (admins only); it stops working at once.
    async fn revoke_api_key(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        require(ctx, Permission::Administer)?;
        let id: i32 = id
            .parse()
            .map_err(|_| ApiError::BadUserInput("`id` is not an API key id".into()))?;
        let revoked = accounts::revoke_api_key(services(ctx)?.knowledge.db(), id)
            .await
            .map_err(ApiError::internal)?;
        if !revoked {
            return Err(ApiError::NotFound(format!("no live API key {id}")).into());
        }
        Ok(true)
    }
}

pub fn rate_limited(wait: Duration) -> ApiError {
    ApiError::RateLimited {
        retry_after_secs: wait.as_secs().max(1),
    }
}
