//! Limits on the shape of an operation that depth and complexity do not
//! catch cheaply: how many aliases a document uses and how many fields it
//! asks for at the root (each root field of a query can be a full search or
//! scan).

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ServerError, ServerResult, Variables};

use super::error::{VALIDATION_FAILED, with_code};

#[derive(Debug, Clone, Copy)]
pub struct ShapeLimits {
    pub max_aliases: usize,
    pub max_root_fields: usize,
}

impl ExtensionFactory for ShapeLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(*self)
    }
}

fn count_aliases(set: &SelectionSet) -> usize {
    set.items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(field) => {
                usize::from(field.node.alias.is_some()) + count_aliases(&field.node.selection_set.node)
            }
            Selection::InlineFragment(fragment) => count_aliases(&fragment.node.selection_set.node),
            // Fragment definitions are counted once, below.
            Selection::FragmentSpread(_) => 0,
        })
        .sum()
}

fn root_fields(set: &SelectionSet) -> usize {
    set.items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(_) | Selection::FragmentSpread(_) => 1,
            Selection::InlineFragment(fragment) => root_fields(&fragment.node.selection_set.node),
        })
        .sum()
}

fn refuse(message: String) -> ServerError {
    with_code(ServerError::new(message, None), VALIDATION_FAILED)
}

#[async_trait::async_trait]
impl Extension for ShapeLimits {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        let operations: Vec<_> = match &document.operations {
            DocumentOperations::Single(op) => vec![op],
            DocumentOperations::Multiple(ops) => ops.values().collect(),
        };
        let aliases = operations
            .iter()
            .map(|op| count_aliases(&op.node.selection_set.node))
            .sum::<usize>()
            + document
                .fragments
                .values()
                .map(|f| count_aliases(&f.node.selection_set.node))
                .sum::<usize>();
        if aliases > self.max_aliases {
            return Err(refuse(format!(
                "the document uses {aliases} aliases; at most {} are allowed",
                self.max_aliases
            )));
        }
        for op in operations {
            let fields = root_fields(&op.node.selection_set.node);
            if fields > self.max_root_fields {
                return Err(refuse(format!(
                    "an operation asks for {fields} root fields; at most {} are allowed",
                    self.max_root_fields
                )));
            }
        }
        Ok(document)
    }
}
