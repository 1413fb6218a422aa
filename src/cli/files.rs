//! Reading a resume or job file from disk for a command, within the same
//! size limit the server applies to uploads, and scanning it through the
//! local API.

use std::path::Path;

use anyhow::{Context as _, bail};
use serde_json::Value;

use crate::document::Isolation;
use crate::startup::{LocalApi, LocalFile};

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
