//! Reading from disk for a command: a resume or job file within the same
//! size limit the server applies to uploads (scanned through the local API),
//! the documents of a folder, and the knowledge base a measuring command
//! uses.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use serde_json::Value;

use crate::document::Isolation;
use crate::startup::{LocalApi, LocalFile};
use crate::taxonomy::Taxonomy;
use crate::taxonomy::files::{default_taxonomy, read_taxonomy};

/// The bytes of `path`, refused before reading when larger than an upload may be.
pub fn read_file_within_limit(path: &Path, isolation: &Isolation) -> anyhow::Result<Vec<u8>> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("reading {}", path.display()))?
        .len();
    if size > isolation.max_bytes as u64 {
        bail!(
            "{} is {size} bytes; files up to {} bytes are read",
            path.display(),
            isolation.max_bytes
        );
    }
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// The file's name for messages and uploads.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A file sent as the scan's `input.<field>` upload.
pub fn upload(field: &str, path: &Path, isolation: &Isolation) -> anyhow::Result<LocalFile> {
    Ok(LocalFile {
        variable: format!("variables.input.{field}"),
        name: file_name(path),
        bytes: read_file_within_limit(path, isolation)?,
    })
}

/// The `scan` result of `query` (a `scan(input: $input)` operation), as
/// GraphQL serves it for uploaded files: they are read by the same
/// isolated extraction.
pub async fn scan_report(
    api: &LocalApi,
    query: &str,
    variables: Value,
    files: Vec<LocalFile>,
) -> anyhow::Result<Value> {
    let response = api.execute_with_files(query, variables, files).await;
    if let Some(error) = response.errors.first() {
        bail!("{}", error.message);
    }
    let mut data = response.data.into_json()?;
    Ok(data["scan"].take())
}

/// The taxonomy folder or file at `path` (as `atscan import` reads it), or
/// the embedded knowledge base: how a measuring command tries an edit
/// before it is imported.
pub fn knowledge_base(path: Option<&Path>) -> anyhow::Result<Taxonomy> {
    Ok(match path {
        Some(path) => read_taxonomy(path)?.merged_into(Taxonomy::default())?,
        None => default_taxonomy()?,
    })
}

/// The formats a folder is searched for.
const DOCUMENTS: &[&str] = &["md", "txt", "html", "htm", "pdf", "docx", "odt", "rtf"];

/// `path` itself, or the documents of the folder `path`, sorted.
pub fn documents_at(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("reading {}", path.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|file| {
            file.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| DOCUMENTS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    Ok(files)
}
