//! What the window holds and shows, read from outside the frame: by the
//! binary, and by the tests, which check what a frame drew and what a
//! command changed.

use std::path::Path;

use super::AtlasApp;
use crate::app::legend::Legend;
use crate::app::markers::Drawn;
use crate::model::{Incident, TimeWindow};
use crate::view::{self, Bin, Filters};

impl AtlasApp {
    /// Every incident in memory, oldest first.
    pub fn incidents(&self) -> &[Incident] {
        &self.incidents
    }

    pub fn window(&self) -> Option<TimeWindow> {
        self.state.window
    }

    pub fn filters(&self) -> &Filters {
        &self.state.filters
    }

    pub fn playing(&self) -> bool {
        self.state.playback.playing
    }

    /// Indices (into `incidents()`) of the incidents shown: inside the
    /// window and through the filters, in date order.
    pub fn visible(&self) -> Vec<usize> {
        let hits = self.hits.as_ref();
        view::visible(
            &self.incidents,
            self.state.window,
            &self.state.filters,
            hits,
        )
    }

    /// The histogram's bars as last drawn.
    pub fn histogram(&self) -> &[Bin] {
        &self.cache.bins
    }

    /// The list's rows (indices into `incidents()`) as last drawn.
    pub fn rows(&self) -> &[usize] {
        &self.cache.rows
    }

    pub fn selected(&self) -> Option<&Incident> {
        let id = self.selected.as_ref()?.id;
        self.incidents.iter().find(|i| i.id == id)
    }

    /// Where markers and clusters were drawn in the last frame.
    pub fn drawn(&self) -> &Drawn {
        self.map.drawn()
    }

    /// Where each single marker was drawn in the last frame: (incident id, screen position).
    pub fn drawn_markers(&self) -> Vec<(i64, egui::Pos2)> {
        self.map
            .drawn()
            .singles
            .iter()
            .map(|(id, pos, _)| (*id, *pos))
            .collect()
    }

    /// The store behind the window (tests read back what was saved).
    #[cfg(test)]
    pub(crate) fn workspace_store(&self) -> &crate::store::Store {
        &self.workspace.store
    }

    /// The point the "Near this point" popup is open at, as (lat, lon).
    pub fn nearby_point(&self) -> Option<(f64, f64)> {
        self.nearby.as_ref().map(|n| (n.lat, n.lon))
    }

    pub fn map_zoom(&self) -> f64 {
        self.map.zoom_level()
    }

    pub fn map_centre(&self) -> [f64; 2] {
        self.map.centre()
    }

    /// Where the map was drawn in the last frame.
    pub fn map_rect(&self) -> egui::Rect {
        self.map_rect
    }

    /// The legend over the map: its corner, whether moved or collapsed.
    pub fn legend(&self) -> &Legend {
        &self.legend
    }

    /// The export form's file path, as typed or as the format made it.
    pub fn export_path(&self) -> &str {
        &self.export.path
    }

    /// The path typed in the export form (tests point it at a temporary file).
    pub fn set_export_path(&mut self, path: &Path) {
        self.export.path = path.display().to_string();
        if let Some(format) = crate::export::ExportFormat::from_path(path) {
            self.export.format = format;
        }
    }
}
