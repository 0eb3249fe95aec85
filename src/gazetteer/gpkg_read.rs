//! A settlement list in a GeoPackage (as HDX and QGIS hand them out): one
//! point layer read into a `Table`.
//!
//! The layer is the first feature table of `gpkg_contents` (in the order
//! it was registered), or the one named with `--layer`. Each geometry is a
//! GeoPackage binary header (magic "GP", version, flags, SRS id, an
//! optional envelope) followed by OGC well-known binary; we decode points
//! only (a polygon of a village has no single point to give). A layer in a
//! projected coordinate system is refused rather than misread as degrees.

use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::import_error::PlaceImportError;
use super::table::{Table, TableRow};

/// SRS ids that hold longitude/latitude degrees: WGS 84, and the spec's
/// "undefined geographic" (0); -1 ("undefined Cartesian") is often written
/// by tools that mean degrees all the same.
const DEGREES: &[i64] = &[4326, 0, -1];

/// Why a geometry blob gave no point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeometryProblem {
    /// Not a GeoPackage geometry (no "GP" header, cut short).
    Malformed,
    /// A geometry other than a point.
    NotAPoint,
    /// The empty geometry flag, or a point of NaNs (WKB's empty point).
    Empty,
}

/// Reads a little- or big-endian value of `N` bytes at `at`.
fn take<const N: usize>(blob: &[u8], at: usize) -> Option<[u8; N]> {
    blob.get(at..at + N)?.try_into().ok()
}

/// The (longitude, latitude) of a GeoPackage point geometry.
pub fn decode_gpkg_point(blob: &[u8]) -> Result<(f64, f64), GeometryProblem> {
    if blob.get(..2) != Some(b"GP") {
        return Err(GeometryProblem::Malformed);
    }
    let flags = *blob.get(3).ok_or(GeometryProblem::Malformed)?;
    if flags & 0b0001_0000 != 0 {
        return Err(GeometryProblem::Empty);
    }
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        _ => return Err(GeometryProblem::Malformed),
    };
    let wkb = blob.get(8 + envelope..).ok_or(GeometryProblem::Malformed)?;
    let little = match wkb.first() {
        Some(1) => true,
        Some(0) => false,
        _ => return Err(GeometryProblem::Malformed),
    };
    let u32_at = |at| {
        take::<4>(wkb, at).map(|b| {
            if little {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            }
        })
    };
    let f64_at = |at| {
        take::<8>(wkb, at).map(|b| {
            if little {
                f64::from_le_bytes(b)
            } else {
                f64::from_be_bytes(b)
            }
        })
    };
    let kind = u32_at(1).ok_or(GeometryProblem::Malformed)?;
    // ISO WKB adds 1000/2000/3000 for Z/M/ZM; EWKB sets high flag bits.
    // Either way x and y come first.
    if (kind & 0x0FFF_FFFF) % 1000 != 1 {
        return Err(GeometryProblem::NotAPoint);
    }
    let (x, y) = (
        f64_at(5).ok_or(GeometryProblem::Malformed)?,
        f64_at(13).ok_or(GeometryProblem::Malformed)?,
    );
    if x.is_nan() && y.is_nan() {
        return Err(GeometryProblem::Empty);
    }
    Ok((x, y))
}

/// A column name quoted as an SQL identifier. Identifiers cannot be bound
/// as parameters; the names quoted here come from the file's own
/// `gpkg_contents` and `pragma_table_info`, never from free text.
fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// A value as text (blobs, the geometry among them, as empty).
fn text_of(value: ValueRef<'_>) -> String {
    match value {
        ValueRef::Null | ValueRef::Blob(_) => String::new(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(r) => r.to_string(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// Reads one point layer of the GeoPackage at `path`.
pub fn read_gpkg(path: &Path, file: &str, layer: Option<&str>) -> Result<Table, PlaceImportError> {
    let sql = |source| PlaceImportError::GeoPackage {
        file: file.to_string(),
        source,
    };
    let shape = |problem: String| PlaceImportError::Shape {
        file: file.to_string(),
        problem,
    };
    // Read-only: a settlement list is the analyst's file, never ours to touch.
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql)?;
    let has_contents: bool = conn
        .query_row(
            "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'",
            [],
            |row| row.get(0),
        )
        .map_err(|source| match source {
            // Not SQLite at all: say so in the analyst's words.
            rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::NotADatabase => {
                shape("not a GeoPackage (not an SQLite database)".to_string())
            }
            other => sql(other),
        })?;
    if !has_contents {
        return Err(shape(
            "not a GeoPackage (no gpkg_contents table)".to_string(),
        ));
    }
    let layers: Vec<String> = {
        let mut stmt = conn
            .prepare(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid",
            )
            .map_err(sql)?;
        stmt.query_map([], |row| row.get(0))
            .and_then(Iterator::collect)
            .map_err(sql)?
    };
    let table = match layer {
        Some(wanted) => layers
            .iter()
            .find(|l| l.as_str() == wanted)
            .ok_or_else(|| {
                shape(format!(
                    "no feature layer {wanted:?} (the layers are: {})",
                    layers.join(", ")
                ))
            })?,
        None => layers
            .first()
            .ok_or_else(|| shape("no feature layer in gpkg_contents".to_string()))?,
    };
    let (geometry_column, srs_id): (String, i64) = conn
        .query_row(
            "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?1",
            [table],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()
        .map_err(sql)?
        .ok_or_else(|| {
            shape(format!(
                "layer {table:?} has no row in gpkg_geometry_columns"
            ))
        })?;
    if !DEGREES.contains(&srs_id) {
        // A projected system whose definition is WGS 84 under another id
        // would be rare; the EPSG authority says for sure.
        let epsg: Option<(String, i64)> = conn
            .query_row(
                "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?1",
                [srs_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()
            .map_err(sql)?;
        let is_wgs84 = epsg.is_some_and(|(org, id)| org.eq_ignore_ascii_case("EPSG") && id == 4326);
        if !is_wgs84 {
            return Err(PlaceImportError::Projection {
                file: file.to_string(),
                layer: table.clone(),
                srs_id,
            });
        }
    }
    let columns: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
            .map_err(sql)?;
        stmt.query_map([table], |row| row.get(0))
            .and_then(Iterator::collect)
            .map_err(sql)?
    };
    let geometry_at = columns.iter().position(|c| *c == geometry_column);
    let select = format!(
        "SELECT {} FROM {}",
        columns
            .iter()
            .map(|c| quoted(c))
            .collect::<Vec<_>>()
            .join(", "),
        quoted(table)
    );
    let mut stmt = conn.prepare(&select).map_err(sql)?;
    let mut result = stmt.query([]).map_err(sql)?;
    let mut rows = Vec::new();
    while let Some(row) = result.next().map_err(sql)? {
        let mut values = Vec::with_capacity(columns.len());
        let mut point = None;
        for i in 0..columns.len() {
            let value = row.get_ref(i).map_err(sql)?;
            if Some(i) == geometry_at
                && let ValueRef::Blob(blob) = value
            {
                point = decode_gpkg_point(blob).ok().map(|(lon, lat)| (lat, lon));
            }
            values.push(text_of(value));
        }
        rows.push(TableRow {
            number: rows.len() as u64 + 1,
            values,
            point,
        });
    }
    Ok(Table {
        columns,
        rows,
        has_geometry: true,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::export::gpkg_point;

    /// A minimal GeoPackage with one point layer, written with rusqlite.
    pub(crate) fn write_gpkg(path: &Path, srs_id: i32, rows: &[(&str, Option<Vec<u8>>)]) {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY,
                 organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
             INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, ''),
                 ('UTM 30N', 32630, 'EPSG', 32630, '');
             CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, srs_id INTEGER);
             CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,
                 geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
             CREATE TABLE attributes (x TEXT);
             INSERT INTO gpkg_contents VALUES ('attributes', 'attributes', NULL);
             CREATE TABLE \"villages \"\"2024\"\"\" (fid INTEGER PRIMARY KEY, geom BLOB, nom TEXT, adm1 TEXT);",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO gpkg_contents VALUES ('villages \"2024\"', 'features', ?1)",
            [srs_id],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO gpkg_geometry_columns VALUES ('villages \"2024\"', 'geom', 'POINT', ?1, 0, 0)",
            [srs_id],
        )
        .unwrap();
        for (name, geom) in rows {
            conn.execute(
                "INSERT INTO \"villages \"\"2024\"\"\" (geom, nom, adm1) VALUES (?1, ?2, 'Mopti')",
                rusqlite::params![geom, name],
            )
            .unwrap();
        }
    }

    #[test]
    fn points_decode_with_or_without_an_envelope_in_either_byte_order() {
        assert_eq!(
            decode_gpkg_point(&gpkg_point(-4.2, 14.5, 4326)),
            Ok((-4.2, 14.5))
        );
        // Big-endian WKB after a 32-byte envelope (flags 0b0000_0010).
        let mut blob = b"GP\x00\x02".to_vec();
        blob.extend_from_slice(&4326i32.to_be_bytes());
        blob.extend_from_slice(&[0u8; 32]);
        blob.push(0);
        blob.extend_from_slice(&1001u32.to_be_bytes()); // Point Z
        blob.extend_from_slice(&(-4.2f64).to_be_bytes());
        blob.extend_from_slice(&14.5f64.to_be_bytes());
        blob.extend_from_slice(&300.0f64.to_be_bytes());
        assert_eq!(decode_gpkg_point(&blob), Ok((-4.2, 14.5)));
        let mut line = gpkg_point(0.0, 0.0, 4326);
        line[9] = 2;
        assert_eq!(decode_gpkg_point(&line), Err(GeometryProblem::NotAPoint));
        assert_eq!(decode_gpkg_point(b"XX"), Err(GeometryProblem::Malformed));
        assert_eq!(
            decode_gpkg_point(&gpkg_point(0.0, 0.0, 4326)[..20]),
            Err(GeometryProblem::Malformed)
        );
        let mut empty = gpkg_point(f64::NAN, f64::NAN, 4326);
        assert_eq!(decode_gpkg_point(&empty), Err(GeometryProblem::Empty));
        empty[3] |= 0b0001_0000;
        assert_eq!(decode_gpkg_point(&empty), Err(GeometryProblem::Empty));
    }

    #[test]
    fn the_first_feature_layer_is_read_with_its_points() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.gpkg");
        write_gpkg(
            &path,
            4326,
            &[
                ("Sari", Some(gpkg_point(-4.2, 14.5, 4326))),
                ("Nowhere", None),
            ],
        );
        let table = read_gpkg(&path, "v.gpkg", None).unwrap();
        assert_eq!(table.columns, ["fid", "geom", "nom", "adm1"]);
        assert_eq!(table.rows[0].values[2], "Sari");
        assert_eq!(table.rows[0].point, Some((14.5, -4.2)));
        assert_eq!(table.rows[1].point, None);
        assert!(read_gpkg(&path, "v.gpkg", Some("villages \"2024\"")).is_ok());
        let err = read_gpkg(&path, "v.gpkg", Some("roads")).unwrap_err();
        assert!(
            err.to_string().contains("no feature layer \"roads\""),
            "{err}"
        );
    }

    #[test]
    fn a_projected_layer_or_a_plain_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("utm.gpkg");
        write_gpkg(&path, 32630, &[]);
        let err = read_gpkg(&path, "utm.gpkg", None).unwrap_err();
        assert!(err.to_string().contains("32630"), "{err}");
        let plain = dir.path().join("plain.gpkg");
        Connection::open(&plain)
            .unwrap()
            .execute_batch("CREATE TABLE t (x);")
            .unwrap();
        let err = read_gpkg(&plain, "plain.gpkg", None).unwrap_err();
        assert!(err.to_string().contains("not a GeoPackage"), "{err}");
        let text = dir.path().join("text.gpkg");
        std::fs::write(&text, "this is no database, just some text in a file .....").unwrap();
        let err = read_gpkg(&text, "text.gpkg", None).unwrap_err();
        assert!(err.to_string().starts_with("text.gpkg"), "{err}");
    }
}
