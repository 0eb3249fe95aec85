//! `AtlasApp`: the window's state and one frame of it.
//!
//! All incidents are loaded into memory once (and again after an ingest):
//! a few thousand rows filter faster in a loop than through SQLite on every
//! slider move. The panels only read this state and return commands, which
//! `apply` carries out after the frame.

use std::path::Path;

use anyhow::Context as _;
use egui::Ui;

use super::command::{Command, Outcome, error_chain};
use super::details;
use super::export::{self, ExportForm};
use super::import::{self, ImportForm};
use super::legend;
use super::map_view::MapView;
use super::markers;
use super::timeline;
use crate::basemap::{Basemap, towns_from_places};
use crate::ingest::{IngestError, IngestSummary, ingest_text, read_report};
use crate::model::{Incident, Report, TimeWindow};
use crate::setup::Workspace;
use crate::store::IncidentFilter;

/// The whole window's state.
pub struct AtlasApp {
    workspace: Workspace,
    basemap: Basemap,
    /// Every stored incident, oldest first.
    incidents: Vec<Incident>,
    /// The timeline's window; `None` only while there are no incidents.
    window: Option<TimeWindow>,
    /// The selected incident's id and its report (read once, on selection).
    selected: Option<(i64, Option<Report>)>,
    map: MapView,
    import: ImportForm,
    export: ExportForm,
    /// A failure to read the database, shown in the toolbar until the next success.
    load_error: Option<String>,
}

impl AtlasApp {
    /// Loads the basemap and every incident. Needs no eframe context, so tests
    /// can build it headless.
    pub fn new(workspace: Workspace) -> anyhow::Result<AtlasApp> {
        let towns = towns_from_places(workspace.gazetteer.places());
        let basemap = Basemap::bundled()
            .context("decoding the bundled boundaries")?
            .with_towns(towns);
        let incidents = load_incidents(&workspace).context("reading incidents")?;
        let window = timeline::full_range(&incidents);
        Ok(AtlasApp {
            workspace,
            basemap,
            incidents,
            window,
            selected: None,
            map: MapView::new(),
            import: ImportForm::default(),
            export: ExportForm::default(),
            load_error: None,
        })
    }

    /// Every incident in memory, oldest first.
    pub fn incidents(&self) -> &[Incident] {
        &self.incidents
    }

    pub fn window(&self) -> Option<TimeWindow> {
        self.window
    }

    /// Indices (into `incidents()`) of the incidents the timeline lets through.
    pub fn visible(&self) -> Vec<usize> {
        markers::visible(&self.incidents, self.window)
    }

    pub fn selected(&self) -> Option<&Incident> {
        let (id, _) = self.selected.as_ref()?;
        self.incidents.iter().find(|i| i.id == *id)
    }

    /// Where each marker was drawn in the last frame: (incident id, screen position).
    pub fn drawn_markers(&self) -> &[(i64, egui::Pos2)] {
        self.map.markers()
    }

    pub fn map_zoom(&self) -> f64 {
        self.map.zoom_level()
    }

    /// The path typed in the export form (tests point it at a temporary file).
    pub fn set_export_path(&mut self, path: &Path) {
        self.export.path = path.display().to_string();
    }

    /// Draws the whole window into `ui`, then applies what was asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        let visible = self.visible();
        let mut commands: Vec<Command> = Vec::new();

        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Incident Atlas");
                ui.label(self.workspace.path.display().to_string());
                ui.separator();
                if ui.button("Zoom in").clicked() {
                    commands.push(Command::Zoom(1));
                }
                if ui.button("Zoom out").clicked() {
                    commands.push(Command::Zoom(-1));
                }
                if ui.button("Reset view").clicked() {
                    commands.push(Command::ResetView);
                }
                if let Some(error) = &self.load_error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
            });
        });
        egui::Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(4.0);
            commands.extend(timeline::show(
                ui,
                &self.incidents,
                self.window,
                visible.len(),
            ));
            ui.add_space(4.0);
        });
        egui::Panel::left("import")
            .default_size(300.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    commands.extend(import::show(ui, &mut self.import));
                    ui.separator();
                    commands.extend(export::show(ui, &mut self.export, visible.len()));
                });
            });
        egui::Panel::right("details")
            .default_size(320.0)
            .show(ui, |ui| {
                let report = self.selected.as_ref().and_then(|(_, r)| r.as_ref());
                let incident = self
                    .selected
                    .as_ref()
                    .and_then(|(id, _)| self.incidents.iter().find(|i| i.id == *id));
                commands.extend(details::show(ui, incident, report));
            });
        let selected = self.selected.as_ref().map(|(id, _)| *id);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            commands.extend(
                self.map
                    .show(ui, &self.basemap, &self.incidents, &visible, selected),
            );
            legend::show(ui, &self.incidents, &visible);
        });

        for command in commands {
            self.apply(command);
        }
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Select(None) => self.selected = None,
            Command::Select(Some(id)) => {
                let report_id = self
                    .incidents
                    .iter()
                    .find(|i| i.id == id)
                    .map(|i| i.report_id);
                let report = match report_id.map(|r| self.workspace.store.report(r)) {
                    Some(Ok(report)) => report,
                    Some(Err(e)) => {
                        self.load_error = Some(format!("reading the report: {}", error_chain(&e)));
                        None
                    }
                    None => None,
                };
                self.selected = Some((id, report));
            }
            Command::SetWindow(window) => self.window = Some(window),
            Command::Focus { lon, lat } => self.map.focus(lon, lat),
            Command::Zoom(step) => self.map.zoom(step),
            Command::ResetView => self.map.reset(),
            Command::IngestText { text, published } => {
                let result = ingest_text(
                    &mut self.workspace.store,
                    &self.workspace.gazetteer,
                    "pasted text",
                    &text,
                    published,
                );
                if result.is_ok() {
                    self.import.text.clear();
                }
                self.after_ingest(result);
            }
            Command::IngestFile { path, published } => {
                let source = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let result = read_report(&path).and_then(|text| {
                    ingest_text(
                        &mut self.workspace.store,
                        &self.workspace.gazetteer,
                        &source,
                        &text,
                        published,
                    )
                });
                self.after_ingest(result);
            }
            Command::Export { path } => {
                let shown: Vec<Incident> = self
                    .visible()
                    .into_iter()
                    .filter_map(|i| self.incidents.get(i).cloned())
                    .collect();
                self.export.outcome = Some(export::export(&path, &shown));
            }
        }
    }

    fn after_ingest(&mut self, result: Result<IngestSummary, IngestError>) {
        self.import.outcome = Some(match result {
            Ok(summary) => {
                self.reload();
                Outcome::Done(import::summarize(&summary))
            }
            Err(e) => Outcome::Failed(error_chain(&e)),
        });
    }

    /// Reads every incident again. A window that covered everything grows to
    /// cover the new dates too; a narrowed window is kept as the analyst set it.
    fn reload(&mut self) {
        match load_incidents(&self.workspace) {
            Ok(incidents) => {
                let old_range = timeline::full_range(&self.incidents);
                let new_range = timeline::full_range(&incidents);
                if self.window.is_none() || self.window == old_range {
                    self.window = new_range;
                }
                self.incidents = incidents;
                self.load_error = None;
            }
            Err(e) => self.load_error = Some(format!("reading incidents: {}", error_chain(&e))),
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
    }
}

fn load_incidents(workspace: &Workspace) -> Result<Vec<Incident>, crate::store::StoreError> {
    let mut incidents = workspace.store.incidents(&IncidentFilter::default())?;
    incidents.sort_by_key(|i| (i.data.event_date, i.id));
    Ok(incidents)
}
