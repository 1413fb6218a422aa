//! The scan engine over the real default knowledge base: a corpus of
//! realistic resume/job pairs across roles (tests/fixtures/scan/*.toml) with
//! the skills, importances and mistakes a careful reader would expect; a trap
//! corpus of ordinary English; span round-trips; and properties of the score.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use atscan::scan::{self, KeywordMatcher, ScanReport, ScanRequest, TextSpan};
use atscan::taxonomy::files::default_taxonomy;
use atscan::taxonomy::{Catalog, Importance, normalize_term};
use proptest::prelude::*;
use serde::Deserialize;

fn snapshot() -> &'static (Catalog, KeywordMatcher) {
    static SNAPSHOT: OnceLock<(Catalog, KeywordMatcher)> = OnceLock::new();
    SNAPSHOT.get_or_init(|| {
        let catalog = Catalog::build(default_taxonomy().unwrap(), 0).unwrap();
        let matcher = KeywordMatcher::build(&catalog).unwrap();
        (catalog, matcher)
    })
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    resume: Text,
    job: Option<Text>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    text: String,
}

/// What a careful human reader expects of a case; every list is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Expect {
    /// The target role the client passes.
    given_role: Option<String>,
    /// The role of the report (given or inferred).
    role: Option<String>,
    resume_skills: Vec<String>,
    resume_absent: Vec<String>,
    job_skills: Vec<String>,
    job_absent: Vec<String>,
    job_required: Vec<String>,
    job_preferred: Vec<String>,
    /// Job keywords the resume lacks.
    missing: Vec<String>,
    mistakes: Vec<String>,
    no_mistakes: Vec<String>,
    min_score: Option<u8>,
    max_score: Option<u8>,
}

fn cases() -> &'static [(String, Case)] {
    static CASES: OnceLock<Vec<(String, Case)>> = OnceLock::new();
    CASES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scan");
        let mut cases: Vec<(String, Case)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .map(|path| {
                let name = path.file_stem().unwrap().to_string_lossy().into_owned();
                let case: Case =
                    toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"));
                (name, case)
            })
            .collect();
        cases.sort_by(|a, b| a.0.cmp(&b.0));
        cases
    })
}

fn run(case: &Case) -> ScanReport {
    let (catalog, matcher) = snapshot();
    let role = case.expect.given_role.as_deref().map(|slug| {
        catalog
            .role_by_slug(slug)
            .unwrap_or_else(|| panic!("role {slug} is not in the taxonomy"))
    });
    let request = ScanRequest {
        resume: &case.resume.text,
        job: case.job.as_ref().map(|j| j.text.as_str()),
        role,
    };
    scan::scan(catalog, matcher, &request).unwrap()
}

fn slug(catalog: &Catalog, skill: atscan::taxonomy::SkillIdx) -> &str {
    &catalog.skill(skill).skill.slug
}

/// Every way the report departs from what the case expects.
fn departures(case: &Case) -> Vec<String> {
    let (catalog, matcher) = snapshot();
    let report = run(case);
    let expect = &case.expect;
    let mut wrong = Vec::new();
    let resume: Vec<&str> = report
        .resume_keywords()
        .iter()
        .map(|h| slug(catalog, h.skill))
        .collect();
    let job: BTreeMap<&str, Importance> = report
        .job_keywords()
        .iter()
        .map(|h| h.skill)
        .chain(report.matched().iter().map(|m| m.skill))
        .chain(report.missing().iter().map(|m| m.skill))
        .filter_map(|skill| Some((slug(catalog, skill), report.importance_of(skill)?)))
        .collect();
    let known = |s: &str| catalog.skill_by_slug(s).is_some();
    for s in &expect.resume_skills {
        if !known(s) {
            wrong.push(format!("skill {s} is not in the taxonomy"));
        } else if !resume.contains(&s.as_str()) {
            wrong.push(format!("resume should name {s}"));
        }
    }
    let lists = [
        &expect.resume_absent,
        &expect.job_skills,
        &expect.job_absent,
        &expect.job_required,
        &expect.job_preferred,
        &expect.missing,
    ];
    for s in lists.into_iter().flatten() {
        if !known(s) {
            wrong.push(format!("skill {s} is not in the taxonomy"));
        }
    }
    for s in &expect.resume_absent {
        if resume.contains(&s.as_str()) {
            wrong.push(format!("resume should not name {s}"));
        }
    }
    for s in &expect.job_skills {
        if !job.contains_key(s.as_str()) {
            wrong.push(format!("job should name {s}"));
        }
    }
    for s in &expect.job_absent {
        if job.contains_key(s.as_str()) {
            wrong.push(format!("job should not name {s}"));
        }
    }
    for (list, importance) in [
        (&expect.job_required, Importance::Required),
        (&expect.job_preferred, Importance::Preferred),
    ] {
        for s in list {
            match job.get(s.as_str()) {
                Some(found) if *found == importance => {}
                found => wrong.push(format!("job should ask for {s} as {importance:?}, got {found:?}")),
            }
        }
    }
    let missing: Vec<&str> = report.missing().iter().map(|m| slug(catalog, m.skill)).collect();
    for s in &expect.missing {
        if !missing.contains(&s.as_str()) {
            wrong.push(format!("{s} should be missing"));
        }
    }
    let mistakes: Vec<&str> = report
        .mistakes(catalog, matcher)
        .iter()
        .map(|m| catalog.mistake(m.mistake).mistake.slug.as_str())
        .collect();
    for m in &expect.mistakes {
        if catalog.mistake_by_slug(m).is_none() {
            wrong.push(format!("mistake {m} is not in the taxonomy"));
        } else if !mistakes.contains(&m.as_str()) {
            wrong.push(format!("mistake {m} should be detected"));
        }
    }
    for m in &expect.no_mistakes {
        if let Some(found) = report
            .mistakes(catalog, matcher)
            .iter()
            .find(|d| catalog.mistake(d.mistake).mistake.slug == *m)
        {
            wrong.push(format!("mistake {m} should not be detected: {}", found.message));
        }
    }
    let role = report.role().map(|r| catalog.role(r).role.slug.as_str());
    if expect.role.is_some() && role != expect.role.as_deref() {
        wrong.push(format!("role should be {:?}, got {role:?}", expect.role));
    }
    let overall = report.score().overall;
    if expect.min_score.is_some_and(|min| overall < min) || expect.max_score.is_some_and(|max| overall > max) {
        wrong.push(format!(
            "score {overall} is outside {:?}..={:?}",
            expect.min_score, expect.max_score
        ));
    }
    wrong
}

#[test]
fn the_corpus_covers_twenty_pairs_across_eight_roles() {
    let roles: std::collections::BTreeSet<&str> =
        cases().iter().filter_map(|(_, c)| c.expect.role.as_deref()).collect();
    assert!(cases().len() >= 20, "{} cases", cases().len());
    assert!(roles.len() >= 8, "{roles:?}");
}

#[test]
fn every_case_reads_as_a_careful_reader_expects() {
    let failures: Vec<String> = cases()
        .iter()
        .flat_map(|(name, case)| departures(case).into_iter().map(move |d| format!("{name}: {d}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} departures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// One sentence per line; `#` starts a comment.
fn lines(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/scan")
        .join(file);
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn ordinary_english_yields_no_ambiguous_skill() {
    let (catalog, matcher) = snapshot();
    let mut failures = Vec::new();
    for sentence in lines("traps.txt") {
        for hit in scan::extract_keywords(catalog, matcher, &sentence) {
            for span in &hit.spans {
                let ambiguous = catalog.skills_named(&span.text).iter().any(|t| t.ambiguous);
                if ambiguous {
                    failures.push(format!(
                        "{sentence:?}: {} from {:?}",
                        slug(catalog, hit.skill),
                        span.text
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn slugs_in(text: &str) -> Vec<&'static str> {
    let (catalog, matcher) = snapshot();
    scan::extract_keywords(catalog, matcher, text)
        .iter()
        .map(|hit| slug(catalog, hit.skill))
        .collect()
}

#[test]
fn an_ambiguous_term_counts_in_a_document_of_its_field() {
    let embedded =
        "Maintained the firmware of our boards.\n\nBrought up microcontrollers over I2C and SPI under an RTOS.";
    assert!(
        slugs_in(embedded).contains(&"firmware-development"),
        "{:?}",
        slugs_in(embedded)
    );
    let army = "Install electronic warfare hardware, firmware, and threat loads for the unit.";
    assert!(
        !slugs_in(army).contains(&"firmware-development"),
        "{:?}",
        slugs_in(army)
    );
    // A name curated with its capital needs context of its own, whatever
    // the field: a developer's resume still has seasons and English verbs.
    let developer = "Built services in Java and Kotlin with Hibernate, Python and PostgreSQL.\n\
        Go to person for production incidents.\n\nB.S. Computer Science, Spring 2019\n\
        Swift responses to customer issues.";
    let found = slugs_in(developer);
    for word in ["go", "spring", "swift"] {
        assert!(!found.contains(&word), "{word} in {found:?}");
    }
}

#[test]
fn a_lowercase_ambiguous_term_may_be_title_cased_or_hyphenated() {
    let text = "Skills: Medical Records, Patient Intake\nCode reviews, issue tracking and on-call customer support";
    let found = slugs_in(text);
    assert!(found.contains(&"health-information-management"), "{found:?}");
    assert!(found.contains(&"on-call"), "{found:?}");
}

#[test]
fn capitals_stand_for_any_curated_case_but_context_is_still_asked() {
    let found = slugs_in("Frameworks: PostCSS | LESS | Sass\nLanguages: Java, C++, LISP");
    assert!(found.contains(&"less"), "{found:?}");
    assert!(found.contains(&"lisp"), "{found:?}");
    let heading = slugs_in("LESS IS MORE: A PORTFOLIO");
    assert!(!heading.contains(&"less"), "{heading:?}");
}

#[test]
fn a_certificate_is_found_under_the_issuer_named_after_it() {
    let found =
        slugs_in("CERTIFICATIONS\nSEO Certificate | HubSpot Academy | 2026\nC2 Proficiency Certificate | EFSET | 2025");
    assert!(found.contains(&"hubspot-seo-certification"), "{found:?}");
    // Without its issuer a certificate names its subject only.
    let alone = slugs_in("SEO Certificate, 2026");
    assert!(!alone.contains(&"hubspot-seo-certification"), "{alone:?}");
}

#[test]
fn the_same_words_in_technical_context_are_skills() {
    let (catalog, matcher) = snapshot();
    let mut failures = Vec::new();
    for line in lines("technical.txt") {
        let (expected, sentence) = line.split_once('|').unwrap();
        let found: Vec<&str> = scan::extract_keywords(catalog, matcher, sentence.trim())
            .iter()
            .map(|hit| slug(catalog, hit.skill))
            .collect();
        if !found.contains(&expected.trim()) {
            failures.push(format!("{sentence:?} should name {expected}, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn utf16_slice(text: &str, span: &TextSpan) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[span.start as usize..span.end as usize])
}

/// Emoji and other non-BMP characters before and between the words.
fn with_emoji(text: &str) -> String {
    let mut out = String::from("🚀 𝔍𝔞𝔫𝔢 ");
    for (i, line) in text.lines().enumerate() {
        if i % 3 == 1 {
            out.push_str("👩🏽‍💻 ");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn every_span_slices_back_to_its_text_in_utf16_after_emoji() {
    let (catalog, matcher) = snapshot();
    for (name, case) in cases() {
        let resume = with_emoji(&case.resume.text);
        let job = case.job.as_ref().map(|j| with_emoji(&j.text));
        let request = ScanRequest {
            resume: &resume,
            job: job.as_deref(),
            role: None,
        };
        let report = scan::scan(catalog, matcher, &request).unwrap();
        let mut spans: Vec<(&str, &TextSpan)> = Vec::new();
        spans.extend(
            report
                .resume_keywords()
                .iter()
                .flat_map(|h| &h.spans)
                .map(|s| (resume.as_str(), s)),
        );
        if let Some(job) = &job {
            spans.extend(
                report
                    .job_keywords()
                    .iter()
                    .flat_map(|h| &h.spans)
                    .map(|s| (job.as_str(), s)),
            );
        }
        spans.extend(report.sections().iter().map(|s| (resume.as_str(), &s.span)));
        spans.extend(
            report
                .mistakes(catalog, matcher)
                .iter()
                .flat_map(|m| &m.evidence)
                .map(|s| (resume.as_str(), s)),
        );
        spans.extend(
            report
                .suggestions(catalog, matcher)
                .iter()
                .flat_map(|s| &s.evidence)
                .map(|s| (resume.as_str(), s)),
        );
        assert!(!spans.is_empty(), "{name}");
        for (text, span) in spans {
            assert_eq!(utf16_slice(text, span), span.text, "{name}: {span:?}");
        }
        // Keyword spans cover exactly the matched words.
        for hit in report.resume_keywords() {
            for span in &hit.spans {
                let key = normalize_term(&span.text);
                let named = |key: &str| catalog.skills_named(key).iter().any(|t| t.skill == hit.skill);
                // Also derived wordings: a soft skill's verb (`Negotiated`),
                // a verb phrase (`Managed the brand`), a practitioner.
                let kind = catalog.skill(hit.skill).skill.kind;
                let derived = |key: &str| {
                    catalog
                        .terms()
                        .filter(|(_, owners)| owners.iter().any(|t| t.skill == hit.skill))
                        .any(|(term, _)| scan::derived_wordings(term, kind).iter().any(|w| w == key))
                };
                let written = [key.as_str(), key.trim_end_matches('s')]
                    .into_iter()
                    .any(|key| named(key) || derived(key));
                assert!(
                    written,
                    "{name}: {:?} is not a way of writing {}",
                    span.text,
                    slug(catalog, hit.skill)
                );
            }
        }
    }
}

/// Roles whose work has little in common with software development.
fn is_software(role: &str) -> bool {
    [
        "backend",
        "frontend",
        "data-scientist",
        "devops",
        "ios",
        "full-stack",
        "qa",
    ]
    .iter()
    .any(|r| role.contains(r))
}

fn score(resume: &str, job: Option<&str>) -> u8 {
    let (catalog, matcher) = snapshot();
    scan::scan(
        catalog,
        matcher,
        &ScanRequest {
            resume,
            job,
            role: None,
        },
    )
    .unwrap()
    .score()
    .overall
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_score_is_within_bounds_and_deterministic(i in 0usize..100, j in 0usize..100, keep in prop::collection::vec(any::<bool>(), 60)) {
        let cases = cases();
        let (_, case) = &cases[i % cases.len()];
        let (_, other) = &cases[j % cases.len()];
        // A resume with some of its lines dropped, against any job.
        let resume: String = case.resume.text.lines().zip(keep.iter().cycle()).filter(|(_, k)| **k).map(|(l, _)| format!("{l}\n")).collect();
        prop_assume!(!resume.trim().is_empty());
        let job = other.job.as_ref().map(|j| j.text.as_str());
        let first = score(&resume, job);
        prop_assert!(first <= 100);
        prop_assert_eq!(first, score(&resume, job));
    }

    #[test]
    fn adding_a_missing_required_keyword_never_lowers_the_score(i in 0usize..100, pick in 0usize..100) {
        let (catalog, matcher) = snapshot();
        let with_job: Vec<&Case> = cases().iter().map(|(_, c)| c).filter(|c| c.job.is_some()).collect();
        let case = with_job[i % with_job.len()];
        let job = case.job.as_ref().map(|j| j.text.as_str());
        let request = ScanRequest { resume: &case.resume.text, job, role: None };
        let before = scan::scan(catalog, matcher, &request).unwrap();
        let required: Vec<_> = before.missing().iter().filter(|m| m.importance == Importance::Required).collect();
        prop_assume!(!required.is_empty());
        let keyword = required[pick % required.len()];
        let resume = format!("{}\nSkills: {}\n", case.resume.text, keyword.job_wording);
        let after = scan::scan(catalog, matcher, &ScanRequest { resume: &resume, job, role: None }).unwrap();
        prop_assert!(after.matched().iter().any(|m| m.skill == keyword.skill), "{} not matched", keyword.job_wording);
        prop_assert!(after.score().overall >= before.score().overall, "{} -> {}", before.score().overall, after.score().overall);
    }

    #[test]
    fn a_resume_scores_higher_against_a_job_it_fits_than_an_unrelated_one(i in 0usize..100, j in 0usize..100) {
        let fits: Vec<&Case> = cases().iter().map(|(_, c)| c).filter(|c| c.job.is_some() && c.expect.min_score.is_some()).collect();
        let case = fits[i % fits.len()];
        let role = case.expect.role.as_deref().unwrap();
        let unrelated: Vec<&Case> = cases()
            .iter()
            .map(|(_, c)| c)
            .filter(|c| c.job.is_some() && c.expect.role.as_deref().is_some_and(|r| is_software(r) != is_software(role)))
            .collect();
        let other = unrelated[j % unrelated.len()];
        let fit = score(&case.resume.text, case.job.as_ref().map(|t| t.text.as_str()));
        let misfit = score(&case.resume.text, other.job.as_ref().map(|t| t.text.as_str()));
        prop_assert!(fit > misfit, "{fit} <= {misfit}");
    }

    #[test]
    fn arbitrary_unicode_never_panics(resume in "\\PC{0,400}", job in proptest::option::of("\\PC{0,300}"), noise in "[\\x00-\\x{10FFFF}]{0,80}") {
        let (catalog, matcher) = snapshot();
        let resume = format!("{resume}{noise}");
        let _ = scan::extract_keywords(catalog, matcher, &resume);
        if let Ok(report) = scan::scan(catalog, matcher, &ScanRequest { resume: &resume, job: job.as_deref(), role: None }) {
            let _ = (report.resume_keywords(), report.job_keywords(), report.sections(), report.stats());
            let _ = report.mistakes(catalog, matcher);
            let _ = report.suggestions(catalog, matcher);
            let units: Vec<u16> = resume.encode_utf16().collect();
            for span in report.resume_keywords().iter().flat_map(|h| &h.spans) {
                prop_assert!(span.start <= span.end && (span.end as usize) <= units.len());
            }
        }
    }
}

/// The slugs of the skills the default knowledge base finds in `text`.
fn skills_in(text: &str) -> Vec<String> {
    let (catalog, matcher) = snapshot();
    scan::extract_keywords(catalog, matcher, text)
        .into_iter()
        .map(|hit| catalog.skill(hit.skill).skill.slug.clone())
        .collect()
}

#[test]
fn verb_phrases_and_practitioners_name_the_skill() {
    let found = skills_in("Planned lessons weekly and analyzed the data. Staff Accountant at Acme.");
    for slug in ["lesson-planning", "data-analysis", "accounting"] {
        assert!(found.iter().any(|s| s == slug), "{slug} in {found:?}");
    }
    // A verb that is also a noun is a verb only where one stands.
    assert!(skills_in("- Review code and consult with engineers").contains(&"code-review".to_owned()));
    assert!(!skills_in("Five years of design experience.").contains(&"ux-design".to_owned()));
    // A derived wording stops at a hyphen: `time-sensitive` is no time.
    assert!(!skills_in("Manage time-sensitive requests.").contains(&"time-management".to_owned()));
}

#[test]
fn words_that_name_something_else_are_no_skills() {
    let none_of = |text: &str, slugs: &[&str]| {
        let found = skills_in(text);
        for slug in slugs {
            assert!(!found.iter().any(|s| s == slug), "{slug} in {text:?}: {found:?}");
        }
    };
    none_of(
        "Engineered CTI (Computer Telephony Integration) software; drivers for CTI hardware.",
        &["threat-intelligence"],
    );
    none_of("Compensation up to Php 50,000 a month.", &["php"]);
    none_of("Hydrologist [Confluence Environmental Company] 2013", &["confluence"]);
    none_of("link : https: //github.com/acme/tool", &["https"]);
    none_of(
        "Vulnerability research and exploit development (ex: CNO, CNA) in C and Python.",
        &["certified-nursing-assistant"],
    );
    // The same acronym among its field's skills stays.
    assert!(
        skills_in("CNA; vital signs, activities of daily living, patient care.")
            .contains(&"certified-nursing-assistant".to_owned())
    );
    // A spelled-out acronym that is the skill stays.
    assert!(
        skills_in("Built pipelines on AWS (Amazon Web Services).")
            .iter()
            .any(|s| s.contains("aws") || s.contains("amazon-web-services"))
    );
}

#[test]
fn a_coordination_completes_the_terms_it_shares_words_with() {
    let found = skills_in("Data collection, analysis and reporting; unit and integration testing.");
    for slug in [
        "data-collection",
        "data-analysis",
        "data-reporting",
        "unit-testing",
        "integration-testing",
    ] {
        assert!(found.iter().any(|s| s == slug), "{slug} in {found:?}");
    }
    let found = skills_in("Excellent written and verbal communication.");
    for slug in ["written-communication", "verbal-communication"] {
        assert!(found.iter().any(|s| s == slug), "{slug} in {found:?}");
    }
    // Words that complete no term add nothing.
    assert_eq!(skills_in("data collection and lunch"), ["data-collection"]);
}
