//! The live knowledge base: one immutable snapshot of the taxonomy, swapped
//! atomically when the taxonomy changes. Requests read whichever snapshot
//! was current when they started and finish on it.

use std::sync::Arc;

use arc_swap::ArcSwap;
use sea_orm::DatabaseConnection;

use crate::store::{self, StoreError};
use crate::taxonomy::Catalog;
use crate::taxonomy::catalog::CatalogError;

/// Everything a request reads, built together from one taxonomy version.
#[derive(Debug)]
pub struct Snapshot {
    pub catalog: Catalog,
}

#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error("snapshot build was interrupted: {0}")]
    Join(#[from] tokio::task::JoinError),
}

impl Snapshot {
    /// Indexes a taxonomy and compiles everything derived from it. CPU-bound:
    /// call it from a blocking thread.
    pub fn build(taxonomy: crate::taxonomy::Taxonomy, version: i64) -> Result<Self, KnowledgeError> {
        Ok(Self {
            catalog: Catalog::build(taxonomy, version)?,
        })
    }
}

/// The current snapshot and the means to replace it.
#[derive(Debug)]
pub struct Knowledge {
    current: ArcSwap<Snapshot>,
    db: DatabaseConnection,
    /// Serializes rebuilds so two changes never race to swap.
    rebuild: tokio::sync::Mutex<()>,
}

impl Knowledge {
    /// Loads the stored taxonomy and builds the first snapshot.
    pub async fn load(db: DatabaseConnection) -> Result<Self, KnowledgeError> {
        let snapshot = build_from(&db).await?;
        Ok(Self {
            current: ArcSwap::from_pointee(snapshot),
            db,
            rebuild: tokio::sync::Mutex::new(()),
        })
    }

    /// The snapshot to serve a request from.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Rebuilds and swaps the snapshot if the stored taxonomy version differs
    /// from the served one (a change on this server or another one sharing
    /// the database). Returns the version now served.
    pub async fn refresh(&self) -> Result<i64, KnowledgeError> {
        let _guard = self.rebuild.lock().await;
        let stored = store::taxonomy_version(&self.db).await?;
        let served = self.current.load().catalog.version;
        if stored == served {
            return Ok(served);
        }
        let snapshot = build_from(&self.db).await?;
        let version = snapshot.catalog.version;
        self.current.store(Arc::new(snapshot));
        tracing::info!(version, "taxonomy snapshot swapped");
        Ok(version)
    }
}

async fn build_from(db: &DatabaseConnection) -> Result<Snapshot, KnowledgeError> {
    let (taxonomy, version) = store::load_taxonomy(db).await?;
    tokio::task::spawn_blocking(move || Snapshot::build(taxonomy, version)).await?
}
