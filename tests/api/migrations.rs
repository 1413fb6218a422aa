use migrations::{Migrator, MigratorTrait};
use sea_orm::ConnectionTrait;

use crate::helpers::{Backend, TestDatabase, on_both_databases};

on_both_databases!(migrations_go_up_down_and_up_again);

async fn migrations_go_up_down_and_up_again(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let db = atscan::store::connect(&database.url).await.unwrap();
    let has_skills_table = |db: &sea_orm::DatabaseConnection| {
        let db = db.clone();
        async move { db.execute_unprepared("SELECT COUNT(*) FROM skills").await.is_ok() }
    };

    Migrator::up(&db, None).await.unwrap();
    assert!(has_skills_table(&db).await);
    assert_eq!(atscan::store::taxonomy_version(&db).await.unwrap(), 0);

    Migrator::down(&db, None).await.unwrap();
    assert!(!has_skills_table(&db).await, "down drops the tables");
    assert!(Migrator::get_applied_migrations(&db).await.unwrap().is_empty());

    Migrator::up(&db, None).await.unwrap();
    assert!(has_skills_table(&db).await);
    assert_eq!(Migrator::get_pending_migrations(&db).await.unwrap().len(), 0);
}
