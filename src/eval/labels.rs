//! The label files of `eval/`: what a careful reader sees in each pair of
//! the real-world corpus, and which resumes are set against another field's
//! job. The format is described in `eval/README.md`.

use std::path::Path;

use anyhow::Context as _;
use serde::Deserialize;

use crate::taxonomy::Importance;

/// The labels of one resume/job pair.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairLabels {
    /// The pair's folder under `pairs/` of the corpus.
    pub pair: String,
    pub fit: Fit,
    pub job: JobLabels,
    pub resume: ResumeLabels,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fit {
    Strong,
    Good,
    Partial,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct JobLabels {
    pub title: String,
    pub title_also: Vec<String>,
    pub role: String,
    pub required: Vec<String>,
    pub preferred: Vec<String>,
    pub mentioned: Vec<String>,
    pub traps: Vec<String>,
    pub one_of: Vec<Alternatives>,
}

/// Skills of which any one meets the requirement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternatives {
    #[serde(deserialize_with = "importance")]
    pub importance: Importance,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ResumeLabels {
    pub skills: Vec<String>,
    pub traps: Vec<String>,
}

/// A resume of one pair against the job of another field's pair.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossPair {
    pub job: String,
    pub resume: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CrossFile {
    cross: Vec<CrossPair>,
}

impl JobLabels {
    /// Every labelled skill with its importance, alternatives included.
    pub fn skills(&self) -> impl Iterator<Item = (&str, Importance)> {
        let plain = [
            (&self.required, Importance::Required),
            (&self.preferred, Importance::Preferred),
            (&self.mentioned, Importance::Mentioned),
        ]
        .into_iter()
        .flat_map(|(names, importance)| names.iter().map(move |name| (name.as_str(), importance)));
        let alternatives = self
            .one_of
            .iter()
            .flat_map(|group| group.skills.iter().map(|name| (name.as_str(), group.importance)));
        plain.chain(alternatives)
    }
}

fn importance<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Importance, D::Error> {
    let text = String::deserialize(deserializer)?;
    Importance::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown importance `{text}`")))
}

/// Reads `pairs/*.toml` and `cross.toml` of a labels folder.
pub fn read(labels: &Path) -> anyhow::Result<(Vec<PairLabels>, Vec<CrossPair>)> {
    let folder = labels.join("pairs");
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
            let pair: PairLabels = toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
            pairs.push(pair);
        }
    }
    pairs.sort_by(|a, b| a.pair.cmp(&b.pair));
    let path = labels.join("cross.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let cross: CrossFile = toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    Ok((pairs, cross.cross))
}
