//! The cost of isolation: in-process `extract` against `extract_isolated`
//! (a child `atscan extract` under rlimits, fed through pipes) on the same
//! DOCX and PDF resumes. The difference is what every upload pays for not
//! letting a hostile file near the server process.
//!
//! `cargo bench --bench document`

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use atscan::document::{Isolation, Limits, extract, extract_isolated};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

#[path = "../tests/document/fixtures.rs"]
mod fixtures;

fn isolation_cost(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let isolation = Isolation {
        program: PathBuf::from(env!("CARGO_BIN_EXE_atscan")),
        timeout: Duration::from_secs(10),
        ..Isolation::default()
    };
    let limits = Limits::default();
    let documents = [
        ("docx", fixtures::docx_resume()),
        ("pdf one column", fixtures::one_column_pdf()),
        ("pdf two columns", fixtures::two_column_pdf()),
    ];
    let mut group = c.benchmark_group("document");
    for (name, bytes) in &documents {
        group.bench_with_input(BenchmarkId::new("in process", name), bytes, |b, bytes| {
            b.iter(|| extract(black_box(bytes), &limits).expect("readable"));
        });
        group.bench_with_input(BenchmarkId::new("isolated", name), bytes, |b, bytes| {
            b.iter(|| {
                runtime
                    .block_on(extract_isolated(black_box(bytes.clone()), &isolation))
                    .expect("readable")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, isolation_cost);
criterion_main!(benches);
