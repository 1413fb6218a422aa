//! The search index of one catalog: a tantivy index with its single reader,
//! the in-memory name table, and the map from index documents to catalog entries.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::index::SegmentId;
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument};

use super::build::{Provenance, write_documents};
use super::fields::{Fields, register_analyzers};
use super::names::NameTable;
use super::{SearchError, Target};
use crate::taxonomy::Catalog;

/// A built, verified index for one catalog snapshot. Cheap to query from many
/// threads at once; swap the whole value (with its catalog) when the taxonomy
/// changes.
pub struct SearchIndex {
    /// The only reader. The index never changes once built (a new taxonomy
    /// gets a new index), so it is never reloaded (`ReloadPolicy::Manual`).
    pub(super) reader: IndexReader,
    pub(super) fields: Fields,
    pub(super) names: NameTable,
    documents: DocumentEntities,
    provenance: Provenance,
    path: Option<PathBuf>,
}

impl SearchIndex {
    /// Builds an index in memory, for tests and short-lived tools.
    pub fn in_memory(catalog: &Catalog) -> Result<Self, SearchError> {
        let (schema, fields) = Fields::schema();
        let index = Index::create_in_ram(schema);
        register_analyzers(&index);
        write_documents(&index, &fields, catalog, &mut |_| {})?;
        Self::from_index(index, catalog, None)
    }

    /// Opens a committed index and checks that it was built from exactly this
    /// catalog: same schema, taxonomy version, content fingerprint and documents.
    pub(super) fn from_index(index: Index, catalog: &Catalog, path: Option<PathBuf>) -> Result<Self, SearchError> {
        let fields = Fields::of(&index).map_err(|e| SearchError::Stale(e.to_string()))?;
        let expected = Provenance::of(catalog);
        let recorded = Provenance::recorded_in(&index)?;
        if recorded.as_ref() != Some(&expected) {
            return Err(SearchError::Stale(format!(
                "built from {recorded:?}, the catalog is {expected:?}"
            )));
        }
        register_analyzers(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let names = NameTable::build(catalog);
        let documents = DocumentEntities::map(&reader.searcher(), &fields, catalog, &names)?;
        Ok(Self {
            reader,
            fields,
            names,
            documents,
            provenance: expected,
            path,
        })
    }

    /// The taxonomy version the index was built from.
    pub fn taxonomy_version(&self) -> i64 {
        self.provenance.taxonomy_version
    }

    /// The directory the index lives in; `None` for an in-memory index.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Number of indexed skills, roles and mistakes.
    pub fn len(&self) -> usize {
        self.names.entity_count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entity (see [`NameTable`]) a document of `searcher` stands for.
    pub(super) fn entity_at(&self, searcher: &Searcher, address: DocAddress) -> Option<u32> {
        let segment = searcher.segment_reader(address.segment_ord).segment_id();
        self.documents.0.get(&segment)?.get(address.doc_id as usize).copied()
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("provenance", &self.provenance)
            .field("path", &self.path)
            .field("entries", &self.len())
            .finish_non_exhaustive()
    }
}

/// Per segment, the entity of each document, read once at open time so that
/// queries never touch the document store.
#[derive(Debug)]
struct DocumentEntities(HashMap<SegmentId, Vec<u32>>);

impl DocumentEntities {
    /// Maps every document to its catalog entry by kind and slug; an error if
    /// a document is unknown to the catalog, or an entry is missing or twice.
    fn map(searcher: &Searcher, fields: &Fields, catalog: &Catalog, names: &NameTable) -> Result<Self, SearchError> {
        let mut seen = vec![false; names.entity_count()];
        let mut map = HashMap::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let mut entities = Vec::with_capacity(segment.max_doc() as usize);
            for doc_id in 0..segment.max_doc() {
                let doc: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc_id))?;
                let text = |field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default();
                let (kind, slug) = (text(fields.kind), text(fields.slug));
                let target = match kind {
                    "skill" => catalog.skill_by_slug(slug).map(Target::Skill),
                    "role" => catalog.role_by_slug(slug).map(Target::Role),
                    "mistake" => catalog.mistake_by_slug(slug).map(Target::Mistake),
                    _ => None,
                };
                let entity = target
                    .map(|t| names.entity_of(t))
                    .ok_or_else(|| SearchError::Stale(format!("{kind} `{slug}` is not in the catalog")))?;
                if std::mem::replace(&mut seen[entity as usize], true) {
                    return Err(SearchError::Stale(format!("{kind} `{slug}` is indexed twice")));
                }
                entities.push(entity);
            }
            map.insert(segment.segment_id(), entities);
        }
        if let Some(missing) = seen.iter().position(|s| !s) {
            let target = names.entity(missing as u32).target;
            return Err(SearchError::Stale(format!("{target:?} is not indexed")));
        }
        Ok(Self(map))
    }
}
