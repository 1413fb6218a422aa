//! `atscan text FILE`: the text an ATS sees in a file, read by the same
//! isolated extraction as the server's uploads, so a person can see why a
//! keyword was missed.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use super::files::read_file_within_limit;
use super::out;
use crate::document::{Isolation, extract_isolated};

#[derive(Debug, Args)]
pub struct TextArgs {
    /// A resume or job file: PDF, DOCX, ODT, RTF, HTML, Markdown or text
    file: PathBuf,
    /// Print the whole reading as JSON: format, pages, readability, warnings and text
    #[arg(long)]
    json: bool,
}

pub async fn run_text(args: TextArgs) -> anyhow::Result<()> {
    let isolation = Isolation::default();
    let bytes = read_file_within_limit(&args.file, &isolation)?;
    let extracted = extract_isolated(bytes, &isolation)
        .await
        .with_context(|| format!("reading {}", args.file.display()))?;
    if args.json {
        out(format_args!("{}\n", serde_json::to_string_pretty(&extracted)?))?;
        return Ok(());
    }
    out(format_args!("{}\n", extracted.text))?;
    // The reading's quality goes to stderr, so stdout stays the text alone.
    let partial = if extracted.partial_read { ", a partial read" } else { "" };
    eprintln!(
        "{}, {} characters, readability {}/100{partial}",
        extracted.format.name(),
        extracted.characters,
        extracted.readability
    );
    for warning in &extracted.warnings {
        eprintln!("warning {}: {}; {}", warning.code, warning.message, warning.code.fix());
    }
    Ok(())
}
