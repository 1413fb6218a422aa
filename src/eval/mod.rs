//! Scan quality on the real-world corpus: every labelled pair and cross pair
//! is read from its files as they are and scanned, and the results are held
//! against the labels of `eval/` and against a TF-IDF baseline; and the
//! knowledge base's [`coverage`] of real postings' requirement lines, and
//! skill extraction on a public benchmark ([`green2022`]).

mod baseline;
mod coverage;
pub mod green2022;
mod labels;
mod measure;
mod table;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Deserialize;

use crate::document::{Limits, extract};

pub use baseline::{Idf, pair_cosine};
pub use coverage::{Coverage, PostingCoverage, coverage, render_coverage};
pub use labels::{CrossPair, Fit, PairLabels};
pub use measure::{Quality, measure};
pub use table::{render, shortfalls};

/// The figures `atscan eval` must reach (`floor`) and the ones it aims at
/// (`goal`), from `eval/targets.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    pub floor: Thresholds,
    pub goal: Thresholds,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub job_recall: f64,
    pub resume_recall: f64,
    pub max_traps: usize,
    pub importance: f64,
    pub titles: f64,
    /// Jobs whose fitting resume outscores every cross resume, as a share.
    pub fit_over_every_cross: f64,
    pub mean_gap: f64,
    /// Whether the share of fit-over-cross comparisons won must be at least
    /// the TF-IDF cosine's.
    pub beat_tfidf: bool,
}

/// A labelled pair with the text of both documents, as the scanner reads them.
#[derive(Debug)]
pub struct LoadedPair {
    pub labels: PairLabels,
    pub resume: String,
    pub job: String,
}

/// The corpus read from disk: labelled pairs, cross pairs, and the postings
/// that give the corpus-wide TF-IDF its document frequencies.
#[derive(Debug)]
pub struct Corpus {
    pub pairs: Vec<LoadedPair>,
    pub cross: Vec<CrossPair>,
    pub postings: Vec<String>,
}

impl Corpus {
    /// Reads the labels of `labels` and the documents they name under `corpus`.
    pub fn load(corpus: &Path, labels: &Path) -> anyhow::Result<Self> {
        let (pair_labels, cross) = labels::read(labels)?;
        let mut pairs = Vec::with_capacity(pair_labels.len());
        for labels in pair_labels {
            let folder = corpus.join("pairs").join(&labels.pair);
            let resume = read_document(&document_in(&folder, "resume")?)?;
            let job = read_document(&document_in(&folder, "job")?)?;
            pairs.push(LoadedPair { labels, resume, job });
        }
        for pair in &cross {
            for name in [&pair.job, &pair.resume] {
                if !pairs.iter().any(|p| &p.labels.pair == name) {
                    anyhow::bail!("cross.toml names the pair {name}, which has no labels");
                }
            }
        }
        let mut postings = Vec::new();
        let folder = corpus.join("postings");
        if folder.is_dir() {
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)?
                .filter_map(|entry| Some(entry.ok()?.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "md" || ext == "txt"))
                .collect();
            paths.sort();
            for path in paths {
                postings.push(read_document(&path)?);
            }
        }
        Ok(Self { pairs, cross, postings })
    }

    pub fn pair(&self, name: &str) -> Option<&LoadedPair> {
        self.pairs.iter().find(|p| p.labels.pair == name)
    }
}

/// The one file of a pair whose name starts with `stem` (`resume.pdf`).
fn document_in(folder: &Path, stem: &str) -> anyhow::Result<PathBuf> {
    std::fs::read_dir(folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .find(|path| path.file_stem().is_some_and(|s| s == stem))
        .with_context(|| format!("{} has no {stem} file", folder.display()))
}

/// The text of a file, read the way the server reads an upload.
pub fn read_document(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let extracted = extract(&bytes, &Limits::default()).with_context(|| format!("extracting {}", path.display()))?;
    Ok(extracted.text)
}

impl Targets {
    pub fn read(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("parsing {}", path.display()))
    }
}
