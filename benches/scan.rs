//! The scan engine over the full default knowledge base: one scan of a
//! ~5 KB resume against a ~3 KB job (the eager core, and with every lazy part
//! forced), keyword extraction, and building the automaton per snapshot.
//!
//! Run with `cargo bench --bench scan`.

use std::hint::black_box;

use atscan::scan::{self, KeywordMatcher};
use atscan::taxonomy::Catalog;
use atscan::taxonomy::files::default_taxonomy;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "support/full_report.rs"]
mod full_report;
use full_report::{RESUME, full_report};

/// The server's allocator, so that the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn scan_benches(c: &mut Criterion) {
    let Ok(taxonomy) = default_taxonomy() else {
        eprintln!("the default taxonomy does not load; nothing to measure");
        return;
    };
    let Ok(catalog) = Catalog::build(taxonomy, 0) else {
        eprintln!("the default taxonomy does not index; nothing to measure");
        return;
    };
    let Ok(matcher) = KeywordMatcher::build(&catalog) else {
        eprintln!("the keyword matcher does not compile");
        return;
    };
    eprintln!(
        "{} terms, {:.1} MB of trie and automata",
        matcher.pattern_count(),
        matcher.memory_usage() as f64 / 1e6
    );
    let request = full_report::request();
    let mut group = c.benchmark_group("scan");
    group.bench_function("scan (score, matched, missing, stats)", |b| {
        b.iter(|| scan::scan(&catalog, &matcher, black_box(&request)))
    });
    group.bench_function("scan + keywords, sections, mistakes, suggestions", |b| {
        b.iter(|| full_report(&catalog, &matcher, &request))
    });
    group.bench_function("extract_keywords (5 KB resume)", |b| {
        b.iter(|| scan::extract_keywords(&catalog, &matcher, black_box(RESUME)))
    });
    group.finish();
    let mut build = c.benchmark_group("build");
    build.sample_size(10);
    build.bench_function("KeywordMatcher::build", |b| {
        b.iter(|| KeywordMatcher::build(black_box(&catalog)).map(|m| m.pattern_count()))
    });
    build.finish();
}

criterion_group!(benches, scan_benches);
criterion_main!(benches);
