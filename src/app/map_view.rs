//! The map: walkers with no tiles (the atlas must work offline), or tiles
//! from a local MBTiles file or, if the analyst opted in, OpenStreetMap,
//! under our own basemap of country and admin-1 outlines and town labels,
//! with the incident markers on top.

use egui::{Color32, FontId, Pos2, Rect, Response, Shape, Stroke, Ui, vec2};
use walkers::sources::Attribution;
use walkers::{Map, MapMemory, Plugin, Projector, Tiles, lon_lat};

use super::basemap_choice::BasemapChoice;
use super::command::Command;
use super::markers::{self, Drawn, NO_CLUSTER_ZOOM};
use super::zoom;
use crate::basemap::{Basemap, Outline, Town};
use crate::model::{BBox, Incident};
use crate::view::Fit;

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
    /// A picture of the tiles to draw instead of plain land (the map
    /// picture's copy of the map has no tile source of its own).
    backdrop: Option<egui::TextureId>,
    /// Ground metres per screen point at the map's centre, as last drawn.
    metres_per_point: f64,
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
            backdrop: None,
            metres_per_point: 0.0,
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

    /// Looks where `fit` says (see `view::fit`).
    pub fn fit(&mut self, fit: Fit) {
        self.memory.center_at(lon_lat(fit.lon, fit.lat));
        // A fit's zoom is clamped to our limits, inside walkers' 0..=26.
        let _ = self.memory.set_zoom(fit.zoom);
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

    /// A copy looking at the same place, without tiles, for drawing the map
    /// picture off screen; `backdrop` (the tiles as on screen) goes under it.
    pub fn for_picture(&self, backdrop: Option<egui::TextureId>) -> MapView {
        MapView {
            memory: self.memory.clone(),
            drawn: Drawn::default(),
            tiles: None,
            backdrop,
            metres_per_point: self.metres_per_point,
        }
    }

    /// Ground metres per point at the centre of the map as last drawn (for
    /// the scale bar); 0 before the first frame.
    pub fn metres_per_point(&self) -> f64 {
        self.metres_per_point
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
        let area = ui.available_rect_before_wrap();
        match self.backdrop {
            Some(texture) => ui.painter().image(
                texture,
                area,
                Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                Color32::WHITE,
            ),
            None => ui.painter().rect_filled(area, 0.0, LAND),
        };
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
        let home = lon_lat(HOME_LON, HOME_LAT);
        // Before walkers, so that it does not pan on the wheel too.
        zoom::wheel_and_pinch(ui, ui.available_rect_before_wrap(), &mut self.memory, home);
        let inner = Map::new(tiles, &mut self.memory, home)
            .zoom_gesture(false)
            .panning(false)
            .with_plugin(BasemapLayer { basemap })
            .show(ui, |ui, response, projector, _memory| {
                let (drawn, command) = markers::draw(
                    ui, response, projector, incidents, points, visible, selected,
                );
                // Town names over the markers, placed beside them, so that
                // neither hides the other.
                let rect = ui.max_rect();
                if projector.zoom() >= 6.0 {
                    let view = view_bbox(projector, rect);
                    draw_towns(
                        &ui.painter_at(rect),
                        projector,
                        &basemap.towns,
                        &view,
                        &drawn,
                    );
                }
                if let Some(attribution) = &attribution {
                    show_attribution(ui, response.rect, attribution);
                }
                let scale = metres_per_point(projector, response.rect);
                (
                    drawn,
                    command.or_else(|| nearby(response, projector)),
                    scale,
                )
            });
        let (drawn, command, scale) = inner.inner;
        self.drawn = drawn;
        self.metres_per_point = scale;
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

/// Ground metres per point across the middle of `rect`: the projection
/// stretches with latitude, so the centre is what a scale bar can promise.
fn metres_per_point(projector: &Projector, rect: Rect) -> f64 {
    const EARTH_RADIUS_M: f64 = 6_371_008.8;
    let half = 50.0_f32;
    let west = projector.unproject((rect.center() - vec2(half, 0.0)).to_vec2());
    let east = projector.unproject((rect.center() + vec2(half, 0.0)).to_vec2());
    let (lat1, lat2) = (west.y().to_radians(), east.y().to_radians());
    let dlat = lat2 - lat1;
    let dlon = (east.x() - west.x()).to_radians();
    let a = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    let metres = 2.0 * EARTH_RADIUS_M * a.sqrt().asin();
    metres / f64::from(2.0 * half)
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
    }
}

/// Draws the towns in view, most important first, after the markers. Each
/// label takes the first place beside its dot that is clear of the labels
/// already drawn and of the markers; a town with no such place is left out
/// (dot and all) until zoomed closer, so labels never cover each other, a
/// marker or a cluster's count.
fn draw_towns(
    painter: &egui::Painter,
    projector: &Projector,
    towns: &[Town],
    view: &BBox,
    drawn: &Drawn,
) {
    let zoom = projector.zoom();
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
    let markers: Vec<Rect> = drawn
        .singles
        .iter()
        .map(|(_, pos, r)| Rect::from_center_size(*pos, egui::Vec2::splat(2.0 * r)))
        .chain(
            drawn
                .clusters
                .iter()
                .map(|(pos, r, _)| Rect::from_center_size(*pos, egui::Vec2::splat(2.0 * r))),
        )
        .collect();
    let candidates: Vec<Vec<Rect>> = labels
        .iter()
        .map(|(pos, galley)| label_places(*pos, galley.size()))
        .collect();
    let chosen = place_labels(&candidates, &markers);
    for ((pos, galley), chosen) in labels.into_iter().zip(chosen) {
        let Some(place) = chosen else {
            continue;
        };
        painter.circle_filled(pos, TOWN_DOT, TOWN);
        let origin = place.min + vec2(LABEL_PAD, LABEL_PAD);
        // A light halo keeps the name readable over outlines and tiles.
        for offset in [
            vec2(-1.0, 0.0),
            vec2(1.0, 0.0),
            vec2(0.0, -1.0),
            vec2(0.0, 1.0),
        ] {
            painter.galley_with_override_text_color(origin + offset, galley.clone(), LAND);
        }
        painter.galley(origin, galley, TOWN);
    }
}

const TOWN_DOT: f32 = 2.5;
/// The room kept around a label, so that neighbouring labels do not touch.
const LABEL_PAD: f32 = 2.0;

/// The places a town's label may take, in order of preference: above right
/// of the dot (as on most maps), below right, above left, below left, then
/// the same further out, clear of a marker on the town itself (the biggest
/// markers are 14 points across the radius). Each rect holds the label and
/// its padding.
fn label_places(dot: Pos2, label: egui::Vec2) -> Vec<Rect> {
    let mut places = Vec::with_capacity(12);
    for gap in [4.0, 12.0, 20.0] {
        for (right, above) in [(true, true), (true, false), (false, true), (false, false)] {
            let x = if right {
                dot.x + gap
            } else {
                dot.x - gap - label.x
            };
            let y = if above {
                dot.y - 2.0 - label.y
            } else {
                dot.y + 2.0
            };
            places.push(Rect::from_min_size(egui::pos2(x, y), label).expand(LABEL_PAD));
        }
    }
    places
}

/// For each town (most important first) and its candidate label places, the
/// first place that overlaps neither a label already placed nor any of
/// `obstacles`; `None` when every place is taken. A linear scan: a view holds
/// a few hundred towns at most.
fn place_labels(towns: &[Vec<Rect>], obstacles: &[Rect]) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = Vec::new();
    towns
        .iter()
        .map(|places| {
            let free = places.iter().copied().find(|rect| {
                !placed.iter().any(|other| other.intersects(*rect))
                    && !obstacles.iter().any(|other| other.intersects(*rect))
            });
            if let Some(rect) = free {
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
        let one = |r: Rect| vec![r];
        let keep = place_labels(
            &[
                one(rect(0.0, 0.0, 50.0, 14.0)),
                // Overlaps the first.
                one(rect(40.0, 5.0, 50.0, 14.0)),
                // Clear of the first; the skipped one does not block it.
                one(rect(60.0, 0.0, 50.0, 14.0)),
                // Below everything.
                one(rect(0.0, 20.0, 50.0, 14.0)),
                // Overlaps the third only.
                one(rect(100.0, 10.0, 30.0, 14.0)),
            ],
            &[],
        );
        let kept: Vec<bool> = keep.iter().map(Option::is_some).collect();
        assert_eq!(kept, vec![true, false, true, true, false]);
    }

    #[test]
    fn nothing_to_place_places_nothing() {
        assert!(place_labels(&[], &[]).is_empty());
    }

    #[test]
    fn a_label_moves_beside_a_marker_instead_of_under_it() {
        let dot = pos2(100.0, 100.0);
        let label = vec2(40.0, 12.0);
        let places = label_places(dot, label);
        // With nothing in the way it sits above right of the dot.
        let free = place_labels(std::slice::from_ref(&places), &[]);
        assert_eq!(free, vec![Some(places[0])]);
        assert!(places[0].left() > dot.x && places[0].bottom() < dot.y + 1.0);
        // A marker just above right of the town pushes it below right.
        let marker = Rect::from_center_size(pos2(120.0, 90.0), vec2(12.0, 12.0));
        let moved = place_labels(std::slice::from_ref(&places), &[marker]);
        assert_eq!(moved, vec![Some(places[1])]);
        assert!(!places[1].intersects(marker));
        // A big marker on the town itself: the label moves further out.
        let big = Rect::from_center_size(dot, vec2(24.0, 24.0));
        let out = place_labels(std::slice::from_ref(&places), &[big]).remove(0);
        let out = out.unwrap();
        assert!(!out.intersects(big));
        assert!(places[4..].contains(&out));
    }

    #[test]
    fn a_label_with_no_free_place_is_left_out() {
        let places = label_places(pos2(100.0, 100.0), vec2(40.0, 12.0));
        let everywhere = Rect::from_center_size(pos2(100.0, 100.0), vec2(400.0, 400.0));
        assert_eq!(place_labels(&[places], &[everywhere]), vec![None]);
    }
}
