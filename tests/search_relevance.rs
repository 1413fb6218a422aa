//! Relevance of taxonomy search over the real default knowledge base, bad
//! input, and the on-disk index lifecycle (stale and damaged indexes).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use atscan::search::{Hit, Kind, MatchKind, SearchError, SearchIndex, Target};
use atscan::taxonomy::Catalog;
use atscan::taxonomy::files::default_taxonomy;

struct Fixture {
    catalog: Catalog,
    index: SearchIndex,
}

static KB: LazyLock<Fixture> = LazyLock::new(|| {
    let catalog = Catalog::build(default_taxonomy().unwrap(), 0).unwrap();
    let index = SearchIndex::in_memory(&catalog).unwrap();
    Fixture { catalog, index }
});

fn slug(catalog: &Catalog, hit: &Hit) -> String {
    match hit.target {
        Target::Skill(i) => format!("skill:{}", catalog.skill(i).skill.slug),
        Target::Role(i) => format!("role:{}", catalog.role(i).role.slug),
        Target::Mistake(i) => format!("mistake:{}", catalog.mistake(i).mistake.slug),
    }
}

fn describe(hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .take(5)
        .map(|h| {
            format!(
                "{} {:?} {:?} {:.2}",
                slug(&KB.catalog, h),
                h.matched_by,
                h.matched_text,
                h.score
            )
        })
        .collect()
}

/// Where the expected answer must be.
#[derive(Clone, Copy)]
enum Within {
    /// Rank 1.
    First,
    /// The top three: two answers are fair.
    Top3,
}
use Within::{First, Top3};

/// query, kinds (empty: all), expected `kind:slug`, where.
const SEARCH: &[(&str, &[Kind], &str, Within)] = &[
    // Aliases and abbreviations resolve to the canonical entry.
    ("k8s", &[], "skill:kubernetes", First),
    ("kube", &[], "skill:kubernetes", First),
    ("postgres", &[], "skill:postgresql", First),
    ("golang", &[], "skill:go", First),
    ("reactjs", &[], "skill:react", First),
    ("amazon web services", &[], "skill:aws", First),
    ("excel", &[], "skill:microsoft-excel", First),
    ("gcp", &[], "skill:google-cloud", First),
    ("nlp", &[], "skill:natural-language-processing", First),
    ("ML", &[], "skill:machine-learning", First),
    ("tsql", &[], "skill:t-sql", First),
    ("sfdc", &[], "skill:salesforce", First),
    ("rails", &[], "skill:ruby-on-rails", First),
    ("vue", &[], "skill:vuejs", First),
    ("mongo", &[], "skill:mongodb", First),
    ("js", &[], "skill:javascript", First),
    ("basic life support", &[], "skill:bls-certification", First),
    ("cardiopulmonary resuscitation", &[], "skill:cpr", First),
    ("project management professional", &[], "skill:pmp", First),
    ("Structured Query Language", &[], "skill:sql", First),
    // Names with punctuation, searchable as typed.
    ("c++", &[], "skill:cpp", First),
    ("C#", &[], "skill:csharp", First),
    (".net", &[], "skill:dotnet", First),
    ("node.js", &[], "skill:nodejs", First),
    ("ci/cd", &[], "skill:ci-cd", First),
    ("pl/sql", &[], "skill:pl-sql", First),
    ("t-sql", &[], "skill:t-sql", First),
    ("a/b testing", &[], "skill:a-b-testing", First),
    ("objective-c", &[], "skill:objective-c", First),
    ("f#", &[], "skill:fsharp", First),
    ("tcp/ip", &[], "skill:tcp-ip", First),
    ("c", &[], "skill:c", First),
    ("r", &[], "skill:r", First),
    ("next.js", &[], "skill:nextjs", First),
    ("Node.JS", &[], "skill:nodejs", First),
    // Typos, forgiven in the last tier.
    ("kubernets", &[], "skill:kubernetes", First),
    ("postgress", &[], "skill:postgresql", First),
    ("javscript", &[], "skill:javascript", First),
    ("pyhton", &[], "skill:python", First),
    ("djnago", &[], "skill:django", First),
    ("terrafrom", &[], "skill:terraform", First),
    ("tensorflw", &[], "skill:tensorflow", First),
    ("elasticsearh", &[], "skill:elasticsearch", First),
    ("recat", &[], "skill:react", First),
    ("machine lerning", &[], "skill:machine-learning", First),
    // Multi-word names: the phrase first.
    ("spring boot", &[], "skill:spring-boot", First),
    ("machine learning", &[], "skill:machine-learning", First),
    ("continuous integration", &[], "skill:continuous-integration", First),
    ("deep learning", &[], "skill:deep-learning", First),
    (
        "natural language processing",
        &[],
        "skill:natural-language-processing",
        First,
    ),
    ("data visualization", &[], "skill:data-visualization", First),
    ("project management", &[], "skill:project-management", First),
    ("stakeholder management", &[], "skill:stakeholder-management", First),
    ("problem solving", &[], "skill:problem-solving", First),
    ("container orchestration", &[], "skill:kubernetes", Top3),
    ("infrastructure as code", &[Kind::Skill], "skill:terraform", Top3),
    // Roles by title and alternative job titles.
    ("backend developer", &[], "role:backend-developer", First),
    ("back-end engineer", &[], "role:backend-developer", First),
    ("SRE", &[], "role:site-reliability-engineer", First),
    ("dba", &[], "role:database-administrator", First),
    ("registered nurse", &[], "role:registered-nurse", First),
    ("front-end engineer", &[], "role:frontend-developer", First),
    ("product owner", &[], "role:product-manager", First),
    ("ux designer", &[], "role:ux-designer", First),
    ("data scientist", &[], "role:data-scientist", First),
    ("help desk technician", &[], "role:it-support-specialist", First),
    ("FP&A analyst", &[], "role:financial-analyst", First),
    ("engineer", &[Kind::Role], "role:platform-engineer", Top3),
    ("nurse", &[Kind::Role], "role:registered-nurse", First),
    // Resume mistakes by title and description.
    ("resume too long", &[], "mistake:resume-too-long", First),
    (
        "references available upon request",
        &[],
        "mistake:references-on-request",
        First,
    ),
    ("objective statement", &[], "mistake:objective-statement", First),
    ("first-person pronouns", &[], "mistake:first-person-pronouns", First),
    (
        "achievements without numbers",
        &[],
        "mistake:unquantified-achievements",
        First,
    ),
    (
        "passive voice",
        &[Kind::Mistake],
        "mistake:passive-voice-openings",
        Top3,
    ),
    ("buzzwords", &[Kind::Mistake], "mistake:corporate-buzzwords", Top3),
    (
        "misspelled technology",
        &[Kind::Mistake],
        "mistake:misspelled-technology-names",
        First,
    ),
    ("linkedin", &[Kind::Mistake], "mistake:missing-linkedin", First),
    ("salary expectations", &[], "mistake:salary-information", Top3),
];

#[test]
fn the_relevance_table_holds() {
    let mut failures = Vec::new();
    for &(query, kinds, expected, within) in SEARCH {
        let hits = KB.index.search(query, kinds, 10).unwrap();
        let found: Vec<String> = hits.iter().map(|h| slug(&KB.catalog, h)).collect();
        let depth = match within {
            First => 1,
            Top3 => 3,
        };
        if !found.iter().take(depth).any(|s| s == expected) {
            failures.push(format!(
                "{query:?}: expected {expected} in top {depth}, got {:#?}",
                describe(&hits)
            ));
        }
    }
    assert!(SEARCH.len() >= 60);
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        SEARCH.len(),
        failures.join("\n")
    );
}

#[test]
fn the_matched_text_names_the_alias_that_matched() {
    for (query, matched) in [
        ("k8s", "k8s"),
        ("postgres", "Postgres"),
        ("golang", "Golang"),
        ("reactjs", "ReactJS"),
        ("amazon web services", "Amazon Web Services"),
    ] {
        let hit = &KB.index.search(query, &[], 1).unwrap()[0];
        assert_eq!(hit.matched_by, MatchKind::Exact, "{query}");
        assert_eq!(hit.matched_text.as_deref(), Some(matched), "{query}");
    }
    let typo = &KB.index.search("kubernets", &[], 1).unwrap()[0];
    assert_eq!(
        (typo.matched_by, typo.matched_text.as_deref()),
        (MatchKind::Fuzzy, Some("Kubernetes"))
    );
}

#[test]
fn the_letter_c_does_not_match_every_c_language() {
    let hits = KB.index.search("c", &[], 50).unwrap();
    let found: Vec<String> = hits.iter().map(|h| slug(&KB.catalog, h)).collect();
    for other in ["skill:objective-c", "skill:dotnet", "skill:cpp"] {
        // C++ may only follow through a spelled-out alias such as "C plus plus".
        let via_word_c = hits.iter().filter(|h| slug(&KB.catalog, h) == other).all(|h| {
            h.matched_text
                .as_deref()
                .is_some_and(|t| t.to_lowercase().split(' ').any(|w| w == "c"))
        });
        assert!(via_word_c, "{other} in {found:?}");
    }
}

/// prefix, kinds, expected `kind:slug`, where.
const SUGGEST: &[(&str, &[Kind], &str, Within)] = &[
    ("reac", &[], "skill:react", First),
    ("reac", &[], "skill:react-native", Top3),
    ("kube", &[], "skill:kubernetes", First),
    ("back", &[], "role:backend-developer", Top3),
    ("postg", &[], "skill:postgresql", First),
    ("pyth", &[], "skill:python", First),
    ("spring b", &[], "skill:spring-boot", First),
    ("java", &[], "skill:java", First),
    ("javas", &[], "skill:javascript", First),
    ("c+", &[], "skill:cpp", First),
    ("data sci", &[Kind::Role], "role:data-scientist", First),
    ("terra", &[], "skill:terraform", First),
    ("resume too", &[], "mistake:resume-too-long", Top3),
];

#[test]
fn suggestions_complete_as_the_user_types() {
    let mut failures = Vec::new();
    for &(prefix, kinds, expected, within) in SUGGEST {
        let hits = KB.index.suggest(prefix, kinds, 8).unwrap();
        let found: Vec<String> = hits.iter().map(|h| slug(&KB.catalog, h)).collect();
        let depth = match within {
            First => 1,
            Top3 => 3,
        };
        if !found.iter().take(depth).any(|s| s == expected) {
            failures.push(format!(
                "{prefix:?}: expected {expected} in top {depth}, got {:#?}",
                describe(&hits)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn empty_and_blank_queries_are_rejected() {
    for query in ["", " ", "\t\n  ", "\u{0}\u{1b}"] {
        assert!(
            matches!(KB.index.search(query, &[], 10), Err(SearchError::EmptyQuery)),
            "{query:?}"
        );
        assert!(
            matches!(KB.index.suggest(query, &[], 10), Err(SearchError::EmptyQuery)),
            "{query:?}"
        );
    }
}

#[test]
fn hostile_queries_are_plain_text_and_never_panic() {
    let long_word = "a".repeat(10_000);
    let long_words = "kubernetes ".repeat(1_000);
    let hostile = [
        "\"",
        "\"\"\"",
        ":",
        "title:react",
        "(",
        "((((",
        ")",
        "*",
        "react*",
        "~",
        "python~2",
        "^",
        "go^10",
        "\\",
        "\\\\",
        "[a TO z]",
        "{}",
        "+python -java",
        "AND OR NOT",
        "\u{0}python\u{7}",
        "\u{202e}sql",
        "🦀🦀",
        "ｋ８ｓ",
        long_word.as_str(),
        long_words.as_str(),
    ];
    for query in hostile {
        for limit in [0, 1, 10, 50, usize::MAX] {
            let hits = KB.index.search(query, &[], limit).unwrap();
            assert!(hits.len() <= limit.min(50), "{query:?}");
            let suggestions = KB.index.suggest(query, &[], limit).unwrap();
            assert!(suggestions.len() <= limit.min(50), "{query:?}");
        }
    }
    // The words around the syntax still count.
    let first = |q: &str| slug(&KB.catalog, &KB.index.search(q, &[], 1).unwrap()[0]);
    assert_eq!(first("title:react"), "skill:react");
    assert_eq!(first("\u{0}python\u{7}"), "skill:python");
    assert_eq!(first("ｋ８ｓ"), "skill:kubernetes");
    assert_eq!(first(&long_words), "skill:kubernetes");
}

#[test]
fn the_limit_defaults_to_what_is_asked_and_is_capped_at_fifty() {
    assert_eq!(KB.index.search("engineer", &[], 10).unwrap().len(), 10);
    assert_eq!(KB.index.search("engineer", &[], 1_000).unwrap().len(), 50);
    assert_eq!(KB.index.suggest("s", &[], 1_000).unwrap().len(), 50);
}

// The on-disk lifecycle, on the real knowledge base.

fn kb_catalog(version: i64) -> Catalog {
    Catalog::build(default_taxonomy().unwrap(), version).unwrap()
}

fn only_build(dir: &Path) -> PathBuf {
    let builds: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with('v'))
        .collect();
    assert_eq!(builds.len(), 1, "{builds:?}");
    builds.into_iter().next().unwrap()
}

fn assert_serves(index: &SearchIndex) {
    let hit = &index.search("k8s", &[], 1).unwrap()[0];
    assert_eq!(slug(&KB.catalog, hit), "skill:kubernetes");
}

#[test]
fn an_index_of_another_taxonomy_version_is_rebuilt_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let old = SearchIndex::open_or_build(dir.path(), &kb_catalog(1)).unwrap();
    let old_path = old.path().unwrap().to_owned();
    drop(old);
    let mut rebuilt = false;
    let new = SearchIndex::open_or_build_with_progress(dir.path(), &kb_catalog(2), |_| rebuilt = true).unwrap();
    assert!(rebuilt);
    assert_eq!(new.taxonomy_version(), 2);
    assert!(!old_path.exists());
    assert_eq!(only_build(dir.path()), new.path().unwrap());
    assert_serves(&new);
}

#[test]
fn an_index_with_a_garbage_meta_file_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = kb_catalog(3);
    let built = SearchIndex::open_or_build(dir.path(), &catalog).unwrap();
    let path = built.path().unwrap().to_owned();
    drop(built);
    std::fs::write(path.join("meta.json"), b"\x00garbage{{{").unwrap();
    let reopened = SearchIndex::open_or_build(dir.path(), &catalog).unwrap();
    assert_ne!(reopened.path(), Some(path.as_path()));
    assert_eq!(only_build(dir.path()), reopened.path().unwrap());
    assert_serves(&reopened);
}

#[test]
fn an_index_with_a_damaged_segment_file_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = kb_catalog(4);
    let built = SearchIndex::open_or_build(dir.path(), &catalog).unwrap();
    let path = built.path().unwrap().to_owned();
    drop(built);
    let postings = std::fs::read_dir(&path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .unwrap();
    let mut bytes = std::fs::read(&postings).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&postings, bytes).unwrap();
    let reopened = SearchIndex::open_or_build(dir.path(), &catalog).unwrap();
    assert_ne!(reopened.path(), Some(path.as_path()));
    assert_serves(&reopened);
}

#[test]
fn an_index_recorded_under_another_version_by_hand_is_not_served() {
    // A directory that claims this version by name but holds another's data.
    let dir = tempfile::tempdir().unwrap();
    let other = SearchIndex::build(dir.path(), &kb_catalog(5), |_| {}).unwrap();
    let other_path = other.path().unwrap().to_owned();
    drop(other);
    let disguised = dir.path().join("v6-ffffffffffffffffffff-1-0");
    std::fs::rename(&other_path, &disguised).unwrap();
    let served = SearchIndex::open_or_build(dir.path(), &kb_catalog(6)).unwrap();
    assert_ne!(served.path(), Some(disguised.as_path()));
    assert_eq!(served.taxonomy_version(), 6);
    assert!(!disguised.exists());
}

#[test]
fn a_half_written_build_is_ignored_and_left_to_its_builder() {
    let dir = tempfile::tempdir().unwrap();
    let staging = dir.path().join(".building-00000000000000000001-1-0");
    std::fs::create_dir(&staging).unwrap();
    std::fs::write(staging.join("meta.json"), b"{").unwrap();
    let served = SearchIndex::open_or_build(dir.path(), &kb_catalog(7)).unwrap();
    assert_serves(&served);
    // Recent: another process may still be writing it.
    assert!(staging.exists());
}
