//! What a file the analyst chooses is for. Its own room because the
//! commands name it (`Command::ChooseFile`, `Command::FileChosen`) and the
//! dialog that returns those commands uses it too.

use crate::app::i18n::tr;

/// What a chosen file is for; it decides the dialog's kind and title and
/// what happens once a file is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    /// A report or an incident table to import.
    Import,
    /// Where to write the shown incidents.
    Export,
    /// Where to save the map picture.
    Picture,
    /// An MBTiles basemap to open.
    MbTiles,
}

impl FilePurpose {
    /// True when the file is to be written (a save dialog), not read.
    pub fn saves(self) -> bool {
        matches!(self, FilePurpose::Export | FilePurpose::Picture)
    }

    /// The dialog's title.
    pub(super) fn title(self) -> String {
        tr(match self {
            FilePurpose::Import => "dialog-import-title",
            FilePurpose::Export => "dialog-export-title",
            FilePurpose::Picture => "dialog-picture-title",
            FilePurpose::MbTiles => "dialog-mbtiles-title",
        })
    }

    /// The label of the button that opens the dialog (distinct per form, so
    /// each can be found by its label).
    pub fn button(self) -> String {
        tr(match self {
            FilePurpose::Import => "dialog-import-button",
            FilePurpose::Export => "dialog-export-button",
            FilePurpose::Picture => "dialog-picture-button",
            FilePurpose::MbTiles => "dialog-mbtiles-button",
        })
    }
}
