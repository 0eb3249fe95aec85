//! The window: a map of incidents over an offline basemap, filters, a list in
//! step with the map, a timeline that plays through the dates, an editable
//! details panel, report import and GeoJSON export. What the analyst set up
//! (view, window, filters, panels) is remembered between sessions.
//!
//! Every panel draws from `AtlasApp`'s state and returns `Command`s that are
//! applied after the frame, so nothing changes halfway through drawing.

mod atlas;
mod basemap_choice;
mod command;
mod curation;
mod details;
mod error_chain;
mod export;
mod file_dialog;
mod file_purpose;
mod filters;
mod fonts;
mod frame_stats;
mod i18n;
mod icon;
mod import;
mod jobs;
mod legend;
mod list;
mod map_picture;
mod map_view;
mod markers;
mod mbtiles;
mod osm;
mod raster;
mod reverse;
mod review;
mod review_queue;
mod screen_fit;
mod snapshot;
mod snippet;
mod state;
mod timeline;
mod undo;
mod zoom;

#[cfg(test)]
mod i18n_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;

pub use atlas::AtlasApp;
pub use basemap_choice::BasemapChoice;
pub use command::{Command, Outcome, Panel};
pub use i18n::Language;
pub use legend::event_color;
pub use osm::OsmSource;
pub use state::{Panels, State};

use crate::setup::Workspace;

/// Opens the window on `workspace` and returns when it is closed.
pub fn run(workspace: Workspace) -> anyhow::Result<()> {
    let app = AtlasApp::new(workspace)?;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Incident Atlas")
        // Opens filling the screen, whatever its size; the size is only
        // what the window returns to when un-maximised.
        .with_maximized(true)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Some(icon) = icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    // eframe's error holds windowing handles that are not `Sync`, so it is
    // turned into text here rather than wrapped.
    eframe::run_native(
        "Incident Atlas",
        options,
        Box::new(|creation| {
            let mut app = app;
            // A missing or unreadable saved state opens the default view.
            if let Some(state) = creation
                .storage
                .and_then(|storage| eframe::get_value::<State>(storage, eframe::APP_KEY))
            {
                app.restore(state);
            } else {
                // A fresh start speaks the system's language; afterwards the
                // analyst's choice is remembered with the rest of the state.
                app.apply(Command::SetLanguage(Language::system()));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
