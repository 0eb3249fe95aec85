//! Headless tests of the whole window with egui_kittest: a workspace with an
//! in-memory store and three incidents, driven the way an analyst would.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::{AtlasApp, OsmSource};
use crate::gazetteer::Gazetteer;
use crate::model::{
    Confidence, EventType, GeoPrecision, Incident, IncidentData, Location, Span, TimePrecision,
    TimeWindow,
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
        ..IncidentData::example()
    }
}

/// A stored-looking battle at Djibo on `day`.
pub(crate) fn incident(id: i64, day: NaiveDate) -> Incident {
    Incident {
        id,
        report_id: 1,
        source: "report.txt".into(),
        data: data("Djibo", -1.63, 14.10, day, EventType::Battles),
        reviewed: false,
    }
}

const REPORT: &str =
    "Fighting broke out at Djibo. Civilians were killed near Kaya. A drone struck Fada N'Gourma.";

/// Three incidents over 16 months, each with its own sentence of `REPORT`.
pub(super) fn workspace() -> Workspace {
    let mut store = Store::open_in_memory().unwrap();
    let sentence = |needle: &str| {
        let start = REPORT.find(needle).unwrap();
        let end = REPORT[start..].find('.').unwrap() + start + 1;
        Span::new(start, end)
    };
    let mut djibo = data("Djibo", -1.63, 14.10, date(2024, 3, 23), EventType::Battles);
    djibo.evidence = sentence("Fighting");
    djibo.notes = "Clash at the market.".into();
    let mut kaya = data(
        "Kaya",
        -1.08,
        13.09,
        date(2024, 9, 10),
        EventType::ViolenceAgainstCivilians,
    );
    kaya.evidence = sentence("Civilians");
    kaya.fatalities = Some(7);
    kaya.notes = "Village raid.".into();
    kaya.location.admin1 = "Centre-Nord".into();
    kaya.confidence = Confidence::Low;
    kaya.confidence_reasons = vec![
        "the attackers are not named".into(),
        "the death toll is a vague quantity".into(),
    ];
    let mut fada = data(
        "Fada N'Gourma",
        0.35,
        12.06,
        date(2025, 7, 28),
        EventType::ExplosionsRemoteViolence,
    );
    fada.evidence = sentence("A drone");
    fada.notes = "Airstrike on a convoy.".into();
    fada.location.geo_precision = GeoPrecision::Region;
    fada.confidence = Confidence::Medium;
    fada.confidence_reasons = vec!["the attackers are not named".into()];
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

pub(super) fn harness() -> Harness<'static, AtlasApp> {
    harness_of(AtlasApp::new(workspace()).unwrap())
}

/// The window under test; should a test pick OpenStreetMap, it gets the
/// stand-in, so no test reaches the network.
pub(super) fn harness_of(app: AtlasApp) -> Harness<'static, AtlasApp> {
    let app = app.with_osm_source(OsmSource::StandIn);
    Harness::builder()
        .with_size([1440.0, 900.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
}

pub(super) fn click_at(harness: &mut Harness<'_, AtlasApp>, pos: Pos2) {
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

/// Scrolls the left panel until the widget labelled `label` is in view.
fn show(harness: &mut Harness<'_, AtlasApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
}

pub(super) fn marker_of(harness: &Harness<'_, AtlasApp>, place: &str) -> (i64, Pos2) {
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
            (290.0..1080.0).contains(&pos.x) && (0.0..900.0).contains(&pos.y),
            "{pos:?}"
        );
    }
    // The window is written on the map too.
    harness.get_by_label("2024-03-23 – 2025-07-28 · 3 shown");
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
    assert_eq!(
        harness.get_by_label("Fatalities").value().as_deref(),
        Some("7")
    );
    assert_eq!(
        harness.get_by_label("Place").value().as_deref(),
        Some("Kaya")
    );

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
    assert_eq!(
        harness.get_by_label("Fatalities").value().as_deref(),
        Some("")
    );
    harness.get_by_label("report.txt (report #1)");
}

#[test]
fn a_csv_export_writes_the_shown_incidents_in_acled_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shown.csv");
    let mut harness = harness();
    harness.get_by_label("To").set_value_accesskit(200.0);
    harness.run();
    harness.state_mut().set_export_path(&path);
    harness.run();
    show(&mut harness, "Export CSV (ACLED columns)");
    harness.get_by_label("Export CSV (ACLED columns)").click();
    harness.run();

    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("event_id_cnty,event_date,year,"),
        "{header}"
    );
    let app = harness.state();
    let shown = app.visible();
    assert_eq!(shown.len(), 2);
    assert_eq!(lines.count(), shown.len());
    for i in shown {
        let id = crate::export::event_id(&app.incidents()[i]);
        assert!(text.contains(&id), "{id} missing from\n{text}");
    }
}

#[test]
fn choosing_a_format_swaps_the_file_extension() {
    let mut harness = harness();
    show(&mut harness, "Export GeoJSON");
    harness.get_by_label("Format").click();
    harness.run();
    harness.get_by_label("GeoPackage").click();
    harness.run();
    harness.get_by_label("Export GeoPackage");
    assert_eq!(harness.state().export_path(), "incidents.gpkg");
}

#[test]
fn export_writes_exactly_the_incidents_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shown.geojson");
    let mut harness = harness();
    harness.get_by_label("To").set_value_accesskit(200.0);
    harness.run();
    harness.state_mut().set_export_path(&path);
    show(&mut harness, "Export GeoJSON");
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
    show(&mut harness, "Ingest");
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
    show(&mut harness, "Ingest");
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
    show(&mut harness, "Ingest file");
    harness.get_by_label("Ingest file").click();
    harness.run();
    harness.get_by_label_contains("no such file");
}

#[test]
fn the_zoom_buttons_zoom_one_level_at_a_time() {
    let mut harness = harness();
    harness.get_by_label("Zoom in").click();
    harness.run();
    assert_eq!(harness.state().map_zoom(), 7.0);
    harness.get_by_label("Zoom out").click();
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
    // The filter's checkbox, and now the tooltip.
    assert_eq!(
        harness
            .query_all_by_label("Explosions/Remote violence")
            .count(),
        2
    );
    // The "To" slider shows the same date; the tooltip adds a second one.
    assert_eq!(harness.query_all_by_label("2025-07-28").count(), 2);
}

fn id_of(harness: &Harness<'_, AtlasApp>, place: &str) -> i64 {
    harness
        .state()
        .incidents()
        .iter()
        .find(|i| i.data.location.name == place)
        .unwrap()
        .id
}

fn checkbox<'a>(harness: &'a Harness<'_, AtlasApp>, label: &'a str) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, label)
}

/// Every count on screen agrees with what the map draws and the list holds.
fn assert_counts_agree(harness: &Harness<'_, AtlasApp>, expected: usize) {
    let app = harness.state();
    assert_eq!(app.visible().len(), expected);
    assert_eq!(app.drawn().count(), expected);
    assert_eq!(app.rows().len(), expected);
    harness.get_by_label(&format!("{expected} of 3 incidents match"));
    harness.get_by_label(&format!("({expected})"));
}

#[test]
fn unticking_an_event_type_hides_it_everywhere_and_export_follows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("filtered.geojson");
    let mut harness = harness();
    checkbox(&harness, "Battles").click();
    harness.run();
    assert!(
        harness
            .state()
            .filters()
            .hidden_types
            .contains(&EventType::Battles)
    );
    assert_counts_agree(&harness, 2);
    harness.get_by_label("Battles (0)");

    harness.state_mut().set_export_path(&path);
    show(&mut harness, "Export GeoJSON");
    harness.get_by_label("Export GeoJSON").click();
    harness.run();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let text = json.to_string();
    assert_eq!(json["features"].as_array().unwrap().len(), 2);
    assert!(!text.contains("Djibo") && text.contains("Kaya"), "{text}");

    show(&mut harness, "Clear filters");
    harness.get_by_label("Clear filters").click();
    harness.run();
    assert_counts_agree(&harness, 3);
}

#[test]
fn precision_death_toll_and_actor_filters_narrow_the_map() {
    let mut harness = harness();
    checkbox(&harness, "Region only (3)").click();
    harness.run();
    // Fada N'Gourma is only known to its region.
    assert_counts_agree(&harness, 2);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Slider, "Min. deaths")
        .set_value_accesskit(5.0);
    harness.run();
    assert_counts_agree(&harness, 1);
    assert_eq!(harness.state().filters().min_fatalities, 5);
    harness.get_by_label("Clear filters").click();
    harness.run();
    harness.get_by_label("Actor").focus();
    harness.get_by_label("Actor").type_text("nobody");
    harness.run();
    assert_counts_agree(&harness, 0);
}

#[test]
fn full_text_search_finds_an_incident_by_its_notes() {
    let mut harness = harness();
    harness.get_by_label("Search").focus();
    harness.get_by_label("Search").type_text("convoy");
    harness.run();
    assert_counts_agree(&harness, 1);
    let fada = id_of(&harness, "Fada N'Gourma");
    let app = harness.state();
    assert_eq!(app.incidents()[app.visible()[0]].id, fada);
}

#[test]
fn a_click_on_a_row_selects_it_and_centres_the_map_on_it() {
    let mut harness = harness();
    harness
        .get_by_label("Kaya · Violence against civilians")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selected().map(|i| i.id), Some(id_of(&harness, "Kaya")));
    let [lon, lat] = app.map_centre();
    assert!((lon - -1.08).abs() < 1e-9 && (lat - 13.09).abs() < 1e-9);
    assert_eq!(app.map_zoom(), 6.0);
    // The marker is now in the middle of the map.
    let (_, pos) = marker_of(&harness, "Kaya");
    // The map spans from the filters panel (290 px) to the incidents panel (360 px).
    assert!((pos.x - 685.0).abs() < 60.0, "{pos:?}");
}

#[test]
fn a_click_on_a_marker_selects_its_row_and_scrolls_the_list_to_it() {
    // Eighty earlier incidents, off screen in Niger, push Fada N'Gourma's
    // row far below the list's end.
    let mut workspace = workspace();
    let far: Vec<IncidentData> = (0..80)
        .map(|n| {
            let day = date(2023, 1, 1) + chrono::Days::new(n);
            data("Agadez", 7.99, 16.97, day, EventType::Riots)
        })
        .collect();
    workspace
        .store
        .add_report("niger.txt", None, "Riots in Agadez.", &far)
        .unwrap();
    let mut harness = harness_of(AtlasApp::new(workspace).unwrap());
    let row = "Fada N'Gourma · Explosions/Remote violence";
    assert!(
        harness.query_by_label(row).is_none(),
        "the row starts out of view"
    );

    let (fada, pos) = marker_of(&harness, "Fada N'Gourma");
    click_at(&mut harness, pos);
    harness.run();
    assert_eq!(harness.state().selected().map(|i| i.id), Some(fada));
    let node = harness.get_by_label(row);
    assert!(node.rect().bottom() < 900.0, "{:?}", node.rect());
    assert_eq!(
        node.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

#[test]
fn the_list_sorts_by_deaths_then_back_by_date() {
    let mut harness = harness();
    let place = |harness: &Harness<'_, AtlasApp>| {
        let app = harness.state();
        app.rows()
            .iter()
            .map(|&i| app.incidents()[i].data.location.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(place(&harness), ["Djibo", "Kaya", "Fada N'Gourma"]);
    harness.get_by_label("Deaths").click();
    harness.run();
    assert_eq!(place(&harness)[0], "Kaya");
    harness.get_by_label("Date").click();
    harness.run();
    assert_eq!(place(&harness), ["Djibo", "Kaya", "Fada N'Gourma"]);
    harness.get_by_label("Date (asc)").click();
    harness.run();
    assert_eq!(place(&harness), ["Fada N'Gourma", "Kaya", "Djibo"]);
}

#[test]
fn a_typed_date_moves_the_window_and_a_malformed_one_does_not() {
    let mut harness = harness();
    harness.get_by_label("From date").focus();
    harness.get_by_label("From date").type_text("x");
    harness.run();
    assert_eq!(
        harness.state().window(),
        Some(TimeWindow::new(date(2024, 3, 23), date(2025, 7, 28)))
    );
    // Select the field's text and type a whole date over it.
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("From date").type_text("2024-09-01");
    harness.run();
    assert_eq!(
        harness.state().window(),
        Some(TimeWindow::new(date(2024, 9, 1), date(2025, 7, 28)))
    );
    assert_eq!(harness.state().visible().len(), 2);
}

#[test]
fn arrow_keys_step_the_window_and_a_new_step_keeps_its_place() {
    let mut harness = harness();
    let start = TimeWindow::new(date(2024, 3, 23), date(2024, 3, 31));
    harness.state_mut().apply(super::Command::SetWindow(start));
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let week_on = TimeWindow::new(date(2024, 3, 30), date(2024, 4, 7));
    assert_eq!(harness.state().window(), Some(week_on));
    harness
        .state_mut()
        .apply(super::Command::SetPlayStep(crate::view::Step::Month));
    harness.run();
    assert_eq!(harness.state().window(), Some(week_on));
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness.state().window(),
        Some(TimeWindow::new(date(2024, 4, 30), date(2024, 5, 7)))
    );
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(harness.state().window(), Some(week_on));
    harness.get_by_label("2024-03-30 – 2024-04-07 · 0 shown");
}

#[test]
fn space_plays_and_pauses_and_a_cumulative_window_keeps_its_start() {
    let mut harness = harness();
    let start = TimeWindow::new(date(2024, 3, 23), date(2024, 3, 31));
    harness.state_mut().apply(super::Command::SetWindow(start));
    harness.get_by_label("Cumulative").click();
    harness.run();
    harness.get_by_label("Step forward").click();
    harness.run();
    assert_eq!(
        harness.state().window(),
        Some(TimeWindow::new(date(2024, 3, 23), date(2024, 4, 7)))
    );
    harness.key_press(egui::Key::Space);
    // While playing the window keeps repainting, so step frame by frame.
    harness.step();
    assert!(harness.state().playing());
    harness.step();
    harness.get_by_label("Pause");
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(!harness.state().playing());
}

#[test]
fn zoomed_out_markers_gather_into_a_counted_cluster_that_splits_on_click() {
    let mut harness = harness();
    for _ in 0..4 {
        harness.get_by_label("Zoom out").click();
        harness.run();
    }
    assert_eq!(harness.state().map_zoom(), 2.0);
    let drawn = harness.state().drawn().clone();
    assert_eq!(drawn.clusters.len(), 1, "{drawn:?}");
    assert_eq!(drawn.clusters[0].2, 3);
    assert!(drawn.singles.is_empty());
    click_at(&mut harness, drawn.clusters[0].0);
    assert_eq!(harness.state().map_zoom(), 4.0);
    assert_eq!(harness.state().drawn().count(), 3);
    for _ in 0..2 {
        harness.get_by_label("Zoom in").click();
        harness.run();
    }
    assert_eq!(harness.state().drawn().singles.len(), 3);
}

#[test]
fn bigger_death_tolls_draw_bigger_markers() {
    let harness = harness();
    let radius = |id: i64| {
        harness
            .state()
            .drawn()
            .singles
            .iter()
            .find(|s| s.0 == id)
            .unwrap()
            .2
    };
    assert!(radius(id_of(&harness, "Kaya")) > radius(id_of(&harness, "Djibo")));
}

#[test]
fn an_edited_field_is_saved_at_once_and_a_bad_one_is_refused() {
    let mut harness = harness();
    let (djibo, pos) = marker_of(&harness, "Djibo");
    click_at(&mut harness, pos);
    harness.get_by_label("Fatalities").focus();
    harness.get_by_label("Fatalities").type_text("12");
    harness.run();
    let stored = |harness: &Harness<'_, AtlasApp>| {
        harness
            .state()
            .workspace_store()
            .incident(djibo)
            .unwrap()
            .unwrap()
    };
    assert_eq!(stored(&harness).data.fatalities, Some(12));
    assert_eq!(
        harness.state().selected().unwrap().data.fatalities,
        Some(12)
    );

    harness.get_by_label("Actor 2").focus();
    harness.get_by_label("Actor 2").type_text(" (Army)");
    harness.run();
    assert_eq!(
        stored(&harness).data.actor2,
        "Military Forces of Burkina Faso (Army)"
    );

    harness.get_by_label("Date").focus();
    harness.get_by_label("Date").type_text("x");
    harness.run();
    harness.get_by_label_contains("is not a date like 2024-03-23");
    assert_eq!(stored(&harness).data.event_date, date(2024, 3, 23));
}

#[test]
fn the_event_type_is_chosen_from_a_combo_and_saved() {
    let mut harness = harness();
    let (djibo, pos) = marker_of(&harness, "Djibo");
    click_at(&mut harness, pos);
    harness
        .state_mut()
        .apply(super::Command::Select(Some(djibo)));
    // The combo shows the current type; opening it offers all six.
    harness.get_by_label("Event type").click();
    harness.run();
    harness
        .get_all_by_label("Riots")
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::CheckBox)
        .unwrap()
        .click();
    harness.run();
    let stored = harness
        .state()
        .workspace_store()
        .incident(djibo)
        .unwrap()
        .unwrap();
    assert_eq!(stored.data.event_type, EventType::Riots);
    harness.get_by_label("Riots (1)");
}

#[test]
fn a_deleted_incident_can_be_brought_back_with_undo() {
    let mut harness = harness();
    let (kaya, pos) = marker_of(&harness, "Kaya");
    click_at(&mut harness, pos);
    harness.get_by_label("Delete incident").click();
    harness.run();
    assert_eq!(harness.state().incidents().len(), 2);
    assert!(harness.state().selected().is_none());
    assert_eq!(harness.state().drawn().count(), 2);
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().incidents().len(), 3);
    assert_eq!(harness.state().selected().map(|i| i.id), Some(kaya));
    assert!(harness.query_by_label("Undo").is_none());
}

#[test]
fn the_view_filters_window_and_panels_survive_a_restart() {
    let mut harness = harness();
    checkbox(&harness, "Battles").click();
    harness.get_by_label("Zoom in").click();
    harness.run();
    harness.get_by_label("List panel").click();
    harness.run();
    harness.get_by_label("To").set_value_accesskit(200.0);
    harness.run();
    assert!(
        harness.query_by_label("(1)").is_none(),
        "the list is closed"
    );
    let state = harness.state().persisted();

    // Through the same serde eframe's storage uses.
    let text = serde_json::to_string(&state).unwrap();
    let mut app = AtlasApp::new(workspace()).unwrap();
    app.restore(serde_json::from_str(&text).unwrap());
    let harness = harness_of(app);
    let app = harness.state();
    assert_eq!(app.map_zoom(), 7.0);
    assert_eq!(app.window(), state.window);
    assert!(app.filters().hidden_types.contains(&EventType::Battles));
    assert_eq!(app.visible().len(), 1);
    assert!(!app.persisted().panels.list);
    assert!(harness.query_by_label("Incidents").is_none());
}

#[test]
fn the_histogram_counts_per_chosen_bar_width_with_the_filters_applied() {
    let mut harness = harness();
    let counts = |harness: &Harness<'_, AtlasApp>| {
        let bins = harness.state().histogram();
        (bins.len(), bins.iter().map(|b| b.count).sum::<usize>())
    };
    // March 2024 to July 2025.
    assert_eq!(counts(&harness), (17, 3));
    harness.get_by_label("Bars").click();
    harness.run();
    harness.get_by_label("Day").click();
    harness.run();
    // 2024-03-23 to 2025-07-28, both days included.
    assert_eq!(counts(&harness), (493, 3));
    checkbox(&harness, "Battles").click();
    harness.run();
    assert_eq!(counts(&harness), (493, 2));
    assert_eq!(harness.state().persisted().bins, crate::view::Step::Day);
}

#[test]
fn playing_from_all_dates_starts_over_with_the_first_week() {
    let mut harness = harness();
    harness.get_by_label("Play").click();
    harness.step();
    assert!(harness.state().playing());
    assert_eq!(
        harness.state().window(),
        Some(TimeWindow::new(date(2024, 3, 23), date(2024, 3, 29)))
    );
    harness.step();
    harness.get_by_label("Pause").click();
    harness.run();
    assert!(!harness.state().playing());
}

#[test]
fn the_whole_report_opens_under_the_evidence_with_the_sentence_marked() {
    let mut harness = harness();
    let (_, pos) = marker_of(&harness, "Kaya");
    click_at(&mut harness, pos);
    harness.get_by_label("“Civilians were killed near Kaya.”");
    assert!(
        harness.query_by_label(REPORT).is_none(),
        "collapsed at first"
    );
    show(&mut harness, "Whole report");
    harness.get_by_label("Whole report").click();
    harness.run();
    harness.get_by_label(REPORT);
}

#[test]
fn a_folder_of_reports_is_imported_in_the_background_with_progress() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = crate::setup::open_workspace(Some(&dir.path().join("atlas.sqlite"))).unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for (name, text) in [
        (
            "one.txt",
            "OUAGADOUGOU, March 4, 2024 — Gunmen attacked a military post in Djibo on Sunday, killing 12 soldiers, security sources said.",
        ),
        (
            "two.txt",
            "OUAGADOUGOU, April 9, 2024 — Armed men killed 5 civilians in a village near Kaya on Monday, residents said.",
        ),
        (
            "three.txt",
            "NIAMEY, May 2, 2024 — A roadside bomb struck a convoy outside Dori on Wednesday, killing 3 soldiers.",
        ),
    ] {
        std::fs::write(reports.join(name), text).unwrap();
    }
    let mut harness = harness_of(AtlasApp::new(workspace).unwrap());
    let before = harness.state().incidents().len();
    harness.get_by_label("From file…").focus();
    harness
        .get_by_label("From file…")
        .type_text(&reports.display().to_string());
    harness.run();
    show(&mut harness, "Ingest file");
    harness.get_by_label("Ingest file").click();
    harness.run();
    let mut waited = 0;
    while harness.state().importing() {
        assert!(waited < 600, "the import never finished");
        std::thread::sleep(std::time::Duration::from_millis(50));
        // The job asks for repaints while it runs, so step frame by frame.
        harness.step();
        waited += 1;
    }
    harness.run();
    harness.get_by_label_contains("3 file(s) read:");
    assert!(harness.query_by_label_contains("of 3 files").is_none());
    assert!(
        harness.state().incidents().len() > before,
        "{}",
        harness.state().incidents().len()
    );
}

/// A gazetteer place for the review tests (a populated place, no admin codes).
fn place(id: i64, name: &str, lat: f64, lon: f64, cc: &str) -> crate::model::Place {
    crate::model::Place {
        geonameid: id,
        name: name.into(),
        ascii_name: name.into(),
        alternate_names: vec![],
        latitude: lat,
        longitude: lon,
        feature_class: "P".into(),
        feature_code: "PPL".into(),
        country_code: cc.into(),
        admin1_code: String::new(),
        admin2_code: String::new(),
        population: 1000,
        origin: crate::model::PlaceOrigin::GeoNames,
    }
}

fn review_places() -> Vec<crate::model::Place> {
    vec![
        place(1, "Kaya", 13.09, -1.08, "BF"),
        place(2, "Kaya", 12.50, -8.00, "ML"),
        place(3, "Djibo", 14.10, -1.63, "BF"),
    ]
}

/// The three incidents, with a gazetteer (stored and in memory) holding
/// Kaya in Burkina Faso, its namesake in Mali, and Djibo.
fn workspace_with_places() -> Workspace {
    let mut workspace = workspace();
    let places = review_places();
    workspace.store.import_gazetteer(&places, &[]).unwrap();
    workspace.gazetteer = Gazetteer::new(places, vec![]);
    workspace
}

#[test]
fn a_location_candidate_moves_the_incident_and_the_map_follows() {
    let mut harness = harness_of(AtlasApp::new(workspace_with_places()).unwrap());
    let kaya = id_of(&harness, "Kaya");
    harness
        .state_mut()
        .apply(super::Command::Select(Some(kaya)));
    harness.run();
    harness.get_by_label("Location candidates");
    // The country of the incident ranks the Burkinabè Kaya first.
    let gazetteer = Gazetteer::new(review_places(), vec![]);
    let lines: Vec<String> = super::review::candidates(&gazetteer, "Kaya", "BF")
        .iter()
        .map(|c| super::review::describe(&gazetteer, c))
        .collect();
    assert!(lines[0].contains("Burkina Faso") && lines[1].contains("Mali"));
    for line in &lines {
        harness.get_by_label(line);
    }
    harness
        .get_all_by_label("Why")
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness.get_all_by_label("Why").next().unwrap().click();
    harness.run();
    assert!(harness.query_all_by_label("+10.0  exact name").count() >= 1);

    show(&mut harness, "Location candidates");
    // Scrolled into view as an analyst would, then clicked.
    harness
        .get_all_by_label("Use this place")
        .nth(1)
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label("Use this place")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    let stored = harness
        .state()
        .workspace_store()
        .incident(kaya)
        .unwrap()
        .unwrap();
    assert_eq!(stored.data.location.place_id, Some(2));
    assert_eq!(stored.data.location.country, "Mali");
    assert_eq!(stored.data.location.latitude, 12.50);
    // The precision the analyst set is kept, the map centres on the new point.
    assert_eq!(stored.data.location.geo_precision, GeoPrecision::Exact);
    let [lon, lat] = harness.state().map_centre();
    assert!((lon - -8.0).abs() < 1e-9 && (lat - 12.5).abs() < 1e-9);
    assert_eq!(
        harness.state().selected().unwrap().data.location.country,
        "Mali"
    );
    // Looked up again in the new country, the Malian Kaya now leads.
    let first = &super::review::candidates(&gazetteer, "Kaya", "ML")[0];
    assert_eq!(first.place.geonameid, 2);
    let line = super::review::describe(&gazetteer, first);
    harness.get_by_label(&format!("{line} (current)"));

    // The move can be taken back: Kaya is in Burkina Faso again.
    harness.get_by_label("Undo").click();
    harness.run();
    let stored = harness
        .state()
        .workspace_store()
        .incident(kaya)
        .unwrap()
        .unwrap();
    assert_eq!(stored.data.location.country, "Burkina Faso");
    assert_eq!(stored.data.location.latitude, 13.09);
}

#[test]
fn an_mbtiles_basemap_is_chosen_in_the_toolbar_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sahel.mbtiles");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "CREATE TABLE metadata (name TEXT, value TEXT);
             CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,
                                 tile_row INTEGER, tile_data BLOB);",
        )
        .unwrap();
    let mut harness = harness();
    assert_eq!(harness.state().persisted().basemap.mbtiles(), None);
    harness.get_by_label("Basemap").click();
    harness.run();
    harness.get_by_label("MBTiles file…").click();
    harness.run();
    harness.get_by_label("Tiles file").focus();
    harness
        .get_by_label("Tiles file")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("Open tiles").click();
    // The file is opened off the UI thread: under a loaded test run the
    // answer may take a few frames.
    for _ in 0..200 {
        harness.run();
        if harness.state().persisted().basemap.mbtiles().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let chosen = harness.state().persisted().basemap;
    assert_eq!(chosen.mbtiles(), Some(path.display().to_string().as_str()));
    // Markers are still drawn over the tiles.
    assert_eq!(harness.state().drawn_markers().len(), 3);

    // A file that is not MBTiles is reported and the outlines stay.
    let bad = dir.path().join("notes.txt");
    std::fs::write(&bad, "not a database").unwrap();
    harness
        .state_mut()
        .apply(super::Command::SetBasemap(super::BasemapChoice::MbTiles(
            bad.display().to_string(),
        )));
    harness.run();
    harness.get_by_label_contains("as MBTiles");
}

#[test]
fn save_map_picture_asks_the_window_for_a_screenshot_and_says_how_it_went() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.png");
    let mut harness = harness();
    show(&mut harness, "Save map picture");
    harness
        .state_mut()
        .apply(super::Command::SaveMapPicture { path: path.clone() });
    for _ in 0..5 {
        harness.run();
    }
    wait_for_picture(&mut harness);
    // kittest renders nothing, so the screenshot never comes back; the
    // request is dropped and the panel says so instead of waiting forever.
    let saved = path.exists();
    let refused = harness
        .query_by_label_contains("gave no screenshot")
        .is_some();
    assert!(saved || refused);
}

fn right_click_at(harness: &mut Harness<'_, AtlasApp>, pos: Pos2) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn a_right_click_names_what_is_near_and_moves_the_selected_incident_there() {
    let mut harness = harness_of(AtlasApp::new(workspace_with_places()).unwrap());
    let kaya = id_of(&harness, "Kaya");
    harness
        .state_mut()
        .apply(super::Command::Select(Some(kaya)));
    harness.run();
    let (_, djibo) = marker_of(&harness, "Djibo");
    right_click_at(&mut harness, djibo + egui::vec2(12.0, 8.0));
    harness.get_by_label("Near this point");
    let (lat, lon) = harness.state().nearby_point().unwrap();
    assert!(
        (lat - 14.1).abs() < 0.5 && (lon - -1.63).abs() < 0.5,
        "{lat}, {lon}"
    );
    let around = Gazetteer::new(review_places(), vec![]).reverse(lat, lon, 5);
    assert_eq!(around.nearest[0].0.name, "Djibo");
    for (place, km) in &around.nearest {
        harness.get_by_label(&format!("{} · {km:.1} km", place.name));
    }
    // A right click is not a left one: the selection stays.
    assert_eq!(harness.state().selected().map(|i| i.id), Some(kaya));

    harness.get_by_label("Move selected incident here").click();
    harness.run();
    let stored = harness
        .state()
        .workspace_store()
        .incident(kaya)
        .unwrap()
        .unwrap();
    let location = &stored.data.location;
    assert_eq!(location.name, "Djibo");
    assert_eq!((location.latitude, location.longitude), (lat, lon));
    assert_eq!(location.geo_precision, GeoPrecision::Exact);
}

#[test]
fn a_place_added_from_the_map_is_saved_and_found_by_the_next_lookup() {
    let mut harness = harness_of(AtlasApp::new(workspace_with_places()).unwrap());
    let kaya = id_of(&harness, "Kaya");
    let (_, djibo) = marker_of(&harness, "Djibo");
    right_click_at(&mut harness, djibo + egui::vec2(12.0, 8.0));
    harness.get_by_label("Add a place here…").click();
    harness.run();
    // The country is filled in from the point.
    assert_eq!(
        harness.get_by_label("Country code").value().as_deref(),
        Some("BF")
    );
    harness.get_by_label("Name").focus();
    harness.get_by_label("Name").type_text("Kpankankandi");
    harness.get_by_label("Alternate names").focus();
    harness
        .get_by_label("Alternate names")
        .type_text("Kpankan, Pankandi");
    harness.run();
    // No source, no place.
    assert!(
        harness
            .get_by_label("Add place")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Source").focus();
    harness
        .get_by_label("Source")
        .type_text("Field report, March 2024");
    harness.run();
    harness.get_by_label("Add place").click();
    harness.run();
    harness.get_by_label("Added Kpankankandi to the gazetteer.");

    let places = harness.state().workspace_store().load_places().unwrap();
    let added = places.iter().find(|p| p.name == "Kpankankandi").unwrap();
    // A curated place's id is its hash, so no colleague's can collide with it.
    let added_id = added.geonameid;
    assert!(added_id < crate::gazetteer::CURATED_ID_MAX, "{added_id}");
    assert_eq!(added.alternate_names, ["Kpankan", "Pankandi"]);
    let (lat, lon) = harness.state().nearby_point().unwrap();
    assert_eq!((added.latitude, added.longitude), (lat, lon));

    // Geocoding knows it at once: renaming an incident's place lists it.
    harness
        .state_mut()
        .apply(super::Command::Select(Some(kaya)));
    harness.run();
    harness.get_by_label("Place").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Place").type_text("Kpankan");
    harness.run();
    let gazetteer = Gazetteer::new(places, vec![]);
    let candidates = super::review::candidates(&gazetteer, "Kpankan", "BF");
    assert_eq!(candidates[0].place.geonameid, added_id);
    harness.get_by_label(&super::review::describe(&gazetteer, &candidates[0]));
}

#[test]
fn corrections_in_a_row_are_marked_and_undone_in_one_step() {
    let mut harness = harness();
    let (djibo, pos) = marker_of(&harness, "Djibo");
    click_at(&mut harness, pos);
    let before = harness.state().selected().unwrap().clone();
    harness.get_by_label("Fatalities").focus();
    harness.get_by_label("Fatalities").type_text("12");
    harness.run();
    harness.get_by_label("Actor 2").focus();
    harness.get_by_label("Actor 2").type_text(" (Army)");
    harness.run();
    harness.get_by_label_contains("Corrected by hand: actor2, fatalities");
    harness.get_by_label("Edited Battles at Djibo");

    harness.get_by_label("Undo").click();
    harness.run();
    let store = harness.state().workspace_store();
    assert_eq!(store.incident(djibo).unwrap().unwrap(), before);
    assert!(store.edited_fields(djibo).unwrap().is_empty());
    assert_eq!(harness.state().selected(), Some(&before));
    assert!(
        harness
            .query_by_label_contains("Corrected by hand")
            .is_none()
    );
    assert!(harness.query_by_label("Undo").is_none());
}

/// A workspace with the bundled gazetteer and one report ingested for real.
fn ingested_workspace(reports: &[&str]) -> Workspace {
    let (places, admin) = crate::gazetteer::bundled().unwrap();
    let gazetteer = Gazetteer::new(places, admin);
    let mut store = Store::open_in_memory().unwrap();
    for (n, text) in reports.iter().enumerate() {
        crate::ingest::ingest_text(&mut store, &gazetteer, &format!("r{n}.txt"), text, None)
            .unwrap();
    }
    Workspace {
        store,
        gazetteer,
        path: PathBuf::from(":memory:"),
    }
}

const BARSALOGHO: &str = "Published: 2024-08-25\n\
    Gunmen killed 12 villagers in Barsalogho on Saturday, residents said.";

#[test]
fn reading_the_report_again_keeps_a_corrected_toll_and_says_what_changed() {
    let app = AtlasApp::new(ingested_workspace(&[BARSALOGHO])).unwrap();
    let mut harness = harness_of(app);
    let id = harness.state().incidents()[0].id;
    harness.state_mut().apply(super::Command::Select(Some(id)));
    harness.run();
    harness.get_by_label("Fatalities").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Fatalities").type_text("14");
    harness.run();
    assert_eq!(
        harness.state().selected().unwrap().data.fatalities,
        Some(14)
    );

    harness.get_by_label("Read report again").click();
    harness.run();
    harness.get_by_label(
        "Report read again: 0 updated, 0 added, 0 removed, 1 unchanged; \
         analyst corrections kept on 1.",
    );
    assert_eq!(
        harness.state().selected().unwrap().data.fatalities,
        Some(14)
    );
    harness.get_by_label_contains("Corrected by hand: fatalities");
}

#[test]
fn a_second_report_of_the_same_attack_is_listed_with_its_sentence() {
    let second = "Published: 2024-08-26\n\
        Residents of Barsalogho buried twelve people on Sunday after an attack by gunmen on Saturday.";
    let app = AtlasApp::new(ingested_workspace(&[BARSALOGHO, second])).unwrap();
    let mut harness = harness_of(app);
    assert_eq!(
        harness.state().incidents().len(),
        1,
        "one incident, two reports"
    );
    let id = harness.state().incidents()[0].id;
    harness.state_mut().apply(super::Command::Select(Some(id)));
    harness.run();
    harness.get_by_label("Also reported by (1)");
    harness.get_by_label("r1.txt (report #2)");
    harness.get_by_label_contains("buried twelve people");
}

#[test]
fn an_export_from_a_database_file_runs_in_the_background_and_reports_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace =
        crate::setup::open_workspace(Some(&dir.path().join("atlas.sqlite"))).unwrap();
    let ws = &mut workspace;
    crate::ingest::ingest_text(&mut ws.store, &ws.gazetteer, "r.txt", BARSALOGHO, None).unwrap();
    let mut harness = harness_of(AtlasApp::new(workspace).unwrap());
    let shown = harness.state().visible().len();
    assert_eq!(shown, 1);
    let path = dir.path().join("all.gpkg");
    harness.state_mut().set_export_path(&path);
    harness.run();
    show(&mut harness, "Export GeoPackage");
    harness.get_by_label("Export GeoPackage").click();
    // The spinner repaints while the export runs, so step frame by frame.
    harness.step();
    harness.step();
    let done = format!("Wrote {shown} incident(s) to {}", path.display());
    let mut waited = 0;
    while harness.query_by_label(&done).is_none() {
        assert!(waited < 600, "the export never finished");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
        waited += 1;
    }
    assert!(path.is_file());
    assert!(harness.query_by_label_contains("Writing ").is_none());
}

#[test]
fn weapons_are_edited_as_a_list_and_saved() {
    let mut harness = harness();
    let (djibo, pos) = marker_of(&harness, "Djibo");
    click_at(&mut harness, pos);
    harness.get_by_label("Weapons").focus();
    harness
        .get_by_label("Weapons")
        .type_text("AK-47, armed drone");
    harness.run();
    let stored = harness
        .state()
        .workspace_store()
        .incident(djibo)
        .unwrap()
        .unwrap();
    assert_eq!(
        stored.data.weapons,
        vec!["AK-47".to_string(), "armed drone".into()]
    );
    harness.get_by_label_contains("Corrected by hand: weapons");
}

/// The window on `workspace()`, whose incidents are weighed Djibo high,
/// Kaya low, Fada N'Gourma medium: the review order is Kaya, Fada, Djibo.
fn review_harness() -> Harness<'static, AtlasApp> {
    harness()
}

fn selected_place(harness: &Harness<'_, AtlasApp>) -> Option<String> {
    harness
        .state()
        .selected()
        .map(|i| i.data.location.name.clone())
}

fn press(harness: &mut Harness<'_, AtlasApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn the_review_queue_goes_lowest_confidence_first_and_accept_dismiss_empty_it() {
    let mut harness = review_harness();
    let order: Vec<String> = {
        let app = harness.state_mut();
        let queue = app.review_queue();
        queue
            .iter()
            .map(|id| {
                let i = app.incidents().iter().find(|i| i.id == *id).unwrap();
                i.data.location.name.clone()
            })
            .collect()
    };
    assert_eq!(order, ["Kaya", "Fada N'Gourma", "Djibo"]);
    harness.get_by_label("Review (3 left)").click();
    harness.run();
    assert!(harness.state().reviewing());
    assert_eq!(selected_place(&harness).as_deref(), Some("Kaya"));
    harness.get_by_label("3 left");
    harness.get_by_label("low confidence");
    harness.get_by_label("– the attackers are not named; the death toll is a vague quantity");

    // A accepts and moves on; the count drops.
    let kaya = id_of(&harness, "Kaya");
    press(&mut harness, egui::Key::A);
    assert!(
        harness
            .state()
            .workspace_store()
            .incident(kaya)
            .unwrap()
            .unwrap()
            .reviewed
    );
    assert_eq!(selected_place(&harness).as_deref(), Some("Fada N'Gourma"));
    harness.get_by_label("Review (2 left)");
    harness.get_by_label("2 left");

    // D dismisses: the ordinary delete, which Undo takes back.
    press(&mut harness, egui::Key::D);
    assert_eq!(harness.state().incidents().len(), 2);
    assert_eq!(selected_place(&harness).as_deref(), Some("Djibo"));
    harness.get_by_label("Review (1 left)");
    harness.get_by_label("Undo");

    // Enter accepts too; then nothing is left.
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("Review (0 left)");
    harness.get_by_label("Nothing left to review among the incidents shown.");
    assert!(harness.state().selected().is_none());

    // Esc leaves the mode.
    press(&mut harness, egui::Key::Escape);
    assert!(!harness.state().reviewing());
    assert!(
        harness
            .query_by_label("Nothing left to review among the incidents shown.")
            .is_none()
    );
}

#[test]
fn review_keys_move_through_the_queue_and_typing_a_correction_accepts_nothing() {
    let mut harness = review_harness();
    harness
        .state_mut()
        .apply(super::Command::SetReviewMode(true));
    harness.run();
    assert_eq!(selected_place(&harness).as_deref(), Some("Kaya"));
    for (key, place) in [
        (egui::Key::N, "Fada N'Gourma"),
        (egui::Key::J, "Djibo"),
        (egui::Key::N, "Djibo"),
        (egui::Key::K, "Fada N'Gourma"),
        (egui::Key::P, "Kaya"),
    ] {
        press(&mut harness, key);
        assert_eq!(selected_place(&harness).as_deref(), Some(place), "{key:?}");
    }

    // C puts the keyboard in the details editor: A is then not an accept,
    // and Esc only leaves the field.
    press(&mut harness, egui::Key::C);
    assert!(harness.ctx.egui_wants_keyboard_input());
    press(&mut harness, egui::Key::A);
    press(&mut harness, egui::Key::Escape);
    assert!(harness.state().reviewing());
    let kaya = id_of(&harness, "Kaya");
    let stored = |h: &Harness<'_, AtlasApp>| {
        h.state()
            .workspace_store()
            .incident(kaya)
            .unwrap()
            .unwrap()
            .reviewed
    };
    assert!(!stored(&harness));
    press(&mut harness, egui::Key::A);
    assert!(stored(&harness));
    harness.get_by_label("Review (2 left)");

    // Undo takes the acceptance back and brings Kaya up again.
    harness.get_by_label("Undo").click();
    harness.run();
    assert!(!stored(&harness));
    harness.get_by_label("Review (3 left)");
    assert_eq!(selected_place(&harness).as_deref(), Some("Kaya"));
}

#[test]
fn the_details_and_the_list_show_the_confidence_and_unreviewed_only_filters() {
    let mut harness = review_harness();
    let (_, pos) = marker_of(&harness, "Kaya");
    click_at(&mut harness, pos);
    harness.get_by_label("Confidence: low");
    harness.get_by_label("Not reviewed yet");
    harness.get_by_label("low");
    harness.get_by_label("Mark reviewed").click();
    harness.run();
    harness.get_by_label("Reviewed: accepted by an analyst");
    harness.get_by_label("low · ok");
    show(&mut harness, "Unreviewed only");
    checkbox(&harness, "Unreviewed only").click();
    harness.run();
    assert_counts_agree(&harness, 2);
}

/// A harness for tests that open the file dialog. egui_file's path and
/// file-name fields carry no accessible name (its own widgets, not ours),
/// which kittest's accessibility check would refuse.
fn harness_with_dialog(app: AtlasApp) -> Harness<'static, AtlasApp> {
    Harness::builder()
        .with_size([1440.0, 900.0])
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app)
}

/// The test workspace, with `folder` remembered as the last one used.
fn app_with_folder(folder: &std::path::Path) -> AtlasApp {
    let mut app = AtlasApp::new(workspace()).unwrap();
    let mut state = app.persisted();
    state.last_folder = Some(folder.to_path_buf());
    app.restore(state);
    app
}

#[test]
fn an_export_chosen_in_the_file_dialog_is_written_there_and_its_folder_remembered() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("briefings")).unwrap();
    let mut harness = harness_with_dialog(app_with_folder(dir.path()));
    show(&mut harness, "Choose export file…");
    harness.get_by_label("Choose export file…").click();
    harness.run();
    // The dialog opens in the remembered folder; step into a subfolder and
    // save under the name the form offers.
    harness.get_by_label("🗀 briefings").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();

    let path = dir.path().join("briefings").join("incidents.geojson");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["features"].as_array().unwrap().len(), 3);
    // The message names the file in full, and the dialog is gone.
    harness.get_by_label(&format!("Wrote 3 incident(s) to {}", path.display()));
    assert!(harness.query_by_label("Save").is_none());
    assert_eq!(
        harness.state().persisted().last_folder.as_deref(),
        Some(dir.path().join("briefings").as_path())
    );
}

#[test]
fn a_typed_file_name_lands_in_the_last_folder_not_the_launch_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_of(app_with_folder(dir.path()));
    show(&mut harness, "Export GeoJSON");
    harness.get_by_label("Export GeoJSON").click();
    harness.run();
    let path = dir.path().join("incidents.geojson");
    assert!(path.is_file());
    harness.get_by_label(&format!("Wrote 3 incident(s) to {}", path.display()));
}

#[test]
fn cancelling_the_file_dialog_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_dialog(app_with_folder(dir.path()));
    show(&mut harness, "Choose picture file…");
    harness.get_by_label("Choose picture file…").click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Save").is_none());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_report_file_chosen_in_the_dialog_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("calm.txt"),
        "Calm day in Ouagadougou. Nothing happened.",
    )
    .unwrap();
    let mut harness = harness_with_dialog(app_with_folder(dir.path()));
    show(&mut harness, "Choose report file…");
    harness.get_by_label("Choose report file…").click();
    harness.run();
    harness.get_by_label("🗋 calm.txt").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label_contains("1 file(s) read:");
}

#[test]
fn several_reports_picked_together_in_the_dialog_are_all_imported() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("calm.txt", "Calm day in Ouagadougou. Nothing happened."),
        (
            "quiet.txt",
            "A quiet market day in Kaya. Nothing to report.",
        ),
        ("other.txt", "Not picked."),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut harness = harness_with_dialog(app_with_folder(dir.path()));
    show(&mut harness, "Choose report file…");
    harness.get_by_label("Choose report file…").click();
    harness.run();
    harness.get_by_label("🗋 calm.txt").click();
    harness.run();
    harness
        .get_by_label("🗋 quiet.txt")
        .click_modifiers(Modifiers::CTRL);
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.get_by_label_contains("2 file(s) read:");
    let field = &harness.state().import.file;
    assert!(
        field.contains("calm.txt") && field.contains("quiet.txt"),
        "{field}"
    );
    assert!(!field.contains("other.txt"), "{field}");
}

/// Pastes `text` into the report box and ingests it.
fn paste_report(harness: &mut Harness<'_, AtlasApp>, text: &str) {
    harness.get_by_label("Report text").focus();
    harness.get_by_label("Report text").type_text(text);
    harness.run();
    show(harness, "Ingest");
    harness.get_by_label("Ingest").click();
    harness.run();
}

#[test]
fn a_pasted_report_selects_its_incident_centres_the_map_and_a_second_account_shows_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = crate::setup::open_workspace(Some(&dir.path().join("atlas.sqlite"))).unwrap();
    let mut harness = harness_of(AtlasApp::new(workspace).unwrap());
    paste_report(
        &mut harness,
        "OUAGADOUGOU, March 4, 2024 — Gunmen attacked a military post in Djibo on Sunday, \
         killing 12 soldiers, security sources said.",
    );
    let incident = harness
        .state()
        .selected()
        .expect("the new incident is selected")
        .clone();
    assert_eq!(incident.data.location.name, "Djibo");
    let [lon, lat] = harness.state().map_centre();
    assert!(
        (lon - incident.data.location.longitude).abs() < 1e-6,
        "{lon}"
    );
    assert!(
        (lat - incident.data.location.latitude).abs() < 1e-6,
        "{lat}"
    );
    // The details panel shows it already: its evidence is on screen.
    harness.get_by_label_contains("attacked a military post in Djibo");

    // A second report of the same attack: the incident gains a source, and
    // the details say so without selecting it again.
    paste_report(
        &mut harness,
        "OUAGADOUGOU, March 5, 2024 — Security sources said gunmen attacked a military post \
         in Djibo on Sunday, killing 12 soldiers.",
    );
    assert_eq!(harness.state().selected().map(|i| i.id), Some(incident.id));
    harness.get_by_label("Also reported by (1)");
}

#[test]
fn the_whole_report_is_laid_out_in_full_without_a_scroll_box_of_its_own() {
    let mut store = Store::open_in_memory().unwrap();
    let long = format!("{REPORT} {}", "Patrols resumed on the road. ".repeat(80));
    let mut djibo = data("Djibo", -1.63, 14.10, date(2024, 3, 23), EventType::Battles);
    djibo.evidence = Span::new(0, REPORT.find('.').unwrap() + 1);
    store
        .add_report("long.txt", Some(date(2024, 3, 24)), &long, &[djibo])
        .unwrap();
    let workspace = Workspace {
        store,
        gazetteer: Gazetteer::new(vec![], vec![]),
        path: PathBuf::from(":memory:"),
    };
    let mut harness = harness_of(AtlasApp::new(workspace).unwrap());
    let (_, pos) = marker_of(&harness, "Djibo");
    click_at(&mut harness, pos);
    show(&mut harness, "Whole report");
    harness.get_by_label("Whole report").click();
    harness.run();
    // The old box stopped at 260 points and scrolled inside the panel.
    let text = harness.get_by_label(long.as_str());
    assert!(text.rect().height() > 300.0, "{:?}", text.rect());
}

#[test]
fn a_search_shows_why_each_incident_matched_with_the_words_marked() {
    let mut harness = harness();
    harness.get_by_label("Search").focus();
    harness.get_by_label("Search").type_text("Kaya");
    harness.run();
    // All three come from the report that names Kaya.
    assert_counts_agree(&harness, 3);
    let kaya = id_of(&harness, "Kaya");
    let djibo = id_of(&harness, "Djibo");
    let app = harness.state();
    let own = app.search_hit(kaya).unwrap();
    assert!(!own.in_report);
    assert_eq!(own.snippet.matches(), ["Kaya"]);
    let other = app.search_hit(djibo).unwrap().clone();
    assert!(other.in_report, "Djibo only matched through its report");
    assert_eq!(other.snippet.matches(), ["Kaya"]);
    // The details of a selected hit show the snippet.
    let (_, pos) = marker_of(&harness, "Djibo");
    click_at(&mut harness, pos);
    harness.get_by_label("Found by the search");
    let line = super::snippet::text(&other);
    assert!(line.starts_with("in its report: "), "{line}");
    assert!(harness.get_all_by_label(&line).count() >= 1, "{line}");
}

/// Whether `image` has a dark (ink) pixel inside `rect` (in points) at `scale`.
fn has_ink(image: &image::RgbaImage, rect: egui::Rect, scale: f32) -> bool {
    let (w, h) = image.dimensions();
    let x0 = (rect.left() * scale).max(0.0) as u32;
    let y0 = (rect.top() * scale).max(0.0) as u32;
    let x1 = ((rect.right() * scale) as u32).min(w);
    let y1 = ((rect.bottom() * scale) as u32).min(h);
    (y0..y1).any(|y| {
        (x0..x1).any(|x| {
            let p = image.get_pixel(x, y).0;
            p[0] < 90 && p[1] < 90 && p[2] < 90
        })
    })
}

/// Runs frames until the map picture being saved is done (a few seconds
/// at most; a minute means it never will be).
fn wait_for_picture(harness: &mut Harness<'_, AtlasApp>) {
    for _ in 0..6000 {
        if !harness.state().picture_pending() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    panic!("the map picture was never saved");
}

#[test]
fn the_print_picture_is_twice_the_size_with_title_window_scale_arrow_legend_and_credits() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_dialog(app_with_folder(dir.path()));
    show(&mut harness, "Twice the screen resolution (print)");
    harness
        .get_by_label("Twice the screen resolution (print)")
        .click();
    harness.run();
    show(&mut harness, "Choose picture file…");
    harness.get_by_label("Choose picture file…").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    // Painted and saved off the window's thread: the window says so and
    // keeps drawing until it is done.
    assert!(harness.state().picture_pending());
    harness.get_by_label_contains("Saving the map picture to");
    wait_for_picture(&mut harness);
    harness.get_by_label_contains("saved to");

    let path = dir.path().join("map.png");
    let picture = image::open(&path).unwrap().to_rgba8();
    let parts = harness.state().picture_parts().unwrap();
    let height =
        parts.map.height() + super::map_picture::TITLE_HEIGHT + super::map_picture::CREDITS_HEIGHT;
    assert_eq!(
        picture.dimensions(),
        (
            (2.0 * parts.map.width()).round() as u32,
            (2.0 * height).round() as u32
        )
    );
    for (part, rect) in [
        ("title", parts.title),
        ("date window", parts.window),
        ("scale bar", parts.scale_bar),
        ("north arrow", parts.north_arrow),
        ("credits", parts.credits),
    ] {
        assert!(rect.is_positive(), "{part} not drawn");
        assert!(
            parts
                .map
                .union(parts.title)
                .union(parts.credits)
                .contains_rect(rect),
            "{part} off the picture"
        );
        assert!(
            has_ink(&picture, rect, 2.0),
            "no ink in the {part} at {rect:?}"
        );
    }
    // Nothing of the frame overlaps the map's own corners' furniture.
    assert!(!parts.scale_bar.intersects(parts.north_arrow));
    assert!(!parts.title.intersects(parts.map));
    assert!(!parts.credits.intersects(parts.map));
    harness.get_by_label_contains(&format!("saved to {}", path.display()));
}

#[test]
fn incidents_another_program_writes_appear_while_the_window_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite");
    let mut store = Store::open(&path).unwrap();
    let djibo = data("Djibo", -1.63, 14.10, date(2024, 3, 23), EventType::Battles);
    store
        .add_report("first.txt", None, "First.", &[djibo])
        .unwrap();
    let workspace = Workspace {
        store,
        gazetteer: Gazetteer::new(vec![], vec![]),
        path: path.clone(),
    };
    let mut harness = harness_of(AtlasApp::new(workspace).unwrap());
    harness.state_mut().outside.every = std::time::Duration::ZERO;
    harness.run_steps(2);
    assert_eq!(harness.state().incidents().len(), 1);

    // The command line, a second connection, imports two incidents.
    let mut cli = Store::open(&path).unwrap();
    let kaya = data("Kaya", -1.08, 13.09, date(2024, 9, 10), EventType::Battles);
    let fada = data(
        "Fada N'Gourma",
        0.35,
        12.06,
        date(2025, 7, 28),
        EventType::Battles,
    );
    cli.add_report("cli.txt", None, "From the command line.", &[kaya, fada])
        .unwrap();
    harness.run_steps(2);
    assert_eq!(harness.state().incidents().len(), 3);
    // The time window grew to the new dates, so the map shows them.
    assert_counts_agree(&harness, 3);
    let outcome = format!("{:?}", harness.state().import.outcome);
    assert!(
        outcome.contains("2 incident(s) added to this database by another program"),
        "{outcome}"
    );

    // Its own writes through its own connection are not news.
    harness.run_steps(2);
    assert_eq!(harness.state().incidents().len(), 3);
}

#[test]
fn the_picture_of_a_narrow_map_keeps_its_credits_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("narrow.png");
    let mut harness = Harness::builder().with_size([900.0, 700.0]).build_ui_state(
        |ui, app: &mut AtlasApp| app.ui(ui),
        AtlasApp::new(workspace()).unwrap(),
    );
    harness.run();
    harness
        .state_mut()
        .apply(super::Command::SaveMapPicture { path: path.clone() });
    harness.run();
    wait_for_picture(&mut harness);
    let parts = harness.state().picture_parts().unwrap();
    // The picture is as wide as the map on screen, here under 400 points,
    // narrower than the credits line at its usual size.
    assert!(parts.map.width() < 400.0, "{:?}", parts.map);
    assert!(
        parts.credits.right() <= parts.map.right(),
        "credits {:?} run past the picture {:?}",
        parts.credits,
        parts.map
    );
    assert!(path.exists());
}
