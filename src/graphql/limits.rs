//! Limits on the shape of an operation that depth and complexity do not
//! catch cheaply: how many aliases a document uses and how many fields it
//! asks for at the root (each root field of a query can be a full search or
//! scan).

use async_graphql::ServerError;
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, Selection, SelectionSet};

use super::error::{VALIDATION_FAILED, with_code};

#[derive(Debug, Clone, Copy)]
pub struct ShapeLimits {
    pub max_aliases: usize,
    pub max_root_fields: usize,
}

/// Deeper documents are refused before anything walks them (async-graphql
/// refuses anything nested deeper than 32 levels anyway).
const MAX_NESTING: usize = 64;

fn check_nesting(depth: usize) -> Result<(), ServerError> {
    if depth > MAX_NESTING {
        return Err(refuse(format!(
            "the document is nested more than {MAX_NESTING} levels deep"
        )));
    }
    Ok(())
}

fn count_aliases(set: &SelectionSet, depth: usize) -> Result<usize, ServerError> {
    check_nesting(depth)?;
    let mut aliases = 0;
    for item in &set.items {
        aliases += match &item.node {
            Selection::Field(field) => {
                usize::from(field.node.alias.is_some()) + count_aliases(&field.node.selection_set.node, depth + 1)?
            }
            Selection::InlineFragment(fragment) => count_aliases(&fragment.node.selection_set.node, depth + 1)?,
            // Fragment definitions are counted once, below.
            Selection::FragmentSpread(_) => 0,
        };
    }
    Ok(aliases)
}

fn root_fields(set: &SelectionSet, depth: usize) -> Result<usize, ServerError> {
    check_nesting(depth)?;
    let mut fields = 0;
    for item in &set.items {
        fields += match &item.node {
            Selection::Field(_) | Selection::FragmentSpread(_) => 1,
            Selection::InlineFragment(fragment) => root_fields(&fragment.node.selection_set.node, depth + 1)?,
        };
    }
    Ok(fields)
}

fn refuse(message: String) -> ServerError {
    with_code(ServerError::new(message, None), VALIDATION_FAILED)
}

impl ShapeLimits {
    /// Refuses a document with too many aliases, or an operation with too
    /// many root fields.
    pub fn check(&self, document: &ExecutableDocument) -> Result<(), ServerError> {
        let operations: Vec<_> = match &document.operations {
            DocumentOperations::Single(op) => vec![op],
            DocumentOperations::Multiple(ops) => ops.values().collect(),
        };
        let mut aliases = 0;
        for op in &operations {
            aliases += count_aliases(&op.node.selection_set.node, 0)?;
        }
        for fragment in document.fragments.values() {
            aliases += count_aliases(&fragment.node.selection_set.node, 0)?;
        }
        if aliases > self.max_aliases {
            return Err(refuse(format!(
                "the document uses {aliases} aliases; at most {} are allowed",
                self.max_aliases
            )));
        }
        for op in operations {
            let fields = root_fields(&op.node.selection_set.node, 0)?;
            if fields > self.max_root_fields {
                return Err(refuse(format!(
                    "an operation asks for {fields} root fields; at most {} are allowed",
                    self.max_root_fields
                )));
            }
        }
        Ok(())
    }
}
