//! The gazetteer: GeoNames files in, ranked candidate places out.

mod admin_code;
mod admin_name;
mod bundled;
mod country;
mod error;
mod fold;
#[allow(clippy::module_inception)] // the struct is named after the room it lives in
mod gazetteer;
mod geonames;
mod index;
mod rank;
mod spelling;
mod stopwords;

pub use admin_code::AdminCode;
pub use bundled::bundled;
pub use error::GazetteerError;
pub use fold::fold;
pub use gazetteer::Gazetteer;
pub use geonames::{GeoNamesFile, detect, parse_admin_codes, parse_geonames, to_geonames_line};
pub use rank::{Candidate, PlaceQuery};
