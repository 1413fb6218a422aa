//! Changes to the stored taxonomy: file imports and curation edits. Each is
//! checked against the whole taxonomy and written in one transaction with
//! its audit-log entry.

use sea_orm::DatabaseConnection;
use serde_json::Value;

use crate::scan::rules::MistakeRule;
use crate::store::accounts::AuditEntry;
use crate::store::{self, Saved, StoreError, TaxonomyEdit};
use crate::taxonomy::files::{FormatError, TaxonomyFiles, default_taxonomy};
use crate::taxonomy::model::{Detector, Importance, Mistake, Role, RoleSkill, Skill, SkillKind};
use crate::taxonomy::validate::{Entity, is_valid_slug, slugify, validate};
use crate::taxonomy::{Taxonomy, normalize_term};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Entries replace those with the same slug; others are kept.
    Merge,
    /// The imported entries become the whole taxonomy.
    Replace,
}

#[derive(Debug, thiserror::Error)]
pub enum CurationError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Format(#[from] FormatError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

type Result<T, E = CurationError> = std::result::Result<T, E>;

/// Imports entries read from files. Importing the same files twice changes
/// nothing the second time (and does not bump the version).
pub async fn import(db: &DatabaseConnection, files: TaxonomyFiles, mode: ImportMode) -> Result<Saved> {
    import_as(db, files, mode, None).await
}

/// Imports entries on behalf of `actor`, recording it in the audit log.
pub async fn import_as(
    db: &DatabaseConnection,
    files: TaxonomyFiles,
    mode: ImportMode,
    actor: Option<&str>,
) -> Result<Saved> {
    let edit = TaxonomyEdit::begin(db).await?;
    let base = match mode {
        ImportMode::Merge => edit.current.clone(),
        ImportMode::Replace => Taxonomy::default(),
    };
    let target = files.merged_into(base)?;
    let audit = actor.map(|actor| AuditEntry {
        actor,
        action: if mode == ImportMode::Merge {
            "importTaxonomy(MERGE)"
        } else {
            "importTaxonomy(REPLACE)"
        },
        entity: "taxonomy",
        slug: None,
        before: None,
        after: None,
    });
    Ok(edit.commit(&target, audit).await?)
}

/// Imports the embedded default knowledge base when the database holds no
/// taxonomy yet. Returns whether it did.
pub async fn seed_if_empty(db: &DatabaseConnection) -> Result<bool> {
    let (current, _) = store::load_taxonomy(db).await?;
    if !current.skills.is_empty() || !current.roles.is_empty() {
        return Ok(false);
    }
    // Another server sharing the database may seed it at the same time: the
    // edit lock orders the two, and the second finds nothing to change.
    let edit = TaxonomyEdit::begin(db).await?;
    if !edit.current.skills.is_empty() {
        let unchanged = edit.current.clone();
        edit.commit(&unchanged, None).await?;
        return Ok(false);
    }
    Ok(edit.commit(&default_taxonomy()?, None).await?.changed)
}

/// One curation edit: what it does, to which entry, by whom.
#[derive(Debug, Clone)]
pub struct EditRequest<'a> {
    pub actor: &'a str,
    pub action: &'static str,
    pub entity: Entity,
    pub slug: String,
    /// Refuse the edit unless the entry is still at this row version.
    pub expected_version: Option<i32>,
}

/// Runs `change` on the current taxonomy inside the edit transaction,
/// validates the result and stores it with an audit entry.
pub async fn apply(
    db: &DatabaseConnection,
    request: EditRequest<'_>,
    change: impl FnOnce(&mut Taxonomy) -> Result<()>,
) -> Result<Saved> {
    let edit = TaxonomyEdit::begin(db).await?;
    if let Some(expected) = request.expected_version {
        let actual = edit.row_version(request.entity, &request.slug).await?;
        if actual != Some(expected) {
            let found = actual.map_or("does not exist".to_owned(), |v| format!("is at version {v}"));
            return Err(CurationError::Conflict(format!(
                "{} `{}` {found}, not version {expected}: reload it and try again",
                request.entity.as_str(),
                request.slug
            )));
        }
    }
    let before = entry_json(&edit.current, request.entity, &request.slug);
    let mut target = edit.current.clone();
    change(&mut target)?;
    check(&target)?;
    let after = entry_json(&target, request.entity, &request.slug);
    let audit = AuditEntry {
        actor: request.actor,
        action: request.action,
        entity: request.entity.as_str(),
        slug: Some(&request.slug),
        before,
        after,
    };
    Ok(edit.commit(&target, Some(audit)).await?)
}

/// Validates a whole taxonomy; clashes with other entries are conflicts.
fn check(taxonomy: &Taxonomy) -> Result<()> {
    let problems = validate(taxonomy);
    if problems.is_empty() {
        return Ok(());
    }
    let message = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
    if problems.iter().any(|p| p.conflict) {
        Err(CurationError::Conflict(message))
    } else {
        Err(CurationError::Invalid(message))
    }
}

fn entry_json(taxonomy: &Taxonomy, entity: Entity, slug: &str) -> Option<Value> {
    let json = |v: &dyn erased::Json| v.to_json();
    match entity {
        Entity::Skill => taxonomy.skills.iter().find(|s| s.slug == slug).map(|s| json(s)),
        Entity::Role => taxonomy.roles.iter().find(|r| r.slug == slug).map(|r| json(r)),
        Entity::Mistake => taxonomy.mistakes.iter().find(|m| m.slug == slug).map(|m| json(m)),
        Entity::Category => taxonomy.categories.iter().find(|c| c.slug == slug).map(|c| json(c)),
    }
}

mod erased {
    /// Serializes any taxonomy entry for the audit log.
    pub trait Json {
        fn to_json(&self) -> serde_json::Value;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}

/// The slug of a new entry: the one given, or one made from its name.
pub fn new_slug(given: Option<&str>, name: &str) -> Result<String> {
    let slug = given.map_or_else(|| slugify(name), str::to_owned);
    if !is_valid_slug(&slug) {
        return Err(CurationError::Invalid(format!(
            "slug `{slug}` must be lowercase letters, digits and single hyphens"
        )));
    }
    Ok(slug)
}

fn require_text(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(CurationError::Invalid(format!("{field} must not be empty")));
    }
    Ok(())
}

fn skill_mut<'a>(taxonomy: &'a mut Taxonomy, slug: &str) -> Result<&'a mut Skill> {
    taxonomy
        .skills
        .iter_mut()
        .find(|s| s.slug == slug)
        .ok_or_else(|| CurationError::NotFound(format!("no skill `{slug}`")))
}

fn role_mut<'a>(taxonomy: &'a mut Taxonomy, slug: &str) -> Result<&'a mut Role> {
    taxonomy
        .roles
        .iter_mut()
        .find(|r| r.slug == slug)
        .ok_or_else(|| CurationError::NotFound(format!("no role `{slug}`")))
}

fn mistake_mut<'a>(taxonomy: &'a mut Taxonomy, slug: &str) -> Result<&'a mut Mistake> {
    taxonomy
        .mistakes
        .iter_mut()
        .find(|m| m.slug == slug)
        .ok_or_else(|| CurationError::NotFound(format!("no mistake `{slug}`")))
}

/// The fields of a skill an edit may change; `None` leaves one as it is.
#[derive(Debug, Clone, Default)]
pub struct SkillChanges {
    pub name: Option<String>,
    pub kind: Option<SkillKind>,
    pub category: Option<String>,
    pub description: Option<String>,
    pub aliases: Option<Vec<String>>,
    pub ambiguous: Option<Vec<String>>,
    pub related: Option<Vec<String>>,
}

pub fn create_skill(taxonomy: &mut Taxonomy, skill: Skill) -> Result<()> {
    require_text("name", &skill.name)?;
    if taxonomy.skills.iter().any(|s| s.slug == skill.slug) {
        return Err(CurationError::Conflict(format!(
            "skill `{}` already exists",
            skill.slug
        )));
    }
    check_new_aliases(
        taxonomy,
        &skill.slug,
        std::iter::once(&skill.name).chain(&skill.aliases),
    )?;
    taxonomy.skills.push(skill);
    Ok(())
}

pub fn update_skill(taxonomy: &mut Taxonomy, slug: &str, changes: SkillChanges) -> Result<()> {
    if let Some(name) = &changes.name {
        require_text("name", name)?;
    }
    let new_terms: Vec<String> = changes
        .name
        .iter()
        .chain(changes.aliases.iter().flatten())
        .cloned()
        .collect();
    check_new_aliases(taxonomy, slug, new_terms.iter())?;
    let skill = skill_mut(taxonomy, slug)?;
    let SkillChanges {
        name,
        kind,
        category,
        description,
        aliases,
        ambiguous,
        related,
    } = changes;
    if let Some(name) = name {
        skill.name = name;
    }
    if let Some(kind) = kind {
        skill.kind = kind;
    }
    if let Some(category) = category {
        skill.category = Some(category).filter(|c| !c.is_empty());
    }
    if let Some(description) = description {
        skill.description = Some(description).filter(|d| !d.trim().is_empty());
    }
    if let Some(aliases) = aliases {
        skill.aliases = aliases;
    }
    if let Some(ambiguous) = ambiguous {
        skill.ambiguous = ambiguous;
    }
    if let Some(related) = related {
        skill.related = related;
    }
    Ok(())
}

/// Deletes a skill. Roles that use it block the deletion unless `force`,
/// which unlinks it from them; related lists drop it either way. Mistake
/// detectors that name it always block it: their rules would change meaning.
pub fn delete_skill(taxonomy: &mut Taxonomy, slug: &str, force: bool) -> Result<()> {
    skill_mut(taxonomy, slug)?;
    let users: Vec<&str> = taxonomy
        .roles
        .iter()
        .filter(|r| r.skills.iter().any(|l| l.skill == slug))
        .map(|r| r.slug.as_str())
        .collect();
    if !users.is_empty() && !force {
        return Err(CurationError::Conflict(format!(
            "skill `{slug}` is used by roles {}; pass force: true to unlink it",
            users.join(", ")
        )));
    }
    let detectors: Vec<&str> = taxonomy
        .mistakes
        .iter()
        .filter(|m| MistakeRule::parse(&m.detector).is_ok_and(|rule| rule.skill_slugs().iter().any(|s| s == slug)))
        .map(|m| m.slug.as_str())
        .collect();
    if !detectors.is_empty() {
        return Err(CurationError::Conflict(format!(
            "skill `{slug}` is named by the detectors of mistakes {}: update them first",
            detectors.join(", ")
        )));
    }
    taxonomy.skills.retain(|s| s.slug != slug);
    for skill in &mut taxonomy.skills {
        skill.related.retain(|r| r != slug);
    }
    for role in &mut taxonomy.roles {
        role.skills.retain(|l| l.skill != slug);
    }
    Ok(())
}

pub fn add_alias(taxonomy: &mut Taxonomy, slug: &str, alias: &str) -> Result<()> {
    require_text("alias", alias)?;
    check_new_aliases(taxonomy, slug, std::iter::once(&alias.to_owned()))?;
    let skill = skill_mut(taxonomy, slug)?;
    let normalized = normalize_term(alias);
    if normalize_term(&skill.name) != normalized && !skill.aliases.iter().any(|a| normalize_term(a) == normalized) {
        skill.aliases.push(alias.trim().to_owned());
    }
    Ok(())
}

pub fn remove_alias(taxonomy: &mut Taxonomy, slug: &str, alias: &str) -> Result<()> {
    let skill = skill_mut(taxonomy, slug)?;
    let normalized = normalize_term(alias);
    let before = skill.aliases.len();
    skill.aliases.retain(|a| normalize_term(a) != normalized);
    if skill.aliases.len() == before {
        return Err(CurationError::NotFound(format!(
            "skill `{slug}` has no alias `{alias}`"
        )));
    }
    skill.ambiguous.retain(|a| normalize_term(a) != normalized);
    Ok(())
}

/// Refuses terms already written for another skill, naming that skill
/// (two skills may share a term only if both mark it ambiguous, which
/// validation checks afterwards).
fn check_new_aliases<'a>(taxonomy: &Taxonomy, slug: &str, terms: impl Iterator<Item = &'a String>) -> Result<()> {
    for term in terms {
        let normalized = normalize_term(term);
        let owner = taxonomy.skills.iter().find(|s| {
            s.slug != slug
                && !s.ambiguous.iter().any(|a| normalize_term(a) == normalized)
                && std::iter::once(&s.name)
                    .chain(&s.aliases)
                    .any(|t| normalize_term(t) == normalized)
        });
        if let Some(owner) = owner {
            return Err(CurationError::Conflict(format!(
                "`{term}` already names skill `{}` ({})",
                owner.slug, owner.name
            )));
        }
    }
    Ok(())
}

/// The fields of a role an edit may change.
#[derive(Debug, Clone, Default)]
pub struct RoleChanges {
    pub title: Option<String>,
    pub aliases: Option<Vec<String>>,
    pub description: Option<String>,
}

pub fn create_role(taxonomy: &mut Taxonomy, role: Role) -> Result<()> {
    require_text("title", &role.title)?;
    if taxonomy.roles.iter().any(|r| r.slug == role.slug) {
        return Err(CurationError::Conflict(format!("role `{}` already exists", role.slug)));
    }
    taxonomy.roles.push(role);
    Ok(())
}

pub fn update_role(taxonomy: &mut Taxonomy, slug: &str, changes: RoleChanges) -> Result<()> {
    let role = role_mut(taxonomy, slug)?;
    if let Some(title) = changes.title {
        require_text("title", &title)?;
        role.title = title;
    }
    if let Some(aliases) = changes.aliases {
        role.aliases = aliases;
    }
    if let Some(description) = changes.description {
        role.description = Some(description).filter(|d| !d.trim().is_empty());
    }
    Ok(())
}

/// Deletes a role. A mistake that applies only to this role would start
/// applying to every role, so such mistakes block the deletion.
pub fn delete_role(taxonomy: &mut Taxonomy, slug: &str) -> Result<()> {
    role_mut(taxonomy, slug)?;
    let only_here: Vec<&str> = taxonomy
        .mistakes
        .iter()
        .filter(|m| m.roles.len() == 1 && m.roles[0] == slug)
        .map(|m| m.slug.as_str())
        .collect();
    if !only_here.is_empty() {
        return Err(CurationError::Conflict(format!(
            "mistakes {} apply only to role `{slug}`: delete or re-target them first",
            only_here.join(", ")
        )));
    }
    taxonomy.roles.retain(|r| r.slug != slug);
    for mistake in &mut taxonomy.mistakes {
        mistake.roles.retain(|r| r != slug);
    }
    Ok(())
}

pub fn set_role_skill(taxonomy: &mut Taxonomy, role: &str, skill: &str, importance: Importance) -> Result<()> {
    skill_mut(taxonomy, skill)?;
    let role = role_mut(taxonomy, role)?;
    match role.skills.iter_mut().find(|l| l.skill == skill) {
        Some(link) => link.importance = importance,
        None => role.skills.push(RoleSkill {
            skill: skill.to_owned(),
            importance,
        }),
    }
    Ok(())
}

pub fn remove_role_skill(taxonomy: &mut Taxonomy, role: &str, skill: &str) -> Result<()> {
    let role_entry = role_mut(taxonomy, role)?;
    let before = role_entry.skills.len();
    role_entry.skills.retain(|l| l.skill != skill);
    if role_entry.skills.len() == before {
        return Err(CurationError::NotFound(format!(
            "role `{role}` does not link skill `{skill}`"
        )));
    }
    Ok(())
}

/// The fields of a mistake an edit may change.
#[derive(Debug, Clone, Default)]
pub struct MistakeChanges {
    pub title: Option<String>,
    pub description: Option<String>,
    pub fix: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub roles: Option<Vec<String>>,
    pub detector: Option<Detector>,
}

pub fn create_mistake(taxonomy: &mut Taxonomy, mistake: Mistake) -> Result<()> {
    require_text("title", &mistake.title)?;
    if taxonomy.mistakes.iter().any(|m| m.slug == mistake.slug) {
        return Err(CurationError::Conflict(format!(
            "mistake `{}` already exists",
            mistake.slug
        )));
    }
    taxonomy.mistakes.push(mistake);
    Ok(())
}

pub fn update_mistake(taxonomy: &mut Taxonomy, slug: &str, changes: MistakeChanges) -> Result<()> {
    let mistake = mistake_mut(taxonomy, slug)?;
    let MistakeChanges {
        title,
        description,
        fix,
        before,
        after,
        roles,
        detector,
    } = changes;
    for (field, value) in [("title", &title), ("description", &description), ("fix", &fix)] {
        if let Some(value) = value {
            require_text(field, value)?;
        }
    }
    if let Some(v) = title {
        mistake.title = v;
    }
    if let Some(v) = description {
        mistake.description = v;
    }
    if let Some(v) = fix {
        mistake.fix = v;
    }
    if let Some(v) = before {
        mistake.before = v;
    }
    if let Some(v) = after {
        mistake.after = v;
    }
    if let Some(v) = roles {
        mistake.roles = v;
    }
    if let Some(v) = detector {
        mistake.detector = v;
    }
    Ok(())
}

pub fn delete_mistake(taxonomy: &mut Taxonomy, slug: &str) -> Result<()> {
    mistake_mut(taxonomy, slug)?;
    taxonomy.mistakes.retain(|m| m.slug != slug);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(slug: &str, name: &str, aliases: &[&str]) -> Skill {
        Skill {
            slug: slug.into(),
            name: name.into(),
            kind: SkillKind::Hard,
            category: None,
            description: None,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            ambiguous: vec![],
            related: vec![],
            source: None,
        }
    }

    fn sample() -> Taxonomy {
        Taxonomy {
            skills: vec![
                skill("kubernetes", "Kubernetes", &["k8s"]),
                skill("docker", "Docker", &[]),
            ],
            roles: vec![Role {
                slug: "devops".into(),
                title: "DevOps".into(),
                aliases: vec![],
                description: None,
                skills: vec![RoleSkill {
                    skill: "docker".into(),
                    importance: Importance::Required,
                }],
            }],
            ..Taxonomy::default()
        }
    }

    #[test]
    fn an_alias_already_naming_another_skill_is_a_conflict_that_names_it() {
        let mut taxonomy = sample();
        let err = add_alias(&mut taxonomy, "docker", "K8S").unwrap_err();
        assert!(
            matches!(&err, CurationError::Conflict(m) if m.contains("kubernetes")),
            "{err}"
        );
        add_alias(&mut taxonomy, "docker", "Docker Engine").unwrap();
        assert_eq!(taxonomy.skills[1].aliases, ["Docker Engine"]);
    }

    #[test]
    fn deleting_a_skill_a_role_uses_needs_force_and_then_unlinks_it() {
        let mut taxonomy = sample();
        let err = delete_skill(&mut taxonomy, "docker", false).unwrap_err();
        assert!(
            matches!(&err, CurationError::Conflict(m) if m.contains("devops")),
            "{err}"
        );
        delete_skill(&mut taxonomy, "docker", true).unwrap();
        assert!(taxonomy.roles[0].skills.is_empty());
        assert_eq!(taxonomy.skills.len(), 1);
    }

    #[test]
    fn new_slugs_come_from_names_or_are_checked_when_given() {
        assert_eq!(new_slug(None, "Node.js").unwrap(), "node-js");
        assert!(matches!(
            new_slug(Some("Bad Slug"), "x"),
            Err(CurationError::Invalid(_))
        ));
    }
}
