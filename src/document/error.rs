//! Why a file could not be turned into text, in words a user can act on.

use serde::{Deserialize, Serialize};

/// Why extraction failed. Messages are lowercase, name no internals (paths,
/// library errors, panic text) and tell the user what to do next.
///
/// Serializable because the isolated child reports its failure as JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum DocumentError {
    /// Refused before any parsing.
    #[error("the file is larger than the {} limit", format_megabytes(*limit_bytes))]
    TooLarge { limit_bytes: usize },
    /// Not one of the formats we read (detected from the content, not the name).
    #[error("unsupported file format: upload a PDF, DOCX, ODT, RTF, HTML, Markdown or plain text file")]
    Unsupported,
    /// Password-protected: reading it would need the password.
    #[error("the file is password-protected: remove the password and upload it again")]
    Encrypted,
    /// Damaged or not what its first bytes claim; the string explains briefly.
    #[error("the file is damaged and cannot be read: {0}")]
    Corrupt(String),
    /// Read fine but holds no text an ATS could use; the string says why.
    #[error("{0}")]
    Empty(String),
    /// Reading took longer than the isolation allows.
    #[error("reading the file took too long: simplify it or save it again as a plain PDF or DOCX")]
    Timeout,
    /// Needed more memory, decompressed data, pages or parts than allowed
    /// (zip bombs, absurdly deep or huge PDFs).
    #[error("the file needs more resources to read than allowed: {0}")]
    ResourceLimit(String),
    /// The server could not run the extraction (the child process failed to
    /// start or misbehaved for reasons unrelated to the file); logged.
    #[error("reading documents is unavailable right now: try again later")]
    Unavailable,
}

impl DocumentError {
    /// The GraphQL `extensions.code` this error maps to.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "PAYLOAD_TOO_LARGE",
            Self::Unsupported => "UNSUPPORTED_MEDIA_TYPE",
            Self::Encrypted | Self::Corrupt(_) | Self::Empty(_) | Self::Timeout | Self::ResourceLimit(_) => {
                "BAD_USER_INPUT"
            }
            Self::Unavailable => "INTERNAL_SERVER_ERROR",
        }
    }

    pub(crate) fn corrupt(why: &str) -> Self {
        Self::Corrupt(why.to_owned())
    }

    pub(crate) fn resource(why: &str) -> Self {
        Self::ResourceLimit(why.to_owned())
    }
}

fn format_megabytes(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_limit_is_told_in_megabytes() {
        let error = DocumentError::TooLarge {
            limit_bytes: 5 * 1024 * 1024,
        };
        assert_eq!(error.to_string(), "the file is larger than the 5 MB limit");
        assert_eq!(error.code(), "PAYLOAD_TOO_LARGE");
    }

    #[test]
    fn errors_survive_the_trip_through_json() {
        for error in [
            DocumentError::TooLarge { limit_bytes: 10 },
            DocumentError::Unsupported,
            DocumentError::Encrypted,
            DocumentError::Corrupt("truncated".into()),
            DocumentError::Empty("no text".into()),
            DocumentError::Timeout,
            DocumentError::ResourceLimit("too many parts".into()),
            DocumentError::Unavailable,
        ] {
            let json = serde_json::to_string(&error).unwrap();
            assert_eq!(serde_json::from_str::<DocumentError>(&json).unwrap(), error);
        }
    }
}
