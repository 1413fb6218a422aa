//! `atscan scan`: a scan report on the terminal or as JSON, without a
//! server. It runs the same GraphQL operation the API serves, against the
//! embedded knowledge base in an in-memory database (or a given database),
//! so the CLI and GraphQL cannot disagree.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::Args;
use serde_json::{Value, json};

use crate::document::{Isolation, extract_isolated};
use crate::graphql::scan::FULL_REPORT_QUERY;
use crate::startup::LocalApi;

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// The resume: PDF, DOCX, ODT, RTF, HTML, Markdown or text
    #[arg(long)]
    resume: PathBuf,
    /// The job description: a file of the same formats
    #[arg(long)]
    job: Option<PathBuf>,
    /// Target role slug (inferred from the job description when absent)
    #[arg(long)]
    role: Option<String>,
    /// Print the report as JSON (the GraphQL `scan` result)
    #[arg(long)]
    json: bool,
    /// Scan against this database's taxonomy instead of the embedded default
    #[arg(long, env = "ATSCAN_SCAN_DATABASE_URL")]
    database_url: Option<String>,
}

pub async fn run_scan(args: ScanArgs) -> anyhow::Result<()> {
    let resume = read_text(&args.resume).await?;
    let job = match &args.job {
        Some(path) => Some(read_text(path).await?),
        None => None,
    };
    let report = scan_report(
        &resume,
        job.as_deref(),
        args.role.as_deref(),
        args.database_url.as_deref(),
    )
    .await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&report, std::io::stdout().is_terminal()));
    }
    Ok(())
}

/// The text of a file of any supported format, read as the server reads uploads.
async fn read_text(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let extracted = extract_isolated(bytes, &Isolation::default())
        .await
        .with_context(|| format!("reading {}", path.display()))?;
    Ok(extracted.text)
}

/// The `scan` result of the full report query, as GraphQL serves it.
pub async fn scan_report(
    resume: &str,
    job: Option<&str>,
    role: Option<&str>,
    database_url: Option<&str>,
) -> anyhow::Result<Value> {
    let api = LocalApi::open(database_url).await?;
    let variables = json!({ "input": { "resumeText": resume, "jobDescription": job, "role": role } });
    let response = api.execute(FULL_REPORT_QUERY, variables).await;
    if let Some(error) = response.errors.first() {
        bail!("{}", error.message);
    }
    let mut data = response.data.into_json()?;
    Ok(data["scan"].take())
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
    let role = report["role"]["title"].as_str().unwrap_or("no target role");
    let _ = writeln!(
        out,
        "{} {score}  {}",
        style.bold("ATS score"),
        style.dim(&format!("({role})"))
    );
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
        for suggestion in suggestions {
            let _ = writeln!(
                out,
                "  {}. {}",
                suggestion["priority"].as_u64().unwrap_or(0),
                text(&suggestion["message"])
            );
        }
    }
    out
}
