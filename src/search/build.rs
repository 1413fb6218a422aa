//! Writing the catalog into a tantivy index, with progress, and recording
//! which taxonomy it was built from in the commit payload.

use serde::Deserialize;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::SearchError;
use super::entries::{entries, fingerprint};
use super::fields::{Fields, SCHEMA_VERSION};
use crate::taxonomy::{Catalog, normalize_term};

/// One writer thread keeps the index in one segment (the catalog is a few
/// thousand documents); tantivy requires at least 15 MB per thread.
const WRITER_MEMORY_BYTES: usize = 32_000_000;

/// Reported while an index is built; `atscan reindex` shows it as a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildProgress {
    /// `done` of `total` catalog entries added.
    Indexing { done: usize, total: usize },
    /// Every entry is added; the index is being written out.
    Committing,
}

/// What an index was built from, stored as the tantivy commit payload (so it
/// is written atomically with the data it describes).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Provenance {
    pub schema: u32,
    pub taxonomy_version: i64,
    pub fingerprint: u64,
    pub documents: u64,
}

impl Provenance {
    pub fn of(catalog: &Catalog) -> Self {
        Self {
            schema: SCHEMA_VERSION,
            taxonomy_version: catalog.version,
            fingerprint: fingerprint(catalog),
            documents: (catalog.skills.len() + catalog.roles.len() + catalog.mistakes.len()) as u64,
        }
    }

    fn to_payload(&self) -> String {
        serde_json::json!({
            "schema": self.schema,
            "taxonomy_version": self.taxonomy_version,
            "fingerprint": self.fingerprint,
            "documents": self.documents,
        })
        .to_string()
    }

    /// The provenance recorded in an index; `None` when there is none or it
    /// does not parse (an index we did not write, or an older format).
    pub fn recorded_in(index: &Index) -> Result<Option<Self>, SearchError> {
        let payload = index.load_metas()?.payload;
        Ok(payload.and_then(|p| serde_json::from_str(&p).ok()))
    }
}

/// Adds one document per catalog entry to an empty index and commits.
pub fn write_documents(
    index: &Index,
    fields: &Fields,
    catalog: &Catalog,
    progress: &mut dyn FnMut(BuildProgress),
) -> Result<(), SearchError> {
    let provenance = Provenance::of(catalog);
    let total = provenance.documents as usize;
    let mut writer: IndexWriter<TantivyDocument> = index.writer_with_num_threads(1, WRITER_MEMORY_BYTES)?;
    progress(BuildProgress::Indexing { done: 0, total });
    for (done, entry) in entries(catalog).enumerate() {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.kind, entry.target.kind().as_str());
        doc.add_text(fields.slug, entry.slug);
        for name in std::iter::once(entry.name).chain(entry.aliases.iter().map(String::as_str)) {
            doc.add_text(fields.names, normalize_term(name));
        }
        for text in &entry.prose {
            doc.add_text(fields.prose, normalize_term(text));
        }
        for text in &entry.facets {
            doc.add_text(fields.facets, normalize_term(text));
        }
        doc.add_f64(fields.popularity, entry.popularity);
        writer.add_document(doc)?;
        progress(BuildProgress::Indexing { done: done + 1, total });
    }
    progress(BuildProgress::Committing);
    let mut commit = writer.prepare_commit()?;
    commit.set_payload(&provenance.to_payload());
    commit.commit()?;
    // Joining the merge threads releases the writer lock before the index is
    // opened for reading or moved into place.
    writer.wait_merging_threads()?;
    Ok(())
}
