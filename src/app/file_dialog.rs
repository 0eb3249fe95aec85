//! Choosing a file: egui_file's dialog is drawn by egui inside our own
//! window, so it needs no desktop portal, zenity or GTK. It works on a bare
//! Linux desktop and under Xvfb, and kittest can drive it like any other
//! widget. (egui-file-dialog, the better known crate, has no release for
//! egui 0.37.) The typed path beside each "Choose" button stays, for a
//! path pasted from elsewhere.
//!
//! The dialog opens in the last folder a file was chosen or written in
//! (`State::last_folder`, so it survives a restart), and a typed name with
//! no folder goes there too, never silently into the launch directory.

use std::path::{Path, PathBuf};

use egui_file::FileDialog;

use super::command::Command;
use crate::app::i18n::tr;

pub use super::file_purpose::FilePurpose;

/// The open dialog, if one is.
#[derive(Default)]
pub struct FileChooser {
    open: Option<(FilePurpose, FileDialog)>,
}

impl FileChooser {
    /// Opens the dialog for `purpose` in `folder`; a save dialog offers
    /// `name` as the file name.
    pub fn open(&mut self, purpose: FilePurpose, folder: &Path, name: Option<&str>) {
        let mut dialog = if purpose.saves() {
            FileDialog::save_file()
        } else {
            FileDialog::open_file()
        }
        .initial_path(folder)
        .title(&purpose.title())
        // egui_file's own words, in the window's language.
        .open_button_text(tr("dialog-open").into())
        .save_button_text(tr("dialog-save").into())
        .cancel_button_text(tr("dialog-cancel").into())
        .new_folder_button_text(tr("dialog-new-folder").into())
        .new_folder_name_text(tr("dialog-new-folder-name").into())
        .rename_button_text(tr("dialog-rename").into())
        .file_label_text(tr("dialog-file").into())
        .show_hidden_checkbox_text(tr("dialog-show-hidden").into())
        .refresh_button_hover_text(tr("dialog-refresh").into())
        .parent_folder_button_hover_text(tr("dialog-parent").into())
        .default_size([560.0, 420.0])
        .keep_on_top(true)
        // A morning's reports come as several files: Ctrl+click and
        // Shift+click pick more than one to import.
        .multi_select(purpose == FilePurpose::Import);
        if let Some(name) = name {
            dialog = dialog.default_filename(name);
        }
        dialog.open();
        self.open = Some((purpose, dialog));
    }

    /// Draws the dialog; returns the chosen files once they are confirmed.
    /// Cancelling or closing the dialog just closes it.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Command> {
        let (purpose, dialog) = self.open.as_mut()?;
        let purpose = *purpose;
        dialog.show(ctx);
        match dialog.state() {
            egui_file::State::Open => None,
            egui_file::State::Selected => {
                let mut paths: Vec<PathBuf> = dialog
                    .selection()
                    .into_iter()
                    .map(Path::to_path_buf)
                    .collect();
                if paths.is_empty() {
                    paths.extend(dialog.path().map(Path::to_path_buf));
                }
                self.open = None;
                (!paths.is_empty()).then_some(Command::FileChosen { purpose, paths })
            }
            egui_file::State::Cancelled | egui_file::State::Closed => {
                self.open = None;
                None
            }
        }
    }
}

/// Where the dialog opens: the remembered folder while it still exists, else
/// the home folder, else the current one.
pub fn start_folder(last: Option<&Path>) -> PathBuf {
    if let Some(last) = last.filter(|p| p.is_dir()) {
        return last.to_path_buf();
    }
    directories::UserDirs::new()
        .map(|dirs| dirs.home_dir().to_path_buf())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The absolute path a typed path stands for: an absolute one as typed, a
/// relative one inside `folder` (see `start_folder`), so the status message
/// can name the file in full.
pub fn resolve(typed: &Path, folder: &Path) -> PathBuf {
    let joined = if typed.is_absolute() {
        typed.to_path_buf()
    } else {
        folder.join(typed)
    };
    // `absolute` only fails on an empty path, which `joined` is not.
    std::path::absolute(&joined).unwrap_or(joined)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_lands_in_the_folder_and_an_absolute_path_stays() {
        let folder = Path::new("/home/analyst/briefings");
        assert_eq!(
            resolve(Path::new("incidents.geojson"), folder),
            PathBuf::from("/home/analyst/briefings/incidents.geojson")
        );
        assert_eq!(
            resolve(Path::new("/tmp/out.csv"), folder),
            PathBuf::from("/tmp/out.csv")
        );
    }

    #[test]
    fn the_dialog_opens_in_the_last_folder_while_it_exists() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(start_folder(Some(dir.path())), dir.path());
        let gone = dir.path().join("gone");
        assert_ne!(start_folder(Some(&gone)), gone);
    }

    #[test]
    fn only_export_and_picture_dialogs_save() {
        assert!(FilePurpose::Export.saves() && FilePurpose::Picture.saves());
        assert!(!FilePurpose::Import.saves() && !FilePurpose::MbTiles.saves());
    }
}
