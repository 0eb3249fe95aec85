//! The one way stored incidents leave the program: `export_incidents`
//! writes "these incidents, in this format, to this target" for the command
//! line and the window alike, with the columns an ACLED import carried.
//!
//! Callers only choose: which incidents (`Selection`: the CLI's date window
//! and box, the window's ids on screen) and where (`ExportTarget`: a path or
//! standard output). Keeping the writing here means both get the same bytes
//! for the same incidents, so an analyst never gets a poorer file from one
//! than from the other, and a fix to streaming, atomic replacement or FIFOs
//! reaches both.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{
    AcledCsvWriter, ExportError, GeoJsonWriter, IncidentExtra, write_atomic, write_gpkg_into,
    write_gpkg_with,
};
use crate::model::Incident;
use crate::store::{IncidentFilter, Store, StoredExtra};

/// The file formats an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ExportFormat {
    /// RFC 7946 GeoJSON: QGIS, GDAL, kepler.gl.
    #[default]
    GeoJson,
    /// CSV in ACLED's column layout, to sit beside an ACLED download.
    AcledCsv,
    /// OGC GeoPackage: one point layer with a spatial index.
    GeoPackage,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::GeoJson,
        ExportFormat::AcledCsv,
        ExportFormat::GeoPackage,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "GeoJSON",
            ExportFormat::AcledCsv => "CSV (ACLED columns)",
            ExportFormat::GeoPackage => "GeoPackage",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::GeoJson => "geojson",
            ExportFormat::AcledCsv => "csv",
            ExportFormat::GeoPackage => "gpkg",
        }
    }

    /// The format a file name asks for by its extension, if it names one.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "geojson" | "json" => Some(ExportFormat::GeoJson),
            "csv" => Some(ExportFormat::AcledCsv),
            "gpkg" => Some(ExportFormat::GeoPackage),
            _ => None,
        }
    }
}

/// Which stored incidents an export writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection<'a> {
    /// The date window and box the store filters by (the default: all).
    pub filter: IncidentFilter,
    /// Only these incident ids, when given (what the window shows).
    pub ids: Option<&'a HashSet<i64>>,
}

impl Selection<'_> {
    /// Every incident inside `filter`.
    pub fn filtered(filter: IncidentFilter) -> Selection<'static> {
        Selection { filter, ids: None }
    }

    /// Exactly the incidents with these ids.
    pub fn ids(ids: &HashSet<i64>) -> Selection<'_> {
        Selection {
            filter: IncidentFilter::default(),
            ids: Some(ids),
        }
    }

    fn keeps(&self, incident: &Incident) -> bool {
        self.ids.is_none_or(|ids| ids.contains(&incident.id))
    }
}

/// Where an export goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTarget {
    /// A file, replaced atomically; a link is followed, a FIFO or device
    /// written to in place (see `write_atomic`).
    Path(PathBuf),
    /// Standard output, streamed as it is written.
    Stdout,
}

impl ExportTarget {
    /// The target a command-line file name names: `-` is standard output,
    /// as for any Unix tool.
    pub fn named(path: PathBuf) -> ExportTarget {
        if path.as_os_str() == "-" {
            ExportTarget::Stdout
        } else {
            ExportTarget::Path(path)
        }
    }
}

/// Writes the stored incidents `selection` chooses to `target` in `format`,
/// in date order, and returns how many were written. Incidents are streamed
/// from the store one at a time, so memory stays flat whatever the count;
/// `written` is called after each one (a progress line, say). Imported rows
/// keep their own ACLED `source` and extra columns.
pub fn export_incidents(
    store: &Store,
    selection: &Selection<'_>,
    format: ExportFormat,
    target: &ExportTarget,
    mut written: impl FnMut(),
) -> Result<usize, ExportError> {
    let mut count = 0;
    // Every format goes through this: it picks the incidents and counts
    // the ones handed on, so the count is what the file holds.
    let mut each = |f: &mut dyn FnMut(Incident, StoredExtra) -> Result<(), ExportError>| {
        store.for_each_incident_with_extra(&selection.filter, |incident, stored| {
            if !selection.keeps(&incident) {
                return Ok(());
            }
            f(incident, stored)?;
            count += 1;
            written();
            Ok::<(), ExportError>(())
        })
    };
    match format {
        ExportFormat::GeoJson => write_to(target, |out| {
            let mut writer = GeoJsonWriter::new(out)?;
            each(&mut |incident, stored| writer.write(&with_own_source(incident, stored)))?;
            writer.finish()
        })?,
        ExportFormat::AcledCsv => write_to(target, |out| {
            let mut writer = AcledCsvWriter::new(out)?;
            each(&mut |incident, stored| {
                let extra = IncidentExtra::from_stored(stored)?;
                writer.write(&incident, extra.as_ref())
            })?;
            writer.finish()
        })?,
        ExportFormat::GeoPackage => {
            let feed = |sink: &mut super::FeatureSink<'_>| {
                each(&mut |incident, stored| sink(&with_own_source(incident, stored)))
            };
            match target {
                ExportTarget::Path(path) => write_gpkg_with(path, feed)?,
                // SQLite needs a file: it is built in the temporary folder
                // and its bytes copied out.
                ExportTarget::Stdout => write_gpkg_into(&mut std::io::stdout().lock(), feed)?,
            }
        }
    }
    Ok(count)
}

/// An imported incident with its row's own `source` rather than the name of
/// the file it came in, for formats without ACLED's extra columns.
fn with_own_source(mut incident: Incident, stored: StoredExtra) -> Incident {
    if let Some(source) = stored.source {
        incident.source = source;
    }
    incident
}

/// Runs a streaming writer into `target`: atomically into a file, or
/// straight into standard output.
fn write_to(
    target: &ExportTarget,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    match target {
        ExportTarget::Path(path) => write_atomic(path, write),
        ExportTarget::Stdout => write(&mut std::io::stdout().lock()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IncidentData, Location, Span};
    use chrono::NaiveDate;

    fn incident(day: u32, place: &str, lat: f64, lon: f64) -> IncidentData {
        IncidentData {
            event_date: NaiveDate::from_ymd_opt(2025, 3, day).unwrap(),
            actor1: "JNIM: Group for Support of Islam and Muslims".into(),
            actor2: "Military Forces of Burkina Faso (2022-)".into(),
            fatalities: Some(day),
            location: Location {
                name: place.into(),
                latitude: lat,
                longitude: lon,
                admin1: String::new(),
                admin2: String::new(),
                ..Location::example()
            },
            evidence: Span::new(0, 5),
            ..IncidentData::example()
        }
    }

    /// A store with three incidents; returns it with the ids of the first two.
    fn store_with_three() -> (Store, HashSet<i64>) {
        let mut store = Store::open_in_memory().unwrap();
        let added = store
            .add_report(
                "three.txt",
                None,
                "Three attacks in March.",
                &[
                    incident(1, "Djibo", 14.0994, -1.62554),
                    incident(2, "Kaya", 13.09167, -1.08444),
                    incident(3, "Dori", 14.0354, -0.0345),
                ],
            )
            .unwrap();
        let chosen = added.incident_ids[..2].iter().copied().collect();
        (store, chosen)
    }

    #[test]
    fn the_extension_picks_the_format_and_unknown_ones_pick_none() {
        for format in ExportFormat::ALL {
            let name = format!("out.{}", format.extension());
            assert_eq!(ExportFormat::from_path(Path::new(&name)), Some(format));
        }
        assert_eq!(
            ExportFormat::from_path(Path::new("OUT.JSON")),
            Some(ExportFormat::GeoJson)
        );
        assert_eq!(ExportFormat::from_path(Path::new("out.shp")), None);
        assert_eq!(ExportFormat::from_path(Path::new("out")), None);
    }

    fn export_selected(
        store: &Store,
        ids: &HashSet<i64>,
        format: ExportFormat,
        path: &Path,
    ) -> Result<usize, ExportError> {
        let target = ExportTarget::Path(path.to_path_buf());
        export_incidents(store, &Selection::ids(ids), format, &target, || {})
    }

    #[test]
    fn a_dash_names_standard_output() {
        assert_eq!(ExportTarget::named("-".into()), ExportTarget::Stdout);
        assert_eq!(
            ExportTarget::named("out.csv".into()),
            ExportTarget::Path("out.csv".into())
        );
    }

    #[test]
    fn only_the_chosen_incidents_are_written_in_every_format() {
        let (store, chosen) = store_with_three();
        let dir = tempfile::tempdir().unwrap();

        let geojson = dir.path().join("shown.geojson");
        let n = export_selected(&store, &chosen, ExportFormat::GeoJson, &geojson).unwrap();
        assert_eq!(n, 2);
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&geojson).unwrap()).unwrap();
        let places: Vec<&str> = value["features"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["properties"]["location"].as_str().unwrap())
            .collect();
        assert_eq!(places, ["Djibo", "Kaya"]);

        let csv = dir.path().join("shown.csv");
        assert_eq!(
            export_selected(&store, &chosen, ExportFormat::AcledCsv, &csv).unwrap(),
            2
        );
        let text = std::fs::read_to_string(&csv).unwrap();
        assert_eq!(text.lines().count(), 3, "a header and two rows:\n{text}");
        assert!(text.contains("Kaya") && !text.contains("Dori"));

        let gpkg = dir.path().join("shown.gpkg");
        assert_eq!(
            export_selected(&store, &chosen, ExportFormat::GeoPackage, &gpkg).unwrap(),
            2
        );
        let conn = rusqlite::Connection::open(&gpkg).unwrap();
        let table: String = conn
            .query_row("SELECT table_name FROM gpkg_contents", [], |r| r.get(0))
            .unwrap();
        let rows: i64 = conn
            .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(rows, 2);
    }
}
