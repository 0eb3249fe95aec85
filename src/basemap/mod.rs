//! The offline basemap: country outlines (world-atlas TopoJSON), admin-1
//! outlines (Natural Earth GeoJSON) and town points, all as lon/lat rings.
//!
//! Analysts often work without a network, so nothing here fetches tiles; the
//! boundary files are embedded in the binary and decoded once at start-up.
//! This module knows nothing of egui: the window projects and draws the rings.

mod error;
mod geojson;
mod layers;
mod outline;
mod topojson;
mod town;

pub use error::BasemapError;
pub use geojson::decode_geojson;
pub use layers::{Basemap, COUNTRIES_TOPOJSON, WEST_AFRICA};
pub use outline::Outline;
pub use topojson::decode_topojson;
pub use town::{Town, towns_from_places};
