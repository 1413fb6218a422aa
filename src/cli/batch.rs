//! `atscan scan` over many files: resumes ranked against one job (or
//! role), or jobs ranked against one resume. The fixed side is read once;
//! each file is read by the isolated extraction and scanned through the
//! same GraphQL operation as a single scan, several at a time on every
//! core. A file that cannot be read or scanned gets a row that says why,
//! and the batch goes on.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use futures_util::StreamExt as _;
use serde_json::{Value, json};

use super::files::{read_file_within_limit, scan_report, upload};
use super::out;
use crate::document::{Isolation, extract_isolated};
use crate::graphql::scan::FULL_REPORT_QUERY;
use crate::startup::LocalApi;

/// What a row of the table or the CSV shows: a thousand full reports
/// would only be computed and held to be thrown away.
const ROW_QUERY: &str = "mutation Row($input: ScanInput!) { scan(input: $input) {
    jobTitle role { title } score { overall }
    matched { skill { name } } missing { skill { name } importance }
    document { format warnings { code } } jobDocument { format warnings { code } }
} }";

/// How to print a scan or a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Csv,
}

/// A batch as the command line gives it.
pub struct Batch<'a> {
    pub resume: Option<&'a Path>,
    pub job: Option<&'a Path>,
    pub role: Option<&'a str>,
    pub files: &'a [PathBuf],
    pub format: OutputFormat,
    pub fail_under: Option<u8>,
}

/// Which side is many.
enum Many {
    /// Resumes against the job text (and role), or against the role alone.
    Resumes { job: Option<String>, role: Option<String> },
    /// Jobs against the resume text.
    Jobs { resume: String, role: Option<String> },
}

/// One file's outcome.
pub struct Row {
    pub file: PathBuf,
    pub outcome: Result<Value, String>,
}

impl Row {
    pub fn scanned(file: &Path, report: Value) -> Self {
        Self {
            file: file.to_owned(),
            outcome: Ok(report),
        }
    }

    fn score(&self) -> Option<u64> {
        self.outcome.as_ref().ok().and_then(|r| r["score"]["overall"].as_u64())
    }
}

pub async fn run(api: &'static LocalApi, args: Batch<'_>) -> anyhow::Result<ExitCode> {
    let isolation = Isolation::default();
    let format = args.format;
    let role = args.role.map(str::to_owned);
    let many = match (args.resume, args.job, &role) {
        (None, Some(job), _) => Many::Resumes {
            job: Some(read_text(job, &isolation).await?),
            role,
        },
        (None, None, Some(_)) => Many::Resumes { job: None, role },
        (Some(resume), None, _) => Many::Jobs {
            resume: read_text(resume, &isolation).await?,
            role,
        },
        (Some(_), Some(_), _) => bail!("with files to rank, give --resume or --job, not both"),
        (None, None, None) => bail!("files to rank need --job or --role (for resumes) or --resume (for jobs)"),
    };
    let files = expand(args.files)?;
    let bar = progress(files.len());
    let concurrency = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
    let query = if format == OutputFormat::Json {
        FULL_REPORT_QUERY
    } else {
        ROW_QUERY
    };
    let many = std::sync::Arc::new(many);
    // Each file is a task of its own, so that the scans run on every worker
    // thread of the runtime, not only on this one.
    let mut rows: Vec<Row> = futures_util::stream::iter(files)
        .map(|file| {
            let many = std::sync::Arc::clone(&many);
            let isolation = isolation.clone();
            let name = file.clone();
            let task = tokio::spawn(async move {
                let outcome = scan_one(api, query, &many, &file, &isolation)
                    .await
                    .map_err(|error| format!("{error:#}"));
                Row { file, outcome }
            });
            async move {
                task.await.unwrap_or_else(|error| Row {
                    file: name,
                    outcome: Err(format!("the scan stopped: {error}")),
                })
            }
        })
        .buffer_unordered(concurrency)
        .inspect(|_| bar.inc(1))
        .collect()
        .await;
    bar.finish_and_clear();
    // Best first; files that failed last; ties by file name, so that the
    // order never depends on which scan finished first.
    rows.sort_by(|a, b| b.score().cmp(&a.score()).then_with(|| a.file.cmp(&b.file)));
    match format {
        OutputFormat::Text => out(format_args!("{}", table(&rows, matches!(*many, Many::Jobs { .. }))))?,
        OutputFormat::Csv => out(format_args!("{}", csv(&rows)))?,
        OutputFormat::Json => {
            for row in &rows {
                out(format_args!("{}\n", json_line(row)))?;
            }
        }
    }
    let below = |row: &Row| {
        args.fail_under
            .is_some_and(|n| row.score().is_none_or(|s| s < u64::from(n)))
    };
    Ok(if rows.iter().any(below) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The text of the file on the fixed side, read once for the whole batch.
async fn read_text(path: &Path, isolation: &Isolation) -> anyhow::Result<String> {
    let bytes = read_file_within_limit(path, isolation)?;
    let extracted = extract_isolated(bytes, isolation)
        .await
        .with_context(|| format!("reading {}", path.display()))?;
    for warning in &extracted.warnings {
        eprintln!("{}: {}: {}", path.display(), warning.code, warning.message);
    }
    Ok(extracted.text)
}

async fn scan_one(
    api: &LocalApi,
    query: &str,
    many: &Many,
    file: &Path,
    isolation: &Isolation,
) -> anyhow::Result<Value> {
    let (variables, field) = match many {
        Many::Resumes { job, role } => (
            json!({ "input": { "resume": null, "jobDescription": job, "role": role } }),
            "resume",
        ),
        Many::Jobs { resume, role } => (
            json!({ "input": { "resumeText": resume, "job": null, "role": role } }),
            "job",
        ),
    };
    scan_report(api, query, variables, vec![upload(field, file, isolation)?]).await
}

/// The files given, with each folder replaced by the files in it (and its
/// subfolders), in name order.
fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("reading the folder {}", path.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
                .collect();
            inside.sort();
            files.extend(expand(&inside)?);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// A progress bar on a terminal; nothing when stderr is piped.
fn progress(total: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("scanning [{bar:40}] {pos}/{len} {per_sec} eta {eta}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// What a row says in every format: title, skills matched, required skills missing.
struct Summary {
    title: String,
    matched: usize,
    asked: usize,
    missing_required: Vec<String>,
}

fn summary(report: &Value) -> Summary {
    let list = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let matched = list(&report["matched"]).len();
    let missing = list(&report["missing"]);
    Summary {
        title: report["jobTitle"]
            .as_str()
            .or_else(|| report["role"]["title"].as_str())
            .unwrap_or("")
            .to_owned(),
        matched,
        asked: matched + missing.len(),
        missing_required: missing
            .iter()
            .filter(|m| m["importance"] == "REQUIRED")
            .filter_map(|m| m["skill"]["name"].as_str().map(str::to_owned))
            .collect(),
    }
}

/// A ranked table: place, score, file, and what decided the score.
fn table(rows: &[Row], jobs: bool) -> String {
    use std::fmt::Write as _;
    let width = rows
        .iter()
        .map(|r| r.file.display().to_string().chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 48);
    let what = if jobs { "job" } else { "resume" };
    let mut out = format!(
        "{:>4}  {:>5}  {:<width$}  {}\n",
        "rank", "score", what, "matched  missing required"
    );
    for (place, row) in rows.iter().enumerate() {
        let name = row.file.display().to_string();
        let _ = match &row.outcome {
            Ok(report) => {
                let s = summary(report);
                let title = if jobs && !s.title.is_empty() {
                    format!(" ({})", s.title)
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{:>4}  {:>5}  {:<width$}  {:>3}/{:<3}  {}{title}",
                    place + 1,
                    row.score().unwrap_or(0),
                    name,
                    s.matched,
                    s.asked,
                    shorten(&s.missing_required, 4),
                )
            }
            Err(error) => writeln!(out, "{:>4}  {:>5}  {:<width$}  error: {error}", "-", "-", name),
        };
    }
    out
}

fn shorten(names: &[String], most: usize) -> String {
    match names.len() {
        0 => "-".to_owned(),
        n if n <= most => names.join(", "),
        n => format!("{} and {} more", names[..most].join(", "), n - most),
    }
}

/// One row per file, ranked, with a header (RFC 4180).
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from("rank,score,file,title,matched,asked,missing_required,format,warnings,error\n");
    for (place, row) in rows.iter().enumerate() {
        let file = row.file.display().to_string();
        let fields: Vec<String> = match &row.outcome {
            Ok(report) => {
                let s = summary(report);
                let document = if report["document"].is_null() {
                    &report["jobDocument"]
                } else {
                    &report["document"]
                };
                let warnings: Vec<&str> = document["warnings"]
                    .as_array()
                    .map(|w| w.iter().filter_map(|w| w["code"].as_str()).collect())
                    .unwrap_or_default();
                vec![
                    (place + 1).to_string(),
                    row.score().unwrap_or(0).to_string(),
                    file,
                    s.title,
                    s.matched.to_string(),
                    s.asked.to_string(),
                    s.missing_required.join("; "),
                    document["format"].as_str().unwrap_or("").to_owned(),
                    warnings.join("; "),
                    String::new(),
                ]
            }
            Err(error) => vec![
                String::new(),
                String::new(),
                file,
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                error.clone(),
            ],
        };
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push('\n');
    }
    out
}

fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// `{"file", "rank", "report"}` or `{"file", "error"}` on one line.
fn json_line(row: &Row) -> Value {
    match &row.outcome {
        Ok(report) => json!({ "file": row.file.display().to_string(), "report": report }),
        Err(error) => json!({ "file": row.file.display().to_string(), "error": error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(score: u64, missing: &[&str]) -> Value {
        json!({
            "score": { "overall": score },
            "jobTitle": "Nurse",
            "matched": [{ "skill": { "name": "Charting" } }],
            "missing": missing.iter().map(|m| json!({ "skill": { "name": m }, "importance": "REQUIRED" })).collect::<Vec<_>>(),
            "document": { "format": "PDF", "warnings": [{ "code": "MULTI_COLUMN" }] },
        })
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_keeps_failed_files() {
        let rows = [
            Row::scanned(Path::new("a, b.pdf"), report(71, &["Patient Care", "BLS"])),
            Row {
                file: PathBuf::from("broken.pdf"),
                outcome: Err("the file is \"encrypted\"".to_owned()),
            },
        ];
        let csv = csv(&rows);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[1],
            "1,71,\"a, b.pdf\",Nurse,1,3,Patient Care; BLS,PDF,MULTI_COLUMN,"
        );
        assert_eq!(lines[2], ",,broken.pdf,,,,,,,\"the file is \"\"encrypted\"\"\"");
    }

    #[test]
    fn the_table_ranks_and_says_why_a_file_failed() {
        let rows = [
            Row::scanned(Path::new("good.txt"), report(80, &[])),
            Row {
                file: PathBuf::from("bad.pdf"),
                outcome: Err("no text layer".to_owned()),
            },
        ];
        let table = table(&rows, false);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[1].starts_with("   1     80  good.txt"), "{table}");
        assert!(lines[1].ends_with("1/1    -"), "{table}");
        assert!(
            lines[2].contains("bad.pdf") && lines[2].ends_with("error: no text layer"),
            "{table}"
        );
    }
}
