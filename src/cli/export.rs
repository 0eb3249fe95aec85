//! `export`: the stored incidents, optionally within a date window and a
//! bounding box, streamed out as GeoJSON, ACLED-layout CSV or GeoPackage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::args::{parse_bbox, parse_date};
use super::progress::Progress;
use super::{UsageError, workspace};
use crate::export::{
    AcledCsvWriter, ExportError, GeoJsonWriter, IncidentExtra, write_atomic, write_gpkg_into,
    write_gpkg_with,
};
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

pub(super) fn run(db: Option<&Path>, mut args: ExportArgs) -> anyhow::Result<ExitCode> {
    let to_stdout = args.output.is_none();
    args.output = output_file(args.output);
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
    if matches!(args.format, Format::Gpkg) && to_stdout {
        return Err(UsageError(
            "a GeoPackage is a database file, not a stream: give --output FILE.gpkg \
             (or `-o -` to send its bytes to standard output anyway)"
                .to_owned(),
        )
        .into());
    }
    let ws = workspace(db)?;
    let filter = IncidentFilter {
        window,
        bbox: args.bbox,
    };
    let store = &ws.store;
    let mut progress = Progress::new();
    let written = match (args.format, &args.output) {
        (Format::Csv, Some(path)) => {
            write_atomic(path, |w| stream_csv(store, &filter, w, &mut progress))
        }
        (Format::Csv, None) => stream_csv(store, &filter, std::io::stdout().lock(), &mut progress),
        (Format::Geojson, Some(path)) => {
            write_atomic(path, |w| stream_geojson(store, &filter, w, &mut progress))
        }
        (Format::Geojson, None) => {
            stream_geojson(store, &filter, std::io::stdout().lock(), &mut progress)
        }
        (Format::Gpkg, path) => {
            let feed = |sink: &mut crate::export::FeatureSink<'_>| {
                store.for_each_incident_with_extra(&filter, |mut incident, stored| {
                    if let Some(source) = stored.source {
                        incident.source = source;
                    }
                    sink(&incident)?;
                    progress.step(|n| format!("{n} incident(s) exported"));
                    Ok(())
                })
            };
            match path {
                Some(path) => write_gpkg_with(path, feed),
                // `-o -`: asked for by name, so a binary stream is meant.
                None => write_gpkg_into(&mut std::io::stdout().lock(), feed),
            }
        }
    };
    progress.clear();
    match &args.output {
        Some(path) => {
            written.with_context(|| format!("exporting to {}", path.display()))?;
            eprintln!(
                "exported {} incident(s) to {}",
                progress.count,
                path.display()
            );
        }
        None => written.context("exporting to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The file named with `-o`, or `None` for standard output (`-o -` or none).
fn output_file(output: Option<PathBuf>) -> Option<PathBuf> {
    output.filter(|path| path.as_os_str() != "-")
}

/// Streams the incidents passing `filter` into `out` as GeoJSON, giving
/// imported rows their own source; memory stays flat whatever the count.
fn stream_geojson(
    store: &crate::store::Store,
    filter: &IncidentFilter,
    out: impl Write,
    progress: &mut Progress,
) -> Result<(), ExportError> {
    let mut writer = GeoJsonWriter::new(out)?;
    store.for_each_incident_with_extra(filter, |mut incident, stored| {
        if let Some(source) = stored.source {
            incident.source = source;
        }
        writer.write(&incident)?;
        progress.step(|n| format!("{n} incident(s) exported"));
        Ok::<(), ExportError>(())
    })?;
    writer.finish()
}

/// Streams the incidents passing `filter` into `out` as an ACLED-layout CSV.
fn stream_csv(
    store: &crate::store::Store,
    filter: &IncidentFilter,
    out: impl Write,
    progress: &mut Progress,
) -> Result<(), ExportError> {
    let mut writer = AcledCsvWriter::new(out)?;
    store.for_each_incident_with_extra(filter, |incident, stored| {
        let extra = IncidentExtra::from_stored(stored)?;
        writer.write(&incident, extra.as_ref())?;
        progress.step(|n| format!("{n} incident(s) exported"));
        Ok::<(), ExportError>(())
    })?;
    writer.finish()
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
