//! The central panel: the map with its markers, the legend over it, and
//! the time window written on it so that a screenshot says when it shows.

use egui::Ui;

use super::AtlasApp;
use crate::app::command::Command;
use crate::app::i18n::tr_args;
use crate::app::timeline;

impl AtlasApp {
    /// The map filling the rest of the window, with its legend and the
    /// time window written over it.
    pub(super) fn map_panel(&mut self, ui: &mut Ui, shown: usize) -> Vec<Command> {
        let mut commands = Vec::new();
        let selected = self.selected.as_ref().map(|s| s.id);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.map_rect = ui.max_rect();
            commands.extend(self.map.show(
                ui,
                &self.basemap,
                &self.incidents,
                &self.points,
                &self.cache.visible,
                selected,
            ));
            self.legend.show(
                ui,
                self.map_rect,
                self.map.drawn(),
                &self.incidents,
                &self.cache.visible,
            );
            if let Some(window) = self.state.window {
                // Written on the map so that a screenshot says when it shows.
                let text = tr_args(
                    "map-window-shown",
                    &[
                        ("window", timeline::window_text(window).into()),
                        ("n", shown.into()),
                    ],
                );
                let rect = ui.max_rect();
                let top = egui::Rect::from_center_size(
                    egui::pos2(rect.center().x, rect.top() + 22.0),
                    egui::vec2(rect.width().min(360.0), 32.0),
                );
                ui.scope_builder(egui::UiBuilder::new().max_rect(top), |ui| {
                    ui.vertical_centered(|ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| {
                            ui.label(egui::RichText::new(text).size(15.0).strong());
                        });
                    });
                });
            }
        });
        commands
    }
}
