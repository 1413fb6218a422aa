//! Compiles the default knowledge base (`data/taxonomy/**/*.toml`) into one
//! JSON document embedded in the binary: `[[path, bundle], ...]`, sorted by
//! path, where a role's file (a document with a top-level `slug`) becomes
//! the bundle `{"role": [document]}`. JSON reads several times faster than TOML, and the CLI reads the
//! whole knowledge base on every start. The files stay the source of truth;
//! a file that is not valid TOML fails the build here, and the entries are
//! validated when the binary reads them.

use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new("data/taxonomy");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(root, &mut files);
    files.sort();
    let mut documents = Vec::with_capacity(files.len());
    for file in &files {
        println!("cargo::rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let document: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let bundle = if document.contains_key("slug") {
            serde_json::json!({ "role": [document] })
        } else {
            serde_json::json!(document)
        };
        let path = file
            .strip_prefix(root)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        documents.push(serde_json::json!([path, bundle]));
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("taxonomy.json");
    let json = serde_json::to_string(&documents).expect("TOML values are JSON values");
    std::fs::write(&out, json).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            collect(&path, out);
            println!("cargo::rerun-if-changed={}", path.display());
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            out.push(path);
        }
    }
}
