//! The command dispatcher: the panels return `Command`s while drawing,
//! and `apply` carries each out once the frame is drawn.

use super::AtlasApp;
use crate::app::command::{Command, Panel};
use crate::app::i18n;
use crate::app::reverse::Nearby;

impl AtlasApp {
    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(None) => self.selected = None,
            Command::Select(Some(id)) => {
                self.select(id);
                self.scroll_to = Some(id);
            }
            Command::SelectRow(id) => {
                self.select(id);
                if let Some(incident) = self.incidents.iter().find(|i| i.id == id) {
                    let l = &incident.data.location;
                    self.map.centre_on(l.longitude, l.latitude);
                }
            }
            Command::SetWindow(window) => self.state.window = Some(window),
            Command::Focus { lon, lat } => self.map.focus(lon, lat),
            Command::ZoomInto { lon, lat } => self.map.zoom_into(lon, lat),
            Command::Zoom(step) => self.map.zoom(step),
            Command::FitToShown => self.fit_to_shown(),
            Command::IngestText { text, published } => self.ingest_text(&text, published),
            Command::SaveMapPicture { path } => self.save_picture(&path),
            Command::SetLanguage(language) => {
                self.state.language = language;
                i18n::set_current(language);
            }
            Command::SetBasemap(choice) => {
                self.basemap_form.error = None;
                self.state.basemap = choice;
            }
            Command::IngestFiles { paths, published } => self.ingest_files(&paths, published),
            Command::Export { path, format } => self.export_to(&path, format),
            Command::ChooseFile(purpose) => self.choose_file(purpose),
            Command::FileChosen { purpose, paths } => self.file_chosen(purpose, paths),
            Command::SetFilters(filters) => {
                let search_changed = filters.search != self.state.filters.search;
                self.state.filters = filters;
                if search_changed {
                    self.run_search();
                }
            }
            Command::SetSort(sort) => self.state.sort = sort,
            Command::SetBins(bins) => self.state.bins = bins,
            Command::TogglePlay => self.toggle_play(),
            Command::StepWindow { forward } => self.step_window(forward),
            // The window is left where it is: only later steps change size.
            Command::SetPlayStep(step) => self.state.playback.step = step,
            Command::SetSpeed(speed) => self.state.playback.speed = speed.clamp(0.1, 60.0),
            Command::SetWindowMode(mode) => self.state.playback.mode = mode,
            Command::SetPlayLength(length) => self.state.playback.length = length.clamp(1, 52),
            Command::SetFollow(follow) => self.state.playback.follow = follow,
            Command::ShowPanel { panel, open } => match panel {
                Panel::Filters => self.state.panels.filters = open,
                Panel::List => self.state.panels.list = open,
                Panel::Details => self.state.panels.details = open,
            },
            Command::Update { id, data } => self.update(id, *data),
            Command::Delete(id) => self.delete(id),
            Command::Accept(id) => self.accept(id),
            Command::SetReviewMode(on) => self.set_review_mode(on),
            Command::ReviewStep { forward } => self.review_step(forward),
            Command::Correct => {
                self.state.panels.details = true;
                self.details.focus_editor = true;
            }
            Command::Undo => self.undo(),
            Command::Reprocess(report_id) => self.reprocess(report_id),
            Command::Nearby { lat, lon } => {
                self.nearby = Some(Nearby::at(&self.workspace.gazetteer, lat, lon));
            }
            Command::AddPlace(new) => self.add_place(*new),
        }
    }
}
