//! The API's errors: each maps once to an UPPER_SNAKE `extensions.code`.
//! Internal errors are logged with detail and returned without it.

use async_graphql::{ErrorExtensions, ServerError};

/// An error a client sees. Deliberately not `Display`: async-graphql
/// converts any `Display` error with `?`, which would drop the code; this
/// type converts only through the `From` below.
#[derive(Debug)]
pub enum ApiError {
    BadUserInput(String),
    NotFound(String),
    Conflict(String),
    Unauthenticated(String),
    Forbidden(String),
    PayloadTooLarge(String),
    UnsupportedMediaType(String),
    RateLimited {
        retry_after_secs: u64,
    },
    /// The request ran longer than the server allows.
    Timeout(String),
    Internal(anyhow::Error),
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadUserInput(_) => "BAD_USER_INPUT",
            Self::NotFound(_) => "NOT_FOUND",
            Self::Conflict(_) => "CONFLICT",
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::PayloadTooLarge(_) => "PAYLOAD_TOO_LARGE",
            Self::UnsupportedMediaType(_) => "UNSUPPORTED_MEDIA_TYPE",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Timeout(_) => "REQUEST_TIMEOUT",
            Self::Internal(_) => "INTERNAL_SERVER_ERROR",
        }
    }

    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        Self::Internal(error.into())
    }

    /// What the client is told; internal details stay in the logs.
    pub fn message(&self) -> &str {
        match self {
            Self::BadUserInput(m)
            | Self::NotFound(m)
            | Self::Conflict(m)
            | Self::Unauthenticated(m)
            | Self::Forbidden(m)
            | Self::PayloadTooLarge(m)
            | Self::UnsupportedMediaType(m)
            | Self::Timeout(m) => m,
            Self::RateLimited { .. } => "too many requests: slow down and retry later",
            Self::Internal(_) => "internal server error",
        }
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        if let ApiError::Internal(source) = &error {
            tracing::error!(error = ?source, "internal error");
        }
        let code = error.code();
        let retry_after = match error {
            ApiError::RateLimited { retry_after_secs } => Some(retry_after_secs),
            _ => None,
        };
        async_graphql::Error::new(error.message()).extend_with(|_, ext| {
            ext.set("code", code);
            if let Some(secs) = retry_after {
                ext.set("retryAfter", secs);
            }
        })
    }
}

pub const PARSE_FAILED: &str = "GRAPHQL_PARSE_FAILED";
pub const VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";

/// The error with `code`, unless it has one already.
pub(super) fn with_code(mut error: ServerError, code: &'static str) -> ServerError {
    let extensions = error.extensions.get_or_insert_with(Default::default);
    if extensions.get("code").is_none() {
        extensions.set("code", code);
    }
    error
}

/// Whether a response failed before execution (so GraphQL-over-HTTP wants a 4xx).
pub fn is_request_error(error: &ServerError) -> bool {
    let code = error.extensions.as_ref().and_then(|ext| ext.get("code"));
    matches!(code, Some(async_graphql::Value::String(c)) if c == PARSE_FAILED || c == VALIDATION_FAILED)
}
