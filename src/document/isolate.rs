//! Extraction in a child process: the atscan binary itself, run as the
//! hidden `atscan extract` subcommand, reading the file on stdin and
//! writing the result as JSON on stdout. Text files, which no parser
//! library reads, stay in process.
//!
//! In-process limits cannot stop everything a hostile file may trigger in
//! a parser library (a stack overflow aborts the whole process and
//! `catch_unwind` cannot catch it). The child caps its own address space
//! and CPU time with `setrlimit` (a `pre_exec` hook would need `unsafe`,
//! which the workspace forbids) and the parent kills it at the wall-clock
//! deadline. Data travels through pipes only: nothing touches the disk.

use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{ExitStatus, Stdio};
use std::time::Duration;

use rlimit::Resource;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;

use super::{DocumentError, Extracted, Limits, extract};

/// How to run the extraction child.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Isolation {
    /// The atscan binary (it must have the `extract` subcommand).
    pub program: PathBuf,
    /// Wall-clock limit; the child is killed when it passes.
    pub timeout: Duration,
    /// Address-space limit of the child (`RLIMIT_AS`).
    pub memory_bytes: u64,
    /// Largest accepted file, checked before the child starts.
    pub max_bytes: usize,
}

impl Default for Isolation {
    fn default() -> Self {
        Self {
            program: std::env::current_exe().unwrap_or_else(|_| PathBuf::from("atscan")),
            timeout: Duration::from_secs(10),
            memory_bytes: 1024 * 1024 * 1024,
            max_bytes: Limits::default().max_bytes,
        }
    }
}

/// Arguments of the hidden `atscan extract` subcommand.
#[derive(Debug, Clone, clap::Args)]
pub struct ChildArgs {
    /// Largest accepted file, in bytes
    #[arg(long)]
    pub max_bytes: usize,
    /// Address-space limit to set on this process, in bytes
    #[arg(long)]
    pub memory_bytes: u64,
    /// CPU-time limit to set on this process, in seconds
    #[arg(long)]
    pub cpu_seconds: u64,
}

/// The JSON reply can hold up to `max_text_chars` characters, escaped.
const MAX_REPLY_BYTES: u64 = 16 * 1024 * 1024;

/// Extracts `bytes` in a child process under `options`' limits. Runs on
/// the async runtime without blocking it: the work happens in the child.
pub async fn extract_isolated(bytes: Vec<u8>, options: &Isolation) -> Result<Extracted, DocumentError> {
    if bytes.len() > options.max_bytes {
        return Err(DocumentError::TooLarge {
            limit_bytes: options.max_bytes,
        });
    }
    // Text, Markdown and HTML are read by this crate's own code alone, with
    // no parser library that could take the process down: a child process
    // would only add its start-up (a batch of a thousand text resumes
    // spends most of its time starting children).
    if super::detect::sniff(&bytes) == super::detect::Kind::Text {
        let limits = Limits {
            max_bytes: options.max_bytes,
            ..Limits::default()
        };
        return extract(&bytes, &limits);
    }
    // SIGXCPU at the soft limit comes before the wall clock when the child
    // spins; the wall clock catches a child that sleeps or blocks.
    let cpu_seconds = options.timeout.as_secs() + 1;
    let mut child = Command::new(&options.program)
        .arg("extract")
        .arg("--max-bytes")
        .arg(options.max_bytes.to_string())
        .arg("--memory-bytes")
        .arg(options.memory_bytes.to_string())
        .arg("--cpu-seconds")
        .arg(cpu_seconds.to_string())
        // The child needs nothing from the server's environment, which
        // may hold secrets (database URLs, signing keys).
        .env_clear()
        // mimalloc reserves address space a gigabyte at a time by default,
        // which alone would break the child's address-space limit.
        .env("MIMALLOC_ARENA_RESERVE", "16MiB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|error| {
            tracing::error!(%error, program = %options.program.display(), "cannot start the extraction child");
            DocumentError::Unavailable
        })?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(DocumentError::Unavailable);
    };

    let exchange = async {
        let write = async move {
            // A child that dies early closes the pipe; its exit status
            // tells why, so the write error adds nothing.
            let _ = stdin.write_all(&bytes).await;
            drop(stdin);
        };
        let read = async move {
            let mut reply = Vec::new();
            let read = stdout.take(MAX_REPLY_BYTES).read_to_end(&mut reply).await;
            read.map(|_| reply)
        };
        let ((), reply) = tokio::join!(write, read);
        (reply, child.wait().await)
    };
    let Ok((reply, status)) = tokio::time::timeout(options.timeout, exchange).await else {
        let _ = child.kill().await;
        return Err(DocumentError::Timeout);
    };
    let status = status.map_err(|error| {
        tracing::error!(%error, "cannot wait for the extraction child");
        DocumentError::Unavailable
    })?;
    match reply {
        Ok(reply) if status.success() => serde_json::from_slice::<Result<Extracted, DocumentError>>(&reply)
            .unwrap_or_else(|error| {
                tracing::error!(%error, "the extraction child sent an unreadable reply");
                Err(DocumentError::Unavailable)
            }),
        _ => Err(failure(status)),
    }
}

/// What a child that did not reply tells about the file.
fn failure(status: ExitStatus) -> DocumentError {
    const SIGKILL: i32 = 9;
    const SIGXCPU: i32 = 24;
    match status.signal() {
        Some(SIGXCPU | SIGKILL) => DocumentError::Timeout,
        // Aborts (allocation failure under RLIMIT_AS, stack overflow) and
        // crashes: the file made the parser exceed what it may use.
        Some(signal) => {
            tracing::warn!(signal, "the extraction child died");
            DocumentError::resource("reading it needs more memory than allowed")
        }
        None => {
            tracing::error!(code = status.code(), "the extraction child failed");
            DocumentError::Unavailable
        }
    }
}

/// The body of `atscan extract`: limits itself, reads the file from stdin,
/// writes `{"Ok": Extracted}` or `{"Err": DocumentError}` to stdout.
pub fn run_child(args: &ChildArgs) -> anyhow::Result<()> {
    // Limits first, before the file is even read.
    rlimit::setrlimit(Resource::AS, args.memory_bytes, args.memory_bytes)?;
    rlimit::setrlimit(Resource::CPU, args.cpu_seconds, args.cpu_seconds + 1)?;
    // A crash must not leave a core dump holding the applicant's resume.
    rlimit::setrlimit(Resource::CORE, 0, 0)?;

    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(args.max_bytes as u64 + 1)
        .read_to_end(&mut bytes)?;
    let limits = Limits {
        max_bytes: args.max_bytes,
        ..Limits::default()
    };
    let result = extract(&bytes, &limits);
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, &result)?;
    stdout.flush()?;
    Ok(())
}
