//! `reprocess`: stored reports read again with today's rules and gazetteer,
//! keeping what an analyst corrected or deleted.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::output::{Output, finish};
use super::workspace;

#[derive(Debug, Args)]
pub(super) struct ReprocessArgs {
    /// Every report read from text (imported files have no text to read).
    #[arg(long, conflicts_with = "reports")]
    all: bool,
    /// Report ids (as `ingest` prints them).
    #[arg(value_name = "REPORT", required_unless_present = "all")]
    reports: Vec<i64>,
}

/// Reads each report again in its own transaction; every report is tried.
pub(super) fn run(db: Option<&Path>, args: &ReprocessArgs) -> anyhow::Result<ExitCode> {
    let mut ws = workspace(db)?;
    let ids = if args.all {
        ws.store.text_report_ids().context("listing reports")?
    } else {
        args.reports.clone()
    };
    let mut out = Output::new();
    let mut failed = 0usize;
    for id in &ids {
        match crate::ingest::reprocess(&mut ws.store, &ws.gazetteer, *id) {
            Ok(done) => writeln!(out, "report {id}: {done}")?,
            Err(e) => {
                failed += 1;
                eprintln!("error: report {id}: {:#}", anyhow::Error::new(e));
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} reports failed", ids.len());
    }
    finish(out, failed)
}
