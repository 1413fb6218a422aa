//! The GraphQL layer in process, without HTTP: the scan of `benches/scan.rs`
//! asked for the full report and for `score { overall }` only, each executed
//! and serialized to JSON. Their difference is what resolving and writing the
//! report's fields costs; the HTTP load script adds the network on top. The
//! full report is measured a second time with the plain path turned off
//! (`OrdinaryResolvers`), which shows what that path saves.
//!
//! Run with `cargo bench --bench graphql`.

use std::hint::black_box;

use async_graphql::{Request, Variables};
use atscan::graphql::plain::OrdinaryResolvers;
use atscan::graphql::scan::FULL_REPORT_QUERY;
use atscan::startup::LocalApi;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

/// The server's allocator, so that the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RESUME: &str = include_str!("../tests/fixtures/scan/bench/resume.txt");
const JOB: &str = include_str!("../tests/fixtures/scan/bench/job.txt");
const SCORE_ONLY_QUERY: &str = "mutation($input: ScanInput!) { scan(input: $input) { score { overall } } }";

fn graphql_benches(c: &mut Criterion) {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
        eprintln!("no tokio runtime; nothing to measure");
        return;
    };
    let api = match runtime.block_on(LocalApi::open(None)) {
        Ok(api) => api,
        Err(error) => {
            eprintln!("the embedded knowledge base does not load ({error:#}); nothing to measure");
            return;
        }
    };
    let variables = json!({ "input": { "resumeText": RESUME, "jobDescription": JOB } });
    let mut group = c.benchmark_group("graphql scan");
    for (name, query, plain) in [
        ("full report", FULL_REPORT_QUERY, true),
        ("full report, ordinary resolvers", FULL_REPORT_QUERY, false),
        ("score { overall }", SCORE_ONLY_QUERY, true),
    ] {
        let request = || {
            let request = Request::new(query).variables(Variables::from_json(variables.clone()));
            if plain {
                request
            } else {
                request.data(OrdinaryResolvers)
            }
        };
        let response = runtime.block_on(api.run(request()));
        if let Some(error) = response.errors.first() {
            eprintln!("{name}: {}", error.message);
            continue;
        }
        let bytes = serde_json::to_vec(&response).map_or(0, |body| body.len());
        eprintln!("{name}: {bytes} bytes of JSON");
        group.bench_function(name, |b| {
            b.iter(|| {
                let response = runtime.block_on(api.run(black_box(request())));
                serde_json::to_vec(&response).map(|body| body.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, graphql_benches);
criterion_main!(benches);
