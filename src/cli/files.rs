//! Reading a resume or job file from disk for a command, within the same
//! size limit the server applies to uploads.

use std::path::Path;

use anyhow::{Context as _, bail};

use crate::document::Isolation;

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
