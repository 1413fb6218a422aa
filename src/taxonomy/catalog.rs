//! The taxonomy indexed for reading: slugs to entries, aliases to skills,
//! roles to skills and back. Built once per snapshot, then only read.

// Term and slug tables are built on every start and read on every scan:
// SipHash's resistance to flooding buys nothing for curated keys.
use foldhash::HashMap;

use super::model::{Category, Importance, Mistake, Role, Skill, SkillKind, Taxonomy};
use super::normalize::normalize_term;
use crate::scan::rules::MistakeRule;

macro_rules! index_type {
    ($name:ident) => {
        /// Position of an entry in its catalog list; valid for one snapshot only.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}
index_type!(SkillIdx);
index_type!(RoleIdx);
index_type!(MistakeIdx);
index_type!(CategoryIdx);

#[derive(Debug)]
pub struct SkillEntry {
    pub skill: Skill,
    pub category: Option<CategoryIdx>,
    pub related: Vec<SkillIdx>,
    /// Roles that link this skill, most important first.
    pub roles: Vec<(RoleIdx, Importance)>,
    /// How much roles ask for the skill: the sum of their importance weights.
    pub popularity: f64,
}

#[derive(Debug)]
pub struct RoleEntry {
    pub role: Role,
    /// Linked skills, most important first.
    pub skills: Vec<(SkillIdx, Importance)>,
    pub mistakes: Vec<MistakeIdx>,
}

#[derive(Debug)]
pub struct MistakeEntry {
    pub mistake: Mistake,
    pub rule: MistakeRule,
    /// Empty means the mistake applies to every role.
    pub roles: Vec<RoleIdx>,
}

#[derive(Debug)]
pub struct CategoryEntry {
    pub category: Category,
    pub skills: Vec<SkillIdx>,
}

/// One way of writing a skill: its name or an alias.
#[derive(Debug, Clone)]
pub struct Term {
    pub skill: SkillIdx,
    /// The term as curated, e.g. `Golang`.
    pub written: String,
    /// Also ordinary English: counts in a text only with evidence.
    pub ambiguous: bool,
}

/// A read-only, indexed knowledge base of one taxonomy version.
#[derive(Debug)]
pub struct Catalog {
    pub version: i64,
    pub categories: Vec<CategoryEntry>,
    pub skills: Vec<SkillEntry>,
    pub roles: Vec<RoleEntry>,
    pub mistakes: Vec<MistakeEntry>,
    skill_slugs: HashMap<String, SkillIdx>,
    role_slugs: HashMap<String, RoleIdx>,
    mistake_slugs: HashMap<String, MistakeIdx>,
    category_slugs: HashMap<String, CategoryIdx>,
    /// Normalized name or alias -> the skills written that way.
    terms: HashMap<String, Vec<Term>>,
    /// Normalized job title -> role.
    job_titles: HashMap<String, RoleIdx>,
}

#[derive(Debug, thiserror::Error)]
#[error("taxonomy is inconsistent: {0}")]
pub struct CatalogError(String);

fn lookup<I: Copy>(map: &HashMap<String, I>, what: &str, slug: &str) -> Result<I, CatalogError> {
    map.get(slug)
        .copied()
        .ok_or_else(|| CatalogError(format!("{what} `{slug}` does not exist")))
}

impl Catalog {
    /// Indexes a validated taxonomy. Lists keep the taxonomy's order (by slug).
    pub fn build(mut taxonomy: Taxonomy, version: i64) -> Result<Self, CatalogError> {
        taxonomy.canonicalize();
        let category_slugs: HashMap<_, _> = taxonomy
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| (c.slug.clone(), CategoryIdx(i as u32)))
            .collect();
        let skill_slugs: HashMap<_, _> = taxonomy
            .skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.slug.clone(), SkillIdx(i as u32)))
            .collect();
        let role_slugs: HashMap<_, _> = taxonomy
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.clone(), RoleIdx(i as u32)))
            .collect();
        let mistake_slugs: HashMap<_, _> = taxonomy
            .mistakes
            .iter()
            .enumerate()
            .map(|(i, m)| (m.slug.clone(), MistakeIdx(i as u32)))
            .collect();

        let mut categories: Vec<CategoryEntry> = taxonomy
            .categories
            .into_iter()
            .map(|category| CategoryEntry {
                category,
                skills: Vec::new(),
            })
            .collect();
        let mut skills = Vec::with_capacity(taxonomy.skills.len());
        let mut terms: HashMap<String, Vec<Term>> = HashMap::default();
        for (i, skill) in taxonomy.skills.into_iter().enumerate() {
            let idx = SkillIdx(i as u32);
            let category = match &skill.category {
                Some(slug) => Some(lookup(&category_slugs, "category", slug)?),
                None => None,
            };
            if let Some(c) = category {
                categories[c.index()].skills.push(idx);
            }
            let related = skill
                .related
                .iter()
                .map(|slug| lookup(&skill_slugs, "skill", slug))
                .collect::<Result<_, _>>()?;
            let ambiguous: Vec<String> = skill.ambiguous.iter().map(|t| normalize_term(t)).collect();
            for written in std::iter::once(&skill.name).chain(&skill.aliases) {
                let normalized = normalize_term(written);
                let owners = terms.entry(normalized.clone()).or_default();
                if !owners.iter().any(|t| t.skill == idx) {
                    owners.push(Term {
                        skill: idx,
                        written: written.clone(),
                        ambiguous: ambiguous.contains(&normalized),
                    });
                }
            }
            skills.push(SkillEntry {
                skill,
                category,
                related,
                roles: Vec::new(),
                popularity: 0.0,
            });
        }

        let mut roles = Vec::with_capacity(taxonomy.roles.len());
        let mut job_titles = HashMap::default();
        for (i, role) in taxonomy.roles.into_iter().enumerate() {
            let idx = RoleIdx(i as u32);
            let mut linked = Vec::with_capacity(role.skills.len());
            for link in &role.skills {
                let skill = lookup(&skill_slugs, "skill", &link.skill)?;
                linked.push((skill, link.importance));
                let entry = &mut skills[skill.index()];
                entry.roles.push((idx, link.importance));
                entry.popularity += link.importance.weight();
            }
            for title in std::iter::once(&role.title).chain(&role.aliases) {
                job_titles.insert(normalize_term(title), idx);
            }
            roles.push(RoleEntry {
                role,
                skills: linked,
                mistakes: Vec::new(),
            });
        }
        for entry in &mut skills {
            entry.roles.sort_by_key(|&(role, importance)| (importance, role));
        }

        let mut mistakes = Vec::with_capacity(taxonomy.mistakes.len());
        for (i, mistake) in taxonomy.mistakes.into_iter().enumerate() {
            let idx = MistakeIdx(i as u32);
            let rule = MistakeRule::parse(&mistake.detector)
                .map_err(|e| CatalogError(format!("mistake `{}`: {e}", mistake.slug)))?;
            let applies_to = mistake
                .roles
                .iter()
                .map(|slug| lookup(&role_slugs, "role", slug))
                .collect::<Result<Vec<_>, _>>()?;
            if applies_to.is_empty() {
                roles.iter_mut().for_each(|role| role.mistakes.push(idx));
            }
            for role in &applies_to {
                roles[role.index()].mistakes.push(idx);
            }
            mistakes.push(MistakeEntry {
                mistake,
                rule,
                roles: applies_to,
            });
        }

        Ok(Self {
            version,
            categories,
            skills,
            roles,
            mistakes,
            skill_slugs,
            role_slugs,
            mistake_slugs,
            category_slugs,
            terms,
            job_titles,
        })
    }

    pub fn skill(&self, idx: SkillIdx) -> &SkillEntry {
        &self.skills[idx.index()]
    }

    pub fn role(&self, idx: RoleIdx) -> &RoleEntry {
        &self.roles[idx.index()]
    }

    pub fn mistake(&self, idx: MistakeIdx) -> &MistakeEntry {
        &self.mistakes[idx.index()]
    }

    pub fn category(&self, idx: CategoryIdx) -> &CategoryEntry {
        &self.categories[idx.index()]
    }

    pub fn skill_by_slug(&self, slug: &str) -> Option<SkillIdx> {
        self.skill_slugs.get(slug).copied()
    }

    pub fn role_by_slug(&self, slug: &str) -> Option<RoleIdx> {
        self.role_slugs.get(slug).copied()
    }

    pub fn mistake_by_slug(&self, slug: &str) -> Option<MistakeIdx> {
        self.mistake_slugs.get(slug).copied()
    }

    pub fn category_by_slug(&self, slug: &str) -> Option<CategoryIdx> {
        self.category_slugs.get(slug).copied()
    }

    /// Every way of writing every skill: normalized term and its owners.
    pub fn terms(&self) -> impl Iterator<Item = (&str, &[Term])> {
        self.terms.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// The skills written exactly as `term` (after normalization).
    pub fn skills_named(&self, term: &str) -> &[Term] {
        self.terms.get(&normalize_term(term)).map_or(&[], Vec::as_slice)
    }

    /// Resolves a term to the most likely skill for a technical reader: the
    /// only owner, or among ambiguous owners the hard skill that roles use most.
    pub fn resolve(&self, term: &str) -> Option<&Term> {
        self.skills_named(term).iter().max_by(|a, b| {
            let rank = |t: &Term| {
                let entry = self.skill(t.skill);
                (entry.skill.kind == SkillKind::Hard, entry.popularity)
            };
            let (hard_a, pop_a) = rank(a);
            let (hard_b, pop_b) = rank(b);
            hard_a
                .cmp(&hard_b)
                .then(pop_a.total_cmp(&pop_b))
                .then(b.skill.cmp(&a.skill))
        })
    }

    /// The role whose title or alternative job title is exactly `title`.
    pub fn role_by_job_title(&self, title: &str) -> Option<RoleIdx> {
        self.job_titles.get(&normalize_term(title)).copied()
    }

    /// Every job title with its role, for matching titles inside a text.
    pub fn job_titles(&self) -> impl Iterator<Item = (&str, RoleIdx)> {
        self.job_titles.iter().map(|(k, v)| (k.as_str(), *v))
    }
}
