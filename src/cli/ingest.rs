//! `ingest`: report files (or standard input) read, their incidents
//! extracted and stored, and a summary per report printed (or JSON).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::args::parse_date;
use super::output::{Output, finish};
use super::workspace;
use crate::ingest::{IngestSummary, ingest_text, read_report, read_report_from};
use crate::model::{GeoPrecision, TimePrecision};

#[derive(Debug, Args)]
pub(super) struct IngestArgs {
    /// Publication date (YYYY-MM-DD), used to resolve "on Sunday" and the like.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    published: Option<NaiveDate>,
    /// Print the results as JSON.
    #[arg(long)]
    json: bool,
    /// Report files (UTF-8 text); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// One ingested report as `--json` prints it.
#[derive(Serialize)]
struct IngestedReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    summary: &'a IngestSummary,
}

/// Ingests each file in its own transaction; every file is tried, and each
/// failure is reported naming its file.
pub(super) fn run(db: Option<&Path>, args: IngestArgs) -> anyhow::Result<ExitCode> {
    let mut ws = workspace(db)?;
    let mut out = Output::new();
    let mut failed = 0usize;
    let mut results = Vec::new();
    for path in &args.files {
        let (shown, source_name, text) = if path.as_os_str() == "-" {
            let text = read_report_from("standard input", std::io::stdin().lock());
            ("-".to_owned(), "standard input".to_owned(), text)
        } else {
            let source_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            (path.display().to_string(), source_name, read_report(path))
        };
        let result = text.map_err(anyhow::Error::from).and_then(|text| {
            ingest_text(
                &mut ws.store,
                &ws.gazetteer,
                &source_name,
                &text,
                args.published,
            )
            .with_context(|| format!("{shown}: ingesting"))
        });
        match result {
            Ok(summary) => {
                if !args.json {
                    print_summary(&mut out, &shown, &summary)?;
                }
                results.push((shown, summary));
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e:#}");
            }
        }
    }
    if args.json {
        let list: Vec<IngestedReport<'_>> = results
            .iter()
            .map(|(file, summary)| IngestedReport { file, summary })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list)?;
        writeln!(out)?;
    }
    if failed > 0 {
        eprintln!("{failed} of {} files failed", args.files.len());
    }
    finish(out, failed)
}

fn print_summary(out: &mut impl Write, file: &str, summary: &IngestSummary) -> std::io::Result<()> {
    let published = summary
        .published
        .map_or_else(|| "unknown".to_owned(), |d| d.to_string());
    if summary.duplicate {
        writeln!(
            out,
            "{file}: already stored as report {}; nothing added",
            summary.report_id
        )?;
    } else {
        writeln!(
            out,
            "{file}: report {}, published {published}, {} incident(s)",
            summary.report_id,
            summary.incidents.len()
        )?;
    }
    for incident in &summary.incidents {
        let loc = &incident.location;
        let fatalities = incident
            .fatalities
            .map_or_else(|| "not given".to_owned(), |n| n.to_string());
        writeln!(
            out,
            "  {} ({}) {}: {} | {}, {} ({}) | {} vs {} | fatalities: {fatalities}",
            incident.event_date,
            time_precision_word(incident.time_precision),
            incident.event_type,
            incident.sub_event_type,
            loc.name,
            loc.country_code,
            geo_precision_word(loc.geo_precision),
            incident.actor1,
            if incident.actor2.is_empty() {
                "-"
            } else {
                &incident.actor2
            },
        )?;
    }
    for warning in &summary.warnings {
        writeln!(out, "  warning: {warning}")?;
    }
    Ok(())
}

fn time_precision_word(p: TimePrecision) -> &'static str {
    match p {
        TimePrecision::Day => "day",
        TimePrecision::Week => "week",
        TimePrecision::Month => "month",
    }
}

fn geo_precision_word(p: GeoPrecision) -> &'static str {
    match p {
        GeoPrecision::Exact => "exact",
        GeoPrecision::Near => "near",
        GeoPrecision::Region => "region",
    }
}
