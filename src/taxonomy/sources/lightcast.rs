//! Lightcast Open Skills: `lightcast_data_formatted.csv` holds each skill's
//! name and its category and subcategory codes.
//!
//! Lightcast tells senses of an ordinary word apart with a qualifier
//! ("Transparency (Projection)"); a document never writes the qualifier, so
//! such a word cannot be told apart from plain English and is left out. A
//! qualifier on a name (`Python (Programming Language)`) is dropped.

use std::path::Path;

use super::concept::{Concept, kind_of};
use super::csv_rows::{code_paths, read_names, read_rows};
use super::labels::{keyword_like, plain_word, split_qualifier};
use super::{PublicTaxonomy, SourceError, file_in};

const DATA: &str = "lightcast_data_formatted.csv";
const NAMES: &str = "lightcast_hier_mapper.json";

pub(super) fn concepts(folder: &Path) -> Result<Vec<Concept>, SourceError> {
    let names = read_names(&file_in(folder, NAMES)?)?;
    Ok(read_rows(&file_in(folder, DATA)?)?
        .into_iter()
        .filter(|row| row.kind == "skill")
        .filter_map(|row| {
            let (name, qualifier) = split_qualifier(&row.description);
            if !keyword_like(name) || (qualifier.is_some() && plain_word(name)) {
                return None;
            }
            let category = code_paths(&row.hierarchy_levels)
                .first()
                .and_then(|path| path.first())
                .and_then(|code| names.get(*code))
                .cloned();
            Some(Concept {
                source: PublicTaxonomy::Lightcast.source(&row.id),
                kind: kind_of(&row.description),
                name: name.to_owned(),
                aliases: Vec::new(),
                category,
            })
        })
        .collect())
}
