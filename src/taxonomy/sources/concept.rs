//! Concepts of a public taxonomy checked against the knowledge base and
//! turned into skills.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::labels::{capitals_word, contact_channel, plain_word, product_like};
use crate::taxonomy::model::{Category, Skill, SkillKind, Taxonomy};
use crate::taxonomy::normalize::normalize_term;
use crate::taxonomy::validate::slugify;

/// One concept of a public taxonomy, its keyword-like labels already chosen.
#[derive(Debug, Clone)]
pub(super) struct Concept {
    /// `"<taxonomy> <identifier>"`, kept on the skill as its source.
    pub source: String,
    /// The display name; also the first label.
    pub name: String,
    /// Other keyword-like labels.
    pub aliases: Vec<String>,
    pub kind: SkillKind,
    /// The concept's top-level group in its taxonomy, as a category name.
    pub category: Option<String>,
}

/// What an import adds, and what it left out.
#[derive(Debug, Default)]
pub struct Imported {
    /// New categories and skills only; merge them into the knowledge base.
    pub taxonomy: Taxonomy,
    /// Concepts read from the taxonomy with at least one keyword-like label.
    pub concepts: usize,
    /// Concepts the knowledge base already knows under one of their labels.
    pub known: usize,
    /// Concepts left without a label of their own (every label was shared
    /// with another concept of the taxonomy), without a free slug, or naming
    /// a contact channel (LinkedIn).
    pub unusable: usize,
}

/// The skills `concepts` add to `base`: a concept with any label that the
/// knowledge base already resolves is left to the curated entry; a label
/// that names two concepts of the taxonomy names neither.
pub(super) fn entries(concepts: Vec<Concept>, base: &Taxonomy) -> Imported {
    let mut taken: HashSet<String> = HashSet::new();
    for skill in &base.skills {
        taken.insert(normalize_term(&skill.name));
        taken.extend(skill.aliases.iter().map(|alias| normalize_term(alias)));
    }
    let mut uses: HashMap<String, usize> = HashMap::new();
    for concept in &concepts {
        let mut own: Vec<String> = concept.labels().map(|label| normalize_term(label)).collect();
        own.sort();
        own.dedup();
        for label in own {
            *uses.entry(label).or_default() += 1;
        }
    }
    let mut slugs: HashSet<String> = base.skills.iter().map(|s| s.slug.clone()).collect();
    let mut categories: HashMap<String, Category> = HashMap::new();
    let known_categories: HashSet<&str> = base.categories.iter().map(|c| c.slug.as_str()).collect();
    let mut imported = Imported {
        concepts: concepts.len(),
        ..Imported::default()
    };
    for concept in concepts {
        if concept.labels().any(|label| taken.contains(&normalize_term(label))) {
            imported.known += 1;
            continue;
        }
        if concept.labels().any(|label| contact_channel(label)) {
            imported.unusable += 1;
            continue;
        }
        let own = |label: &&String| uses.get(&normalize_term(label)) == Some(&1);
        let mut labels = concept.labels().filter(own).cloned();
        let Some(name) = labels.next() else {
            imported.unusable += 1;
            continue;
        };
        let slug = slugify(&name);
        if slug.is_empty() || !slugs.insert(slug.clone()) {
            imported.unusable += 1;
            continue;
        }
        let aliases: Vec<String> = labels.collect();
        let ambiguous = std::iter::once(&name)
            .chain(&aliases)
            .filter(|label| plain_word(label) || capitals_word(label))
            .cloned()
            .collect();
        let category = concept.category.as_deref().map(|name| {
            let slug = slugify(name);
            if !known_categories.contains(slug.as_str()) {
                categories.entry(slug.clone()).or_insert_with(|| Category {
                    slug: slug.clone(),
                    name: name.to_owned(),
                });
            }
            slug
        });
        imported.taxonomy.skills.push(Skill {
            slug,
            name,
            kind: concept.kind,
            category,
            description: None,
            aliases,
            ambiguous,
            related: Vec::new(),
            source: Some(concept.source),
        });
    }
    imported.taxonomy.categories = categories.into_values().collect();
    imported.taxonomy.canonicalize();
    imported
}

impl Imported {
    /// Keeps the skills named like a product, a standard or a
    /// certification: the part of a public taxonomy that is safe to read
    /// without curation, where topic phrases ("Data Processing") would become
    /// requirements of every posting that mentions them in passing.
    pub fn keep_products(&mut self) {
        self.taxonomy
            .skills
            .retain(|skill| skill.kind == SkillKind::Certification || product_like(&skill.name));
        self.taxonomy.retain_used_categories();
    }
}

impl Concept {
    fn labels(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.aliases)
    }
}

/// Certifications by their wording; the CSVs carry no type.
pub(super) fn kind_of(name: &str) -> SkillKind {
    let certification = name.split(|c: char| !c.is_alphanumeric()).any(|word| {
        [
            "certified",
            "certification",
            "certificate",
            "license",
            "licence",
            "credential",
        ]
        .iter()
        .any(|cue| word.eq_ignore_ascii_case(cue))
    });
    if certification {
        SkillKind::Certification
    } else {
        SkillKind::Hard
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(id: &str, name: &str, aliases: &[&str]) -> Concept {
        Concept {
            source: format!("Test {id}"),
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            kind: SkillKind::Hard,
            category: Some("Information Technology".to_owned()),
        }
    }

    fn base() -> Taxonomy {
        Taxonomy {
            skills: vec![Skill {
                slug: "kubernetes".into(),
                name: "Kubernetes".into(),
                kind: SkillKind::Hard,
                category: None,
                description: None,
                aliases: vec!["k8s".into()],
                ambiguous: vec![],
                related: vec![],
                source: None,
            }],
            ..Taxonomy::default()
        }
    }

    #[test]
    fn known_concepts_stay_curated_and_new_ones_keep_their_source() {
        let imported = entries(
            vec![
                concept("1", "K8s", &["container orchestration"]),
                concept("2", "Gnuplot", &[]),
                concept("3", "Helioscope", &["HelioScope software"]),
                concept("4", "LinkedIn", &[]),
            ],
            &base(),
        );
        assert_eq!(imported.known, 1);
        assert_eq!(imported.unusable, 1, "a contact channel is not a skill");
        let names: Vec<&str> = imported.taxonomy.skills.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Gnuplot", "Helioscope"]);
        let gnuplot = &imported.taxonomy.skills[0];
        assert_eq!(gnuplot.source.as_deref(), Some("Test 2"));
        assert_eq!(gnuplot.ambiguous, ["Gnuplot"], "a plain word counts only with evidence");
        assert_eq!(gnuplot.category.as_deref(), Some("information-technology"));
        assert_eq!(imported.taxonomy.categories.len(), 1);
    }

    #[test]
    fn a_label_of_two_concepts_names_neither() {
        let imported = entries(
            vec![
                concept("1", "Transparency", &["Optical Transparency"]),
                concept("2", "Transparency", &[]),
            ],
            &Taxonomy::default(),
        );
        let skills = &imported.taxonomy.skills;
        assert_eq!(skills.len(), 1);
        assert_eq!(skills[0].name, "Optical Transparency");
        assert!(skills[0].aliases.is_empty());
        assert_eq!(imported.unusable, 1);
    }

    #[test]
    fn certifications_are_told_by_their_wording() {
        assert_eq!(kind_of("ASQ Certified Quality Auditor"), SkillKind::Certification);
        assert_eq!(kind_of("Commercial Driver's License (CDL)"), SkillKind::Certification);
        assert_eq!(kind_of("Gnuplot"), SkillKind::Hard);
        assert_eq!(
            kind_of("Licences regulation"),
            SkillKind::Hard,
            "a topic about licences"
        );
    }
}
