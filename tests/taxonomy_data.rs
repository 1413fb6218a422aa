//! Checks over the shipped default knowledge base, so that its size and
//! consistency cannot silently regress.

use std::collections::HashSet;

use atscan::taxonomy::files::default_taxonomy;
use atscan::taxonomy::{Catalog, Importance, SkillKind, Taxonomy, normalize_term};

fn shipped() -> Taxonomy {
    default_taxonomy().unwrap_or_else(|e| panic!("the default knowledge base is invalid: {e}"))
}

#[test]
fn the_default_knowledge_base_meets_its_minimums() {
    let taxonomy = shipped();
    let aliases: usize = taxonomy.skills.iter().map(|s| s.aliases.len()).sum();
    let categories: HashSet<_> = taxonomy.skills.iter().filter_map(|s| s.category.as_deref()).collect();
    assert!(taxonomy.roles.len() >= 60, "{} roles", taxonomy.roles.len());
    assert!(taxonomy.skills.len() >= 5_000, "{} skills", taxonomy.skills.len());
    assert!(aliases >= 4_000, "{aliases} aliases");
    assert!(taxonomy.mistakes.len() >= 60, "{} mistakes", taxonomy.mistakes.len());
    assert!(categories.len() >= 25, "{} categories in use", categories.len());
    for kind in [SkillKind::Hard, SkillKind::Soft, SkillKind::Certification] {
        assert!(
            taxonomy.skills.iter().filter(|s| s.kind == kind).count() >= 30,
            "few {kind:?} skills"
        );
    }
}

#[test]
fn every_role_has_titles_a_description_and_weighted_skills() {
    for role in shipped().roles {
        assert!(
            role.aliases.len() >= 3,
            "{}: {} alternative titles",
            role.slug,
            role.aliases.len()
        );
        assert!(
            role.description.as_deref().is_some_and(|d| d.len() > 40),
            "{}: description",
            role.slug
        );
        assert!(role.skills.len() >= 25, "{}: {} skills", role.slug, role.skills.len());
        for importance in [Importance::Required, Importance::Preferred] {
            assert!(
                role.skills.iter().any(|l| l.importance == importance),
                "{}: no {importance:?} skill",
                role.slug
            );
        }
    }
}

#[test]
fn every_curated_skill_has_a_description_and_related_skills() {
    for skill in shipped().skills.into_iter().filter(|s| s.source.is_none()) {
        assert!(
            skill.description.as_deref().is_some_and(|d| !d.trim().is_empty()),
            "{}",
            skill.slug
        );
        assert!(!skill.related.is_empty(), "{} has no related skills", skill.slug);
    }
}

#[test]
fn imported_skills_name_their_source_and_ordinary_words_among_them_need_evidence() {
    let taxonomy = shipped();
    let imported: Vec<_> = taxonomy.skills.iter().filter(|s| s.source.is_some()).collect();
    assert!(imported.len() >= 1_000, "{} imported skills", imported.len());
    for skill in &imported {
        let source = skill.source.as_deref().unwrap_or_default();
        assert!(
            source.starts_with("ESCO v1.1.1 http://data.europa.eu/esco/skill/")
                || source.starts_with("Lightcast Open Skills "),
            "{}: source `{source}`",
            skill.slug
        );
        // A single word of letters is English as often as it is a skill.
        let one_word = !skill.name.contains(' ') && skill.name.chars().all(char::is_alphabetic);
        let plain = one_word && skill.name.chars().skip(1).all(char::is_lowercase);
        let capitals = one_word && skill.name.chars().all(char::is_uppercase);
        if plain || capitals {
            assert!(
                skill.ambiguous.contains(&skill.name),
                "{} is not marked ambiguous",
                skill.slug
            );
        }
    }
}

#[test]
fn every_link_resolves_and_every_detector_parses() {
    // Catalog::build resolves every slug and parses every detector, failing on the first miss.
    let catalog = Catalog::build(shipped(), 1).expect("catalog builds");
    for role in &catalog.roles {
        assert!(!role.mistakes.is_empty(), "{} has no mistakes", role.role.slug);
    }
}

#[test]
fn words_of_ordinary_english_are_marked_ambiguous() {
    let catalog = Catalog::build(shipped(), 1).unwrap();
    let words = [
        "Go", "R", "C", "D", "Swift", "Rust", "Spring", "Express", "Spark", "Excel", "Access", "Word", "Teams", "Chef",
        "Puppet", "Hive", "Pig", "Kafka", "Julia", "Rails", "Dart", "Flask", "Less", "Ember", "Meteor", "Elixir",
        "Crystal", "Oracle", "Salt", "Jenkins", "Bamboo", "Maven", "Ant", "Make", "Sketch", "Framer", "Notion",
        "Slack",
    ];
    for word in words {
        let owners = catalog.skills_named(word);
        assert!(!owners.is_empty(), "no skill is written `{word}`");
        for term in owners {
            assert!(
                term.ambiguous,
                "`{word}` ({}) is not marked ambiguous",
                catalog.skill(term.skill).skill.slug
            );
        }
    }
}

#[test]
fn common_abbreviations_and_spellings_resolve_to_their_skill() {
    let catalog = Catalog::build(shipped(), 1).unwrap();
    let cases = [
        ("k8s", "kubernetes"),
        ("Postgres", "postgresql"),
        ("psql", "postgresql"),
        ("Golang", "go"),
        ("NodeJS", "nodejs"),
        ("Node.js", "nodejs"),
        ("ReactJS", "react"),
        ("React.js", "react"),
        ("CI-CD", "ci-cd"),
        ("Amazon Web Services", "aws"),
        ("JSON Web Tokens", "jwt"),
        ("JS", "javascript"),
        ("TS", "typescript"),
        ("GCP", "google-cloud"),
        ("ML", "machine-learning"),
        ("NLP", "natural-language-processing"),
        ("Continuous Integration", "continuous-integration"),
        ("Azure AD", "microsoft-entra-id"),
        ("REST APIs", "rest-api"),
    ];
    for (term, slug) in cases {
        let resolved = catalog
            .resolve(term)
            .map(|t| catalog.skill(t.skill).skill.slug.as_str());
        assert_eq!(resolved, Some(slug), "`{term}`");
    }
}

#[test]
fn the_seven_source_mistakes_are_curated_with_their_detectors() {
    let taxonomy = shipped();
    let expected = [
        ("frontend-skills-as-backend", "OFF_ROLE_SKILLS"),
        ("vague-wording", "PHRASES"),
        ("expertise-overclaim", "EXPERTISE_CLAIMS"),
        ("ignoring-job-keywords", "JOB_WORDING"),
        ("unquantified-achievements", "UNQUANTIFIED_BULLETS"),
        ("technology-laundry-list", "SKILL_SPRAWL"),
        ("duties-not-achievements", "PHRASES"),
    ];
    for (slug, kind) in expected {
        let mistake = taxonomy
            .mistakes
            .iter()
            .find(|m| m.slug == slug)
            .unwrap_or_else(|| panic!("no mistake {slug}"));
        assert_eq!(mistake.detector.kind, kind, "{slug}");
        assert!(
            !mistake.before.is_empty() && !mistake.after.is_empty(),
            "{slug} lacks its example"
        );
    }
}

#[test]
fn the_backend_developer_role_covers_the_technologies_of_the_field() {
    let taxonomy = shipped();
    let role = taxonomy.roles.iter().find(|r| r.slug == "backend-developer").unwrap();
    let linked: HashSet<&str> = role.skills.iter().map(|l| l.skill.as_str()).collect();
    let expected = [
        "postgresql",
        "mongodb",
        "sql",
        "nosql",
        "rest-api",
        "http",
        "http-status-codes",
        "jwt",
        "rate-limiting",
        "api-versioning",
        "graphql",
        "redis",
        "memcached",
        "caching",
        "cache-invalidation",
        "database-indexing",
        "query-optimization",
        "load-balancing",
        "horizontal-scaling",
        "stateless-design",
        "sql-injection-prevention",
        "parameterized-queries",
        "authentication",
        "authorization",
        "oauth",
        "api-keys",
        "encryption",
        "tls",
        "https",
        "password-hashing",
        "bcrypt",
        "argon2",
        "stripe",
        "paypal",
        "sendgrid",
        "amazon-ses",
        "twilio",
        "amazon-s3",
        "google-cloud-storage",
        "retry-logic",
        "error-handling",
        "unit-testing",
        "integration-testing",
        "end-to-end-testing",
        "test-coverage",
        "mocking",
        "continuous-integration",
        "ci-cd",
        "docker",
        "kubernetes",
        "blue-green-deployment",
        "canary-releases",
        "monitoring",
        "logging",
        "metrics",
        "alerting",
        "datadog",
        "new-relic",
        "amazon-cloudwatch",
        "python",
        "django",
        "flask",
        "nodejs",
        "express",
        "java",
        "spring-boot",
        "go",
        "concurrency",
        "memory-management",
        "sql-joins",
        "subqueries",
        "window-functions",
        "orm",
        "sqlalchemy",
        "typeorm",
        "influxdb",
        "time-series-databases",
        "http-cookies",
        "cors",
        "websockets",
        "owasp-top-10",
        "aws",
        "azure",
        "google-cloud",
        "data-pipelines",
        "system-design",
        "cap-theorem",
        "code-review",
        "mentoring",
    ];
    let missing: Vec<_> = expected.iter().filter(|slug| !linked.contains(**slug)).collect();
    assert!(missing.is_empty(), "backend developer lacks {missing:?}");
}

#[test]
fn no_normalized_alias_belongs_to_two_skills_unless_marked_ambiguous() {
    let catalog = Catalog::build(shipped(), 1).unwrap();
    for (term, owners) in catalog.terms() {
        if owners.len() > 1 {
            assert!(owners.iter().all(|o| o.ambiguous), "`{term}` has several owners");
        }
        assert_eq!(normalize_term(term), term);
    }
}
