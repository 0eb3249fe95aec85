//! GeoPackage export (OGC 12-128r18, version 1.4): a SQLite file that QGIS,
//! ArcGIS and GDAL open as a point layer without any conversion.
//!
//! The file holds the required tables (`gpkg_spatial_ref_sys` with EPSG:4326
//! and the two "undefined" systems, `gpkg_contents`, `gpkg_geometry_columns`),
//! one feature table `incidents` with the same attributes as the GeoJSON
//! export (`event_date` declared DATE so GIS tools type it as a date), and
//! the R-tree spatial index extension. `confidence_reasons` is one text
//! joined with "; " (as in the CSV) since a GIS attribute table shows text
//! better than JSON; `reviewed` is a GeoPackage BOOLEAN (0/1). It is written to a temporary file
//! beside the target and renamed over it only once complete.

use std::path::Path;

use rusqlite::{Connection, params};

use super::ExportError;
use super::atomic::replace_atomic;
use super::geojson::event_id;
use super::wkb::gpkg_point;
use crate::model::Incident;
use crate::model::columns::{FEATURE, REASON_SEPARATOR};

/// `PRAGMA application_id` of a GeoPackage: "GPKG" in ASCII.
pub const APPLICATION_ID: i32 = 0x4750_4B47;
/// `PRAGMA user_version` of GeoPackage 1.4.0.
pub const USER_VERSION: i32 = 10400;
/// The feature table's name.
pub const TABLE: &str = "incidents";
const WGS84: i32 = 4326;

const WGS84_WKT: &str = r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]"#;

const SCHEMA: &str = r#"
CREATE TABLE gpkg_spatial_ref_sys (
    srs_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL PRIMARY KEY,
    organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL,
    description TEXT
);
CREATE TABLE gpkg_contents (
    table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL,
    identifier TEXT UNIQUE,
    description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
    srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL,
    z TINYINT NOT NULL,
    m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_extensions (
    table_name TEXT,
    column_name TEXT,
    extension_name TEXT NOT NULL,
    definition TEXT NOT NULL,
    scope TEXT NOT NULL,
    CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
"#;

/// After the feature table: its spatial index.
const RTREE: &str =
    "CREATE VIRTUAL TABLE rtree_incidents_geom USING rtree(id, minx, maxx, miny, maxy);\n";

/// The feature table, its attribute columns from `columns::FEATURE`; laid
/// out as it always was, since the statement is stored in the file.
fn feature_table() -> String {
    let mut sql = format!(
        "CREATE TABLE {TABLE} (\n    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,\n    geom POINT"
    );
    for (name, kind) in FEATURE {
        sql.push_str(&format!(",\n    {name} {kind}"));
    }
    sql.push_str("\n);\n");
    sql
}

/// The statement adding one feature: `?1` the geometry, then `FEATURE` in order.
fn feature_insert() -> String {
    let names: Vec<&str> = FEATURE.iter().map(|(name, _)| *name).collect();
    let slots: Vec<String> = (2..=FEATURE.len() + 1).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {TABLE} (geom, {}) VALUES (?1, {})",
        names.join(", "),
        slots.join(", ")
    )
}

/// The R-tree triggers of the spec (Annex F.3), created after the bulk load:
/// they call ST_* functions that only a GeoPackage-aware reader provides.
const RTREE_TRIGGERS: &str = r#"
CREATE TRIGGER rtree_incidents_geom_insert AFTER INSERT ON incidents
WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO rtree_incidents_geom VALUES (
    NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER rtree_incidents_geom_update1 AFTER UPDATE OF geom ON incidents
WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO rtree_incidents_geom VALUES (
    NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER rtree_incidents_geom_update2 AFTER UPDATE OF geom ON incidents
WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM rtree_incidents_geom WHERE id = OLD.fid;
END;
CREATE TRIGGER rtree_incidents_geom_update3 AFTER UPDATE ON incidents
WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM rtree_incidents_geom WHERE id = OLD.fid;
  INSERT OR REPLACE INTO rtree_incidents_geom VALUES (
    NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER rtree_incidents_geom_update4 AFTER UPDATE ON incidents
WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM rtree_incidents_geom WHERE id IN (OLD.fid, NEW.fid);
END;
CREATE TRIGGER rtree_incidents_geom_delete AFTER DELETE ON incidents
WHEN old.geom NOT NULL
BEGIN
  DELETE FROM rtree_incidents_geom WHERE id = OLD.fid;
END;
"#;

/// Hands each incident to the GeoPackage writer; see `write_gpkg_with`.
pub type FeatureSink<'a> = dyn FnMut(&Incident) -> Result<(), ExportError> + 'a;

fn write_into(
    conn: &mut Connection,
    feed: impl FnOnce(&mut FeatureSink<'_>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", USER_VERSION)?;
    let tx = crate::store::write_transaction(conn)?;
    tx.execute_batch(SCHEMA)?;
    tx.execute_batch(&feature_table())?;
    tx.execute_batch(RTREE)?;
    {
        let mut srs = tx.prepare(
            "INSERT INTO gpkg_spatial_ref_sys
                 (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        srs.execute(params![
            "Undefined cartesian SRS",
            -1,
            "NONE",
            -1,
            "undefined",
            "undefined cartesian coordinate reference system"
        ])?;
        srs.execute(params![
            "Undefined geographic SRS",
            0,
            "NONE",
            0,
            "undefined",
            "undefined geographic coordinate reference system"
        ])?;
        srs.execute(params![
            "WGS 84 geodetic",
            WGS84,
            "EPSG",
            WGS84,
            WGS84_WKT,
            "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"
        ])?;
        let mut feature = tx.prepare(&feature_insert())?;
        let mut rtree = tx.prepare(
            "INSERT INTO rtree_incidents_geom (id, minx, maxx, miny, maxy)
             VALUES (?1, ?2, ?2, ?3, ?3)",
        )?;
        let mut sink = |incident: &Incident| -> Result<(), ExportError> {
            let data = &incident.data;
            let loc = &data.location;
            let (lon, lat) = (loc.longitude, loc.latitude);
            feature.execute(params![
                gpkg_point(lon, lat, WGS84),
                event_id(incident),
                data.event_date.format("%Y-%m-%d").to_string(),
                data.time_precision.code(),
                data.event_type.label(),
                data.sub_event_type,
                data.actor1,
                data.actor2,
                data.fatalities,
                loc.country,
                loc.country_code,
                loc.admin1,
                loc.admin2,
                loc.name,
                lat,
                lon,
                loc.geo_precision.code(),
                incident.source,
                data.notes,
                serde_json::to_string(&data.weapons)?,
                data.confidence.label(),
                data.confidence_reasons.join(REASON_SEPARATOR),
                incident.reviewed,
            ])?;
            rtree.execute(params![tx.last_insert_rowid(), lon, lat])?;
            Ok(())
        };
        feed(&mut sink)?;
    }
    let (min_x, min_y, max_x, max_y) = tx.query_row(
        "SELECT MIN(longitude), MIN(latitude), MAX(longitude), MAX(latitude) FROM incidents",
        [],
        |row| {
            Ok((
                row.get::<_, Option<f64>>(0)?,
                row.get::<_, Option<f64>>(1)?,
                row.get::<_, Option<f64>>(2)?,
                row.get::<_, Option<f64>>(3)?,
            ))
        },
    )?;
    tx.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description,
             min_x, min_y, max_x, max_y, srs_id)
         VALUES (?1, 'features', ?1, 'Incidents exported by Incident Atlas', ?2, ?3, ?4, ?5, ?6)",
        params![TABLE, min_x, min_y, max_x, max_y, WGS84],
    )?;
    tx.execute(
        "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)
         VALUES (?1, 'geom', 'POINT', ?2, 0, 0)",
        params![TABLE, WGS84],
    )?;
    tx.execute(
        "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
         VALUES (?1, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec/#extension_rtree', 'write-only')",
        params![TABLE],
    )?;
    tx.execute_batch(RTREE_TRIGGERS)?;
    tx.commit()?;
    Ok(())
}

/// Writes `incidents` as a GeoPackage at `path`, replacing any file there
/// only once the new one is complete.
pub fn write_gpkg(incidents: &[Incident], path: &Path) -> Result<(), ExportError> {
    write_gpkg_with(path, |sink| {
        for incident in incidents {
            sink(incident)?;
        }
        Ok(())
    })
}

/// Writes a GeoPackage at `path` from the incidents `feed` hands to the sink
/// one at a time (streamed from the store, say), replacing any file there
/// only once the new one is complete.
pub fn write_gpkg_with(
    path: &Path,
    feed: impl FnOnce(&mut FeatureSink<'_>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    replace_atomic(path, |temp| fill_gpkg(temp, feed))
}

/// Writes a GeoPackage into `out` (standard output, say): SQLite needs a
/// file, so it is made in the temporary folder and then copied.
pub fn write_gpkg_into(
    out: &mut dyn std::io::Write,
    feed: impl FnOnce(&mut FeatureSink<'_>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    super::atomic::copy_filled(out, |temp| fill_gpkg(temp, feed))
}

fn fill_gpkg(
    temp: &mut tempfile::NamedTempFile,
    feed: impl FnOnce(&mut FeatureSink<'_>) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut conn = Connection::open(temp.path())?;
    // A GeoPackage is one self-contained file: no WAL beside it, and no
    // rollback journal either. The temporary file is thrown away whenever
    // the export fails, so a journal would protect nothing, and a killed
    // export would leave it behind in the analyst's folder.
    conn.pragma_update(None, "journal_mode", "OFF")?;
    write_into(&mut conn, feed)?;
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}
