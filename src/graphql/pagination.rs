//! Relay connections over lists sorted by a string key. The cursor is the
//! key of the last item seen, made opaque, so pages stay stable while the
//! taxonomy changes: the next page starts after that key.

use async_graphql::connection::{Connection, CursorType, Edge, OpaqueCursor};
use async_graphql::{OutputType, SimpleObject};

use super::error::ApiError;

pub const DEFAULT_PAGE: usize = 20;
pub const MAX_PAGE: usize = 100;

#[derive(SimpleObject)]
pub struct TotalCount {
    /// Items in the whole list, over all pages.
    pub total_count: usize,
}

pub type Page<N> = Connection<OpaqueCursor<String>, N, TotalCount>;

/// One page of `items` (already sorted by `key`) after the `after` cursor.
pub fn paginate<T, N: OutputType>(
    items: Vec<T>,
    first: Option<i32>,
    after: Option<String>,
    key: impl Fn(&T) -> String,
    node: impl Fn(T) -> N,
) -> Result<Page<N>, ApiError> {
    let first = match first {
        None => DEFAULT_PAGE,
        Some(n) if n < 0 => return Err(ApiError::BadUserInput("`first` must not be negative".into())),
        Some(n) => (n as usize).min(MAX_PAGE),
    };
    let after = after
        .map(|cursor| {
            OpaqueCursor::<String>::decode_cursor(&cursor)
                .map(|c| c.0)
                .map_err(|_| ApiError::BadUserInput("`after` is not a cursor of this list".into()))
        })
        .transpose()?;
    let total_count = items.len();
    let start = after.map_or(0, |after| items.partition_point(|item| key(item) <= after));
    let has_next = total_count > start + first;
    let mut connection = Connection::with_additional_fields(start > 0, has_next, TotalCount { total_count });
    connection.edges.extend(
        items
            .into_iter()
            .skip(start)
            .take(first)
            .map(|item| Edge::new(OpaqueCursor(key(&item)), node(item))),
    );
    Ok(connection)
}
