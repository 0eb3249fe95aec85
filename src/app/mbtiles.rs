//! The MBTiles basemap as a walkers tile source. A worker thread owns the
//! file: it reads and decodes each requested tile (PNG or JPEG) and sends
//! back pixels, so the UI thread only uploads finished images as textures,
//! which are cached. A missing zoom level shows the nearest coarser tile,
//! stretched, until (or instead of) the exact one.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;
use std::sync::mpsc::{self, Receiver, Sender};

use egui::{ColorImage, Context, Rect, TextureHandle, pos2};
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

use super::basemap_choice::BasemapChoice;
use super::command::{Command, error_chain};
use super::file_dialog::FilePurpose;
use crate::app::i18n::{self, Language, tr, tr_in};
use crate::tiles::{MbTiles, MbTilesError};

/// How many zoom levels up a missing tile is looked for.
const FALLBACK_LEVELS: u8 = 6;

/// Tiles from an MBTiles file, decoded off the UI thread.
pub struct MbTilesSource {
    requests: Sender<TileId>,
    decoded: Receiver<(TileId, Option<ColorImage>)>,
    /// `None`: the file has no such tile (or it would not decode).
    cache: HashMap<TileId, Option<TextureHandle>>,
    pending: HashSet<TileId>,
    ctx: Context,
}

impl MbTilesSource {
    /// Opens `path` (on this thread, so a bad file is reported at once) and
    /// starts the worker.
    pub fn open(path: &Path, ctx: Context) -> Result<MbTilesSource, MbTilesError> {
        let file = MbTiles::open(path)?;
        let (requests, jobs) = mpsc::channel::<TileId>();
        let (results, decoded) = mpsc::channel();
        let wake = ctx.clone();
        std::thread::spawn(move || {
            for id in jobs {
                let image = decode(&file, id);
                if results.send((id, image)).is_err() {
                    return;
                }
                wake.request_repaint();
            }
        });
        Ok(MbTilesSource {
            requests,
            decoded,
            cache: HashMap::new(),
            pending: HashSet::new(),
            ctx,
        })
    }

    /// Uploads what the worker has finished.
    fn receive(&mut self) {
        while let Ok((id, image)) = self.decoded.try_recv() {
            self.pending.remove(&id);
            let texture = image.map(|image| {
                self.ctx.load_texture(
                    format!("mbtiles {}/{}/{}", id.zoom, id.x, id.y),
                    image,
                    egui::TextureOptions::LINEAR,
                )
            });
            self.cache.insert(id, texture);
        }
    }

    /// The tile's texture if it is decoded; asks the worker for it otherwise.
    fn texture(&mut self, id: TileId) -> Option<TextureHandle> {
        if let Some(cached) = self.cache.get(&id) {
            return cached.clone();
        }
        if self.pending.insert(id) {
            // The worker lives as long as this source, so a send cannot fail
            // unless it panicked; then the tile just stays empty.
            let _ = self.requests.send(id);
        }
        None
    }
}

/// The toolbar's basemap fields between frames.
#[derive(Debug, Default)]
pub struct BasemapForm {
    /// "MBTiles file…" is chosen in the combo (the file may not be open yet).
    pub use_file: bool,
    pub path: String,
    /// Why the chosen file or the online tiles could not be opened.
    pub error: Option<String>,
}

/// The map's credit for MBTiles tiles in each language (English, French),
/// made once: walkers keeps the credit as a `&'static str`.
static ATTRIBUTION: LazyLock<[String; 2]> = LazyLock::new(|| {
    [Language::English, Language::French].map(|l| tr_in(l, "basemap-attribution", &[]))
});

// The choices' catalogue keys.
const OUTLINES: &str = "basemap-outlines";
const MBTILES: &str = "basemap-mbtiles";
const OPENSTREETMAP: &str = "basemap-osm";

/// The "Basemap" combo and, for an MBTiles file, its path field. Picking
/// OpenStreetMap is the analyst's opt-in to downloading tiles.
pub fn show_choice(
    ui: &mut egui::Ui,
    form: &mut BasemapForm,
    choice: &BasemapChoice,
) -> Option<Command> {
    let mut command = None;
    let label = ui.label(tr("basemap-label"));
    let online = !form.use_file && *choice == BasemapChoice::OpenStreetMap;
    let selected = if form.use_file {
        MBTILES
    } else if online {
        OPENSTREETMAP
    } else {
        OUTLINES
    };
    egui::ComboBox::from_id_salt("basemap")
        .selected_text(tr(selected))
        .show_ui(ui, |ui| {
            for (item, wanted) in [
                (OUTLINES, BasemapChoice::Outlines),
                (OPENSTREETMAP, BasemapChoice::OpenStreetMap),
            ] {
                if ui.selectable_label(selected == item, tr(item)).clicked() {
                    form.use_file = false;
                    form.error = None;
                    if *choice != wanted {
                        command = Some(Command::SetBasemap(wanted));
                    }
                }
            }
            if ui.selectable_label(form.use_file, tr(MBTILES)).clicked() {
                form.use_file = true;
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(tr("basemap-hover"));
    if form.use_file {
        let label = ui.label(tr("basemap-tiles-file"));
        ui.add(
            egui::TextEdit::singleline(&mut form.path)
                .desired_width(180.0)
                .hint_text("basemap.mbtiles"),
        )
        .labelled_by(label.id);
        if ui
            .add_enabled(
                !form.path.trim().is_empty(),
                egui::Button::new(tr("basemap-open")),
            )
            .clicked()
        {
            command = Some(Command::SetBasemap(BasemapChoice::MbTiles(
                form.path.trim().to_string(),
            )));
        }
        if ui.button(FilePurpose::MbTiles.button()).clicked() {
            command = Some(Command::ChooseFile(FilePurpose::MbTiles));
        }
    }
    if let Some(error) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    command
}

/// Reads and decodes one tile; `None` if the file has no usable tile there.
pub fn decode(file: &MbTiles, id: TileId) -> Option<ColorImage> {
    let bytes = match file.tile(id.zoom, id.x, id.y) {
        Ok(bytes) => bytes?,
        Err(e) => {
            eprintln!("mbtiles: {}", error_chain(&e));
            return None;
        }
    };
    let image = image::load_from_memory(&bytes).ok()?.to_rgba8();
    let size = [image.width() as usize, image.height() as usize];
    Some(ColorImage::from_rgba_unmultiplied(size, image.as_raw()))
}

impl Tiles for MbTilesSource {
    fn at(&mut self, id: TileId) -> Option<TilePiece> {
        self.receive();
        if let Some(texture) = self.texture(id) {
            return Some(TilePiece::new(Tile::Raster(texture), full_uv()));
        }
        // Meanwhile (or if the file stops at a lower zoom), a coarser tile.
        for up in 1..=FALLBACK_LEVELS.min(id.zoom) {
            let parent = TileId {
                x: id.x >> up,
                y: id.y >> up,
                zoom: id.zoom - up,
            };
            if let Some(Some(texture)) = self.cache.get(&parent) {
                let texture = texture.clone();
                return Some(TilePiece::new(Tile::Raster(texture), parent_uv(id, up)));
            }
            if up == 1 {
                let _ = self.texture(parent);
            }
        }
        None
    }

    fn attribution(&self) -> Attribution {
        let text = match i18n::current() {
            Language::English => &ATTRIBUTION[0],
            Language::French => &ATTRIBUTION[1],
        };
        Attribution {
            text,
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        256
    }
}

fn full_uv() -> Rect {
    Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0))
}

/// The part of the ancestor `up` levels above `id` that `id` covers.
fn parent_uv(id: TileId, up: u8) -> Rect {
    let n = (1u32 << up) as f32;
    let mask = (1u32 << up) - 1;
    let x = (id.x & mask) as f32;
    let y = (id.y & mask) as f32;
    Rect::from_min_max(pos2(x / n, y / n), pos2((x + 1.0) / n, (y + 1.0) / n))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    /// Writes an MBTiles file holding one 256x256 PNG, red, at z=2 x=1 and
    /// TMS row 2 (XYZ row 1).
    fn write_mbtiles(path: &Path) {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.execute_batch(
            "CREATE TABLE metadata (name TEXT, value TEXT);
             CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,
                                 tile_row INTEGER, tile_data BLOB);
             INSERT INTO metadata VALUES ('name', 'test'), ('format', 'png');",
        )
        .unwrap();
        let image = image::RgbaImage::from_pixel(256, 256, image::Rgba([200, 30, 30, 255]));
        let mut png = Vec::new();
        image
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        conn.execute(
            "INSERT INTO tiles VALUES (2, 1, 2, ?1)",
            rusqlite::params![png],
        )
        .unwrap();
    }

    #[test]
    fn a_tile_is_read_with_its_row_flipped_from_tms_and_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tiny.mbtiles");
        write_mbtiles(&path);
        let file = MbTiles::open(&path).unwrap();
        assert_eq!(file.format(), Some("png"));
        // XYZ row 1 at z=2 is TMS row 4 - 1 - 1 = 2.
        assert!(file.tile(2, 1, 1).unwrap().is_some());
        assert!(file.tile(2, 1, 2).unwrap().is_none());
        let image = decode(
            &file,
            TileId {
                x: 1,
                y: 1,
                zoom: 2,
            },
        )
        .unwrap();
        assert_eq!(image.size, [256, 256]);
        assert_eq!(image.pixels[0], egui::Color32::from_rgb(200, 30, 30));
        assert!(
            decode(
                &file,
                TileId {
                    x: 0,
                    y: 0,
                    zoom: 2
                }
            )
            .is_none()
        );
    }

    #[test]
    fn the_source_decodes_on_its_worker_and_then_serves_the_cached_texture() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tiny.mbtiles");
        write_mbtiles(&path);
        let mut source = MbTilesSource::open(&path, Context::default()).unwrap();
        let id = TileId {
            x: 1,
            y: 1,
            zoom: 2,
        };
        // The first ask only queues the tile.
        assert!(source.at(id).is_none());
        let mut piece = None;
        for _ in 0..200 {
            piece = source.at(id);
            if piece.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let piece = piece.unwrap();
        assert_eq!(piece.uv, full_uv());
        // A child at z=3 is drawn from the z=2 tile's lower-right quarter.
        let child = source
            .at(TileId {
                x: 3,
                y: 3,
                zoom: 3,
            })
            .unwrap();
        assert_eq!(child.uv, Rect::from_min_max(pos2(0.5, 0.5), pos2(1.0, 1.0)));
    }
}
