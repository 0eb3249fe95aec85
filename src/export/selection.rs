//! Exporting a chosen set of stored incidents (what the window shows) to a
//! file in any of the formats, with the columns an ACLED import carried.
//!
//! The window knows which incident ids are on screen; the store knows each
//! incident's imported `source` and extra ACLED columns. Streaming the store
//! and keeping the chosen ids gives the same file the CLI would write for the
//! same incidents, so an analyst never gets a poorer file from the window.

use std::collections::HashSet;
use std::path::Path;

use super::{
    AcledCsvWriter, ExportError, GeoJsonWriter, IncidentExtra, write_atomic, write_gpkg_with,
};
use crate::store::{IncidentFilter, Store};

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

/// Writes the stored incidents whose ids are in `ids` to `path`, atomically,
/// in date order; returns how many were written.
pub fn export_selected(
    store: &Store,
    ids: &HashSet<i64>,
    format: ExportFormat,
    path: &Path,
) -> Result<usize, ExportError> {
    let all = IncidentFilter::default();
    let mut written = 0;
    match format {
        ExportFormat::GeoJson => write_atomic(path, |out| {
            let mut writer = GeoJsonWriter::new(out)?;
            store.for_each_incident_with_extra(&all, |mut incident, stored| {
                if !ids.contains(&incident.id) {
                    return Ok(());
                }
                if let Some(source) = stored.source {
                    incident.source = source;
                }
                written += 1;
                writer.write(&incident)
            })?;
            writer.finish()
        })?,
        ExportFormat::AcledCsv => write_atomic(path, |out| {
            let mut writer = AcledCsvWriter::new(out)?;
            store.for_each_incident_with_extra(&all, |incident, stored| {
                if !ids.contains(&incident.id) {
                    return Ok(());
                }
                let extra = IncidentExtra::from_stored(stored)?;
                written += 1;
                writer.write(&incident, extra.as_ref())
            })?;
            writer.finish()
        })?,
        ExportFormat::GeoPackage => write_gpkg_with(path, |sink| {
            store.for_each_incident_with_extra(&all, |mut incident, stored| {
                if !ids.contains(&incident.id) {
                    return Ok(());
                }
                if let Some(source) = stored.source {
                    incident.source = source;
                }
                written += 1;
                sink(&incident)
            })
        })?,
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventType, GeoPrecision, IncidentData, Location, Span, TimePrecision};
    use chrono::NaiveDate;

    fn incident(day: u32, place: &str, lat: f64, lon: f64) -> IncidentData {
        IncidentData {
            event_date: NaiveDate::from_ymd_opt(2025, 3, day).unwrap(),
            time_precision: TimePrecision::Day,
            event_type: EventType::Battles,
            sub_event_type: "Armed clash".into(),
            actor1: "JNIM: Group for Support of Islam and Muslims".into(),
            actor2: "Military Forces of Burkina Faso (2022-)".into(),
            fatalities: Some(day),
            location: Location {
                name: place.into(),
                place_id: None,
                latitude: lat,
                longitude: lon,
                country: "Burkina Faso".into(),
                country_code: "BF".into(),
                admin1: String::new(),
                admin2: String::new(),
                geo_precision: GeoPrecision::Exact,
            },
            notes: String::new(),
            evidence: Span::new(0, 5),
            weapons: Vec::new(),
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
