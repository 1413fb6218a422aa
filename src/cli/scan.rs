//! `atscan scan`: a scan report on the terminal or as JSON, without a
//! server, or many files ranked against one (see [`batch`]). It runs the
//! same GraphQL operation the API serves, with the files as uploads,
//! against the embedded knowledge base (or a given database), so the CLI
//! and GraphQL cannot disagree.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::batch::{self, OutputFormat};
use super::files::{scan_report, upload};
use super::out;
use crate::document::Isolation;
use crate::graphql::scan::FULL_REPORT_QUERY;
use crate::startup::LocalApi;

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The resume: PDF, DOCX, ODT, RTF, HTML, Markdown or text
    #[arg(long)]
    pub resume: Option<PathBuf>,
    /// The job description: a file of the same formats
    #[arg(long)]
    pub job: Option<PathBuf>,
    /// Target role slug (inferred from the job description when absent)
    #[arg(long)]
    pub role: Option<String>,
    /// Many files to rank, or folders of them: resumes against --job or
    /// --role, or jobs against --resume
    pub files: Vec<PathBuf>,
    /// Output: a report (or, for many files, a ranked table), JSON (JSON
    /// lines for many files; see schema/scan-output.schema.json) or CSV
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// The same as --format json
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Colour in the text report: on a terminal (auto), always or never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Exit with status 1 when a score is below N (or a file cannot be
    /// scanned), for pipelines
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub fail_under: Option<u8>,
    /// Scan against this database's taxonomy instead of the embedded default
    #[arg(long, env = "ATSCAN_SCAN_DATABASE_URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ScanArgs {
    fn output(&self) -> OutputFormat {
        if self.json { OutputFormat::Json } else { self.format }
    }

    fn color(&self) -> bool {
        match self.color {
            ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            ColorChoice::Always => true,
            ColorChoice::Never => false,
        }
    }
}

pub async fn run_scan(args: ScanArgs) -> anyhow::Result<ExitCode> {
    // The process ends right after the report: freeing the knowledge base
    // would only cost time, so it is left to the operating system.
    let api: &'static LocalApi = Box::leak(Box::new(LocalApi::open(args.database_url.as_deref()).await?));
    if !args.files.is_empty() {
        let batch = batch::Batch {
            resume: args.resume.as_deref(),
            job: args.job.as_deref(),
            role: args.role.as_deref(),
            files: &args.files,
            format: args.output(),
            fail_under: args.fail_under,
        };
        return batch::run(api, batch).await;
    }
    let Some(resume) = &args.resume else {
        bail!("give --resume (with --job or --role), or files to rank against --job, --role or --resume");
    };
    let isolation = Isolation::default();
    let mut files = vec![upload("resume", resume, &isolation)?];
    if let Some(job) = &args.job {
        files.push(upload("job", job, &isolation)?);
    }
    let variables = json!({ "input": { "resume": null, "job": null, "role": args.role } });
    let report = scan_report(api, FULL_REPORT_QUERY, variables, files).await?;
    match args.output() {
        OutputFormat::Json => out(format_args!("{}\n", serde_json::to_string_pretty(&report)?))?,
        OutputFormat::Text => out(format_args!("{}", render(&report, args.color())))?,
        OutputFormat::Csv => out(format_args!(
            "{}",
            batch::csv(&[batch::Row::scanned(resume, report.clone())])
        ))?,
    }
    let overall = report["score"]["overall"].as_u64().unwrap_or(0);
    Ok(match args.fail_under {
        Some(n) if overall < u64::from(n) => ExitCode::FAILURE,
        _ => ExitCode::SUCCESS,
    })
}

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
    fn good(&self, text: &str) -> String {
        self.paint("32", text)
    }
    fn bad(&self, text: &str) -> String {
        self.paint("31", text)
    }
    fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

fn items(value: &Value) -> &[Value] {
    value.as_array().map_or(&[], Vec::as_slice)
}

/// A readable report: score and its parts, keywords, mistakes, suggestions.
pub fn render(report: &Value, color: bool) -> String {
    use std::fmt::Write as _;
    let style = Style { color };
    let mut out = String::new();
    let overall = report["score"]["overall"].as_u64().unwrap_or(0);
    let score = format!("{overall}/100");
    let score = if overall >= 70 {
        style.good(&score)
    } else {
        style.bad(&score)
    };
    let partial = if report["score"]["partialRead"].as_bool() == Some(true) {
        style.bad(" partial read: the file was not fully readable, see below")
    } else {
        String::new()
    };
    if report["score"]["basis"].as_str() == Some("DOCUMENT_ONLY") {
        // Nothing was matched: a number here would pass for an ATS score.
        let _ = writeln!(
            out,
            "{} {score}{partial}\n  {}",
            style.bold("Resume as a document"),
            style.dim("No job or role to match against, so this is no ATS score: give --job or --role.")
        );
    } else {
        let role = report["role"]["title"].as_str().unwrap_or("no role recognised");
        let _ = writeln!(
            out,
            "{} {score}  {}{partial}",
            style.bold("ATS score"),
            style.dim(&format!("({role})"))
        );
    }
    for component in items(&report["score"]["components"]) {
        let _ = writeln!(
            out,
            "  {:<17} {:>3}  x{:.2}  {}",
            text(&component["key"]),
            component["score"].as_u64().unwrap_or(0),
            component["weight"].as_f64().unwrap_or(0.0),
            style.dim(text(&component["explanation"]))
        );
    }
    if let Some(cap) = report["score"]["cap"].as_object() {
        let _ = writeln!(
            out,
            "  {:<17} {:>3}  {}",
            "capped at",
            cap.get("limit").and_then(Value::as_u64).unwrap_or(0),
            style.dim(cap.get("explanation").and_then(Value::as_str).unwrap_or(""))
        );
    }
    for (what, document) in [
        ("Resume file", &report["document"]),
        ("Job file", &report["jobDocument"]),
    ] {
        render_document(&mut out, &style, what, document);
    }
    let matched: Vec<String> = items(&report["matched"])
        .iter()
        .map(|m| text(&m["skill"]["name"]).to_owned())
        .collect();
    if !matched.is_empty() {
        let _ = writeln!(out, "\n{} {}", style.bold("Matched:"), style.good(&matched.join(", ")));
    }
    let missing: Vec<String> = items(&report["missing"])
        .iter()
        .map(|m| {
            let importance = text(&m["importance"]).to_lowercase();
            let others: Vec<&str> = items(&m["alternatives"]).iter().map(|s| text(&s["name"])).collect();
            if others.is_empty() {
                format!("{} ({importance})", text(&m["jobWording"]))
            } else {
                format!(
                    "{} ({importance}, or one of {})",
                    text(&m["jobWording"]),
                    others.join(", ")
                )
            }
        })
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(out, "{} {}", style.bold("Missing:"), style.bad(&missing.join(", ")));
    }
    let mistakes = items(&report["mistakes"]);
    if !mistakes.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Mistakes"));
        for mistake in mistakes {
            let _ = writeln!(
                out,
                "  - {}: {}",
                text(&mistake["mistake"]["title"]),
                text(&mistake["message"])
            );
        }
    }
    let suggestions = items(&report["suggestions"]);
    if !suggestions.is_empty() {
        let _ = writeln!(out, "\n{}", style.bold("Suggestions"));
        // Listed most important first; the number is the place in that order.
        for (place, suggestion) in suggestions.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", place + 1, text(&suggestion["message"]));
        }
    }
    out
}

/// A file's reading: format, pages, readability and each warning with its fix.
fn render_document(out: &mut String, style: &Style, what: &str, document: &Value) {
    use std::fmt::Write as _;
    if document.is_null() {
        return;
    }
    let pages = match document["pages"].as_u64() {
        Some(1) => ", 1 page".to_owned(),
        Some(n) => format!(", {n} pages"),
        None => String::new(),
    };
    let readability = document["readability"].as_u64().unwrap_or(0);
    let partial = if document["partialRead"].as_bool() == Some(true) {
        style.bad(", partial read")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "\n{} {}{pages}, readability {readability}/100{partial}",
        style.bold(&format!("{what}:")),
        text(&document["format"]),
    );
    for warning in items(&document["warnings"]) {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            style.bad("!"),
            text(&warning["code"]),
            text(&warning["message"])
        );
        let _ = writeln!(out, "    {}", style.dim(&format!("fix: {}", text(&warning["fix"]))));
    }
}
