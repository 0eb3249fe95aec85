//! Geocoding an analyst can check and correct from the command line:
//! `geocode --explain` shows why a place won, `gazetteer add` records a
//! village GeoNames lacks, `gazetteer export-curated` writes the curated
//! places back out in a form `gazetteer import` reads.

use serde_json::Value;

use super::{Sandbox, stderr};

#[test]
fn geocode_explain_prints_every_reason_with_its_points_and_the_total() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["geocode", "--explain", "--country", "BF", "Kaya"]);
    assert!(out.starts_with("Kaya:"), "{out}");
    assert!(out.contains("1. Kaya [P PPLA]"), "{out}");
    assert!(
        out.contains("+8.00  in Burkina Faso as the report says"),
        "{out}"
    );
    assert!(out.contains("+10.00  exact name"), "{out}");
    assert!(out.contains("total"), "{out}");
    // The namesakes are listed too, ranked below.
    assert!(out.contains("2. Kaya"), "{out}");
}

#[test]
fn geocode_explain_with_a_hint_says_the_hint_decided() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&[
        "geocode",
        "--explain",
        "--country",
        "BF",
        "--hint",
        "Loroum",
        "Solé",
    ]);
    let first = out.lines().nth(1).unwrap_or_default();
    assert!(first.contains("geonameid 10343439"), "{out}");
    assert!(out.contains("from Loroum, named beside it"), "{out}");
}

#[test]
fn a_curated_place_is_added_found_and_exported_for_reimport() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&[
        "gazetteer",
        "add",
        "--name",
        "Wuriyanga",
        "--lat",
        "14.05",
        "--lon",
        "-1.58",
        "--country",
        "BF",
        "--alt",
        "Ouriyanga",
        "--source",
        "Field notes, March 2025",
    ]);
    assert!(out.contains("curated place -2"), "{out}");
    assert!(
        out.contains("Soum"),
        "the province comes from the point: {out}"
    );

    let json: Value = serde_json::from_str(&sandbox.ok(&["geocode", "--json", "Ouriyanga"]))
        .expect("geocode --json is JSON");
    assert_eq!(json[0][0]["geonameid"], -2);

    let file = sandbox.path().join("curated.txt");
    let file = file.to_str().expect("UTF-8 path");
    sandbox.ok(&["gazetteer", "export-curated", "-o", file]);
    let text = std::fs::read_to_string(file).expect("the export was written");
    let row = text
        .lines()
        .find(|l| l.starts_with("-2\t"))
        .expect("the new place is exported");
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols.len(), 20, "{row}");
    assert_eq!(cols[1], "Wuriyanga");
    assert_eq!(cols[19], "Field notes, March 2025");
    assert!(
        text.lines().any(|l| l.starts_with("-1\t")),
        "the bundled curated place too"
    );

    // Into a fresh database: the place comes back with its source.
    let other = Sandbox::new();
    let copy = other.write("curated.txt", &text);
    let out = other.ok(&["gazetteer", "import", &copy]);
    assert!(out.contains("2 place(s)"), "{out}");
    let json: Value = serde_json::from_str(&other.ok(&["geocode", "--json", "Wuriyanga"]))
        .expect("geocode --json is JSON");
    assert_eq!(json[0][0]["geonameid"], -2);
    let explained = other.ok(&["geocode", "--explain", "Wuriyanga"]);
    assert!(
        explained.contains("curated: Field notes, March 2025"),
        "{explained}"
    );
}

#[test]
fn export_curated_without_a_file_writes_to_standard_output() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["gazetteer", "export-curated"]);
    assert!(out.starts_with('#'), "{out}");
    assert!(out.contains("Kpankankandi"), "{out}");
}

#[test]
fn a_curated_point_outside_its_country_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&[
        "gazetteer",
        "add",
        "--name",
        "Nowhere",
        "--lat",
        "13.09",
        "--lon",
        "-1.08",
        "--country",
        "TG",
        "--source",
        "a test",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Burkina Faso"), "{}", stderr(&out));
    let out = sandbox.run(&[
        "gazetteer",
        "add",
        "--name",
        "X",
        "--lat",
        "1",
        "--lon",
        "1",
        "--country",
        "TG",
    ]);
    assert_eq!(out.status.code(), Some(2), "--source is required");
}

#[test]
fn geocode_json_gives_the_points_of_each_reason() {
    let sandbox = Sandbox::new();
    let out = sandbox.ok(&["geocode", "--json", "--hint", "Soum", "Djibo"]);
    let json: Value = serde_json::from_str(&out).expect("geocode --json is JSON");
    let best = &json[0][0];
    assert_eq!(best["geonameid"], 2361177);
    let reasons = best["reasons"].as_array().expect("reasons");
    let points = best["points"].as_array().expect("points");
    assert_eq!(reasons.len(), points.len());
    let sum: f64 = points.iter().filter_map(Value::as_f64).sum();
    let score = best["score"].as_f64().expect("score");
    assert!((sum - score).abs() < 1e-6, "{sum} vs {score}");
}
