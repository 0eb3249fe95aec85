//! The command line: argument parsing, the subcommands, and turning errors
//! into exit codes in exactly one place (`main`).
//!
//! Exit codes: 0 success; 1 an operation failed (for `ingest`, at least one
//! file failed: every file is still tried, each in its own transaction, and
//! each failure is reported naming its file); 2 a usage error (bad
//! arguments, a malformed date or bounding box).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::export::{
    AcledCsvWriter, ExportError, GeoJsonWriter, IncidentExtra, write_atomic, write_gpkg_into,
    write_gpkg_with,
};
use crate::gazetteer::{Candidate, Gazetteer, PlaceQuery};
use crate::ingest::{IngestSummary, ingest_text, read_report, read_report_from};
use crate::model::{BBox, GeoPrecision, TimePrecision, TimeWindow};
use crate::setup::open_workspace;
use crate::store::IncidentFilter;

#[derive(Debug, Parser)]
#[command(
    name = "incident-atlas",
    version,
    about = "Reports in, incidents on a map, GeoJSON out. Without a subcommand, opens the window."
)]
struct Cli {
    /// Database file [default: incidents.sqlite in the user's data directory].
    #[arg(long, global = true, env = "INCIDENT_ATLAS_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read news reports, extract their incidents and store them.
    Ingest(IngestArgs),
    /// Read stored reports again with today's rules and gazetteer, keeping
    /// every field an analyst corrected and every incident an analyst deleted.
    Reprocess(ReprocessArgs),
    /// Write stored incidents out (GeoJSON, ACLED-layout CSV, GeoPackage).
    Export(ExportArgs),
    /// Import incidents from ACLED-layout CSV or GeoJSON files, each in one transaction.
    Import(ImportArgs),
    /// Look place names up in the gazetteer and show ranked candidates.
    Geocode(GeocodeArgs),
    /// Manage the gazetteer.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
}

#[derive(Debug, Args)]
struct IngestArgs {
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

#[derive(Debug, Args)]
struct ReprocessArgs {
    /// Every report read from text (imported files have no text to read).
    #[arg(long, conflicts_with = "reports")]
    all: bool,
    /// Report ids (as `ingest` prints them).
    #[arg(value_name = "REPORT", required_unless_present = "all")]
    reports: Vec<i64>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Geojson,
    /// ACLED's column layout.
    Csv,
    /// GeoPackage (needs --output).
    Gpkg,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Files to import; the format is told from the content and the
    /// extension. `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct ExportArgs {
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

#[derive(Debug, Args)]
struct GeocodeArgs {
    /// Prefer places in this country (ISO 3166-1 alpha-2, e.g. BF).
    #[arg(long, value_parser = parse_country, value_name = "CC")]
    country: Option<String>,
    /// Print a JSON array with, per name, an array of candidates (best first).
    #[arg(long)]
    json: bool,
    /// Show every scoring reason with the points it added.
    #[arg(long, conflicts_with = "json")]
    explain: bool,
    /// A unit or town named beside the place in the report (e.g. "Loroum province").
    #[arg(long, value_name = "NAME")]
    hint: Option<String>,
    /// Place names to look up.
    #[arg(required = true, value_name = "NAME")]
    names: Vec<String>,
}

#[derive(Debug, Subcommand)]
enum GazetteerCommand {
    /// Import places: GeoNames files (country dumps, admin1CodesASCII.txt,
    /// admin2Codes.txt), OpenStreetMap extracts (.osm.pbf) and settlement
    /// tables (CSV, GeoJSON, GeoPackage), each file in one transaction.
    Import(GazetteerImportArgs),
    /// Add a curated place (a village GeoNames lacks), with its authority.
    Add(AddPlaceArgs),
    /// Write the curated places as a GeoNames file (20th column: source).
    ExportCurated {
        /// Output file, replaced atomically; `-` is standard output [default: standard output].
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// The kinds of file `gazetteer import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PlaceFormat {
    /// An OpenStreetMap extract (.osm.pbf): its place=city/town/village/hamlet/suburb nodes.
    Osm,
    /// A settlement table: CSV, GeoJSON or GeoPackage (told from the file).
    Table,
    /// A GeoNames dump, admin code table or exported curated file.
    Geonames,
}

impl PlaceFormat {
    /// By extension: `.pbf` an OSM extract; `.csv`, `.tsv`, `.geojson`,
    /// `.json` and `.gpkg` a table; anything else (`.txt`) GeoNames.
    fn of(path: &Path) -> PlaceFormat {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("pbf") => PlaceFormat::Osm,
            Some("csv" | "tsv" | "geojson" | "json" | "gpkg") => PlaceFormat::Table,
            _ => PlaceFormat::Geonames,
        }
    }
}

#[derive(Debug, Args)]
struct GazetteerImportArgs {
    /// The files' format [default: from each file's extension: .osm.pbf osm;
    /// .csv, .geojson, .json, .gpkg table; anything else geonames].
    #[arg(long, value_enum)]
    format: Option<PlaceFormat>,
    /// Table column holding the place name [default: name, nom, featureNam, village, ...].
    #[arg(long, value_name = "NAME")]
    name_col: Option<String>,
    /// Table column holding the latitude [default: lat, latitude, y; in GeoJSON
    /// and GeoPackage the Point geometry].
    #[arg(long, value_name = "LAT")]
    lat_col: Option<String>,
    /// Table column holding the longitude [default: lon, long, longitude, x, or the geometry].
    #[arg(long, value_name = "LON")]
    lon_col: Option<String>,
    /// Table column holding other names, `;`-separated (repeatable).
    #[arg(long = "alt-col", value_name = "COL")]
    alt_cols: Vec<String>,
    /// Table column holding the region (a name such as "Mopti", or a pcode:
    /// then the point decides) [default: admin1Name, adm1_fr, region, ...].
    #[arg(long, value_name = "COL")]
    admin1_col: Option<String>,
    /// Table column holding the province or cercle [default: admin2Name, adm2_fr, ...].
    #[arg(long, value_name = "COL")]
    admin2_col: Option<String>,
    /// Country of every row of a table (ISO 3166-1 alpha-2); for an OSM
    /// extract, the country of nodes outside the bundled outlines.
    #[arg(long, value_parser = parse_country, value_name = "CC", conflicts_with = "country_col")]
    country: Option<String>,
    /// Table column holding each row's country (ISO code or name) [default:
    /// admin0Pcode, country, iso2, ...; else the country the point lies in].
    #[arg(long, value_name = "COL")]
    country_col: Option<String>,
    /// GeoPackage layer [default: the first feature table].
    #[arg(long, value_name = "NAME")]
    layer: Option<String>,
    /// What the imported places' origin says [default: the file name;
    /// "OpenStreetMap (FILE)" for an extract].
    #[arg(long, value_name = "TEXT")]
    source: Option<String>,
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct AddPlaceArgs {
    #[arg(long)]
    name: String,
    #[arg(long, allow_hyphen_values = true)]
    lat: f64,
    #[arg(long, allow_hyphen_values = true)]
    lon: f64,
    /// ISO 3166-1 alpha-2, e.g. TG.
    #[arg(long, value_parser = parse_country, value_name = "CC")]
    country: String,
    /// GeoNames admin1 code [default: the region the point lies in].
    #[arg(long, value_name = "CODE")]
    admin1: Option<String>,
    /// Another spelling (repeatable).
    #[arg(long = "alt", value_name = "NAME")]
    alternate_names: Vec<String>,
    /// On what authority the point is known (a report, a map, a person).
    #[arg(long, value_name = "TEXT")]
    source: String,
}

/// A mistake in the arguments found after parsing (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(String);

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a date of the form YYYY-MM-DD ({e})"))
}

fn parse_country(s: &str) -> Result<String, String> {
    let code = s.trim();
    if code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(code.to_ascii_uppercase())
    } else {
        Err(format!(
            "{s:?} is not a two-letter country code (ISO 3166-1 alpha-2, e.g. BF)"
        ))
    }
}

fn parse_bbox(s: &str) -> Result<BBox, String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    if parts.len() != 4 {
        return Err(format!(
            "{s:?} should be four comma-separated numbers: west,south,east,north"
        ));
    }
    let mut n = [0.0f64; 4];
    for (slot, part) in n.iter_mut().zip(&parts) {
        *slot = part
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{part:?} in the bounding box is not a number"))?;
    }
    let [west, south, east, north] = n;
    for (name, value, limit) in [
        ("west", west, 180.0),
        ("east", east, 180.0),
        ("south", south, 90.0),
        ("north", north, 90.0),
    ] {
        if value.abs() > limit {
            return Err(format!(
                "{name} {value} is outside -{limit}..{limit} degrees"
            ));
        }
    }
    if west >= east {
        return Err(format!(
            "west ({west}) must be less than east ({east}); boxes across the antimeridian are not supported"
        ));
    }
    if south >= north {
        return Err(format!("south ({south}) must be less than north ({north})"));
    }
    Ok(BBox {
        west,
        south,
        east,
        north,
    })
}

/// Parses the arguments, runs the command, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout and mistakes to stderr, and
            // knows which exit code each deserves (0 or 2).
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let db = cli.db.as_deref();
    match cli.command {
        None => open_window(db),
        Some(Command::Ingest(args)) => ingest(db, args),
        Some(Command::Reprocess(args)) => reprocess(db, &args),
        Some(Command::Export(args)) => export(db, args),
        Some(Command::Import(args)) => import(db, &args.files),
        Some(Command::Geocode(args)) => geocode(db, args),
        Some(Command::Gazetteer(GazetteerCommand::Import(args))) => import_gazetteer(db, &args),
        Some(Command::Gazetteer(GazetteerCommand::Add(args))) => add_place(db, args),
        Some(Command::Gazetteer(GazetteerCommand::ExportCurated { output })) => {
            export_curated(db, output.as_deref())
        }
    }
}

#[cfg(feature = "gui")]
fn open_window(db: Option<&Path>) -> anyhow::Result<ExitCode> {
    let workspace = open_workspace(db).context("opening the database")?;
    crate::app::run(workspace)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_window(_db: Option<&Path>) -> anyhow::Result<ExitCode> {
    Err(UsageError(
        "this build has no window (built without the `gui` feature); use a subcommand, see --help"
            .to_owned(),
    )
    .into())
}

fn workspace(db: Option<&Path>) -> anyhow::Result<crate::setup::Workspace> {
    open_workspace(db).context("opening the database")
}

/// One ingested report as `--json` prints it.
#[derive(Serialize)]
struct IngestedReport<'a> {
    file: &'a str,
    #[serde(flatten)]
    summary: &'a IngestSummary,
}

fn ingest(db: Option<&Path>, args: IngestArgs) -> anyhow::Result<ExitCode> {
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

/// The exit code of a command that tried every file (or report): failure if
/// one failed or standard output could not take the results.
fn finish(out: Output, failed: usize) -> anyhow::Result<ExitCode> {
    let written = out.finish();
    if failed > 0 {
        if let Err(e) = written {
            eprintln!("error: {e:#}");
        }
        return Ok(ExitCode::FAILURE);
    }
    written?;
    Ok(ExitCode::SUCCESS)
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

/// The file named with `-o`, or `None` for standard output (`-o -` or none).
fn output_file(output: Option<PathBuf>) -> Option<PathBuf> {
    output.filter(|path| path.as_os_str() != "-")
}

fn export(db: Option<&Path>, mut args: ExportArgs) -> anyhow::Result<ExitCode> {
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

/// Standard output for the commands that print one line per file or report.
///
/// A closed pipe (`| head -1`) or a full device must not stop the work: the
/// files after it are still imported, so the first write error is kept, the
/// rest of the output is dropped, and `finish` reports the error once the
/// work is done (exit code 1). `println!` would panic instead and leave the
/// remaining files untouched.
struct Output {
    out: std::io::StdoutLock<'static>,
    failed: Option<std::io::Error>,
}

impl Output {
    fn new() -> Output {
        Output {
            out: std::io::stdout().lock(),
            failed: None,
        }
    }

    /// The error to end the command with, if any write (or the final flush) failed.
    fn finish(mut self) -> anyhow::Result<()> {
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        match self.failed {
            Some(e) => Err(anyhow::Error::new(e).context("writing to standard output")),
            None => Ok(()),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_none()
            && let Err(e) = self.out.write_all(buf)
        {
            self.failed = Some(e);
        }
        // Claim success so callers (serde, `writeln!`) carry on: the error
        // is reported once, by `finish`.
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_none()
            && let Err(e) = self.out.flush()
        {
            self.failed = Some(e);
        }
        Ok(())
    }
}

/// A progress line on standard error for long imports and exports, shown
/// only when standard error is a terminal (never in pipes, logs or tests)
/// and redrawn at most a few times a second.
struct Progress {
    shown: bool,
    count: u64,
    last: Option<std::time::Instant>,
}

impl Progress {
    const EVERY: std::time::Duration = std::time::Duration::from_millis(250);

    fn new() -> Progress {
        use std::io::IsTerminal;
        Progress {
            shown: std::io::stderr().is_terminal(),
            count: 0,
            last: None,
        }
    }

    /// Counts one more row and redraws the line if it is time to.
    fn step(&mut self, line: impl FnOnce(u64) -> String) {
        self.count += 1;
        if self.count.is_multiple_of(1024) {
            self.show(line(self.count));
        }
    }

    fn show(&mut self, line: String) {
        if !self.shown {
            return;
        }
        let now = std::time::Instant::now();
        if self
            .last
            .is_some_and(|t| now.duration_since(t) < Self::EVERY)
        {
            return;
        }
        self.last = Some(now);
        eprint!("\r{line}\x1b[K");
    }

    /// Removes the line before the final message.
    fn clear(&mut self) {
        if self.shown && self.last.take().is_some() {
            eprint!("\r\x1b[K");
        }
    }
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

/// One candidate as `geocode --json` prints it.
#[derive(Serialize)]
struct CandidateJson<'a> {
    name: &'a str,
    ascii_name: &'a str,
    lat: f64,
    lon: f64,
    geonameid: i64,
    feature_class: &'a str,
    feature_code: &'a str,
    country_code: &'a str,
    admin1_code: &'a str,
    admin1: String,
    population: i64,
    score: f64,
    reasons: &'a [String],
    /// What each reason added to the score, in the same order.
    points: &'a [f64],
}

fn admin1_of(gazetteer: &Gazetteer, candidate: &Candidate) -> String {
    let place = &candidate.place;
    gazetteer
        .admin1_name(&place.country_code, &place.admin1_code)
        .map(|name| name.to_string())
        .unwrap_or_else(|| place.admin1_code.clone())
}

fn geocode(db: Option<&Path>, args: GeocodeArgs) -> anyhow::Result<ExitCode> {
    let ws = workspace(db)?;
    let mut all = Vec::with_capacity(args.names.len());
    for name in &args.names {
        let candidates = ws.gazetteer.lookup(&PlaceQuery {
            name,
            country: args.country.as_deref(),
            admin_hint: args.hint.as_deref(),
            near: vec![],
        });
        all.push(candidates);
    }
    let mut out = Output::new();
    if args.explain {
        for (name, candidates) in args.names.iter().zip(&all) {
            explain(&mut out, &ws.gazetteer, name, candidates)?;
        }
        return finish(out, 0);
    }
    if args.json {
        let json: Vec<Vec<CandidateJson<'_>>> = all
            .iter()
            .map(|candidates| {
                candidates
                    .iter()
                    .map(|c| CandidateJson {
                        name: &c.place.name,
                        ascii_name: &c.place.ascii_name,
                        lat: c.place.latitude,
                        lon: c.place.longitude,
                        geonameid: c.place.geonameid,
                        feature_class: &c.place.feature_class,
                        feature_code: &c.place.feature_code,
                        country_code: &c.place.country_code,
                        admin1_code: &c.place.admin1_code,
                        admin1: admin1_of(&ws.gazetteer, c),
                        population: c.place.population,
                        score: c.score,
                        reasons: &c.reasons,
                        points: &c.points,
                    })
                    .collect()
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
        return finish(out, 0);
    }
    for (name, candidates) in args.names.iter().zip(&all) {
        writeln!(out, "{name}:")?;
        if candidates.is_empty() {
            writeln!(out, "  no match")?;
        }
        for (rank, c) in candidates.iter().enumerate() {
            let p = &c.place;
            writeln!(
                out,
                "  {}. {} [{}] {}, {}  {:.5}, {:.5}  geonameid {}  score {:.2}",
                rank + 1,
                p.name,
                p.feature_code,
                admin1_of(&ws.gazetteer, c),
                p.country_code,
                p.latitude,
                p.longitude,
                p.geonameid,
                c.score
            )?;
            if !c.reasons.is_empty() {
                writeln!(out, "     {}", c.reasons.join("; "))?;
            }
        }
    }
    finish(out, 0)
}

/// Prints the candidates with each reason and the points it added, so an
/// analyst can see why one namesake beat another.
fn explain(
    out: &mut dyn Write,
    gazetteer: &Gazetteer,
    name: &str,
    candidates: &[Candidate],
) -> anyhow::Result<()> {
    writeln!(out, "{name}:")?;
    if candidates.is_empty() {
        writeln!(out, "  no match")?;
    }
    for (rank, c) in candidates.iter().enumerate() {
        let p = &c.place;
        let origin = match &p.origin {
            crate::model::PlaceOrigin::GeoNames => String::new(),
            crate::model::PlaceOrigin::Curated { source } => format!(" (curated: {source})"),
            crate::model::PlaceOrigin::Imported { source } => format!(" (imported from {source})"),
        };
        writeln!(
            out,
            "  {}. {} [{} {}] {}, {}  {:.5}, {:.5}  geonameid {}{origin}",
            rank + 1,
            p.name,
            p.feature_class,
            p.feature_code,
            admin1_of(gazetteer, c),
            p.country_code,
            p.latitude,
            p.longitude,
            p.geonameid,
        )?;
        for (reason, points) in c.reasons.iter().zip(&c.points) {
            if *points == 0.0 {
                writeln!(out, "       {:>7}  {reason}", "")?;
            } else {
                writeln!(out, "       {points:>+7.2}  {reason}")?;
            }
        }
        writeln!(out, "       {:>7.2}  total", c.score)?;
    }
    Ok(())
}

fn add_place(db: Option<&Path>, args: AddPlaceArgs) -> anyhow::Result<ExitCode> {
    use crate::gazetteer::NewPlace;

    let mut ws = workspace(db)?;
    let place = ws
        .gazetteer
        .curate(NewPlace {
            name: args.name,
            latitude: args.lat,
            longitude: args.lon,
            country_code: args.country,
            admin1_code: args.admin1,
            alternate_names: args.alternate_names,
            source: args.source,
        })
        .map_err(|e| UsageError(e.to_string()))?;
    ws.store
        .import_gazetteer(std::slice::from_ref(&place), &[])
        .context("saving the curated place")?;
    let loc = ws.gazetteer.location(&place, GeoPrecision::Exact);
    let mut out = Output::new();
    writeln!(
        out,
        "added {} as curated place {} at {:.5}, {:.5} ({}{}{})",
        place.name,
        place.geonameid,
        place.latitude,
        place.longitude,
        [loc.admin2.as_str(), loc.admin1.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| format!("{s}, "))
            .collect::<String>(),
        loc.country,
        if place.admin1_code.is_empty() {
            "; no region known for this point"
        } else {
            ""
        },
    )?;
    finish(out, 0)
}

fn export_curated(db: Option<&Path>, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    use crate::gazetteer::write_curated;

    let ws = workspace(db)?;
    let curated = ws.gazetteer.curated();
    match output.filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            write_atomic(path, |w| Ok(write_curated(&curated, w)?))
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "exported {} curated place(s) to {}",
                curated.len(),
                path.display()
            );
        }
        None => write_curated(&curated, &mut std::io::stdout().lock())
            .context("writing to standard output")?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads each report again in its own transaction; every report is tried.
fn reprocess(db: Option<&Path>, args: &ReprocessArgs) -> anyhow::Result<ExitCode> {
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

/// Imports each file in its own transaction; every file is tried, and each
/// failure is reported naming its file (and line).
fn import(db: Option<&Path>, files: &[PathBuf]) -> anyhow::Result<ExitCode> {
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

/// Imports each file in its own transaction; every file is tried, and each
/// failure is reported naming its file (and row).
fn import_gazetteer(db: Option<&Path>, args: &GazetteerImportArgs) -> anyhow::Result<ExitCode> {
    let mut ws = workspace(db)?;
    let mut out = Output::new();
    let mut failed = 0usize;
    for path in &args.files {
        let format = args.format.unwrap_or_else(|| PlaceFormat::of(path));
        let result = match format {
            PlaceFormat::Geonames => import_geonames_file(&mut ws, path),
            PlaceFormat::Osm | PlaceFormat::Table => {
                import_settlement_file(&mut ws, path, format, args)
            }
        };
        match result {
            Ok(line) => writeln!(out, "{line}")?,
            Err(e) => {
                failed += 1;
                eprintln!("error: {e:#}");
            }
        }
    }
    if failed > 0 {
        eprintln!(
            "{failed} of {} files failed; nothing was stored from them",
            args.files.len()
        );
    }
    finish(out, failed)
}

/// A GeoNames dump or admin code table; new admin codes are loaded at once
/// so that a settlement table later on the same command line can name them.
fn import_geonames_file(ws: &mut crate::setup::Workspace, path: &Path) -> anyhow::Result<String> {
    use crate::gazetteer::{GeoNamesRows, read_geonames};

    let shown = path.display().to_string();
    // Read as a stream, line by line: a file that never ends or has no line
    // breaks (`/dev/zero`) is refused after a megabyte, not read into memory.
    let file = std::fs::File::open(path).with_context(|| format!("reading {shown}"))?;
    let rows = read_geonames(std::io::BufReader::with_capacity(1 << 16, file), &shown)?;
    let (places, admin) = match rows {
        Some(GeoNamesRows::Places(places)) => (ws.gazetteer.identify_curated(places), Vec::new()),
        Some(GeoNamesRows::AdminCodes(admin)) => (Vec::new(), admin),
        None => anyhow::bail!(
            "{shown}: not a GeoNames file (expected 19 tab-separated columns for places, \
             or 4 for admin codes; an OSM extract or a settlement table needs --format osm|table \
             or a .pbf/.csv/.geojson/.gpkg extension)"
        ),
    };
    let written = ws
        .store
        .import_gazetteer(&places, &admin)
        .with_context(|| format!("importing {shown}"))?;
    if !admin.is_empty() {
        ws.gazetteer = ws
            .store
            .load_gazetteer()
            .context("reloading the gazetteer")?;
    }
    Ok(format!(
        "{shown}: {} place(s), {} admin code(s) ({written} rows written)",
        places.len(),
        admin.len()
    ))
}

/// An OpenStreetMap extract or a settlement table, read whole before one
/// transaction stores it, so a bad file leaves the database as it was.
fn import_settlement_file(
    ws: &mut crate::setup::Workspace,
    path: &Path,
    format: PlaceFormat,
    args: &GazetteerImportArgs,
) -> anyhow::Result<String> {
    use crate::gazetteer::{PlaceImportError, TableColumns};

    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let read = if format == PlaceFormat::Osm {
        let source = args
            .source
            .clone()
            .unwrap_or_else(|| format!("OpenStreetMap ({name})"));
        let file = std::fs::File::open(path).map_err(|source| PlaceImportError::Io {
            file: shown.clone(),
            source,
        })?;
        ws.gazetteer.read_osm_places(
            std::io::BufReader::new(file),
            &shown,
            &source,
            args.country.as_deref(),
        )?
    } else {
        let columns = TableColumns {
            name: args.name_col.clone(),
            lat: args.lat_col.clone(),
            lon: args.lon_col.clone(),
            alternates: args.alt_cols.clone(),
            admin1: args.admin1_col.clone(),
            admin2: args.admin2_col.clone(),
            country: args.country.clone(),
            country_column: args.country_col.clone(),
            layer: args.layer.clone(),
        };
        let source = args.source.clone().unwrap_or_else(|| name.clone());
        ws.gazetteer
            .read_settlement_table(path, &shown, &source, &columns)?
    };
    ws.store
        .import_gazetteer(&read.places, &[])
        .with_context(|| format!("{shown}: storing the places"))?;
    Ok(read.summary(&shown))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn a_bbox_reads_west_south_east_north() {
        let b = parse_bbox("-6, 9, 3,16").unwrap();
        assert_eq!((b.west, b.south, b.east, b.north), (-6.0, 9.0, 3.0, 16.0));
    }

    #[test]
    fn malformed_bboxes_are_refused_with_a_reason() {
        assert!(parse_bbox("1,2,3").unwrap_err().contains("four"));
        assert!(parse_bbox("a,2,3,4").unwrap_err().contains("not a number"));
        assert!(parse_bbox("-200,2,3,4").unwrap_err().contains("outside"));
        assert!(parse_bbox("3,2,1,4").unwrap_err().contains("west"));
        assert!(parse_bbox("1,5,3,4").unwrap_err().contains("south"));
        assert!(parse_bbox("NaN,2,3,4").is_err());
    }

    #[test]
    fn dates_must_be_iso() {
        assert!(parse_date("2025-05-11").is_ok());
        assert!(parse_date("11/05/2025").unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn the_argument_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
