//! Reading from disk for a command: a resume or job file within the same
//! size limit the server applies to uploads (scanned through the local API),
//! and the knowledge base a measuring command uses.

use std::path::Path;

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
