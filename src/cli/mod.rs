//! The command line: argument parsing, the subcommands, and turning errors
//! into exit codes in exactly one place (`main`).
//!
//! Exit codes: 0 success; 1 an operation failed (for `ingest`, at least one
//! file failed: every file is still tried, each in its own transaction, and
//! each failure is reported naming its file); 2 a usage error (bad
//! arguments, a malformed date or bounding box).
//!
//! This file holds only the command tree and the dispatch; each subcommand's
//! arguments and work live in the file named after it, so adding or changing
//! one command touches one file.

mod args;
mod export;
mod gazetteer;
mod geocode;
mod import;
mod ingest;
mod output;
mod progress;
mod reprocess;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::setup::open_workspace;

use export::ExportArgs;
use gazetteer::{AddPlaceArgs, GazetteerImportArgs};
use geocode::GeocodeArgs;
use import::ImportArgs;
use ingest::IngestArgs;
use reprocess::ReprocessArgs;

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

/// A mistake in the arguments found after parsing (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(String);

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
        Some(Command::Ingest(args)) => ingest::run(db, args),
        Some(Command::Reprocess(args)) => reprocess::run(db, &args),
        Some(Command::Export(args)) => export::run(db, args),
        Some(Command::Import(args)) => import::run(db, &args),
        Some(Command::Geocode(args)) => geocode::run(db, args),
        Some(Command::Gazetteer(GazetteerCommand::Import(args))) => gazetteer::import(db, &args),
        Some(Command::Gazetteer(GazetteerCommand::Add(args))) => gazetteer::add(db, args),
        Some(Command::Gazetteer(GazetteerCommand::ExportCurated { output })) => {
            gazetteer::export_curated(db, output.as_deref())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_argument_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
