//! Taxonomy search over the full default knowledge base: one search and one
//! suggestion per query (criterion reports the median), and a full build.
//!
//! `cargo bench --bench search`

use std::hint::black_box;

use atscan::search::{Kind, SearchIndex};
use atscan::taxonomy::Catalog;
use atscan::taxonomy::files::default_taxonomy;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// One query per ranking tier, plus typical multi-word input.
const SEARCHES: &[&str] = &[
    "k8s",
    "kube",
    "postgres",
    "machine learning",
    "container orchestration",
    "kubernets",
    "pyhton",
    "senior backend developer python",
    "engineer",
    "c++",
];

/// What a user types, keystroke by keystroke.
const PREFIXES: &[&str] = &["r", "re", "reac", "kube", "spring b", "data sci"];

fn catalog() -> Catalog {
    let taxonomy = default_taxonomy().expect("the default knowledge base is valid");
    Catalog::build(taxonomy, 0).expect("the default knowledge base indexes")
}

fn search(c: &mut Criterion) {
    let catalog = catalog();
    let index = SearchIndex::in_memory(&catalog).expect("index builds");
    let mut group = c.benchmark_group("search");
    for query in SEARCHES {
        group.bench_with_input(BenchmarkId::from_parameter(query), query, |b, query| {
            b.iter(|| index.search(black_box(query), &[], 10).expect("search succeeds"));
        });
    }
    group.bench_function("skills only: kubernets", |b| {
        b.iter(|| {
            index
                .search(black_box("kubernets"), &[Kind::Skill], 10)
                .expect("search succeeds")
        });
    });
    group.finish();

    let mut group = c.benchmark_group("suggest");
    for prefix in PREFIXES {
        group.bench_with_input(BenchmarkId::from_parameter(prefix), prefix, |b, prefix| {
            b.iter(|| index.suggest(black_box(prefix), &[], 8).expect("suggest succeeds"));
        });
    }
    group.finish();
}

fn build(c: &mut Criterion) {
    let catalog = catalog();
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("in memory", |b| {
        b.iter(|| SearchIndex::in_memory(black_box(&catalog)).expect("index builds"));
    });
    let dir = tempfile::tempdir().expect("temp dir");
    group.bench_function("on disk", |b| {
        b.iter(|| SearchIndex::build(dir.path(), black_box(&catalog), |_| {}).expect("index builds"));
    });
    group.finish();
}

criterion_group!(benches, search, build);
criterion_main!(benches);
