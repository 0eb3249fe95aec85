//! The atlas's side of choosing files: opening the dialog for a form,
//! carrying the form's action out on the chosen file, and writing exports
//! and pictures at absolute paths, so that the message names the file in
//! full and the folder is remembered for next time.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::AtlasApp;
use crate::app::basemap_choice::BasemapChoice;
use crate::app::command::Outcome;
use crate::app::export;
use crate::app::file_dialog::{FilePurpose, resolve, start_folder};
use crate::app::i18n::tr;
use crate::app::import::parse_published;
use crate::export::ExportFormat;

impl AtlasApp {
    /// The folder the dialog opens in and typed names land in.
    fn folder(&self) -> PathBuf {
        start_folder(self.state.last_folder.as_deref())
    }

    /// Remembers the folder of `path` (absolute) for the next dialog.
    fn remember_folder(&mut self, path: &Path) {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.state.last_folder = Some(parent.to_path_buf());
        }
    }

    /// Opens the file dialog for `purpose`, offering the form's file name
    /// when something is to be written.
    pub(super) fn choose_file(&mut self, purpose: FilePurpose) {
        let typed = match purpose {
            FilePurpose::Export => Some(self.export.path.trim()),
            FilePurpose::Picture => Some(self.snapshot.path.trim()),
            FilePurpose::Import | FilePurpose::MbTiles => None,
        };
        let name = typed
            .and_then(|t| Path::new(t).file_name())
            .map(|n| n.to_string_lossy().into_owned());
        let folder = self.folder();
        self.files.open(purpose, &folder, name.as_deref());
    }

    /// Files were chosen in the dialog: the form takes their paths and its
    /// action runs on them (only an import takes more than one).
    pub(super) fn file_chosen(&mut self, purpose: FilePurpose, paths: Vec<PathBuf>) {
        let Some(path) = paths.first().cloned() else {
            return;
        };
        self.remember_folder(&path);
        match purpose {
            FilePurpose::Import => {
                self.import.file = paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join("; ");
                match parse_published(&self.import.published) {
                    Ok(published) => self.ingest_files(&paths, published),
                    Err(e) => self.import.outcome = Some(Outcome::Failed(e)),
                }
            }
            FilePurpose::Export => {
                // A name typed without an extension gets the chosen format's.
                let path = match ExportFormat::from_path(&path) {
                    Some(_) => path,
                    None => path.with_extension(self.export.format.extension()),
                };
                self.set_export_path(&path);
                self.export_to(&path, self.export.format);
            }
            FilePurpose::Picture => {
                let path = if path.extension().is_some() {
                    path
                } else {
                    path.with_extension("png")
                };
                self.snapshot.path = path.display().to_string();
                self.save_picture(&path);
            }
            FilePurpose::MbTiles => {
                let path = path.display().to_string();
                self.basemap_form.use_file = true;
                self.basemap_form.path = path.clone();
                self.basemap_form.error = None;
                self.state.basemap = BasemapChoice::MbTiles(path);
            }
        }
    }

    /// Writes the shown incidents to `path` (a relative one inside the last
    /// folder): on a thread for a database file, inline for one in memory.
    pub(super) fn export_to(&mut self, path: &Path, format: ExportFormat) {
        if self.export.running.is_some() {
            return;
        }
        let path = resolve(path, &self.folder());
        self.remember_folder(&path);
        let shown: HashSet<i64> = self
            .visible()
            .into_iter()
            .filter_map(|i| self.incidents.get(i).map(|x| x.id))
            .collect();
        if self.workspace.path.is_file() {
            let repaint = self.repaint.clone();
            let wake = move || {
                if let Some(ctx) = &repaint {
                    ctx.request_repaint();
                }
            };
            self.export.outcome = None;
            self.export.running = Some(export::spawn(
                self.workspace.path.clone(),
                shown,
                format,
                path,
                wake,
            ));
        } else {
            self.export.outcome = Some(export::export(
                &self.workspace.store,
                &shown,
                format,
                &path,
                crate::app::i18n::current(),
            ));
        }
    }

    /// Asks for the map picture to be saved at `path` (a relative one inside
    /// the last folder).
    pub(super) fn save_picture(&mut self, path: &Path) {
        let path = resolve(path, &self.folder());
        self.remember_folder(&path);
        if !self.map_rect.is_positive() {
            self.snapshot.outcome = Some(Outcome::Failed(tr("picture-not-drawn")));
            return;
        }
        // Tiles are GPU textures: only a screenshot has them. Without tiles
        // the picture is drawn at once from the data.
        match (&self.repaint, self.tiles_on()) {
            (Some(ctx), true) => self.snapshot.request(ctx, self.map_rect, path),
            _ => self.write_picture(None, &path),
        }
    }
}
