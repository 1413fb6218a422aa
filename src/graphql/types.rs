//! GraphQL views of the snapshot. A node is an index into the request's
//! snapshot; fields read it directly, so nesting costs no database trips.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, Json, Object, Result, SimpleObject};

use super::error::ApiError;
use super::pagination::{Page, paginate};
use crate::knowledge::Snapshot;
use crate::taxonomy::catalog::CategoryIdx;
use crate::taxonomy::{MistakeIdx, RoleIdx, SkillIdx, model};

/// The snapshot a request is served from.
pub fn snapshot<'a>(ctx: &Context<'a>) -> Result<&'a Arc<Snapshot>> {
    ctx.data::<Arc<Snapshot>>()
        .map_err(|_| ApiError::internal(anyhow::anyhow!("request has no snapshot")).into())
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "model::SkillKind")]
pub enum SkillKind {
    Hard,
    Soft,
    Certification,
}

/// How much a job description (or a role) asks for a skill.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "model::Importance")]
pub enum Importance {
    Required,
    Preferred,
    Mentioned,
}

pub struct Category(pub CategoryIdx);

#[Object]
impl Category {
    async fn slug<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.category(self.0).category.slug)
    }

    async fn name<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.category(self.0).category.name)
    }

    async fn skills(&self, ctx: &Context<'_>, first: Option<i32>, after: Option<String>) -> Result<Page<Skill>> {
        let skills = snapshot(ctx)?.catalog.category(self.0).skills.clone();
        Ok(skill_page(ctx, skills, first, after)?)
    }
}

/// One page of skills, listed by slug.
pub fn skill_page(
    ctx: &Context<'_>,
    skills: Vec<SkillIdx>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<Page<Skill>> {
    let catalog = &snapshot(ctx)?.catalog;
    Ok(paginate(
        skills,
        first,
        after,
        |s| catalog.skill(*s).skill.slug.clone(),
        Skill,
    )?)
}

pub struct Skill(pub SkillIdx);

#[Object]
impl Skill {
    async fn id<'c>(&self, ctx: &Context<'c>) -> Result<ID> {
        Ok(ID(format!("Skill:{}", snapshot(ctx)?.catalog.skill(self.0).skill.slug)))
    }

    async fn slug<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.skill(self.0).skill.slug)
    }

    /// Canonical display name, e.g. PostgreSQL.
    async fn name<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.skill(self.0).skill.name)
    }

    async fn kind(&self, ctx: &Context<'_>) -> Result<SkillKind> {
        Ok(snapshot(ctx)?.catalog.skill(self.0).skill.kind.into())
    }

    async fn category(&self, ctx: &Context<'_>) -> Result<Option<Category>> {
        Ok(snapshot(ctx)?.catalog.skill(self.0).category.map(Category))
    }

    async fn description<'c>(&self, ctx: &Context<'c>) -> Result<Option<&'c str>> {
        Ok(snapshot(ctx)?.catalog.skill(self.0).skill.description.as_deref())
    }

    /// Other spellings that resolve to this skill: Postgres, psql, ...
    async fn aliases<'c>(&self, ctx: &Context<'c>) -> Result<&'c [String]> {
        Ok(&snapshot(ctx)?.catalog.skill(self.0).skill.aliases)
    }

    /// The name or aliases that are also ordinary English (Go, R, Spring):
    /// the scanner counts them only with technical context.
    async fn ambiguous_aliases<'c>(&self, ctx: &Context<'c>) -> Result<&'c [String]> {
        Ok(&snapshot(ctx)?.catalog.skill(self.0).skill.ambiguous)
    }

    async fn related(&self, ctx: &Context<'_>) -> Result<Vec<Skill>> {
        Ok(snapshot(ctx)?
            .catalog
            .skill(self.0)
            .related
            .iter()
            .copied()
            .map(Skill)
            .collect())
    }

    /// The roles that ask for this skill, most important first.
    async fn roles(&self, ctx: &Context<'_>) -> Result<Vec<RoleSkill>> {
        let entry = snapshot(ctx)?.catalog.skill(self.0);
        Ok(entry
            .roles
            .iter()
            .map(|&(role, importance)| RoleSkill {
                role,
                skill: self.0,
                importance,
            })
            .collect())
    }
}

pub struct Role(pub RoleIdx);

#[Object]
impl Role {
    async fn id<'c>(&self, ctx: &Context<'c>) -> Result<ID> {
        Ok(ID(format!("Role:{}", snapshot(ctx)?.catalog.role(self.0).role.slug)))
    }

    async fn slug<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.role(self.0).role.slug)
    }

    /// e.g. Backend Developer
    async fn title<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.role(self.0).role.title)
    }

    /// Alternative job titles: Backend Engineer, Server-Side Developer, ...
    async fn aliases<'c>(&self, ctx: &Context<'c>) -> Result<&'c [String]> {
        Ok(&snapshot(ctx)?.catalog.role(self.0).role.aliases)
    }

    async fn description<'c>(&self, ctx: &Context<'c>) -> Result<Option<&'c str>> {
        Ok(snapshot(ctx)?.catalog.role(self.0).role.description.as_deref())
    }

    /// Linked skills, most important first, then by slug.
    async fn skills(
        &self,
        ctx: &Context<'_>,
        importance: Option<Importance>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<RoleSkill>> {
        let catalog = &snapshot(ctx)?.catalog;
        let wanted = importance.map(model::Importance::from);
        let links: Vec<_> = catalog
            .role(self.0)
            .skills
            .iter()
            .filter(|(_, i)| wanted.is_none_or(|w| w == *i))
            .map(|&(skill, importance)| RoleSkill {
                role: self.0,
                skill,
                importance,
            })
            .collect();
        let key = |link: &RoleSkill| format!("{}:{}", link.importance as u8, catalog.skill(link.skill).skill.slug);
        Ok(paginate(links, first, after, key, |link| link)?)
    }

    async fn mistakes(&self, ctx: &Context<'_>) -> Result<Vec<Mistake>> {
        Ok(snapshot(ctx)?
            .catalog
            .role(self.0)
            .mistakes
            .iter()
            .copied()
            .map(Mistake)
            .collect())
    }
}

pub struct RoleSkill {
    pub role: RoleIdx,
    pub skill: SkillIdx,
    pub importance: model::Importance,
}

#[Object]
impl RoleSkill {
    async fn role(&self) -> Role {
        Role(self.role)
    }

    async fn skill(&self) -> Skill {
        Skill(self.skill)
    }

    async fn importance(&self) -> Importance {
        self.importance.into()
    }
}

/// A common resume mistake, with the rule that detects it.
pub struct Mistake(pub MistakeIdx);

#[Object]
impl Mistake {
    async fn id<'c>(&self, ctx: &Context<'c>) -> Result<ID> {
        Ok(ID(format!(
            "Mistake:{}",
            snapshot(ctx)?.catalog.mistake(self.0).mistake.slug
        )))
    }

    async fn slug<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.mistake(self.0).mistake.slug)
    }

    async fn title<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.mistake(self.0).mistake.title)
    }

    async fn description<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.mistake(self.0).mistake.description)
    }

    /// How to fix it, with a better example.
    async fn fix<'c>(&self, ctx: &Context<'c>) -> Result<&'c str> {
        Ok(&snapshot(ctx)?.catalog.mistake(self.0).mistake.fix)
    }

    /// A line that makes the mistake, and the same line fixed.
    async fn example(&self, ctx: &Context<'_>) -> Result<Example> {
        let mistake = &snapshot(ctx)?.catalog.mistake(self.0).mistake;
        Ok(Example {
            before: mistake.before.clone(),
            after: mistake.after.clone(),
        })
    }

    /// The rule that detects it, as curated data.
    async fn detector(&self, ctx: &Context<'_>) -> Result<Detector> {
        let detector = &snapshot(ctx)?.catalog.mistake(self.0).mistake.detector;
        Ok(Detector {
            kind: detector.kind.clone(),
            parameters: Json(detector.parameters.clone()),
        })
    }

    /// The roles it applies to; empty when it applies to every role.
    async fn roles(&self, ctx: &Context<'_>) -> Result<Vec<Role>> {
        Ok(snapshot(ctx)?
            .catalog
            .mistake(self.0)
            .roles
            .iter()
            .copied()
            .map(Role)
            .collect())
    }
}

#[derive(SimpleObject)]
pub struct Example {
    pub before: String,
    pub after: String,
}

#[derive(SimpleObject)]
pub struct Detector {
    /// e.g. PHRASES, UNQUANTIFIED_BULLETS, OFF_ROLE_SKILLS, SKILL_SPRAWL
    pub kind: String,
    /// The kind's parameters (phrases, thresholds, skills, ...).
    pub parameters: Json<serde_json::Value>,
}
