//! The opt-in OpenStreetMap basemap: tiles from tile.openstreetmap.org,
//! through walkers' `HttpTiles`. The atlas must work offline, so this source
//! is made only when the analyst picks it, never at start-up, and a window
//! built with [`OsmSource::StandIn`] (the tests') gets a stand-in that never
//! touches the network.
//!
//! The OSM tile usage policy (<https://operations.osmfoundation.org/policies/tiles/>)
//! asks for an identifying User-Agent, honouring the HTTP cache headers
//! (walkers' disk cache does) and a visible attribution (`MapView` draws it).

use std::path::{Path, PathBuf};

use egui::Context;
use walkers::sources::{Attribution, OpenStreetMap, TileSource};
use walkers::{HeaderValue, HttpOptions, HttpTiles, TileId, TilePiece, Tiles};

use super::map_view::BoxedTiles;

/// Who is asking, as the policy wants: name, version and where to read more.
pub const USER_AGENT: &str = concat!(
    env!("CARGO_PKG_NAME"),
    "/",
    env!("CARGO_PKG_VERSION"),
    " (+https://github.com/incident-atlas/incident-atlas)"
);

/// Why the online tiles could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum OsmError {
    /// reqwest refuses to build a client, most often because the system has
    /// no CA certificates; walkers panics then, so the panic is caught.
    #[error(
        "the HTTP client for OpenStreetMap tiles could not be set up (are CA certificates installed?)"
    )]
    Client,
}

/// The tile cache under the platform cache dir
/// (`~/.cache/incident-atlas/tiles/osm` on Linux), or `None` when the
/// platform has no home directory (then tiles are only kept in memory).
pub fn cache_dir() -> Option<PathBuf> {
    // The same project triple as `setup::default_database_path`, so the
    // cache sits beside the database's folder.
    directories::ProjectDirs::from("org", "Incident Atlas", "incident-atlas")
        .map(|dirs| cache_dir_under(dirs.cache_dir()))
}

/// Where OSM tiles are cached below the application's cache dir `base`.
pub fn cache_dir_under(base: &Path) -> PathBuf {
    base.join("tiles").join("osm")
}

/// How the tiles are fetched: our User-Agent and a disk cache.
pub fn http_options(cache: Option<PathBuf>) -> HttpOptions {
    HttpOptions {
        cache,
        user_agent: Some(HeaderValue::from_static(USER_AGENT)),
        ..HttpOptions::default()
    }
}

/// Where the OpenStreetMap basemap's tiles come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsmSource {
    /// tile.openstreetmap.org over HTTP: what the analyst opts into.
    Online,
    /// OSM's attribution and no tiles, for a window that must never reach
    /// the network (the tests pick OSM and must pass offline).
    StandIn,
}

/// The OpenStreetMap tile source `source` asks for.
pub fn open(ctx: &Context, source: OsmSource) -> Result<BoxedTiles, OsmError> {
    match source {
        OsmSource::Online => open_http(ctx),
        OsmSource::StandIn => Ok(Box::new(StandIn)),
    }
}

fn open_http(ctx: &Context) -> Result<BoxedTiles, OsmError> {
    // walkers' reqwest is built without a crypto provider, and there is only
    // one per process; an `Err` means it is already installed, which is fine.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let options = http_options(cache_dir());
    let ctx = ctx.clone();
    // walkers `expect`s the client to build; a machine without CA
    // certificates must lose the online tiles, not the whole window. Nothing
    // half-built survives a panic here (the options and the context clone
    // move in and are dropped), so asserting unwind safety is sound.
    let build =
        std::panic::AssertUnwindSafe(move || HttpTiles::with_options(OpenStreetMap, options, ctx));
    std::panic::catch_unwind(build)
        .map(|tiles| Box::new(tiles) as BoxedTiles)
        .map_err(|_| OsmError::Client)
}

/// Stands in for the HTTP source where no network may be used: OSM's
/// attribution, no tiles.
struct StandIn;

impl Tiles for StandIn {
    fn at(&mut self, _id: TileId) -> Option<TilePiece> {
        None
    }

    fn attribution(&self) -> Attribution {
        OpenStreetMap.attribution()
    }

    fn tile_size(&self) -> u32 {
        OpenStreetMap.tile_size()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{AtlasApp, BasemapChoice};
    use crate::gazetteer::Gazetteer;
    use crate::setup::Workspace;
    use crate::store::Store;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    #[test]
    fn the_user_agent_names_the_atlas_its_version_and_where_to_read_more() {
        let header = HeaderValue::from_static(USER_AGENT);
        let text = header.to_str().unwrap();
        assert!(text.starts_with(&format!("incident-atlas/{} ", env!("CARGO_PKG_VERSION"))));
        assert!(text.contains("https://"));
        let options = http_options(None);
        assert_eq!(options.user_agent, Some(header));
    }

    #[test]
    fn tiles_are_cached_in_a_tiles_osm_folder_under_the_cache_dir() {
        let base = Path::new("/home/analyst/.cache/incident-atlas");
        let dir = cache_dir_under(base);
        assert_eq!(dir, base.join("tiles").join("osm"));
        assert_eq!(http_options(Some(dir.clone())).cache, Some(dir));
        if let Some(dir) = cache_dir() {
            assert!(dir.ends_with("tiles/osm"));
        }
    }

    #[test]
    fn the_stand_in_has_the_openstreetmap_attribution_and_no_tiles() {
        let mut tiles = open(&Context::default(), OsmSource::StandIn).unwrap();
        assert_eq!(tiles.attribution().text, "OpenStreetMap contributors");
        assert_eq!(
            tiles.attribution().url,
            "https://www.openstreetmap.org/copyright"
        );
        assert!(
            tiles
                .at(TileId {
                    x: 0,
                    y: 0,
                    zoom: 0
                })
                .is_none()
        );
    }

    fn harness() -> Harness<'static, AtlasApp> {
        let workspace = Workspace {
            store: Store::open_in_memory().unwrap(),
            gazetteer: Gazetteer::new(vec![], vec![]),
            path: PathBuf::from(":memory:"),
        };
        Harness::builder()
            .with_size([1440.0, 900.0])
            .build_ui_state(
                |ui, app: &mut AtlasApp| app.ui(ui),
                AtlasApp::new(workspace)
                    .unwrap()
                    .with_osm_source(OsmSource::StandIn),
            )
    }

    const ATTRIBUTION: &str = "© OpenStreetMap contributors";

    #[test]
    fn choosing_openstreetmap_in_the_toolbar_is_remembered_and_shows_the_attribution() {
        let mut harness = harness();
        harness.run();
        assert_eq!(harness.state().persisted().basemap, BasemapChoice::Outlines);
        assert!(harness.query_by_label(ATTRIBUTION).is_none());

        harness.get_by_label("Basemap").click();
        harness.run();
        harness.get_by_label("OpenStreetMap (online)").click();
        harness.run();
        assert_eq!(
            harness.state().persisted().basemap,
            BasemapChoice::OpenStreetMap
        );
        harness.get_by_label(ATTRIBUTION);

        // Back to the outlines: no tiles, so no attribution either.
        harness.get_by_label("Basemap").click();
        harness.run();
        harness.get_by_label("Offline outlines").click();
        harness.run();
        assert_eq!(harness.state().persisted().basemap, BasemapChoice::Outlines);
        assert!(harness.query_by_label(ATTRIBUTION).is_none());
    }

    #[test]
    fn a_restored_openstreetmap_choice_opens_the_tiles_again() {
        let mut harness = harness();
        let mut state = harness.state().persisted();
        state.basemap = BasemapChoice::OpenStreetMap;
        harness.state_mut().restore(state);
        harness.run();
        harness.get_by_label(ATTRIBUTION);
    }
}
