//! `import`: incidents from ACLED-layout CSV or GeoJSON files (or standard
//! input), each file in one transaction.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::output::{Output, finish};
use super::progress::Progress;
use super::workspace;

#[derive(Debug, Args)]
pub(super) struct ImportArgs {
    /// Files to import; the format is told from the content and the
    /// extension. `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Imports each file in its own transaction; every file is tried, and each
/// failure is reported naming its file (and line).
pub(super) fn run(db: Option<&Path>, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let files = &args.files;
    let ws = workspace(db)?;
    let mut conn = crate::import::connect(&ws.path).context("opening the database")?;
    let mut out = Output::new();
    let mut failed = 0usize;
    for path in files {
        let mut progress = Progress::new();
        let mut show = |p: crate::import::ImportProgress| {
            // A pipe's size is unknown until it ends: show what was read.
            let line = if p.total == 0 {
                format!(
                    "{}: {} row(s), {:.1} MB read",
                    path.display(),
                    p.rows,
                    p.bytes as f64 / 1e6
                )
            } else {
                format!(
                    "{}: {} row(s), {:.1} of {:.1} MB read ({:.0}%)",
                    path.display(),
                    p.rows,
                    p.bytes as f64 / 1e6,
                    p.total as f64 / 1e6,
                    p.bytes as f64 * 100.0 / p.total as f64
                )
            };
            progress.show(line);
        };
        let result = if path.as_os_str() == "-" {
            crate::import::import_reader(
                &mut conn,
                Path::new("standard input"),
                std::io::stdin().lock(),
                &mut show,
            )
        } else {
            crate::import::import_file_with_progress(&mut conn, path, &mut show)
        };
        progress.clear();
        match result {
            Ok(summary) if summary.duplicate => writeln!(
                out,
                "{}: already imported as report {}; nothing added",
                path.display(),
                summary.report_id
            )?,
            Ok(summary) => writeln!(
                out,
                "{}: {} incident(s) imported as report {}",
                path.display(),
                summary.rows,
                summary.report_id
            )?,
            Err(e) => {
                failed += 1;
                eprintln!("error: {:#}", anyhow::Error::from(e));
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "{failed} of {} files failed; nothing was stored from them",
            files.len()
        );
    }
    finish(out, failed)
}
