//! `atscan eval`: scan quality on the real-world corpus, held against the
//! labels of `eval/` and the targets of `eval/targets.toml`.

use std::path::PathBuf;

use anyhow::bail;
use clap::Args;

use super::files::knowledge_base;
use super::out;
use crate::eval::{Corpus, Targets, measure, render, shortfalls};
use crate::scan::KeywordMatcher;
use crate::taxonomy::Catalog;

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The corpus folder (with pairs/ and postings/)
    #[arg(default_value = "../shared/corpus")]
    corpus: PathBuf,
    /// The labels folder (with pairs/, cross.toml and targets.toml)
    #[arg(long, default_value = "eval")]
    labels: PathBuf,
    /// List the misses of every pair, not only the worst eight
    #[arg(long)]
    every_pair: bool,
    /// Measure this taxonomy folder or file (as `atscan import` reads it)
    /// instead of the embedded knowledge base
    #[arg(long)]
    taxonomy: Option<PathBuf>,
}

pub fn run_eval(args: &EvalArgs) -> anyhow::Result<()> {
    if !args.corpus.join("pairs").is_dir() {
        out(format_args!(
            "skipped: no corpus at {} (the real-world documents are not part of this repository)\n",
            args.corpus.display()
        ))?;
        return Ok(());
    }
    let targets = Targets::read(&args.labels.join("targets.toml"))?;
    let corpus = Corpus::load(&args.corpus, &args.labels)?;
    let catalog = Catalog::build(knowledge_base(args.taxonomy.as_deref())?, 0)?;
    let matcher = KeywordMatcher::build(&catalog)?;
    let quality = measure(&catalog, &matcher, &corpus);
    out(format_args!("{}", render(&quality, &targets, args.every_pair)))?;
    let short = shortfalls(&quality, &targets.floor);
    if !short.is_empty() {
        bail!("scan quality fell below its floor: {}", short.join("; "));
    }
    Ok(())
}
