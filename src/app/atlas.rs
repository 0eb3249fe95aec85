//! `AtlasApp`: the window's state and one frame of it.
//!
//! All incidents are loaded into memory, sorted by date, with their points
//! projected once to the unit Mercator square. What is shown (`visible`),
//! the list's order and the histogram are cached and recomputed only when
//! the data, the window, the filters or the sort change; a frame then only
//! lays the markers out. The panels read this state and return commands,
//! which `apply` carries out after the frame.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Context as _;
use egui::{Key, Ui};

use super::command::{Command, Outcome, Panel, error_chain};
use super::details::{self, DetailsForm, Selection};
use super::export::{self, ExportForm};
use super::file_dialog::FileChooser;
use super::filters::{self, Choices};
use super::frame_stats::FrameStats;
use super::i18n::{self, tr, tr_args, tr_error};
use super::import::{self, ImportForm};
use super::jobs::{self, ImportJob};
use super::legend::Legend;
use super::list;
use super::map_view::MapView;
use super::markers::Drawn;
use super::mbtiles::{self, BasemapForm, MbTilesSource};
use super::reverse::{self, Nearby};
use super::review_queue;
use super::screen_fit::ScreenFit;
use super::snapshot::{self, SnapshotForm};
use super::state::State;
use super::timeline::{self, DateFields, TimelineView};
use super::undo::Undo;
use super::zoom::MIN_ZOOM;
use crate::basemap::{Basemap, towns_from_places};
use crate::ingest::{IngestError, IngestSummary, ingest_text};
use crate::model::{Incident, TimeWindow};
use crate::setup::Workspace;
use crate::store::{IncidentFilter, SearchHit};
use crate::view::{self, Bin, Filters, SortKey, Step, next_window};

/// Choosing files and writing where the analyst asked (`files.rs`).
mod files;
/// Selecting and showing what an import stored.
mod imported;
mod outside_writes;
/// Drawing and saving the map picture.
mod picture;
/// Room (points) kept between the incidents and the map's edge when fitting.
const FIT_MARGIN: f32 = 60.0;
/// The closest "Fit to shown" goes: a lone incident with its district
/// around it, not a single street.
const FIT_MAX_ZOOM: f64 = 10.0;

/// What the caches were computed from; any change recomputes them.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    revision: u64,
    window: Option<TimeWindow>,
    filters: Filters,
    sort: SortKey,
    bins: Step,
}

/// Results that only change when the data or the analyst's choices change.
#[derive(Debug, Default)]
struct Cache {
    key: Option<CacheKey>,
    /// Indices into `incidents` of what is shown, in date order.
    visible: Vec<usize>,
    /// The same, in the list's order.
    rows: Vec<usize>,
    /// The histogram, over every date, with the other filters applied.
    bins: Vec<Bin>,
    /// The review queue: indices of the unreviewed shown incidents, shakiest first.
    queue: Vec<usize>,
}

/// The whole window's state.
pub struct AtlasApp {
    workspace: Workspace,
    basemap: Basemap,
    /// Every stored incident, oldest first (then by id).
    incidents: Vec<Incident>,
    /// Each incident's point on the unit Mercator square, parallel to `incidents`.
    points: Vec<[f64; 2]>,
    /// Bumped whenever `incidents` changes.
    revision: u64,
    choices: Choices,
    /// What is persisted between sessions.
    state: State,
    /// The full-text search's answer for `state.filters.search`.
    hits: Option<HashSet<i64>>,
    /// Why each of `hits` matched (see `snippet`).
    snippets: HashMap<i64, SearchHit>,
    cache: Cache,
    /// The selected incident, its report and its other accounts (read once,
    /// on selection).
    selected: Option<Selection>,
    /// The list scrolls to this incident on the next frame.
    scroll_to: Option<i64>,
    /// What the toolbar's Undo takes back.
    undo: Option<Undo>,
    /// The Review mode is on (not persisted: a new session starts browsing).
    review: bool,
    /// A widget had the keyboard when the last frame ended (see `review_queue::keys`).
    had_keyboard: bool,
    map: MapView,
    dates: DateFields,
    details: DetailsForm,
    pub(super) import: ImportForm,
    export: ExportForm,
    /// A failure to read or write the database, shown in the toolbar until the next success.
    load_error: Option<String>,
    /// The "Near this point" popup, open after a right click on the map.
    nearby: Option<Nearby>,
    /// The report files being imported off the UI thread.
    job: Option<ImportJob>,
    /// The window's context, so a background job can ask for a repaint.
    repaint: Option<egui::Context>,
    basemap_form: BasemapForm,
    snapshot: SnapshotForm,
    /// Where the map was drawn in the last frame (a picture is cropped to it).
    map_rect: egui::Rect,
    /// Frame-rate figures, when the environment asks for them.
    frame_stats: Option<FrameStats>,
    /// The file dialog, while one is open.
    files: FileChooser,
    /// Where the parts of the last map picture were drawn.
    picture_parts: Option<super::map_picture::Parts>,
    /// The outcome of the map picture being painted and saved off the
    /// window's thread, while it is.
    picture_saving: Option<std::sync::mpsc::Receiver<Outcome>>,
    /// Symbola is installed as the fallback font (on the first frame, as
    /// the context is only known then).
    fonts_installed: bool,
    legend: Legend,
    /// Sizes the window to the screen once it is open (not under tests).
    screen_fit: ScreenFit,
    /// Watches for incidents written by another program (the command line).
    pub(super) outside: outside_writes::OutsideWrites,
    /// Where OpenStreetMap tiles come from once the analyst picks them.
    osm_source: super::osm::OsmSource,
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
        let mut app = AtlasApp {
            workspace,
            basemap,
            incidents: Vec::new(),
            points: Vec::new(),
            revision: 0,
            choices: Choices::default(),
            state: State::default(),
            hits: None,
            snippets: HashMap::new(),
            cache: Cache::default(),
            selected: None,
            scroll_to: None,
            undo: None,
            review: false,
            had_keyboard: false,
            map: MapView::new(),
            dates: DateFields::default(),
            details: DetailsForm::default(),
            import: ImportForm::default(),
            export: ExportForm::default(),
            load_error: None,
            nearby: None,
            job: None,
            repaint: None,
            basemap_form: BasemapForm::default(),
            snapshot: SnapshotForm::default(),
            map_rect: egui::Rect::NOTHING,
            frame_stats: FrameStats::from_env(),
            files: FileChooser::default(),
            picture_parts: None,
            picture_saving: None,
            fonts_installed: false,
            legend: Legend::default(),
            screen_fit: ScreenFit::default(),
            outside: outside_writes::OutsideWrites::default(),
            osm_source: super::osm::OsmSource::Online,
        };
        app.set_incidents(incidents);
        app.state.window = timeline::full_range(&app.incidents);
        Ok(app)
    }

    /// The same window with OpenStreetMap tiles taken from `source`: a window
    /// that must stay offline (a test) asks for the stand-in.
    pub fn with_osm_source(mut self, source: super::osm::OsmSource) -> AtlasApp {
        self.osm_source = source;
        self
    }

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

    /// Whether the Review mode is on.
    pub fn reviewing(&self) -> bool {
        self.review
    }

    /// The review queue's incident ids, shakiest first (see `view::review_queue`).
    pub fn review_queue(&mut self) -> Vec<i64> {
        self.refresh();
        self.queue_ids()
    }

    /// The cached queue as incident ids (as of the last `refresh`).
    fn queue_ids(&self) -> Vec<i64> {
        self.cache
            .queue
            .iter()
            .filter_map(|&i| self.incidents.get(i).map(|x| x.id))
            .collect()
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

    fn set_incidents(&mut self, mut incidents: Vec<Incident>) {
        incidents.sort_by_key(|i| (i.data.event_date, i.id));
        self.points = incidents
            .iter()
            .map(|i| view::mercator(i.data.location.longitude, i.data.location.latitude))
            .collect();
        self.choices = Choices::of(&incidents);
        self.incidents = incidents;
        self.revision += 1;
    }

    /// Recomputes what is shown if anything it depends on changed.
    fn refresh(&mut self) {
        let key = CacheKey {
            revision: self.revision,
            window: self.state.window,
            filters: self.state.filters.clone(),
            sort: self.state.sort,
            bins: self.state.bins,
        };
        if self.cache.key.as_ref() == Some(&key) {
            return;
        }
        let old = self.cache.key.take();
        let hits = self.hits.as_ref();
        let visible = self.visible();
        let mut rows = visible.clone();
        view::sort_rows(&mut rows, &self.incidents, key.sort);
        let histogram_stale = old.as_ref().is_none_or(|o| {
            o.revision != key.revision || o.filters != key.filters || o.bins != key.bins
        });
        if histogram_stale {
            let everything = view::visible(&self.incidents, None, &key.filters, hits);
            self.cache.bins = match timeline::full_range(&self.incidents) {
                Some(range) => view::bins(
                    everything
                        .iter()
                        .filter_map(|&i| self.incidents.get(i))
                        .map(|i| i.data.event_date),
                    range,
                    key.bins,
                ),
                None => Vec::new(),
            };
        }
        self.cache.queue = view::review_queue(&self.incidents, &visible);
        self.cache.visible = visible;
        self.cache.rows = rows;
        self.cache.key = Some(key);
    }

    /// Draws the whole window into `ui`, then applies what was asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        self.repaint = Some(ui.ctx().clone());
        // This thread's text follows the state, whatever set it.
        i18n::set_current(self.state.language);
        if !self.fonts_installed {
            ui.ctx().set_fonts(super::fonts::definitions());
            self.fonts_installed = true;
        }
        self.poll_job();
        self.poll_picture();
        self.watch_outside_writes(ui.ctx());
        self.sync_tiles(ui.ctx());
        if let Some((backdrop, path)) = self.snapshot.poll(ui.ctx().pixels_per_point()) {
            self.write_picture(Some(backdrop), &path);
        }
        self.refresh();
        let mut commands: Vec<Command> = Vec::new();
        if self.review {
            let current = self.selected.as_ref().map(|s| s.id);
            commands.extend(review_queue::keys(ui.ctx(), current, self.had_keyboard));
        }
        commands.extend(self.keyboard_and_clock(ui));
        let total = self.incidents.len();
        let shown = self.cache.visible.len();

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
        if self.review {
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
        }
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

        commands.extend(self.nearby_popup(ui));
        commands.extend(self.files.show(ui.ctx()));
        self.had_keyboard = ui.ctx().egui_wants_keyboard_input();
        for command in commands {
            self.apply(command);
        }
    }

    /// Space plays or pauses, the arrow keys step (unless a field has the
    /// keyboard); while playing, the clock moves the window.
    fn keyboard_and_clock(&mut self, ui: &Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let ctx = ui.ctx();
        if !ctx.egui_wants_keyboard_input() {
            ctx.input_mut(|input| {
                if input.consume_key(egui::Modifiers::NONE, Key::Space) {
                    commands.push(Command::TogglePlay);
                }
                if input.consume_key(egui::Modifiers::NONE, Key::ArrowLeft) {
                    commands.push(Command::StepWindow { forward: false });
                }
                if input.consume_key(egui::Modifiers::NONE, Key::ArrowRight) {
                    commands.push(Command::StepWindow { forward: true });
                }
            });
        }
        if self.state.playback.playing {
            let dt = ctx.input(|input| input.stable_dt).min(0.5);
            for _ in 0..self.state.playback.tick(dt) {
                commands.push(Command::StepWindow { forward: true });
            }
            ctx.request_repaint();
        }
        commands
    }

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
            Command::Delete(id) => {
                // Asked before the incident leaves the queue.
                let next = self.next_in_review(id);
                match self.workspace.store.delete_incident(id) {
                    Ok(Some(incident)) => {
                        if self.selected.as_ref().is_some_and(|s| s.id == id) {
                            self.selected = None;
                        }
                        self.undo = Some(Undo::Delete(incident));
                        self.reload();
                        if self.review {
                            self.review_goto(next);
                        }
                    }
                    Ok(None) => self.reload(),
                    Err(e) => self.load_error = Some(tr_error("error-deleting", &e)),
                }
            }
            Command::Accept(id) => self.accept(id),
            Command::SetReviewMode(on) => {
                self.review = on;
                let queue = self.review_queue();
                let current = self.selected.as_ref().map(|s| s.id);
                if on && !current.is_some_and(|c| queue.contains(&c)) {
                    self.review_goto(queue.first().copied());
                }
            }
            Command::ReviewStep { forward } => {
                let queue = self.review_queue();
                let current = self.selected.as_ref().map(|s| s.id);
                if let Some(id) = view::review_step(&queue, current, forward) {
                    self.review_goto(Some(id));
                }
            }
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

    /// The "Near this point" window, while one is open.
    fn nearby_popup(&mut self, ui: &Ui) -> Vec<Command> {
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
    fn add_place(&mut self, new: crate::gazetteer::NewPlace) {
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

    fn select(&mut self, id: i64) {
        let report_id = self
            .incidents
            .iter()
            .find(|i| i.id == id)
            .map(|i| i.report_id);
        match Selection::read(&self.workspace.store, id, report_id) {
            Ok(selection) => self.selected = Some(selection),
            Err(e) => {
                self.load_error = Some(tr_error("error-reading-report", &e));
                self.selected = Some(Selection::bare(id));
            }
        }
    }

    /// Reads the selected incident's accounts and corrected fields again
    /// (after a correction, or a report read again).
    fn refresh_selection(&mut self) {
        if let Some(id) = self.selected.as_ref().map(|s| s.id) {
            self.select(id);
        }
    }

    /// Reads report `report_id` again and shows what changed.
    fn reprocess(&mut self, report_id: i64) {
        let outcome = match crate::ingest::reprocess(
            &mut self.workspace.store,
            &self.workspace.gazetteer,
            report_id,
        ) {
            Ok(done) => Outcome::Done(tr_args("reread-done", &[("done", done.to_string().into())])),
            Err(e) => Outcome::Failed(tr_error("reread-failed", &e)),
        };
        self.reload();
        // The selected incident may be gone (the new reading no longer finds it).
        let still_there = self
            .selected
            .as_ref()
            .is_some_and(|s| self.incidents.iter().any(|i| i.id == s.id));
        if still_there {
            self.refresh_selection();
        } else {
            self.selected = None;
        }
        self.details.outcome = Some(outcome);
    }

    /// Starts or stops playing. Play runs through the From–To range chosen
    /// (see `view::play_from`), a frame of the chosen length at a time.
    fn toggle_play(&mut self) {
        self.state.playback.toggle();
        let Some(all) = timeline::full_range(&self.incidents) else {
            return;
        };
        if !self.state.playback.playing {
            return;
        }
        let window = self.state.window.unwrap_or(all);
        let (range, first) = view::play_from(window, all, &self.state.playback);
        self.state.playback.range = Some(range);
        self.show_frame(first);
    }

    /// Moves the window a step. While it shows a frame of the range being
    /// played, it stays inside that range; otherwise inside all the dates.
    fn step_window(&mut self, forward: bool) {
        let Some(all) = timeline::full_range(&self.incidents) else {
            return;
        };
        let window = self.state.window.unwrap_or(all);
        let playback = &self.state.playback;
        let range = match playback.range {
            Some(range) if playback.frame == Some(window) => range,
            _ => all,
        };
        match next_window(window, range, playback.step, playback.mode, forward) {
            Some(next) if playback.frame == Some(window) => self.show_frame(next),
            Some(next) => self.state.window = Some(next),
            // At the end of the range, playing stops.
            None => self.state.playback.playing = false,
        }
    }

    /// Shows a frame of the range being played and, if asked, moves the map
    /// to its incidents.
    fn show_frame(&mut self, frame: crate::model::TimeWindow) {
        self.state.window = Some(frame);
        self.state.playback.frame = Some(frame);
        if self.state.playback.follow {
            self.refresh();
            self.follow_shown();
        }
    }

    /// Brings the incidents shown into view: centred on them, zoomed out
    /// as far as they need but never in, so the map does not lurch from
    /// frame to frame. An empty frame leaves the map where it is.
    fn follow_shown(&mut self) {
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
    fn fit_to_shown(&mut self) {
        match self.shown_fit() {
            Some(fit) => self.map.fit(fit),
            None => self.map.reset(),
        }
    }

    /// Takes back the last deletion or run of corrections.
    fn undo(&mut self) {
        let Some(undo) = self.undo.take() else {
            return;
        };
        let id = undo.incident().id;
        let result = match &undo {
            Undo::Delete(incident) => self.workspace.store.restore_incident(incident),
            Undo::Accept(_) => self.workspace.store.set_reviewed(id, false).map(|_| ()),
            Undo::Edit { before, edited } => self
                .workspace
                .store
                .revert_incident(id, &before.data, edited)
                .map(|_| ()),
        };
        match result {
            Ok(()) => {
                self.reload();
                self.select(id);
                self.scroll_to = Some(id);
                self.load_error = None;
            }
            Err(e) => {
                self.load_error = Some(tr_error("error-undoing", &e));
                self.undo = Some(undo);
            }
        }
    }

    /// In the Review mode, the incident to show once `id` leaves the queue;
    /// `None` outside the mode or when `id` was the last one.
    fn next_in_review(&mut self, id: i64) -> Option<i64> {
        if !self.review {
            return None;
        }
        view::after_leaving(&self.review_queue(), id)
    }

    /// Makes `id` the current incident of the review (selected, its row in
    /// view, the map on it); `None` clears the selection (nothing left).
    fn review_goto(&mut self, id: Option<i64>) {
        let Some(id) = id else {
            self.selected = None;
            return;
        };
        self.select(id);
        self.scroll_to = Some(id);
        if let Some(incident) = self.incidents.iter().find(|i| i.id == id) {
            let l = &incident.data.location;
            self.map.centre_on(l.longitude, l.latitude);
        }
    }

    /// Marks incident `id` reviewed (Undo takes it back) and, in the Review
    /// mode, moves on to the next of the queue.
    fn accept(&mut self, id: i64) {
        let next = self.next_in_review(id);
        let Some(before) = self.incidents.iter().find(|i| i.id == id).cloned() else {
            return;
        };
        match self.workspace.store.set_reviewed(id, true) {
            Ok(true) => {
                if !before.reviewed {
                    self.undo = Some(Undo::Accept(before));
                }
                if let Some(incident) = self.incidents.iter_mut().find(|i| i.id == id) {
                    incident.reviewed = true;
                }
                // The queue and the "unreviewed only" filter depend on it.
                self.revision += 1;
                self.load_error = None;
                if self.review {
                    self.review_goto(next);
                }
            }
            Ok(false) => self.reload(),
            Err(e) => self.load_error = Some(tr_error("error-accepting", &e)),
        }
    }

    /// Saves a correction and patches the incident in memory (re-sorting if
    /// its date moved), without reading everything back. Undo can take it back.
    fn update(&mut self, id: i64, data: crate::model::IncidentData) {
        let before = self.incidents.iter().find(|i| i.id == id).cloned();
        let edited = match self.workspace.store.edited_fields(id) {
            Ok(edited) => edited,
            Err(e) => {
                self.load_error = Some(tr_error("error-saving", &e));
                return;
            }
        };
        match self.workspace.store.update_incident(id, &data) {
            Ok(true) => {
                if let Some(before) = before {
                    self.undo = Some(Undo::after_edit(self.undo.take(), before, edited));
                }
                self.refresh_selection();
                let mut incidents = std::mem::take(&mut self.incidents);
                if let Some(incident) = incidents.iter_mut().find(|i| i.id == id) {
                    incident.data = data;
                }
                self.set_incidents(incidents);
                if !self.state.filters.search.trim().is_empty() {
                    self.run_search();
                }
                self.load_error = None;
            }
            Ok(false) => self.reload(),
            Err(e) => self.load_error = Some(tr_error("error-saving", &e)),
        }
    }

    /// Runs the full-text search for the current search text.
    fn run_search(&mut self) {
        let query = self.state.filters.search.trim();
        self.snippets.clear();
        if query.is_empty() {
            self.hits = None;
            self.revision += 1;
            return;
        }
        match self.workspace.store.search_hits(query) {
            Ok(hits) => {
                self.hits = Some(hits.iter().map(|h| h.incident_id).collect());
                self.snippets = hits.into_iter().map(|h| (h.incident_id, h)).collect();
            }
            Err(e) => {
                self.load_error = Some(tr_error("error-searching", &e));
                self.hits = Some(HashSet::new());
            }
        }
        // The hits are part of what `visible` depends on.
        self.revision += 1;
    }

    /// Why incident `id` matched the current search, if one runs.
    pub fn search_hit(&self, id: i64) -> Option<&SearchHit> {
        self.snippets.get(&id)
    }

    /// Imports report files: on a background thread with its own connection
    /// when the database is a file, inline for an in-memory one.
    fn ingest_files(&mut self, paths: &[std::path::PathBuf], published: Option<chrono::NaiveDate>) {
        if self.job.is_some() {
            return;
        }
        let files = match jobs::report_paths(paths) {
            Ok(files) => files,
            Err(e) => {
                self.import.outcome = Some(Outcome::Failed(e));
                return;
            }
        };
        if self.workspace.path.is_file() {
            let repaint = self.repaint.clone();
            let wake = move || {
                if let Some(ctx) = &repaint {
                    ctx.request_repaint();
                }
            };
            self.import.progress = Some((0, files.len()));
            self.import.outcome = None;
            self.job = Some(jobs::spawn(
                self.workspace.path.clone(),
                files,
                published,
                wake,
            ));
        } else {
            let job = jobs::run_inline(
                &mut self.workspace.store,
                &self.workspace.gazetteer,
                &files,
                published,
            );
            self.finish_job(&job);
        }
    }

    /// Opens (or closes) the tile source so it matches the chosen basemap.
    /// Sources are made here, when first chosen (or restored), never before:
    /// OpenStreetMap is only contacted once the analyst has picked it. A
    /// source that fails to open is reported once and the outlines stay.
    fn sync_tiles(&mut self, ctx: &egui::Context) {
        use super::state::BasemapChoice;
        let choice = self.state.basemap.clone();
        if choice == BasemapChoice::Outlines {
            self.map.clear_tiles();
            return;
        }
        if let BasemapChoice::MbTiles(path) = &choice
            && !self.basemap_form.use_file
        {
            // A restored state: show the file's path in the form.
            self.basemap_form.use_file = true;
            self.basemap_form.path = path.clone();
        }
        let open = self.map.tiles_choice() == Some(&choice);
        if open || self.basemap_form.error.is_some() {
            return;
        }
        let source: Result<super::map_view::BoxedTiles, String> = match &choice {
            BasemapChoice::MbTiles(path) => MbTilesSource::open(Path::new(path), ctx.clone())
                .map(|source| Box::new(source) as super::map_view::BoxedTiles)
                .map_err(|e| error_chain(&e)),
            BasemapChoice::OpenStreetMap => {
                super::osm::open(ctx, self.osm_source).map_err(|e| error_chain(&e))
            }
            BasemapChoice::Outlines => return,
        };
        match source {
            Ok(source) => self.map.set_tiles(choice, source),
            Err(e) => {
                self.map.clear_tiles();
                self.basemap_form.error = Some(e);
            }
        }
    }

    /// Takes the running job's news; reloads the incidents when it is done.
    fn poll_job(&mut self) {
        let Some(job) = &mut self.job else {
            return;
        };
        job.poll();
        self.import.progress = Some((job.done(), job.total));
        if job.finished()
            && let Some(job) = self.job.take()
        {
            self.finish_job(&job);
        }
    }

    fn finish_job(&mut self, job: &ImportJob) {
        self.import.progress = None;
        let stored = job.results.iter().any(|r| r.result.is_ok());
        let all_failed = job.failed.is_some() || (!stored && !job.results.is_empty());
        if stored {
            let before: HashSet<i64> = self.incidents.iter().map(|i| i.id).collect();
            self.reload();
            let new: Vec<i64> = self
                .incidents
                .iter()
                .map(|i| i.id)
                .filter(|id| !before.contains(id))
                .collect();
            self.show_imported(&new);
        }
        self.import.outcome = Some(if all_failed {
            Outcome::Failed(job.summary())
        } else {
            Outcome::Done(job.summary())
        });
    }

    /// True while report files are being imported in the background.
    pub fn importing(&self) -> bool {
        self.job.is_some()
    }

    fn after_ingest(&mut self, result: Result<IngestSummary, IngestError>) {
        self.import.outcome = Some(match result {
            Ok(summary) => {
                self.reload();
                self.show_imported(&summary.incident_ids);
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
                self.set_incidents(incidents);
                let new_range = timeline::full_range(&self.incidents);
                if self.state.window.is_none() || self.state.window == old_range {
                    self.state.window = new_range;
                }
                if !self.state.filters.search.trim().is_empty() {
                    self.run_search();
                }
                self.load_error = None;
            }
            Err(e) => self.load_error = Some(tr_error("error-reading-incidents", &e)),
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        self.screen_fit.run(ui.ctx());
        AtlasApp::ui(self, ui);
        if let Some(stats) = &mut self.frame_stats {
            if let Some(line) = stats.record(std::time::Instant::now(), frame.info().cpu_usage) {
                eprintln!("{line}");
            }
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.persisted());
    }
}

fn load_incidents(workspace: &Workspace) -> Result<Vec<Incident>, crate::store::StoreError> {
    workspace.store.incidents(&IncidentFilter::default())
}
