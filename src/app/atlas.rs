//! `AtlasApp`: the window's state and one frame of it.
//!
//! All incidents are loaded into memory, sorted by date, with their points
//! projected once to the unit Mercator square. What is shown (`visible`),
//! the list's order and the histogram are cached and recomputed only when
//! the data, the window, the filters or the sort change; a frame then only
//! lays the markers out. The panels read this state and return commands,
//! which `apply` carries out after the frame.

use std::collections::{HashMap, HashSet};

use anyhow::Context as _;
use egui::Ui;

use super::command::{Command, Outcome};
use super::details::{DetailsForm, Selection};
use super::export::ExportForm;
use super::file_dialog::FileChooser;
use super::filters::Choices;
use super::frame_stats::FrameStats;
use super::i18n;
use super::import::ImportForm;
use super::jobs::ImportJob;
use super::legend::Legend;
use super::map_view::MapView;
use super::mbtiles::BasemapForm;
use super::reverse::Nearby;
use super::review_queue;
use super::screen_fit::ScreenFit;
use super::snapshot::SnapshotForm;
use super::state::State;
use super::timeline::{self, DateFields};
use super::undo::Undo;
use crate::basemap::{Basemap, towns_from_places};
use crate::model::Incident;
use crate::setup::Workspace;
use crate::store::SearchHit;

mod cache;
mod dispatch;
mod editing;
/// Choosing files and writing where the analyst asked (`files.rs`).
mod files;
mod fit;
/// Selecting and showing what an import stored.
mod imported;
mod ingest;
mod map_panel;
mod nearby;
mod outside_writes;
mod panels;
mod persistence;
/// Drawing and saving the map picture.
mod picture;
mod playback;
mod readers;
mod review_mode;
mod search;
mod tiles;
mod toolbar;

use cache::Cache;

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
        let incidents = cache::load_incidents(&workspace).context("reading incidents")?;
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

        commands.extend(self.toolbar(ui));
        if self.review {
            commands.extend(self.review_panel(ui));
        }
        commands.extend(self.timeline_panel(ui, shown, total));
        commands.extend(self.side_panels(ui, shown, total));
        commands.extend(self.map_panel(ui, shown));

        commands.extend(self.nearby_popup(ui));
        commands.extend(self.files.show(ui.ctx()));
        self.had_keyboard = ui.ctx().egui_wants_keyboard_input();
        for command in commands {
            self.apply(command);
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
