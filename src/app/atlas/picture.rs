//! Drawing the map picture from the atlas's state and saving it.

use std::path::Path;

use egui::ColorImage;

use super::AtlasApp;
use crate::app::command::{Outcome, error_chain};
use crate::app::map_picture::{self, Parts, PictureInput};
use crate::app::snapshot::save_png;
use crate::app::state::BasemapChoice;

impl AtlasApp {
    /// Whether tiles are drawn under the map (then the picture needs a
    /// screenshot of them).
    pub(super) fn tiles_on(&self) -> bool {
        self.map.tiles_choice().is_some()
    }

    /// Draws the picture (over `backdrop`, the tiles as on screen) and saves
    /// it at `path` (absolute), saying where in the form.
    pub(super) fn write_picture(&mut self, backdrop: Option<ColorImage>, path: &Path) {
        let tiles_credit = match self.map.tiles_choice() {
            Some(BasemapChoice::OpenStreetMap) => Some("© OpenStreetMap contributors".to_string()),
            Some(BasemapChoice::MbTiles(file)) => Some(
                Path::new(file)
                    .file_name()
                    .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned()),
            ),
            Some(BasemapChoice::Outlines) | None => None,
        };
        let picture = map_picture::compose(PictureInput {
            title: &self.snapshot.title,
            window: self.state.window,
            map_size: self.map_rect.size(),
            scale: self.snapshot.scale(),
            map: &self.map,
            basemap: &self.basemap,
            incidents: &self.incidents,
            points: &self.points,
            visible: &self.cache.visible,
            backdrop,
            tiles_credit,
        });
        let [width, height] = picture.image.size;
        self.snapshot.outcome = Some(match save_png(&picture.image, path) {
            Ok(()) => Outcome::Done(format!(
                "Map picture ({width}×{height} pixels) saved to {}",
                path.display()
            )),
            Err(e) => Outcome::Failed(error_chain(&e)),
        });
        self.picture_parts = Some(picture.parts);
    }

    /// Where the parts of the last picture were drawn, in points.
    pub fn picture_parts(&self) -> Option<Parts> {
        self.picture_parts
    }
}
