//! The HTTP surface: GraphQL over HTTP (with GraphiQL for browsers),
//! health and readiness probes, and the layers every request passes.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql::http::{GraphiQLSource, MultipartOptions};
use async_graphql::{Executor as _, ParseRequestError};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::body::{Body, Bytes};
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::trace::TraceLayer;

use crate::graphql::account::rate_limited;
use crate::graphql::error::{ApiError, is_request_error};
use crate::graphql::{Api, RequestContext, Services};
use crate::ratelimit::Budget;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState {
    pub api: Api,
    pub services: Arc<Services>,
    pub limits: HttpLimits,
}

#[derive(Debug, Clone)]
pub struct HttpLimits {
    pub max_body_bytes: usize,
    pub max_query_bytes: usize,
    /// Largest uploaded file; a multipart body may carry a resume and a job.
    pub max_upload_bytes: usize,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy you run).
    pub trust_forwarded_for: bool,
}

/// Headers that a browser cannot send cross-site without a CORS preflight;
/// requiring one on multipart requests stops CSRF through plain forms.
const PREFLIGHT_HEADERS: [&str; 2] = ["apollo-require-preflight", "x-apollo-operation-name"];

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";

pub fn router(state: AppState, cors_origins: &[String], timeout: Duration) -> Router {
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/graphql/ws", get(graphql_ws))
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .with_state(state)
        .layer(cors(cors_origins))
        .layer(middleware::from_fn_with_state(timeout, time_limit))
        .layer(middleware::from_fn(graphql_response_media_type))
        .layer(TraceLayer::new_for_http())
}

fn cors(origins: &[String]) -> CorsLayer {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::HeaderName::from_static("x-api-key"),
            header::HeaderName::from_static("apollo-require-preflight"),
        ])
}

async fn readyz(State(state): State<AppState>) -> Response {
    let knowledge = &state.services.knowledge;
    let snapshot = knowledge.snapshot();
    match knowledge.db().ping().await {
        Ok(()) => Json(json!({ "status": "ready", "taxonomyVersion": snapshot.catalog.version })).into_response(),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "database unreachable" })),
            )
                .into_response()
        }
    }
}

/// A GraphQL error response for failures before execution.
fn error_response(status: StatusCode, error: &ApiError) -> Response {
    let body = json!({ "errors": [{ "message": error.message(), "extensions": { "code": error.code() } }] });
    (status, Json(body)).into_response()
}

/// A request still running after `limit` is answered 408 with a coded
/// error, and its work is dropped.
async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => error_response(
            StatusCode::REQUEST_TIMEOUT,
            &ApiError::Timeout(format!("the request took longer than {} s", limit.as_secs_f32())),
        ),
    }
}

/// Every JSON answer of the GraphQL endpoint, errors refused before
/// execution included, goes out as `application/graphql-response+json` to a
/// client that accepts it.
async fn graphql_response_media_type(request: Request, next: Next) -> Response {
    let wanted = request.uri().path() == "/graphql" && wants_graphql_response_json(request.headers());
    let mut response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|media_type| media_type.as_bytes().starts_with(b"application/json"));
    if wanted && is_json {
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(GRAPHQL_RESPONSE_JSON));
    }
    response
}

fn wants_graphql_response_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains(GRAPHQL_RESPONSE_JSON))
}

async fn graphql_get(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let query = request.uri().query().unwrap_or_default();
    let accepts_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if accepts_html && !query.contains("query=") {
        return Html(GraphiQLSource::build().endpoint("/graphql").finish()).into_response();
    }
    let graphql_request = match async_graphql::http::parse_query_string(query) {
        Ok(request) => request,
        Err(e) => return error_response(StatusCode::BAD_REQUEST, &ApiError::BadUserInput(e.to_string())),
    };
    // GET must not change state: only query operations run over it.
    if let Ok(checked) = state.api.document(&graphql_request.query) {
        let is_query = match &graphql_request.operation_name {
            Some(name) => checked
                .document
                .operations
                .iter()
                .find(|(n, _)| n.is_some_and(|n| n.as_str() == name)),
            None => checked.document.operations.iter().next(),
        }
        .is_none_or(|(_, op)| op.node.ty == async_graphql::parser::types::OperationType::Query);
        if !is_query {
            let mut response = error_response(
                StatusCode::METHOD_NOT_ALLOWED,
                &ApiError::BadUserInput("mutations and subscriptions must use POST".into()),
            );
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("POST"));
            return response;
        }
    }
    execute(&state, peer, &headers, graphql_request).await
}

async fn graphql_post(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let Some(content_type) = content_type else {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &ApiError::UnsupportedMediaType("send Content-Type: application/json".into()),
        );
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let multipart = match essence.as_str() {
        "application/json" | GRAPHQL_RESPONSE_JSON => false,
        "multipart/form-data" => true,
        _ => {
            return error_response(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                &ApiError::UnsupportedMediaType(format!(
                    "content type `{essence}` is not accepted; use application/json or multipart/form-data"
                )),
            );
        }
    };
    if multipart && !PREFLIGHT_HEADERS.iter().any(|h| headers.contains_key(*h)) {
        return error_response(
            StatusCode::BAD_REQUEST,
            &ApiError::BadUserInput(
                "multipart requests must carry an `apollo-require-preflight: true` header (CSRF protection)".into(),
            ),
        );
    }
    // A multipart body may carry two files (resume and job) besides the operation.
    let body_limit = if multipart {
        2 * state.limits.max_upload_bytes + state.limits.max_body_bytes
    } else {
        state.limits.max_body_bytes
    };
    let body = match read_body(request.into_body(), body_limit).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let options = MultipartOptions::default()
        .max_num_files(2)
        .max_file_size(state.limits.max_upload_bytes);
    let reader = futures_util::io::Cursor::new(body);
    let graphql_request = match async_graphql::http::receive_body(Some(content_type), reader, options).await {
        Ok(request) => request,
        Err(ParseRequestError::PayloadTooLarge) => {
            let limit = state.limits.max_upload_bytes;
            return error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                &ApiError::PayloadTooLarge(format!("an uploaded file is larger than {limit} bytes")),
            );
        }
        Err(e) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                &ApiError::BadUserInput(format!("malformed request: {e}")),
            );
        }
    };
    execute(&state, peer, &headers, graphql_request).await
}

/// Reads the whole body, refusing it once it passes `limit` bytes.
async fn read_body(body: Body, limit: usize) -> Result<Bytes, Response> {
    axum::body::to_bytes(body, limit).await.map_err(|_| {
        error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            &ApiError::PayloadTooLarge(format!("request body is larger than {limit} bytes")),
        )
    })
}

/// The client's address: the peer, or with `trust_forwarded_for` the first
/// address of `X-Forwarded-For`.
fn client_ip(peer: SocketAddr, headers: &HeaderMap, trust_forwarded_for: bool) -> IpAddr {
    let forwarded = || {
        let value = headers.get("x-forwarded-for")?.to_str().ok()?;
        value.split(',').next()?.trim().parse().ok()
    };
    if trust_forwarded_for {
        forwarded().unwrap_or(peer.ip())
    } else {
        peer.ip()
    }
}

async fn execute(state: &AppState, peer: SocketAddr, headers: &HeaderMap, request: async_graphql::Request) -> Response {
    if request.query.len() > state.limits.max_query_bytes {
        return error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            &ApiError::PayloadTooLarge(format!("query is larger than {} bytes", state.limits.max_query_bytes)),
        );
    }
    let principal = match state.services.authenticator.authenticate(headers).await {
        Ok(principal) => principal,
        Err(error) => return error_response(StatusCode::UNAUTHORIZED, &error),
    };
    let client_ip = client_ip(peer, headers, state.limits.trust_forwarded_for);
    if let Err(wait) = state
        .services
        .rate_limiter
        .check(Budget::Request, &principal.rate_key(client_ip))
    {
        return rate_limited_response(&rate_limited(wait));
    }
    let request = request
        .data(state.services.knowledge.snapshot())
        .data(RequestContext { principal, client_ip });
    let response = state.api.execute(request).await;
    render(response, wants_graphql_response_json(headers))
}

fn rate_limited_response(error: &ApiError) -> Response {
    let mut response = error_response(StatusCode::TOO_MANY_REQUESTS, error);
    if let ApiError::RateLimited { retry_after_secs } = error {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
    }
    response
}

/// GraphQL over WebSocket (graphql-transport-ws) for subscriptions. The
/// credentials travel in the `connection_init` payload, as `Authorization`
/// or `X-API-Key`, since browsers cannot set headers on a WebSocket.
async fn graphql_ws(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let client_ip = client_ip(peer, &headers, state.limits.trust_forwarded_for);
    upgrade.protocols(ALL_WEBSOCKET_PROTOCOLS).on_upgrade(move |stream| {
        let services = Arc::clone(&state.services);
        GraphQLWebSocket::new(stream, state.api.clone(), protocol)
            .on_connection_init(move |payload| async move {
                // Payload keys are named like headers, in any case.
                let mut credentials = HeaderMap::new();
                for (key, value) in payload.as_object().into_iter().flatten() {
                    let name = key.to_ascii_lowercase();
                    if !matches!(name.as_str(), "authorization" | "x-api-key") {
                        continue;
                    }
                    let value = value.as_str().and_then(|v| HeaderValue::from_str(v).ok());
                    if let (Ok(name), Some(value)) = (header::HeaderName::try_from(name), value) {
                        credentials.insert(name, value);
                    }
                }
                let principal = services
                    .authenticator
                    .authenticate(&credentials)
                    .await
                    .map_err(async_graphql::Error::from)?;
                let mut data = async_graphql::Data::default();
                data.insert(services.knowledge.snapshot());
                data.insert(RequestContext { principal, client_ip });
                Ok(data)
            })
            .serve()
    })
}

/// A GraphQL response as sent: without `data` when a request failed before
/// execution under `application/graphql-response+json`.
#[derive(serde::Serialize)]
struct ResponseBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a async_graphql::Value>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [async_graphql::ServerError],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    extensions: &'a BTreeMap<String, async_graphql::Value>,
}

/// Serializes a response per GraphQL over HTTP: under
/// `application/graphql-response+json`, a request that failed before
/// execution is a 400 with no `data`; under `application/json` it is a 200.
/// (`graphql_response_media_type` names the media type.)
fn render(response: async_graphql::Response, graphql_response_json: bool) -> Response {
    let rate_limit = response.errors.iter().find_map(|e| {
        let ext = e.extensions.as_ref()?;
        match (ext.get("code"), ext.get("retryAfter")) {
            (Some(async_graphql::Value::String(code)), Some(async_graphql::Value::Number(secs)))
                if code == "RATE_LIMITED" =>
            {
                secs.as_u64()
            }
            _ => None,
        }
    });
    let request_failed = !response.errors.is_empty() && response.errors.iter().all(is_request_error);
    let status = if rate_limit.is_some() {
        StatusCode::TOO_MANY_REQUESTS
    } else if graphql_response_json && request_failed {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let body = ResponseBody {
        data: (!(graphql_response_json && request_failed)).then_some(&response.data),
        errors: &response.errors,
        extensions: &response.extensions,
    };
    // Written once, straight to bytes: a full scan report is tens of kilobytes.
    let bytes = match serde_json::to_vec(&body) {
        Ok(bytes) => bytes,
        Err(e) => return error_response(StatusCode::INTERNAL_SERVER_ERROR, &ApiError::internal(e)),
    };
    let mut http_response = (status, bytes).into_response();
    http_response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some(secs) = rate_limit {
        http_response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    http_response
}
