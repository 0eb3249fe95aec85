//! The map: walkers with no tiles (the atlas must work offline), or tiles
//! from a local MBTiles file, under our own
//! basemap of country and admin-1 outlines and town labels, with the
//! incident markers on top.

use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Shape, Stroke, Ui};
use walkers::{Map, MapMemory, Plugin, Projector, lon_lat};

use super::command::Command;
use super::markers::{self, Drawn, NO_CLUSTER_ZOOM};
use super::mbtiles::MbTilesSource;
use crate::basemap::{Basemap, Outline};
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
    /// Raster tiles from an MBTiles file under the outlines, if one is open.
    tiles: Option<MbTilesSource>,
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

    /// Draws over these tiles from now on (`None`: plain land).
    pub fn set_tiles(&mut self, tiles: Option<MbTilesSource>) {
        self.tiles = tiles;
    }

    /// The open MBTiles file's path, if any.
    pub fn tiles_path(&self) -> Option<&std::path::Path> {
        self.tiles.as_ref().map(MbTilesSource::path)
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
        let land = self.tiles.is_none();
        let tiles = self.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles);
        let inner = Map::new(tiles, &mut self.memory, lon_lat(HOME_LON, HOME_LAT))
            .with_plugin(BasemapLayer { basemap, land })
            .show(ui, |ui, response, projector, _memory| {
                let (drawn, command) = markers::draw(
                    ui, response, projector, incidents, points, visible, selected,
                );
                (drawn, command.or_else(|| nearby(response, projector)))
            });
        let (drawn, command) = inner.inner;
        self.drawn = drawn;
        command
    }
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

/// Draws the basemap under everything else.
struct BasemapLayer<'a> {
    basemap: &'a Basemap,
    /// Fill the land colour first (no raster tiles underneath).
    land: bool,
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
        if self.land {
            painter.rect_filled(rect, 0.0, LAND);
        }
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
            let font = FontId::proportional(12.0);
            for town in &self.basemap.towns {
                // Admin-2 seats would crowd the map until zoomed in further.
                if (town.rank >= 2 && zoom < 8.0) || !view.contains(town.lon, town.lat) {
                    continue;
                }
                let pos = projector.project(lon_lat(town.lon, town.lat)).to_pos2();
                painter.circle_filled(pos, 2.5, TOWN);
                painter.text(
                    pos + egui::vec2(4.0, -2.0),
                    Align2::LEFT_BOTTOM,
                    &town.name,
                    font.clone(),
                    TOWN,
                );
            }
        }
    }
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
