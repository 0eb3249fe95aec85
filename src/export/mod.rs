//! Getting incidents out in the formats GIS tools open as-is: GeoJSON
//! (RFC 7946) and CSV with ACLED's column names, and GeoPackage; files are
//! written atomically so a failed export never clobbers a good one.

mod atomic;
mod csv;
mod error;
mod extras;
mod geojson;
mod gpkg;
mod selection;
mod wkb;

pub use atomic::write_atomic;
pub use csv::{AcledCsvWriter, write_acled_csv};
pub use error::ExportError;
pub use extras::{Extras, IncidentExtra};
pub use geojson::{GeoJsonWriter, event_id, write_geojson};
pub use gpkg::{
    APPLICATION_ID, FeatureSink, USER_VERSION, write_gpkg, write_gpkg_into, write_gpkg_with,
};
pub use selection::{ExportFormat, ExportTarget, Selection, export_incidents};
pub use wkb::{gpkg_point, wkb_point};
