//! What of the catalog is searchable, in one place: the index documents, the
//! in-memory name table and the fingerprint are all derived from it.

use crate::taxonomy::{Catalog, MistakeIdx, RoleIdx, SkillIdx, SkillKind};

use super::Target;

/// The popularity of a role. Roles link skills rather than being linked, so
/// they get a fixed value: that of a skill two roles require, which puts job
/// titles above niche skills and below the core ones in suggestions.
const ROLE_POPULARITY: f64 = 6.0;

/// One searchable catalog entry.
#[derive(Debug)]
pub struct Entry<'a> {
    pub target: Target,
    pub slug: &'a str,
    /// The name, or a role's or mistake's title.
    pub name: &'a str,
    /// Aliases, or a role's alternative job titles.
    pub aliases: &'a [String],
    pub prose: Vec<&'a str>,
    pub facets: Vec<&'a str>,
    pub popularity: f64,
}

/// Every searchable entry: skills, then roles, then mistakes, each in catalog order.
pub fn entries(catalog: &Catalog) -> impl Iterator<Item = Entry<'_>> {
    let skills = catalog.skills.iter().enumerate().map(|(i, entry)| {
        let skill = &entry.skill;
        let mut facets = vec![match skill.kind {
            SkillKind::Hard => "hard skill",
            SkillKind::Soft => "soft skill",
            SkillKind::Certification => "certification",
        }];
        if let Some(category) = entry.category {
            facets.push(&catalog.category(category).category.name);
        }
        Entry {
            target: Target::Skill(SkillIdx(i as u32)),
            slug: &skill.slug,
            name: &skill.name,
            aliases: &skill.aliases,
            prose: skill.description.as_deref().into_iter().collect(),
            facets,
            popularity: entry.popularity,
        }
    });
    let roles = catalog.roles.iter().enumerate().map(|(i, entry)| Entry {
        target: Target::Role(RoleIdx(i as u32)),
        slug: &entry.role.slug,
        name: &entry.role.title,
        aliases: &entry.role.aliases,
        prose: entry.role.description.as_deref().into_iter().collect(),
        facets: vec!["role"],
        popularity: ROLE_POPULARITY,
    });
    let mistakes = catalog.mistakes.iter().enumerate().map(|(i, entry)| Entry {
        target: Target::Mistake(MistakeIdx(i as u32)),
        slug: &entry.mistake.slug,
        name: &entry.mistake.title,
        aliases: &[],
        prose: vec![&entry.mistake.description, &entry.mistake.fix],
        facets: vec!["resume mistake"],
        popularity: 0.0,
    });
    skills.chain(roles).chain(mistakes)
}

/// A digest of everything the index holds, so that an index built from other
/// data under the same taxonomy version (version 0 of a default knowledge base
/// that was edited, say) is recognised as stale. FNV-1a: stable across
/// builds and toolchains, unlike `std`'s hasher.
pub fn fingerprint(catalog: &Catalog) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for entry in entries(catalog) {
        feed(entry.target.kind().as_str().as_bytes());
        feed(entry.slug.as_bytes());
        feed(entry.name.as_bytes());
        entry.aliases.iter().for_each(|alias| feed(alias.as_bytes()));
        feed(b"\x01");
        entry
            .prose
            .iter()
            .chain(&entry.facets)
            .for_each(|text| feed(text.as_bytes()));
        feed(&entry.popularity.to_le_bytes());
    }
    hash
}
