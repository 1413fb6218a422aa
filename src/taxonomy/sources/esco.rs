//! ESCO v1.1.1 in English (European Commission, CC BY 4.0 with an
//! acknowledgement): `esco_v_1_1_1_data_formatted.csv` holds each concept's
//! preferred and alternative labels with its places in the hierarchy.
//!
//! Only knowledge (`K`) and language (`L`) concepts are read: they are named
//! by nouns ("animal nutrition", "SPARQL", "German"), where ESCO's skills
//! and competences are duty phrases ("supervise correctional procedures").

use std::collections::BTreeMap;
use std::path::Path;

use super::concept::{Concept, kind_of};
use super::csv_rows::{code_paths, read_names, read_rows};
use super::labels::{capitalised, keyword_like};
use super::{PublicTaxonomy, SourceError, file_in};

const DATA: &str = "esco_v_1_1_1_data_formatted.csv";
const NAMES: &str = "esco_v_1_1_1_hier_mapper.json";
const CONCEPT_URI: &str = "http://data.europa.eu/esco/skill/";

pub(super) fn concepts(folder: &Path) -> Result<Vec<Concept>, SourceError> {
    let names = read_names(&file_in(folder, NAMES)?)?;
    let mut labels: BTreeMap<String, Labels> = BTreeMap::new();
    for row in read_rows(&file_in(folder, DATA)?)? {
        let entry = labels.entry(row.id).or_default();
        match row.kind.as_str() {
            "preferredLabel" => {
                entry.preferred = Some(row.description);
                entry.hierarchy = row.hierarchy_levels;
            }
            "altLabels" => entry.alternative.push(row.description),
            _ => {}
        }
    }
    Ok(labels
        .into_iter()
        .filter_map(|(id, labels)| {
            let preferred = labels.preferred.filter(|label| keyword_like(label))?;
            let group = code_paths(&labels.hierarchy)
                .into_iter()
                .find(|path| matches!(path.first(), Some(&"K" | &"L")))?;
            // The second level names the field (K06: ICT); L1 names languages.
            let category = group.get(1).or(group.first()).and_then(|code| names.get(*code));
            Some(Concept {
                source: PublicTaxonomy::Esco.source(&format!("{CONCEPT_URI}{id}")),
                kind: kind_of(&preferred),
                name: capitalised(&preferred),
                aliases: labels
                    .alternative
                    .into_iter()
                    .filter(|label| keyword_like(label))
                    .collect(),
                category: category.map(|name| capitalised(name)),
            })
        })
        .collect())
}

#[derive(Default)]
struct Labels {
    preferred: Option<String>,
    alternative: Vec<String>,
    hierarchy: String,
}
