//! Import and export through the binary: ACLED CSV both ways, GeoJSON back
//! in, and the GeoPackage's required tables read with plain SQLite.

use rusqlite::Connection;

use super::acled_rows;
use super::{DJIBO_REPORT, Sandbox, stderr};

#[test]
fn an_imported_acled_csv_exports_back_byte_for_byte_with_our_three_columns_after() {
    let sandbox = Sandbox::new();
    let text = acled_rows::csv(60);
    let file = sandbox.write("acled.csv", &text);
    let out = sandbox.ok(&["import", &file]);
    assert!(out.contains("60 incident(s)"), "{out}");
    let exported = sandbox.ok(&["export", "--format", "csv"]);
    // ACLED's columns come back unchanged; ours follow, at their defaults
    // since an ACLED download has none: medium, no reasons, unreviewed.
    let mut a: Vec<String> = text.lines().map(|l| format!("{l},medium,,false")).collect();
    a[0] = format!(
        "{},confidence,confidence_reasons,reviewed",
        text.lines().next().expect("a header")
    );
    let mut b: Vec<String> = exported.lines().map(str::to_owned).collect();
    assert_eq!(a[0], b[0], "the header is ACLED's, then ours");
    // Export orders by date, then id; compare as sets of lines.
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
}

/// Marks every incident of the sandbox's database reviewed.
fn accept_all(sandbox: &Sandbox) {
    let mut store = sandbox.store();
    for incident in store.incidents(&Default::default()).expect("incidents") {
        assert!(store.set_reviewed(incident.id, true).expect("accepting"));
    }
}

#[test]
fn confidence_and_review_survive_a_csv_and_a_geojson_trip_into_another_database() {
    let first = Sandbox::new();
    let report = first.write("djibo.txt", DJIBO_REPORT);
    first.ok(&["ingest", &report]);
    accept_all(&first);
    let original = first
        .store()
        .incidents(&Default::default())
        .expect("incidents");
    let csv = first.ok(&["export", "--format", "csv"]);
    let header: Vec<&str> = csv.lines().next().expect("header").split(',').collect();
    assert_eq!(
        header[header.len() - 3..],
        ["confidence", "confidence_reasons", "reviewed"]
    );
    assert!(
        csv.lines().nth(1).is_some_and(|l| l.ends_with(",true")),
        "{csv}"
    );
    let geojson = first.ok(&["export", "--format", "geojson"]);
    let layer: serde_json::Value = serde_json::from_str(&geojson).expect("GeoJSON");
    let properties = &layer["features"][0]["properties"];
    assert_eq!(properties["reviewed"], true);
    assert_eq!(
        properties["confidence"],
        original[0].data.confidence.label()
    );
    assert!(properties["confidence_reasons"].is_array(), "{properties}");

    for (name, text) in [("from-first.csv", &csv), ("from-first.geojson", &geojson)] {
        let second = Sandbox::new();
        let file = second.write(name, text);
        second.ok(&["import", &file]);
        let back = second
            .store()
            .incidents(&Default::default())
            .expect("incidents");
        assert_eq!(back.len(), original.len(), "{name}");
        for (b, o) in back.iter().zip(&original) {
            assert!(b.reviewed, "{name}");
            assert_eq!(b.data.confidence, o.data.confidence, "{name}");
            assert_eq!(
                b.data.confidence_reasons, o.data.confidence_reasons,
                "{name}"
            );
        }
    }
}

#[test]
fn an_extracted_incident_survives_csv_export_and_import_into_another_database() {
    let first = Sandbox::new();
    let report = first.write("djibo.txt", DJIBO_REPORT);
    first.ok(&["ingest", &report]);
    let csv = first.ok(&["export", "--format", "csv"]);
    assert!(
        csv.lines().nth(1).is_some_and(|l| l.contains(",854,")),
        "{csv}"
    );
    let second = Sandbox::new();
    let file = second.write("from-first.csv", &csv);
    second.ok(&["import", &file]);
    assert_eq!(second.ok(&["export", "--format", "csv"]), csv);
}

#[test]
fn a_geojson_export_imports_into_another_database_with_the_same_features() {
    let first = Sandbox::new();
    let file = first.write("acled.csv", acled_rows::csv(12));
    first.ok(&["import", &file]);
    let geojson = first.ok(&["export", "--format", "geojson"]);
    let second = Sandbox::new();
    let file = second.write("layer.geojson", &geojson);
    let out = second.ok(&["import", &file]);
    assert!(out.contains("12 incident(s)"), "{out}");
    let again = second.ok(&["export", "--format", "geojson"]);
    let strip_ids = |s: &str| -> Vec<serde_json::Value> {
        let v: serde_json::Value = serde_json::from_str(s).expect("GeoJSON");
        v["features"]
            .as_array()
            .expect("features")
            .iter()
            .map(|f| {
                let mut p = f["properties"].clone();
                p["event_id"] = serde_json::Value::Null;
                serde_json::json!([f["geometry"], p])
            })
            .collect()
    };
    assert_eq!(strip_ids(&geojson), strip_ids(&again));
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("acled.csv", acled_rows::csv(5));
    sandbox.ok(&["import", &file]);
    let again = sandbox.ok(&["import", &file]);
    assert!(again.contains("already imported"), "{again}");
    assert_eq!(sandbox.store().incident_count().expect("count"), 5);
}

#[test]
fn a_geopackage_has_the_required_tables_header_and_spatial_index() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("acled.csv", acled_rows::csv(30));
    sandbox.ok(&["import", &file]);
    let gpkg = sandbox.path().join("out.gpkg");
    let gpkg_arg = gpkg.to_str().expect("UTF-8 path");
    sandbox.ok(&["export", "--format", "gpkg", "-o", gpkg_arg]);
    let conn = Connection::open(&gpkg).expect("a GeoPackage is SQLite");
    let pragma = |name: &str| -> i64 {
        conn.pragma_query_value(None, name, |r| r.get(0))
            .expect("pragma")
    };
    assert_eq!(pragma("application_id"), 0x4750_4B47);
    assert_eq!(pragma("user_version"), 10400);
    let srs: Vec<i64> = conn
        .prepare("SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("srs ids");
    assert_eq!(srs, [-1, 0, 4326]);
    let (data_type, srs_id): (String, i64) = conn
        .query_row(
            "SELECT data_type, srs_id FROM gpkg_contents WHERE table_name = 'incidents'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("contents row");
    assert_eq!((data_type.as_str(), srs_id), ("features", 4326));
    let geometry_type: String = conn
        .query_row(
            "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'incidents' AND column_name = 'geom'",
            [],
            |r| r.get(0),
        )
        .expect("geometry column row");
    assert_eq!(geometry_type, "POINT");
    let extension: String = conn
        .query_row(
            "SELECT extension_name FROM gpkg_extensions WHERE table_name = 'incidents'",
            [],
            |r| r.get(0),
        )
        .expect("rtree extension row");
    assert_eq!(extension, "gpkg_rtree_index");
    let mut stmt = conn
        .prepare(
            "SELECT i.geom, i.longitude, i.latitude, r.minx, r.miny FROM incidents i
             JOIN rtree_incidents_geom r ON r.id = i.fid",
        )
        .expect("join features with the index");
    let rows: Vec<(Vec<u8>, f64, f64, f64, f64)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .and_then(Iterator::collect)
        .expect("features");
    assert_eq!(rows.len(), 30, "every feature is in the R-tree");
    for (blob, lon, lat, minx, miny) in rows {
        assert_eq!(&blob[..4], b"GP\x00\x01");
        assert_eq!(
            i32::from_le_bytes(blob[4..8].try_into().expect("4 bytes")),
            4326
        );
        assert_eq!(blob[8], 1, "little-endian WKB");
        assert_eq!(
            u32::from_le_bytes(blob[9..13].try_into().expect("4 bytes")),
            1
        );
        let x = f64::from_le_bytes(blob[13..21].try_into().expect("8 bytes"));
        let y = f64::from_le_bytes(blob[21..29].try_into().expect("8 bytes"));
        assert_eq!((x, y), (lon, lat));
        // The R-tree stores 32-bit floats, rounded outwards.
        assert!((minx - lon).abs() < 1e-4 && (miny - lat).abs() < 1e-4);
    }
    let date_type: String = conn
        .query_row(
            "SELECT type FROM pragma_table_info('incidents') WHERE name = 'event_date'",
            [],
            |r| r.get(0),
        )
        .expect("event_date column");
    assert_eq!(date_type, "DATE");
    let ours: Vec<(String, String)> = conn
        .prepare(
            "SELECT name, type FROM pragma_table_info('incidents')
             WHERE name IN ('confidence', 'confidence_reasons', 'reviewed') ORDER BY cid",
        )
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("our columns");
    let ours: Vec<(&str, &str)> = ours.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    assert_eq!(
        ours,
        [
            ("confidence", "TEXT"),
            ("confidence_reasons", "TEXT"),
            ("reviewed", "BOOLEAN")
        ]
    );
    let (confidence, reviewed): (String, i64) = conn
        .query_row(
            "SELECT confidence, reviewed FROM incidents LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("a feature");
    assert_eq!((confidence.as_str(), reviewed), ("medium", 0));
}

#[test]
fn a_geopackage_needs_an_output_file() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["export", "--format", "gpkg"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--output"), "{}", stderr(&out));
}

#[test]
fn a_long_import_and_streamed_exports_are_searchable_and_print_no_progress_into_a_pipe() {
    let sandbox = Sandbox::new();
    // More rows than the importer's progress interval.
    let file = sandbox.write("many.csv", acled_rows::csv(25_000));
    let import = sandbox.run(&["import", &file]);
    assert!(import.status.success(), "{}", stderr(&import));
    assert_eq!(
        stderr(&import),
        "",
        "no progress line when stderr is a pipe"
    );
    let store = sandbox.store();
    assert_eq!(store.search("village 24999").expect("search").len(), 1);
    for format in ["geojson", "csv", "gpkg"] {
        let target = sandbox.path().join(format!("out.{format}"));
        let target = target.to_string_lossy();
        let out = sandbox.run(&["export", "--format", format, "-o", &target]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            stderr(&out),
            format!("exported 25000 incident(s) to {target}\n"),
            "{format}"
        );
    }
    let geojson: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sandbox.path().join("out.geojson")).expect("read"))
            .expect("GeoJSON");
    assert_eq!(
        geojson["features"].as_array().expect("features").len(),
        25_000
    );
    assert_eq!(
        geojson["features"][0]["properties"]["source"],
        "Invented source 0"
    );
}
