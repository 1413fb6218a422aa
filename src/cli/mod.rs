//! The `atscan` command line: one function per subcommand.

mod accounts;
mod batch;
mod benchmark;
mod coverage;
mod eval;
mod files;
mod import;
mod scan;
mod text;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use migrations::{Migrator, MigratorTrait};

use crate::config::{DatabaseSettings, Settings};
use crate::search::{BuildProgress, SearchIndex};
use crate::startup::{Application, shutdown_signal};
use crate::store;
use crate::taxonomy::files::write_taxonomy;

#[derive(Debug, Parser)]
#[command(
    name = "atscan",
    version,
    about = "Scores resumes against job descriptions over a curated keyword knowledge base"
)]
pub struct Cli {
    /// Log format: pretty on a terminal, json for log collectors
    #[arg(long, env = "ATSCAN_LOG_FORMAT", value_enum, global = true, default_value_t = LogFormat::Pretty)]
    pub log_format: LogFormat,

    /// Log what the command does: -v for INFO, -vv for DEBUG (the server
    /// logs INFO without it; RUST_LOG overrides both)
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The least severe level logged: a server says what it does, a
    /// one-shot command prints its result and only warnings beside it.
    pub fn log_level(&self) -> &'static str {
        match (self.verbose, &self.command) {
            (0, Command::Serve(_)) | (1, _) => "info",
            (0, _) => "warn",
            _ => "debug",
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the GraphQL API
    Serve(Box<Settings>),
    /// Apply database migrations (or roll them back)
    Migrate {
        #[command(flatten)]
        database: DatabaseSettings,
        /// Roll back every migration instead
        #[arg(long)]
        down: bool,
    },
    /// Merge a taxonomy file or folder (TOML or JSON) into the database by
    /// slug, or the new skills of a public taxonomy (ESCO, Lightcast)
    Import(import::ImportArgs),
    /// Write the stored taxonomy as a folder of TOML files, or one .json file
    Export {
        path: PathBuf,
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Print the GraphQL schema (SDL)
    Schema,
    /// Rebuild the on-disk search index from the stored taxonomy
    Reindex {
        #[command(flatten)]
        database: DatabaseSettings,
        /// Folder of the on-disk search index
        #[arg(long, env = "ATSCAN_INDEX_DIR", default_value = "index")]
        index_dir: PathBuf,
    },
    /// Scan a resume (against a job description or a role) without a server
    Scan(scan::ScanArgs),
    /// Print the text an ATS sees in a file, and how readable it is
    Text(text::TextArgs),
    /// Measure scan quality on the labelled real-world corpus
    Eval(eval::EvalArgs),
    /// Measure how much of real postings' requirements the knowledge base names
    Coverage(coverage::CoverageArgs),
    /// Score skill extraction on the public benchmark of Green et al. (LREC 2022)
    Benchmark(benchmark::BenchmarkArgs),
    /// Manage the accounts of editors and admins
    User {
        #[command(subcommand)]
        action: UserCommand,
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Manage API keys for platforms
    ApiKey {
        #[command(subcommand)]
        action: ApiKeyCommand,
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Extract a document from stdin as JSON (the server's isolated child process)
    #[command(hide = true)]
    Extract(crate::document::ChildArgs),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a user; the password comes from ATSCAN_PASSWORD or a prompt
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["admin", "editor"])]
        role: String,
    },
    /// List users
    List,
    /// Disable a user: their sessions stop working at once
    Disable {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApiKeyCommand {
    /// Create a key and print it (shown this once)
    Create {
        #[arg(long)]
        name: String,
        /// Comma-separated: scan, read, curate
        #[arg(long, value_delimiter = ',', default_value = "scan,read")]
        scopes: Vec<String>,
    },
    /// List keys (without their secrets)
    List,
    /// Revoke a key by id
    Revoke { id: i32 },
}

pub fn init_tracing(format: LogFormat, level: &str) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(format!("{level},sqlx=warn,tantivy=warn,lopdf=error,pdf_oxide=error")));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Pretty => builder.with_ansi(std::io::stderr().is_terminal()).init(),
    }
}

/// Runs a command; its exit status is success unless it says otherwise
/// (`atscan scan --fail-under`).
pub async fn run(command: Command) -> anyhow::Result<std::process::ExitCode> {
    match command {
        Command::Serve(settings) => {
            let app = Application::build(*settings).await?;
            app.run_until_stopped(shutdown_signal()).await?;
        }
        Command::Migrate { database, down } => {
            let db = store::connect(&database.database_url).await?;
            if down {
                Migrator::down(&db, None).await?;
                eprintln!("rolled back every migration");
            } else {
                store::migrate(&db).await?;
                eprintln!("database is up to date");
            }
        }
        Command::Import(args) => import::run_import(args).await?,
        Command::Export { path, database } => {
            let db = store::connect(&database.database_url).await?;
            store::migrate(&db).await?;
            let (taxonomy, version) = store::load_taxonomy(&db).await?;
            write_taxonomy(&taxonomy, &path)?;
            eprintln!("exported taxonomy version {version} to {}", path.display());
        }
        Command::Schema => out(format_args!("{}", crate::graphql::sdl()))?,
        Command::Scan(args) => return scan::run_scan(args).await,
        Command::Text(args) => text::run_text(args).await?,
        Command::Eval(args) => tokio::task::spawn_blocking(move || eval::run_eval(&args)).await??,
        Command::Coverage(args) => tokio::task::spawn_blocking(move || coverage::run_coverage(&args)).await??,
        Command::Benchmark(args) => tokio::task::spawn_blocking(move || benchmark::run_benchmark(&args)).await??,
        Command::Reindex { database, index_dir } => reindex(&database, index_dir).await?,
        Command::User { action, database } => {
            let db = store::connect(&database.database_url).await?;
            store::migrate(&db).await?;
            accounts::run_user(&db, action).await?;
        }
        Command::ApiKey { action, database } => {
            let db = store::connect(&database.database_url).await?;
            store::migrate(&db).await?;
            accounts::run_api_key(&db, action).await?;
        }
        Command::Extract(args) => crate::document::run_child(&args)?,
    }
    Ok(std::process::ExitCode::SUCCESS)
}

/// Writes to standard output. A reader that stops early (`atscan text
/// FILE | head`) closes the pipe: that ends the output, not the command,
/// and is no error.
pub(crate) fn out(text: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_fmt(text) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written,
    }
}

/// Builds a fresh index with a progress bar on a terminal (quiet when piped).
async fn reindex(database: &DatabaseSettings, index_dir: PathBuf) -> anyhow::Result<()> {
    let db = store::connect(&database.database_url).await?;
    store::migrate(&db).await?;
    let (taxonomy, version) = store::load_taxonomy(&db).await?;
    let index = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
        let catalog = crate::taxonomy::Catalog::build(taxonomy, version)?;
        let bar = if std::io::stderr().is_terminal() {
            indicatif::ProgressBar::new(0)
        } else {
            indicatif::ProgressBar::hidden()
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len}")?.progress_chars("=> "),
        );
        bar.set_message("indexing");
        let index = SearchIndex::build(&index_dir, &catalog, |progress| match progress {
            BuildProgress::Indexing { done, total } => {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            }
            BuildProgress::Committing => bar.set_message("committing"),
        })?;
        bar.finish_and_clear();
        Ok(index)
    })
    .await??;
    eprintln!("indexed {} entries of taxonomy version {version}", index.len());
    Ok(())
}
