//! Headless tests, with egui_kittest, of finding one's way around: paste,
//! the wheel, pinch and drag on the map, "Fit to shown", the legend, the
//! toolbar on a small screen, and playing and typing dates on the timeline.
//! The shared workspace and helpers are in `tests.rs`.

use chrono::NaiveDate;
use egui::{
    Color32, Event, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, Shape, TouchPhase, vec2,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::tests::{harness, marker_of, workspace};
use super::{AtlasApp, Command};
use crate::model::TimeWindow;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Turns the mouse wheel `notches` at `at`; egui spreads it over a few
/// frames, and the legend may move once the map has zoomed.
fn wheel(harness: &mut Harness<'_, AtlasApp>, at: Pos2, notches: f32) {
    harness.hover_at(at);
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Line,
        delta: vec2(0.0, notches),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(10);
    harness.run();
}

/// Drags with the primary button from `from` to `to`, frame by frame (the
/// map repaints while dragged), holding still before letting go so that the
/// map does not coast on.
fn drag(harness: &mut Harness<'_, AtlasApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for i in 1..=4 {
        harness.hover_at(from + (to - from) * (i as f32 / 4.0));
        harness.step();
    }
    harness.step();
    harness.step();
    harness.drop_at(to);
    harness.run_steps(4);
    harness.run();
}

fn id_of(harness: &Harness<'_, AtlasApp>, place: &str) -> i64 {
    marker_of(harness, place).0
}

#[test]
fn a_pasted_text_lands_in_the_report_box() {
    let mut harness = harness();
    harness.get_by_label("Report text").focus();
    harness.run();
    harness.event(Event::Paste("Fighting broke out at Djibo.".into()));
    harness.run();
    assert_eq!(
        harness.get_by_label("Report text").value().as_deref(),
        Some("Fighting broke out at Djibo.")
    );
}

#[test]
fn the_wheel_zooms_around_the_pointer_without_panning() {
    let mut harness = harness();
    let (_, kaya) = marker_of(&harness, "Kaya");
    wheel(&mut harness, kaya, 1.0);
    let zoom = harness.state().map_zoom();
    assert!(
        (zoom - 6.5).abs() < 0.01,
        "one notch is half a level: {zoom}"
    );
    // The place under the pointer stayed under it.
    let (_, after) = marker_of(&harness, "Kaya");
    assert!((after - kaya).length() < 1.0, "{after:?} vs {kaya:?}");
    // And the other way.
    wheel(&mut harness, kaya, -2.0);
    assert!((harness.state().map_zoom() - 5.5).abs() < 0.01);
}

#[test]
fn a_wheel_over_the_side_panels_does_not_zoom_the_map() {
    let mut harness = harness();
    wheel(&mut harness, Pos2::new(100.0, 400.0), 1.0);
    assert_eq!(harness.state().map_zoom(), 6.0);
}

#[test]
fn a_pinch_zooms_and_a_drag_pans() {
    let mut harness = harness();
    let (_, kaya) = marker_of(&harness, "Kaya");
    harness.hover_at(kaya);
    harness.event(Event::Zoom(2.0));
    harness.run();
    assert!((harness.state().map_zoom() - 7.0).abs() < 0.01);

    let (_, before) = marker_of(&harness, "Djibo");
    drag(&mut harness, kaya, kaya + vec2(-120.0, 60.0));
    assert!((harness.state().map_zoom() - 7.0).abs() < 0.01);
    let (_, after) = marker_of(&harness, "Djibo");
    assert!(
        (after - before - vec2(-120.0, 60.0)).length() < 2.0,
        "{before:?} -> {after:?}"
    );
}

#[test]
fn fit_to_shown_frames_every_incident_shown_and_one_closely() {
    let mut harness = harness();
    for _ in 0..3 {
        harness.get_by_label("Zoom out").click();
        harness.run();
    }
    harness.get_by_label("Fit to shown").click();
    harness.run();
    let zoom = harness.state().map_zoom();
    assert!(zoom > 6.0 && zoom < 10.0, "{zoom}");
    let map = harness.state().map_rect();
    let markers = harness.state().drawn_markers();
    assert_eq!(markers.len(), 3);
    for (_, pos) in markers {
        assert!(map.shrink(40.0).contains(pos), "{pos:?} outside {map:?}");
    }

    // Only Fada N'Gourma shown: centred on it, close in.
    let july = TimeWindow::new(date(2025, 7, 1), date(2025, 7, 31));
    harness.state_mut().apply(Command::SetWindow(july));
    harness.run();
    harness.get_by_label("Fit to shown").click();
    harness.run();
    assert_eq!(harness.state().map_zoom(), 10.0);
    let [lon, lat] = harness.state().map_centre();
    assert!((lon - 0.35).abs() < 1e-6 && (lat - 12.06).abs() < 1e-6);
}

#[test]
fn undo_is_reachable_on_a_1024_by_768_screen() {
    let app = AtlasApp::new(workspace()).unwrap();
    let mut harness = Harness::builder()
        .with_size([1024.0, 768.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    let kaya = id_of(&harness, "Kaya");
    harness.state_mut().apply(Command::Delete(kaya));
    harness.run();
    let screen = egui::Rect::from_min_size(Pos2::ZERO, vec2(1024.0, 768.0));
    let undo = harness.get_by_label("Undo").rect();
    assert!(screen.contains_rect(undo), "{undo:?}");
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(harness.state().incidents().len(), 3);
}

#[test]
fn on_a_1024_screen_the_map_keeps_room_and_the_legend_starts_folded() {
    let app = AtlasApp::new(workspace()).unwrap();
    let mut harness = Harness::builder()
        .with_size([1024.0, 768.0])
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run();
    let map = harness.state().map_rect();
    assert!(map.width() >= 0.4 * 1024.0, "{map:?}");
    assert!(harness.state().legend().collapsed());
    // The triangle at the left of its title bar unfolds it.
    let folded = harness.state().legend().rect();
    super::tests::click_at(&mut harness, folded.left_top() + vec2(14.0, 10.0));
    assert!(!harness.state().legend().collapsed());
    harness.get_by_label("Battles (1)");
}

#[test]
fn the_legend_collapses_and_stays_where_it_is_dragged() {
    let mut harness = harness();
    harness.get_by_label("Battles (1)");
    assert!(!harness.state().legend().moved());
    let window = harness.state().legend().rect();
    // Dragged by its title bar.
    let title = window.center_top() + vec2(0.0, 10.0);
    drag(&mut harness, title, title + vec2(200.0, -300.0));
    assert!(harness.state().legend().moved());
    let moved = harness.state().legend().rect();
    assert!(
        (moved.center() - window.center() - vec2(200.0, -300.0)).length() < 2.0,
        "{window:?} -> {moved:?}"
    );
    // It stays there on the following frames.
    harness.run();
    assert_eq!(harness.state().legend().rect(), moved);

    // The triangle at the left of the title bar folds it up.
    let button = moved.left_top() + vec2(14.0, 10.0);
    super::tests::click_at(&mut harness, button);
    assert!(harness.state().legend().collapsed());
    assert!(harness.query_by_label("Battles (1)").is_none());
}

#[test]
fn the_legend_moves_to_another_corner_when_an_incident_is_under_it() {
    let mut harness = harness();
    let legend = harness.state().legend().rect();
    assert!(legend.is_positive());
    // Drag the map so that Djibo lands in the middle of the legend.
    let (_, djibo) = marker_of(&harness, "Djibo");
    drag(&mut harness, djibo, legend.center());
    harness.run();
    let (_, now) = marker_of(&harness, "Djibo");
    let legend = harness.state().legend().rect();
    assert_ne!(harness.state().legend().corner(), egui::Align2::LEFT_BOTTOM);
    for (_, pos) in harness.state().drawn_markers() {
        assert!(!legend.contains(pos), "{pos:?} under the legend {legend:?}");
    }
    assert!(harness.state().map_rect().contains(now));
}

#[test]
fn a_cluster_count_is_painted_over_the_selection_ring() {
    let mut harness = harness();
    let kaya = id_of(&harness, "Kaya");
    for _ in 0..4 {
        harness.get_by_label("Zoom out").click();
        harness.run();
    }
    harness.state_mut().apply(Command::Select(Some(kaya)));
    harness.run();
    assert_eq!(harness.state().drawn().clusters.len(), 1);
    let shapes = &harness.output().shapes;
    let ring = shapes
        .iter()
        .position(|s| {
            matches!(&s.shape, Shape::Circle(c)
                if c.stroke.color == Color32::BLACK && c.stroke.width == 3.0)
        })
        .expect("the selection ring");
    let count = shapes
        .iter()
        .position(|s| matches!(&s.shape, Shape::Text(t) if t.galley.text() == "3"))
        .expect("the cluster's count");
    assert!(ring < count, "ring at {ring}, count at {count}");
}

#[test]
fn play_runs_inside_the_chosen_range_and_stops_at_its_end() {
    let mut harness = harness();
    let chosen = TimeWindow::new(date(2024, 9, 1), date(2025, 7, 28));
    harness.state_mut().apply(Command::SetWindow(chosen));
    harness.state_mut().apply(Command::SetSpeed(60.0));
    harness.run();
    harness.get_by_label("Play").click();
    harness.step();
    assert!(harness.state().playing());
    assert_eq!(
        harness.state().window(),
        Some(TimeWindow::new(date(2024, 9, 1), date(2024, 9, 7)))
    );
    let mut frames = 0;
    while harness.state().playing() && frames < 500 {
        harness.step();
        frames += 1;
        let window = harness.state().window().unwrap();
        assert!(
            chosen.from <= window.from && window.to <= chosen.to,
            "{window:?} left {chosen:?}"
        );
    }
    assert!(!harness.state().playing());
    assert_eq!(harness.state().window().map(|w| w.to), Some(chosen.to));
    // Play again starts the same range over.
    harness.run();
    harness.get_by_label("Play").click();
    harness.step();
    assert_eq!(
        harness.state().window().map(|w| w.from),
        Some(date(2024, 9, 1))
    );
}

#[test]
fn a_frame_spans_the_length_set_and_the_map_can_follow_it() {
    let mut harness = harness();
    harness.state_mut().apply(Command::SetPlayLength(2));
    harness.get_by_label("Map follows").click();
    harness.run();
    let chosen = TimeWindow::new(date(2025, 7, 20), date(2025, 7, 28));
    harness.state_mut().apply(Command::SetWindow(chosen));
    harness.run();
    harness.get_by_label("Play").click();
    harness.step();
    // Two weeks from the 20th, cut at the chosen end: Fada N'Gourma only.
    assert_eq!(harness.state().window(), Some(chosen));
    let [lon, lat] = harness.state().map_centre();
    assert!((lon - 0.35).abs() < 1e-6 && (lat - 12.06).abs() < 1e-6);
    // Following never zooms in.
    assert_eq!(harness.state().map_zoom(), 6.0);
}

#[test]
fn a_bad_typed_date_says_so_and_a_french_one_is_read() {
    let mut harness = harness();
    let all = harness.state().window();
    harness.get_by_label("From date").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("From date").type_text("31/31/2025");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label_contains("is not a date");
    assert_eq!(harness.state().window(), all);

    harness.get_by_label("From date").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("From date")
        .type_text("1er septembre 2024");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().window(),
        Some(TimeWindow::new(date(2024, 9, 1), date(2025, 7, 28)))
    );
    assert!(harness.query_by_label_contains("is not a date").is_none());
}

#[test]
fn hovering_a_bar_gives_its_dates_and_count() {
    let mut harness = harness();
    // The bars span the panel from the count scale to the right edge, just
    // above the From row; Monthly bars, March 2024 first.
    let from = harness.get_by_label("From").rect();
    let panel_left = from.left();
    let right = 1440.0 - panel_left;
    let left = panel_left + 30.0;
    let bars = 17.0;
    let x = left + (right - left) / bars * 0.5;
    harness.hover_at(Pos2::new(x, from.top() - 30.0));
    harness.run();
    harness.get_by_label("2024-03-01 – 2024-03-31: 1 incident");
}
