//! Curation mutations: editors, admins and keys with the `curate` scope
//! change the taxonomy; the change is visible to the next request.

use std::io::Read;
use std::sync::Arc;

use async_graphql::{Context, Enum, InputObject, Json, Object, Result, Upload};

use super::error::ApiError;
use super::types::{Importance, Mistake, Role, RoleSkill, Skill, SkillKind};
use super::{require, services};
use crate::auth::Permission;
use crate::curation::{self, CurationError, EditRequest, ImportMode, MistakeChanges, RoleChanges, SkillChanges};
use crate::knowledge::{Snapshot, TaxonomyChange};
use crate::taxonomy::files::parse_document;
use crate::taxonomy::model;
use crate::taxonomy::validate::Entity;

impl From<CurationError> for ApiError {
    fn from(error: CurationError) -> Self {
        match error {
            CurationError::NotFound(m) => Self::NotFound(m),
            CurationError::Conflict(m) => Self::Conflict(m),
            CurationError::Invalid(m) => Self::BadUserInput(m),
            CurationError::Format(e) => Self::BadUserInput(e.to_string()),
            CurationError::Store(e) => Self::internal(e),
        }
    }
}

#[derive(InputObject)]
pub struct SkillInput {
    pub name: String,
    pub slug: Option<String>,
    pub kind: SkillKind,
    /// Category slug.
    pub category: Option<String>,
    pub description: Option<String>,
    pub aliases: Option<Vec<String>>,
    /// The name or aliases that are also ordinary English.
    pub ambiguous_aliases: Option<Vec<String>>,
    /// Related skill slugs.
    pub related: Option<Vec<String>>,
}

#[derive(InputObject)]
pub struct SkillPatch {
    pub name: Option<String>,
    pub kind: Option<SkillKind>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub aliases: Option<Vec<String>>,
    pub ambiguous_aliases: Option<Vec<String>>,
    pub related: Option<Vec<String>>,
}

#[derive(InputObject)]
pub struct RoleInput {
    pub title: String,
    pub slug: Option<String>,
    /// Alternative job titles.
    pub aliases: Option<Vec<String>>,
    pub description: Option<String>,
}

#[derive(InputObject)]
pub struct RolePatch {
    pub title: Option<String>,
    pub aliases: Option<Vec<String>>,
    pub description: Option<String>,
}

#[derive(InputObject)]
pub struct DetectorInput {
    pub kind: String,
    pub parameters: Option<Json<serde_json::Value>>,
}

impl From<DetectorInput> for model::Detector {
    fn from(input: DetectorInput) -> Self {
        Self {
            kind: input.kind,
            parameters: input.parameters.map_or_else(|| serde_json::json!({}), |p| p.0),
        }
    }
}

#[derive(InputObject)]
pub struct MistakeInput {
    pub title: String,
    pub slug: Option<String>,
    pub description: String,
    pub fix: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// Role slugs; empty or absent means every role.
    pub roles: Option<Vec<String>>,
    pub detector: DetectorInput,
}

#[derive(InputObject)]
pub struct MistakePatch {
    pub title: Option<String>,
    pub description: Option<String>,
    pub fix: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub roles: Option<Vec<String>>,
    pub detector: Option<DetectorInput>,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "ImportMode")]
pub enum TaxonomyImportMode {
    /// Entries replace those with the same slug; others are kept.
    Merge,
    /// The file becomes the whole taxonomy.
    Replace,
}

/// Runs one edit for the caller, then swaps in the new snapshot so the
/// response (and every later request) sees the change.
async fn edit(
    ctx: &Context<'_>,
    action: &'static str,
    entity: Entity,
    slug: &str,
    expected_version: Option<i32>,
    change: impl FnOnce(&mut model::Taxonomy) -> Result<(), CurationError>,
) -> Result<Arc<Snapshot>> {
    let actor = require(ctx, Permission::Curate)?.actor();
    let knowledge = &services(ctx)?.knowledge;
    let request = EditRequest {
        actor: &actor,
        action,
        entity,
        slug: slug.to_owned(),
        expected_version,
    };
    let guard = knowledge.begin_change().await;
    let saved = curation::apply(knowledge.db(), request, change)
        .await
        .map_err(ApiError::from)?;
    let announced = TaxonomyChange {
        version: saved.version,
        action: Some(action.to_owned()),
        entity: Some(entity.as_str().to_owned()),
        slug: Some(slug.to_owned()),
    };
    guard.finish(announced).await.map_err(ApiError::internal)?;
    Ok(knowledge.snapshot())
}

fn not_found(entity: Entity, slug: &str) -> async_graphql::Error {
    ApiError::NotFound(format!("no {} `{slug}`", entity.as_str())).into()
}

fn skill_node(snap: Arc<Snapshot>, slug: &str) -> Result<Skill> {
    let idx = snap
        .catalog
        .skill_by_slug(slug)
        .ok_or_else(|| not_found(Entity::Skill, slug))?;
    Ok(Skill { snap, idx })
}

fn role_node(snap: Arc<Snapshot>, slug: &str) -> Result<Role> {
    let idx = snap
        .catalog
        .role_by_slug(slug)
        .ok_or_else(|| not_found(Entity::Role, slug))?;
    Ok(Role { snap, idx })
}

fn mistake_node(snap: Arc<Snapshot>, slug: &str) -> Result<Mistake> {
    let idx = snap
        .catalog
        .mistake_by_slug(slug)
        .ok_or_else(|| not_found(Entity::Mistake, slug))?;
    Ok(Mistake { snap, idx })
}

#[derive(Default)]
pub struct CurationMutation;

#[Object]
impl CurationMutation {
    async fn create_skill(&self, ctx: &Context<'_>, input: SkillInput) -> Result<Skill> {
        require(ctx, Permission::Curate)?;
        let slug = curation::new_slug(input.slug.as_deref(), &input.name).map_err(ApiError::from)?;
        let skill = model::Skill {
            slug: slug.clone(),
            name: input.name.trim().to_owned(),
            kind: input.kind.into(),
            category: input.category,
            description: input.description,
            aliases: input.aliases.unwrap_or_default(),
            ambiguous: input.ambiguous_aliases.unwrap_or_default(),
            related: input.related.unwrap_or_default(),
            source: None,
        };
        let snap = edit(ctx, "createSkill", Entity::Skill, &slug, None, |t| {
            curation::create_skill(t, skill)
        })
        .await?;
        skill_node(snap, &slug)
    }

    /// Changes the given fields; with `expectedVersion`, only if nobody changed the skill since.
    async fn update_skill(
        &self,
        ctx: &Context<'_>,
        slug: String,
        input: SkillPatch,
        expected_version: Option<i32>,
    ) -> Result<Skill> {
        let changes = SkillChanges {
            name: input.name,
            kind: input.kind.map(Into::into),
            category: input.category,
            description: input.description,
            aliases: input.aliases,
            ambiguous: input.ambiguous_aliases,
            related: input.related,
        };
        let snap = edit(ctx, "updateSkill", Entity::Skill, &slug, expected_version, |t| {
            curation::update_skill(t, &slug, changes)
        })
        .await?;
        skill_node(snap, &slug)
    }

    /// Deletes a skill; one that roles use needs `force: true`, which unlinks it.
    async fn delete_skill(&self, ctx: &Context<'_>, slug: String, force: Option<bool>) -> Result<bool> {
        let force = force.unwrap_or(false);
        edit(ctx, "deleteSkill", Entity::Skill, &slug, None, |t| {
            curation::delete_skill(t, &slug, force)
        })
        .await?;
        Ok(true)
    }

    async fn add_alias(&self, ctx: &Context<'_>, skill: String, alias: String) -> Result<Skill> {
        let snap = edit(ctx, "addAlias", Entity::Skill, &skill, None, |t| {
            curation::add_alias(t, &skill, &alias)
        })
        .await?;
        skill_node(snap, &skill)
    }

    async fn remove_alias(&self, ctx: &Context<'_>, skill: String, alias: String) -> Result<Skill> {
        let snap = edit(ctx, "removeAlias", Entity::Skill, &skill, None, |t| {
            curation::remove_alias(t, &skill, &alias)
        })
        .await?;
        skill_node(snap, &skill)
    }

    async fn create_role(&self, ctx: &Context<'_>, input: RoleInput) -> Result<Role> {
        require(ctx, Permission::Curate)?;
        let slug = curation::new_slug(input.slug.as_deref(), &input.title).map_err(ApiError::from)?;
        let role = model::Role {
            slug: slug.clone(),
            title: input.title.trim().to_owned(),
            aliases: input.aliases.unwrap_or_default(),
            description: input.description,
            skills: Vec::new(),
        };
        let snap = edit(ctx, "createRole", Entity::Role, &slug, None, |t| {
            curation::create_role(t, role)
        })
        .await?;
        role_node(snap, &slug)
    }

    async fn update_role(
        &self,
        ctx: &Context<'_>,
        slug: String,
        input: RolePatch,
        expected_version: Option<i32>,
    ) -> Result<Role> {
        let changes = RoleChanges {
            title: input.title,
            aliases: input.aliases,
            description: input.description,
        };
        let snap = edit(ctx, "updateRole", Entity::Role, &slug, expected_version, |t| {
            curation::update_role(t, &slug, changes)
        })
        .await?;
        role_node(snap, &slug)
    }

    async fn delete_role(&self, ctx: &Context<'_>, slug: String) -> Result<bool> {
        edit(ctx, "deleteRole", Entity::Role, &slug, None, |t| {
            curation::delete_role(t, &slug)
        })
        .await?;
        Ok(true)
    }

    /// Links a skill to a role with an importance (or changes it).
    async fn set_role_skill(
        &self,
        ctx: &Context<'_>,
        role: String,
        skill: String,
        importance: Importance,
    ) -> Result<RoleSkill> {
        let importance = model::Importance::from(importance);
        let snap = edit(ctx, "setRoleSkill", Entity::Role, &role, None, |t| {
            curation::set_role_skill(t, &role, &skill, importance)
        })
        .await?;
        let role_idx = snap
            .catalog
            .role_by_slug(&role)
            .ok_or_else(|| not_found(Entity::Role, &role))?;
        let skill_idx = snap
            .catalog
            .skill_by_slug(&skill)
            .ok_or_else(|| not_found(Entity::Skill, &skill))?;
        Ok(RoleSkill {
            snap,
            role: role_idx,
            skill: skill_idx,
            importance,
        })
    }

    async fn remove_role_skill(&self, ctx: &Context<'_>, role: String, skill: String) -> Result<bool> {
        edit(ctx, "removeRoleSkill", Entity::Role, &role, None, |t| {
            curation::remove_role_skill(t, &role, &skill)
        })
        .await?;
        Ok(true)
    }

    async fn create_mistake(&self, ctx: &Context<'_>, input: MistakeInput) -> Result<Mistake> {
        require(ctx, Permission::Curate)?;
        let slug = curation::new_slug(input.slug.as_deref(), &input.title).map_err(ApiError::from)?;
        let mistake = model::Mistake {
            slug: slug.clone(),
            title: input.title.trim().to_owned(),
            description: input.description,
            fix: input.fix,
            before: input.before.unwrap_or_default(),
            after: input.after.unwrap_or_default(),
            roles: input.roles.unwrap_or_default(),
            detector: input.detector.into(),
        };
        let snap = edit(ctx, "createMistake", Entity::Mistake, &slug, None, |t| {
            curation::create_mistake(t, mistake)
        })
        .await?;
        mistake_node(snap, &slug)
    }

    async fn update_mistake(
        &self,
        ctx: &Context<'_>,
        slug: String,
        input: MistakePatch,
        expected_version: Option<i32>,
    ) -> Result<Mistake> {
        let changes = MistakeChanges {
            title: input.title,
            description: input.description,
            fix: input.fix,
            before: input.before,
            after: input.after,
            roles: input.roles,
            detector: input.detector.map(Into::into),
        };
        let snap = edit(ctx, "updateMistake", Entity::Mistake, &slug, expected_version, |t| {
            curation::update_mistake(t, &slug, changes)
        })
        .await?;
        mistake_node(snap, &slug)
    }

    async fn delete_mistake(&self, ctx: &Context<'_>, slug: String) -> Result<bool> {
        edit(ctx, "deleteMistake", Entity::Mistake, &slug, None, |t| {
            curation::delete_mistake(t, &slug)
        })
        .await?;
        Ok(true)
    }

    /// Imports a taxonomy file (TOML bundle or JSON; admins only). Returns the new version.
    async fn import_taxonomy(&self, ctx: &Context<'_>, file: Upload, mode: TaxonomyImportMode) -> Result<i64> {
        let actor = require(ctx, Permission::Administer)?.actor();
        let upload = file.value(ctx)?;
        let name = upload.filename.clone();
        let mut text = String::new();
        upload
            .into_read()
            .read_to_string(&mut text)
            .map_err(|_| ApiError::BadUserInput(format!("{name} is not UTF-8 text")))?;
        let files = parse_document(&name, &text).map_err(|e| ApiError::BadUserInput(e.to_string()))?;
        let knowledge = &services(ctx)?.knowledge;
        let guard = knowledge.begin_change().await;
        let saved = curation::import_as(knowledge.db(), files, mode.into(), Some(&actor))
            .await
            .map_err(ApiError::from)?;
        if saved.changed {
            let announced = TaxonomyChange {
                version: saved.version,
                action: Some("importTaxonomy".into()),
                entity: Some("taxonomy".into()),
                slug: None,
            };
            guard.finish(announced).await.map_err(ApiError::internal)?;
        }
        Ok(saved.version)
    }
}
