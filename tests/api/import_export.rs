use atscan::curation::{ImportMode, import};
use atscan::store;
use atscan::taxonomy::files::{default_taxonomy, parse_document, read_taxonomy, render_folder, write_taxonomy};

use crate::helpers::{Backend, TestDatabase, on_both_databases};

on_both_databases!(
    importing_the_same_files_twice_changes_nothing,
    export_then_import_into_an_empty_database_then_export_is_identical,
    a_bad_file_is_rejected_whole_with_the_file_entry_and_problem_named,
    a_merge_replaces_entries_by_slug_and_keeps_the_rest,
);

async fn fresh_db(backend: Backend) -> (TestDatabase, sea_orm::DatabaseConnection) {
    let database = TestDatabase::new(backend).await;
    let db = store::connect(&database.url).await.unwrap();
    store::migrate(&db).await.unwrap();
    (database, db)
}

fn default_folder() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/taxonomy")
}

async fn importing_the_same_files_twice_changes_nothing(backend: Backend) {
    let (_guard, db) = fresh_db(backend).await;
    let first = import(&db, read_taxonomy(&default_folder()).unwrap(), ImportMode::Merge)
        .await
        .unwrap();
    assert!(first.changed);
    let second = import(&db, read_taxonomy(&default_folder()).unwrap(), ImportMode::Merge)
        .await
        .unwrap();
    assert!(!second.changed);
    assert_eq!(
        second.version, first.version,
        "an idempotent import does not bump the version"
    );
    let (stored, _) = store::load_taxonomy(&db).await.unwrap();
    assert_eq!(stored, default_taxonomy().unwrap());
}

async fn export_then_import_into_an_empty_database_then_export_is_identical(backend: Backend) {
    let (_guard, source) = fresh_db(backend).await;
    import(&source, read_taxonomy(&default_folder()).unwrap(), ImportMode::Merge)
        .await
        .unwrap();
    let exported = store::load_taxonomy(&source).await.unwrap().0;
    let dir = tempfile::tempdir().unwrap();
    write_taxonomy(&exported, &dir.path().join("folder")).unwrap();
    write_taxonomy(&exported, &dir.path().join("all.json")).unwrap();

    for path in ["folder", "all.json"] {
        let (_guard, target) = fresh_db(backend).await;
        import(
            &target,
            read_taxonomy(&dir.path().join(path)).unwrap(),
            ImportMode::Merge,
        )
        .await
        .unwrap();
        let again = store::load_taxonomy(&target).await.unwrap().0;
        assert_eq!(
            render_folder(&again).unwrap(),
            render_folder(&exported).unwrap(),
            "round trip through {path}"
        );
    }
}

async fn a_bad_file_is_rejected_whole_with_the_file_entry_and_problem_named(backend: Backend) {
    let (_guard, db) = fresh_db(backend).await;
    import(&db, read_taxonomy(&default_folder()).unwrap(), ImportMode::Merge)
        .await
        .unwrap();
    let before = store::load_taxonomy(&db).await.unwrap();

    let bad = r#"
[[skill]]
slug = "fine-skill"
name = "Fine Skill"
kind = "hard"

[[skill]]
slug = "Broken Slug"
name = "Broken"
kind = "hard"
related = ["no-such-skill"]
"#;
    let error = import(&db, parse_document("broken.toml", bad).unwrap(), ImportMode::Merge)
        .await
        .unwrap_err();
    let message = error.to_string();
    assert!(message.contains("broken.toml"), "{message}");
    assert!(
        message.contains("Broken Slug") && message.contains("slug must be"),
        "{message}"
    );
    assert!(message.contains("no-such-skill"), "{message}");
    assert_eq!(
        store::load_taxonomy(&db).await.unwrap(),
        before,
        "nothing was half-imported"
    );

    let syntax = parse_document("syntax.toml", "[[skill]]\nslug = \"x\"\nname = ")
        .unwrap_err()
        .to_string();
    assert!(syntax.contains("syntax.toml") && syntax.contains("line 3"), "{syntax}");
    let unknown = parse_document(
        "typo.toml",
        "[[skill]]\nslug = \"x\"\nname = \"X\"\nkind = \"hard\"\naliasses = []\n",
    )
    .unwrap_err()
    .to_string();
    assert!(unknown.contains("aliasses"), "{unknown}");
}

async fn a_merge_replaces_entries_by_slug_and_keeps_the_rest(backend: Backend) {
    let (_guard, db) = fresh_db(backend).await;
    import(&db, read_taxonomy(&default_folder()).unwrap(), ImportMode::Merge)
        .await
        .unwrap();
    let role = r#"
slug = "backend-developer"
title = "Backend Software Developer"
aliases = ["Backend Engineer", "Server-Side Developer", "API Developer"]

[skills]
required = ["go", "postgresql"]
"#;
    let saved = import(&db, parse_document("role.toml", role).unwrap(), ImportMode::Merge)
        .await
        .unwrap();
    assert!(saved.changed);
    let (taxonomy, version) = store::load_taxonomy(&db).await.unwrap();
    assert_eq!(version, saved.version);
    let backend = taxonomy.roles.iter().find(|r| r.slug == "backend-developer").unwrap();
    assert_eq!(backend.title, "Backend Software Developer");
    assert_eq!(backend.skills.len(), 2);
    let defaults = default_taxonomy().unwrap();
    assert_eq!(taxonomy.roles.len(), defaults.roles.len());
    assert_eq!(taxonomy.skills, defaults.skills, "skills were not touched");
    let nurse = |t: &atscan::taxonomy::Taxonomy| t.roles.iter().find(|r| r.slug == "registered-nurse").cloned();
    assert_eq!(nurse(&taxonomy), nurse(&defaults));
}
