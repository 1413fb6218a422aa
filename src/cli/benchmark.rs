//! `atscan benchmark`: our skill extraction on the public benchmark of
//! Green, Maynard and Lin (LREC 2022), beside the authors' CRF baseline.

use std::path::PathBuf;

use clap::Args;

use super::out;
use crate::eval::green2022::{TYPES, read_baseline, read_gold, render, score, tag_sentence};
use crate::scan::KeywordMatcher;
use crate::taxonomy::Catalog;
use crate::taxonomy::files::default_taxonomy;

#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    /// The benchmark folder (with raw_data/testset.txt and history/test_output.csv)
    #[arg(default_value = "../shared/corpus/benchmarks/green2022")]
    folder: PathBuf,
}

pub fn run_benchmark(args: &BenchmarkArgs) -> anyhow::Result<()> {
    let gold_path = args.folder.join("raw_data/testset.txt");
    if !gold_path.is_file() {
        out(format_args!(
            "skipped: no benchmark at {} (third-party data is not part of this repository)\n",
            args.folder.display()
        ))?;
        return Ok(());
    }
    let gold = read_gold(&gold_path)?;
    let catalog = Catalog::build(default_taxonomy()?, 0)?;
    let matcher = KeywordMatcher::build(&catalog)?;
    let ours: Vec<Vec<String>> = gold.iter().map(|s| tag_sentence(&catalog, &matcher, s)).collect();
    let mut systems = vec![("atscan", TYPES.iter().map(|kind| score(&gold, &ours, kind)).collect())];
    let baseline_path = args.folder.join("history/test_output.csv");
    if baseline_path.is_file() {
        let crf = read_baseline(&baseline_path, &gold)?;
        systems.push((
            "CRF baseline (the authors' predictions)",
            TYPES.iter().map(|kind| score(&gold, &crf, kind)).collect(),
        ));
    }
    out(format_args!(
        "Green, Maynard and Lin (LREC 2022) test set: {} sentences, {} tokens\n\n",
        gold.len(),
        gold.iter().map(|s| s.tokens.len()).sum::<usize>()
    ))?;
    out(format_args!("{}", render(&systems)))?;
    Ok(())
}
