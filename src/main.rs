use clap::Parser;

use atscan::cli::{Cli, init_tracing, run};

/// A scan report is thousands of small allocations (the response's values);
/// mimalloc serves them faster than the system allocator, across threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.log_format, cli.log_level());
    match run(cli.command).await {
        Ok(status) => status,
        // 1 is a finding (`scan --fail-under`); 2, as for a usage error, is a failure.
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::from(2)
        }
    }
}
