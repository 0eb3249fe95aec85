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
    let id = curated_id_in(&out);
    assert!(id < -1, "{out}");
    assert!(
        out.contains("Soum"),
        "the province comes from the point: {out}"
    );

    let json: Value = serde_json::from_str(&sandbox.ok(&["geocode", "--json", "Ouriyanga"]))
        .expect("geocode --json is JSON");
    assert_eq!(json[0][0]["geonameid"], id);

    let file = sandbox.path().join("curated.txt");
    let file = file.to_str().expect("UTF-8 path");
    sandbox.ok(&["gazetteer", "export-curated", "-o", file]);
    let text = std::fs::read_to_string(file).expect("the export was written");
    let row = text
        .lines()
        .find(|l| l.starts_with(&format!("{id}\t")))
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
    assert_eq!(json[0][0]["geonameid"], id);
    let explained = other.ok(&["geocode", "--explain", "Wuriyanga"]);
    assert!(
        explained.contains("curated: Field notes, March 2025"),
        "{explained}"
    );
}

/// The id in `gazetteer add`'s "added NAME as curated place ID at ..." line.
fn curated_id_in(out: &str) -> i64 {
    out.split("curated place ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no curated id in {out:?}"))
}

fn add_place(sandbox: &Sandbox, name: &str, lat: &str, lon: &str, source: &str) -> i64 {
    curated_id_in(&sandbox.ok(&[
        "gazetteer",
        "add",
        "--name",
        name,
        "--lat",
        lat,
        "--lon",
        lon,
        "--country",
        "BF",
        "--source",
        source,
    ]))
}

#[test]
fn a_colleagues_curated_file_never_replaces_this_analysts_own_places() {
    // Two analysts each add a village of their own.
    let alice = Sandbox::new();
    let bob = Sandbox::new();
    let wuriyanga = add_place(
        &alice,
        "Wuriyanga",
        "14.05",
        "-1.58",
        "Field notes, March 2025",
    );
    let tangaye = add_place(&bob, "Nabsintenga", "13.4", "-2.2", "A radio report");
    assert_ne!(wuriyanga, tangaye);

    // Bob reads Alice's export twice: her village arrives once, his stays.
    let file = alice.path().join("alice.txt");
    let file = file.to_str().expect("UTF-8 path");
    alice.ok(&["gazetteer", "export-curated", "-o", file]);
    bob.ok(&["gazetteer", "import", file]);
    bob.ok(&["gazetteer", "import", file]);
    let curated = bob.ok(&["gazetteer", "export-curated"]);
    let ids: Vec<&str> = curated
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .collect();
    let wuriyanga = wuriyanga.to_string();
    let tangaye = tangaye.to_string();
    let mut expected = vec!["-1", wuriyanga.as_str(), tangaye.as_str()];
    expected.sort_unstable();
    let mut ids = ids;
    ids.sort_unstable();
    assert_eq!(ids, expected, "{curated}");
    for (name, id) in [("Nabsintenga", &tangaye), ("Wuriyanga", &wuriyanga)] {
        let json: Value = serde_json::from_str(&bob.ok(&["geocode", "--json", name]))
            .expect("geocode --json is JSON");
        assert_eq!(json[0][0]["name"], name);
        assert_eq!(json[0][0]["geonameid"].to_string(), *id);
    }
}

#[test]
fn a_curated_file_from_an_older_build_with_counted_ids_does_not_collide() {
    let sandbox = Sandbox::new();
    let own = add_place(&sandbox, "Nabsintenga", "13.4", "-2.2", "A radio report");
    // Older builds counted curated ids down from -1: a colleague's -2.
    let old = sandbox.write(
        "old.txt",
        "-2\tWuriyanga\tWuriyanga\t\t14.05\t-1.58\tP\tPPL\tBF\t\t52\t\t\t\t0\t\t\t\t\tField notes\n",
    );
    sandbox.ok(&["gazetteer", "import", &old]);
    let json: Value =
        serde_json::from_str(&sandbox.ok(&["geocode", "--json", "Wuriyanga"])).expect("JSON");
    let id = json[0][0]["geonameid"].as_i64().expect("an id");
    assert!(id < -1 && id != own, "{id}");
    let json: Value =
        serde_json::from_str(&sandbox.ok(&["geocode", "--json", "Nabsintenga"])).expect("JSON");
    assert_eq!(json[0][0]["geonameid"], own);
}

#[test]
fn a_geonames_row_with_a_negative_id_cannot_replace_a_bundled_place() {
    let sandbox = Sandbox::new();
    let bad = sandbox.write(
        "bad.txt",
        "-1\tKpankankandi\tKpankankandi\t\t12.37\t-1.52\tP\tPPL\tBF\t\t53\t\t\t\t0\t\t\tAfrica/Ouagadougou\t2025-01-01\n",
    );
    let out = sandbox.run(&["gazetteer", "import", &bad]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("line 1") && err.contains("not a GeoNames id"),
        "{err}"
    );
    let json: Value =
        serde_json::from_str(&sandbox.ok(&["geocode", "--json", "Kpankankandi"])).expect("JSON");
    assert_eq!(json[0][0]["country_code"], "TG");
    assert_eq!(json[0][0]["geonameid"], -1);
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
    // Far from the five countries outlined in detail: Paris, typed as a
    // village of Burkina Faso.
    let out = sandbox.run(&[
        "gazetteer",
        "add",
        "--name",
        "Lutèce",
        "--lat",
        "48.85",
        "--lon",
        "2.35",
        "--country",
        "BF",
        "--source",
        "a test",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("lies in France, not in BF"),
        "{}",
        stderr(&out)
    );
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

// ---- Gazetteer reach: settlement lists from OpenStreetMap and OCHA/HDX ----

use super::pbf_writer::{TestNode, pbf_file};

/// Ids of imported places lie below this (`gazetteer::IMPORTED_ID_MAX`).
const IMPORTED_ID_MAX: i64 = -1_000_000_000_000;

fn osm_node(id: i64, lat: f64, lon: f64, tags: &[(&str, &str)]) -> TestNode {
    TestNode {
        id,
        lat,
        lon,
        tags: tags
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

/// The best candidate `geocode --json` gives for `name` in `country`.
fn best(sandbox: &Sandbox, name: &str, country: &str) -> Value {
    let out = sandbox.ok(&["geocode", "--json", "--country", country, name]);
    let json: Value = serde_json::from_str(&out).expect("geocode --json is JSON");
    json[0][0].clone()
}

fn assert_at(place: &Value, lat: f64, lon: f64) {
    let got = (
        place["lat"].as_f64().unwrap_or(f64::NAN),
        place["lon"].as_f64().unwrap_or(f64::NAN),
    );
    assert!(
        (got.0 - lat).abs() < 1e-6 && (got.1 - lon).abs() < 1e-6,
        "expected {lat}, {lon}: {place}"
    );
    let id = place["geonameid"].as_i64().unwrap_or(0);
    assert!(id <= IMPORTED_ID_MAX, "an imported id: {place}");
}

#[test]
fn an_osm_extract_loads_villages_that_geocode_then_finds_in_their_country() {
    let sandbox = Sandbox::new();
    let nodes = [
        // Two invented namesakes, one in Mali (Mopti) and one in Burkina Faso.
        osm_node(
            9001,
            14.5,
            -4.2,
            &[
                ("place", "village"),
                ("name", "Wendou Tiagui"),
                ("alt_name", "Wendu Tiagi;Ouendou Tiagui"),
            ],
        ),
        osm_node(
            9002,
            13.1,
            -1.1,
            &[("place", "hamlet"), ("name", "Wendou Tiagui")],
        ),
        osm_node(9003, 14.0, -1.0, &[("amenity", "well"), ("name", "Puits")]),
    ];
    let file = sandbox.write("sahel.osm.pbf", pbf_file(&nodes, true));
    let out = sandbox.ok(&["gazetteer", "import", &file]);
    assert!(out.contains("2 places imported from"), "{out}");

    let mali = best(&sandbox, "Wendou Tiagui", "ML");
    assert_at(&mali, 14.5, -4.2);
    assert_eq!(mali["country_code"], "ML");
    assert_eq!(mali["admin1"], "Mopti", "the region comes from the point");
    let burkina = best(&sandbox, "Wendou Tiagui", "BF");
    assert_at(&burkina, 13.1, -1.1);
    assert_eq!(burkina["country_code"], "BF");
    // An alternate name reaches the place too.
    assert_at(&best(&sandbox, "Ouendou Tiagui", "ML"), 14.5, -4.2);

    let explained = sandbox.ok(&["geocode", "--explain", "--country", "ML", "Wendou Tiagui"]);
    assert!(
        explained.contains("imported from OpenStreetMap (sahel.osm.pbf)"),
        "{explained}"
    );

    // The same extract again replaces its places rather than doubling them.
    let before = sandbox.store().place_count().expect("counting places");
    sandbox.ok(&["gazetteer", "import", &file]);
    assert_eq!(
        sandbox.store().place_count().expect("counting places"),
        before
    );
}

#[test]
fn an_hdx_csv_with_a_bom_and_semicolons_loads_and_reports_skipped_rows() {
    let sandbox = Sandbox::new();
    let csv = "\u{feff}featureNam;LAT;LONG;admin1Name_fr;admin1Pcode\n\
               Kobou Sebbe;14,52;-4,18;Mopti;ML05\n\
               Dialloube Peul;14.61;-4.05;;ML05\n\
               ;14.6;-4.1;Mopti;ML05\n\
               Sebbe Haut;123;-4.1;Mopti;ML05\n";
    let file = sandbox.write("mli_pplp_hdx.csv", csv);
    let out = sandbox.ok(&["gazetteer", "import", "--country", "ML", &file]);
    assert!(
        out.contains("2 places imported from")
            && out.contains("2 rows skipped: 1 without a name (row 4), 1 with a point outside"),
        "{out}"
    );
    let kobou = best(&sandbox, "Kobou Sebbe", "ML");
    assert_at(&kobou, 14.52, -4.18);
    assert_eq!(kobou["admin1"], "Mopti");
    let explained = sandbox.ok(&["geocode", "--explain", "Dialloube Peul"]);
    assert!(
        explained.contains("imported from mli_pplp_hdx.csv"),
        "{explained}"
    );
}

#[test]
fn a_geojson_settlement_list_with_named_columns_loads() {
    let sandbox = Sandbox::new();
    let geojson = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"NOM_LOC":"Kouni Peulh","AUTRES":"Kuni Pulh","PAYS":"Niger"},
         "geometry":{"type":"Point","coordinates":[1.45,14.2]}},
        {"type":"Feature","properties":{"NOM_LOC":"Zone","PAYS":"Niger"},
         "geometry":null}]}"#;
    let file = sandbox.write("ner_localites.geojson", geojson);
    let out = sandbox.ok(&[
        "gazetteer",
        "import",
        "--name-col",
        "NOM_LOC",
        "--alt-col",
        "AUTRES",
        "--country-col",
        "PAYS",
        "--source",
        "OCHA Niger, localités 2024",
        &file,
    ]);
    assert!(out.contains("1 place imported from"), "{out}");
    assert!(
        out.contains("1 row skipped: 1 without a usable latitude"),
        "{out}"
    );
    let kouni = best(&sandbox, "Kuni Pulh", "NE");
    assert_at(&kouni, 14.2, 1.45);
    assert_eq!(kouni["admin1"], "Tillabéri");
    let explained = sandbox.ok(&["geocode", "--explain", "Kouni Peulh"]);
    assert!(
        explained.contains("imported from OCHA Niger, localités 2024"),
        "{explained}"
    );
}

#[test]
fn a_geopackage_layer_loads_and_a_namesake_abroad_is_not_chosen() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("villages.gpkg");
    {
        let conn = rusqlite::Connection::open(&path).expect("creating the GeoPackage");
        conn.execute_batch(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY,
                 organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
             INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, '');
             CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT,
                 identifier TEXT, srs_id INTEGER);
             CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,
                 geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
             INSERT INTO gpkg_contents VALUES ('localites', 'features', 'localites', 4326);
             INSERT INTO gpkg_geometry_columns VALUES ('localites', 'geom', 'POINT', 4326, 0, 0);
             CREATE TABLE localites (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT, adm1_fr TEXT);",
        )
        .expect("GeoPackage tables");
        for (name, lon, lat, region) in [
            ("Gorom Peulh", -0.23, 14.44, "Sahel"),
            ("Gorom Peulh", 1.2, 14.0, "Tillabéri"),
        ] {
            conn.execute(
                "INSERT INTO localites (geom, name, adm1_fr) VALUES (?1, ?2, ?3)",
                rusqlite::params![
                    incident_atlas::export::gpkg_point(lon, lat, 4326),
                    name,
                    region
                ],
            )
            .expect("a feature");
        }
    }
    let file = path.to_str().expect("UTF-8 path");
    let out = sandbox.ok(&["gazetteer", "import", file]);
    assert!(out.contains("2 places imported from"), "{out}");
    let bf = best(&sandbox, "Gorom Peulh", "BF");
    assert_at(&bf, 14.44, -0.23);
    assert_eq!(bf["country_code"], "BF");
    let ne = best(&sandbox, "Gorom Peulh", "NE");
    assert_at(&ne, 14.0, 1.2);
    assert_eq!(ne["country_code"], "NE");
}

#[test]
fn a_malformed_file_fails_alone_and_leaves_the_database_unchanged() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["geocode", "Kaya"]); // creates the database
    let places = || sandbox.store().place_count().expect("counting places");
    let before = places();

    let no_latitude = sandbox.write("broken.csv", "name;where\nKobou;somewhere\n");
    let not_json = sandbox.write(
        "broken.geojson",
        "{\"type\": \"FeatureCollection\", \"features\": [",
    );
    let nodes = [osm_node(
        1,
        14.5,
        -4.2,
        &[("place", "village"), ("name", "Tronque")],
    )];
    let mut pbf = pbf_file(&nodes, true);
    pbf.truncate(pbf.len() - 7);
    let truncated = sandbox.write("cut.osm.pbf", pbf);
    for bad in [&no_latitude, &not_json, &truncated] {
        let out = sandbox.run(&["gazetteer", "import", bad]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        let name = std::path::Path::new(bad)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert!(err.contains(name), "the error names the file: {err}");
        assert_eq!(places(), before, "{bad} stored nothing");
    }
    let out = sandbox.run(&["gazetteer", "import", &no_latitude]);
    assert!(stderr(&out).contains("--lat-col"), "{}", stderr(&out));

    // One bad file among good ones: the good one is still imported.
    let good = sandbox.write("good.csv", "name,lat,lon\nKobou Sebbe,14.52,-4.18\n");
    let out = sandbox.run(&["gazetteer", "import", &not_json, &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 place imported from"));
    assert!(
        stderr(&out).contains("1 of 2 files failed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(places(), before + 1);
}

#[test]
fn an_endless_input_is_refused_quickly_and_the_next_file_still_imports() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["geocode", "Kaya"]); // creates the database
    let places = || sandbox.store().place_count().expect("counting places");
    let before = places();
    // A village GeoNames row of our own (id well above the bundled ones).
    let good = sandbox.write(
        "village.txt",
        "99000001\tKobou Sebbe\tKobou Sebbe\t\t14.52\t-1.18\tP\tPPL\tBF\t\t49\t\t\t\t0\t\t\t\t2025-01-01\n",
    );
    // `/dev/zero` never ends and has no line break: it once grew to 12 GB.
    let out = sandbox.run(&[
        "gazetteer",
        "import",
        "--format",
        "geonames",
        "/dev/zero",
        &good,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("/dev/zero, line 1: longer than"), "{err}");
    assert!(err.contains("1 of 2 files failed"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("village.txt: 1 place(s)"), "{stdout}");
    assert_eq!(places(), before + 1);
}
