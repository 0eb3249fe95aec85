//! Growth, not speed: doubling what the analyst gives must not much more
//! than double the work. Each check times an input and one four times its
//! size and fails when the larger costs more than nine times the smaller
//! (three per doubling): linear work gives about four, quadratic sixteen,
//! so the margin absorbs noise without letting a quadratic path through.
//!
//! Speed itself is measured in `benches/`; these assert only the ratio of
//! two runs in the same process, on the thread's CPU clock so other tests
//! running beside it do not count, each the best of three.
//! Regression tests for issue 15, item 4: geocoding was cubic in the
//! name's length, ingest quadratic in the incidents of one report.

use std::sync::OnceLock;

use chrono::{Duration, NaiveDate};
use incident_atlas::gazetteer::{Gazetteer, PlaceQuery, bundled};
use incident_atlas::ingest::ingest_text;
use incident_atlas::model::{
    Confidence, EventType, GeoPrecision, IncidentData, Location, Span, TimePrecision,
};
use incident_atlas::store::Store;

use super::acled_rows;

/// What quadrupling the input may cost at most: three per doubling.
const MAX_RATIO: f64 = 9.0;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let (places, admin) = bundled().expect("bundled gazetteer");
        Gazetteer::new(places, admin)
    })
}

/// CPU time this thread has used, in seconds.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

/// The best of three runs of `work(n)`, each prepared outside the clock.
fn cost<T>(n: usize, prepare: impl Fn(usize) -> T, work: impl Fn(T)) -> f64 {
    (0..3)
        .map(|_| {
            let input = prepare(n);
            let start = thread_cpu();
            work(input);
            thread_cpu() - start
        })
        .fold(f64::INFINITY, f64::min)
}

fn assert_grows_linearly<T>(what: &str, n: usize, prepare: impl Fn(usize) -> T, work: impl Fn(T)) {
    let small = cost(n, &prepare, &work);
    let large = cost(4 * n, &prepare, &work);
    let ratio = large / small.max(1e-6);
    eprintln!(
        "{what}: {n} -> {small:.4} s, {} -> {large:.4} s, ratio {ratio:.1}",
        4 * n
    );
    assert!(
        ratio <= MAX_RATIO,
        "{what}: four times the input cost {ratio:.1} times as much ({small:.4} s -> {large:.4} s)"
    );
}

#[test]
fn geocoding_a_long_name_grows_linearly_with_its_length() {
    gazetteer();
    assert_grows_linearly(
        "geocode",
        1_000,
        |n| format!("K{}", "a".repeat(n - 1)),
        |name| {
            for _ in 0..50 {
                let q = PlaceQuery {
                    name: &name,
                    country: Some("BF"),
                    admin_hint: None,
                    near: Vec::new(),
                };
                assert!(gazetteer().lookup(&q).is_empty());
            }
        },
    );
}

/// Burkinabè villages with a plain name of their own that no other place
/// carries, so that each attack of a roundup is its own incident.
fn villages() -> &'static [String] {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let g = gazetteer();
        g.places()
            .iter()
            .filter(|p| {
                p.country_code == "BF"
                    && p.feature_code == "PPL"
                    && p.name.len() >= 6
                    && p.name.chars().all(|c| c.is_ascii_alphabetic())
            })
            .map(|p| p.name.clone())
            .filter(|name| {
                let q = PlaceQuery {
                    name,
                    country: Some("BF"),
                    admin_hint: None,
                    near: Vec::new(),
                };
                g.lookup(&q).len() == 1
            })
            .take(2_000)
            .collect()
    })
}

/// A roundup telling `n` attacks, each on its own village.
fn roundup(n: usize) -> String {
    let villages = villages();
    assert!(villages.len() >= 1_000, "enough distinct villages");
    let published = NaiveDate::from_ymd_opt(2025, 3, 31).expect("date");
    let mut text = String::from("Ouagadougou, 31 March 2025 - Monthly security roundup.\n\n");
    for i in 0..n {
        let day = published - Duration::days(1 + (i % 28) as i64);
        let village = &villages[i % villages.len()];
        text.push_str(&format!(
            "On {} gunmen attacked {village}, killing {} civilians. ",
            day.format("%-d %B %Y"),
            i % 9 + 2
        ));
    }
    text
}

#[test]
fn ingesting_a_long_roundup_grows_linearly_with_its_incidents() {
    gazetteer();
    villages();
    assert_grows_linearly(
        "ingest",
        250,
        |n| (Store::open_in_memory().expect("store"), roundup(n)),
        |(mut store, text)| {
            let summary =
                ingest_text(&mut store, gazetteer(), "roundup.txt", &text, None).expect("ingest");
            // Each attack is read as its own incident: the work grew with them.
            assert!(summary.incidents.len() * 10 >= text.matches("gunmen").count() * 9);
        },
    );
}

/// `n` incidents of one report, each on its own spot (a few hundred metres
/// apart, all within half a degree) and day in Burkina Faso.
fn incidents(n: usize) -> Vec<IncidentData> {
    let first = NaiveDate::from_ymd_opt(2025, 3, 1).expect("date");
    (0..n)
        .map(|i| IncidentData {
            event_date: first + Duration::days((i % 28) as i64),
            time_precision: TimePrecision::Day,
            event_type: EventType::ViolenceAgainstCivilians,
            sub_event_type: "Attack".into(),
            actor1: "Unidentified Armed Group (Burkina Faso)".into(),
            actor2: "Civilians (Burkina Faso)".into(),
            fatalities: Some(3),
            location: Location {
                name: format!("Spot {i}"),
                place_id: None,
                latitude: 11.0 + (i % 97) as f64 * 0.004,
                longitude: -4.0 + (i / 97) as f64 * 0.004,
                country: "Burkina Faso".into(),
                country_code: "BF".into(),
                admin1: String::new(),
                admin2: String::new(),
                geo_precision: GeoPrecision::Exact,
            },
            notes: String::new(),
            evidence: Span::new(0, 0),
            weapons: Vec::new(),
            confidence: Confidence::High,
            confidence_reasons: Vec::new(),
        })
        .collect()
}

#[test]
fn storing_a_long_report_grows_linearly_with_its_incidents() {
    // Each incident is compared with other reports' incidents nearby; the
    // report's own, written as it went, used to be read again each time.
    assert_grows_linearly(
        "store",
        2_000,
        |n| (Store::open_in_memory().expect("store"), incidents(n)),
        |(mut store, data)| {
            let added = store
                .add_report("roundup.txt", None, "a long roundup", &data)
                .expect("stored");
            assert_eq!(added.incident_ids.len(), data.len());
        },
    );
}

#[test]
fn importing_a_csv_grows_linearly_with_its_rows() {
    assert_grows_linearly(
        "import",
        2_000,
        |n| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let db = dir.path().join("atlas.sqlite");
            let file = dir.path().join("rows.csv");
            std::fs::write(&file, acled_rows::csv(n)).expect("csv written");
            Store::open(&db).expect("store");
            (dir, db, file)
        },
        |(_dir, db, file)| {
            let mut conn = incident_atlas::import::connect(&db).expect("connection");
            incident_atlas::import::import_file(&mut conn, &file).expect("import");
        },
    );
}
