use serde_json::{Value, json};

use crate::helpers::{Backend, error_code, js_slice, signed_in, spawn_app, spawn_app_with};

const SCAN: &str = "mutation($input: ScanInput!) { scan(input: $input) {
    role { slug } score { overall components { key score weight explanation } }
    matched { skill { slug } importance exactWording } missing { skill { slug } importance jobWording }
    mistakes { mistake { slug } message evidence { start end text } } suggestions { kind priority message } } }";

const RESUME: &str = "Jane Doe\njane@example.com | +1 555 123 4567\n\nExperience\n\
    Backend Engineer, Acme (2020 - 2024)\n- Built a billing API in Go serving 2M requests a day\n\
    - Cut p99 latency from 800ms to 120ms with Redis caching\n\nSkills\nGo, PostgreSQL, Docker, k8s\n\n\
    Education\nBSc Computer Science";

const JOB: &str =
    "Backend Developer\n\nRequirements\n- Go and PostgreSQL\n- Kubernetes\n- Terraform\n\nNice to have\n- GraphQL";

#[tokio::test]
async fn a_scan_reports_matches_missing_keywords_and_an_explained_score() {
    let app = spawn_app(Backend::Sqlite).await;
    let data = app
        .data(
            SCAN,
            json!({ "input": { "resumeText": RESUME, "jobDescription": JOB } }),
        )
        .await;
    let scan = &data["scan"];
    assert_eq!(scan["role"]["slug"], "backend-developer");
    let matched: Vec<&str> = scan["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["skill"]["slug"].as_str().unwrap())
        .collect();
    for slug in ["go", "postgresql", "kubernetes"] {
        assert!(matched.contains(&slug), "{slug} in {matched:?}");
    }
    let k8s = scan["matched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["skill"]["slug"] == "kubernetes")
        .unwrap();
    assert_eq!(k8s["exactWording"], false, "the resume says k8s, the job Kubernetes");
    assert_eq!(
        scan["missing"][0]["skill"]["slug"], "terraform",
        "required before preferred"
    );
    assert_eq!(scan["missing"][0]["jobWording"], "Terraform");
    let overall = scan["score"]["overall"].as_i64().unwrap();
    let components = scan["score"]["components"].as_array().unwrap();
    let weights: f64 = components.iter().map(|c| c["weight"].as_f64().unwrap()).sum();
    let weighted: f64 = components
        .iter()
        .map(|c| c["weight"].as_f64().unwrap() * c["score"].as_f64().unwrap())
        .sum();
    assert!((weights - 1.0).abs() < 1e-6, "{weights}");
    assert!(
        (weighted.round() as i64 - overall).abs() <= 1,
        "overall is the weighted sum"
    );
    assert!(
        components
            .iter()
            .all(|c| !c["explanation"].as_str().unwrap().is_empty())
    );
}

#[tokio::test]
async fn the_same_report_comes_from_the_engine_and_from_graphql() {
    let app = spawn_app(Backend::Sqlite).await;
    let data = app
        .data(
            SCAN,
            json!({ "input": { "resumeText": RESUME, "jobDescription": JOB } }),
        )
        .await;
    let snapshot = app.knowledge.snapshot();
    let request = atscan::scan::ScanRequest {
        resume: RESUME,
        job: Some(JOB),
        role: None,
    };
    let report = atscan::scan::scan(&snapshot.catalog, &snapshot.matcher, &request).unwrap();
    assert_eq!(
        data["scan"]["score"]["overall"].as_u64().unwrap(),
        u64::from(report.score().overall)
    );
    let slugs = |items: &Value| -> Vec<String> {
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["skill"]["slug"].as_str().unwrap().to_owned())
            .collect()
    };
    let engine_missing: Vec<String> = report
        .missing()
        .iter()
        .map(|m| snapshot.catalog.skill(m.skill).skill.slug.clone())
        .collect();
    assert_eq!(slugs(&data["scan"]["missing"]), engine_missing);
}

#[tokio::test]
async fn spans_are_utf16_offsets_that_slice_the_original_text() {
    let app = spawn_app(Backend::Sqlite).await;
    let text = "🚀 Shipped services in Go 🦀 and Rust with PostgreSQL — and Node.js, C++ and C# tooling.";
    let data = app
        .data(
            "query($t: String!) { extractKeywords(text: $t) { skill { slug } count spans { start end text } } }",
            json!({ "t": text }),
        )
        .await;
    let hits = data["extractKeywords"].as_array().unwrap();
    let slugs: Vec<&str> = hits.iter().map(|h| h["skill"]["slug"].as_str().unwrap()).collect();
    for slug in ["postgresql", "nodejs", "cpp", "csharp"] {
        assert!(slugs.contains(&slug), "{slug} in {slugs:?}");
    }
    for hit in hits {
        for span in hit["spans"].as_array().unwrap() {
            let sliced = js_slice(text, span["start"].as_u64().unwrap(), span["end"].as_u64().unwrap());
            assert_eq!(sliced, span["text"].as_str().unwrap());
        }
    }
}

#[tokio::test]
async fn bad_scan_input_gets_precise_codes() {
    let app = spawn_app(Backend::Sqlite).await;
    let cases = [
        (json!({ "resumeText": "   " }), "BAD_USER_INPUT"),
        (json!({}), "BAD_USER_INPUT"),
        (json!({ "resumeText": "x ".repeat(60_000) }), "PAYLOAD_TOO_LARGE"),
        (json!({ "resumeText": RESUME, "role": "astronaut" }), "NOT_FOUND"),
    ];
    for (input, code) in cases {
        let body = app
            .graphql(
                "mutation($i: ScanInput!) { scan(input: $i) { score { overall } } }",
                json!({ "i": input }),
            )
            .await;
        assert_eq!(error_code(&body), code, "{body}");
    }
}

#[tokio::test]
async fn terms_resolve_to_their_skill_and_say_when_they_are_ambiguous() {
    let app = spawn_app(Backend::Sqlite).await;
    let data = app
        .data(
            r#"{ k8s: resolve(term: "k8s") { slug } node: resolve(term: "Node") { slug } ts: resolve(term: "ts") { slug }
                 unknown: resolve(term: "flux capacitor") { slug }
                 go: resolveTerm(term: "Go") { skill { slug } ambiguous matchedText }
                 golang: resolveTerm(term: "golang") { skill { slug } ambiguous matchedText } }"#,
            json!({}),
        )
        .await;
    assert_eq!(data["k8s"]["slug"], "kubernetes");
    assert_eq!(data["node"]["slug"], "nodejs");
    assert_eq!(data["ts"]["slug"], "typescript");
    assert!(data["unknown"].is_null());
    assert_eq!(data["go"]["skill"]["slug"], "go");
    assert_eq!(data["go"]["ambiguous"], true);
    assert_eq!(data["golang"]["ambiguous"], false);
    assert_eq!(data["golang"]["matchedText"], "Golang");
}

#[tokio::test]
async fn a_skill_curated_a_moment_ago_is_found_by_the_next_scan() {
    let app = spawn_app(Backend::Sqlite).await;
    let editor = signed_in(&app, "editor@example.com", "editor").await;
    let resume = "Experience\n- Orchestrated payment workflows with Zeebe.io and Go";
    let found = |data: &Value| {
        data["extractKeywords"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["skill"]["slug"] == "zeebe-workflows")
    };
    let query = "query($t: String!) { extractKeywords(text: $t) { skill { slug } } }";
    assert!(!found(&app.data(query, json!({ "t": resume })).await));
    let (_, created) = app
        .graphql_as(
            &editor,
            r#"mutation { createSkill(input: { name: "Zeebe", slug: "zeebe-workflows", kind: HARD, aliases: ["Zeebe.io"] }) { slug } }"#,
            json!({}),
        )
        .await;
    assert!(created.get("errors").is_none(), "{created}");
    assert!(
        found(&app.data(query, json!({ "t": resume })).await),
        "the new alias matches at once"
    );
}

#[tokio::test]
async fn scans_have_their_own_budget_per_caller() {
    let app = spawn_app_with(Backend::Sqlite, |s| s.rate_scans_per_minute = 3).await;
    let scan = json!({ "query": "mutation { scan(input: { resumeText: \"Go developer\" }) { score { overall } } }" });
    for _ in 0..3 {
        let ok = app.client.post(app.graphql_url()).json(&scan).send().await.unwrap();
        assert_eq!(ok.status(), 200);
    }
    let limited = app.client.post(app.graphql_url()).json(&scan).send().await.unwrap();
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(error_code(&limited.json().await.unwrap()), "RATE_LIMITED");
    let read = app.graphql("{ roles { totalCount } }", json!({})).await;
    assert!(read.get("errors").is_none(), "reads are not scans");
}

/// The keyword lists answer from a one-pass path when every selected field
/// is plain, and from async-graphql's resolvers otherwise (here forced by
/// `category`, which the one-pass path does not serve). Both must agree on
/// every value, alias, fragment and `__typename`.
#[tokio::test]
async fn keyword_lists_answer_the_same_on_the_fast_path_and_the_full_resolver() {
    let app = spawn_app(Backend::Sqlite).await;
    let selection = |extra: &str| {
        format!(
            "mutation($input: ScanInput!) {{ scan(input: $input) {{
                resumeKeywords {{ __typename count hidden: count @include(if: false) skill {{ id slug name kind aliases {extra} }} spans {{ start end text }} }}
                jobKeywords {{ ...hit }}
                matched {{ importance n: resumeCount jobCount exactWording skill {{ slug {extra} }} }}
                missing {{ ... on MissingKeyword {{ importance jobWording skill {{ name {extra} }} }} }}
            }} }}
            fragment hit on KeywordHit {{ count s: spans {{ text }} skill {{ slug {extra} }} }}"
        )
    };
    let variables = json!({ "input": { "resumeText": RESUME, "jobDescription": JOB } });
    let fast = app.data(&selection(""), variables.clone()).await;
    let mut full = app.data(&selection("category { slug }"), variables).await;
    fn strip_category(value: &mut Value) {
        match value {
            Value::Object(fields) => {
                fields.remove("category");
                fields.values_mut().for_each(strip_category);
            }
            Value::Array(items) => items.iter_mut().for_each(strip_category),
            _ => {}
        }
    }
    strip_category(&mut full);
    assert_eq!(fast, full);
    let first = &fast["scan"]["resumeKeywords"][0];
    assert_eq!(first["__typename"], "KeywordHit");
    assert!(first.get("hidden").is_none(), "a skipped field stays out: {first}");
    assert!(first["skill"]["id"].as_str().unwrap().starts_with("Skill:"));
    assert!(fast["scan"]["matched"][0]["n"].as_u64().unwrap() >= 1);
    assert!(fast["scan"]["jobKeywords"][0]["s"][0]["text"].is_string());
}
