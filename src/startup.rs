//! Building and running the service: database, migrations, default
//! knowledge base, snapshot, HTTP server.

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use async_graphql::Executor as _;
use axum::Router;
use tokio::net::TcpListener;

use crate::auth::token::TokenKeys;
use crate::auth::{Authenticator, Principal, PublicAccess};
use crate::config::Settings;
use crate::curation::seed_if_empty;
use crate::document::Isolation;
use crate::graphql::{Api, GraphqlLimits, RequestContext, Services, build_api};
use crate::http::{AppState, HttpLimits, router};
use crate::knowledge::{IndexLocation, Knowledge};
use crate::ratelimit::{RateLimiter, RateLimits};
use crate::store;

/// The database ready to serve: connected, migrated, given the default
/// knowledge base when empty, and its taxonomy loaded into a snapshot.
async fn open_knowledge(database_url: &str, index: IndexLocation) -> anyhow::Result<Arc<Knowledge>> {
    let db = store::connect(database_url)
        .await
        .context("connecting to the database")?;
    store::migrate(&db).await.context("running migrations")?;
    if seed_if_empty(&db)
        .await
        .context("importing the default knowledge base")?
    {
        tracing::info!("imported the default knowledge base into an empty database");
    }
    let knowledge = Knowledge::load(db, index).await.context("loading the taxonomy")?;
    Ok(Arc::new(knowledge))
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    knowledge: Arc<Knowledge>,
    refresh_every: Duration,
}

impl Application {
    /// Opens the knowledge base (see `open_knowledge`) and binds the
    /// listener (port 0 picks a free port).
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let token_keys = settings.token_keys()?;
        let knowledge = open_knowledge(
            &settings.database.database_url,
            IndexLocation::Dir(settings.index_dir.clone()),
        )
        .await?;
        let services = Arc::new(Services {
            knowledge: Arc::clone(&knowledge),
            authenticator: Authenticator::new(token_keys, knowledge.db().clone()),
            rate_limiter: RateLimiter::new(settings.rate_limits()),
            public: PublicAccess {
                read: settings.public_read,
                scan: settings.public_scan,
            },
            max_text_bytes: settings.max_text_bytes,
            isolation: settings.isolation(),
            extractions: tokio::sync::Semaphore::new(settings.max_concurrent_extractions.max(1)),
        });
        let state = AppState {
            api: build_api(&settings.graphql_limits(), Some(Arc::clone(&services))),
            services,
            limits: HttpLimits {
                max_body_bytes: settings.max_body_bytes,
                max_query_bytes: settings.max_query_bytes,
                max_upload_bytes: settings.max_upload_bytes,
                trust_forwarded_for: settings.trust_forwarded_for,
            },
        };
        let router = router(state, &settings.cors_origins, settings.request_timeout());
        let listener = TcpListener::bind(settings.addr)
            .await
            .with_context(|| format!("binding {}", settings.addr))?;
        Ok(Self {
            listener,
            router,
            knowledge,
            refresh_every: Duration::from_secs(settings.refresh_secs.max(1)),
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map_or(0, |addr| addr.port())
    }

    pub fn knowledge(&self) -> Arc<Knowledge> {
        Arc::clone(&self.knowledge)
    }

    /// Serves until `shutdown` resolves, then finishes requests in flight.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let refresher = tokio::spawn(follow_changes(Arc::clone(&self.knowledge), self.refresh_every));
        tracing::info!(addr = %self.listener.local_addr()?, "listening");
        let result = axum::serve(
            self.listener,
            self.router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        refresher.abort();
        result
    }
}

/// The API in process, without a server: the schema over a database's
/// knowledge base (the embedded default, with no database, unless given
/// one), answering an anonymous local caller without rate limits. The CLI
/// scans through it, so it cannot disagree with the server.
pub struct LocalApi {
    api: Api,
    knowledge: Arc<Knowledge>,
}

impl LocalApi {
    pub async fn open(database_url: Option<&str>) -> anyhow::Result<Self> {
        let knowledge = match database_url {
            Some(url) => open_knowledge(url, IndexLocation::InMemory).await?,
            None => Arc::new(
                Knowledge::embedded()
                    .await
                    .context("loading the embedded knowledge base")?,
            ),
        };
        let services = Arc::new(Services {
            knowledge: Arc::clone(&knowledge),
            authenticator: Authenticator::new(TokenKeys::ephemeral(), knowledge.db().clone()),
            rate_limiter: RateLimiter::new(RateLimits {
                requests_per_minute: 0,
                scans_per_minute: 0,
                logins_per_minute: 0,
            }),
            public: PublicAccess { read: true, scan: true },
            max_text_bytes: usize::MAX,
            isolation: Isolation::default(),
            // A batch of files reads several at a time: a child per core,
            // and as many waiting on their pipes.
            extractions: tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()) * 2),
        });
        Ok(Self {
            api: build_api(&GraphqlLimits::default(), Some(services)),
            knowledge,
        })
    }

    /// Runs one operation; `variables` is a JSON object.
    pub async fn execute(&self, query: &str, variables: serde_json::Value) -> async_graphql::Response {
        self.execute_with_files(query, variables, Vec::new()).await
    }

    /// Runs one operation with files, as a multipart request sends them:
    /// each goes to its variable path (`variables.input.resume`).
    pub async fn execute_with_files(
        &self,
        query: &str,
        variables: serde_json::Value,
        files: Vec<LocalFile>,
    ) -> async_graphql::Response {
        let mut request = async_graphql::Request::new(query).variables(async_graphql::Variables::from_json(variables));
        for file in files {
            request.set_upload(
                &file.variable,
                async_graphql::UploadValue {
                    filename: file.name,
                    content_type: None,
                    content: file.bytes.into(),
                },
            );
        }
        self.run(request).await
    }

    /// Runs a request the caller built (with request data of its own, such
    /// as `OrdinaryResolvers`), on the current snapshot, as an anonymous
    /// local caller.
    pub async fn run(&self, request: async_graphql::Request) -> async_graphql::Response {
        let request = request.data(self.knowledge.snapshot()).data(RequestContext {
            principal: Principal::Anonymous,
            client_ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
        });
        self.api.execute(request).await
    }
}

/// A file for [`LocalApi::execute_with_files`].
pub struct LocalFile {
    /// Where the upload goes, e.g. `variables.input.resume` (the variable
    /// itself must be `null` there).
    pub variable: String,
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Picks up taxonomy changes made by other servers sharing the database.
async fn follow_changes(knowledge: Arc<Knowledge>, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        if let Err(error) = knowledge.refresh().await {
            tracing::warn!(%error, "could not refresh the taxonomy snapshot");
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
