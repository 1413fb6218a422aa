//! The one way into the schema, for HTTP, WebSocket and the CLI: parses each
//! document once (through a cache), checks its shape, guards selections that
//! might come out empty (see `empty_selection`), runs it, and gives request
//! errors their codes.
//!
//! These steps are deliberately not async-graphql extensions: a schema with
//! any extension routes every field of every response through the extension
//! chain, which made resolving a full scan report about 40% costlier.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use async_graphql::parser::types::ExecutableDocument;
use async_graphql::{Data, Executor, Request, Response, ServerError};
use futures_util::stream::{self, BoxStream, StreamExt};

use super::AppSchema;
use super::empty_selection;
use super::error::{PARSE_FAILED, VALIDATION_FAILED, with_code};
use super::limits::ShapeLimits;

/// The schema behind its checks. Cheap to clone.
#[derive(Clone)]
pub struct Api {
    schema: AppSchema,
    shape: ShapeLimits,
    documents: Arc<DocumentCache>,
}

impl Api {
    pub fn new(schema: AppSchema, shape: ShapeLimits) -> Self {
        Self {
            schema,
            shape,
            documents: Arc::default(),
        }
    }

    pub fn schema(&self) -> &AppSchema {
        &self.schema
    }

    /// The parsed document of `query`: from the cache, or parsed and checked
    /// now. The HTTP layer reads it too (GET may only run queries).
    pub fn document(&self, query: &str) -> Result<Checked, ServerError> {
        if let Some(checked) = self.documents.get(query) {
            return Ok(checked);
        }
        let mut document =
            async_graphql::parser::parse_query(query).map_err(|error| with_code(error.into(), PARSE_FAILED))?;
        self.shape.check(&document)?;
        let guarded = empty_selection::guard(&mut document);
        let checked = Checked { document, guarded };
        self.documents.insert(query, &checked);
        Ok(checked)
    }

    /// The request with its document parsed and checked, and whether its
    /// answer must be stripped of guards; or the error that refuses it.
    fn prepare(&self, mut request: Request) -> Result<(Request, bool), ServerError> {
        let Checked { document, guarded } = self.document(&request.query)?;
        request.set_parsed_query(document);
        Ok((request, guarded))
    }
}

/// A document that parsed and passed the shape checks, ready to run.
#[derive(Clone)]
pub struct Checked {
    pub document: ExecutableDocument,
    /// Whether the document holds guards its answer must drop.
    guarded: bool,
}

/// The response as the client gets it: guards dropped, request errors coded.
fn finish(mut response: Response, guarded: bool) -> Response {
    if guarded {
        empty_selection::strip(&mut response.data);
    }
    code_request_errors(response)
}

/// Errors raised before execution (validation, an unknown operation name)
/// have no path and no code; they are request errors.
fn code_request_errors(mut response: Response) -> Response {
    response.errors = std::mem::take(&mut response.errors)
        .into_iter()
        .map(|error| {
            if error.path.is_empty() {
                with_code(error, VALIDATION_FAILED)
            } else {
                error
            }
        })
        .collect();
    response
}

impl Executor for Api {
    async fn execute(&self, request: Request) -> Response {
        match self.prepare(request) {
            Ok((request, guarded)) => finish(self.schema.execute(request).await, guarded),
            Err(refusal) => Response::from_errors(vec![refusal]),
        }
    }

    fn execute_stream(&self, request: Request, session_data: Option<Arc<Data>>) -> BoxStream<'static, Response> {
        match self.prepare(request) {
            Ok((request, guarded)) => self
                .schema
                .execute_stream_with_session_data(request, session_data.unwrap_or_default())
                .map(move |response| finish(response, guarded))
                .boxed(),
            Err(refusal) => stream::once(async move { Response::from_errors(vec![refusal]) }).boxed(),
        }
    }
}

/// Documents that parsed and passed the shape checks, by query text. Clients
/// send the same few operations again and again, and cloning a parsed
/// document costs a fraction of parsing it.
///
/// Two generations bound the memory: when the current one is full it becomes
/// the previous one, and a document found there moves back.
#[derive(Default)]
struct DocumentCache {
    generations: Mutex<Generations>,
}

#[derive(Default)]
struct Generations {
    current: HashMap<Box<str>, Arc<Checked>>,
    previous: HashMap<Box<str>, Arc<Checked>>,
}

impl DocumentCache {
    /// Documents kept per generation.
    const CAPACITY: usize = 256;
    /// Longer queries are parsed every time (they are rarely repeated verbatim).
    const MAX_QUERY_BYTES: usize = 8 * 1024;

    fn get(&self, query: &str) -> Option<Checked> {
        let document = {
            let mut generations = self.generations.lock().unwrap_or_else(PoisonError::into_inner);
            match generations.current.get(query) {
                Some(document) => Arc::clone(document),
                None => {
                    let (query, document) = generations.previous.remove_entry(query)?;
                    generations.keep(query, Arc::clone(&document));
                    document
                }
            }
        };
        Some(Checked::clone(&document))
    }

    fn insert(&self, query: &str, document: &Checked) {
        if query.len() > Self::MAX_QUERY_BYTES {
            return;
        }
        let document = Arc::new(document.clone());
        let mut generations = self.generations.lock().unwrap_or_else(PoisonError::into_inner);
        generations.keep(query.into(), document);
    }
}

impl Generations {
    fn keep(&mut self, query: Box<str>, document: Arc<Checked>) {
        if self.current.len() >= DocumentCache::CAPACITY {
            self.previous = std::mem::take(&mut self.current);
        }
        self.current.insert(query, document);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> Checked {
        Checked {
            document: async_graphql::parser::parse_query(query).unwrap(),
            guarded: false,
        }
    }

    #[test]
    fn the_cache_is_bounded_and_keeps_what_is_used() {
        let cache = DocumentCache::default();
        cache.insert("{ a }", &parse("{ a }"));
        for i in 0..DocumentCache::CAPACITY {
            let query = format!("{{ f{i} }}");
            cache.insert(&query, &parse(&query));
            // `{ a }` keeps being asked for, so it survives every turnover.
            assert!(cache.get("{ a }").is_some());
        }
        for i in 0..2 * DocumentCache::CAPACITY {
            let query = format!("{{ g{i} }}");
            cache.insert(&query, &parse(&query));
        }
        let generations = cache.generations.lock().unwrap();
        assert!(generations.current.len() + generations.previous.len() <= 2 * DocumentCache::CAPACITY);
        assert!(!generations.current.contains_key("{ a }") && !generations.previous.contains_key("{ a }"));
    }

    #[test]
    fn long_queries_are_not_kept() {
        let cache = DocumentCache::default();
        let query = format!("{{ a {} }}", "b ".repeat(DocumentCache::MAX_QUERY_BYTES));
        cache.insert(&query, &parse(&query));
        assert!(cache.get(&query).is_none());
    }
}
