//! The window: a map of incidents over an offline basemap, a timeline that
//! filters them by date, a details panel, report import and GeoJSON export.
//!
//! Every panel draws from `AtlasApp`'s state and returns `Command`s that are
//! applied after the frame, so nothing changes halfway through drawing.

mod atlas;
mod command;
mod details;
mod export;
mod import;
mod legend;
mod map_view;
mod markers;
mod timeline;

#[cfg(test)]
mod tests;

pub use atlas::AtlasApp;
pub use command::{Command, Outcome};
pub use legend::event_color;
pub use markers::visible;

use crate::setup::Workspace;

/// Opens the window on `workspace` and returns when it is closed.
pub fn run(workspace: Workspace) -> anyhow::Result<()> {
    let app = AtlasApp::new(workspace)?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Incident Atlas")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    // eframe's error holds windowing handles that are not `Sync`, so it is
    // turned into text here rather than wrapped.
    eframe::run_native(
        "Incident Atlas",
        options,
        Box::new(|_creation| Ok(Box::new(app))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
