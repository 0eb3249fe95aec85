//! `export`: the stored incidents, optionally within a date window and a
//! bounding box, streamed out as GeoJSON, ACLED-layout CSV or GeoPackage.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::args::{parse_bbox, parse_date};
use super::progress::Progress;
use super::{UsageError, workspace};
use crate::export::{ExportFormat, ExportTarget, Selection, export_incidents};
use crate::model::{BBox, TimeWindow};
use crate::store::IncidentFilter;

#[derive(Debug, Args)]
pub(super) struct ExportArgs {
    /// Only incidents on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    from: Option<NaiveDate>,
    /// Only incidents on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    to: Option<NaiveDate>,
    /// Only incidents inside west,south,east,north (degrees).
    #[arg(long, value_parser = parse_bbox, allow_hyphen_values = true, value_name = "W,S,E,N")]
    bbox: Option<BBox>,
    /// Output format.
    #[arg(long, value_enum, default_value = "geojson")]
    format: Format,
    /// Output file, replaced atomically; a link is followed, a FIFO or
    /// device written to; `-` is standard output [default: standard output].
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Geojson,
    /// ACLED's column layout.
    Csv,
    /// GeoPackage (needs --output).
    Gpkg,
}

pub(super) fn run(db: Option<&Path>, args: ExportArgs) -> anyhow::Result<ExitCode> {
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        return Err(UsageError(format!("--from {from} is after --to {to}")).into());
    }
    // Open ends become dates outside any plausible report, still YYYY-MM-DD
    // so they compare as text in SQL.
    let window = match (args.from, args.to) {
        (None, None) => None,
        (from, to) => Some(TimeWindow {
            from: from.unwrap_or(EARLIEST),
            to: to.unwrap_or(LATEST),
        }),
    };
    let format = match args.format {
        Format::Geojson => ExportFormat::GeoJson,
        Format::Csv => ExportFormat::AcledCsv,
        Format::Gpkg => ExportFormat::GeoPackage,
    };
    if format == ExportFormat::GeoPackage && args.output.is_none() {
        return Err(UsageError(
            "a GeoPackage is a database file, not a stream: give --output FILE.gpkg \
             (or `-o -` to send its bytes to standard output anyway)"
                .to_owned(),
        )
        .into());
    }
    // No `-o` is standard output too; only a GeoPackage (above) tells the two apart.
    let target = args
        .output
        .map_or(ExportTarget::Stdout, ExportTarget::named);
    let ws = workspace(db)?;
    let selection = Selection::filtered(IncidentFilter {
        window,
        bbox: args.bbox,
    });
    let mut progress = Progress::new();
    let written = export_incidents(&ws.store, &selection, format, &target, || {
        progress.step(|n| format!("{n} incident(s) exported"));
    });
    progress.clear();
    match &target {
        ExportTarget::Path(path) => {
            let count = written.with_context(|| format!("exporting to {}", path.display()))?;
            eprintln!("exported {count} incident(s) to {}", path.display());
        }
        ExportTarget::Stdout => {
            written.context("exporting to standard output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The open ends of an export window. Chrono's own MIN/MAX would format with
/// a sign and so sort wrongly against stored `YYYY-MM-DD` text.
const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};
