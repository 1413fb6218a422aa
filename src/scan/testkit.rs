//! A small hand-built knowledge base for the unit tests of the scan engine.

use std::sync::OnceLock;

use serde_json::json;

use crate::scan::KeywordMatcher;
use crate::taxonomy::model::{Detector, Mistake, Role, RoleSkill, Skill};
use crate::taxonomy::{Catalog, Importance, SkillKind, Taxonomy};

fn skill(slug: &str, name: &str, kind: SkillKind, aliases: &[&str], ambiguous: &[&str], related: &[&str]) -> Skill {
    let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
    Skill {
        slug: slug.into(),
        name: name.into(),
        kind,
        category: None,
        description: None,
        aliases: strings(aliases),
        ambiguous: strings(ambiguous),
        related: strings(related),
        source: None,
    }
}

fn hard(slug: &str, name: &str, aliases: &[&str]) -> Skill {
    skill(slug, name, SkillKind::Hard, aliases, &[], &[])
}

fn role(slug: &str, title: &str, aliases: &[&str], skills: &[(&str, Importance)]) -> Role {
    Role {
        slug: slug.into(),
        title: title.into(),
        aliases: aliases.iter().map(|s| (*s).to_owned()).collect(),
        description: None,
        skills: skills
            .iter()
            .map(|&(skill, importance)| RoleSkill {
                skill: skill.into(),
                importance,
            })
            .collect(),
    }
}

fn mistake(slug: &str, roles: &[&str], kind: &str, parameters: serde_json::Value) -> Mistake {
    Mistake {
        slug: slug.into(),
        title: slug.replace('-', " "),
        description: String::new(),
        fix: String::new(),
        before: String::new(),
        after: String::new(),
        roles: roles.iter().map(|s| (*s).to_owned()).collect(),
        detector: Detector {
            kind: kind.into(),
            parameters,
        },
    }
}

pub(crate) fn taxonomy() -> Taxonomy {
    use Importance::{Mentioned, Preferred, Required};
    use SkillKind::{Certification, Hard, Soft};
    let skills = vec![
        hard("python", "Python", &[]),
        skill("java", "Java", Hard, &[], &[], &["spring-boot"]),
        hard("javascript", "JavaScript", &["JS"]),
        hard("typescript", "TypeScript", &[]),
        skill("go", "Go", Hard, &["Golang"], &["Go"], &["docker"]),
        skill("r", "R", Hard, &[], &["R"], &["python"]),
        skill("c", "C", Hard, &[], &["C"], &[]),
        hard("cpp", "C++", &[]),
        hard("csharp", "C#", &[]),
        hard("fsharp", "F#", &[]),
        hard("dotnet", ".NET", &["dotnet"]),
        hard("aspnet-core", "ASP.NET Core", &["ASP.NET"]),
        skill("nodejs", "Node.js", Hard, &["NodeJS", "Node"], &["Node"], &[]),
        hard("vuejs", "Vue.js", &["Vue"]),
        hard("ci-cd", "CI/CD", &[]),
        hard("tcp-ip", "TCP/IP", &[]),
        hard("ab-testing", "A/B testing", &[]),
        hard("pl-sql", "PL/SQL", &[]),
        hard("t-sql", "T-SQL", &[]),
        hard("objective-c", "Objective-C", &[]),
        hard("sql", "SQL", &[]),
        hard("nosql", "NoSQL", &[]),
        hard("mongodb", "MongoDB", &[]),
        skill("spring", "Spring", Hard, &["Spring Framework"], &["Spring"], &["java"]),
        skill("spring-boot", "Spring Boot", Hard, &[], &[], &["java", "spring"]),
        hard("react", "React", &["React.js", "ReactJS"]),
        hard("react-native", "React Native", &[]),
        hard("rest-api", "REST API", &["RESTful API", "REST"]),
        hard("microservices", "Microservices", &["microservice architecture"]),
        hard("docker", "Docker", &[]),
        skill("kubernetes", "Kubernetes", Hard, &["k8s"], &[], &["docker"]),
        skill("swift", "Swift", Hard, &[], &["Swift"], &[]),
        skill("rust", "Rust", Hard, &[], &["Rust"], &[]),
        skill("express", "Express", Hard, &["Express.js"], &["Express"], &["nodejs"]),
        skill("excel", "Microsoft Excel", Hard, &["Excel"], &["Excel"], &[]),
        skill("chef", "Chef", Hard, &[], &["Chef"], &[]),
        skill("puppet", "Puppet", Hard, &[], &["Puppet"], &[]),
        skill("kafka", "Apache Kafka", Hard, &["Kafka"], &["Kafka"], &[]),
        skill("spark", "Apache Spark", Hard, &["Spark"], &["Spark"], &[]),
        skill("less", "Less", Hard, &[], &["Less"], &[]),
        hard("html", "HTML", &[]),
        hard("css", "CSS", &[]),
        hard("machine-learning", "Machine Learning", &["ML"]),
        hard("aws", "AWS", &["Amazon Web Services"]),
        hard("postgresql", "PostgreSQL", &["Postgres"]),
        hard("git", "Git", &[]),
        hard("github", "GitHub", &["github.com"]),
        hard("photoshop", "Adobe Photoshop", &["Photoshop"]),
        skill(
            "communication",
            "Communication",
            Soft,
            &["communication skills"],
            &[],
            &[],
        ),
        skill("leadership", "Leadership", Soft, &[], &[], &[]),
        skill("teamwork", "Teamwork", Soft, &["team player", "team work"], &[], &[]),
        skill("collaboration", "Collaboration", Soft, &["collaborative"], &[], &[]),
        hard("sharepoint", "SharePoint", &[]),
        skill("nice-framework", "NICE Framework", Hard, &["NICE"], &["NICE"], &[]),
        skill(
            "aws-solutions-architect",
            "AWS Certified Solutions Architect",
            Certification,
            &[],
            &[],
            &["aws"],
        ),
    ];
    let roles = vec![
        role(
            "backend-developer",
            "Backend Developer",
            &["Backend Engineer", "Server-Side Developer"],
            &[
                ("python", Required),
                ("sql", Required),
                ("rest-api", Required),
                ("docker", Preferred),
                ("kubernetes", Preferred),
                ("go", Mentioned),
                ("communication", Mentioned),
            ],
        ),
        role(
            "frontend-developer",
            "Frontend Developer",
            &["Front-End Developer", "UI Developer"],
            &[
                ("javascript", Required),
                ("react", Required),
                ("html", Required),
                ("css", Required),
                ("typescript", Preferred),
            ],
        ),
        role(
            "data-scientist",
            "Data Scientist",
            &[],
            &[
                ("python", Required),
                ("machine-learning", Required),
                ("sql", Required),
                ("r", Preferred),
            ],
        ),
    ];
    let mistakes = vec![
        mistake(
            "vague-wording",
            &[],
            "PHRASES",
            json!({"phrases": ["worked on", "helped with", "involved in"], "scope": "bullets", "unless_quantified": true}),
        ),
        mistake(
            "duties-not-achievements",
            &[],
            "PHRASES",
            json!({"phrases": ["responsible for", "duties included"], "scope": "experience", "at_start": true}),
        ),
        mistake(
            "frontend-skills-as-backend",
            &["backend-developer"],
            "OFF_ROLE_SKILLS",
            json!({"skills": ["html", "css", "photoshop"], "min_count": 2}),
        ),
        mistake("expertise-overclaim", &[], "EXPERTISE_CLAIMS", json!({})),
        mistake(
            "first-person",
            &[],
            "PHRASES",
            json!({"phrases": ["I am", "My"], "case_sensitive": true, "min_count": 2}),
        ),
        mistake("unquantified-achievements", &[], "UNQUANTIFIED_BULLETS", json!({})),
        mistake("technology-laundry-list", &[], "SKILL_SPRAWL", json!({"max_skills": 8})),
        mistake("unsupported-skills", &[], "UNSUPPORTED_SKILLS", json!({"min_count": 3})),
        mistake("ignoring-job-keywords", &[], "JOB_WORDING", json!({})),
        mistake("missing-contact", &[], "MISSING_CONTACT", json!({})),
        mistake("missing-sections", &[], "MISSING_SECTIONS", json!({})),
        mistake("length", &[], "LENGTH", json!({"min_words": 40, "max_words": 600})),
        mistake("inconsistent-dates", &[], "INCONSISTENT_DATES", json!({})),
        mistake(
            "unexplained-acronyms",
            &[],
            "UNEXPLAINED_ACRONYMS",
            json!({"allow": ["SLA"]}),
        ),
        mistake("repeated-verbs", &[], "REPEATED_VERBS", json!({"max_repeats": 2})),
        mistake(
            "long-bullets",
            &[],
            "LONG_BULLETS",
            json!({"max_words": 25, "min_count": 2}),
        ),
        mistake(
            "no-version-control",
            &["backend-developer", "frontend-developer"],
            "MISSING_SKILLS",
            json!({"any_of": ["git"]}),
        ),
    ];
    Taxonomy {
        categories: Vec::new(),
        skills,
        roles,
        mistakes,
    }
}

/// The test catalog and its matcher, built once per test binary.
pub(crate) fn catalog_and_matcher() -> &'static (Catalog, KeywordMatcher) {
    static BUILT: OnceLock<(Catalog, KeywordMatcher)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let catalog = Catalog::build(taxonomy(), 1).expect("the test taxonomy is consistent");
        let matcher = KeywordMatcher::build(&catalog).expect("the test automaton compiles");
        (catalog, matcher)
    })
}

/// Scans with the test catalog; `role` is a role slug.
pub(crate) fn scan(resume: &str, job: Option<&str>, role: Option<&str>) -> crate::scan::ScanReport {
    let (catalog, matcher) = catalog_and_matcher();
    let role = role.map(|slug| catalog.role_by_slug(slug).expect("the test role exists"));
    crate::scan::scan(catalog, matcher, &crate::scan::ScanRequest { resume, job, role }).expect("the test resume scans")
}

/// A resume that commits none of the test catalog's mistakes, for a backend role.
pub(crate) const CLEAN_RESUME: &str = "Jane Doe
Austin, TX | jane.doe@mail.com | (555) 123-4567 | linkedin.com/in/janedoe

Summary
Backend Engineer who builds Python services and REST APIs.

Experience
Acme Corp, Backend Engineer, Jan 2020 - Present
• Built a REST API in Python serving 2M requests a day with Docker and Kubernetes
• Cut p99 latency by 40% by tuning SQL indexes in PostgreSQL
• Automated deploys with Git hooks and CI/CD, saving 6 hours a week
• Mentored 3 engineers on Python testing

Globex, Software Engineer, Jun 2017 - Dec 2019
• Migrated 12 services to Docker, halving release time
• Designed the SQL schema for billing, serving 40k customers

Education
B.S. Computer Science, State University, 2013 - 2017

Skills
Python, SQL, PostgreSQL, REST API, Docker, Kubernetes, Git, CI/CD
";

/// A backend job the clean resume fits.
pub(crate) const BACKEND_JOB: &str = "Backend Engineer
About the role
You will build the services behind our payments platform.
Requirements:
- 3+ years of Python
- SQL and PostgreSQL
- REST APIs
Nice to have:
- Kubernetes
- Docker
Bachelor's degree in Computer Science or equivalent.
";
