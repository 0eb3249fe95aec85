//! The "Save map picture" form, and saving the picture. The picture itself
//! is drawn by `map_picture`; when tiles are on, the window is first asked
//! for a screenshot (it arrives a frame or two later, through a callback),
//! cropped to the map, to go under the redrawn map. The PNG is written
//! atomically, so a briefing never picks up a half-written file.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use egui::{ColorImage, Rect, Ui};

use super::command::{Command, Outcome};
use super::file_dialog::FilePurpose;
use crate::app::i18n::tr;
use crate::export::{ExportError, write_atomic};

/// Why the picture was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("the map is not on screen")]
    EmptyRegion,
    #[error("encoding the PNG")]
    Encode(#[from] image::ImageError),
    #[error("writing the picture")]
    Write(#[from] ExportError),
}

/// The form between frames, and a screenshot on its way.
#[derive(Debug)]
pub struct SnapshotForm {
    pub path: String,
    /// The picture's title, printed above the map.
    pub title: String,
    /// Twice the screen's resolution, for print.
    pub print: bool,
    pub outcome: Option<Outcome>,
    /// The screenshot asked for, the map rect then and where to save it.
    pending: Option<(Receiver<Arc<ColorImage>>, Rect, PathBuf)>,
}

impl Default for SnapshotForm {
    fn default() -> SnapshotForm {
        SnapshotForm {
            path: "map.png".into(),
            title: "Incident Atlas".into(),
            print: false,
            outcome: None,
            pending: None,
        }
    }
}

impl SnapshotForm {
    /// Picture pixels per point.
    pub fn scale(&self) -> f32 {
        if self.print { 2.0 } else { 1.0 }
    }

    /// Asks eframe for a screenshot of the window; `map` is the map's rect.
    pub fn request(&mut self, ctx: &egui::Context, map: Rect, path: PathBuf) {
        let (sender, receiver) = mpsc::channel();
        let wake = ctx.clone();
        ctx.request_screenshot(move |image| {
            // The form may be gone (window closed); then no one waits.
            let _ = sender.send(image);
            wake.request_repaint();
        });
        self.pending = Some((receiver, map, path));
        self.outcome = Some(Outcome::Done(tr("picture-taking")));
    }

    /// The screenshot cropped to the map, and where the picture goes, once
    /// it has arrived.
    pub fn poll(&mut self, pixels_per_point: f32) -> Option<(ColorImage, PathBuf)> {
        let (receiver, map, _) = self.pending.as_ref()?;
        let map = *map;
        let image = match receiver.try_recv() {
            Ok(image) => image,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                self.outcome = Some(Outcome::Failed(tr("picture-no-screenshot")));
                return None;
            }
        };
        let cropped = crop(&image, map, pixels_per_point);
        let (_, _, path) = self.pending.take()?;
        Some((cropped, path))
    }
}

/// Cuts the map's rect (in points) out of a window screenshot (in pixels),
/// clamped to the screenshot (egui's own `region` panics outside it).
pub fn crop(image: &ColorImage, map: Rect, pixels_per_point: f32) -> ColorImage {
    let [width, height] = image.size;
    let to_pixel = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (to_pixel(map.min.x, width), to_pixel(map.max.x, width));
    let (y0, y1) = (to_pixel(map.min.y, height), to_pixel(map.max.y, height));
    if x1 <= x0 || y1 <= y0 {
        return ColorImage::new([0, 0], Vec::new());
    }
    image.region_by_pixels([x0, y0], [x1 - x0, y1 - y0])
}

/// Writes `picture` to `path` as a PNG, atomically.
pub fn save_png(picture: &ColorImage, path: &Path) -> Result<(), SnapshotError> {
    let [width, height] = picture.size;
    if width == 0 || height == 0 {
        return Err(SnapshotError::EmptyRegion);
    }
    let bytes: Vec<u8> = picture
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    let width = u32::try_from(width).map_err(|_| SnapshotError::EmptyRegion)?;
    let height = u32::try_from(height).map_err(|_| SnapshotError::EmptyRegion)?;
    let picture =
        image::RgbaImage::from_raw(width, height, bytes).ok_or(SnapshotError::EmptyRegion)?;
    let mut png = Vec::new();
    picture.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)?;
    write_atomic(path, |out| Ok(out.write_all(&png)?))?;
    Ok(())
}

/// The picture's fields and the "Save map picture" button.
pub fn show(ui: &mut Ui, form: &mut SnapshotForm) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("picture-title-label"));
        ui.add(egui::TextEdit::singleline(&mut form.title).desired_width(160.0))
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr("picture-file-label"));
        ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(160.0))
            .labelled_by(label.id);
    });
    ui.checkbox(&mut form.print, tr("picture-print"));
    let idle = form.pending.is_none();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(idle, egui::Button::new(FilePurpose::Picture.button()))
            .clicked()
        {
            command = Some(Command::ChooseFile(FilePurpose::Picture));
        }
        if ui
            .add_enabled(
                idle && !form.path.trim().is_empty(),
                egui::Button::new(tr("picture-save")),
            )
            .on_hover_text(tr("picture-save-hover"))
            .clicked()
        {
            command = Some(Command::SaveMapPicture {
                path: PathBuf::from(form.path.trim()),
            });
        }
    });
    if let Some(outcome) = &form.outcome {
        outcome.show(ui);
    }
    command
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use egui::{Color32, pos2};

    #[test]
    fn the_screenshot_is_cropped_to_the_map() {
        // A 200x100 "window" at 2 pixels per point: grey panels, a blue map
        // from x = 20..80 points, y = 10..40 points.
        let mut window = ColorImage::filled([200, 100], Color32::GRAY);
        for y in 20..80 {
            for x in 40..160 {
                window.pixels[y * 200 + x] = Color32::from_rgb(10, 20, 200);
            }
        }
        let map = Rect::from_min_max(pos2(20.0, 10.0), pos2(80.0, 40.0));
        let cropped = crop(&window, map, 2.0);
        assert_eq!(cropped.size, [120, 60]);
        assert!(
            cropped
                .pixels
                .iter()
                .all(|p| *p == Color32::from_rgb(10, 20, 200))
        );
    }

    #[test]
    fn a_picture_is_saved_as_a_png_and_no_temporary_file_is_left() {
        let picture = ColorImage::filled([30, 20], Color32::from_rgb(10, 20, 200));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        save_png(&picture, &path).unwrap();
        let saved = image::open(&path).unwrap().to_rgba8();
        assert_eq!(saved.dimensions(), (30, 20));
        assert!(saved.pixels().all(|p| p.0 == [10, 20, 200, 255]));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_map_off_the_screenshot_is_refused() {
        let window = ColorImage::filled([10, 10], Color32::GRAY);
        let map = Rect::from_min_max(pos2(50.0, 50.0), pos2(60.0, 60.0));
        let dir = tempfile::tempdir().unwrap();
        let result = save_png(&crop(&window, map, 1.0), &dir.path().join("map.png"));
        assert!(
            matches!(result, Err(SnapshotError::EmptyRegion)),
            "{result:?}"
        );
    }
}
