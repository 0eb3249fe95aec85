//! Importer tests against real database files in a temporary directory:
//! round trips through both formats, duplicates, and all-or-nothing.

use std::path::{Path, PathBuf};

use super::*;
use crate::export::{Extras, write_acled_csv, write_geojson};
use crate::store::IncidentFilter;

/// Invented rows in ACLED's layout; the second uses the older date style,
/// the third has every optional column empty.
const ACLED: &str = "\
event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
BFO9001,2024-07-21,2024,1,Political violence,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,Military Forces of Burkina Faso (2022-),VDP: Volunteers for the Defense of the Homeland,1,12,,854,Western Africa,Burkina Faso,Sahel,Soum,Djibo,Djibo,14.1022,-1.6306,1,Invented Wire; Local Radio,National-Regional,\"Invented row, with a comma and \"\"quotes\"\".\",12,crowd size=no report,1721900000
MLI9002,21 July 2023,2023,2,Political violence,Violence against civilians,Attack,Unidentified Armed Group (Mali),,3,Civilians (Mali),Farmers (Mali),7,37,Civilian targeting,466,Western Africa,Mali,Mopti,Bandiagara,Bandiagara,Sangha,14.4667,-3.3,2,Invented Paper,Subnational,Second invented row.,0,,1690000000
NIG9003,2025-01-05,2025,3,,Strategic developments,Other,Military Forces of Niger (2023-),,,,,,,,562,,Niger,Tillaberi,,,Ayorou,14.7308,0.9174,3,,,,0,,
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn export_csv(db: &Path) -> String {
    let store = Store::open(db).unwrap();
    let incidents = store.incidents(&IncidentFilter::default()).unwrap();
    let extras = Extras::load(&connect(db).unwrap()).unwrap();
    let mut out = Vec::new();
    write_acled_csv(&incidents, &extras, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn records(text: &str) -> Vec<::csv::StringRecord> {
    ::csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn an_acled_csv_exports_back_column_for_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let file = write(dir.path(), "acled.csv", ACLED);
    let summary = import_into(&db, &file).unwrap();
    assert_eq!((summary.rows, summary.duplicate), (3, false));
    assert_eq!(summary.format, Format::AcledCsv);
    let exported = export_csv(&db);
    // The export is ordered by date; compare in the file's order.
    let (before, mut after) = (records(ACLED), records(&exported));
    let order: Vec<String> = before.iter().map(|r| r[0].to_owned()).collect();
    after.sort_by_key(|r| order.iter().position(|id| id == &r[0]));
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        for (i, name) in COLUMNS.iter().enumerate() {
            if *name == "event_date" {
                assert_eq!(
                    acled::parse_event_date(&b[i]),
                    acled::parse_event_date(&a[i])
                );
            } else {
                assert_eq!(&b[i], &a[i], "column {name} of {}", &b[0]);
            }
        }
    }
    assert_eq!(&after[1][1], "2023-07-21", "old-style dates come out ISO");
}

#[test]
fn the_same_file_imported_twice_is_stored_once_even_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let first = import_into(&db, &write(dir.path(), "a.csv", ACLED)).unwrap();
    let again = import_into(&db, &write(dir.path(), "b.csv", ACLED)).unwrap();
    assert!(again.duplicate);
    assert_eq!(again.report_id, first.report_id);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.incident_count().unwrap(), 3);
    for incident in store.incidents(&IncidentFilter::default()).unwrap() {
        assert_eq!(incident.report_id, first.report_id);
        assert_eq!(
            incident.source, "a.csv",
            "the report is named after the file"
        );
        let sources = store.incident_sources(incident.id).unwrap();
        assert_eq!(sources.len(), 1, "each row is linked to the file's report");
    }
}

#[test]
fn a_bad_last_row_leaves_no_row_of_the_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let text = format!(
        "{ACLED}XXX1,2025-01-06,2025,1,,Battles,Armed clash,A,,,,,,,,854,,Burkina Faso,,,,Nowhere,95.0,-1.0,1,,,,0,,\n"
    );
    let err = import_into(&db, &write(dir.path(), "bad.csv", &text)).unwrap_err();
    assert!(matches!(err, ImportError::Row { line: 5, .. }), "{err:?}");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.incident_count().unwrap(), 0);
    assert_eq!(store.report_count().unwrap(), 0);
}

#[test]
fn our_geojson_export_imports_back_with_its_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    import_into(&db, &write(dir.path(), "acled.csv", ACLED)).unwrap();
    let store = Store::open(&db).unwrap();
    let mut incidents = store.incidents(&IncidentFilter::default()).unwrap();
    Extras::load(&connect(&db).unwrap())
        .unwrap()
        .apply_sources(&mut incidents);
    let mut geojson = Vec::new();
    write_geojson(&incidents, &mut geojson).unwrap();
    let file = dir.path().join("out.geojson");
    std::fs::write(&file, &geojson).unwrap();

    let db2 = dir.path().join("second.sqlite");
    let summary = import_into(&db2, &file).unwrap();
    assert_eq!((summary.rows, summary.format), (3, Format::GeoJson));
    let second = Store::open(&db2).unwrap();
    let mut again = second.incidents(&IncidentFilter::default()).unwrap();
    Extras::load(&connect(&db2).unwrap())
        .unwrap()
        .apply_sources(&mut again);
    for (a, b) in incidents.iter().zip(&again) {
        assert_eq!(a.data, b.data);
        assert_eq!(a.source, b.source);
    }
}

#[test]
fn a_linestring_feature_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let text = "{\"type\":\"FeatureCollection\",\"features\":[\n\
        {\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]},\"properties\":{}}\n]}\n";
    let err = import_into(&db, &write(dir.path(), "line.geojson", text)).unwrap_err();
    assert!(matches!(err, ImportError::Json { line: 2, .. }), "{err:?}");
    let chain = format!("{:#}", anyhow::Error::from(err));
    assert!(chain.contains("LineString"), "{chain}");
}

#[test]
fn content_decides_the_format_before_the_extension() {
    assert_eq!(
        detect(Path::new("x.txt"), b"  {\"type\""),
        Some(Format::GeoJson)
    );
    assert_eq!(detect(Path::new("x.csv"), b"a,b\n"), Some(Format::AcledCsv));
    assert_eq!(
        detect(Path::new("x.txt"), b"event_id_cnty,event_date\n"),
        Some(Format::AcledCsv)
    );
    assert_eq!(detect(Path::new("x.txt"), b"hello"), None);
}

#[test]
fn imported_rows_are_searchable_and_later_inserts_are_indexed_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let file = write(dir.path(), "acled.csv", ACLED);
    let mut store = Store::open(&db).unwrap();
    let before = store
        .add_report("first.txt", None, "A note about Gao.", &[])
        .unwrap();
    assert!(before.incident_ids.is_empty());
    let mut conn = connect(&db).unwrap();
    let mut reports = Vec::new();
    let summary = import_file_with_progress(&mut conn, &file, &mut |p| reports.push(p)).unwrap();
    let last = reports.last().copied().unwrap();
    assert_eq!(
        (last.rows, last.bytes, last.total),
        (3, ACLED.len() as u64, ACLED.len() as u64)
    );
    let by_place = |store: &Store, word: &str| -> Vec<String> {
        store
            .search(word)
            .unwrap()
            .into_iter()
            .map(|id| store.incident(id).unwrap().unwrap().data.location.name)
            .collect()
    };
    assert_eq!(by_place(&store, "sangha"), vec!["Sangha"]);
    assert_eq!(by_place(&store, "ayorou"), vec!["Ayorou"]);
    assert_eq!(by_place(&store, "quotes"), vec!["Djibo"]);
    assert_eq!(store.search("sangha").unwrap().len(), 1);
    // Every imported row is linked to the file's report.
    for id in store.search("invented").unwrap() {
        assert_eq!(
            store.incident_sources(id).unwrap()[0].report_id,
            summary.report_id
        );
    }
    // The per-row trigger is back: an incident added afterwards is found too.
    let mut data = store.incidents(&IncidentFilter::default()).unwrap()[0]
        .data
        .clone();
    data.notes = "Checkpoint torched near Menaka.".into();
    // Far from every imported row, so it is not taken for one of them.
    data.event_date = chrono::NaiveDate::from_ymd_opt(2020, 2, 2).unwrap();
    data.location.name = "Menaka".into();
    let added = store
        .add_report("later.txt", None, "Later report.", &[data])
        .unwrap();
    assert_eq!(store.search("torched").unwrap(), added.incident_ids);
}

/// The header line of `ACLED`, with its newline.
fn header() -> &'static str {
    &ACLED[..=ACLED.find('\n').unwrap()]
}

/// Imports `text` as `name` into a new database; the error, and whether
/// the database is still empty.
fn refused(name: &str, text: &str) -> (ImportError, bool) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let err = import_into(&db, &write(dir.path(), name, text)).unwrap_err();
    let store = Store::open(&db).unwrap();
    let empty = store.incident_count().unwrap() == 0 && store.report_count().unwrap() == 0;
    (err, empty)
}

#[test]
fn a_csv_with_a_header_only_is_refused_not_stored_as_an_empty_report() {
    let (err, empty) = refused("header.csv", header());
    assert!(matches!(err, ImportError::NoRows { .. }), "{err:?}");
    assert!(empty);
    let (err, empty) = refused(
        "none.geojson",
        "{\"type\":\"FeatureCollection\",\"features\":[]}",
    );
    assert!(matches!(err, ImportError::NoRows { .. }), "{err:?}");
    assert!(empty);
}

#[test]
fn an_event_id_twice_in_one_file_is_refused_naming_both_lines() {
    let second_row = ACLED.lines().nth(1).unwrap();
    let text = format!("{ACLED}{second_row}\n");
    let (err, empty) = refused("twice.csv", &text);
    let message = err.to_string();
    assert!(matches!(err, ImportError::Row { line: 5, .. }), "{err:?}");
    assert!(
        message.contains("BFO9001") && message.contains("line 2"),
        "{message}"
    );
    assert!(empty);
}

#[test]
fn a_nul_byte_in_a_field_is_refused() {
    let text = ACLED.replacen("Djibo,Djibo", "Djibo,Dji\0bo", 1);
    let (err, empty) = refused("nul.csv", &text);
    assert!(matches!(err, ImportError::Row { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("NUL"), "{err}");
    assert!(empty);
}

#[test]
fn an_iso_code_of_another_country_than_the_named_one_is_refused() {
    let row = "NIG9004,2025-01-05,2025,1,,Battles,Armed clash,A,,,,,,,,466,,Niger,Tillaberi,,,Ayorou,14.7308,0.9174,1,,,,0,,\n";
    let (err, empty) = refused("iso.csv", &format!("{}{row}", header()));
    let message = err.to_string();
    assert!(
        message.contains("466") && message.contains("Niger"),
        "{message}"
    );
    assert!(empty);
}

/// One Point feature at Djibo with the given extra properties.
fn djibo_feature(properties: &str) -> String {
    format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\
         \"geometry\":{{\"type\":\"Point\",\"coordinates\":[-1.6306,14.1022]}},\
         \"properties\":{{\"event_date\":\"2024-07-21\",\"event_type\":\"Battles\",\
         \"country\":\"Burkina Faso\",\"location\":\"Djibo\"{properties}}}}}]}}"
    )
}

#[test]
fn a_geojson_file_with_a_byte_order_mark_is_read_like_the_csv_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let text = format!("\u{feff}{}", djibo_feature(""));
    let summary = import_into(&db, &write(dir.path(), "bom.geojson", &text)).unwrap();
    assert_eq!((summary.rows, summary.format), (1, Format::GeoJson));
}

#[test]
fn latitude_and_longitude_properties_that_contradict_the_geometry_are_refused() {
    let (err, empty) = refused(
        "moved.geojson",
        &djibo_feature(",\"latitude\":\"12.3714\",\"longitude\":\"-1.6306\""),
    );
    let chain = format!("{:#}", anyhow::Error::from(err));
    assert!(chain.contains("latitude property"), "{chain}");
    assert!(empty);
    // The same values as the geometry are fine.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("atlas.sqlite");
    let same = djibo_feature(",\"latitude\":14.1022,\"longitude\":-1.6306");
    assert!(import_into(&db, &write(dir.path(), "same.geojson", &same)).is_ok());
}
