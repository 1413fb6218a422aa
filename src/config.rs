//! Settings from command-line flags and `ATSCAN_*` environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::auth::token::TokenKeys;
use crate::document::Isolation;
use crate::graphql::GraphqlLimits;
use crate::ratelimit::RateLimits;
use crate::store::DEFAULT_DATABASE_URL;

#[derive(Debug, Clone, Args)]
pub struct DatabaseSettings {
    /// Database URL: sqlite://FILE?mode=rwc or postgres://USER@HOST/DB
    #[arg(long, env = "ATSCAN_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub database_url: String,
}

#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address to listen on
    #[arg(long, env = "ATSCAN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub database: DatabaseSettings,

    /// Folder of the on-disk search index
    #[arg(long, env = "ATSCAN_INDEX_DIR", default_value = "index")]
    pub index_dir: PathBuf,

    /// Origins allowed by CORS (comma-separated; `*` for any); none by default
    #[arg(long, env = "ATSCAN_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Seconds before a request is answered with 408
    #[arg(long, env = "ATSCAN_REQUEST_TIMEOUT_SECS", default_value_t = 15)]
    pub request_timeout_secs: u64,

    /// Largest accepted request body of a JSON request, in bytes
    #[arg(long, env = "ATSCAN_MAX_BODY_BYTES", default_value_t = 1024 * 1024)]
    pub max_body_bytes: usize,

    /// Largest resume or job file accepted by a scan, in bytes
    #[arg(long, env = "ATSCAN_MAX_UPLOAD_BYTES", default_value_t = 5_000_000)]
    pub max_upload_bytes: usize,

    /// Seconds a file may take to read before its extraction is killed
    #[arg(long, env = "ATSCAN_EXTRACT_TIMEOUT_SECS", default_value_t = 10)]
    pub extract_timeout_secs: u64,

    /// Memory (address space) of the process that reads one file, in MiB
    #[arg(long, env = "ATSCAN_EXTRACT_MEMORY_MIB", default_value_t = 1024)]
    pub extract_memory_mib: u64,

    /// Files read at the same time; more uploads wait their turn
    #[arg(long, env = "ATSCAN_MAX_CONCURRENT_EXTRACTIONS", default_value_t = 4)]
    pub max_concurrent_extractions: usize,

    /// The atscan binary run to read files (it must have the `extract` subcommand); this one by default
    #[arg(long, env = "ATSCAN_EXTRACTOR")]
    pub extractor: Option<PathBuf>,

    /// Longest resume or job description text accepted by a scan, in bytes
    #[arg(long, env = "ATSCAN_MAX_TEXT_BYTES", default_value_t = 100 * 1024)]
    pub max_text_bytes: usize,

    /// Largest accepted GraphQL document, in bytes
    #[arg(long, env = "ATSCAN_MAX_QUERY_BYTES", default_value_t = 16 * 1024)]
    pub max_query_bytes: usize,

    /// Deepest accepted selection nesting
    #[arg(long, env = "ATSCAN_MAX_DEPTH", default_value_t = 12)]
    pub max_depth: usize,

    /// Highest accepted query complexity (every field counts 1, connections count per item)
    #[arg(long, env = "ATSCAN_MAX_COMPLEXITY", default_value_t = 5_000)]
    pub max_complexity: usize,

    /// Most aliases one GraphQL document may use
    #[arg(long, env = "ATSCAN_MAX_ALIASES", default_value_t = 50)]
    pub max_aliases: usize,

    /// Most root fields one operation may ask for
    #[arg(long, env = "ATSCAN_MAX_ROOT_FIELDS", default_value_t = 20)]
    pub max_root_fields: usize,

    /// Serve schema introspection (and GraphiQL)
    #[arg(long, env = "ATSCAN_INTROSPECTION", default_value_t = true, action = clap::ArgAction::Set)]
    pub introspection: bool,

    /// Seconds between checks for taxonomy changes made by other servers sharing the database
    #[arg(long, env = "ATSCAN_REFRESH_SECS", default_value_t = 5)]
    pub refresh_secs: u64,

    /// Production mode: refuse to start without ATSCAN_JWT_SECRET
    #[arg(long, env = "ATSCAN_PRODUCTION", default_value_t = false, action = clap::ArgAction::Set)]
    pub production: bool,

    /// Secret for signing session tokens (at least 32 bytes); a random one in development
    #[arg(long, env = "ATSCAN_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,

    /// Let anonymous callers read the taxonomy
    #[arg(long, env = "ATSCAN_PUBLIC_READ", default_value_t = true, action = clap::ArgAction::Set)]
    pub public_read: bool,

    /// Let anonymous callers scan
    #[arg(long, env = "ATSCAN_PUBLIC_SCAN", default_value_t = true, action = clap::ArgAction::Set)]
    pub public_scan: bool,

    /// GraphQL requests per minute per caller (API key, user, or IP); 0 for no limit
    #[arg(long, env = "ATSCAN_RATE_REQUESTS", default_value_t = 600)]
    pub rate_requests_per_minute: u32,

    /// Scans per minute per caller; 0 for no limit
    #[arg(long, env = "ATSCAN_RATE_SCANS", default_value_t = 60)]
    pub rate_scans_per_minute: u32,

    /// Login attempts per minute per client IP; 0 for no limit
    #[arg(long, env = "ATSCAN_RATE_LOGINS", default_value_t = 10)]
    pub rate_logins_per_minute: u32,

    /// Take client addresses from X-Forwarded-For (only behind a proxy you run)
    #[arg(long, env = "ATSCAN_TRUST_FORWARDED_FOR", default_value_t = false, action = clap::ArgAction::Set)]
    pub trust_forwarded_for: bool,
}

impl Settings {
    /// Settings for tests: port 0 on loopback, the given database.
    pub fn for_tests(database_url: &str, index_dir: PathBuf) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database: DatabaseSettings {
                database_url: database_url.to_owned(),
            },
            index_dir,
            cors_origins: Vec::new(),
            // A taxonomy edit rebuilds the snapshot, which in a debug build
            // with tests running beside it can take most of the default 15 s.
            request_timeout_secs: 60,
            max_body_bytes: 1024 * 1024,
            max_text_bytes: 100 * 1024,
            max_upload_bytes: 5_000_000,
            extract_timeout_secs: 10,
            extract_memory_mib: 1024,
            extractor: None,
            max_concurrent_extractions: 4,
            max_query_bytes: 16 * 1024,
            max_depth: 12,
            max_complexity: 5_000,
            max_aliases: 50,
            max_root_fields: 20,
            introspection: true,
            refresh_secs: 1,
            production: false,
            jwt_secret: Some("test-secret-that-is-at-least-32-bytes-long".into()),
            public_read: true,
            public_scan: true,
            rate_requests_per_minute: 0,
            rate_scans_per_minute: 0,
            rate_logins_per_minute: 0,
            trust_forwarded_for: false,
        }
    }

    pub fn rate_limits(&self) -> RateLimits {
        RateLimits {
            requests_per_minute: self.rate_requests_per_minute,
            scans_per_minute: self.rate_scans_per_minute,
            logins_per_minute: self.rate_logins_per_minute,
        }
    }

    /// Signing keys from the configured secret; in development without one,
    /// a random secret (sessions then end when the process does).
    pub fn token_keys(&self) -> anyhow::Result<TokenKeys> {
        match (&self.jwt_secret, self.production) {
            (Some(secret), _) => Ok(TokenKeys::new(secret.as_bytes())?),
            (None, true) => anyhow::bail!("ATSCAN_JWT_SECRET (at least 32 bytes) is required in production mode"),
            (None, false) => {
                tracing::warn!("no ATSCAN_JWT_SECRET: using an ephemeral signing secret; sessions end on restart");
                Ok(TokenKeys::ephemeral())
            }
        }
    }

    /// How uploaded files are read: in a child process with these limits.
    pub fn isolation(&self) -> Isolation {
        let defaults = Isolation::default();
        Isolation {
            program: self.extractor.clone().unwrap_or(defaults.program),
            timeout: Duration::from_secs(self.extract_timeout_secs),
            memory_bytes: self.extract_memory_mib * 1024 * 1024,
            max_bytes: self.max_upload_bytes,
        }
    }

    pub fn graphql_limits(&self) -> GraphqlLimits {
        GraphqlLimits {
            max_depth: self.max_depth,
            max_complexity: self.max_complexity,
            max_aliases: self.max_aliases,
            max_root_fields: self.max_root_fields,
            introspection: self.introspection,
        }
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }
}
