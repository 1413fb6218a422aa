//! Where indexes live on disk: one directory per build under the service's
//! index directory, `v<version>-<nonce>`, written as `.building-<nonce>` and
//! renamed when complete, so a build never disturbs the index being served
//! and a crashed build is never mistaken for a finished one.
//!
//! Each server process should have its own index directory. Sharing one still
//! works on Unix: an index already open keeps reading its files after another
//! process prunes them, and the next start simply rebuilds.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tantivy::Index;

use super::build::{BuildProgress, write_documents};
use super::fields::{Fields, register_analyzers};
use super::{SearchError, SearchIndex};
use crate::taxonomy::Catalog;

/// A `.building-*` directory older than this was left by a crashed build.
const ABANDONED_BUILD_AGE: Duration = Duration::from_secs(3600);
const BUILDING_PREFIX: &str = ".building-";

impl SearchIndex {
    /// Opens the index for `catalog` under `dir`, or builds it when it is
    /// missing, damaged, or was built from other data (another taxonomy
    /// version, content or schema). Older builds are then removed.
    pub fn open_or_build(dir: &Path, catalog: &Catalog) -> Result<Self, SearchError> {
        Self::open_or_build_with_progress(dir, catalog, |_| {})
    }

    /// [`Self::open_or_build`], reporting progress if it has to build.
    pub fn open_or_build_with_progress(
        dir: &Path,
        catalog: &Catalog,
        progress: impl FnMut(BuildProgress),
    ) -> Result<Self, SearchError> {
        create_dir_all(dir)?;
        for candidate in finished_builds(dir, catalog.version)? {
            match open_finished(&candidate, catalog) {
                Ok(index) => {
                    prune(dir, &candidate);
                    return Ok(index);
                }
                Err(error) => {
                    tracing::info!(path = %candidate.display(), %error, "search index unusable, rebuilding");
                }
            }
        }
        Self::build(dir, catalog, progress)
    }

    /// Builds a fresh index for `catalog` in a new directory under `dir`, then
    /// removes older builds. An index being served from `dir` keeps working;
    /// swap it for the returned one.
    pub fn build(dir: &Path, catalog: &Catalog, mut progress: impl FnMut(BuildProgress)) -> Result<Self, SearchError> {
        create_dir_all(dir)?;
        let nonce = nonce();
        let staging = dir.join(format!("{BUILDING_PREFIX}{nonce}"));
        let finished = dir.join(format!("v{}-{nonce}", catalog.version));
        let result = (|| {
            std::fs::create_dir(&staging).map_err(io_error(&staging))?;
            let (schema, fields) = Fields::schema();
            let index = Index::create_in_dir(&staging, schema)?;
            register_analyzers(&index);
            write_documents(&index, &fields, catalog, &mut progress)?;
            // Opened before the rename: once open, the files stay readable even
            // if another process sharing `dir` prunes them right after.
            let opened = SearchIndex::from_index(index, catalog, Some(finished.clone()))?;
            std::fs::rename(&staging, &finished).map_err(io_error(&finished))?;
            Ok(opened)
        })();
        match result {
            Ok(index) => {
                prune(dir, &finished);
                Ok(index)
            }
            Err(error) => {
                let _ = std::fs::remove_dir_all(&staging);
                Err(error)
            }
        }
    }
}

/// Opens a finished build, verifying checksums and provenance.
fn open_finished(path: &Path, catalog: &Catalog) -> Result<SearchIndex, SearchError> {
    let index = Index::open_in_dir(path)?;
    let damaged = index.validate_checksum()?;
    if !damaged.is_empty() {
        return Err(SearchError::Stale(format!("damaged files: {damaged:?}")));
    }
    SearchIndex::from_index(index, catalog, Some(path.to_owned()))
}

/// Finished builds of taxonomy `version` in `dir`, newest first.
fn finished_builds(dir: &Path, version: i64) -> Result<Vec<PathBuf>, SearchError> {
    let prefix = format!("v{version}-");
    let mut builds: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error(dir))?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            is_finished_build(&name) && name.starts_with(&prefix)
        })
        .map(|entry| entry.path())
        .collect();
    // The nonce starts with a fixed-width timestamp, so names sort by age.
    builds.sort_by(|a, b| b.file_name().cmp(&a.file_name()));
    Ok(builds)
}

/// Best effort: removes every finished build but `keep`, and abandoned
/// staging directories. Failures only cost disk space, so they are logged.
fn prune(dir: &Path, keep: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let abandoned = name.starts_with(BUILDING_PREFIX)
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > ABANDONED_BUILD_AGE));
        if ((is_finished_build(&name) && path != keep) || abandoned)
            && let Err(error) = std::fs::remove_dir_all(&path)
        {
            tracing::warn!(path = %path.display(), %error, "cannot remove old search index");
        }
    }
}

/// `v<version>-<nonce>`, as [`SearchIndex::build`] names its directories.
fn is_finished_build(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('v') else {
        return false;
    };
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let Some((version, nonce)) = rest.split_once('-') else {
        return false;
    };
    !version.is_empty()
        && version.bytes().all(|b| b.is_ascii_digit())
        && !nonce.is_empty()
        && nonce.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

/// Unique per build: a fixed-width timestamp (so names sort by age), the
/// process id and a counter for builds in the same nanosecond.
fn nonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:020x}-{:x}-{count:x}", std::process::id())
}

fn create_dir_all(dir: &Path) -> Result<(), SearchError> {
    std::fs::create_dir_all(dir).map_err(io_error(dir))
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> SearchError + '_ {
    move |source| SearchError::Io {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_catalog::{catalog, taxonomy};
    use super::*;

    fn builds(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_matching_index_on_disk_is_reused_not_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = catalog();
        let first = SearchIndex::open_or_build(dir.path(), &catalog).unwrap();
        let path = first.path().unwrap().to_owned();
        drop(first);
        let mut built = false;
        let again = SearchIndex::open_or_build_with_progress(dir.path(), &catalog, |_| built = true).unwrap();
        assert!(!built);
        assert_eq!(again.path(), Some(path.as_path()));
        assert_eq!(builds(dir.path()).len(), 1);
        assert_eq!(again.search("k8s", &[], 1).unwrap().len(), 1);
    }

    #[test]
    fn other_content_under_the_same_version_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let old = SearchIndex::open_or_build(dir.path(), &catalog()).unwrap();
        let old_path = old.path().unwrap().to_owned();
        let mut edited = taxonomy();
        edited.skills[0].aliases.push("the c language".into());
        let edited = Catalog::build(edited, 1).unwrap();
        let new = SearchIndex::open_or_build(dir.path(), &edited).unwrap();
        assert_ne!(new.path(), Some(old_path.as_path()));
        assert_eq!(
            new.search("the c language", &[], 1).unwrap()[0].matched_by,
            super::super::MatchKind::Exact
        );
    }

    #[test]
    fn building_leaves_the_served_index_working_and_removes_older_builds() {
        let dir = tempfile::tempdir().unwrap();
        let served = SearchIndex::open_or_build(dir.path(), &catalog()).unwrap();
        let next = Catalog::build(taxonomy(), 2).unwrap();
        let built = SearchIndex::build(dir.path(), &next, |_| {}).unwrap();
        assert_eq!(built.taxonomy_version(), 2);
        assert_eq!(
            builds(dir.path()),
            [built.path().unwrap().file_name().unwrap().to_string_lossy()]
        );
        // The old files are gone from the directory but still open.
        assert!(!served.path().unwrap().exists());
        assert_eq!(served.search("kubernets", &[], 1).unwrap().len(), 1);
    }

    #[test]
    fn progress_counts_every_entry_then_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let catalog = catalog();
        let mut reports = Vec::new();
        SearchIndex::build(dir.path(), &catalog, |p| reports.push(p)).unwrap();
        let total = catalog.skills.len() + catalog.roles.len() + catalog.mistakes.len();
        assert_eq!(reports.first(), Some(&BuildProgress::Indexing { done: 0, total }));
        assert_eq!(
            reports[reports.len() - 2],
            BuildProgress::Indexing { done: total, total }
        );
        assert_eq!(reports.last(), Some(&BuildProgress::Committing));
    }

    #[test]
    fn an_unusable_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-directory");
        std::fs::write(&file, b"x").unwrap();
        let result = SearchIndex::open_or_build(&file, &catalog());
        assert!(matches!(result, Err(SearchError::Io { .. })), "{result:?}");
    }

    #[test]
    fn only_directories_named_like_finished_builds_are_builds() {
        assert!(is_finished_build(&format!("v3-{}", nonce())));
        assert!(is_finished_build("v-2-0001-a-0"));
        assert!(!is_finished_build(&format!("{BUILDING_PREFIX}{}", nonce())));
        assert!(!is_finished_build("videos"));
        assert!(!is_finished_build("v3"));
        assert!(!is_finished_build("v3-"));
    }

    #[test]
    fn later_builds_sort_after_earlier_ones() {
        let (first, second) = (nonce(), nonce());
        assert!(second > first);
    }
}
