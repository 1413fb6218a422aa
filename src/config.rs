//! Settings from command-line flags and `ATSCAN_*` environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::graphql::GraphqlLimits;
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

    /// Largest accepted GraphQL document, in bytes
    #[arg(long, env = "ATSCAN_MAX_QUERY_BYTES", default_value_t = 16 * 1024)]
    pub max_query_bytes: usize,

    /// Deepest accepted selection nesting
    #[arg(long, env = "ATSCAN_MAX_DEPTH", default_value_t = 12)]
    pub max_depth: usize,

    /// Highest accepted query complexity (every field counts 1, connections count per item)
    #[arg(long, env = "ATSCAN_MAX_COMPLEXITY", default_value_t = 5_000)]
    pub max_complexity: usize,

    /// Serve schema introspection (and GraphiQL)
    #[arg(long, env = "ATSCAN_INTROSPECTION", default_value_t = true, action = clap::ArgAction::Set)]
    pub introspection: bool,

    /// Seconds between checks for taxonomy changes made by other servers sharing the database
    #[arg(long, env = "ATSCAN_REFRESH_SECS", default_value_t = 5)]
    pub refresh_secs: u64,
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
            request_timeout_secs: 15,
            max_body_bytes: 1024 * 1024,
            max_query_bytes: 16 * 1024,
            max_depth: 12,
            max_complexity: 5_000,
            introspection: true,
            refresh_secs: 1,
        }
    }

    pub fn graphql_limits(&self) -> GraphqlLimits {
        GraphqlLimits {
            max_depth: self.max_depth,
            max_complexity: self.max_complexity,
            introspection: self.introspection,
        }
    }

    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }
}
