//! Database migrations of atscan; each one serves SQLite and PostgreSQL alike.

pub use sea_orm_migration::prelude::*;

mod m20261128_000001_create_taxonomy;
mod m20261128_000002_create_accounts;
mod m20261206_000003_add_skill_source;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261128_000001_create_taxonomy::Migration),
            Box::new(m20261128_000002_create_accounts::Migration),
            Box::new(m20261206_000003_add_skill_source::Migration),
        ]
    }
}
