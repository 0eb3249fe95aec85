//! The bad-input corpus (`tests/fixtures/bad/`): every file is refused with
//! a message naming the file and the line, a non-zero exit, and the
//! database exactly as it was: no commit at all (`PRAGMA data_version` seen
//! from a connection held across the run does not move) and the same counts.

use std::path::PathBuf;

use rusqlite::Connection;

use super::acled_rows;
use super::{DJIBO_REPORT, Sandbox, stderr};

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "bad", name]
        .iter()
        .collect();
    assert!(path.exists(), "missing fixture {}", path.display());
    path.to_str().expect("UTF-8 path").to_owned()
}

/// A database with something in it: a report and an imported file.
fn populated() -> Sandbox {
    let sandbox = Sandbox::new();
    let report = sandbox.write("djibo.txt", DJIBO_REPORT);
    sandbox.ok(&["ingest", &report]);
    let csv = sandbox.write("good.csv", acled_rows::csv(8));
    sandbox.ok(&["import", &csv]);
    sandbox
}

fn counts(conn: &Connection) -> Vec<i64> {
    ["reports", "incidents", "places", "admin_codes", "meta"]
        .iter()
        .map(|table| {
            // Table names are fixed strings from the list above.
            conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
                .expect("count")
        })
        .collect()
}

fn data_version(conn: &Connection) -> i64 {
    conn.pragma_query_value(None, "data_version", |r| r.get(0))
        .expect("data_version")
}

/// Runs `args` + `file` and checks the refusal and the untouched database.
fn refused(sandbox: &Sandbox, args: &[&str], file: &str, expected: &[&str]) -> String {
    let conn = Connection::open(&sandbox.db).expect("watching connection");
    let (version, before) = (data_version(&conn), counts(&conn));
    let mut all = args.to_vec();
    all.push(file);
    let out = sandbox.run(&all);
    let message = stderr(&out);
    assert!(
        !out.status.success(),
        "{args:?} {file} succeeded:\n{message}"
    );
    let name = std::path::Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .expect("file name");
    assert!(
        message.contains(name),
        "the message names {name}:\n{message}"
    );
    for fragment in expected {
        assert!(
            message.contains(fragment),
            "expected {fragment:?} in:\n{message}"
        );
    }
    assert_eq!(
        data_version(&conn),
        version,
        "{name}: something was committed"
    );
    assert_eq!(counts(&conn), before, "{name}: the counts changed");
    message
}

#[test]
fn every_file_of_the_bad_corpus_is_refused_without_touching_the_database() {
    let sandbox = populated();
    let import = ["import"];
    let cases: &[(&[&str], &str, &[&str])] = &[
        (&import, "truncated.geojson", &["line 2", "EOF"]),
        (&import, "invalid.geojson", &["line 2"]),
        (&import, "linestring.geojson", &["line 3", "LineString"]),
        // A check on a whole feature is reported where the feature ends.
        (
            &import,
            "out_of_range.geojson",
            &["line 4", "latitude 123.4"],
        ),
        (&import, "swapped.csv", &["line 3", "swapped"]),
        (
            &import,
            "latitude_over_90.csv",
            &["line 3", "latitude 101.5"],
        ),
        (&import, "not_utf8.csv", &["line 3", "utf-8"]),
        (&import, "empty.csv", &["empty"]),
        (
            &import,
            "missing_columns.csv",
            &["line 1", "latitude", "longitude"],
        ),
        (&import, "extra_field.csv", &["line 3", "fields"]),
        (
            &["gazetteer", "import"],
            "geonames_missing_fields.txt",
            &["line 2"],
        ),
        (&["ingest"], "binary_report.txt", &["binary"]),
    ];
    for (args, name, expected) in cases {
        refused(&sandbox, args, &fixture(name), expected);
    }
}

#[test]
fn a_bad_file_among_good_ones_is_the_only_one_refused() {
    let sandbox = populated();
    let good = sandbox.write("more.csv", acled_rows::csv(20).replace("TST", "MORE"));
    let before = sandbox.store().incident_count().expect("count");
    let out = sandbox.run(&["import", &fixture("swapped.csv"), &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("1 of 2 files failed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        sandbox.store().incident_count().expect("count"),
        before + 20
    );
}

#[test]
fn a_100_mb_single_line_is_refused_at_the_line_limit() {
    let sandbox = populated();
    let huge = sandbox.path().join("one-line.csv");
    {
        use std::io::Write;
        let mut file = std::io::BufWriter::new(std::fs::File::create(&huge).expect("create"));
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..100 {
            file.write_all(&chunk).expect("write");
        }
        file.flush().expect("flush");
    }
    // The limit (16 MiB, room for a row of 64 fields at the field limit)
    // is what stops it, not the end of the file.
    let message = refused(
        &sandbox,
        &["import"],
        huge.to_str().expect("UTF-8 path"),
        &["line 1", "longer than 16777216 bytes"],
    );
    assert!(!message.contains("104857600"), "{message}");
}

/// A GeoJSON file of one Djibo feature whose `notes` is `notes`.
fn feature_with_notes(notes: &str) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature",
        "geometry":{{"type":"Point","coordinates":[-1.63,14.1]}},
        "properties":{{"event_id_cnty":"BFA1","event_date":"2024-05-02",
        "event_type":"Battles","iso":"854","country":"Burkina Faso",
        "location":"Djibo","notes":"{notes}"}}}}]}}"#
    )
}

#[test]
fn notes_at_the_field_limit_round_trip_through_csv_and_longer_ones_are_refused() {
    use incident_atlas::model::MAX_FIELD_BYTES;

    let sandbox = populated();
    // Past the limit: refused naming the column, whatever the format, so
    // that nothing stored is too long for the CSV reader to take back.
    let too_long = sandbox.write(
        "long.geojson",
        feature_with_notes(&"n".repeat(MAX_FIELD_BYTES + 1)),
    );
    refused(
        &sandbox,
        &["import"],
        &too_long,
        &["\"notes\"", "more than the 262144 bytes a field may hold"],
    );

    let at_limit = sandbox.write(
        "limit.geojson",
        feature_with_notes(&"n".repeat(MAX_FIELD_BYTES)),
    );
    sandbox.ok(&["import", &at_limit]);
    let csv = sandbox.path().join("out.csv");
    let csv = csv.to_str().expect("UTF-8 path");
    sandbox.ok(&["export", "--format", "csv", "-o", csv]);

    let other = Sandbox::new();
    other.ok(&["import", csv]);
    let store = other.store();
    let longest = store
        .incidents(&incident_atlas::store::IncidentFilter::default())
        .expect("incidents")
        .iter()
        .map(|i| i.data.notes.len())
        .max();
    assert_eq!(longest, Some(MAX_FIELD_BYTES));
}
