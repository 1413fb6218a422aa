//! The `atscan` command line: one function per subcommand.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use migrations::{Migrator, MigratorTrait};

use crate::config::{DatabaseSettings, Settings};
use crate::curation::{ImportMode, import};
use crate::startup::{Application, shutdown_signal};
use crate::store;
use crate::taxonomy::files::{read_taxonomy, write_taxonomy};

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

    #[command(subcommand)]
    pub command: Command,
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
    /// Merge a taxonomy file or folder (TOML or JSON) into the database by slug
    Import {
        path: PathBuf,
        #[command(flatten)]
        database: DatabaseSettings,
        /// Make the imported entries the whole taxonomy instead of merging
        #[arg(long)]
        replace: bool,
    },
    /// Write the stored taxonomy as a folder of TOML files, or one .json file
    Export {
        path: PathBuf,
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Print the GraphQL schema (SDL)
    Schema,
}

pub fn init_tracing(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tantivy=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Pretty => builder.with_ansi(std::io::stderr().is_terminal()).init(),
    }
}

pub async fn run(command: Command) -> anyhow::Result<()> {
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
        Command::Import {
            path,
            database,
            replace,
        } => {
            let files = read_taxonomy(&path)?;
            let db = store::connect(&database.database_url).await?;
            store::migrate(&db).await?;
            let mode = if replace {
                ImportMode::Replace
            } else {
                ImportMode::Merge
            };
            let saved = import(&db, files, mode)
                .await
                .with_context(|| format!("importing {}", path.display()))?;
            if saved.changed {
                eprintln!("imported {}: taxonomy is now version {}", path.display(), saved.version);
            } else {
                eprintln!(
                    "imported {}: nothing changed (version {})",
                    path.display(),
                    saved.version
                );
            }
        }
        Command::Export { path, database } => {
            let db = store::connect(&database.database_url).await?;
            store::migrate(&db).await?;
            let (taxonomy, version) = store::load_taxonomy(&db).await?;
            write_taxonomy(&taxonomy, &path)?;
            eprintln!("exported taxonomy version {version} to {}", path.display());
        }
        Command::Schema => print!("{}", crate::graphql::sdl()),
    }
    Ok(())
}
