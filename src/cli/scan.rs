//! `atscan scan`: a scan report on the terminal or as JSON, without a
//! server. It runs the same GraphQL operation the API serves, with the files
//! as uploads, against the embedded knowledge base in an in-memory database
//! (or a given database), so the CLI and GraphQL cannot disagree.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::bail;
use clap::Args;
use serde_json::{Value, json};

use super::files::{file_name, read_file_within_limit};
use crate::document::Isolation;
use crate::graphql::scan::FULL_REPORT_QUERY;
use crate::startup::{LocalApi, LocalFile};

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
    let isolation = Isolation::default();
    let mut files = vec![upload("resume", &args.resume, &isolation)?];
    if let Some(job) = &args.job {
        files.push(upload("job", job, &isolation)?);
    }
    let report = scan_report(files, args.role.as_deref(), args.database_url.as_deref()).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", render(&report, std::io::stdout().is_terminal()));
    }
    Ok(())
}

/// A file sent as the scan's `input.<field>` upload.
fn upload(field: &str, path: &Path, isolation: &Isolation) -> anyhow::Result<LocalFile> {
    Ok(LocalFile {
        variable: format!("variables.input.{field}"),
        name: file_name(path),
        bytes: read_file_within_limit(path, isolation)?,
    })
}

/// The `scan` result of the full report query, as GraphQL serves it for
/// uploaded files: they are read by the same isolated extraction.
async fn scan_report(files: Vec<LocalFile>, role: Option<&str>, database_url: Option<&str>) -> anyhow::Result<Value> {
    let api = LocalApi::open(database_url).await?;
    let variables = json!({ "input": { "resume": null, "job": null, "role": role } });
    let response = api.execute_with_files(FULL_REPORT_QUERY, variables, files).await;
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
    let partial = if report["score"]["partialRead"].as_bool() == Some(true) {
        style.bad(" partial read: the file was not fully readable, see below")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{} {score}  {}{partial}",
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
