//! `atscan coverage`: how much of what real postings ask for the knowledge
//! base can name, and the phrases it misses most often.

use std::path::PathBuf;

use anyhow::bail;
use clap::Args;

use super::files::{documents_at, knowledge_base};
use super::out;
use crate::eval::{coverage, read_document, render_coverage};
use crate::scan::KeywordMatcher;
use crate::taxonomy::Catalog;

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Job postings: files, or folders of them
    #[arg(default_value = "../shared/corpus/postings")]
    paths: Vec<PathBuf>,
    /// How many unresolved phrases to list
    #[arg(long, default_value_t = 40)]
    top: usize,
    /// Fail when the averaged share of requirement lines yielding a skill is below this
    #[arg(long)]
    floor: Option<f64>,
    /// Measure this taxonomy folder or file (as `atscan import` reads it)
    /// instead of the embedded knowledge base: an edit before it is imported
    #[arg(long)]
    taxonomy: Option<PathBuf>,
}

pub fn run_coverage(args: &CoverageArgs) -> anyhow::Result<()> {
    if let [only] = args.paths.as_slice()
        && !only.exists()
    {
        out(format_args!(
            "skipped: no postings at {} (the real-world documents are not part of this repository)\n",
            only.display()
        ))?;
        return Ok(());
    }
    let mut documents = Vec::new();
    for path in &args.paths {
        for file in documents_at(path)? {
            let text = read_document(&file)?;
            documents.push((file.display().to_string(), text));
        }
    }
    let catalog = Catalog::build(knowledge_base(args.taxonomy.as_deref())?, 0)?;
    let matcher = KeywordMatcher::build(&catalog)?;
    let measured = coverage(&catalog, &matcher, &documents);
    out(format_args!("{}", render_coverage(&measured, args.top)))?;
    if let Some(floor) = args.floor
        && measured.mean_share() < floor
    {
        bail!(
            "requirement lines yielding a skill: {:.3}, below the floor of {floor}",
            measured.mean_share()
        );
    }
    Ok(())
}
