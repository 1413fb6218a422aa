//! The scan engine's own rate with every core busy: full reports (score,
//! keywords, sections, mistakes, suggestions) of the benchmark pair per
//! second, one thread per core, no GraphQL and no HTTP. `scripts/load.sh`
//! sets the HTTP rate of the same report beside it.
//!
//! Run with `cargo run --release --example engine_rate -- [seconds]`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use atscan::scan::KeywordMatcher;
use atscan::taxonomy::Catalog;
use atscan::taxonomy::files::default_taxonomy;

#[path = "../benches/support/full_report.rs"]
mod full_report;
use full_report::full_report;

/// The server's allocator, so that the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let seconds: u64 = std::env::args().nth(1).map_or(Ok(5), |s| s.parse())?;
    let catalog = Catalog::build(default_taxonomy()?, 0)?;
    let matcher = KeywordMatcher::build(&catalog)?;
    let request = full_report::request();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let scans: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = 0;
                    while Instant::now() < until {
                        black_box(full_report(&catalog, &matcher, &request));
                        done += 1;
                    }
                    done
                })
            })
            .collect();
        workers.into_iter().map(|worker| worker.join().unwrap_or(0)).sum()
    });
    let rate = scans as f64 / started.elapsed().as_secs_f64();
    println!("engine     {rate:12.0} full reports/s on {threads} threads");
    Ok(())
}
