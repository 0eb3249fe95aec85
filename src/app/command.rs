//! What the panels ask for. Drawing never changes the world; it returns
//! commands that `AtlasApp::apply` carries out once the frame is drawn.

use std::path::PathBuf;

pub use super::error_chain::error_chain;

use chrono::NaiveDate;

use crate::model::{IncidentData, TimeWindow};
use crate::view::{Filters, SortKey, Step, WindowMode};

/// One thing the analyst asked for during a frame.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// Select an incident by id (on the map), or clear the selection; the
    /// list scrolls to the selected row.
    Select(Option<i64>),
    /// Select an incident from the list: the map centres on it.
    SelectRow(i64),
    /// Show only incidents dated inside this window.
    SetWindow(TimeWindow),
    /// Centre the map on a point (lon, lat) and zoom in to see it.
    Focus {
        lon: f64,
        lat: f64,
    },
    /// Centre the map on a cluster (lon, lat) and zoom in two steps to split it.
    ZoomInto {
        lon: f64,
        lat: f64,
    },
    /// Zoom the map in (`+1`) or out (`-1`).
    Zoom(i8),
    /// Fit the map to the incidents shown (the opening view when none are).
    FitToShown,
    /// Extract and store a pasted report.
    IngestText {
        text: String,
        published: Option<NaiveDate>,
    },
    /// Read, extract and store report files (a folder stands for its
    /// `.txt` files), off the UI thread when the database is a file.
    IngestFiles {
        paths: Vec<PathBuf>,
        published: Option<NaiveDate>,
    },
    /// Write the incidents currently shown to a file.
    Export {
        path: PathBuf,
        format: crate::export::ExportFormat,
    },
    /// Replace the filters (a new search text runs the full-text search).
    SetFilters(Filters),
    /// Sort the list.
    SetSort(SortKey),
    /// The histogram's bar width.
    SetBins(Step),
    /// Start or stop playing the timeline.
    TogglePlay,
    /// Move the window one step forward or back.
    StepWindow {
        forward: bool,
    },
    /// The playback's step; the window stays where it is.
    SetPlayStep(Step),
    /// Playback speed in steps per second.
    SetSpeed(f32),
    SetWindowMode(WindowMode),
    /// How many steps a played frame spans.
    SetPlayLength(u32),
    /// Whether the map moves to each played frame's incidents.
    SetFollow(bool),
    /// Open or close a side panel.
    ShowPanel {
        panel: Panel,
        open: bool,
    },
    /// Save an analyst's correction of an incident.
    Update {
        id: i64,
        data: Box<IncidentData>,
    },
    /// Delete an incident (it can be undone). In the Review mode this is
    /// the dismissal, and the next incident of the queue comes up.
    Delete(i64),
    /// Enter or leave the Review mode (see `review_queue`).
    SetReviewMode(bool),
    /// Mark an incident reviewed: the analyst accepts its coding (it can be
    /// undone). In the Review mode the next incident of the queue comes up.
    Accept(i64),
    /// Move to the next (or previous) incident of the review queue.
    ReviewStep {
        forward: bool,
    },
    /// Put the keyboard in the details editor to correct the selected incident.
    Correct,
    /// Take back the last deletion or run of corrections to one incident.
    Undo,
    /// Read a stored report again with today's rules and gazetteer, keeping
    /// the analyst's corrections and deletions.
    Reprocess(i64),
    /// Show what lies around a point (a right click on the map).
    Nearby {
        lat: f64,
        lon: f64,
    },
    /// Save a curated place and rebuild the gazetteer with it.
    AddPlace(Box<crate::gazetteer::NewPlace>),
    /// Take a screenshot, crop it to the map and save it as a PNG.
    SaveMapPicture {
        path: PathBuf,
    },
    /// Draw the map over our outlines only, or over an MBTiles file's tiles.
    SetBasemap(super::basemap_choice::BasemapChoice),
    /// Speak this language from now on (and remember it).
    SetLanguage(super::i18n::Language),
    /// Open the file dialog to choose a file for this purpose.
    ChooseFile(super::file_purpose::FilePurpose),
    /// Files were chosen in the dialog (one, except for an import, where a
    /// day's reports are picked at once): fill the form's path and carry
    /// the form's action out on them (import, export, save, open).
    FileChosen {
        purpose: super::file_purpose::FilePurpose,
        paths: Vec<PathBuf>,
    },
}

/// The side panels that can be closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Filters,
    List,
    Details,
}

/// How the last ingest or export went, as the panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done(String),
    Failed(String),
}

impl Outcome {
    /// Draws the outcome in a colour that says which it is.
    pub fn show(&self, ui: &mut egui::Ui) {
        match self {
            Outcome::Done(text) => {
                ui.label(text);
            }
            Outcome::Failed(text) => {
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
        }
    }
}
