//! The panels around the map: the Review mode's panel under the toolbar,
//! the timeline along the bottom, and the side panels, each capped to a
//! share of the window so the map keeps most of it.

use egui::Ui;

use super::AtlasApp;
use crate::app::command::Command;
use crate::app::details;
use crate::app::export;
use crate::app::filters;
use crate::app::i18n::tr;
use crate::app::import;
use crate::app::list;
use crate::app::review_queue;
use crate::app::snapshot;
use crate::app::timeline::{self, TimelineView};

impl AtlasApp {
    /// The Review mode's panel under the toolbar: the current incident of
    /// the queue with its evidence.
    pub(super) fn review_panel(&mut self, ui: &mut Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let queue = self.queue_ids();
        let position = self
            .selected
            .as_ref()
            .and_then(|s| queue.iter().position(|&id| id == s.id));
        let current = position.and_then(|p| queue.get(p).copied());
        let view = review_queue::ReviewView {
            incident: current.and_then(|id| self.incidents.iter().find(|i| i.id == id)),
            report: self.selected.as_ref().and_then(|s| s.report.as_ref()),
            left: queue.len(),
            position: position.map(|p| p + 1),
        };
        // Tall enough for the evidence and a few lines around it, and
        // the analyst can drag it taller.
        egui::Panel::top("review")
            .resizable(true)
            .default_size(200.0)
            .min_size(120.0)
            .show(ui, |ui| {
                commands.extend(review_queue::show(ui, &view));
            });
        commands
    }

    /// The timeline along the bottom: histogram, window and playback.
    pub(super) fn timeline_panel(
        &mut self,
        ui: &mut Ui,
        shown: usize,
        total: usize,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        egui::Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(4.0);
            let view = TimelineView {
                range: timeline::full_range(&self.incidents),
                window: self.state.window,
                bins: &self.cache.bins,
                bin_step: self.state.bins,
                playback: &self.state.playback,
                shown,
                total,
            };
            commands.extend(timeline::show(ui, &mut self.dates, &view));
            ui.add_space(4.0);
        });
        commands
    }

    /// The side panels: filters, import, export and picture on the left;
    /// the list and the details sharing the right.
    pub(super) fn side_panels(&mut self, ui: &mut Ui, shown: usize, total: usize) -> Vec<Command> {
        let mut commands = Vec::new();
        // On a small screen (1024 px) the side panels at their usual widths
        // left the map a strip a third of the window wide: cap each panel to
        // a share of the window, so the map keeps at least about 40 %.
        let window_width = ui.max_rect().width();
        let side = |usual: f32, share: f32| {
            let most = (window_width * share).max(220.0);
            (usual.min(most), most)
        };
        if self.state.panels.filters {
            let (usual, most) = side(290.0, 0.28);
            egui::Panel::left("filters")
                .default_size(usual)
                .max_size(most)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        // Rows wrap at the panel's edge rather than run
                        // under it when the panel is capped (small screens).
                        ui.set_max_width(ui.available_width());
                        commands.extend(filters::show(
                            ui,
                            &self.state.filters,
                            &self.choices,
                            shown,
                            total,
                        ));
                        ui.separator();
                        egui::CollapsingHeader::new(tr("panel-import"))
                            .id_salt("import panel")
                            .default_open(true)
                            .show(ui, |ui| commands.extend(import::show(ui, &mut self.import)));
                        egui::CollapsingHeader::new(tr("panel-export"))
                            .id_salt("export panel")
                            .default_open(true)
                            .show(ui, |ui| {
                                commands.extend(export::show(ui, &mut self.export, shown));
                            });
                        egui::CollapsingHeader::new(tr("panel-picture"))
                            .id_salt("picture panel")
                            .default_open(true)
                            .show(ui, |ui| {
                                commands.extend(snapshot::show(ui, &mut self.snapshot));
                            });
                    });
                });
        }
        let selected = self.selected.as_ref().map(|s| s.id);
        // The list and the details share one right-hand panel, so the map
        // keeps most of the window's width.
        if self.state.panels.list || self.state.panels.details {
            let scroll_to = self.scroll_to.take();
            // Only a smaller start here, no cap: egui places a right-hand
            // panel whose content is wider than its cap over the map.
            let (usual, _) = side(360.0, 0.3);
            egui::Panel::right("incidents")
                .default_size(usual)
                .show(ui, |ui| {
                    if self.state.panels.list {
                        let height = if self.state.panels.details {
                            ui.available_height() * 0.4
                        } else {
                            ui.available_height()
                        };
                        let size = egui::vec2(ui.available_width(), height);
                        ui.allocate_ui(size, |ui| {
                            ui.set_min_height(height);
                            commands.extend(list::show(
                                ui,
                                &self.incidents,
                                &self.cache.rows,
                                selected,
                                self.state.sort,
                                scroll_to,
                                self.hits.as_ref().map(|_| &self.snippets),
                            ));
                        });
                        ui.separator();
                    }
                    if self.state.panels.details {
                        let incident =
                            selected.and_then(|id| self.incidents.iter().find(|i| i.id == id));
                        commands.extend(details::show(
                            ui,
                            &mut self.details,
                            incident,
                            self.selected.as_ref(),
                            &self.workspace.gazetteer,
                            selected.and_then(|id| self.snippets.get(&id)),
                        ));
                    }
                });
        }
        commands
    }
}
