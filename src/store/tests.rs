//! Behaviour of the store as a whole: round trips, duplicates, filters,
//! migrations and all-or-nothing reports.

use chrono::NaiveDate;

use super::*;
use crate::gazetteer::AdminCode;
use crate::model::{
    BBox, EventType, GeoPrecision, IncidentData, Location, Place, PlaceOrigin, Span, TimePrecision,
    TimeWindow,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn incident(date: NaiveDate, name: &str, lon: f64, lat: f64) -> IncidentData {
    IncidentData {
        event_date: date,
        time_precision: TimePrecision::Week,
        event_type: EventType::ViolenceAgainstCivilians,
        sub_event_type: "Attack".to_owned(),
        actor1: "Unidentified armed group".to_owned(),
        actor2: "Civilians (Burkina Faso)".to_owned(),
        fatalities: Some(4),
        location: Location {
            name: name.to_owned(),
            place_id: Some(42),
            latitude: lat,
            longitude: lon,
            country: "Burkina Faso".to_owned(),
            country_code: "BF".to_owned(),
            admin1: "Centre-Nord".to_owned(),
            admin2: "Sanmatenga".to_owned(),
            geo_precision: GeoPrecision::Near,
        },
        notes: "A note written for the test.".to_owned(),
        evidence: Span::new(3, 17),
        weapons: vec!["rifles".to_owned(), "motorbikes".to_owned()],
        ..IncidentData::example()
    }
}

#[test]
fn a_report_with_two_incidents_comes_back_field_for_field() {
    let mut store = Store::open_in_memory().unwrap();
    let mut second = incident(day(2024, 8, 24), "Barsalogo", -1.05583, 13.41389);
    second.fatalities = None;
    second.location.place_id = None;
    second.weapons.clear();
    second.time_precision = TimePrecision::Day;
    second.event_type = EventType::ExplosionsRemoteViolence;
    let first = incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167);
    let text = "A short test report about two events.";
    let added = store
        .add_report(
            "test.txt",
            Some(day(2024, 8, 25)),
            text,
            &[first.clone(), second.clone()],
        )
        .unwrap();
    assert!(!added.duplicate);
    assert_eq!(added.incident_ids.len(), 2);

    let report = store.report(added.report_id).unwrap().unwrap();
    assert_eq!(report.source_name, "test.txt");
    assert_eq!(report.published, Some(day(2024, 8, 25)));
    assert_eq!(report.text, text);
    assert_eq!(report.content_hash, reports::content_hash(text));

    let back = store.incidents(&IncidentFilter::default()).unwrap();
    assert_eq!(back.len(), 2);
    assert_eq!(back[0].data, first);
    assert_eq!(back[1].data, second);
    for (incident, id) in back.iter().zip(&added.incident_ids) {
        assert_eq!(incident.id, *id);
        assert_eq!(incident.report_id, added.report_id);
        assert_eq!(incident.source, "test.txt");
    }
    assert_eq!(
        store.incident(added.incident_ids[1]).unwrap().unwrap(),
        back[1]
    );
    assert_eq!(store.incident(9999).unwrap(), None);
    assert_eq!(store.report(9999).unwrap(), None);
}

#[test]
fn the_same_text_is_stored_once() {
    let mut store = Store::open_in_memory().unwrap();
    let data = [incident(day(2025, 5, 11), "Djibo", -1.63056, 14.10222)];
    let first = store
        .add_report("a.txt", None, "same words", &data)
        .unwrap();
    let again = store
        .add_report("b.txt", None, "same words", &data)
        .unwrap();
    assert!(again.duplicate);
    assert_eq!(again.report_id, first.report_id);
    assert_eq!(again.incident_ids, first.incident_ids);
    assert_eq!(store.report_count().unwrap(), 1);
    assert_eq!(store.incident_count().unwrap(), 1);
}

#[test]
fn the_window_and_the_box_select_incidents_inclusively() {
    let mut store = Store::open_in_memory().unwrap();
    let data = [
        incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167),
        incident(day(2024, 7, 20), "Dapaong", 0.2075, 10.8622),
        incident(day(2025, 5, 11), "Djibo", -1.63056, 14.10222),
    ];
    store
        .add_report("r.txt", None, "three events", &data)
        .unwrap();

    let window = IncidentFilter {
        window: Some(TimeWindow::new(day(2024, 3, 23), day(2024, 7, 20))),
        bbox: None,
    };
    let names: Vec<String> = store
        .incidents(&window)
        .unwrap()
        .into_iter()
        .map(|i| i.data.location.name)
        .collect();
    assert_eq!(names, ["Kaya", "Dapaong"]);

    let burkina = IncidentFilter {
        window: None,
        bbox: Some(BBox {
            west: -6.0,
            south: 11.0,
            east: 2.5,
            north: 15.2,
        }),
    };
    let names: Vec<String> = store
        .incidents(&burkina)
        .unwrap()
        .into_iter()
        .map(|i| i.data.location.name)
        .collect();
    assert_eq!(names, ["Kaya", "Djibo"]);

    let both = IncidentFilter {
        window: window.window,
        bbox: burkina.bbox,
    };
    assert_eq!(store.incidents(&both).unwrap().len(), 1);

    assert_eq!(
        store.date_range().unwrap(),
        Some(TimeWindow::new(day(2024, 3, 23), day(2025, 5, 11)))
    );
}

#[test]
fn an_empty_store_has_no_date_range() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(store.date_range().unwrap(), None);
    assert!(
        store
            .incidents(&IncidentFilter::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_bad_incident_rolls_back_the_whole_report() {
    let mut store = Store::open_in_memory().unwrap();
    let good = incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167);
    let bad = incident(day(2024, 3, 23), "Nowhere", -1.0, 200.0);
    let err = store
        .add_report("bad.txt", None, "one good, one impossible", &[good, bad])
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Sql {
            operation: "saving incident",
            ..
        }
    ));
    assert_eq!(store.report_count().unwrap(), 0);
    assert_eq!(store.incident_count().unwrap(), 0);
}

#[test]
fn reopening_a_file_does_not_migrate_twice_and_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atlas.sqlite");
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
        store.add_report("r.txt", None, "kept", &[]).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
    assert_eq!(store.report_count().unwrap(), 1);
    let journal: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(journal, "wal");
}

#[test]
fn a_database_from_a_newer_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::TooNew { found: 999, .. })
    ));
}

#[test]
fn deleting_a_report_deletes_its_incidents() {
    let mut store = Store::open_in_memory().unwrap();
    let data = [incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167)];
    let added = store.add_report("r.txt", None, "cascade", &data).unwrap();
    store
        .conn
        .execute("DELETE FROM reports WHERE id = ?1", [added.report_id])
        .unwrap();
    assert_eq!(store.incident_count().unwrap(), 0);
}

fn place(id: i64, name: &str, origin: PlaceOrigin) -> Place {
    Place {
        geonameid: id,
        name: name.to_owned(),
        ascii_name: name.to_owned(),
        alternate_names: vec!["Alt One".to_owned(), "Alt Two".to_owned()],
        latitude: 13.09167,
        longitude: -1.08444,
        feature_class: "P".to_owned(),
        feature_code: "PPLA".to_owned(),
        country_code: "BF".to_owned(),
        admin1_code: "78".to_owned(),
        admin2_code: "2355".to_owned(),
        population: 66851,
        origin,
    }
}

#[test]
fn gazetteer_imports_round_trip_and_upsert() {
    let mut store = Store::open_in_memory().unwrap();
    let places = vec![
        place(2359608, "Kaya", PlaceOrigin::GeoNames),
        place(
            -1,
            "Kalamba",
            PlaceOrigin::Curated {
                source: "analyst note".to_owned(),
            },
        ),
    ];
    let admin = vec![AdminCode {
        code: "BF.78".to_owned(),
        name: "Centre-Nord".to_owned(),
        ascii_name: "Centre-Nord".to_owned(),
        geonameid: 6930707,
    }];
    assert_eq!(store.import_gazetteer(&places, &admin).unwrap(), 3);
    assert_eq!(store.place_count().unwrap(), 2);

    let mut renamed = places[0].clone();
    renamed.population = 70000;
    store.import_gazetteer(&[renamed.clone()], &admin).unwrap();
    assert_eq!(store.place_count().unwrap(), 2);

    let loaded = store.load_places().unwrap();
    assert_eq!(loaded, vec![places[1].clone(), renamed]);
    assert_eq!(store.load_admin_codes().unwrap(), admin);
}

#[test]
fn an_imported_place_keeps_the_list_it_came_from() {
    let mut store = Store::open_in_memory().unwrap();
    let imported = place(
        -1_000_000_000_123,
        "Boulkessi",
        PlaceOrigin::Imported {
            source: "OpenStreetMap (mali.osm.pbf)".to_owned(),
        },
    );
    store
        .import_gazetteer(std::slice::from_ref(&imported), &[])
        .unwrap();
    // Imported again (the same list read twice): replaced, not doubled.
    store
        .import_gazetteer(std::slice::from_ref(&imported), &[])
        .unwrap();
    assert_eq!(store.load_places().unwrap(), vec![imported]);
}

#[test]
fn metadata_is_stored_and_replaced() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.meta("k").unwrap(), None);
    store.set_meta("k", "1").unwrap();
    store.set_meta("k", "2").unwrap();
    assert_eq!(store.meta("k").unwrap().as_deref(), Some("2"));
}

#[test]
fn a_database_from_before_confidence_upgrades_with_unassessed_unreviewed_incidents() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.sqlite");
    {
        // What a build of migration 5 left behind: one report, one incident.
        let conn = rusqlite::Connection::open(&path).unwrap();
        for batch in &MIGRATIONS[..5] {
            conn.execute_batch(batch).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        conn.execute_batch(
            "INSERT INTO reports (id, source_name, text, content_hash, ingested_at)
                 VALUES (1, 'old.txt', 'Gunmen attacked Kaya.', 'h', '2024-01-01');
             INSERT INTO incidents (report_id, event_date, time_precision, event_type,
                 sub_event_type, actor1, actor2, location, latitude, longitude, country,
                 country_code, admin1, admin2, geo_precision, notes, evidence_start, evidence_end)
                 VALUES (1, '2024-03-23', 1, 'Battles', 'Armed clash', 'JNIM', '', 'Kaya',
                 13.09, -1.08, 'Burkina Faso', 'BF', 'Centre-Nord', 'Sanmatenga', 1, '', 0, 21);",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
    let old = &store.incidents(&IncidentFilter::default()).unwrap()[0];
    assert_eq!(old.data.confidence, crate::model::Confidence::Medium);
    assert!(old.data.confidence_reasons.is_empty());
    assert!(!old.reviewed);
    assert!(store.set_reviewed(old.id, true).unwrap());
    assert!(store.incident(old.id).unwrap().unwrap().reviewed);
}

#[test]
fn confidence_reasons_and_the_reviewed_flag_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let mut low = incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167);
    low.confidence = crate::model::Confidence::Low;
    low.confidence_reasons = vec![
        "the attackers are not named".to_owned(),
        "a reason; with \"quotes\"".to_owned(),
    ];
    let id = store
        .add_report("r.txt", None, "text", &[low.clone()])
        .unwrap()
        .incident_ids[0];
    let stored = store.incident(id).unwrap().unwrap();
    assert_eq!(stored.data, low);
    assert!(!stored.reviewed);
    assert_eq!(store.reviewed_at(id).unwrap(), None);

    assert!(store.set_reviewed(id, true).unwrap());
    let when = store.reviewed_at(id).unwrap().unwrap();
    // Accepting again keeps the first time.
    store.set_reviewed(id, true).unwrap();
    assert_eq!(store.reviewed_at(id).unwrap(), Some(when));
    // A deletion undone brings the acceptance back too.
    let deleted = store.delete_incident(id).unwrap().unwrap();
    assert!(deleted.reviewed);
    store.restore_incident(&deleted).unwrap();
    assert!(store.incident(id).unwrap().unwrap().reviewed);
    // A correction is not an acceptance, nor does it take one back.
    let mut corrected = low.clone();
    corrected.notes = "Checked.".to_owned();
    store.update_incident(id, &corrected).unwrap();
    assert!(store.incident(id).unwrap().unwrap().reviewed);

    assert!(store.set_reviewed(id, false).unwrap());
    assert!(!store.incident(id).unwrap().unwrap().reviewed);
    assert_eq!(store.reviewed_at(id).unwrap(), None);
    assert!(!store.set_reviewed(9999, true).unwrap());
}

#[test]
fn an_edit_longer_than_a_field_may_hold_is_refused_and_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let kaya = incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167);
    let id = store
        .add_report("r.txt", None, "Kaya.", std::slice::from_ref(&kaya))
        .unwrap()
        .incident_ids[0];
    let mut long = kaya.clone();
    long.notes = "n".repeat(crate::model::MAX_FIELD_BYTES + 1);
    let err = store.update_incident(id, &long).unwrap_err();
    assert!(
        matches!(err, StoreError::TooLong { field: "notes", .. }),
        "{err}"
    );
    assert_eq!(store.incident(id).unwrap().unwrap().data, kaya);
    long.notes = "n".repeat(crate::model::MAX_FIELD_BYTES);
    assert!(store.update_incident(id, &long).unwrap());
}

/// The boxes of the where-and-when index, by incident id.
fn where_when(store: &Store) -> Vec<(i64, f64, f64, f64)> {
    let mut stmt = store
        .conn
        .prepare("SELECT id, day_from, lat_from, lon_from FROM incidents_where_when ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_where_and_when_index_follows_every_insert_edit_and_delete() {
    let mut store = Store::open_in_memory().unwrap();
    let kaya = incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167);
    let added = store.add_report("r.txt", None, "one", &[kaya]).unwrap();
    let id = added.incident_ids[0];
    let boxes = where_when(&store);
    assert_eq!(boxes.len(), 1);
    // Julian day 2460392.5 is 2024-03-23; the R*Tree keeps 32-bit floats.
    assert_eq!(boxes[0].0, id);
    assert!((boxes[0].1 - 2_460_392.5).abs() < 1.0);
    assert!((boxes[0].2 - 13.09167).abs() < 1e-4);

    store
        .conn
        .execute(
            "UPDATE incidents SET event_date = '2024-04-02', latitude = 14.1 WHERE id = ?1",
            [id],
        )
        .unwrap();
    let boxes = where_when(&store);
    assert!((boxes[0].1 - 2_460_402.5).abs() < 1.0);
    assert!((boxes[0].2 - 14.1).abs() < 1e-4);

    store
        .conn
        .execute("DELETE FROM reports WHERE id = ?1", [added.report_id])
        .unwrap();
    assert!(where_when(&store).is_empty());
}

#[test]
fn a_database_from_before_the_where_and_when_index_gets_it_filled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite");
    {
        let mut store = Store::open(&path).unwrap();
        let kaya = incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167);
        store.add_report("r.txt", None, "old", &[kaya]).unwrap();
        // Back to schema 7, as an older build left it.
        store
            .conn
            .execute_batch(
                "DROP TRIGGER incidents_where_when_insert;
                 DROP TRIGGER incidents_where_when_update;
                 DROP TRIGGER incidents_where_when_delete;
                 DROP TABLE incidents_where_when;
                 PRAGMA user_version = 7;",
            )
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(where_when(&store).len(), 1);
}

#[test]
fn the_same_event_is_looked_for_in_its_neighbourhood_only() {
    // Scanning by date or latitude alone made ingest slow down as the store
    // grew (issue 15, item 4); the plan must start from the R*Tree.
    let store = Store::open_in_memory().unwrap();
    let mut stmt = store
        .conn
        .prepare(&format!("EXPLAIN QUERY PLAN {}", incidents::SAME_EVENT_SQL))
        .unwrap();
    let plan: Vec<String> = stmt
        .query_map(
            rusqlite::params![1, "2024-01-01", "2024-03-01", 13.0, 13.2, -1.2, -1.0],
            |r| r.get(3),
        )
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // `w` is the R*Tree; the incidents are then read by id only.
    assert!(
        plan[0].starts_with("SCAN w VIRTUAL TABLE INDEX"),
        "{plan:?}"
    );
    assert!(
        plan[1..].iter().all(|step| !step.starts_with("SCAN")),
        "{plan:?}"
    );
}

#[test]
fn a_second_report_still_finds_the_same_event_beside_many_others() {
    let mut store = Store::open_in_memory().unwrap();
    let many: Vec<IncidentData> = (0..200)
        .map(|k| {
            let mut d = incident(
                day(2024, 3, 1),
                "Elsewhere",
                -5.0 + f64::from(k) * 0.05,
                10.5,
            );
            d.location.place_id = Some(1_000 + i64::from(k));
            d
        })
        .collect();
    store.add_report("a.txt", None, "many", &many).unwrap();
    let kaya = incident(day(2024, 3, 23), "Kaya", -1.08444, 13.09167);
    let first = store
        .add_report("b.txt", None, "first", std::slice::from_ref(&kaya))
        .unwrap();
    let again = store.add_report("c.txt", None, "again", &[kaya]).unwrap();
    assert_eq!(again.incident_ids, first.incident_ids);
}
