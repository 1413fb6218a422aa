//! Users, API keys and the audit log.

use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::StoreError;
use super::entity::{api_key, audit_log, user};

pub use super::entity::api_key::Model as ApiKeyRow;
pub use super::entity::audit_log::Model as AuditRow;
pub use super::entity::user::Model as UserRow;

pub async fn create_user(
    db: &impl ConnectionTrait,
    email: &str,
    password_hash: &str,
    role: &str,
) -> Result<UserRow, StoreError> {
    Ok(user::ActiveModel {
        id: NotSet,
        email: Set(email.to_owned()),
        password_hash: Set(password_hash.to_owned()),
        role: Set(role.to_owned()),
        disabled: Set(false),
        created_at: Set(chrono::Utc::now().fixed_offset()),
    }
    .insert(db)
    .await?)
}

pub async fn find_user_by_email(db: &impl ConnectionTrait, email: &str) -> Result<Option<UserRow>, StoreError> {
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?)
}

pub async fn find_user(db: &impl ConnectionTrait, id: i32) -> Result<Option<UserRow>, StoreError> {
    Ok(user::Entity::find_by_id(id).one(db).await?)
}

pub async fn list_users(db: &impl ConnectionTrait) -> Result<Vec<UserRow>, StoreError> {
    Ok(user::Entity::find().order_by_asc(user::Column::Id).all(db).await?)
}

/// Disables a user; returns whether one had that email.
pub async fn disable_user(db: &impl ConnectionTrait, email: &str) -> Result<bool, StoreError> {
    let result = user::Entity::update_many()
        .col_expr(user::Column::Disabled, sea_orm::sea_query::Expr::value(true))
        .filter(user::Column::Email.eq(email))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

pub async fn create_api_key(
    db: &impl ConnectionTrait,
    name: &str,
    prefix: &str,
    key_hash: &str,
    scopes: &str,
    created_by: Option<i32>,
) -> Result<ApiKeyRow, StoreError> {
    Ok(api_key::ActiveModel {
        id: NotSet,
        name: Set(name.to_owned()),
        prefix: Set(prefix.to_owned()),
        key_hash: Set(key_hash.to_owned()),
        scopes: Set(scopes.to_owned()),
        created_by: Set(created_by),
        created_at: Set(chrono::Utc::now().fixed_offset()),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?)
}

/// The live (not revoked) key with this hash.
pub async fn find_api_key(db: &impl ConnectionTrait, key_hash: &str) -> Result<Option<ApiKeyRow>, StoreError> {
    Ok(api_key::Entity::find()
        .filter(api_key::Column::KeyHash.eq(key_hash))
        .filter(api_key::Column::RevokedAt.is_null())
        .one(db)
        .await?)
}

pub async fn list_api_keys(db: &impl ConnectionTrait) -> Result<Vec<ApiKeyRow>, StoreError> {
    Ok(api_key::Entity::find()
        .order_by_asc(api_key::Column::Id)
        .all(db)
        .await?)
}

/// Revokes a key; returns whether a live key had that id.
pub async fn revoke_api_key(db: &impl ConnectionTrait, id: i32) -> Result<bool, StoreError> {
    let result = api_key::Entity::update_many()
        .col_expr(
            api_key::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now().fixed_offset()),
        )
        .filter(api_key::Column::Id.eq(id))
        .filter(api_key::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// One audit-log entry, written in the transaction of the change it records.
pub struct AuditEntry<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub slug: Option<&'a str>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn record_audit(db: &impl ConnectionTrait, entry: AuditEntry<'_>) -> Result<(), StoreError> {
    audit_log::ActiveModel {
        id: NotSet,
        actor: Set(entry.actor.to_owned()),
        action: Set(entry.action.to_owned()),
        entity: Set(entry.entity.to_owned()),
        entity_slug: Set(entry.slug.map(str::to_owned)),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        created_at: Set(chrono::Utc::now().fixed_offset()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Newest entries first: `limit` entries with ids below `before_id`, and the total count.
pub async fn audit_page(
    db: &impl ConnectionTrait,
    entity: Option<&str>,
    before_id: Option<i32>,
    limit: u64,
) -> Result<(Vec<AuditRow>, u64), StoreError> {
    let mut query = audit_log::Entity::find();
    if let Some(entity) = entity {
        query = query.filter(audit_log::Column::Entity.eq(entity));
    }
    let total = query.clone().count(db).await?;
    if let Some(id) = before_id {
        query = query.filter(audit_log::Column::Id.lt(id));
    }
    let rows = query.order_by_desc(audit_log::Column::Id).limit(limit).all(db).await?;
    Ok((rows, total))
}
