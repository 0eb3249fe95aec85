//! The persisted `State` going in and out: taken up when the window opens
//! and handed to eframe's storage with the map's view as it stands.

use super::AtlasApp;
use crate::app::i18n;
use crate::app::state::State;
use crate::app::timeline;

impl AtlasApp {
    /// Takes up a persisted state: the map view, window, filters, panels.
    pub fn restore(&mut self, state: State) {
        self.map.restore(state.centre, state.zoom);
        let search_changed = state.filters.search != self.state.filters.search;
        self.state = state;
        i18n::set_current(self.state.language);
        self.state.playback.playing = false;
        if self.state.window.is_none() {
            self.state.window = timeline::full_range(&self.incidents);
        }
        if search_changed {
            self.run_search();
        }
    }

    /// The state to persist, as it stands.
    pub fn persisted(&self) -> State {
        let mut state = self.state.clone();
        state.centre = self.map.centre();
        state.zoom = self.map.zoom_level();
        state
    }
}
