//! Getting incidents out: GeoJSON (RFC 7946) with ACLED's column names, and
//! writing files atomically so a failed export never clobbers a good one.

mod atomic;
mod error;
mod geojson;

pub use atomic::write_atomic;
pub use error::ExportError;
pub use geojson::{event_id, write_geojson};
