//! The map: walkers with no tiles (the atlas must work offline), or tiles
//! from a local MBTiles file or, if the analyst opted in, OpenStreetMap,
//! under our own basemap of country and admin-1 outlines and town labels,
//! with the incident markers on top.

use egui::{Color32, FontId, Pos2, Rect, Response, Shape, Stroke, Ui, vec2};
use walkers::sources::Attribution;
use walkers::{Map, MapMemory, Plugin, Projector, Tiles, lon_lat};

use super::command::Command;
use super::markers::{self, Drawn, NO_CLUSTER_ZOOM};
use super::state::BasemapChoice;
use crate::basemap::{Basemap, Outline, Town};
use crate::model::{BBox, Incident};

/// Where the map opens: over Burkina Faso, where most reports are from.
pub const HOME_LON: f64 = -1.5;
pub const HOME_LAT: f64 = 12.3;
pub const HOME_ZOOM: f64 = 6.0;
/// The zoom a "Show on map" jumps to: a province fills the view.
const FOCUS_ZOOM: f64 = 9.0;

const LAND: Color32 = Color32::from_rgb(0xF4, 0xF1, 0xE8);
const COUNTRY_BORDER: Color32 = Color32::from_rgb(0x55, 0x55, 0x55);
const ADMIN1_BORDER: Color32 = Color32::from_rgb(0xB0, 0xAA, 0x9E);
const TOWN: Color32 = Color32::from_rgb(0x33, 0x33, 0x33);

/// The map's state between frames: where it looks and where the markers
/// were drawn last (for tests and for picking).
pub struct MapView {
    memory: MapMemory,
    drawn: Drawn,
    /// Raster tiles under the outlines, if a source is open.
    tiles: Option<TileLayer>,
}

/// A tile source the map can draw from. `Send`, so a replaced source can be
/// dropped off the UI thread (see `MapView::set_tiles`).
pub type BoxedTiles = Box<dyn Tiles + Send>;

/// An open tile source and the basemap choice it was opened for, so the
/// atlas can tell whether the choice changed since.
struct TileLayer {
    choice: BasemapChoice,
    source: BoxedTiles,
}

impl MapView {
    pub fn new() -> MapView {
        let mut view = MapView {
            memory: MapMemory::default(),
            drawn: Drawn::default(),
            tiles: None,
        };
        view.reset();
        view
    }

    /// Back to the opening view.
    pub fn reset(&mut self) {
        self.memory.follow_my_position();
        // HOME_ZOOM is inside walkers' 0..=26, so this cannot be refused.
        let _ = self.memory.set_zoom(HOME_ZOOM);
    }

    /// Opens at a remembered centre (lon, lat) and zoom; a zoom walkers
    /// refuses leaves the opening zoom.
    pub fn restore(&mut self, centre: [f64; 2], zoom: f64) {
        self.memory.center_at(lon_lat(centre[0], centre[1]));
        let _ = self.memory.set_zoom(zoom);
    }

    /// The map centre as (lon, lat).
    pub fn centre(&self) -> [f64; 2] {
        self.memory
            .detached()
            .map_or([HOME_LON, HOME_LAT], |p| [p.x(), p.y()])
    }

    /// Centres on a point without changing the zoom.
    pub fn centre_on(&mut self, lon: f64, lat: f64) {
        self.memory.center_at(lon_lat(lon, lat));
    }

    /// Centres on a cluster and zooms in two steps, which splits it.
    pub fn zoom_into(&mut self, lon: f64, lat: f64) {
        self.memory.center_at(lon_lat(lon, lat));
        let _ = self
            .memory
            .set_zoom((self.memory.zoom() + 2.0).min(NO_CLUSTER_ZOOM));
    }

    pub fn focus(&mut self, lon: f64, lat: f64) {
        self.memory.center_at(lon_lat(lon, lat));
        let _ = self.memory.set_zoom(self.memory.zoom().max(FOCUS_ZOOM));
    }

    /// Zooms one step in or out; at walkers' limits the step is ignored.
    pub fn zoom(&mut self, step: i8) {
        let _ = if step >= 0 {
            self.memory.zoom_in()
        } else {
            self.memory.zoom_out()
        };
    }

    pub fn zoom_level(&self) -> f64 {
        self.memory.zoom()
    }

    /// Draws over tiles from `source`, opened for `choice`, from now on.
    pub fn set_tiles(&mut self, choice: BasemapChoice, source: BoxedTiles) {
        let old = self.tiles.replace(TileLayer { choice, source });
        drop_in_background(old);
    }

    /// Back to plain land under the outlines.
    pub fn clear_tiles(&mut self) {
        drop_in_background(self.tiles.take());
    }

    /// The basemap choice the open tiles were opened for, if any are open.
    pub fn tiles_choice(&self) -> Option<&BasemapChoice> {
        self.tiles.as_ref().map(|tiles| &tiles.choice)
    }

    /// Where markers and clusters were drawn in the last frame.
    pub fn drawn(&self) -> &Drawn {
        &self.drawn
    }

    /// Draws the map filling `ui` and returns what the analyst clicked.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        basemap: &Basemap,
        incidents: &[Incident],
        points: &[[f64; 2]],
        visible: &[usize],
        selected: Option<i64>,
    ) -> Option<Command> {
        // Plain land under everything: tiles cover it where they have loaded,
        // and where they have not (or offline) the map looks as it does with
        // no tiles, rather than black under dark outlines and labels.
        ui.painter()
            .rect_filled(ui.available_rect_before_wrap(), 0.0, LAND);
        // walkers leaves the attribution to the app. Only sources with a
        // licence page carry one; an MBTiles file's terms are the analyst's.
        let attribution = self
            .tiles
            .as_ref()
            .map(|tiles| tiles.source.attribution())
            .filter(|attribution| !attribution.url.is_empty());
        let tiles: Option<&mut dyn Tiles> = match self.tiles.as_mut() {
            Some(tiles) => Some(tiles.source.as_mut()),
            None => None,
        };
        let inner = Map::new(tiles, &mut self.memory, lon_lat(HOME_LON, HOME_LAT))
            .with_plugin(BasemapLayer { basemap })
            .show(ui, |ui, response, projector, _memory| {
                let (drawn, command) = markers::draw(
                    ui, response, projector, incidents, points, visible, selected,
                );
                if let Some(attribution) = &attribution {
                    show_attribution(ui, response.rect, attribution);
                }
                (drawn, command.or_else(|| nearby(response, projector)))
            });
        let (drawn, command) = inner.inner;
        self.drawn = drawn;
        command
    }
}

/// Drops a replaced tile source on its own thread: dropping `HttpTiles`
/// joins its download thread, which waits for any DNS lookup or request in
/// flight, and switching the basemap must never freeze the window.
fn drop_in_background(old: Option<TileLayer>) {
    if let Some(old) = old {
        std::thread::spawn(move || drop(old));
    }
}

/// "© OpenStreetMap contributors" in the map's bottom-right corner, as the
/// tile usage policy asks, linking to the licence page.
fn show_attribution(ui: &mut Ui, map: Rect, attribution: &Attribution) {
    // Dark blue on the light backing reads in either theme.
    let text = egui::RichText::new(format!("© {}", attribution.text))
        .small()
        .color(Color32::from_rgb(0x1A, 0x4F, 0x9C));
    let size = egui::WidgetText::from(text.clone())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Small,
        )
        .size()
        + vec2(8.0, 4.0);
    let rect = Rect::from_min_size(map.right_bottom() - size, size);
    // A light backing keeps the link readable over any tile.
    ui.painter()
        .rect_filled(rect, 2.0, Color32::from_white_alpha(200));
    ui.put(
        rect,
        egui::Hyperlink::from_label_and_url(text, attribution.url),
    );
}

/// A secondary (right) click asks what lies around the clicked point.
fn nearby(response: &Response, projector: &Projector) -> Option<Command> {
    if !response.secondary_clicked() {
        return None;
    }
    let pos = response.interact_pointer_pos()?;
    let point = projector.unproject(pos.to_vec2());
    Some(Command::Nearby {
        lat: point.y(),
        lon: point.x(),
    })
}

/// Draws our outlines and towns over the land or the tiles, under the
/// markers.
struct BasemapLayer<'a> {
    basemap: &'a Basemap,
}

impl Plugin for BasemapLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let rect = ui.max_rect();
        let painter = ui.painter_at(rect);
        let view = view_bbox(projector, rect);
        let zoom = projector.zoom();

        // Provinces only once they are big enough to tell apart.
        if zoom >= 5.0 {
            let stroke = Stroke::new(0.6, ADMIN1_BORDER);
            for outline in &self.basemap.admin1 {
                draw_outline(&painter, projector, outline, &view, stroke);
            }
        }
        let stroke = Stroke::new(1.4, COUNTRY_BORDER);
        for outline in &self.basemap.countries {
            draw_outline(&painter, projector, outline, &view, stroke);
        }
        if zoom >= 6.0 {
            draw_towns(&painter, projector, &self.basemap.towns, &view, zoom);
        }
    }
}

/// Draws the towns in view, most important first; a town whose label would
/// overlap one already drawn is left out (dot and all) until zoomed closer,
/// so the labels stay readable.
fn draw_towns(
    painter: &egui::Painter,
    projector: &Projector,
    towns: &[Town],
    view: &BBox,
    zoom: f64,
) {
    let font = FontId::proportional(12.0);
    let mut shown: Vec<&Town> = towns
        .iter()
        // Admin-2 seats would crowd the map until zoomed in further.
        .filter(|town| !(town.rank >= 2 && zoom < 8.0) && view.contains(town.lon, town.lat))
        .collect();
    // Capitals first, then provincial seats; the sort is stable, so within a
    // rank the basemap's (alphabetical) order decides, the same every frame.
    shown.sort_by_key(|town| town.rank);
    let labels: Vec<(Pos2, std::sync::Arc<egui::Galley>)> = shown
        .iter()
        .map(|town| {
            let pos = projector.project(lon_lat(town.lon, town.lat)).to_pos2();
            let galley = painter.layout_no_wrap(town.name.clone(), font.clone(), TOWN);
            (pos, galley)
        })
        .collect();
    let keep = place_labels(
        labels
            .iter()
            .map(|(pos, galley)| town_rect(*pos, galley.size())),
    );
    for ((pos, galley), keep) in labels.into_iter().zip(keep) {
        if keep {
            painter.circle_filled(pos, TOWN_DOT, TOWN);
            painter.galley(label_origin(pos, galley.size()), galley, TOWN);
        }
    }
}

const TOWN_DOT: f32 = 2.5;

/// Where a town's label starts: right of its dot, sitting just above it.
fn label_origin(dot: Pos2, label: egui::Vec2) -> Pos2 {
    dot + vec2(4.0, -2.0 - label.y)
}

/// The screen area a town takes: its dot and its label, with a little room
/// so neighbouring labels do not touch.
fn town_rect(dot: Pos2, label: egui::Vec2) -> Rect {
    Rect::from_min_size(label_origin(dot, label), label)
        .union(Rect::from_center_size(
            dot,
            egui::Vec2::splat(2.0 * TOWN_DOT),
        ))
        .expand(2.0)
}

/// Which of `rects`, taken in order of importance, to draw: each one that
/// overlaps none already kept. A linear scan: a view holds a few hundred
/// towns at most.
fn place_labels(rects: impl IntoIterator<Item = Rect>) -> Vec<bool> {
    let mut placed: Vec<Rect> = Vec::new();
    rects
        .into_iter()
        .map(|rect| {
            let free = !placed.iter().any(|other| other.intersects(rect));
            if free {
                placed.push(rect);
            }
            free
        })
        .collect()
}

/// The lon/lat box the screen rect shows.
fn view_bbox(projector: &Projector, rect: Rect) -> BBox {
    let top_left = projector.unproject(rect.left_top().to_vec2());
    let bottom_right = projector.unproject(rect.right_bottom().to_vec2());
    BBox {
        west: top_left.x(),
        north: top_left.y(),
        east: bottom_right.x(),
        south: bottom_right.y(),
    }
}

/// Draws each ring of `outline` as a closed line, skipping outlines that are
/// off screen so panning over the Sahel stays smooth.
fn draw_outline(
    painter: &egui::Painter,
    projector: &Projector,
    outline: &Outline,
    view: &BBox,
    stroke: Stroke,
) {
    let b = &outline.bbox;
    if b.east < view.west || b.west > view.east || b.north < view.south || b.south > view.north {
        return;
    }
    for ring in &outline.rings {
        let points: Vec<Pos2> = ring
            .iter()
            .map(|p| projector.project(lon_lat(p[0], p[1])).to_pos2())
            .collect();
        painter.add(Shape::line(points, stroke));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(w, h))
    }

    #[test]
    fn a_label_overlapping_one_already_placed_is_skipped_and_the_first_wins() {
        let keep = place_labels([
            rect(0.0, 0.0, 50.0, 14.0),
            // Overlaps the first.
            rect(40.0, 5.0, 50.0, 14.0),
            // Clear of the first; the skipped one does not block it.
            rect(60.0, 0.0, 50.0, 14.0),
            // Below everything.
            rect(0.0, 20.0, 50.0, 14.0),
            // Overlaps the third only.
            rect(100.0, 10.0, 30.0, 14.0),
        ]);
        assert_eq!(keep, vec![true, false, true, true, false]);
    }

    #[test]
    fn nothing_to_place_places_nothing() {
        assert!(place_labels([]).is_empty());
    }

    #[test]
    fn a_town_takes_its_dot_and_the_label_above_right_of_it_with_a_margin() {
        let dot = pos2(100.0, 100.0);
        let area = town_rect(dot, vec2(40.0, 12.0));
        assert!(area.contains(dot));
        assert!(area.contains(pos2(143.0, 87.0)));
        // Two towns 10 px apart on the same row collide; 60 px apart do not.
        let near = town_rect(pos2(110.0, 100.0), vec2(40.0, 12.0));
        let far = town_rect(pos2(160.0, 100.0), vec2(40.0, 12.0));
        assert!(area.intersects(near));
        assert!(!area.intersects(far));
    }
}
