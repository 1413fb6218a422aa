//! The scan engine: plain Rust with no web or database types.

pub mod rules;
