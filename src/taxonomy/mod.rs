//! The curated knowledge base: its data model, file format, validation and
//! the indexed catalog that every read is served from.

pub mod catalog;
pub mod files;
pub mod model;
pub mod normalize;
pub mod sources;
pub mod validate;

pub use catalog::{Catalog, MistakeIdx, RoleIdx, SkillIdx};
pub use model::{Importance, SkillKind, Taxonomy};
pub use normalize::normalize_term;
