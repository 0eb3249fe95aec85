//! The "Near this point" popup, opened by a right click on the map, and
//! the curated place it can save into the gazetteer.

use egui::Ui;

use super::AtlasApp;
use crate::app::command::{Command, Outcome};
use crate::app::details::DetailsForm;
use crate::app::i18n::{tr, tr_args, tr_error};
use crate::app::reverse;

impl AtlasApp {
    /// The "Near this point" window, while one is open.
    pub(super) fn nearby_popup(&mut self, ui: &Ui) -> Vec<Command> {
        let Some(nearby) = self.nearby.as_mut() else {
            return Vec::new();
        };
        let selected = self
            .selected
            .as_ref()
            .and_then(|s| self.incidents.iter().find(|i| i.id == s.id));
        let mut open = true;
        let shown = egui::Window::new(tr("nearby-title"))
            .id(egui::Id::unique("near this point"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                reverse::show(ui, nearby, &self.workspace.gazetteer, selected)
            });
        if !open {
            self.nearby = None;
        }
        shown.and_then(|r| r.inner).unwrap_or_default()
    }

    /// Saves a curated place and rebuilds the gazetteer so lookups find it.
    pub(super) fn add_place(&mut self, new: crate::gazetteer::NewPlace) {
        let name = new.name.clone();
        let result = self
            .workspace
            .gazetteer
            .curate(new)
            .map_err(|e| e.to_string())
            .and_then(|place| {
                self.workspace
                    .store
                    .import_gazetteer(std::slice::from_ref(&place), &[])
                    .map_err(|e| tr_error("error-saving-place", &e))?;
                self.workspace
                    .store
                    .load_gazetteer()
                    .map_err(|e| tr_error("error-reading-gazetteer", &e))
            });
        let outcome = match result {
            Ok(gazetteer) => {
                self.workspace.gazetteer = gazetteer;
                // The candidates of the selected incident are looked up again.
                self.details = DetailsForm::default();
                Outcome::Done(tr_args("place-added", &[("name", name.as_str().into())]))
            }
            Err(e) => Outcome::Failed(e),
        };
        if let Some(nearby) = self.nearby.as_mut() {
            nearby.form.outcome = Some(outcome);
        }
    }
}
