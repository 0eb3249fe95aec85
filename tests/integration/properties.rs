//! Property-based tests of every parser: report reading, dates (through
//! extraction), the CSV and GeoJSON importers, gazetteer lines and name
//! folding. Each runs a few hundred generated inputs in the normal suite;
//! its `_long` twin runs 100,000 under `cargo test -- --ignored`.
//!
//! What must hold for any input: no panic; what a parser hands on is
//! consistent (an evidence span inside its text, a point on the globe);
//! and an import that is refused leaves the database exactly as it was.
//! (Time per input is bounded by construction, the line and size limits,
//! and measured by tests/integration/scaling.rs and the benches rather than
//! by a clock here.)

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use rusqlite::Connection;

use incident_atlas::extract::extract;
use incident_atlas::gazetteer::{Gazetteer, GeoNamesRows, bundled, fold, read_geonames};
use incident_atlas::import::{COLUMNS, import_reader};
use incident_atlas::ingest::decode_report;
use incident_atlas::store::Store;

/// Cases in the normal suite, and in the long mode.
const QUICK: u32 = 256;
const LONG: u32 = 100_000;

/// Runs `test` on `cases` inputs drawn from `strategy`; a failure is
/// shrunk to the smallest input that still fails and reported with it.
fn check<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config {
        cases,
        // The failure is printed; no regression files in the source tree.
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let (places, admin) = bundled().expect("the bundled gazetteer parses");
        Gazetteer::new(places, admin)
    })
}

// ---- report reading -------------------------------------------------------

/// Bytes a report file might hold: text, markup, odd encodings, binary.
fn report_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2048),
        any::<String>().prop_map(String::into_bytes),
        "(<[a-zA-Z!/ ]{0,12}>|[A-Za-zéè ,.0-9]{0,30}|\u{feff}|&[a-z]{0,6};|\n){0,40}"
            .prop_map(String::into_bytes),
    ]
}

fn report_reading(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    if let Ok(text) = decode_report("generated", bytes) {
        prop_assert!(!text.trim().is_empty());
        prop_assert!(!text.contains('\0'));
    }
    Ok(())
}

#[test]
fn report_reading_never_panics() {
    check(QUICK, report_bytes(), report_reading);
}

#[test]
#[ignore = "long mode: cargo test -- --ignored"]
fn report_reading_never_panics_long() {
    check(LONG, report_bytes(), report_reading);
}

// ---- dates, through extraction -------------------------------------------

/// Sentences built from the words dates, places and tolls are read from, in
/// both languages, in any order: the date rules meet every combination.
fn report_text() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("on"),
        Just("le"),
        Just("the"),
        Just("next"),
        Just("day"),
        Just("lendemain"),
        Just("la"),
        Just("veille"),
        Just("two"),
        Just("days"),
        Just("later"),
        Just("since"),
        Just("Saturday"),
        Just("samedi"),
        Just("Friday"),
        Just("prayers"),
        Just("night"),
        Just("of"),
        Just("to"),
        Just("du"),
        Just("au"),
        Just("March"),
        Just("mars"),
        Just("juillet"),
        Just("31"),
        Just("29"),
        Just("1er"),
        Just("0"),
        Just("2024"),
        Just("1899"),
        Just("9999"),
        Just("Djibo"),
        Just("Kaya"),
        Just("Barsalogho"),
        Just("Mali"),
        Just("Niger:"),
        Just("gunmen"),
        Just("killed"),
        Just("tués"),
        Just("attacked"),
        Just("attaque"),
        Just("12"),
        Just("soldiers"),
        Just("civils"),
        Just("road"),
        Just("axe"),
        Just("Dori-Gorom"),
        Just("."),
        Just(","),
        Just("\n"),
        Just("—"),
        Just("(AFP)"),
        Just("NIAMEY,"),
        Just("Published:"),
        Just("2025-02-30"),
    ];
    (
        proptest::collection::vec(words, 0..80),
        proptest::collection::vec(any::<char>(), 0..4),
    )
        .prop_map(|(words, noise)| {
            let mut text = words.join(" ");
            text.extend(noise);
            text
        })
}

fn extraction(text: String) -> Result<(), TestCaseError> {
    let published = NaiveDate::from_ymd_opt(2024, 8, 25);
    let found = extract(&text, published, gazetteer());
    for incident in &found.incidents {
        let span = incident.evidence;
        prop_assert!(span.start <= span.end && span.end <= text.len());
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let year = chrono::Datelike::year(&incident.event_date);
        prop_assert!((1900..=2100).contains(&year), "{}", incident.event_date);
        let at = &incident.location;
        prop_assert!(at.latitude.abs() <= 90.0 && at.longitude.abs() <= 180.0);
    }
    Ok(())
}

#[test]
fn extraction_never_panics_and_keeps_spans_and_dates_sane() {
    check(QUICK, report_text(), extraction);
}

#[test]
#[ignore = "long mode: cargo test -- --ignored"]
fn extraction_never_panics_and_keeps_spans_and_dates_sane_long() {
    check(LONG, report_text(), extraction);
}

// ---- the importers --------------------------------------------------------

/// A value an ACLED column might hold, well-formed or not.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2024-03-23".to_owned()),
        Just("23 March 2024".to_owned()),
        Just("Battles".to_owned()),
        Just("854".to_owned()),
        Just("Burkina Faso".to_owned()),
        Just("Mali".to_owned()),
        "-?[0-9]{1,3}(\\.[0-9]{1,5})?",
        "[0-9]{1,4}",
        "[A-Za-z ,\"\n]{0,12}",
        any::<String>(),
    ]
}

/// A CSV with ACLED's header (or part of it) and generated rows.
fn acled_csv() -> impl Strategy<Value = Vec<u8>> {
    let rows = proptest::collection::vec(proptest::collection::vec(field(), COLUMNS.len()), 0..6);
    (rows, 0..=COLUMNS.len(), any::<bool>()).prop_map(|(rows, keep, quote)| {
        let mut out = COLUMNS[..keep].join(",");
        out.push('\n');
        for row in rows {
            let cells: Vec<String> = row
                .into_iter()
                .take(keep.max(1))
                .map(|v| {
                    if quote {
                        format!("\"{}\"", v.replace('"', "\"\""))
                    } else {
                        v
                    }
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out.into_bytes()
    })
}

/// A GeoJSON document: a FeatureCollection of generated features, or JSON
/// that is almost one.
fn geojson() -> impl Strategy<Value = Vec<u8>> {
    let coordinate = prop_oneof![
        Just("-1.63".to_owned()),
        Just("14.1".to_owned()),
        "-?[0-9]{1,3}(\\.[0-9]{1,3})?",
        Just("\"x\"".to_owned()),
        Just("null".to_owned())
    ];
    let feature = (
        coordinate.clone(),
        coordinate,
        field(),
        field(),
        field(),
        any::<bool>(),
    )
        .prop_map(|(lon, lat, date, kind, iso, point)| {
            let geometry = if point {
                format!(r#"{{"type":"Point","coordinates":[{lon},{lat}]}}"#)
            } else {
                format!(r#"{{"type":"LineString","coordinates":[[{lon},{lat}]]}}"#)
            };
            let props = serde_json::json!({
                "event_date": date, "event_type": kind, "iso": iso, "location": "Djibo",
            });
            format!(r#"{{"type":"Feature","geometry":{geometry},"properties":{props}}}"#)
        });
    (
        proptest::collection::vec(feature, 0..5),
        0usize..40,
        any::<bool>(),
    )
        .prop_map(|(features, cut, truncate)| {
            let mut text = format!(
                r#"{{"type":"FeatureCollection","features":[{}]}}"#,
                features.join(",")
            );
            if truncate {
                // Cut anywhere, on a character boundary: a download that stopped.
                let mut at = text.len().saturating_sub(cut);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.truncate(at);
            }
            text.into_bytes()
        })
}

/// The number of reports and incidents, and the file's schema state.
fn counts(conn: &Connection) -> (i64, i64) {
    let count = |table: &str| {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .expect("counting")
    };
    (count("reports"), count("incidents"))
}

/// Imports each generated input into one database: a refusal changes
/// nothing, a success adds exactly one report and its rows.
fn importing(cases: u32, strategy: impl Strategy<Value = Vec<u8>>) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = dir.path().join("p.sqlite");
    Store::open(&db).expect("a new database");
    let conn = std::cell::RefCell::new(incident_atlas::import::connect(&db).expect("connecting"));
    let watcher = Connection::open(&db).expect("a second connection");
    check(cases, strategy, |bytes| {
        let before = counts(&watcher);
        let mut conn = conn.borrow_mut();
        let result = import_reader(&mut conn, Path::new("generated"), &bytes[..], &mut |_| {});
        let after = counts(&watcher);
        match result {
            Err(_) => prop_assert_eq!(after, before, "a refused import changed the database"),
            Ok(s) if s.duplicate => prop_assert_eq!(after, before),
            Ok(s) => {
                prop_assert_eq!(after.0, before.0 + 1);
                prop_assert_eq!(after.1, before.1 + s.rows as i64);
            }
        }
        Ok(())
    });
}

#[test]
fn csv_import_refuses_cleanly_or_stores_every_row() {
    importing(QUICK, acled_csv());
}

#[test]
#[ignore = "long mode: cargo test -- --ignored"]
fn csv_import_refuses_cleanly_or_stores_every_row_long() {
    importing(LONG, acled_csv());
}

#[test]
fn geojson_import_refuses_cleanly_or_stores_every_row() {
    importing(QUICK, geojson());
}

#[test]
#[ignore = "long mode: cargo test -- --ignored"]
fn geojson_import_refuses_cleanly_or_stores_every_row_long() {
    importing(LONG, geojson());
}

// ---- gazetteer lines ------------------------------------------------------

/// GeoNames-like files: rows of tab-separated cells, some well-formed.
fn geonames_file() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        "[0-9]{1,9}",
        "-?[0-9]{1,3}\\.[0-9]{1,5}",
        "[A-Za-zé' -]{0,10}",
        Just("P".to_owned()),
        Just("PPL".to_owned()),
        Just("BF".to_owned()),
        Just("BF.49".to_owned()),
        any::<String>(),
    ];
    // Mostly the column counts the formats have, sometimes any other.
    let width = prop_oneof![Just(4usize), Just(19), Just(20), 0usize..24];
    let row = width.prop_flat_map(move |n| proptest::collection::vec(cell.clone(), n));
    (proptest::collection::vec(row, 0..6), any::<bool>()).prop_map(|(rows, crlf)| {
        let end = if crlf { "\r\n" } else { "\n" };
        rows.iter()
            .map(|r| r.join("\t"))
            .collect::<Vec<_>>()
            .join(end)
            .into_bytes()
    })
}

fn gazetteer_lines(bytes: Vec<u8>) -> Result<(), TestCaseError> {
    if let Ok(Some(GeoNamesRows::Places(places))) = read_geonames(&bytes[..], "generated") {
        for p in places {
            prop_assert!(p.latitude.abs() <= 90.0 && p.longitude.abs() <= 180.0);
        }
    }
    Ok(())
}

#[test]
fn gazetteer_lines_never_panic_and_points_stay_on_the_globe() {
    check(QUICK, geonames_file(), gazetteer_lines);
}

#[test]
#[ignore = "long mode: cargo test -- --ignored"]
fn gazetteer_lines_never_panic_and_points_stay_on_the_globe_long() {
    check(LONG, geonames_file(), gazetteer_lines);
}

// ---- name folding ---------------------------------------------------------

fn name() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[A-Za-zÀ-ÿŒœ'’ -]{0,24}"]
}

fn folding(name: String) -> Result<(), TestCaseError> {
    let once = fold(&name);
    // Folding what is folded changes nothing: the index and the query meet.
    prop_assert_eq!(fold(&once), once.clone());
    // Lower case: what has a lower-case form is in it ("𝕆" has none).
    prop_assert_eq!(once.to_lowercase(), once.clone());
    Ok(())
}

#[test]
fn folding_is_idempotent_and_lower_case() {
    check(QUICK, name(), folding);
}

#[test]
#[ignore = "long mode: cargo test -- --ignored"]
fn folding_is_idempotent_and_lower_case_long() {
    check(LONG, name(), folding);
}
