//! Integration tests over real HTTP against the application on port 0,
//! each on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../document/fixtures.rs"]
mod fixtures;
mod helpers;

mod auth;
mod batch;
mod cli;
mod curation;
mod differential;
mod health;
mod http_audit;
mod http_protocol;
mod import_export;
mod migrations;
mod public_import;
mod rate_limits;
mod read_api;
mod scan;
mod schema;
mod schema_walk;
mod search;
mod subscriptions;
mod uploads;
