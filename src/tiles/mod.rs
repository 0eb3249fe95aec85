//! Offline raster tiles for the map's background, read from files the analyst
//! already has; no network is ever used. Egui-free: the window decodes the
//! bytes into textures itself.

mod mbtiles;

pub use mbtiles::{MbTiles, MbTilesError};
