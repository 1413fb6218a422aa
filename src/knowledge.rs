//! The live knowledge base: one immutable snapshot of the taxonomy, swapped
//! atomically when the taxonomy changes. Requests read whichever snapshot
//! was current when they started and finish on it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use arc_swap::ArcSwap;
use sea_orm::DatabaseConnection;

use crate::scan::{KeywordMatcher, MatcherError};
use crate::search::{SearchError, SearchIndex};
use crate::store::{self, StoreError};
use crate::taxonomy::catalog::CatalogError;
use crate::taxonomy::validate::Entity;
use crate::taxonomy::{Catalog, Taxonomy};

/// Everything a request reads, built together from one taxonomy version.
#[derive(Debug)]
pub struct Snapshot {
    pub catalog: Catalog,
    /// The keyword matcher over every alias of `catalog`.
    pub matcher: KeywordMatcher,
    /// The search index of `catalog`: built with the snapshot on disk, and
    /// on the first search in memory (a CLI scan never searches).
    search: OnceLock<Result<SearchIndex, String>>,
    /// Row versions of skills, roles and mistakes, for optimistic concurrency.
    row_versions: HashMap<(Entity, String), i32>,
}

#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Matcher(#[from] MatcherError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Format(#[from] crate::taxonomy::files::FormatError),
    #[error("snapshot build was interrupted: {0}")]
    Join(#[from] tokio::task::JoinError),
}

impl Snapshot {
    /// Indexes a taxonomy and compiles everything derived from it. CPU-bound:
    /// call it from a blocking thread.
    pub fn build(
        taxonomy: Taxonomy,
        version: i64,
        row_versions: HashMap<(Entity, String), i32>,
        index: &IndexLocation,
    ) -> Result<Self, KnowledgeError> {
        let catalog = Catalog::build(taxonomy, version)?;
        let matcher = KeywordMatcher::build(&catalog)?;
        crate::scan::warm_up();
        let search = OnceLock::new();
        if let IndexLocation::Dir(dir) = index {
            let _ = search.set(Ok(SearchIndex::open_or_build(dir, &catalog)?));
        }
        Ok(Self {
            catalog,
            matcher,
            search,
            row_versions,
        })
    }

    /// The search index of this snapshot's catalog.
    pub fn search(&self) -> Result<&SearchIndex, SearchError> {
        self.search
            .get_or_init(|| SearchIndex::in_memory(&self.catalog).map_err(|error| error.to_string()))
            .as_ref()
            .map_err(|message| SearchError::Unavailable(message.clone()))
    }

    /// The row version of an entry (0 when unknown, e.g. outside a database).
    pub fn row_version(&self, entity: Entity, slug: &str) -> i32 {
        self.row_versions.get(&(entity, slug.to_owned())).copied().unwrap_or(0)
    }
}

/// The taxonomy version of the embedded knowledge base: the version a
/// database has once seeded with it.
pub const EMBEDDED_VERSION: i64 = 1;

/// Where the search index of each snapshot lives.
#[derive(Debug, Clone)]
pub enum IndexLocation {
    /// In memory, built on the first search of each snapshot (tests, the CLI).
    InMemory,
    /// On disk under this folder, reused across restarts while current.
    Dir(PathBuf),
}

/// A taxonomy change, as announced to subscribers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxonomyChange {
    pub version: i64,
    /// What changed, when this server made the change (e.g. `createSkill`).
    pub action: Option<String>,
    pub entity: Option<String>,
    pub slug: Option<String>,
}

/// The current snapshot and the means to replace it.
#[derive(Debug)]
pub struct Knowledge {
    current: ArcSwap<Snapshot>,
    db: DatabaseConnection,
    index: IndexLocation,
    /// Serializes rebuilds so two changes never race to swap.
    rebuild: tokio::sync::Mutex<()>,
    changes: tokio::sync::broadcast::Sender<TaxonomyChange>,
}

impl Knowledge {
    /// Loads the stored taxonomy and builds the first snapshot.
    pub async fn load(db: DatabaseConnection, index: IndexLocation) -> Result<Self, KnowledgeError> {
        let snapshot = build_from(&db, &index).await?;
        Ok(Self::serving(snapshot, db, index))
    }

    /// A knowledge base serving `snapshot` first.
    fn serving(snapshot: Snapshot, db: DatabaseConnection, index: IndexLocation) -> Self {
        Self {
            current: ArcSwap::from_pointee(snapshot),
            db,
            index,
            rebuild: tokio::sync::Mutex::new(()),
            changes: tokio::sync::broadcast::channel(64).0,
        }
    }

    /// The default knowledge base compiled into the binary, with no
    /// database behind it: what a CLI scan reads, ready in milliseconds
    /// where migrating and seeding a database would take most of a second.
    /// It never changes; what needs a database (accounts, curation) fails
    /// with a database error.
    pub async fn embedded() -> Result<Self, KnowledgeError> {
        let snapshot = tokio::task::spawn_blocking(|| {
            let taxonomy = crate::taxonomy::files::default_taxonomy()?;
            Snapshot::build(taxonomy, EMBEDDED_VERSION, HashMap::new(), &IndexLocation::InMemory)
        })
        .await??;
        Ok(Self::serving(
            snapshot,
            DatabaseConnection::default(),
            IndexLocation::InMemory,
        ))
    }

    /// The snapshot to serve a request from.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Announcements of every snapshot swap.
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<TaxonomyChange> {
        self.changes.subscribe()
    }

    /// Rebuilds and swaps the snapshot if the stored taxonomy version differs
    /// from the served one (a change by another server sharing the
    /// database). Returns the version now served.
    pub async fn refresh(&self) -> Result<i64, KnowledgeError> {
        let _guard = self.rebuild.lock().await;
        self.swap_if_stale(None).await
    }

    /// Starts a change made by this server: until the guard is finished, no
    /// other refresh runs, so the swap after the change announces what it was.
    pub async fn begin_change(&self) -> ChangeGuard<'_> {
        ChangeGuard {
            knowledge: self,
            _lock: self.rebuild.lock().await,
        }
    }

    async fn swap_if_stale(&self, change: Option<TaxonomyChange>) -> Result<i64, KnowledgeError> {
        let stored = store::taxonomy_version(&self.db).await?;
        let served = self.current.load().catalog.version;
        if stored == served {
            return Ok(served);
        }
        let snapshot = build_from(&self.db, &self.index).await?;
        let version = snapshot.catalog.version;
        self.current.store(Arc::new(snapshot));
        tracing::info!(version, "taxonomy snapshot swapped");
        let change = change.unwrap_or(TaxonomyChange {
            version,
            action: None,
            entity: None,
            slug: None,
        });
        // Nobody listening is fine.
        let _ = self.changes.send(TaxonomyChange { version, ..change });
        Ok(version)
    }
}

/// Held while this server changes the taxonomy; see [`Knowledge::begin_change`].
pub struct ChangeGuard<'a> {
    knowledge: &'a Knowledge,
    _lock: tokio::sync::MutexGuard<'a, ()>,
}

impl ChangeGuard<'_> {
    /// Swaps in the changed taxonomy and announces `change`.
    pub async fn finish(self, change: TaxonomyChange) -> Result<i64, KnowledgeError> {
        self.knowledge.swap_if_stale(Some(change)).await
    }
}

async fn build_from(db: &DatabaseConnection, index: &IndexLocation) -> Result<Snapshot, KnowledgeError> {
    let (taxonomy, version) = store::load_taxonomy(db).await?;
    let row_versions = store::load_row_versions(db).await?;
    let index = index.clone();
    tokio::task::spawn_blocking(move || Snapshot::build(taxonomy, version, row_versions, &index)).await?
}
