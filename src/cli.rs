//! The `atscan` command line: one function per subcommand.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand, ValueEnum};
use migrations::{Migrator, MigratorTrait};

use crate::auth::api_key::{self, Scope, format_scopes};
use crate::auth::password::hash_password;
use crate::config::{DatabaseSettings, Settings};
use crate::curation::{ImportMode, import};
use crate::startup::{Application, shutdown_signal};
use crate::store::{self, accounts};
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
        Command::User { action, database } => {
            let db = store::connect(&database.database_url).await?;
            store::migrate(&db).await?;
            run_user(&db, action).await?;
        }
        Command::ApiKey { action, database } => {
            let db = store::connect(&database.database_url).await?;
            store::migrate(&db).await?;
            run_api_key(&db, action).await?;
        }
    }
    Ok(())
}

async fn run_user(db: &sea_orm::DatabaseConnection, action: UserCommand) -> anyhow::Result<()> {
    match action {
        UserCommand::Create { email, role } => {
            let password = match std::env::var("ATSCAN_PASSWORD") {
                Ok(password) => password,
                Err(_) => rpassword::prompt_password(format!("password for {email}: "))?,
            };
            anyhow::ensure!(
                password.chars().count() >= 12,
                "the password must have at least 12 characters"
            );
            let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
            let user = accounts::create_user(db, email.trim(), &hash, &role)
                .await
                .with_context(|| format!("creating {email} (does the account exist already?)"))?;
            eprintln!("created {} user {} (id {})", user.role, user.email, user.id);
        }
        UserCommand::List => {
            for user in accounts::list_users(db).await? {
                let state = if user.disabled { "disabled" } else { "active" };
                println!("{}\t{}\t{}\t{state}", user.id, user.email, user.role);
            }
        }
        UserCommand::Disable { email } => {
            anyhow::ensure!(accounts::disable_user(db, &email).await?, "no user {email}");
            eprintln!("disabled {email}");
        }
    }
    Ok(())
}

async fn run_api_key(db: &sea_orm::DatabaseConnection, action: ApiKeyCommand) -> anyhow::Result<()> {
    match action {
        ApiKeyCommand::Create { name, scopes } => {
            let parsed: Vec<Scope> = scopes
                .iter()
                .map(|s| {
                    Scope::parse(s.trim()).ok_or_else(|| anyhow::anyhow!("unknown scope `{s}`: use scan, read, curate"))
                })
                .collect::<anyhow::Result<_>>()?;
            let key = api_key::generate();
            let row =
                accounts::create_api_key(db, &name, &key.prefix, &key.hash, &format_scopes(&parsed), None).await?;
            eprintln!(
                "created API key {} `{}` with scopes {}; it is shown only now:",
                row.id, row.name, row.scopes
            );
            println!("{}", key.secret);
        }
        ApiKeyCommand::List => {
            for key in accounts::list_api_keys(db).await? {
                let state = key.revoked_at.map_or("live".to_owned(), |t| format!("revoked {t}"));
                println!("{}\t{}\t{}…\t{}\t{state}", key.id, key.name, key.prefix, key.scopes);
            }
        }
        ApiKeyCommand::Revoke { id } => {
            anyhow::ensure!(accounts::revoke_api_key(db, id).await?, "no live API key {id}");
            eprintln!("revoked API key {id}");
        }
    }
    Ok(())
}
