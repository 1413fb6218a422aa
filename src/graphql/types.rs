//! GraphQL views of a snapshot. A node is an index into the snapshot it was
//! read from and keeps that snapshot alive, so nested fields cost no
//! database trips and a response never mixes two taxonomy versions.
//!
//! Objects are `serial`: each field is an in-memory read, so resolving them
//! one after another skips the set of concurrent futures async-graphql
//! otherwise builds for every object of a response.

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, Json, Object, Result, SimpleObject, Value};

use super::error::ApiError;
use super::pagination::{Page, paginate};
use super::plain::{Plain, PlainObject, PlainValue as _, plain_scalars};
use crate::knowledge::Snapshot;
use crate::taxonomy::catalog::{CategoryEntry, CategoryIdx, MistakeEntry, RoleEntry, SkillEntry};
use crate::taxonomy::validate::Entity;
use crate::taxonomy::{MistakeIdx, RoleIdx, SkillIdx, model};

/// The snapshot a request is served from.
pub fn snapshot(ctx: &Context<'_>) -> Result<Arc<Snapshot>> {
    ctx.data::<Arc<Snapshot>>()
        .cloned()
        .map_err(|_| ApiError::internal(anyhow::anyhow!("request has no snapshot")).into())
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "model::SkillKind")]
pub enum SkillKind {
    Hard,
    Soft,
    Certification,
}

plain_scalars!(SkillKind);

/// How much a job description (or a role) asks for a skill.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "model::Importance")]
pub enum Importance {
    Required,
    Preferred,
    Mentioned,
}

plain_scalars!(Importance);

pub struct Category {
    pub snap: Arc<Snapshot>,
    pub idx: CategoryIdx,
}

impl Category {
    fn entry(&self) -> &CategoryEntry {
        self.snap.catalog.category(self.idx)
    }
}

#[Object(serial)]
impl Category {
    async fn slug(&self) -> &str {
        &self.entry().category.slug
    }

    async fn name(&self) -> &str {
        &self.entry().category.name
    }

    async fn skills(&self, first: Option<i32>, after: Option<String>) -> Result<Page<Skill>> {
        skill_page(&self.snap, self.entry().skills.clone(), first, after)
    }
}

/// One page of skills, listed by slug.
pub fn skill_page(
    snap: &Arc<Snapshot>,
    skills: Vec<SkillIdx>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<Page<Skill>> {
    let key = |s: &SkillIdx| snap.catalog.skill(*s).skill.slug.clone();
    Ok(paginate(skills, first, after, key, |idx| Skill {
        snap: Arc::clone(snap),
        idx,
    })?)
}

pub struct Skill {
    pub snap: Arc<Snapshot>,
    pub idx: SkillIdx,
}

/// A skill's GraphQL id; slugs never change, so neither do ids.
fn skill_id(slug: &str) -> String {
    format!("Skill:{slug}")
}

fn role_id(slug: &str) -> String {
    format!("Role:{slug}")
}

fn mistake_id(slug: &str) -> String {
    format!("Mistake:{slug}")
}

impl Skill {
    fn entry(&self) -> &SkillEntry {
        self.snap.catalog.skill(self.idx)
    }
}

#[Object(serial)]
impl Skill {
    async fn id(&self) -> ID {
        ID(skill_id(&self.entry().skill.slug))
    }

    async fn slug(&self) -> &str {
        &self.entry().skill.slug
    }

    /// Canonical display name, e.g. PostgreSQL.
    async fn name(&self) -> &str {
        &self.entry().skill.name
    }

    async fn kind(&self) -> SkillKind {
        self.entry().skill.kind.into()
    }

    async fn category(&self) -> Option<Category> {
        self.entry().category.map(|idx| Category {
            snap: Arc::clone(&self.snap),
            idx,
        })
    }

    async fn description(&self) -> Option<&str> {
        self.entry().skill.description.as_deref()
    }

    /// Where an imported skill comes from: the public taxonomy and the
    /// entry's identifier there; null for curated skills.
    async fn source(&self) -> Option<&str> {
        self.entry().skill.source.as_deref()
    }

    /// Other spellings that resolve to this skill: Postgres, psql, ...
    async fn aliases(&self) -> &[String] {
        &self.entry().skill.aliases
    }

    /// The name or aliases that are also ordinary English (Go, R, Spring):
    /// the scanner counts them only with technical context.
    async fn ambiguous_aliases(&self) -> &[String] {
        &self.entry().skill.ambiguous
    }

    async fn related(&self) -> Vec<Skill> {
        self.entry()
            .related
            .iter()
            .map(|&idx| Skill {
                snap: Arc::clone(&self.snap),
                idx,
            })
            .collect()
    }

    /// The roles that ask for this skill, most important first.
    async fn roles(&self) -> Vec<RoleSkill> {
        self.entry()
            .roles
            .iter()
            .map(|&(role, importance)| RoleSkill {
                snap: Arc::clone(&self.snap),
                role,
                skill: self.idx,
                importance,
            })
            .collect()
    }

    /// The row version, for `expectedVersion` in updates.
    async fn version(&self) -> i32 {
        self.snap.row_version(Entity::Skill, &self.entry().skill.slug)
    }
}

impl PlainObject for Skill {
    const TYPE_NAME: &'static str = "Skill";

    fn field(&self, name: &str, selection: &Plain<'_>) -> Option<Value> {
        let skill = &self.entry().skill;
        match name {
            "id" => skill_id(&skill.slug).plain(selection),
            "slug" => skill.slug.plain(selection),
            "name" => skill.name.plain(selection),
            "kind" => SkillKind::from(skill.kind).plain(selection),
            "description" => skill.description.plain(selection),
            "source" => skill.source.plain(selection),
            "aliases" => skill.aliases.plain(selection),
            "ambiguousAliases" => skill.ambiguous.plain(selection),
            _ => None,
        }
    }
}

pub struct Role {
    pub snap: Arc<Snapshot>,
    pub idx: RoleIdx,
}

impl Role {
    fn entry(&self) -> &RoleEntry {
        self.snap.catalog.role(self.idx)
    }
}

#[Object(serial)]
impl Role {
    async fn id(&self) -> ID {
        ID(role_id(&self.entry().role.slug))
    }

    async fn slug(&self) -> &str {
        &self.entry().role.slug
    }

    /// e.g. Backend Developer
    async fn title(&self) -> &str {
        &self.entry().role.title
    }

    /// Alternative job titles: Backend Engineer, Server-Side Developer, ...
    async fn aliases(&self) -> &[String] {
        &self.entry().role.aliases
    }

    async fn description(&self) -> Option<&str> {
        self.entry().role.description.as_deref()
    }

    /// Linked skills, most important first, then by slug.
    async fn skills(
        &self,
        importance: Option<Importance>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page<RoleSkill>> {
        let wanted = importance.map(model::Importance::from);
        let links: Vec<_> = self
            .entry()
            .skills
            .iter()
            .filter(|(_, i)| wanted.is_none_or(|w| w == *i))
            .map(|&(skill, importance)| RoleSkill {
                snap: Arc::clone(&self.snap),
                role: self.idx,
                skill,
                importance,
            })
            .collect();
        let catalog = &self.snap.catalog;
        let key = |link: &RoleSkill| format!("{}:{}", link.importance as u8, catalog.skill(link.skill).skill.slug);
        Ok(paginate(links, first, after, key, |link| link)?)
    }

    async fn mistakes(&self) -> Vec<Mistake> {
        self.entry()
            .mistakes
            .iter()
            .map(|&idx| Mistake {
                snap: Arc::clone(&self.snap),
                idx,
            })
            .collect()
    }

    /// The row version, for `expectedVersion` in updates.
    async fn version(&self) -> i32 {
        self.snap.row_version(Entity::Role, &self.entry().role.slug)
    }
}

impl PlainObject for Role {
    const TYPE_NAME: &'static str = "Role";

    fn field(&self, name: &str, selection: &Plain<'_>) -> Option<Value> {
        let role = &self.entry().role;
        match name {
            "id" => role_id(&role.slug).plain(selection),
            "slug" => role.slug.plain(selection),
            "title" => role.title.plain(selection),
            "aliases" => role.aliases.plain(selection),
            "description" => role.description.plain(selection),
            _ => None,
        }
    }
}

pub struct RoleSkill {
    pub snap: Arc<Snapshot>,
    pub role: RoleIdx,
    pub skill: SkillIdx,
    pub importance: model::Importance,
}

#[Object(serial)]
impl RoleSkill {
    async fn role(&self) -> Role {
        Role {
            snap: Arc::clone(&self.snap),
            idx: self.role,
        }
    }

    async fn skill(&self) -> Skill {
        Skill {
            snap: Arc::clone(&self.snap),
            idx: self.skill,
        }
    }

    async fn importance(&self) -> Importance {
        self.importance.into()
    }
}

/// A common resume mistake, with the rule that detects it.
pub struct Mistake {
    pub snap: Arc<Snapshot>,
    pub idx: MistakeIdx,
}

impl Mistake {
    fn entry(&self) -> &MistakeEntry {
        self.snap.catalog.mistake(self.idx)
    }
}

#[Object(serial)]
impl Mistake {
    async fn id(&self) -> ID {
        ID(mistake_id(&self.entry().mistake.slug))
    }

    async fn slug(&self) -> &str {
        &self.entry().mistake.slug
    }

    async fn title(&self) -> &str {
        &self.entry().mistake.title
    }

    async fn description(&self) -> &str {
        &self.entry().mistake.description
    }

    /// How to fix it, with a better example.
    async fn fix(&self) -> &str {
        &self.entry().mistake.fix
    }

    /// A line that makes the mistake, and the same line fixed.
    async fn example(&self) -> Example {
        let mistake = &self.entry().mistake;
        Example {
            before: mistake.before.clone(),
            after: mistake.after.clone(),
        }
    }

    /// The rule that detects it, as curated data.
    async fn detector(&self) -> Detector {
        let detector = &self.entry().mistake.detector;
        Detector {
            kind: detector.kind.clone(),
            parameters: Json(detector.parameters.clone()),
        }
    }

    /// The roles it applies to; empty when it applies to every role.
    async fn roles(&self) -> Vec<Role> {
        self.entry()
            .roles
            .iter()
            .map(|&idx| Role {
                snap: Arc::clone(&self.snap),
                idx,
            })
            .collect()
    }

    /// The row version, for `expectedVersion` in updates.
    async fn version(&self) -> i32 {
        self.snap.row_version(Entity::Mistake, &self.entry().mistake.slug)
    }
}

impl PlainObject for Mistake {
    const TYPE_NAME: &'static str = "Mistake";

    fn field(&self, name: &str, selection: &Plain<'_>) -> Option<Value> {
        let mistake = &self.entry().mistake;
        match name {
            "id" => mistake_id(&mistake.slug).plain(selection),
            "slug" => mistake.slug.plain(selection),
            "title" => mistake.title.plain(selection),
            "description" => mistake.description.plain(selection),
            "fix" => mistake.fix.plain(selection),
            _ => None,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct Example {
    pub before: String,
    pub after: String,
}

#[derive(SimpleObject)]
#[graphql(serial)]
pub struct Detector {
    /// e.g. PHRASES, UNQUANTIFIED_BULLETS, OFF_ROLE_SKILLS, SKILL_SPRAWL
    pub kind: String,
    /// The kind's parameters (phrases, thresholds, skills, ...).
    pub parameters: Json<serde_json::Value>,
}
