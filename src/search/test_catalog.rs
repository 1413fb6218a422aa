//! A small hand-built catalog for the unit tests of this module.

use crate::taxonomy::model::{Category, Detector, Importance, Mistake, Role, RoleSkill, Skill, SkillKind, Taxonomy};
use crate::taxonomy::{Catalog, MistakeIdx, RoleIdx, SkillIdx};

use super::{Hit, Target};

fn skill(slug: &str, name: &str, category: &str, aliases: &[&str], description: &str) -> Skill {
    Skill {
        slug: slug.into(),
        name: name.into(),
        kind: if category == "soft" {
            SkillKind::Soft
        } else {
            SkillKind::Hard
        },
        category: Some(category.into()),
        description: Some(description.into()),
        aliases: aliases.iter().map(|a| (*a).into()).collect(),
        ambiguous: Vec::new(),
        related: Vec::new(),
        source: None,
    }
}

fn role(slug: &str, title: &str, aliases: &[&str], description: &str, required: &[&str]) -> Role {
    Role {
        slug: slug.into(),
        title: title.into(),
        aliases: aliases.iter().map(|a| (*a).into()).collect(),
        description: Some(description.into()),
        skills: required
            .iter()
            .map(|s| RoleSkill {
                skill: (*s).into(),
                importance: Importance::Required,
            })
            .collect(),
    }
}

fn mistake(slug: &str, title: &str, description: &str, fix: &str) -> Mistake {
    Mistake {
        slug: slug.into(),
        title: title.into(),
        description: description.into(),
        fix: fix.into(),
        before: String::new(),
        after: String::new(),
        roles: Vec::new(),
        detector: Detector {
            kind: "PHRASES".into(),
            parameters: serde_json::json!({ "phrases": ["worked on"] }),
        },
    }
}

pub fn taxonomy() -> Taxonomy {
    let categories = ["languages", "web", "devops", "data", "soft"]
        .into_iter()
        .map(|slug| Category {
            slug: slug.into(),
            name: format!("{slug} category"),
        })
        .collect();
    let skills = vec![
        skill(
            "c",
            "C",
            "languages",
            &[],
            "General-purpose systems programming language close to the hardware.",
        ),
        skill(
            "cpp",
            "C++",
            "languages",
            &["cpp", "c plus plus"],
            "Systems programming language with classes and templates.",
        ),
        skill(
            "csharp",
            "C#",
            "languages",
            &["c sharp", "csharp"],
            "Object-oriented language of Microsoft's platform.",
        ),
        skill(
            "objective-c",
            "Objective-C",
            "languages",
            &["objc"],
            "Apple's object-oriented language for iOS apps before Swift.",
        ),
        skill(
            "dotnet",
            ".NET",
            "web",
            &["dotnet", ".net core"],
            "Microsoft's developer platform and runtime.",
        ),
        skill(
            "nodejs",
            "Node.js",
            "web",
            &["nodejs", "node"],
            "JavaScript runtime for servers.",
        ),
        skill(
            "javascript",
            "JavaScript",
            "languages",
            &["js"],
            "The scripting language of web browsers.",
        ),
        skill(
            "java",
            "Java",
            "languages",
            &[],
            "Object-oriented language running on the JVM.",
        ),
        skill(
            "react",
            "React",
            "web",
            &["reactjs", "react.js"],
            "JavaScript library for building user interfaces.",
        ),
        skill(
            "react-native",
            "React Native",
            "web",
            &[],
            "Framework for building mobile apps with React.",
        ),
        skill("redux", "Redux", "web", &[], "State container often used with React."),
        skill(
            "kubernetes",
            "Kubernetes",
            "devops",
            &["k8s", "kube"],
            "Container orchestration platform.",
        ),
        skill(
            "docker",
            "Docker",
            "devops",
            &[],
            "Container runtime and image format; not an orchestration tool, though Kubernetes runs its images.",
        ),
        skill(
            "postgresql",
            "PostgreSQL",
            "data",
            &["postgres", "psql"],
            "Open-source relational database.",
        ),
        skill(
            "ci-cd",
            "CI/CD",
            "devops",
            &["continuous integration", "continuous delivery"],
            "Automated build, test and deployment pipelines.",
        ),
        skill("pl-sql", "PL/SQL", "data", &[], "Oracle's procedural extension."),
        skill(
            "t-sql",
            "T-SQL",
            "data",
            &["transact-sql"],
            "Microsoft's dialect for SQL Server.",
        ),
        skill("sql", "SQL", "data", &[], "Query language for relational databases."),
        skill(
            "ab-testing",
            "A/B Testing",
            "data",
            &["split testing"],
            "Comparing two variants of a page to see which performs better.",
        ),
        skill(
            "python",
            "Python",
            "languages",
            &[],
            "High-level language popular for data science and web backends.",
        ),
        skill("django", "Django", "web", &[], "Web framework with batteries included."),
        skill(
            "machine-learning",
            "Machine Learning",
            "data",
            &["ml"],
            "Building models that learn patterns from data.",
        ),
        skill(
            "deep-learning",
            "Deep Learning",
            "data",
            &[],
            "Learning with many-layered neural networks.",
        ),
        skill(
            "spring-boot",
            "Spring Boot",
            "web",
            &[],
            "Framework for stand-alone applications on the JVM.",
        ),
        skill(
            "communication",
            "Communication",
            "soft",
            &[],
            "Explaining ideas clearly in writing and speech.",
        ),
    ];
    let roles = vec![
        role(
            "backend-developer",
            "Backend Developer",
            &["Backend Engineer", "Server-Side Developer"],
            "Builds the server side of applications: APIs and data storage.",
            &[
                "python",
                "sql",
                "postgresql",
                "docker",
                "kubernetes",
                "javascript",
                "java",
            ],
        ),
        role(
            "frontend-developer",
            "Frontend Developer",
            &["Front-End Engineer", "React Developer"],
            "Builds user interfaces for the web.",
            &["javascript", "react"],
        ),
        role(
            "data-scientist",
            "Data Scientist",
            &[],
            "Turns data into models and insight.",
            &["python", "machine-learning"],
        ),
    ];
    let mistakes = vec![
        mistake(
            "unquantified-achievements",
            "Achievements without numbers",
            "Bullets describe duties but never quantify the results.",
            "Add numbers: revenue won, time saved, users served.",
        ),
        mistake(
            "too-long",
            "Resume longer than two pages",
            "Recruiters skim; long resumes bury the best work.",
            "Cut old and irrelevant roles.",
        ),
    ];
    Taxonomy {
        categories,
        skills,
        roles,
        mistakes,
    }
}

pub fn catalog() -> Catalog {
    Catalog::build(taxonomy(), 1).unwrap()
}

/// The slug of a hit's target, for readable assertions.
pub fn slug(catalog: &Catalog, hit: &Hit) -> String {
    match hit.target {
        Target::Skill(SkillIdx(i)) => catalog.skills[i as usize].skill.slug.clone(),
        Target::Role(RoleIdx(i)) => catalog.roles[i as usize].role.slug.clone(),
        Target::Mistake(MistakeIdx(i)) => catalog.mistakes[i as usize].mistake.slug.clone(),
    }
}

pub fn slugs(catalog: &Catalog, hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|hit| slug(catalog, hit)).collect()
}
