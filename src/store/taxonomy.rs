//! Reading the taxonomy out of the database and writing a new one into it
//! as the smallest set of row changes, in one transaction.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};

use super::StoreError;
use super::accounts::{AuditEntry, record_audit};
use super::entity::{
    category, mistake, mistake_role, role, role_alias, role_skill, skill, skill_alias, skill_relation, taxonomy_state,
};
use crate::taxonomy::model::{Category, Detector, Importance, Mistake, Role, RoleSkill, Skill, SkillKind, Taxonomy};
use crate::taxonomy::normalize_term;
use crate::taxonomy::validate::Entity;

/// Rows per multi-row INSERT: well under SQLite's bound-parameter limit.
const INSERT_CHUNK: usize = 200;

/// The current taxonomy version; every committed change increments it.
pub async fn taxonomy_version(db: &impl ConnectionTrait) -> Result<i64, StoreError> {
    let state = taxonomy_state::Entity::find_by_id(1).one(db).await?;
    Ok(state.map_or(0, |s| s.version))
}

/// Loads the whole taxonomy with its version, in canonical order.
pub async fn load_taxonomy(db: &impl ConnectionTrait) -> Result<(Taxonomy, i64), StoreError> {
    let version = taxonomy_version(db).await?;
    let categories = category::Entity::find().all(db).await?;
    let category_slugs: HashMap<i32, String> = categories.iter().map(|c| (c.id, c.slug.clone())).collect();
    let skills = skill::Entity::find().all(db).await?;
    let skill_slugs: HashMap<i32, String> = skills.iter().map(|s| (s.id, s.slug.clone())).collect();

    let mut aliases: HashMap<i32, Vec<skill_alias::Model>> = HashMap::new();
    for alias in skill_alias::Entity::find()
        .order_by_asc(skill_alias::Column::Id)
        .all(db)
        .await?
    {
        aliases.entry(alias.skill_id).or_default().push(alias);
    }
    let mut related: HashMap<i32, Vec<String>> = HashMap::new();
    for relation in skill_relation::Entity::find().all(db).await? {
        if let Some(slug) = skill_slugs.get(&relation.related_id) {
            related.entry(relation.skill_id).or_default().push(slug.clone());
        }
    }

    let skills = skills
        .into_iter()
        .map(|row| {
            let aliases = aliases.remove(&row.id).unwrap_or_default();
            let mut ambiguous: Vec<String> = row.name_ambiguous.then(|| row.name.clone()).into_iter().collect();
            ambiguous.extend(aliases.iter().filter(|a| a.ambiguous).map(|a| a.alias.clone()));
            Ok(Skill {
                kind: SkillKind::parse(&row.kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("skill `{}` has kind `{}`", row.slug, row.kind)))?,
                category: row.category_id.and_then(|id| category_slugs.get(&id).cloned()),
                description: row.description,
                aliases: aliases.into_iter().map(|a| a.alias).collect(),
                ambiguous,
                related: related.remove(&row.id).unwrap_or_default(),
                source: row.source,
                slug: row.slug,
                name: row.name,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;

    let roles = role::Entity::find().all(db).await?;
    let role_slugs: HashMap<i32, String> = roles.iter().map(|r| (r.id, r.slug.clone())).collect();
    let mut titles: HashMap<i32, Vec<String>> = HashMap::new();
    for alias in role_alias::Entity::find()
        .order_by_asc(role_alias::Column::Id)
        .all(db)
        .await?
    {
        titles.entry(alias.role_id).or_default().push(alias.title);
    }
    let mut links: HashMap<i32, Vec<RoleSkill>> = HashMap::new();
    for link in role_skill::Entity::find().all(db).await? {
        let importance = Importance::parse(&link.importance)
            .ok_or_else(|| StoreError::Corrupt(format!("role skill importance `{}`", link.importance)))?;
        if let Some(skill) = skill_slugs.get(&link.skill_id) {
            links.entry(link.role_id).or_default().push(RoleSkill {
                skill: skill.clone(),
                importance,
            });
        }
    }
    let roles = roles
        .into_iter()
        .map(|row| Role {
            aliases: titles.remove(&row.id).unwrap_or_default(),
            skills: links.remove(&row.id).unwrap_or_default(),
            slug: row.slug,
            title: row.title,
            description: row.description,
        })
        .collect();

    let mut mistake_roles: HashMap<i32, Vec<String>> = HashMap::new();
    for link in mistake_role::Entity::find().all(db).await? {
        if let Some(slug) = role_slugs.get(&link.role_id) {
            mistake_roles.entry(link.mistake_id).or_default().push(slug.clone());
        }
    }
    let mistakes = mistake::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let parameters = serde_json::from_str(&row.detector_parameters)
                .map_err(|e| StoreError::Corrupt(format!("mistake `{}` parameters: {e}", row.slug)))?;
            Ok(Mistake {
                roles: mistake_roles.remove(&row.id).unwrap_or_default(),
                detector: Detector {
                    kind: row.detector_kind,
                    parameters,
                },
                slug: row.slug,
                title: row.title,
                description: row.description,
                fix: row.fix,
                before: row.example_before,
                after: row.example_after,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;

    let mut taxonomy = Taxonomy {
        categories: categories
            .into_iter()
            .map(|c| Category {
                slug: c.slug,
                name: c.name,
            })
            .collect(),
        skills,
        roles,
        mistakes,
    };
    taxonomy.canonicalize();
    Ok((taxonomy, version))
}

/// The outcome of writing a taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub version: i64,
    pub changed: bool,
}

/// Makes the stored taxonomy equal to `target` (which the caller has
/// validated), touching only the entries that differ, and bumps the version
/// when anything changed. Runs in one transaction: all or nothing.
pub async fn save_taxonomy(db: &DatabaseConnection, target: &Taxonomy) -> Result<Saved, StoreError> {
    TaxonomyEdit::begin(db).await?.commit(target, None).await
}

/// A change to the taxonomy in progress: one transaction that holds the
/// writer lock (the version row) from `begin` until `commit`, so that edits
/// from any number of servers apply one after another to current data.
pub struct TaxonomyEdit {
    txn: DatabaseTransaction,
    /// The taxonomy as stored when the edit began.
    pub current: Taxonomy,
    /// The version this edit will commit as.
    version: i64,
}

impl TaxonomyEdit {
    pub async fn begin(db: &DatabaseConnection) -> Result<Self, StoreError> {
        let txn = db.begin().await?;
        let version = bump_taxonomy_version(&txn).await?;
        let (current, _) = load_taxonomy(&txn).await?;
        Ok(Self { txn, current, version })
    }

    /// The row version of a skill, role or mistake, for optimistic concurrency.
    pub async fn row_version(&self, entity: Entity, slug: &str) -> Result<Option<i32>, StoreError> {
        row_version(&self.txn, entity, slug).await
    }

    /// Writes the difference to `target`, and the audit entry if anything
    /// changed, then commits; with no difference it rolls back.
    pub async fn commit(self, target: &Taxonomy, audit: Option<AuditEntry<'_>>) -> Result<Saved, StoreError> {
        let mut target = target.clone();
        target.canonicalize();
        if self.current == target {
            self.txn.rollback().await?;
            return Ok(Saved {
                version: self.version - 1,
                changed: false,
            });
        }
        write_changes(&self.txn, &self.current, &target).await?;
        if let Some(entry) = audit {
            record_audit(&self.txn, entry).await?;
        }
        self.txn.commit().await?;
        Ok(Saved {
            version: self.version,
            changed: true,
        })
    }
}

/// The row version of one entry (1 when created, +1 on every change).
pub async fn row_version(db: &impl ConnectionTrait, entity: Entity, slug: &str) -> Result<Option<i32>, StoreError> {
    Ok(match entity {
        Entity::Skill => skill::Entity::find()
            .filter(skill::Column::Slug.eq(slug))
            .one(db)
            .await?
            .map(|r| r.version),
        Entity::Role => role::Entity::find()
            .filter(role::Column::Slug.eq(slug))
            .one(db)
            .await?
            .map(|r| r.version),
        Entity::Mistake => mistake::Entity::find()
            .filter(mistake::Column::Slug.eq(slug))
            .one(db)
            .await?
            .map(|r| r.version),
        Entity::Category => None,
    })
}

/// Row versions of every skill, role and mistake, by entity and slug.
pub async fn load_row_versions(db: &impl ConnectionTrait) -> Result<HashMap<(Entity, String), i32>, StoreError> {
    let mut versions = HashMap::new();
    for row in skill::Entity::find().all(db).await? {
        versions.insert((Entity::Skill, row.slug), row.version);
    }
    for row in role::Entity::find().all(db).await? {
        versions.insert((Entity::Role, row.slug), row.version);
    }
    for row in mistake::Entity::find().all(db).await? {
        versions.insert((Entity::Mistake, row.slug), row.version);
    }
    Ok(versions)
}

/// Writes the row changes that turn `current` into `target` (both canonical).
async fn write_changes(txn: &DatabaseTransaction, current: &Taxonomy, target: &Taxonomy) -> Result<(), StoreError> {
    let now = chrono::Utc::now().fixed_offset();

    // Categories first: skills point at them.
    let old_categories = by_slug(&current.categories, |c| &c.slug);
    for category in &target.categories {
        match old_categories.get(category.slug.as_str()) {
            None => {
                category::ActiveModel {
                    id: NotSet,
                    slug: Set(category.slug.clone()),
                    name: Set(category.name.clone()),
                }
                .insert(txn)
                .await?;
            }
            Some(old) if *old != category => {
                category::Entity::update_many()
                    .col_expr(category::Column::Name, Expr::value(category.name.clone()))
                    .filter(category::Column::Slug.eq(&category.slug))
                    .exec(txn)
                    .await?;
            }
            Some(_) => {}
        }
    }
    let category_ids: HashMap<String, i32> = category::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|c| (c.slug, c.id))
        .collect();

    // Skills: rows of new and changed skills, then their aliases and relations.
    let old_skills = by_slug(&current.skills, |s| &s.slug);
    let removed = removed_slugs(&current.skills, &target.skills, |s| &s.slug);
    let mut skill_ids: HashMap<String, i32> = skill::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|s| (s.slug, s.id))
        .collect();
    let removed_ids: Vec<i32> = removed
        .iter()
        .filter_map(|slug| skill_ids.get(*slug).copied())
        .collect();
    delete_skill_dependents(txn, &removed_ids).await?;
    delete_in(txn, skill::Entity::delete_many(), skill::Column::Id, &removed_ids).await?;

    let mut rewritten = Vec::new();
    let mut new_rows = Vec::new();
    for skill in &target.skills {
        let row = |id: Option<i32>, version| skill::ActiveModel {
            id: id.map_or(NotSet, Set),
            slug: Set(skill.slug.clone()),
            name: Set(skill.name.clone()),
            name_ambiguous: Set(skill.ambiguous.contains(&skill.name)),
            kind: Set(skill.kind.as_str().to_owned()),
            category_id: Set(skill.category.as_ref().and_then(|slug| category_ids.get(slug).copied())),
            description: Set(skill.description.clone()),
            source: Set(skill.source.clone()),
            version,
            created_at: if id.is_none() { Set(now) } else { NotSet },
            updated_at: Set(now),
        };
        match old_skills.get(skill.slug.as_str()) {
            None => {
                new_rows.push(row(None, Set(1)));
                rewritten.push(skill);
            }
            Some(old) if *old != skill => {
                let id = skill_ids[&skill.slug];
                skill::Entity::update(row(Some(id), NotSet)).exec(txn).await?;
                bump_row_version(
                    txn,
                    skill::Entity::update_many(),
                    skill::Column::Version,
                    skill::Column::Id,
                    id,
                )
                .await?;
                rewritten.push(skill);
            }
            Some(_) => {}
        }
    }
    insert_all(txn, new_rows).await?;
    if rewritten.iter().any(|s| !skill_ids.contains_key(&s.slug)) {
        skill_ids = skill::Entity::find()
            .all(txn)
            .await?
            .into_iter()
            .map(|s| (s.slug, s.id))
            .collect();
    }
    let rewritten_ids: Vec<i32> = rewritten.iter().map(|s| skill_ids[&s.slug]).collect();
    delete_in(
        txn,
        skill_alias::Entity::delete_many(),
        skill_alias::Column::SkillId,
        &rewritten_ids,
    )
    .await?;
    delete_in(
        txn,
        skill_relation::Entity::delete_many(),
        skill_relation::Column::SkillId,
        &rewritten_ids,
    )
    .await?;
    let mut alias_rows = Vec::new();
    let mut relation_rows = Vec::new();
    for skill in &rewritten {
        let id = skill_ids[&skill.slug];
        // `target` is canonical: no alias repeats the name or another alias.
        for alias in &skill.aliases {
            alias_rows.push(skill_alias::ActiveModel {
                id: NotSet,
                skill_id: Set(id),
                alias: Set(alias.clone()),
                normalized: Set(normalize_term(alias)),
                ambiguous: Set(skill.ambiguous.contains(alias)),
            });
        }
        for related in &skill.related {
            relation_rows.push(skill_relation::ActiveModel {
                skill_id: Set(id),
                related_id: Set(skill_ids[related]),
            });
        }
    }
    insert_all(txn, alias_rows).await?;
    insert_all(txn, relation_rows).await?;

    // Roles: rows, then job titles and linked skills.
    let old_roles = by_slug(&current.roles, |r| &r.slug);
    let mut role_ids: HashMap<String, i32> = role::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|r| (r.slug, r.id))
        .collect();
    let removed_roles: Vec<i32> = removed_slugs(&current.roles, &target.roles, |r| &r.slug)
        .iter()
        .filter_map(|slug| role_ids.get(*slug).copied())
        .collect();
    delete_role_dependents(txn, &removed_roles).await?;
    delete_in(txn, role::Entity::delete_many(), role::Column::Id, &removed_roles).await?;
    let mut rewritten_roles = Vec::new();
    for role in &target.roles {
        let changed = old_roles.get(role.slug.as_str()).is_none_or(|old| *old != role);
        if !changed {
            continue;
        }
        let mut row = role::ActiveModel {
            id: NotSet,
            slug: Set(role.slug.clone()),
            title: Set(role.title.clone()),
            description: Set(role.description.clone()),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        if let Some(&id) = role_ids.get(&role.slug) {
            row.id = Set(id);
            row.version = NotSet;
            row.created_at = NotSet;
            role::Entity::update(row).exec(txn).await?;
            bump_row_version(
                txn,
                role::Entity::update_many(),
                role::Column::Version,
                role::Column::Id,
                id,
            )
            .await?;
        } else {
            let inserted = row.insert(txn).await?;
            role_ids.insert(role.slug.clone(), inserted.id);
        }
        rewritten_roles.push(role);
    }
    let rewritten_role_ids: Vec<i32> = rewritten_roles.iter().map(|r| role_ids[&r.slug]).collect();
    delete_role_dependents(txn, &rewritten_role_ids).await?;
    let mut title_rows = Vec::new();
    let mut link_rows = Vec::new();
    for role in &rewritten_roles {
        let id = role_ids[&role.slug];
        for title in &role.aliases {
            title_rows.push(role_alias::ActiveModel {
                id: NotSet,
                role_id: Set(id),
                title: Set(title.clone()),
                normalized: Set(normalize_term(title)),
            });
        }
        for link in &role.skills {
            link_rows.push(role_skill::ActiveModel {
                role_id: Set(id),
                skill_id: Set(skill_ids[&link.skill]),
                importance: Set(link.importance.as_str().to_owned()),
            });
        }
    }
    insert_all(txn, title_rows).await?;
    insert_all(txn, link_rows).await?;
    // Mistake links of rewritten roles were deleted with them; restore those of unchanged mistakes.
    let relinked: Vec<&Mistake> = target
        .mistakes
        .iter()
        .filter(|m| {
            m.roles
                .iter()
                .any(|r| rewritten_roles.iter().any(|role| &role.slug == r))
        })
        .collect();

    // Mistakes: rows, then the roles they apply to.
    let old_mistakes = by_slug(&current.mistakes, |m| &m.slug);
    let mistake_ids: HashMap<String, i32> = mistake::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|m| (m.slug, m.id))
        .collect();
    let removed_mistakes: Vec<i32> = removed_slugs(&current.mistakes, &target.mistakes, |m| &m.slug)
        .iter()
        .filter_map(|slug| mistake_ids.get(*slug).copied())
        .collect();
    delete_in(
        txn,
        mistake_role::Entity::delete_many(),
        mistake_role::Column::MistakeId,
        &removed_mistakes,
    )
    .await?;
    delete_in(
        txn,
        mistake::Entity::delete_many(),
        mistake::Column::Id,
        &removed_mistakes,
    )
    .await?;
    let mut mistake_ids = mistake_ids;
    let mut relink = Vec::new();
    for mistake in &target.mistakes {
        let changed = old_mistakes
            .get(mistake.slug.as_str())
            .is_none_or(|old| *old != mistake);
        if !changed {
            if relinked.iter().any(|m| m.slug == mistake.slug) {
                relink.push(mistake);
            }
            continue;
        }
        let parameters = serde_json::to_string(&mistake.detector.parameters)
            .map_err(|e| StoreError::Corrupt(format!("mistake `{}` parameters: {e}", mistake.slug)))?;
        let mut row = mistake::ActiveModel {
            id: NotSet,
            slug: Set(mistake.slug.clone()),
            title: Set(mistake.title.clone()),
            description: Set(mistake.description.clone()),
            fix: Set(mistake.fix.clone()),
            example_before: Set(mistake.before.clone()),
            example_after: Set(mistake.after.clone()),
            detector_kind: Set(mistake.detector.kind.clone()),
            detector_parameters: Set(parameters),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        };
        if let Some(&id) = mistake_ids.get(&mistake.slug) {
            row.id = Set(id);
            row.version = NotSet;
            row.created_at = NotSet;
            mistake::Entity::update(row).exec(txn).await?;
            bump_row_version(
                txn,
                mistake::Entity::update_many(),
                mistake::Column::Version,
                mistake::Column::Id,
                id,
            )
            .await?;
        } else {
            let inserted = row.insert(txn).await?;
            mistake_ids.insert(mistake.slug.clone(), inserted.id);
        }
        relink.push(mistake);
    }
    let relink_ids: Vec<i32> = relink.iter().map(|m| mistake_ids[&m.slug]).collect();
    delete_in(
        txn,
        mistake_role::Entity::delete_many(),
        mistake_role::Column::MistakeId,
        &relink_ids,
    )
    .await?;
    let mut mistake_role_rows = Vec::new();
    for mistake in &relink {
        for role in &mistake.roles {
            mistake_role_rows.push(mistake_role::ActiveModel {
                mistake_id: Set(mistake_ids[&mistake.slug]),
                role_id: Set(role_ids[role]),
            });
        }
    }
    insert_all(txn, mistake_role_rows).await?;

    // Categories no longer in the target go last, once no skill points at them.
    let removed_categories: Vec<i32> = removed_slugs(&current.categories, &target.categories, |c| &c.slug)
        .iter()
        .filter_map(|slug| category_ids.get(*slug).copied())
        .collect();
    delete_in(
        txn,
        category::Entity::delete_many(),
        category::Column::Id,
        &removed_categories,
    )
    .await?;

    Ok(())
}

/// Increments the taxonomy version inside the caller's transaction; the
/// row lock this takes serializes writers until the transaction ends.
async fn bump_taxonomy_version(txn: &impl ConnectionTrait) -> Result<i64, StoreError> {
    taxonomy_state::Entity::update_many()
        .col_expr(
            taxonomy_state::Column::Version,
            Expr::col(taxonomy_state::Column::Version).add(1),
        )
        .col_expr(
            taxonomy_state::Column::UpdatedAt,
            Expr::value(chrono::Utc::now().fixed_offset()),
        )
        .filter(taxonomy_state::Column::Id.eq(1))
        .exec(txn)
        .await?;
    taxonomy_version(txn).await
}

fn by_slug<T>(items: &[T], slug: impl Fn(&T) -> &String) -> HashMap<&str, &T> {
    items.iter().map(|item| (slug(item).as_str(), item)).collect()
}

fn removed_slugs<'a, T>(current: &'a [T], target: &[T], slug: impl Fn(&T) -> &String) -> Vec<&'a str> {
    let kept: std::collections::HashSet<&str> = target.iter().map(|t| slug(t).as_str()).collect();
    current
        .iter()
        .map(|c| slug(c).as_str())
        .filter(|s| !kept.contains(s))
        .collect()
}

async fn delete_skill_dependents(txn: &impl ConnectionTrait, ids: &[i32]) -> Result<(), StoreError> {
    delete_in(
        txn,
        skill_alias::Entity::delete_many(),
        skill_alias::Column::SkillId,
        ids,
    )
    .await?;
    delete_in(
        txn,
        skill_relation::Entity::delete_many(),
        skill_relation::Column::SkillId,
        ids,
    )
    .await?;
    delete_in(
        txn,
        skill_relation::Entity::delete_many(),
        skill_relation::Column::RelatedId,
        ids,
    )
    .await?;
    delete_in(txn, role_skill::Entity::delete_many(), role_skill::Column::SkillId, ids).await
}

async fn delete_role_dependents(txn: &impl ConnectionTrait, ids: &[i32]) -> Result<(), StoreError> {
    delete_in(txn, role_alias::Entity::delete_many(), role_alias::Column::RoleId, ids).await?;
    delete_in(txn, role_skill::Entity::delete_many(), role_skill::Column::RoleId, ids).await?;
    delete_in(
        txn,
        mistake_role::Entity::delete_many(),
        mistake_role::Column::RoleId,
        ids,
    )
    .await
}

/// `DELETE ... WHERE column IN (ids)`, chunked to stay under parameter limits.
async fn delete_in<E: EntityTrait>(
    txn: &impl ConnectionTrait,
    delete: sea_orm::DeleteMany<E>,
    column: impl ColumnTrait,
    ids: &[i32],
) -> Result<(), StoreError> {
    for chunk in ids.chunks(500) {
        delete
            .clone()
            .filter(column.is_in(chunk.iter().copied()))
            .exec(txn)
            .await?;
    }
    Ok(())
}

async fn bump_row_version<E: EntityTrait>(
    txn: &impl ConnectionTrait,
    update: sea_orm::UpdateMany<E>,
    version: impl ColumnTrait,
    id_column: impl ColumnTrait,
    id: i32,
) -> Result<(), StoreError> {
    update
        .col_expr(version, Expr::col(version).add(1))
        .filter(id_column.eq(id))
        .exec(txn)
        .await?;
    Ok(())
}

async fn insert_all<A>(txn: &impl ConnectionTrait, rows: Vec<A>) -> Result<(), StoreError>
where
    A: ActiveModelTrait + Send,
{
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(INSERT_CHUNK).collect();
        A::Entity::insert_many(chunk).exec_without_returning(txn).await?;
    }
    Ok(())
}
