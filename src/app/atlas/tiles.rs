//! Keeping the map's tile source in step with the chosen basemap.

use std::path::Path;

use super::AtlasApp;
use crate::app::command::error_chain;
use crate::app::mbtiles::MbTilesSource;

impl AtlasApp {
    /// Opens (or closes) the tile source so it matches the chosen basemap.
    /// Sources are made here, when first chosen (or restored), never before:
    /// OpenStreetMap is only contacted once the analyst has picked it. A
    /// source that fails to open is reported once and the outlines stay.
    pub(super) fn sync_tiles(&mut self, ctx: &egui::Context) {
        use crate::app::basemap_choice::BasemapChoice;
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
        let source: Result<crate::app::map_view::BoxedTiles, String> = match &choice {
            BasemapChoice::MbTiles(path) => MbTilesSource::open(Path::new(path), ctx.clone())
                .map(|source| Box::new(source) as crate::app::map_view::BoxedTiles)
                .map_err(|e| error_chain(&e)),
            BasemapChoice::OpenStreetMap => {
                crate::app::osm::open(ctx, self.osm_source).map_err(|e| error_chain(&e))
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
}
