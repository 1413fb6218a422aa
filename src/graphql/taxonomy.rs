//! Read queries over the taxonomy, served from the request's snapshot.

use async_graphql::{Context, Object, Result};

use super::error::ApiError;
use super::pagination::{Page, paginate};
use super::types::{Category, Mistake, Role, Skill, SkillKind, skill_page, snapshot};
use crate::taxonomy::{SkillIdx, model};

#[derive(Default)]
pub struct TaxonomyQuery;

#[Object]
impl TaxonomyQuery {
    async fn skill(&self, ctx: &Context<'_>, slug: String) -> Result<Option<Skill>> {
        Ok(snapshot(ctx)?.catalog.skill_by_slug(&slug).map(Skill))
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
        let catalog = &snapshot(ctx)?.catalog;
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
        skill_page(ctx, skills, first, after)
    }

    async fn role(&self, ctx: &Context<'_>, slug: String) -> Result<Option<Role>> {
        Ok(snapshot(ctx)?.catalog.role_by_slug(&slug).map(Role))
    }

    async fn roles(&self, ctx: &Context<'_>, first: Option<i32>, after: Option<String>) -> Result<Page<Role>> {
        let catalog = &snapshot(ctx)?.catalog;
        let roles = (0..catalog.roles.len() as u32).map(crate::taxonomy::RoleIdx).collect();
        Ok(paginate(
            roles,
            first,
            after,
            |r| catalog.role(*r).role.slug.clone(),
            Role,
        )?)
    }

    async fn categories(&self, ctx: &Context<'_>) -> Result<Vec<Category>> {
        let catalog = &snapshot(ctx)?.catalog;
        Ok((0..catalog.categories.len() as u32)
            .map(|i| Category(crate::taxonomy::catalog::CategoryIdx(i)))
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
        let catalog = &snapshot(ctx)?.catalog;
        let mistakes = match role {
            Some(slug) => {
                let role = catalog
                    .role_by_slug(&slug)
                    .ok_or_else(|| ApiError::NotFound(format!("no role `{slug}`")))?;
                let mut mistakes = catalog.role(role).mistakes.clone();
                mistakes.sort();
                mistakes
            }
            None => (0..catalog.mistakes.len() as u32)
                .map(crate::taxonomy::MistakeIdx)
                .collect(),
        };
        Ok(paginate(
            mistakes,
            first,
            after,
            |m| catalog.mistake(*m).mistake.slug.clone(),
            Mistake,
        )?)
    }
}
