//! Drawing the map picture from the atlas's state and saving it.

use std::path::Path;
use std::sync::mpsc;

use egui::ColorImage;

use super::AtlasApp;
use crate::app::basemap_choice::BasemapChoice;
use crate::app::command::{Outcome, error_chain};
use crate::app::i18n::{self as i18n, tr, tr_in};
use crate::app::map_picture::{self, Parts, PictureInput};
use crate::app::snapshot::save_png;

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
            Some(BasemapChoice::OpenStreetMap) => Some(tr("picture-credit-osm")),
            Some(BasemapChoice::MbTiles(file)) => Some(
                Path::new(file)
                    .file_name()
                    .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned()),
            ),
            Some(BasemapChoice::Outlines) | None => None,
        };
        let sketch = map_picture::compose(PictureInput {
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
            language: i18n::current(),
        });
        self.picture_parts = Some(sketch.parts);
        // Painting every pixel and encoding the PNG takes a moment at print
        // size; the window keeps drawing meanwhile and says so.
        let (done, result) = mpsc::channel();
        let repaint = self.repaint.clone();
        let target = path.to_path_buf();
        // The worker has no language of its own: it is handed the window's.
        let language = i18n::current();
        std::thread::spawn(move || {
            let image = sketch.paint();
            let [width, height] = image.size;
            let outcome = match save_png(&image, &target) {
                Ok(()) => Outcome::Done(tr_in(
                    language,
                    "picture-saved",
                    &[
                        ("width", width.into()),
                        ("height", height.into()),
                        ("path", target.display().to_string().into()),
                    ],
                )),
                Err(e) => Outcome::Failed(error_chain(&e)),
            };
            // The window may have closed meanwhile; then nobody is told.
            let _ = done.send(outcome);
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        self.picture_saving = Some(result);
        self.snapshot.outcome = Some(Outcome::Done(i18n::tr_args(
            "picture-saving",
            &[("path", path.display().to_string().into())],
        )));
    }

    /// Takes the outcome of a picture being saved, once it is.
    pub(super) fn poll_picture(&mut self) {
        let Some(saving) = &self.picture_saving else {
            return;
        };
        match saving.try_recv() {
            Ok(outcome) => {
                self.snapshot.outcome = Some(outcome);
                self.picture_saving = None;
            }
            Err(mpsc::TryRecvError::Empty) => {}
            Err(mpsc::TryRecvError::Disconnected) => {
                self.snapshot.outcome = Some(Outcome::Failed(tr("picture-failed")));
                self.picture_saving = None;
            }
        }
    }

    /// True while a map picture is being painted and saved.
    pub fn picture_pending(&self) -> bool {
        self.picture_saving.is_some()
    }

    /// Where the parts of the last picture were drawn, in points.
    pub fn picture_parts(&self) -> Option<Parts> {
        self.picture_parts
    }
}
