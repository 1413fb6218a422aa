//! Persistence through sea-orm: connection, migrations, and the taxonomy's
//! rows. SQLite by default, PostgreSQL in production.

pub mod accounts;
pub mod entity;
mod taxonomy;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

pub use taxonomy::{
    Saved, TaxonomyEdit, load_row_versions, load_taxonomy, row_version, save_taxonomy, taxonomy_version,
};

/// The database used when none is configured: a file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://atscan.db?mode=rwc";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
}

/// Opens a connection pool. SQLite gets a single writer, so that
/// concurrent transactions queue instead of failing with "database is locked".
pub async fn connect(url: &str) -> Result<DatabaseConnection, StoreError> {
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false);
    if url.starts_with("sqlite:") {
        options.max_connections(1).min_connections(1);
    } else {
        options.max_connections(10);
    }
    Ok(Database::connect(options).await?)
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), StoreError> {
    Ok(Migrator::up(db, None).await?)
}
