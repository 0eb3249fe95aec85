//! Framing the incidents shown on the map: "Fit to shown" in the toolbar,
//! and following the played frames.

use super::AtlasApp;
use crate::app::zoom::MIN_ZOOM;
use crate::view;

/// Room (points) kept between the incidents and the map's edge when fitting.
const FIT_MARGIN: f32 = 60.0;
/// The closest "Fit to shown" goes: a lone incident with its district
/// around it, not a single street.
const FIT_MAX_ZOOM: f64 = 10.0;

impl AtlasApp {
    /// Brings the incidents shown into view: centred on them, zoomed out
    /// as far as they need but never in, so the map does not lurch from
    /// frame to frame. An empty frame leaves the map where it is.
    pub(super) fn follow_shown(&mut self) {
        if let Some(mut fit) = self.shown_fit() {
            fit.zoom = fit.zoom.min(self.map.zoom_level());
            self.map.fit(fit);
        }
    }

    /// The centre and zoom that frame the incidents shown, if any are.
    fn shown_fit(&self) -> Option<view::Fit> {
        let points = self
            .cache
            .visible
            .iter()
            .filter_map(|&i| self.points.get(i).copied());
        view::fit(
            points,
            self.map_size().into(),
            FIT_MARGIN,
            (MIN_ZOOM, FIT_MAX_ZOOM),
        )
    }

    /// The map's size as last drawn (before the first frame, a small window's).
    fn map_size(&self) -> egui::Vec2 {
        if self.map_rect.is_positive() {
            self.map_rect.size()
        } else {
            egui::vec2(800.0, 600.0)
        }
    }

    /// Fits the map to the incidents shown; with none shown, back to the
    /// opening view.
    pub(super) fn fit_to_shown(&mut self) {
        match self.shown_fit() {
            Some(fit) => self.map.fit(fit),
            None => self.map.reset(),
        }
    }
}
