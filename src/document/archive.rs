//! Zip containers (DOCX, ODT) read under a budget. A 2 MB DOCX can inflate
//! to gigabytes, and declared sizes are whatever the attacker wrote, so
//! every entry is read through `Read::take` against the bytes left in the
//! budget, and the entry count is capped before anything is inflated.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::{DocumentError, Limits};

/// An archive plus what is left of its decompression budget.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Archive<'a> {
    pub(crate) fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, DocumentError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
        if zip.len() > limits.max_archive_entries {
            return Err(DocumentError::resource("the archive has too many parts"));
        }
        Ok(Self {
            zip,
            budget: limits.max_inflated_bytes,
        })
    }

    /// Names of the entries, in archive order.
    pub(crate) fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(Result::ok)
            .map(|name| name.into_owned())
            .collect()
    }

    /// Inflates one entry, or `None` if the archive has no such entry.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocumentError> {
        let mut entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(zip_error(error)),
        };
        if entry.encrypted() {
            return Err(DocumentError::Encrypted);
        }
        // The declared size is only a hint: refuse early when it already
        // exceeds the budget, and enforce the budget while reading anyway.
        if entry.size() > self.budget {
            return Err(inflated_too_much());
        }
        let mut out = Vec::with_capacity(entry.size().min(1 << 20) as usize);
        (&mut entry)
            .take(self.budget + 1)
            .read_to_end(&mut out)
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::OutOfMemory => DocumentError::resource("reading it needs more memory than allowed"),
                _ => DocumentError::corrupt("a part of the archive cannot be decompressed"),
            })?;
        let read = out.len() as u64;
        if read > self.budget {
            return Err(inflated_too_much());
        }
        self.budget -= read;
        Ok(Some(out))
    }
}

fn inflated_too_much() -> DocumentError {
    DocumentError::resource("the archive inflates to far more data than a document holds")
}

fn zip_error(error: ZipError) -> DocumentError {
    match error {
        ZipError::InvalidPassword => DocumentError::Encrypted,
        ZipError::UnsupportedArchive(what) if what.contains("ncrypt") || what.contains("assword") => {
            DocumentError::Encrypted
        }
        _ => DocumentError::corrupt("the archive is incomplete or invalid"),
    }
}
