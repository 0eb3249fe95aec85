//! Headless tests of the whole window with egui_kittest: a workspace with an
//! in-memory store and three incidents, driven the way an analyst would.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::AtlasApp;
use crate::gazetteer::Gazetteer;
use crate::model::{
    EventType, GeoPrecision, Incident, IncidentData, Location, Span, TimePrecision, TimeWindow,
};
use crate::setup::Workspace;
use crate::store::Store;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Incident data at a place in Burkina Faso; other test modules use it too.
pub(crate) fn data(
    place: &str,
    lon: f64,
    lat: f64,
    day: NaiveDate,
    event_type: EventType,
) -> IncidentData {
    IncidentData {
        event_date: day,
        time_precision: TimePrecision::Day,
        event_type,
        sub_event_type: "Armed clash".into(),
        actor1: "JNIM".into(),
        actor2: "Military Forces of Burkina Faso".into(),
        fatalities: None,
        location: Location {
            name: place.into(),
            place_id: None,
            latitude: lat,
            longitude: lon,
            country: "Burkina Faso".into(),
            country_code: "BF".into(),
            admin1: "Sahel".into(),
            admin2: "Soum".into(),
            geo_precision: GeoPrecision::Exact,
        },
        notes: "Clash reported.".into(),
        evidence: Span::new(0, 0),
        weapons: vec![],
    }
}

/// A stored-looking battle at Djibo on `day`.
pub(crate) fn incident(id: i64, day: NaiveDate) -> Incident {
    Incident {
        id,
        report_id: 1,
        source: "report.txt".into(),
        data: data("Djibo", -1.63, 14.10, day, EventType::Battles),
    }
}

const REPORT: &str =
    "Fighting broke out at Djibo. Civilians were killed near Kaya. A drone struck Fada N'Gourma.";

/// Three incidents over 16 months, each with its own sentence of `REPORT`.
fn workspace() -> Workspace {
    let mut store = Store::open_in_memory().unwrap();
    let sentence = |needle: &str| {
        let start = REPORT.find(needle).unwrap();
        let end = REPORT[start..].find('.').unwrap() + start + 1;
        Span::new(start, end)
    };
    let mut djibo = data("Djibo", -1.63, 14.10, date(2024, 3, 23), EventType::Battles);
    djibo.evidence = sentence("Fighting");
    let mut kaya = data(
        "Kaya",
        -1.08,
        13.09,
        date(2024, 9, 10),
        EventType::ViolenceAgainstCivilians,
    );
    kaya.evidence = sentence("Civilians");
    kaya.fatalities = Some(7);
    let mut fada = data(
        "Fada N'Gourma",
        0.35,
        12.06,
        date(2025, 7, 28),
        EventType::ExplosionsRemoteViolence,
    );
    fada.evidence = sentence("A drone");
    store
        .add_report(
            "report.txt",
            Some(date(2025, 7, 29)),
            REPORT,
            &[djibo, kaya, fada],
        )
        .unwrap();
    Workspace {
        store,
        gazetteer: Gazetteer::new(vec![], vec![]),
        path: PathBuf::from(":memory:"),
    }
}

fn harness() -> Harness<'static, AtlasApp> {
    let app = AtlasApp::new(workspace()).unwrap();
    Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
}

fn click_at(harness: &mut Harness<'_, AtlasApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

fn marker_of(harness: &Harness<'_, AtlasApp>, place: &str) -> (i64, Pos2) {
    let app = harness.state();
    let id = app
        .incidents()
        .iter()
        .find(|i| i.data.location.name == place)
        .unwrap()
        .id;
    let pos = app
        .drawn_markers()
        .iter()
        .find(|(marker, _)| *marker == id)
        .unwrap()
        .1;
    (id, pos)
}

#[test]
fn every_incident_is_drawn_at_start_over_burkina_faso() {
    let harness = harness();
    let app = harness.state();
    assert_eq!(app.drawn_markers().len(), 3);
    assert_eq!(
        app.window(),
        Some(TimeWindow::new(date(2024, 3, 23), date(2025, 7, 28)))
    );
    assert_eq!(app.map_zoom(), 6.0);
    harness.get_by_label("2024-03-23 – 2025-07-28 · 3 of 3 incidents shown");
    harness.get_by_label("Battles (1)");
    harness.get_by_label("Riots (0)");
    // The markers land on screen, inside the map between the side panels.
    for (_, pos) in app.drawn_markers() {
        assert!(
            (300.0..960.0).contains(&pos.x) && (0.0..800.0).contains(&pos.y),
            "{pos:?}"
        );
    }
}

#[test]
fn moving_the_from_slider_hides_the_earlier_incidents() {
    let mut harness = harness();
    // 200 days after 2024-03-23 is 2024-10-09: Djibo and Kaya drop out.
    harness.get_by_label("From").set_value_accesskit(200.0);
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.window(),
        Some(TimeWindow::new(date(2024, 10, 9), date(2025, 7, 28)))
    );
    assert_eq!(app.drawn_markers().len(), 1);
    harness.get_by_label("2024-10-09 – 2025-07-28 · 1 of 3 incidents shown");

    harness.get_by_label("Show all dates").click();
    harness.run();
    assert_eq!(harness.state().drawn_markers().len(), 3);
}

#[test]
fn the_to_slider_cannot_pass_the_from_slider() {
    let mut harness = harness();
    harness.get_by_label("From").set_value_accesskit(200.0);
    harness.run();
    harness.get_by_label("To").set_value_accesskit(10.0);
    harness.run();
    let window = harness.state().window().unwrap();
    assert_eq!(window, TimeWindow::new(date(2024, 4, 2), date(2024, 4, 2)));
    assert!(harness.state().drawn_markers().is_empty());
}

#[test]
fn clicking_a_marker_selects_it_and_shows_its_evidence() {
    let mut harness = harness();
    let (kaya, pos) = marker_of(&harness, "Kaya");
    // A few points off centre still hits it.
    click_at(&mut harness, pos + egui::vec2(4.0, -3.0));
    assert_eq!(harness.state().selected().map(|i| i.id), Some(kaya));
    harness.get_by_label("“Civilians were killed near Kaya.”");
    harness.get_by_label("7");
    harness.get_by_label("Kaya (the place itself)");

    // Empty map clears the selection.
    click_at(&mut harness, pos + egui::vec2(60.0, 60.0));
    assert!(harness.state().selected().is_none());
}

#[test]
fn an_unreported_death_toll_reads_not_reported() {
    let mut harness = harness();
    let (djibo, pos) = marker_of(&harness, "Djibo");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selected().map(|i| i.id), Some(djibo));
    harness.get_by_label("not reported");
    harness.get_by_label("report.txt (report #1)");
}

#[test]
fn export_writes_exactly_the_incidents_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shown.geojson");
    let mut harness = harness();
    harness.get_by_label("To").set_value_accesskit(200.0);
    harness.run();
    harness.state_mut().set_export_path(&path);
    harness.get_by_label("Export GeoJSON").click();
    harness.run();

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let features = json["features"].as_array().unwrap();
    let app = harness.state();
    let expected: Vec<String> = app
        .visible()
        .into_iter()
        .map(|i| crate::export::event_id(&app.incidents()[i]))
        .collect();
    assert_eq!(expected.len(), 2);
    assert_eq!(features.len(), 2);
    let text = json.to_string();
    for id in expected {
        assert!(text.contains(&id), "{id} missing from {text}");
    }
    harness.get_by_label(&format!("Wrote 2 incident(s) to {}", path.display()));
}

#[test]
fn a_pasted_report_is_ingested_and_summarised() {
    let mut harness = harness();
    harness.get_by_label("Report text").focus();
    harness
        .get_by_label("Report text")
        .type_text("Calm day in Ouagadougou. Nothing happened.");
    harness.run();
    harness.get_by_label("Ingest").click();
    harness.run();
    harness.get_by_label_contains("Report #2 stored");
    // The text box is emptied for the next report.
    assert_eq!(
        harness.get_by_label("Report text").value().as_deref(),
        Some("")
    );
}

#[test]
fn a_malformed_publication_date_is_refused_before_ingesting() {
    let mut harness = harness();
    harness.get_by_label("Report text").focus();
    harness
        .get_by_label("Report text")
        .type_text("Attack near Djibo.");
    harness.get_by_label("Published").focus();
    harness.get_by_label("Published").type_text("23/03/2024");
    harness.run();
    harness.get_by_label("Ingest").click();
    harness.run();
    harness.get_by_label_contains("is not a date like 2024-03-23");
    assert_eq!(harness.state().incidents().len(), 3);
}

#[test]
fn a_missing_report_file_is_reported_as_an_error() {
    let mut harness = harness();
    harness.get_by_label("From file…").focus();
    harness
        .get_by_label("From file…")
        .type_text("/no/such/report.txt");
    harness.run();
    harness.get_by_label("Ingest file").click();
    harness.run();
    harness.get_by_label_contains("no such file");
}

#[test]
fn the_zoom_buttons_zoom_and_reset_view_returns_home() {
    let mut harness = harness();
    harness.get_by_label("Zoom in").click();
    harness.run();
    assert_eq!(harness.state().map_zoom(), 7.0);
    harness.get_by_label("Reset view").click();
    harness.run();
    assert_eq!(harness.state().map_zoom(), 6.0);
}

#[test]
fn hovering_a_marker_shows_its_date_place_and_type() {
    let mut harness = harness();
    assert!(harness.query_by_label("Fada N'Gourma").is_none());
    let (_, pos) = marker_of(&harness, "Fada N'Gourma");
    harness.hover_at(pos);
    harness.run();
    harness.get_by_label("Fada N'Gourma");
    harness.get_by_label("Explosions/Remote violence");
    // The "To" slider shows the same date; the tooltip adds a second one.
    assert_eq!(harness.query_all_by_label("2025-07-28").count(), 2);
}
