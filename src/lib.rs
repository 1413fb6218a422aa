//! atscan: a curated keyword knowledge base for resumes and an ATS-style
//! scanner that scores resumes against job descriptions.

/// Callers and permissions: users, JWT sessions, API keys.
pub mod auth;
/// Command-line interface: one function per subcommand.
pub mod cli;
/// Settings from flags and `ATSCAN_*` environment variables.
pub mod config;
/// Imports and curation edits of the stored taxonomy.
pub mod curation;
/// Resume and job files (PDF, DOCX, ...) turned into text and a readability report.
pub mod document;
/// Scan quality measured on the labelled real-world corpus.
pub mod eval;
/// The GraphQL schema, types and resolvers.
pub mod graphql;
/// HTTP routes and layers.
pub mod http;
/// The live, atomically swapped taxonomy snapshot.
pub mod knowledge;
/// Per-caller rate limits.
pub mod ratelimit;
/// The scan engine: matching, document analysis, scoring, mistakes.
pub mod scan;
/// Taxonomy search on tantivy.
pub mod search;
/// Building and running the service.
pub mod startup;
/// Database access through sea-orm.
pub mod store;
/// The knowledge base's model, file format, validation and catalog.
pub mod taxonomy;
