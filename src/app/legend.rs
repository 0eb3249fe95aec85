//! The colour key for event types, drawn over the map's top-left corner.

use egui::{Color32, Pos2, Sense, Ui, UiBuilder, Vec2};

use crate::model::{EventType, Incident};

/// The marker colour for each event type: the Okabe–Ito palette, which
/// stays distinguishable for the common forms of colour blindness.
pub fn event_color(event_type: EventType) -> Color32 {
    match event_type {
        EventType::Battles => Color32::from_rgb(0xD5, 0x5E, 0x00),
        EventType::ExplosionsRemoteViolence => Color32::from_rgb(0xE6, 0x9F, 0x00),
        EventType::ViolenceAgainstCivilians => Color32::from_rgb(0xCC, 0x79, 0xA7),
        EventType::Protests => Color32::from_rgb(0x00, 0x72, 0xB2),
        EventType::Riots => Color32::from_rgb(0x56, 0xB4, 0xE9),
        EventType::StrategicDevelopments => Color32::from_rgb(0x00, 0x9E, 0x73),
    }
}

/// How many of the `visible` incidents are of each type, in `EventType::ALL` order.
pub fn counts(incidents: &[Incident], visible: &[usize]) -> [usize; 6] {
    let mut counts = [0; 6];
    for &i in visible {
        if let Some(incident) = incidents.get(i)
            && let Some(slot) = EventType::ALL
                .iter()
                .position(|t| *t == incident.data.event_type)
        {
            counts[slot] += 1;
        }
    }
    counts
}

/// Draws the key in a small frame at the bottom-left of `ui`'s area, clear of
/// the date window written at the top.
pub fn show(ui: &mut Ui, incidents: &[Incident], visible: &[usize]) {
    let counts = counts(incidents, visible);
    let area = ui.max_rect().shrink(10.0);
    let corner = egui::Rect::from_min_max(egui::pos2(area.left(), area.bottom() - 150.0), area.max);
    ui.scope_builder(UiBuilder::new().max_rect(corner), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            for (event_type, count) in EventType::ALL.into_iter().zip(counts) {
                ui.horizontal(|ui| {
                    let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
                    let centre: Pos2 = rect.center();
                    ui.painter()
                        .circle_filled(centre, 5.0, event_color(event_type));
                    ui.label(format!("{} ({count})", event_type.label()));
                });
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_type_has_its_own_colour() {
        let colours: std::collections::HashSet<Color32> =
            EventType::ALL.into_iter().map(event_color).collect();
        assert_eq!(colours.len(), EventType::ALL.len());
    }
}
