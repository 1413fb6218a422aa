//! Rules every taxonomy must satisfy before it is stored or served.

use std::fmt;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::model::Taxonomy;
use super::normalize::normalize_term;
use crate::scan::rules::MistakeRule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Category,
    Skill,
    Role,
    Mistake,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Category => "category",
            Self::Skill => "skill",
            Self::Role => "role",
            Self::Mistake => "mistake",
        }
    }
}

/// One broken rule, naming the entry it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub entity: Entity,
    pub slug: String,
    pub message: String,
    /// Whether the entry clashes with another one (rather than being malformed).
    pub conflict: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`: {}", self.entity.as_str(), self.slug, self.message)
    }
}

/// Whether `slug` is lowercase ASCII words joined by single hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && slug
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Turns a display name into a slug, spelling out technology symbols:
/// `"Node.js"` -> `"node-js"`, `"C++"` -> `"cpp"`, `"C#"` -> `"csharp"`.
pub fn slugify(name: &str) -> String {
    let spelled = name
        .to_lowercase()
        .replace("asp.net", "aspnet")
        .replace("c++", "cpp")
        .replace("c#", "csharp")
        .replace("f#", "fsharp")
        .replace(".net", "dotnet")
        .replace('+', " plus ");
    spelled
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Checks every rule and returns all problems found (empty when valid).
pub fn validate(taxonomy: &Taxonomy) -> Vec<Problem> {
    let mut problems = Problems::default();

    let categories = unique_slugs(
        Entity::Category,
        taxonomy.categories.iter().map(|c| c.slug.as_str()),
        &mut problems,
    );
    let skills = unique_slugs(
        Entity::Skill,
        taxonomy.skills.iter().map(|s| s.slug.as_str()),
        &mut problems,
    );
    let roles = unique_slugs(
        Entity::Role,
        taxonomy.roles.iter().map(|r| r.slug.as_str()),
        &mut problems,
    );
    unique_slugs(
        Entity::Mistake,
        taxonomy.mistakes.iter().map(|m| m.slug.as_str()),
        &mut problems,
    );

    for category in &taxonomy.categories {
        if category.name.trim().is_empty() {
            problems.invalid(Entity::Category, &category.slug, "name is empty".into());
        }
    }

    // normalized term -> (skill slug, marked ambiguous by that skill)
    let mut terms: HashMap<String, Vec<(&str, bool)>> = HashMap::new();
    for skill in &taxonomy.skills {
        let slug = skill.slug.as_str();
        if skill.name.trim().is_empty() {
            problems.invalid(Entity::Skill, slug, "name is empty".into());
        }
        if let Some(category) = &skill.category
            && !categories.contains(category.as_str())
        {
            problems.invalid(Entity::Skill, slug, format!("category `{category}` does not exist"));
        }
        for marked in &skill.ambiguous {
            if *marked != skill.name && !skill.aliases.contains(marked) {
                problems.invalid(
                    Entity::Skill,
                    slug,
                    format!("ambiguous term `{marked}` is neither the name nor an alias"),
                );
            }
        }
        for related in &skill.related {
            if related == slug {
                problems.invalid(Entity::Skill, slug, "is related to itself".into());
            } else if !skills.contains(related.as_str()) {
                problems.invalid(Entity::Skill, slug, format!("related skill `{related}` does not exist"));
            }
        }
        let ambiguous: HashSet<String> = skill.ambiguous.iter().map(|t| normalize_term(t)).collect();
        let mut seen = HashSet::new();
        for term in std::iter::once(&skill.name).chain(&skill.aliases) {
            let normalized = normalize_term(term);
            if normalized.is_empty() {
                problems.invalid(Entity::Skill, slug, "has an empty alias".into());
            } else if seen.insert(normalized.clone()) {
                let marked = ambiguous.contains(&normalized);
                terms.entry(normalized).or_default().push((slug, marked));
            }
        }
    }
    let mut conflicts: Vec<_> = terms
        .iter()
        .filter(|(_, owners)| owners.len() > 1 && !owners.iter().all(|(_, marked)| *marked))
        .collect();
    conflicts.sort();
    for (term, owners) in conflicts {
        let names: Vec<_> = owners.iter().map(|(slug, _)| format!("`{slug}`")).collect();
        problems.conflict(
            Entity::Skill,
            owners[0].0,
            format!(
                "alias `{term}` is used by {} and not marked ambiguous by all of them",
                names.join(", ")
            ),
        );
    }

    let mut titles: HashMap<String, &str> = HashMap::new();
    for role in &taxonomy.roles {
        let slug = role.slug.as_str();
        if role.title.trim().is_empty() {
            problems.invalid(Entity::Role, slug, "title is empty".into());
        }
        for title in std::iter::once(&role.title).chain(&role.aliases) {
            if let Some(other) = titles.insert(normalize_term(title), slug)
                && other != slug
            {
                problems.conflict(
                    Entity::Role,
                    slug,
                    format!("job title `{title}` is also a title of role `{other}`"),
                );
            }
        }
        let mut linked = HashSet::new();
        for link in &role.skills {
            if !skills.contains(link.skill.as_str()) {
                problems.invalid(Entity::Role, slug, format!("skill `{}` does not exist", link.skill));
            } else if !linked.insert(link.skill.as_str()) {
                problems.invalid(Entity::Role, slug, format!("skill `{}` is linked twice", link.skill));
            }
        }
    }

    for mistake in &taxonomy.mistakes {
        let slug = mistake.slug.as_str();
        for (field, value) in [
            ("title", &mistake.title),
            ("description", &mistake.description),
            ("fix", &mistake.fix),
        ] {
            if value.trim().is_empty() {
                problems.invalid(Entity::Mistake, slug, format!("{field} is empty"));
            }
        }
        for role in &mistake.roles {
            if !roles.contains(role.as_str()) {
                problems.invalid(Entity::Mistake, slug, format!("role `{role}` does not exist"));
            }
        }
        match MistakeRule::parse(&mistake.detector) {
            Ok(rule) => {
                for skill in rule.skill_slugs() {
                    if !skills.contains(skill.as_str()) {
                        problems.invalid(
                            Entity::Mistake,
                            slug,
                            format!("detector names skill `{skill}`, which does not exist"),
                        );
                    }
                }
            }
            Err(e) => problems.invalid(Entity::Mistake, slug, format!("detector: {e}")),
        }
    }
    problems.0
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn invalid(&mut self, entity: Entity, slug: &str, message: String) {
        self.0.push(Problem {
            entity,
            slug: slug.to_owned(),
            message,
            conflict: false,
        });
    }

    fn conflict(&mut self, entity: Entity, slug: &str, message: String) {
        self.0.push(Problem {
            entity,
            slug: slug.to_owned(),
            message,
            conflict: true,
        });
    }
}

fn unique_slugs<'a>(entity: Entity, slugs: impl Iterator<Item = &'a str>, problems: &mut Problems) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for slug in slugs {
        if !is_valid_slug(slug) {
            problems.invalid(
                entity,
                slug,
                "slug must be lowercase letters, digits and single hyphens".into(),
            );
        }
        if !seen.insert(slug) {
            problems.conflict(entity, slug, "slug is used twice".into());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::model::{Skill, SkillKind};

    fn skill(slug: &str, name: &str, aliases: &[&str], ambiguous: &[&str]) -> Skill {
        Skill {
            slug: slug.into(),
            name: name.into(),
            kind: SkillKind::Hard,
            category: None,
            description: None,
            aliases: aliases.iter().map(|a| (*a).into()).collect(),
            ambiguous: ambiguous.iter().map(|a| (*a).into()).collect(),
            related: vec![],
            source: None,
        }
    }

    #[test]
    fn an_alias_of_two_skills_is_rejected_unless_both_mark_it_ambiguous() {
        let mut taxonomy = Taxonomy {
            skills: vec![
                skill("go", "Go", &["Golang"], &[]),
                skill("go-board", "Go board game", &["go"], &[]),
            ],
            ..Taxonomy::default()
        };
        let problems = validate(&taxonomy);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].message.contains("alias `go`"));

        taxonomy.skills[0].ambiguous = vec!["Go".into()];
        taxonomy.skills[1].ambiguous = vec!["go".into()];
        assert!(validate(&taxonomy).is_empty());
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        assert!(is_valid_slug("ci-cd"));
        assert!(!is_valid_slug("CI-CD"));
        assert!(!is_valid_slug("ci--cd"));
        assert!(!is_valid_slug("-ci"));
        assert!(!is_valid_slug(""));
    }

    #[test]
    fn names_with_symbols_slugify_to_their_spelled_out_form() {
        assert_eq!(slugify("C++"), "cpp");
        assert_eq!(slugify("ASP.NET Core"), "aspnet-core");
        assert_eq!(slugify("Node.js"), "node-js");
        assert_eq!(slugify("C#"), "csharp");
    }
}
