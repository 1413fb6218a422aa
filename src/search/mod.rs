//! Taxonomy search on a tantivy index: ranked, typo-tolerant, alias-aware.
