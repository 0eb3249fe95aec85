//! Incident markers: which incidents the timeline lets through, one circle
//! per incident coloured by event type, and picking a marker under the
//! pointer (walkers has no per-marker events, so we compare positions).

use egui::{Color32, Pos2, Response, Stroke, Ui};
use walkers::{Projector, lon_lat};

use super::command::Command;
use super::legend::event_color;
use crate::model::{Incident, TimeWindow};

/// How far from a marker's centre (in points) a click still selects it.
pub const PICK_RADIUS: f32 = 8.0;
const RADIUS: f32 = 6.0;
const SELECTED_RADIUS: f32 = 9.0;

/// Indices of the incidents dated inside `window` (all of them when `None`),
/// in the order given.
pub fn visible(incidents: &[Incident], window: Option<TimeWindow>) -> Vec<usize> {
    incidents
        .iter()
        .enumerate()
        .filter(|(_, incident)| window.is_none_or(|w| w.contains(incident.data.event_date)))
        .map(|(i, _)| i)
        .collect()
}

/// The id of the marker nearest to `pointer`, if one lies within `radius`.
pub fn nearest(markers: &[(i64, Pos2)], pointer: Pos2, radius: f32) -> Option<i64> {
    markers
        .iter()
        .map(|(id, pos)| (*id, pos.distance(pointer)))
        .filter(|(_, distance)| *distance <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// Draws the visible incidents and returns where each marker was drawn
/// (id, screen position), plus a selection command if the map was clicked.
pub fn draw(
    ui: &mut Ui,
    response: &Response,
    projector: &Projector,
    incidents: &[Incident],
    visible: &[usize],
    selected: Option<i64>,
) -> (Vec<(i64, Pos2)>, Option<Command>) {
    let painter = ui.painter();
    let mut drawn = Vec::with_capacity(visible.len());
    let mut selected_marker = None;
    for &i in visible {
        let Some(incident) = incidents.get(i) else {
            continue;
        };
        let location = &incident.data.location;
        let pos = projector
            .project(lon_lat(location.longitude, location.latitude))
            .to_pos2();
        drawn.push((incident.id, pos));
        if Some(incident.id) == selected {
            selected_marker = Some((pos, incident));
            continue;
        }
        painter.circle(
            pos,
            RADIUS,
            event_color(incident.data.event_type),
            Stroke::new(1.5, Color32::WHITE),
        );
    }
    // The selection is drawn last so that no other marker hides it.
    if let Some((pos, incident)) = selected_marker {
        painter.circle(
            pos,
            SELECTED_RADIUS,
            event_color(incident.data.event_type),
            Stroke::new(2.5, Color32::BLACK),
        );
    }

    let hovered = response
        .hover_pos()
        .and_then(|pointer| nearest(&drawn, pointer, PICK_RADIUS))
        .and_then(|id| incidents.iter().find(|incident| incident.id == id));
    if let Some(incident) = hovered {
        let location = &incident.data.location;
        let pos = projector
            .project(lon_lat(location.longitude, location.latitude))
            .to_pos2();
        painter.circle_stroke(pos, RADIUS + 3.0, Stroke::new(1.5, Color32::DARK_GRAY));
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(incident.data.event_type.label());
            ui.label(incident.data.event_date.format("%Y-%m-%d").to_string());
            ui.label(&location.name);
        });
    }

    let command = if response.clicked() {
        let picked = response
            .interact_pointer_pos()
            .and_then(|pointer| nearest(&drawn, pointer, PICK_RADIUS));
        // A click on empty map clears the selection, as in most map tools.
        Some(Command::Select(picked))
    } else {
        None
    };
    (drawn, command)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use egui::pos2;

    use super::*;
    use crate::app::tests::incident;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).unwrap()
    }

    #[test]
    fn only_incidents_inside_the_window_are_visible() {
        let incidents = vec![
            incident(1, day(1)),
            incident(2, day(10)),
            incident(3, day(20)),
        ];
        assert_eq!(visible(&incidents, None), vec![0, 1, 2]);
        let window = TimeWindow::new(day(10), day(20));
        assert_eq!(visible(&incidents, Some(window)), vec![1, 2]);
        let window = TimeWindow::new(day(2), day(9));
        assert!(visible(&incidents, Some(window)).is_empty());
    }

    #[test]
    fn the_nearest_marker_within_the_radius_is_picked() {
        let markers = [(1, pos2(100.0, 100.0)), (2, pos2(106.0, 100.0))];
        assert_eq!(nearest(&markers, pos2(104.0, 100.0), PICK_RADIUS), Some(2));
        assert_eq!(nearest(&markers, pos2(101.0, 101.0), PICK_RADIUS), Some(1));
        assert_eq!(nearest(&markers, pos2(100.0, 120.0), PICK_RADIUS), None);
        assert_eq!(nearest(&[], pos2(0.0, 0.0), PICK_RADIUS), None);
    }
}
