//! The gazetteer: GeoNames files (and settlement lists: OpenStreetMap
//! extracts, OCHA/HDX tables) in, ranked candidate places out.

mod admin_code;
mod admin_name;
mod borders;
mod boundary;
mod bundled;
mod context;
mod country;
mod curated;
mod error;
mod fold;
#[allow(clippy::module_inception)] // the struct is named after the room it lives in
mod gazetteer;
mod geonames;
mod gpkg_read;
mod import_error;
mod import_id;
mod imported;
mod index;
#[cfg(test)]
mod mentions;
mod name_match;
mod osm;
mod query;
mod rank;
mod reason;
mod renames;
mod reverse;
mod scoring;
mod settlements;
mod spelling;
mod stopwords;
mod table;

pub use admin_code::AdminCode;
pub use borders::{clearly_elsewhere, country_at};
pub use boundary::{BoundaryError, Outline, bundled_outlines, parse_outlines};
pub use bundled::bundled;
pub use curated::{CURATED_ID_MAX, CurationError, NewPlace, curated_id, write_curated};
pub use error::GazetteerError;
pub use fold::fold;
pub use gazetteer::{Gazetteer, display_bare_name};
pub use geonames::{
    GeoNamesFile, GeoNamesRows, detect, parse_admin_codes, parse_geonames, read_geonames,
    to_geonames_line,
};
pub use gpkg_read::{GeometryProblem, decode_gpkg_point};
pub use import_error::PlaceImportError;
pub use import_id::{IMPORTED_ID_MAX, ImportKind, imported_id, is_imported_id};
pub use imported::{ImportedPlaces, Settlement, SkipReason, Skipped, country_code};
pub use osm::feature_code as osm_feature_code;
pub use query::PlaceQuery;
pub use rank::{Candidate, Ranked};
pub use renames::{AdminRename, bundled_renames, parse_renames};
pub use reverse::{AdminAt, ReverseResult};
pub use settlements::{TableColumns, TableFormat};
