//! Changes to the stored taxonomy: imports now, curation edits later; each
//! validated as a whole and written in one transaction.

use sea_orm::DatabaseConnection;

use crate::store::{self, Saved, StoreError};
use crate::taxonomy::Taxonomy;
use crate::taxonomy::files::{FormatError, TaxonomyFiles, default_taxonomy};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Entries replace those with the same slug; others are kept.
    Merge,
    /// The imported entries become the whole taxonomy.
    Replace,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Format(#[from] FormatError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Imports entries read from files. Importing the same files twice changes
/// nothing the second time (and does not bump the version).
pub async fn import(db: &DatabaseConnection, files: TaxonomyFiles, mode: ImportMode) -> Result<Saved, ImportError> {
    let base = match mode {
        ImportMode::Merge => store::load_taxonomy(db).await?.0,
        ImportMode::Replace => Taxonomy::default(),
    };
    let target = files.merged_into(base)?;
    Ok(store::save_taxonomy(db, &target).await?)
}

/// Imports the embedded default knowledge base when the database holds no
/// taxonomy yet. Returns whether it did.
pub async fn seed_if_empty(db: &DatabaseConnection) -> Result<bool, ImportError> {
    let (current, _) = store::load_taxonomy(db).await?;
    if !current.skills.is_empty() || !current.roles.is_empty() {
        return Ok(false);
    }
    let default = default_taxonomy()?;
    match store::save_taxonomy(db, &default).await {
        Ok(saved) => Ok(saved.changed),
        // Another server sharing the database may have seeded it first.
        Err(error) if !store::load_taxonomy(db).await?.0.skills.is_empty() => {
            tracing::info!(%error, "default taxonomy was seeded concurrently");
            Ok(false)
        }
        Err(error) => Err(error.into()),
    }
}
