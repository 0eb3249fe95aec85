//! The colour key for event types: a small window over the map that the
//! analyst can collapse or drag away. Until dragged, it sits in the corner
//! of the map with the fewest incidents under it, and moves only when the
//! corner it is in covers some and another covers fewer.

use egui::{Align2, Color32, Pos2, Rect, Sense, Ui, Vec2};

use super::markers::Drawn;
use crate::app::i18n::tr;

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

/// Room between the legend and the map's edge.
const INSET: f32 = 10.0;
/// The legend's size before it has been drawn once.
const FIRST_SIZE: Vec2 = Vec2::new(210.0, 160.0);

/// Where the legend is and whether the analyst moved it.
#[derive(Debug, Clone, Copy)]
pub struct Legend {
    corner: Align2,
    /// Dragged by the analyst: egui keeps it where it was dropped.
    moved: bool,
    /// Its size as last drawn.
    size: Vec2,
    /// Collapsed to its title bar (as last drawn).
    collapsed: bool,
    /// Where it was last drawn.
    rect: Rect,
}

impl Default for Legend {
    fn default() -> Legend {
        Legend {
            corner: Align2::LEFT_BOTTOM,
            moved: false,
            size: FIRST_SIZE,
            collapsed: false,
            rect: Rect::NOTHING,
        }
    }
}

impl Legend {
    /// The map corner the legend sits in while it has not been moved.
    pub fn corner(&self) -> Align2 {
        self.corner
    }

    pub fn moved(&self) -> bool {
        self.moved
    }

    pub fn collapsed(&self) -> bool {
        self.collapsed
    }

    /// Where it was drawn in the last frame.
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Draws the legend over `map`, clear of what `drawn` holds if it can be.
    pub fn show(
        &mut self,
        ui: &Ui,
        map: Rect,
        drawn: &Drawn,
        incidents: &[Incident],
        visible: &[usize],
    ) {
        let counts = counts(incidents, visible);
        let mut window = egui::Window::new(tr("legend-title"))
            // Its place on screen is kept under one id in every language.
            .id(egui::Id::unique("legend"))
            .collapsible(true)
            // On a map too narrow for it beside the data (a 1024 px screen
            // with both panels), it starts folded to its title.
            .default_open(map.width() >= NARROW_MAP)
            .auto_sized()
            // Dragged from anywhere on it: in egui's title-bar mode a window
            // ignores the position it is given (its corner, here).
            .drag_area(egui::WindowDrag::Anywhere)
            .constrain_to(map);
        let asked = if self.moved {
            None
        } else {
            self.corner = best_corner(map, self.size, drawn, self.corner);
            let at = corner_point(map, self.corner);
            window = window.current_pos(at);
            Some(at)
        };
        // Pinned by its corner, so that folding it keeps that corner in place
        // (and egui's remembered position keeps meaning the same point).
        window = window.pivot(self.corner);
        let shown = window.show(ui.ctx(), |ui| rows(ui, counts));
        let before = self.rect;
        if let Some(shown) = shown {
            let rect = shown.response.rect;
            self.rect = rect;
            self.collapsed = shown.inner.is_none();
            if !self.collapsed {
                self.size = rect.size();
            }
            // A drag that started on the legend moves it (egui does the
            // moving); from then on it stays where the analyst put it.
            let dragging_it = ui.input(|input| {
                input.pointer.is_decidedly_dragging()
                    && input
                        .pointer
                        .press_origin()
                        .is_some_and(|origin| before.contains(origin))
            });
            if asked.is_some() && dragging_it {
                self.moved = true;
            }
        }
    }
}

/// The legend of a still picture: fixed in the bottom-left corner, since
/// nothing can be moved or folded in a saved image.
pub fn show_fixed(ui: &mut Ui, incidents: &[Incident], visible: &[usize]) {
    let counts = counts(incidents, visible);
    let area = ui.max_rect().shrink(10.0);
    let corner = egui::Rect::from_min_max(egui::pos2(area.left(), area.bottom() - 150.0), area.max);
    ui.scope_builder(egui::UiBuilder::new().max_rect(corner), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| rows(ui, counts));
    });
}

/// One row per event type: its colour, name and count.
fn rows(ui: &mut Ui, counts: [usize; 6]) {
    ui.spacing_mut().item_spacing.y = 2.0;
    for (event_type, count) in EventType::ALL.into_iter().zip(counts) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
            ui.painter()
                .circle_filled(rect.center(), 5.0, event_color(event_type));
            // Not selectable, so that a drag anywhere moves the legend.
            ui.add(egui::Label::new(format!("{} ({count})", event_type.label())).selectable(false));
        });
    }
}

/// Below this map width (points) the legend starts folded.
const NARROW_MAP: f32 = 520.0;

/// The point of `map` the legend's `corner` is pinned to.
fn corner_point(map: Rect, corner: Align2) -> Pos2 {
    corner.pos_in_rect(&map.shrink(INSET))
}

/// How many incidents a legend of `size` in `corner` of `map` would cover.
fn covered(map: Rect, size: Vec2, corner: Align2, drawn: &Drawn) -> usize {
    let rect = corner.anchor_size(corner_point(map, corner), size);
    let singles = drawn
        .singles
        .iter()
        .filter(|(_, pos, r)| rect.expand(*r).contains(*pos))
        .count();
    let clustered: usize = drawn
        .clusters
        .iter()
        .filter(|(pos, r, _)| rect.expand(*r).contains(*pos))
        .map(|c| c.2)
        .sum();
    singles + clustered
}

/// The corner for the legend: `current` while it covers nothing, else the
/// corner covering fewest incidents (bottom-left first on a tie, then the
/// others clockwise; the top middle holds the date window).
fn best_corner(map: Rect, size: Vec2, drawn: &Drawn, current: Align2) -> Align2 {
    if covered(map, size, current, drawn) == 0 {
        return current;
    }
    let corners = [
        Align2::LEFT_BOTTOM,
        Align2::LEFT_TOP,
        Align2::RIGHT_TOP,
        Align2::RIGHT_BOTTOM,
    ];
    let here = covered(map, size, current, drawn);
    corners
        .into_iter()
        .map(|corner| (covered(map, size, corner, drawn), corner))
        .filter(|(count, _)| *count < here)
        .min_by_key(|(count, _)| *count)
        .map_or(current, |(_, corner)| corner)
}

#[cfg(test)]
mod tests {
    use super::*;

    use egui::{pos2, vec2};

    fn map() -> Rect {
        Rect::from_min_size(pos2(300.0, 40.0), vec2(800.0, 600.0))
    }

    fn singles(points: &[Pos2]) -> Drawn {
        Drawn {
            singles: points
                .iter()
                .enumerate()
                .map(|(i, p)| (i as i64, *p, 5.0))
                .collect(),
            clusters: vec![],
        }
    }

    #[test]
    fn the_legend_stays_bottom_left_while_nothing_is_under_it() {
        let drawn = singles(&[pos2(700.0, 300.0)]);
        let corner = best_corner(map(), FIRST_SIZE, &drawn, Align2::LEFT_BOTTOM);
        assert_eq!(corner, Align2::LEFT_BOTTOM);
    }

    #[test]
    fn the_legend_leaves_a_corner_with_incidents_for_an_empty_one() {
        // One incident in the bottom-left corner, one in the top-left.
        let drawn = singles(&[pos2(350.0, 600.0), pos2(350.0, 80.0)]);
        let corner = best_corner(map(), FIRST_SIZE, &drawn, Align2::LEFT_BOTTOM);
        assert_eq!(corner, Align2::RIGHT_TOP);
        // A cluster of five counts as five.
        let mut crowded = singles(&[pos2(350.0, 600.0), pos2(350.0, 80.0)]);
        crowded.clusters = vec![
            (pos2(1050.0, 80.0), 14.0, 5),
            (pos2(1050.0, 600.0), 14.0, 5),
        ];
        assert_eq!(
            best_corner(map(), FIRST_SIZE, &crowded, Align2::RIGHT_TOP),
            Align2::LEFT_BOTTOM
        );
    }

    #[test]
    fn with_every_corner_as_full_the_legend_does_not_jump() {
        let m = map();
        let drawn = singles(&[
            pos2(m.left() + 40.0, m.top() + 40.0),
            pos2(m.right() - 40.0, m.top() + 40.0),
            pos2(m.left() + 40.0, m.bottom() - 40.0),
            pos2(m.right() - 40.0, m.bottom() - 40.0),
        ]);
        assert_eq!(
            best_corner(m, FIRST_SIZE, &drawn, Align2::RIGHT_BOTTOM),
            Align2::RIGHT_BOTTOM
        );
    }

    #[test]
    fn every_event_type_has_its_own_colour() {
        let colours: std::collections::HashSet<Color32> =
            EventType::ALL.into_iter().map(event_color).collect();
        assert_eq!(colours.len(), EventType::ALL.len());
    }
}
