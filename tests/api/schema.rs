#[test]
fn the_committed_schema_is_the_output_of_atscan_schema() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/schema.graphql"))
        .expect("schema/schema.graphql exists");
    assert!(
        committed == atscan::graphql::sdl(),
        "schema/schema.graphql is stale: run `cargo run -- schema > schema/schema.graphql`"
    );
}
