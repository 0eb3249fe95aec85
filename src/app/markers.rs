//! Incident markers: sized by the death toll (square-root scale, capped),
//! filled or hollow by geo precision, coloured by event type, gathered into
//! counted clusters when zoomed out. The layout itself is `view::layout`
//! (egui-free and benchmarked); this file projects, paints and picks.

use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Stroke, Ui, pos2};
use walkers::Projector;

use super::command::Command;
use super::legend::event_color;
use crate::app::i18n::tr;
use crate::model::Incident;
use crate::view::{MarkerStyle, Viewport, layout, mercator, radius};

/// How far beyond a marker's edge (in points) a click still selects it.
pub const PICK_SLACK: f32 = 3.0;
/// The grid cell (points) markers are clustered in.
pub const CLUSTER_CELL: f32 = 40.0;
/// From this zoom on (a few villages on screen) nothing is clustered.
pub const NO_CLUSTER_ZOOM: f64 = 12.0;
const CLUSTER_FILL: Color32 = Color32::from_rgba_premultiplied(0x2F, 0x3E, 0x4C, 0xE6);

/// Where things were drawn in the last frame, for picking and tests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawn {
    /// (incident id, screen position, radius)
    pub singles: Vec<(i64, Pos2, f32)>,
    /// (screen position, radius, member count)
    pub clusters: Vec<(Pos2, f32, usize)>,
}

impl Drawn {
    /// How many incidents are on the map, alone or in a cluster.
    pub fn count(&self) -> usize {
        self.singles.len() + self.clusters.iter().map(|c| c.2).sum::<usize>()
    }
}

/// What a click at a point hits: a marker first, else a cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pick {
    Incident(i64),
    Cluster(Pos2),
}

/// The marker (nearest centre) or cluster under `pointer`, if any.
pub fn pick(drawn: &Drawn, pointer: Pos2) -> Option<Pick> {
    let single = drawn
        .singles
        .iter()
        .map(|(id, pos, r)| (*id, pos.distance(pointer), *r))
        .filter(|(_, distance, r)| *distance <= r + PICK_SLACK)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _, _)| Pick::Incident(id));
    single.or_else(|| {
        drawn
            .clusters
            .iter()
            .find(|(pos, r, _)| pos.distance(pointer) <= *r)
            .map(|(pos, _, _)| Pick::Cluster(*pos))
    })
}

/// The radius of a cluster of `count` markers.
pub fn cluster_radius(count: usize) -> f32 {
    (10.0 + 1.6 * (count as f32).sqrt()).min(26.0)
}

/// The unit-square-to-screen mapping walkers uses this frame, taken from the
/// screen centre so that it stays exact at any zoom.
pub fn viewport(projector: &Projector, rect: Rect) -> Viewport {
    let centre = rect.center();
    let at = projector.unproject(centre.to_vec2());
    let m = mercator(at.x(), at.y());
    let world = 256.0 * 2f64.powf(projector.zoom());
    Viewport {
        origin: [
            f64::from(centre.x) - m[0] * world,
            f64::from(centre.y) - m[1] * world,
        ],
        world,
        rect: [rect.left(), rect.top(), rect.right(), rect.bottom()],
    }
}

fn paint_marker(painter: &egui::Painter, pos: Pos2, incident: &Incident) {
    let colour = event_color(incident.data.event_type);
    let r = radius(incident.data.fatalities);
    match MarkerStyle::from(incident.data.location.geo_precision) {
        MarkerStyle::Filled => {
            painter.circle(pos, r, colour, Stroke::new(1.0, Color32::WHITE));
        }
        MarkerStyle::FilledWithRing => {
            painter.circle(pos, r, colour, Stroke::new(1.0, Color32::WHITE));
            painter.circle_stroke(pos, r + 3.0, Stroke::new(1.5, colour));
        }
        MarkerStyle::Ring => {
            painter.circle_stroke(pos, r, Stroke::new(3.0, Color32::WHITE));
            painter.circle_stroke(pos, r, Stroke::new(2.0, colour));
        }
    }
}

/// Each cluster's count, on a dark backing of its own so that it reads even
/// where a marker or the selection ring crosses the cluster.
fn paint_counts(painter: &egui::Painter, clusters: &[(Pos2, f32, usize)]) {
    let font = FontId::proportional(12.0);
    for (pos, _, count) in clusters {
        let galley = painter.layout_no_wrap(count.to_string(), font.clone(), Color32::WHITE);
        let backing = Rect::from_center_size(*pos, galley.size() + egui::vec2(4.0, 0.0));
        painter.rect_filled(backing, 3.0, CLUSTER_FILL);
        painter.galley(
            Align2::CENTER_CENTER.anchor_size(*pos, galley.size()).min,
            galley,
            Color32::WHITE,
        );
    }
}

/// Draws the `visible` incidents (`points` are their unit Mercator positions,
/// parallel to `incidents`) and returns what was drawn, plus a command if
/// the map was clicked.
pub fn draw(
    ui: &mut Ui,
    response: &Response,
    projector: &Projector,
    incidents: &[Incident],
    points: &[[f64; 2]],
    visible: &[usize],
    selected: Option<i64>,
) -> (Drawn, Option<Command>) {
    let rect = ui.max_rect();
    let painter = ui.painter_at(rect);
    let viewport = viewport(projector, rect);
    let cell = if projector.zoom() >= NO_CLUSTER_ZOOM {
        0.0
    } else {
        CLUSTER_CELL
    };
    let laid = layout(points, visible, &viewport, cell);
    let mut drawn = Drawn::default();

    for cluster in &laid.clusters {
        let pos = pos2(cluster.pos[0], cluster.pos[1]);
        let r = cluster_radius(cluster.count());
        painter.circle(pos, r, CLUSTER_FILL, Stroke::new(1.5, Color32::WHITE));
        drawn.clusters.push((pos, r, cluster.count()));
    }
    // Biggest first, so that small markers stay visible on top.
    let mut singles: Vec<(&Incident, Pos2)> = laid
        .singles
        .iter()
        .filter_map(|&(i, p)| Some((incidents.get(i)?, pos2(p[0], p[1]))))
        .collect();
    singles.sort_by(|a, b| radius(b.0.data.fatalities).total_cmp(&radius(a.0.data.fatalities)));
    for &(incident, pos) in &singles {
        paint_marker(&painter, pos, incident);
        drawn
            .singles
            .push((incident.id, pos, radius(incident.data.fatalities)));
    }

    // The selection is drawn last, even inside a cluster, so nothing hides it.
    if let Some((i, incident)) = selected.and_then(|id| {
        visible
            .iter()
            .find_map(|&i| incidents.get(i).filter(|x| x.id == id).map(|x| (i, x)))
    }) && let Some(point) = points.get(i)
    {
        let p = viewport.project(*point);
        let pos = pos2(p[0], p[1]);
        let r = radius(incident.data.fatalities);
        paint_marker(&painter, pos, incident);
        painter.circle_stroke(pos, r + 4.0, Stroke::new(3.0, Color32::BLACK));
        painter.circle_stroke(pos, r + 6.0, Stroke::new(1.5, Color32::WHITE));
    }

    let hovered = response
        .hover_pos()
        .and_then(|pointer| pick(&drawn, pointer));
    match hovered {
        Some(Pick::Incident(id)) => {
            if let Some((incident, pos)) = singles.iter().find(|(x, _)| x.id == id) {
                let r = radius(incident.data.fatalities);
                painter.circle_stroke(*pos, r + 3.0, Stroke::new(1.5, Color32::DARK_GRAY));
                let location = &incident.data.location;
                response.clone().on_hover_ui_at_pointer(|ui| {
                    ui.strong(incident.data.event_type.label());
                    ui.label(incident.data.event_date.format("%Y-%m-%d").to_string());
                    ui.label(&location.name);
                });
            }
        }
        Some(Pick::Cluster(_)) => {
            response
                .clone()
                .on_hover_text_at_pointer(tr("markers-zoom-hover"));
        }
        None => {}
    }

    // The counts go over everything, the selection ring included, so a
    // selected incident next to a cluster never hides how many it holds.
    paint_counts(&painter, &drawn.clusters);

    let command = if response.clicked() {
        match response
            .interact_pointer_pos()
            .and_then(|pointer| pick(&drawn, pointer))
        {
            Some(Pick::Incident(id)) => Some(Command::Select(Some(id))),
            Some(Pick::Cluster(pos)) => {
                let at = projector.unproject(pos.to_vec2());
                Some(Command::ZoomInto {
                    lon: at.x(),
                    lat: at.y(),
                })
            }
            // A click on empty map clears the selection, as in most map tools.
            None => Some(Command::Select(None)),
        }
    } else {
        None
    };
    (drawn, command)
}

#[cfg(test)]
mod tests {
    use egui::vec2;
    use walkers::{MapMemory, MercatorProjection, lon_lat};

    use super::*;

    #[test]
    fn the_view_projection_lands_where_walkers_draws() {
        let rect = Rect::from_min_size(pos2(300.0, 20.0), vec2(660.0, 700.0));
        let mut memory = MapMemory::default();
        for zoom in [3.0, 6.0, 9.5, 16.0] {
            memory.set_zoom(zoom).unwrap();
            let projection = MercatorProjection;
            let projector = Projector::new(rect, &projection, &memory, lon_lat(-1.5, 12.3));
            let viewport = viewport(&projector, rect);
            for (lon, lat) in [(-1.63, 14.10), (0.35, 12.06), (-1.5, 12.3)] {
                let walkers = projector.project(lon_lat(lon, lat));
                let ours = viewport.project(mercator(lon, lat));
                assert!(
                    (walkers.x - ours[0]).abs() < 0.05 && (walkers.y - ours[1]).abs() < 0.05,
                    "zoom {zoom}: {walkers:?} vs {ours:?}"
                );
            }
        }
    }

    #[test]
    fn a_click_picks_the_nearest_marker_before_any_cluster() {
        let drawn = Drawn {
            singles: vec![(1, pos2(100.0, 100.0), 5.0), (2, pos2(108.0, 100.0), 5.0)],
            clusters: vec![(pos2(100.0, 100.0), 20.0, 7)],
        };
        assert_eq!(pick(&drawn, pos2(105.0, 100.0)), Some(Pick::Incident(2)));
        assert_eq!(pick(&drawn, pos2(101.0, 101.0)), Some(Pick::Incident(1)));
        assert_eq!(
            pick(&drawn, pos2(100.0, 115.0)),
            Some(Pick::Cluster(pos2(100.0, 100.0)))
        );
        assert_eq!(pick(&drawn, pos2(100.0, 130.0)), None);
        assert_eq!(drawn.count(), 9);
    }
}
