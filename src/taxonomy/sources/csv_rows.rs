//! The package's CSV layout: `id,description,hierarchy_levels,type`, where
//! the hierarchy is a Python list literal of code paths
//! (`[['K', 'K06', 'K061'], ['S', 'S5', 'S5.6', None]]`), and a JSON object
//! naming each code.

use std::collections::HashMap;
use std::path::Path;

use super::SourceError;

/// One row of a taxonomy CSV.
#[derive(Debug, serde::Deserialize)]
pub(super) struct Row {
    pub id: String,
    /// The label (the package calls it the description).
    pub description: String,
    #[serde(default)]
    pub hierarchy_levels: String,
    /// `preferredLabel`, `altLabels`, `level_2`, ... (ESCO) or `skill`,
    /// `category`, `subcategory` (Lightcast).
    #[serde(rename = "type")]
    pub kind: String,
}

pub(super) fn read_rows(path: &Path) -> Result<Vec<Row>, SourceError> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| SourceError::read(path, e))?;
    reader
        .deserialize()
        .map(|row| row.map_err(|e| SourceError::read(path, e)))
        .collect()
}

/// Code -> name, from the package's `*_hier_mapper.json`.
pub(super) fn read_names(path: &Path) -> Result<HashMap<String, String>, SourceError> {
    let text = std::fs::read_to_string(path).map_err(|e| SourceError::read(path, e))?;
    serde_json::from_str(&text).map_err(|e| SourceError::read(path, e))
}

/// The code paths of a hierarchy literal, each a list of its quoted codes
/// (`None` levels are left out).
pub(super) fn code_paths(literal: &str) -> Vec<Vec<&str>> {
    literal
        .split(']')
        .map(|group| group.split('\'').skip(1).step_by(2).collect::<Vec<_>>())
        .filter(|codes| !codes.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hierarchy_literals_become_code_paths() {
        assert_eq!(
            code_paths("[['K', 'K06', 'K061', 'K0613'], ['S', 'S5', 'S5.6', None]]"),
            vec![vec!["K", "K06", "K061", "K0613"], vec!["S", "S5", "S5.6"]]
        );
        assert_eq!(code_paths("[['17.0', '17.0.435.0']]"), vec![vec!["17.0", "17.0.435.0"]]);
        assert!(code_paths("").is_empty());
    }
}
