//! The taxonomy as plain data: what files, the database and the API exchange.

use serde::{Deserialize, Serialize};

use super::normalize::normalize_term;

/// The whole curated knowledge base in list form, ordered by slug.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Taxonomy {
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub roles: Vec<Role>,
    pub mistakes: Vec<Mistake>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub slug: String,
    pub name: String,
    pub kind: SkillKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The name or aliases that are also ordinary English, in the
    /// case-sensitive form that counts as evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambiguous: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Where an imported entry comes from: the public taxonomy and the
    /// entry's identifier there (`atscan import --format`); curated entries
    /// have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    Hard,
    Soft,
    Certification,
}

impl SkillKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hard => "hard",
            Self::Soft => "soft",
            Self::Certification => "certification",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "hard" => Some(Self::Hard),
            "soft" => Some(Self::Soft),
            "certification" => Some(Self::Certification),
            _ => None,
        }
    }
}

/// How much a role or a job description asks for a skill; ordered from most
/// to least important.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Importance {
    Required,
    Preferred,
    Mentioned,
}

impl Importance {
    pub const ALL: [Self; 3] = [Self::Required, Self::Preferred, Self::Mentioned];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::Preferred => "preferred",
            Self::Mentioned => "mentioned",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == text)
    }

    /// Weight of a keyword of this importance in the hard-skill score.
    pub fn weight(self) -> f64 {
        match self {
            Self::Required => 3.0,
            Self::Preferred => 1.5,
            Self::Mentioned => 0.5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub slug: String,
    pub title: String,
    /// Alternative job titles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<RoleSkill>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSkill {
    pub skill: String,
    pub importance: Importance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mistake {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub fix: String,
    #[serde(default)]
    pub before: String,
    #[serde(default)]
    pub after: String,
    /// Role slugs; empty means every role.
    #[serde(default)]
    pub roles: Vec<String>,
    pub detector: Detector,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detector {
    pub kind: String,
    #[serde(default = "empty_object")]
    pub parameters: serde_json::Value,
}

fn empty_object() -> serde_json::Value {
    serde_json::Value::Object(serde_json::Map::new())
}

impl Taxonomy {
    /// Drops the categories no skill is in: after a selection of skills.
    pub fn retain_used_categories(&mut self) {
        let used: Vec<&String> = self.skills.iter().filter_map(|s| s.category.as_ref()).collect();
        self.categories.retain(|category| used.contains(&&category.slug));
    }

    /// Sorts every list (and the lists inside entries) and drops aliases
    /// that repeat the name or an earlier alias, so that equal knowledge
    /// bases compare and serialize identically.
    pub fn canonicalize(&mut self) {
        self.categories.sort_by(|a, b| a.slug.cmp(&b.slug));
        self.skills.sort_by(|a, b| a.slug.cmp(&b.slug));
        for skill in &mut self.skills {
            dedup_aliases(&skill.name, &mut skill.aliases);
            // Marks in the order of the terms they mark: the name, then aliases.
            skill.ambiguous = std::iter::once(&skill.name)
                .chain(&skill.aliases)
                .filter(|term| skill.ambiguous.contains(term))
                .cloned()
                .collect();
            skill.related.sort();
            skill.related.dedup();
        }
        self.roles.sort_by(|a, b| a.slug.cmp(&b.slug));
        for role in &mut self.roles {
            dedup_aliases(&role.title, &mut role.aliases);
            role.skills
                .sort_by(|a, b| (a.importance, &a.skill).cmp(&(b.importance, &b.skill)));
        }
        self.mistakes.sort_by(|a, b| a.slug.cmp(&b.slug));
        for mistake in &mut self.mistakes {
            mistake.roles.sort();
            mistake.roles.dedup();
        }
    }
}

/// Keeps the first spelling of each normalized alias, none equal to `name`.
fn dedup_aliases(name: &str, aliases: &mut Vec<String>) {
    let mut seen = vec![normalize_term(name)];
    aliases.retain(|alias| {
        let normalized = normalize_term(alias);
        let fresh = !seen.contains(&normalized);
        seen.push(normalized);
        fresh
    });
}
