//! The reviewable file format of the knowledge base (see data/taxonomy/README.md):
//! reading a folder or a file, writing a folder or JSON, and the embedded default.

use std::path::{Path, PathBuf};

use foldhash::HashMap;
use serde::{Deserialize, Serialize};

use super::model::{Category, Importance, Mistake, Role, RoleSkill, Skill, Taxonomy};
use super::validate::{Entity, validate};

/// The default knowledge base, compiled from `data/taxonomy/` by build.rs:
/// `[[path, bundle], ...]`, each TOML file as a bundle in JSON.
static DEFAULT_TAXONOMY: &str = include_str!(concat!(env!("OUT_DIR"), "/taxonomy.json"));

#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{count} problem(s) in the taxonomy:\n{}", .problems.join("\n"))]
    Invalid { count: usize, problems: Vec<String> },
}

/// Entries read from files, not yet validated, with the file each entry came
/// from so that validation errors can name it.
#[derive(Debug, Default)]
pub struct TaxonomyFiles {
    taxonomy: Taxonomy,
    origin: HashMap<(Entity, String), String>,
}

/// One TOML document: a bundle of entries, or (with a top-level `slug`) one role.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleDoc {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    category: Vec<Category>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    skill: Vec<SkillDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    role: Vec<RoleDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mistake: Vec<MistakeDoc>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillDoc(#[serde(with = "SkillFields")] Skill);

/// Mirrors `Skill` so that unknown keys in a file are rejected.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Skill", deny_unknown_fields)]
struct SkillFields {
    slug: String,
    name: String,
    kind: super::model::SkillKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    ambiguous: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MistakeDoc(#[serde(with = "MistakeFields")] Mistake);

#[derive(Serialize, Deserialize)]
#[serde(remote = "Mistake", deny_unknown_fields)]
struct MistakeFields {
    slug: String,
    title: String,
    description: String,
    fix: String,
    #[serde(default)]
    before: String,
    #[serde(default)]
    after: String,
    #[serde(default)]
    roles: Vec<String>,
    detector: super::model::Detector,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleDoc {
    slug: String,
    title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(default)]
    skills: RoleSkillsDoc,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleSkillsDoc {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    required: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    preferred: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mentioned: Vec<String>,
}

impl From<RoleDoc> for Role {
    fn from(doc: RoleDoc) -> Self {
        let linked =
            |names: Vec<String>, importance| names.into_iter().map(move |skill| RoleSkill { skill, importance });
        let skills = linked(doc.skills.required, Importance::Required)
            .chain(linked(doc.skills.preferred, Importance::Preferred))
            .chain(linked(doc.skills.mentioned, Importance::Mentioned))
            .collect();
        Self {
            slug: doc.slug,
            title: doc.title,
            aliases: doc.aliases,
            description: doc.description,
            skills,
        }
    }
}

impl From<&Role> for RoleDoc {
    fn from(role: &Role) -> Self {
        let with = |importance| {
            role.skills
                .iter()
                .filter(|link| link.importance == importance)
                .map(|link| link.skill.clone())
                .collect()
        };
        Self {
            slug: role.slug.clone(),
            title: role.title.clone(),
            aliases: role.aliases.clone(),
            description: role.description.clone(),
            skills: RoleSkillsDoc {
                required: with(Importance::Required),
                preferred: with(Importance::Preferred),
                mentioned: with(Importance::Mentioned),
            },
        }
    }
}

impl BundleDoc {
    /// A file's document: one role (a file with a top-level `slug`) or a
    /// bundle of entries.
    fn read<'de, D: serde::Deserializer<'de>>(is_role: bool, document: D) -> Result<Self, D::Error> {
        Ok(if is_role {
            Self {
                role: vec![RoleDoc::deserialize(document)?],
                ..Self::default()
            }
        } else {
            Self::deserialize(document)?
        })
    }
}

impl TaxonomyFiles {
    fn add(&mut self, path: &str, text: &str) -> Result<(), FormatError> {
        if path.ends_with(".json") {
            let taxonomy: Taxonomy = serde_json::from_str(text).map_err(|e| FormatError::Parse {
                path: path.to_owned(),
                message: e.to_string(),
            })?;
            self.extend(path, taxonomy);
            return Ok(());
        }
        let parse_error = |e: toml::de::Error| FormatError::Parse {
            path: path.to_owned(),
            message: e.to_string().trim_end().to_owned(),
        };
        let table: toml::Table = toml::from_str(text).map_err(parse_error)?;
        let bundle = BundleDoc::read(table.contains_key("slug"), table).map_err(parse_error)?;
        self.add_bundle(path, bundle);
        Ok(())
    }

    fn add_bundle(&mut self, path: &str, bundle: BundleDoc) {
        self.extend(
            path,
            Taxonomy {
                categories: bundle.category,
                skills: bundle.skill.into_iter().map(|doc| doc.0).collect(),
                roles: bundle.role.into_iter().map(Role::from).collect(),
                mistakes: bundle.mistake.into_iter().map(|doc| doc.0).collect(),
            },
        );
    }

    /// Entries made in memory (an import from a public taxonomy), named
    /// `origin` in problems.
    pub fn from_taxonomy(origin: &str, taxonomy: Taxonomy) -> Self {
        let mut docs = Self::default();
        docs.extend(origin, taxonomy);
        docs
    }

    fn extend(&mut self, path: &str, more: Taxonomy) {
        let mut note = |entity, slug: &str| {
            self.origin
                .entry((entity, slug.to_owned()))
                .or_insert_with(|| path.to_owned());
        };
        more.categories.iter().for_each(|c| note(Entity::Category, &c.slug));
        more.skills.iter().for_each(|s| note(Entity::Skill, &s.slug));
        more.roles.iter().for_each(|r| note(Entity::Role, &r.slug));
        more.mistakes.iter().for_each(|m| note(Entity::Mistake, &m.slug));
        let t = &mut self.taxonomy;
        t.categories.extend(more.categories);
        t.skills.extend(more.skills);
        t.roles.extend(more.roles);
        t.mistakes.extend(more.mistakes);
    }

    /// Merges these entries into `base` by slug (an entry replaces the one
    /// with its slug), validates the result and returns it in canonical order.
    pub fn merged_into(self, mut base: Taxonomy) -> Result<Taxonomy, FormatError> {
        let Self { taxonomy, origin } = self;
        fn merge<T>(base: &mut Vec<T>, more: Vec<T>, slug: impl Fn(&T) -> &str) {
            let mut at: HashMap<String, usize> = base
                .iter()
                .enumerate()
                .map(|(i, entry)| (slug(entry).to_owned(), i))
                .collect();
            for entry in more {
                match at.get(slug(&entry)) {
                    Some(&i) => base[i] = entry,
                    None => {
                        at.insert(slug(&entry).to_owned(), base.len());
                        base.push(entry);
                    }
                }
            }
        }
        merge(&mut base.categories, taxonomy.categories, |c| &c.slug);
        merge(&mut base.skills, taxonomy.skills, |s| &s.slug);
        merge(&mut base.roles, taxonomy.roles, |r| &r.slug);
        merge(&mut base.mistakes, taxonomy.mistakes, |m| &m.slug);
        let mut taxonomy = base;
        let problems: Vec<String> = validate(&taxonomy)
            .into_iter()
            .map(|problem| {
                let file = origin
                    .get(&(problem.entity, problem.slug.clone()))
                    .map_or("existing taxonomy", String::as_str);
                format!("{file}: {problem}")
            })
            .collect();
        if !problems.is_empty() {
            return Err(FormatError::Invalid {
                count: problems.len(),
                problems,
            });
        }
        taxonomy.canonicalize();
        Ok(taxonomy)
    }
}

/// The knowledge base compiled into the binary from `data/taxonomy/`.
pub fn default_taxonomy() -> Result<Taxonomy, FormatError> {
    let files: Vec<(String, BundleDoc)> = serde_json::from_str(DEFAULT_TAXONOMY).map_err(|e| FormatError::Parse {
        path: "data/taxonomy".to_owned(),
        message: e.to_string(),
    })?;
    let mut docs = TaxonomyFiles::default();
    for (path, bundle) in files {
        docs.add_bundle(&path, bundle);
    }
    docs.merged_into(Taxonomy::default())
}

/// Reads entries from a `.toml` or `.json` file, or from a folder of them.
pub fn read_taxonomy(path: &Path) -> Result<TaxonomyFiles, FormatError> {
    let mut files = Vec::new();
    collect_files(path, &mut files)?;
    files.sort();
    let mut docs = TaxonomyFiles::default();
    for file in files {
        let shown = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| FormatError::Io {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        docs.add(&shown, &text)?;
    }
    Ok(docs)
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), FormatError> {
    let io_error = |e: std::io::Error| FormatError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    if path.is_dir() {
        for entry in std::fs::read_dir(path).map_err(io_error)? {
            collect_files(&entry.map_err(io_error)?.path(), out)?;
        }
    } else if path.extension().is_some_and(|ext| ext == "toml" || ext == "json") {
        out.push(path.to_owned());
    } else if !path.exists() {
        return Err(io_error(std::io::ErrorKind::NotFound.into()));
    }
    Ok(())
}

/// Renders the taxonomy as the files of the folder format: relative path and contents.
pub fn render_folder(taxonomy: &Taxonomy) -> Result<Vec<(String, String)>, FormatError> {
    let mut files = vec![(
        "categories.toml".to_owned(),
        to_toml(&BundleDoc {
            category: taxonomy.categories.clone(),
            ..BundleDoc::default()
        })?,
    )];
    let mut by_category: std::collections::BTreeMap<&str, Vec<SkillDoc>> = Default::default();
    for skill in &taxonomy.skills {
        let file = skill.category.as_deref().unwrap_or("uncategorized");
        by_category.entry(file).or_default().push(SkillDoc(skill.clone()));
    }
    for (category, skills) in by_category {
        let doc = BundleDoc {
            skill: skills,
            ..BundleDoc::default()
        };
        files.push((format!("skills/{category}.toml"), to_toml(&doc)?));
    }
    for role in &taxonomy.roles {
        files.push((format!("roles/{}.toml", role.slug), to_toml(&RoleDoc::from(role))?));
    }
    let (general, specific): (Vec<_>, Vec<_>) = taxonomy.mistakes.iter().partition(|m| m.roles.is_empty());
    for (name, mistakes) in [("general", general), ("role-specific", specific)] {
        if mistakes.is_empty() {
            continue;
        }
        let doc = BundleDoc {
            mistake: mistakes.into_iter().cloned().map(MistakeDoc).collect(),
            ..BundleDoc::default()
        };
        files.push((format!("mistakes/{name}.toml"), to_toml(&doc)?));
    }
    Ok(files)
}

/// Renders categories and skills as one TOML bundle, the way an import is
/// written for review before it joins `data/taxonomy/`.
pub fn render_bundle(taxonomy: &Taxonomy) -> Result<String, FormatError> {
    to_toml(&BundleDoc {
        category: taxonomy.categories.clone(),
        skill: taxonomy.skills.iter().cloned().map(SkillDoc).collect(),
        ..BundleDoc::default()
    })
}

fn to_toml(doc: &impl Serialize) -> Result<String, FormatError> {
    toml::to_string_pretty(doc).map_err(|e| FormatError::Parse {
        path: "export".to_owned(),
        message: e.to_string(),
    })
}

/// Writes the taxonomy: as one JSON document when `path` ends in `.json`,
/// otherwise as a folder in the TOML format.
pub fn write_taxonomy(taxonomy: &Taxonomy, path: &Path) -> Result<(), FormatError> {
    let io_error = |p: &Path, e: std::io::Error| FormatError::Io {
        path: p.display().to_string(),
        message: e.to_string(),
    };
    if path.extension().is_some_and(|ext| ext == "json") {
        let json = serde_json::to_string_pretty(taxonomy).map_err(|e| FormatError::Parse {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        return std::fs::write(path, json + "\n").map_err(|e| io_error(path, e));
    }
    for (relative, contents) in render_folder(taxonomy)? {
        let file = path.join(relative);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        std::fs::write(&file, contents).map_err(|e| io_error(&file, e))?;
    }
    Ok(())
}

/// Parses one uploaded document (a TOML bundle, a TOML role or JSON).
pub fn parse_document(name: &str, text: &str) -> Result<TaxonomyFiles, FormatError> {
    let mut docs = TaxonomyFiles::default();
    docs.add(name, text)?;
    Ok(docs)
}
