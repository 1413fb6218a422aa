//! Read queries over the taxonomy, served from the request's snapshot.

use std::sync::Arc;

use async_graphql::{Context, Object, Result};

use super::error::ApiError;
use super::pagination::{Page, paginate};
use super::types::{Category, Mistake, Role, Skill, SkillKind, skill_page, snapshot};
use crate::auth::Permission;
use crate::graphql::require;
use crate::taxonomy::catalog::CategoryIdx;
use crate::taxonomy::{MistakeIdx, RoleIdx, SkillIdx, model};

#[derive(Default)]
pub struct TaxonomyQuery;

#[Object]
impl TaxonomyQuery {
    async fn skill(&self, ctx: &Context<'_>, slug: String) -> Result<Option<Skill>> {
        require(ctx, Permission::Read)?;
        let snap = snapshot(ctx)?;
        Ok(snap.catalog.skill_by_slug(&slug).map(|idx| Skill { snap, idx }))
    }

    /// Skills by slug, optionally only those of a category, a kind or a role.
    async fn skills(
        &self,
        ctx: &Context<'_>,
        category: Option<String>,
        kind: Option<SkillKind>,
        role: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<Skill>> {
        require(ctx, Permission::Read)?;
        let snap = snapshot(ctx)?;
        let catalog = &snap.catalog;
        let category = category
            .map(|slug| {
                catalog
                    .category_by_slug(&slug)
                    .ok_or_else(|| ApiError::NotFound(format!("no category `{slug}`")))
            })
            .transpose()?;
        let role = role
            .map(|slug| {
                catalog
                    .role_by_slug(&slug)
                    .ok_or_else(|| ApiError::NotFound(format!("no role `{slug}`")))
            })
            .transpose()?;
        let kind = kind.map(model::SkillKind::from);
        let skills = (0..catalog.skills.len() as u32)
            .map(SkillIdx)
            .filter(|&idx| {
                let entry = catalog.skill(idx);
                category.is_none_or(|c| entry.category == Some(c))
                    && kind.is_none_or(|k| entry.skill.kind == k)
                    && role.is_none_or(|r| entry.roles.iter().any(|(linked, _)| *linked == r))
            })
            .collect();
        skill_page(&snap, skills, first, after)
    }

    async fn role(&self, ctx: &Context<'_>, slug: String) -> Result<Option<Role>> {
        require(ctx, Permission::Read)?;
        let snap = snapshot(ctx)?;
        Ok(snap.catalog.role_by_slug(&slug).map(|idx| Role { snap, idx }))
    }

    async fn roles(&self, ctx: &Context<'_>, first: Option<i32>, after: Option<String>) -> Result<Page<Role>> {
        require(ctx, Permission::Read)?;
        let snap = snapshot(ctx)?;
        let roles = (0..snap.catalog.roles.len() as u32).map(RoleIdx).collect();
        let key = |r: &RoleIdx| snap.catalog.role(*r).role.slug.clone();
        Ok(paginate(roles, first, after, key, |idx| Role {
            snap: Arc::clone(&snap),
            idx,
        })?)
    }

    async fn categories(&self, ctx: &Context<'_>) -> Result<Vec<Category>> {
        require(ctx, Permission::Read)?;
        let snap = snapshot(ctx)?;
        Ok((0..snap.catalog.categories.len() as u32)
            .map(|i| Category {
                snap: Arc::clone(&snap),
                idx: CategoryIdx(i),
            })
            .collect())
    }

    /// Mistakes by slug; with `role`, those that apply to it.
    async fn mistakes(
        &self,
        ctx: &Context<'_>,
        role: Option<String>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<Mistake>> {
        require(ctx, Permission::Read)?;
        let snap = snapshot(ctx)?;
        let catalog = &snap.catalog;
        let mistakes = match role {
            Some(slug) => {
                let role = catalog
                    .role_by_slug(&slug)
                    .ok_or_else(|| ApiError::NotFound(format!("no role `{slug}`")))?;
                let mut mistakes = catalog.role(role).mistakes.clone();
                mistakes.sort();
                mistakes
            }
            None => (0..catalog.mistakes.len() as u32).map(MistakeIdx).collect(),
        };
        let key = |m: &MistakeIdx| catalog.mistake(*m).mistake.slug.clone();
        Ok(paginate(mistakes, first, after, key, |idx| Mistake {
            snap: Arc::clone(&snap),
            idx,
        })?)
    }
}
