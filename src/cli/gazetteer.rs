//! `gazetteer import`, `gazetteer add` and `gazetteer export-curated`:
//! places in from GeoNames files, OpenStreetMap extracts and settlement
//! tables; a curated place added by hand; the curated places written out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::args::parse_country;
use super::output::{Output, finish};
use super::{UsageError, workspace};
use crate::export::write_atomic;
use crate::model::GeoPrecision;

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
pub(super) struct GazetteerImportArgs {
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
pub(super) struct AddPlaceArgs {
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

/// Imports each file in its own transaction; every file is tried, and each
/// failure is reported naming its file (and row).
pub(super) fn import(db: Option<&Path>, args: &GazetteerImportArgs) -> anyhow::Result<ExitCode> {
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

/// Adds one curated place and says where it landed, so a mistyped
/// coordinate shows at once.
pub(super) fn add(db: Option<&Path>, args: AddPlaceArgs) -> anyhow::Result<ExitCode> {
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

/// Writes the curated places as a GeoNames file, to a file (atomically) or
/// to standard output.
pub(super) fn export_curated(db: Option<&Path>, output: Option<&Path>) -> anyhow::Result<ExitCode> {
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
