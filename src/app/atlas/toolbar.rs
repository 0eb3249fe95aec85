//! The toolbar across the top of the window.

use egui::Ui;

use super::AtlasApp;
use crate::app::command::{Command, Panel};
use crate::app::i18n::{self, tr, tr_args};
use crate::app::mbtiles;

impl AtlasApp {
    /// The toolbar across the top: zoom, fit, basemap, panels, the Review
    /// mode, the language, Undo and the last database error.
    pub(super) fn toolbar(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::Panel::top("toolbar").show(ui, |ui| {
            // Wraps onto a second line on a narrow screen, so that every
            // control (Undo last) stays reachable.
            ui.horizontal_wrapped(|ui| {
                ui.strong("Incident Atlas");
                ui.label(self.workspace.path.display().to_string());
                ui.separator();
                if ui.button(tr("toolbar-zoom-in")).clicked() {
                    commands.push(Command::Zoom(1));
                }
                if ui.button(tr("toolbar-zoom-out")).clicked() {
                    commands.push(Command::Zoom(-1));
                }
                if ui
                    .button(tr("toolbar-fit"))
                    .on_hover_text(tr("toolbar-fit-hover"))
                    .clicked()
                {
                    commands.push(Command::FitToShown);
                }
                ui.separator();
                commands.extend(mbtiles::show_choice(
                    ui,
                    &mut self.basemap_form,
                    &self.state.basemap,
                ));
                ui.separator();
                let panels = self.state.panels;
                for (panel, open, label) in [
                    (Panel::Filters, panels.filters, "toolbar-filters-panel"),
                    (Panel::List, panels.list, "toolbar-list-panel"),
                    (Panel::Details, panels.details, "toolbar-details-panel"),
                ] {
                    if ui.selectable_label(open, tr(label)).clicked() {
                        commands.push(Command::ShowPanel { panel, open: !open });
                    }
                }
                ui.separator();
                let left = self.cache.queue.len();
                if ui
                    .selectable_label(
                        self.review,
                        tr_args("toolbar-review", &[("n", left.into())]),
                    )
                    .on_hover_text(tr("toolbar-review-hover"))
                    .clicked()
                {
                    commands.push(Command::SetReviewMode(!self.review));
                }
                // Before Undo, so that it stays put when Undo comes and goes.
                ui.separator();
                if let Some(language) = i18n::choice(ui, self.state.language) {
                    commands.push(Command::SetLanguage(language));
                }
                if let Some(undo) = &self.undo {
                    ui.separator();
                    ui.label(undo.label());
                    if ui.button(tr("toolbar-undo")).clicked() {
                        commands.push(Command::Undo);
                    }
                }
                if let Some(error) = &self.load_error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
            });
        });
        commands
    }
}
