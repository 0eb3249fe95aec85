//! Ingest then export: the GeoJSON an analyst gets out, and its filters.

use serde_json::Value;

use super::{DJIBO_REPORT, KAYA_REPORT, Sandbox, stderr};

fn features(geojson: &str) -> Vec<Value> {
    let json: Value = serde_json::from_str(geojson).expect("export is JSON");
    assert_eq!(json["type"], "FeatureCollection");
    assert!(json.get("crs").is_none(), "RFC 7946 has no crs member");
    json["features"].as_array().expect("features").clone()
}

fn sandbox_with_two_reports() -> Sandbox {
    let sandbox = Sandbox::new();
    let djibo = sandbox.write("djibo.txt", DJIBO_REPORT);
    let kaya = sandbox.write("kaya.txt", KAYA_REPORT);
    sandbox.ok(&["ingest", &djibo, &kaya]);
    sandbox
}

fn is_djibo(feature: &Value) -> bool {
    let c = &feature["geometry"]["coordinates"];
    let (lon, lat) = (c[0].as_f64().unwrap_or(0.0), c[1].as_f64().unwrap_or(0.0));
    (lon - -1.63).abs() < 0.2 && (lat - 14.10).abs() < 0.2
}

#[test]
fn an_ingested_report_exports_as_a_lon_lat_point_at_djibo() {
    let sandbox = Sandbox::new();
    let file = sandbox.write("djibo.txt", DJIBO_REPORT);
    sandbox.ok(&["ingest", &file]);
    let features = features(&sandbox.ok(&["export", "--format", "geojson"]));
    assert_eq!(features.len(), 1, "one attack, one feature: {features:?}");
    let f = &features[0];
    assert_eq!(f["type"], "Feature");
    assert_eq!(f["geometry"]["type"], "Point");
    assert!(is_djibo(f), "[lon, lat] near Djibo: {}", f["geometry"]);
    let p = &f["properties"];
    assert_eq!(p["event_id"], f["id"]);
    assert!(
        p["event_id"]
            .as_str()
            .is_some_and(|id| id.starts_with("IA-"))
    );
    assert_eq!(p["event_date"], "2025-05-10");
    assert_eq!(p["time_precision"], 1);
    assert_eq!(p["country_code"], "BF");
    assert_eq!(p["location"], "Djibo");
    assert_eq!(p["source"], "djibo.txt");
    assert_eq!(p["longitude"], f["geometry"]["coordinates"][0]);
    assert_eq!(p["latitude"], f["geometry"]["coordinates"][1]);
    for key in [
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "fatalities",
        "country",
        "admin1",
        "admin2",
        "geo_precision",
        "notes",
        "weapons",
    ] {
        assert!(p.get(key).is_some(), "missing property {key}");
    }
}

#[test]
fn the_date_window_filters_the_export() {
    let sandbox = sandbox_with_two_reports();
    let all = features(&sandbox.ok(&["export"]));
    assert!(all.len() >= 2, "both reports exported: {all:?}");
    let recent = features(&sandbox.ok(&["export", "--from", "2025-01-01"]));
    assert!(!recent.is_empty());
    assert!(recent.iter().all(|f| {
        f["properties"]["event_date"]
            .as_str()
            .is_some_and(|d| d >= "2025-01-01")
    }));
    let old = features(&sandbox.ok(&["export", "--to", "2024-12-31"]));
    assert_eq!(old.len() + recent.len(), all.len());
    let none = features(&sandbox.ok(&["export", "--from", "2019-01-01", "--to", "2019-12-31"]));
    assert!(none.is_empty());
}

#[test]
fn the_bounding_box_filters_the_export() {
    let sandbox = sandbox_with_two_reports();
    let around_djibo = features(&sandbox.ok(&["export", "--bbox", "-2,13.8,-1.3,14.4"]));
    assert!(!around_djibo.is_empty());
    assert!(around_djibo.iter().all(is_djibo));
    let atlantic = features(&sandbox.ok(&["export", "--bbox=-40,-10,-30,0"]));
    assert!(atlantic.is_empty());
}

#[test]
fn export_to_a_file_replaces_it_and_reports_the_count() {
    let sandbox = sandbox_with_two_reports();
    let target = sandbox.write("out.geojson", "stale contents");
    let out = sandbox.run(&["export", "-o", &target]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("exported"));
    let written = std::fs::read_to_string(&target).expect("export file");
    assert!(!features(&written).is_empty());
}

#[test]
fn an_export_into_a_missing_directory_fails_without_creating_anything() {
    let sandbox = sandbox_with_two_reports();
    let target = sandbox.path().join("nope").join("out.geojson");
    let out = sandbox.run(&["export", "-o", target.to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!target.exists());
}
